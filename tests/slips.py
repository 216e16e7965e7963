"""The stock slip that tests of plumbing (exit codes, files written, config, output formats, the page, pre-commit)
write to have something `speller fix` mends.

One clear slip of a frequent word with no close rival: the shipped model flags it with a raw posterior of 1.000, in the
top `typo word` step of `dictionaries/calibration.tsv` (0.966 in the refit of 30 Nov 2026, far above FIX_CONFIDENCE),
so `fix` applies it. If a refit moves it under the fix, change it here, not in each test.
"""

from __future__ import annotations

#: A transposition of the last two letters of `pemerintah`.
SLIP = "pemerinath"
#: The word meant, the slip's first suggestion.
MEANT = "pemerintah"
