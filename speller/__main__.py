"""`python -m speller ...` runs as the `speller` console script does (`speller.shell.main`)."""

from .shell import main

main()
