"""A light start: what a fresh `speller` process imports before it does what it was asked.

`import speller.cli` (every command, `--help`) loads no checker, dictionary, config, TOML, JSON or `regex`;
`speller check` of a text file with no config above it reads no TOML and loads no server, LSP or build code.
Each runs in a fresh interpreter, so modules imported by other tests do not count.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WAIT = 120
TYPO_LINE = "Presiden Rusia bertemu di luar angksa.\n"


def _loaded_after(code: str, cwd: Path) -> set[str]:
    """The modules loaded after `code` runs in a fresh interpreter in `cwd`."""
    tail = "\nimport sys\nprint(' '.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code + tail], capture_output=True, text=True, cwd=cwd, timeout=WAIT, check=True
    )
    return set(done.stdout.split())


def test_importing_the_cli_loads_no_checker_dictionary_config_toml_json_or_regex(tmp_path):
    loaded = _loaded_after("import speller.cli", tmp_path)
    assert "speller.cli" in loaded
    heavy = {"json", "tomllib", "regex", "speller.checker", "speller.dictionary", "speller.config", "speller.tokenize"}
    assert not loaded & heavy, loaded & heavy


def test_a_check_of_a_text_file_without_config_reads_no_toml(tmp_path):
    (tmp_path / "artikel.txt").write_text(TYPO_LINE, encoding="utf-8")
    code = (
        "import sys, contextlib, io, speller.cli\n"
        "sys.argv = ['speller', 'check', 'artikel.txt']\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        "    speller.cli.main()\n"
        "assert 'angksa' in out.getvalue(), out.getvalue()"
    )
    loaded = _loaded_after(code, tmp_path)
    assert "speller.checker" in loaded  # it did check
    unwanted = {"tomllib", "speller.server", "speller.lsp", "speller.build", "speller.languagetool", "hashlib"}
    assert not loaded & unwanted, loaded & unwanted
