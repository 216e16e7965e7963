"""The garbage collector: the `speller` process tunes it (`speller.shell.tune_collector`), the library never does.

Each case runs in a fresh interpreter, which first sets a threshold of its own: the library and the shells' modules
must leave it as they found it; the console script's entry point (and `python -m speller`) set the youngest
generation to GC_YOUNG_THRESHOLD and keep the older generations' thresholds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from speller.shell import GC_YOUNG_THRESHOLD

WAIT = 120
TYPO_LINE = "Presiden Rusia bertemu di luar angksa.\n"
#: A threshold no interpreter starts with, set before speller is imported.
OWN = (1234, 7, 9)
_SET_OWN = f"import gc\ngc.set_threshold(*{OWN!r})\n"
#: Prints the collector's state (threshold, enabled, frozen objects) as one line of Python literals.
_STATE = "print(repr((gc.get_threshold(), gc.isenabled(), gc.get_freeze_count())), flush=True)\n"


def _last_line(code: str, cwd: Path, *args: str) -> tuple[int, str, str]:
    """(exit code, whole stdout, its last line) of `code` run in a fresh interpreter in `cwd` with `args`."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, timeout=WAIT, check=False
    )
    return done.returncode, done.stdout, done.stdout.splitlines()[-1] if done.stdout else ""


def test_the_library_and_the_shell_modules_leave_the_collector_as_they_found_it(tmp_path):
    code = (
        _SET_OWN
        + "from speller import Speller\n"
        + "s = Speller()\n"
        + f"assert 'angksa' in [i.word for i in s.check({TYPO_LINE!r})]\n"
        + "assert s.suggest('angksa')\n"
        + "s.correct('di luar angksa')\n"
        + "import speller.cli, speller.shell, speller.workspace\n"
        + _STATE
    )
    code_, _, state = _last_line(code, tmp_path)
    assert code_ == 0
    assert state == repr((OWN, True, 0))


def test_the_console_script_check_sets_the_young_threshold_and_keeps_the_older_ones(tmp_path):
    (tmp_path / "artikel.txt").write_text(TYPO_LINE, encoding="utf-8")
    code = (
        _SET_OWN
        + "import os, sys\n"
        + "from speller.shell import main\n"
        + "sys.argv = ['speller', *sys.argv[1:]]\n"
        + "_exit = os._exit\n"
        + "def report(code):\n"
        + "    "
        + _STATE
        + "    _exit(code)\n"
        + "os._exit = report  # the console script ends by os._exit: report the collector just before\n"
        + "main()\n"
    )
    code_, out, state = _last_line(code, tmp_path, "check", "artikel.txt")
    assert code_ == 1 and "angksa" in out  # it checked, and found the typo
    assert state == repr(((GC_YOUNG_THRESHOLD, *OWN[1:]), True, 0))


def test_every_other_command_line_runs_with_the_same_setting(tmp_path):
    """The click CLI's commands (`lsp`, `serve`, `fix`, ... here `--version`) enter by the same `main`."""
    code = (
        _SET_OWN
        + "import contextlib, sys\n"
        + "from speller.shell import main\n"
        + "sys.argv = ['speller', '--version']\n"
        + "with contextlib.suppress(SystemExit):\n"
        + "    main()\n"
        + _STATE
    )
    code_, out, state = _last_line(code, tmp_path)
    assert code_ == 0 and "version" in out
    assert state == repr(((GC_YOUNG_THRESHOLD, *OWN[1:]), True, 0))


def test_python_m_speller_runs_as_the_console_script(tmp_path):
    (tmp_path / "artikel.txt").write_text(TYPO_LINE, encoding="utf-8")
    args = ["check", "artikel.txt"]
    module = subprocess.run(
        [sys.executable, "-m", "speller", *args], capture_output=True, text=True, cwd=tmp_path, timeout=WAIT
    )
    script = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom speller.shell import main\nsys.argv = ['speller', *sys.argv[1:]]\nmain()",
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=WAIT,
    )
    assert "angksa" in module.stdout
    assert (module.returncode, module.stdout, module.stderr) == (script.returncode, script.stdout, script.stderr)


def test_python_m_speller_cli_tunes_before_it_imports_click(tmp_path):
    """`python -m speller.cli` (as benchmarks run the language server) is an entry point of its own."""
    code = (
        _SET_OWN
        + "import contextlib, runpy, sys\n"
        + "seen = []\n"
        + "class Watch:\n"
        + "    def find_spec(self, name, path=None, target=None):\n"
        + "        if name == 'click' and not seen:\n"
        + "            seen.append(gc.get_threshold())\n"
        + "sys.meta_path.insert(0, Watch())\n"
        + "sys.argv = ['speller', '--version']\n"
        + "with contextlib.suppress(SystemExit):\n"
        + "    runpy.run_module('speller.cli', run_name='__main__', alter_sys=True)\n"
        + "print(repr(seen[0]))\n"
        + _STATE
    )
    code_, out, state = _last_line(code, tmp_path)
    assert code_ == 0 and "version" in out
    assert out.splitlines()[-2] == repr((GC_YOUNG_THRESHOLD, *OWN[1:]))  # already tuned when click was imported
    assert state == repr(((GC_YOUNG_THRESHOLD, *OWN[1:]), True, 0))
