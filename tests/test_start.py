"""A light start: what a fresh `speller` process imports before it does what it was asked.

`import speller.cli` (every command, `--help`) loads no checker, dictionary, config, TOML, JSON or `regex`;
`speller check` of a text file with no config above it reads no TOML and loads no server, LSP or build code.
Each runs in a fresh interpreter, so modules imported by other tests do not count.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from slips import MEANT, SLIP

WAIT = 120
TYPO_LINE = f"Presiden Rusia bertemu dengan {SLIP} daerah.\n"  # the stock slip (tests/slips.py), fixed


def _loaded_after(code: str, cwd: Path) -> set[str]:
    """The modules loaded after `code` runs in a fresh interpreter in `cwd`."""
    tail = "\nimport sys\nprint(' '.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code + tail], capture_output=True, text=True, cwd=cwd, timeout=WAIT, check=True
    )
    return set(done.stdout.split())


def _imported_by_console_check(cwd: Path) -> set[str]:
    """The modules the console script's `speller check artikel.txt` imports in `cwd` (it ends by os._exit, so they
    are read from -X importtime); it must have flagged the stock slip."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _SCRIPT, "check", "artikel.txt"],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=WAIT,
    )
    assert SLIP in done.stdout, done.stdout
    return {line.rpartition("|")[2].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


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
        f"assert {SLIP!r} in out.getvalue(), out.getvalue()"
    )
    loaded = _loaded_after(code, tmp_path)
    assert "speller.checker" in loaded  # it did check
    unwanted = {"tomllib", "speller.server", "speller.lsp", "speller.build", "speller.languagetool", "hashlib"}
    assert not loaded & unwanted, loaded & unwanted


def test_a_check_of_ascii_and_latin_text_imports_no_regex(tmp_path):
    """Text of ASCII, Latin-1, Latin Extended-A and General Punctuation is tokenized by the standard `re` module:
    checking it, by the library or the console script, never imports `regex` (about 9 ms of a cold start)."""
    text = f"“Presiden” Rusia bertemu dengan {SLIP} daerah — kata Andrés Łukasz, 5 km ½ jam.\n"
    (tmp_path / "artikel.txt").write_text(text, encoding="utf-8")
    library = (
        "from speller import Speller\n"
        f"found = [i.word for i in Speller().check({text!r})]\n"
        f"assert {SLIP!r} in found, found"
    )
    assert "regex" not in _loaded_after(library, tmp_path)
    imported = _imported_by_console_check(tmp_path)
    assert "speller.tokenize" in imported
    assert "regex" not in imported


#: Modules a plain check never needs (each costs a cold start milliseconds): `dataclasses` (with `inspect`, `dis`,
#: `ast`, `tokenize`) for records a NamedTuple holds as well; `json` for meta.json, whose facts words.bin copies;
#: the `utf-8-sig` codec for the word lists, whose byte-order mark is dropped by hand; `unicodedata` for accents (a
#: check of ASCII text has none) and the words `speller add` is given.
NOT_ON_THE_CHECK_PATH = {"dataclasses", "inspect", "dis", "ast", "json", "encodings.utf_8_sig", "unicodedata"}


def test_a_check_of_a_text_file_imports_none_of_the_modules_it_does_not_need(tmp_path):
    """The console script's `speller check PATH` and the library's `Speller().check` of a text file."""
    (tmp_path / "artikel.txt").write_text(TYPO_LINE, encoding="utf-8")
    imported = _imported_by_console_check(tmp_path)
    assert "speller.checker" in imported and "speller.morphology" in imported  # it did check, and weighed a typo
    assert not imported & NOT_ON_THE_CHECK_PATH, imported & NOT_ON_THE_CHECK_PATH
    library = f"from speller import Speller\nassert {SLIP!r} in [i.word for i in Speller().check({TYPO_LINE!r})]"
    loaded = _loaded_after(library, tmp_path)
    assert "speller.morphology" in loaded
    assert not loaded & NOT_ON_THE_CHECK_PATH, loaded & NOT_ON_THE_CHECK_PATH


# -- the console script's own `speller check PATH...` -------------------------------------------------------------

#: Runs `speller.shell.main` (the console script) with the arguments after `-c ...`.
_SCRIPT = "import sys\nfrom speller.shell import main\nsys.argv = ['speller', *sys.argv[1:]]\nmain()"


#: Runs the click CLI (`speller.cli.main`) under the same program name.
_CLICK = "import sys\nfrom speller.cli import main\nsys.argv = ['speller', *sys.argv[1:]]\nmain()"


def _script(cwd: Path, *args: str, run: tuple[str, ...] = ("-c", _SCRIPT)) -> tuple[int, str, str, bool]:
    """(exit code, stdout, stderr, whether click was imported) of the console script (or `python` with `run`) run
    with `args`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *run, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=WAIT,
    )
    lines = done.stderr.splitlines(keepends=True)
    imported = {line.rpartition("|")[2].strip() for line in lines if line.startswith("import time:")}
    err = "".join(line for line in lines if not line.startswith("import time:"))
    return done.returncode, done.stdout, err, "click" in imported


def _click(cwd: Path, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of the click CLI run with `args`."""
    done = subprocess.run([sys.executable, "-c", _CLICK, *args], capture_output=True, text=True, cwd=cwd, timeout=WAIT)
    return done.returncode, done.stdout, done.stderr


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TYPO_LINE, encoding="utf-8")
    (tmp_path / "bersih.txt").write_text("Presiden Rusia bertemu di luar angkasa.\n", encoding="utf-8")
    (tmp_path / "doc").mkdir()
    (tmp_path / "doc" / "b.md").write_text(f"# Judul\n\nMenurut {SLIP}, `kode` tidak.\n", encoding="utf-8")
    (tmp_path / "doc" / "gambar.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "kosong").mkdir()
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / ".speller.toml").write_text("min-confidence = 'tinggi'\n", encoding="utf-8")
    (tmp_path / "bad" / "c.txt").write_text(TYPO_LINE, encoding="utf-8")
    return tmp_path


ARGS = [
    ("a.txt",),
    ("bersih.txt",),
    ("a.txt", "bersih.txt", "doc"),
    ("hilang.txt", "a.txt"),
    ("kosong",),
    ("bad/c.txt",),
]


def test_the_console_script_checks_paths_without_click_as_the_click_cli_does(tmp_path):
    folder = _folder(tmp_path)
    for args in ARGS:
        code, out, err, with_click = _script(folder, "check", *args)
        assert not with_click, args
        assert (code, out, err) == _click(folder, "check", *args), args
    assert _script(folder, "check", "a.txt")[0] == 1 and SLIP in _script(folder, "check", "a.txt")[1]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_console_script_fixes_paths_without_click_as_the_click_cli_does(tmp_path):
    """`speller fix PATH...` (the pre-commit hook `speller-fix`): the same output, exit code and files written, each
    run on its own copy of the folder."""
    for n, args in enumerate([*ARGS, ("a.txt", "bersih.txt", "doc", "bad")]):
        (tmp_path / f"script{n}").mkdir()
        (tmp_path / f"click{n}").mkdir()
        by_script, by_click = _folder(tmp_path / f"script{n}"), _folder(tmp_path / f"click{n}")
        (by_script / "sedikit.txt").write_text("Kata yang ditulis salh di sini.\n", encoding="utf-8")
        (by_click / "sedikit.txt").write_text("Kata yang ditulis salh di sini.\n", encoding="utf-8")
        code, out, err, with_click = _script(by_script, "fix", *args, "sedikit.txt")
        assert not with_click, args
        clicked = _click(by_click, "fix", *args, "sedikit.txt")
        assert (code, out, err.replace(str(by_script), "F")) == (*clicked[:2], clicked[2].replace(str(by_click), "F"))
        assert _files(by_script) == _files(by_click), args
    (tmp_path / "fixed").mkdir()
    fixed = _folder(tmp_path / "fixed")
    assert _script(fixed, "fix", "a.txt")[:3] == (0, "", "a.txt: fixed 1\n")
    assert (fixed / "a.txt").read_text(encoding="utf-8") == TYPO_LINE.replace(SLIP, MEANT)


def test_python_m_speller_cli_checks_and_fixes_paths_without_click_as_the_console_script_does(tmp_path):
    """`python -m speller.cli check|fix PATH...` (as benchmarks and editors may start it) runs the console script
    before the click CLI's module imports click; with an option it goes to click all the same."""
    folder = _folder(tmp_path)
    for args in (("check", "a.txt", "doc"), ("check", "--format", "json", "a.txt"), ("fix", "--diff", "a.txt")):
        module = _script(folder, *args, run=("-m", "speller.cli"))
        code, out, script_err, with_click = _script(folder, *args)
        assert module[:3] == (code, out, script_err), args
        assert module[3] == with_click == any(a.startswith("-") for a in args), args
        assert SLIP in out, args


def test_the_console_script_hands_options_and_other_commands_to_click(tmp_path):
    folder = _folder(tmp_path)
    for args in (
        ("check", "--format", "json", "a.txt"),
        ("fix", "--diff", "a.txt"),
        ("fix", "-"),
        ("suggest", "angksa"),
        ("suggest", "angksa", "luar", "-n", "2"),
        ("check",),
        ("fix",),
        ("suggest",),
        ("--version",),
    ):
        code, out, err, with_click = _script(folder, *args)
        assert with_click, args
        assert (code, out, err) == _click(folder, *args), args


def test_the_modules_a_check_imports_import_no_typing(tmp_path):
    """`typing` (~4 ms) is not imported by the modules a check imports: their records come from `speller.records`.
    Imported without `site` (`-S`), as an editable install's finder imports typing itself (a wheel install does not)."""
    import editdistpy

    import speller

    library = f"from speller import Speller\nassert {SLIP!r} in [i.word for i in Speller().check({TYPO_LINE!r})]"
    loaded = _loaded_after(library, tmp_path)
    modules = sorted(m for m in loaded if m.startswith("speller") and m != "speller.dictionaries")  # (data)
    assert "speller.morphology" in modules and "speller.shell" not in modules
    modules += ["speller.shell", "speller.output", "speller.workspace", "speller.markup"]  # the console script's
    paths = [str(Path(speller.__file__).parents[1]), str(Path(editdistpy.__file__).parents[1])]
    found = f"speller.tables.bundled_folder = lambda: {paths[0] + '/dictionaries'!r}\n"  # as a wheel's
    code = (
        f"import sys\nsys.path[:0] = {paths!r}\nimport speller.tables\n{found}"
        f"import {', '.join(modules)}\nprint('typing' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=WAIT, check=True
    )
    assert done.stdout.split() == ["False"], done.stderr


@pytest.mark.parametrize("mapped", [True, False], ids=["finder", "compat"])
def test_the_bundled_tables_of_an_editable_install_are_found_without_importlib_resources(tmp_path, mapped):
    """An editable install maps `speller.dictionaries` to the checkout's `dictionaries/` by its own finder (nothing
    lies beside the package): the folder is found by that finder's spec, without `importlib.resources` (~10 ms of
    a cold check with `typing`, `zipfile` and `tempfile`). Run without `site`, with such a finder put by hand; or
    with none, as `editable_mode=compat` puts only the checkout on the path (the folder beside the package's)."""
    import editdistpy

    import speller

    checkout = Path(speller.__file__).parents[1]
    data = checkout / "dictionaries"
    assert (data / "words.tsv").is_file() and not (checkout / "speller" / "dictionaries").exists()
    paths = [str(checkout), str(Path(editdistpy.__file__).parents[1])]
    code = (
        f"import sys\nsys.path[:0] = {paths!r}\nimport importlib.util\n"
        "class Mapped:  # as setuptools' editable finder maps the data package\n"
        "    @staticmethod\n"
        "    def find_spec(name, path=None, target=None):\n"
        "        if name != 'speller.dictionaries':\n"
        "            return None\n"
        f"        return importlib.util.spec_from_file_location(name, {str(data / '__init__.py')!r})\n"
        f"{'sys.meta_path.append(Mapped)' if mapped else ''}\n"
        "from speller.tables import bundled_folder\n"
        "print(bundled_folder())\nprint('importlib.resources' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=WAIT, check=True
    )
    assert done.stdout.split("\n")[:2] == [str(data), "False"], done.stderr


def _imported_without_site(cwd: Path, code: str) -> set[str]:
    """The modules `code` imports in a fresh interpreter without `site` (`-S`): an editable install's finder imports
    `importlib` (and more) itself, a wheel install does not. The checkout and the dependencies are put on the path
    by hand and the bundled tables found beside the package, as a wheel's are."""
    import editdistpy

    import speller

    paths = [str(Path(speller.__file__).parents[1]), str(Path(editdistpy.__file__).parents[1])]
    found = f"speller.tables.bundled_folder = lambda: {paths[0] + '/dictionaries'!r}\n"
    before = f"import sys\nsys.path[:0] = {paths!r}\nbefore = set(sys.modules)\nimport speller.tables\n{found}"
    after = "\nprint(' '.join(sorted(set(sys.modules) - before)))\n"
    done = subprocess.run(
        [sys.executable, "-S", "-c", before + code + after],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=WAIT,
        check=True,
    )
    return set(done.stdout.split())


#: The console script's `speller check artikel.txt`, then the library's `Speller().check`, both finding the stock slip.
_PLAIN_CHECK = (
    "import contextlib, io, os\n"
    "from speller.shell import main\n"
    "sys.argv = ['speller', 'check', 'artikel.txt']\n"
    "out = io.StringIO()\n"
    "os._exit = sys.exit  # the console script ends by os._exit, which would skip the report below\n"
    "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
    "    main()\n"
    f"assert {SLIP!r} in out.getvalue(), out.getvalue()\n"
    "from speller import Speller\n"
    f"assert {SLIP!r} in [i.word for i in Speller().check({TYPO_LINE!r})]"
)


def test_a_plain_check_imports_no_importlib(tmp_path):
    """`speller`'s lazy names are imported by `__import__`, not `importlib.import_module`: a console check of a text
    file and `from speller import Speller` import no `importlib` (~0.5 ms with `warnings`)."""
    (tmp_path / "artikel.txt").write_text(TYPO_LINE, encoding="utf-8")
    imported = _imported_without_site(tmp_path, _PLAIN_CHECK)
    assert "speller.checker" in imported and "speller.morphology" in imported  # it did check, and weighed a typo
    assert "importlib" not in imported


#: What `pathlib` pulls in on Python 3.11 (~6 ms of a cold check with it): a plain check names files by `os.path`.
PATHLIB = {"pathlib", "urllib.parse", "ipaddress", "fnmatch", "ntpath"}


def test_a_plain_check_imports_no_pathlib(tmp_path):
    """A console check of a text file and `Speller().check` name files by `speller.pathnames`, not `pathlib`."""
    (tmp_path / "artikel.txt").write_text(TYPO_LINE, encoding="utf-8")
    imported = _imported_without_site(tmp_path, _PLAIN_CHECK)
    assert "speller.checker" in imported and "speller.morphology" in imported  # it did check, and weighed a typo
    assert not imported & PATHLIB, imported & PATHLIB


def test_the_names_a_check_prints_are_the_names_path_printed(tmp_path, monkeypatch):
    """Named and walked files are printed as `str(Path(name))` printed them (`./x` as `x`, `a//b` as `a/b`, stdin as
    `-`'s `<stdin>`), relative or absolute, in the order of a walk of `Path` objects, by the console script and by
    click's `speller check`."""
    (tmp_path / "d" / "e").mkdir(parents=True)
    for name in ("x.txt", "d/b.txt", "d-c.txt", "d/e/f.md"):
        (tmp_path / name).write_text(TYPO_LINE, encoding="utf-8")
    absolute = str(tmp_path / "x.txt")
    monkeypatch.chdir(tmp_path)  # the names are found here as the checks find them
    for args in (("./x.txt",), ("d//b.txt", "./d/"), (".",), (absolute, str(tmp_path) + "//d"), ("d", "d-c.txt")):
        code, out, err, _ = _script(tmp_path, "check", *args)
        assert code == 1 and err == "", (args, err)
        named = [line.split(":", 1)[0] for line in out.splitlines()]
        walked, seen = [], set()
        for raw in args:
            found = sorted(p for p in Path(raw).rglob("*") if p.is_file()) if Path(raw).is_dir() else [Path(raw)]
            walked += [str(p) for p in found if p.resolve() not in seen]  # each file once (`d//b.txt ./d/`)
            seen.update(p.resolve() for p in found)
        assert named == walked, args
        assert (code, out, err) == _click(tmp_path, "check", *args), args
    done = subprocess.run(
        [sys.executable, "-c", _CLICK, "check", "-"], input=TYPO_LINE, capture_output=True, text=True, timeout=WAIT
    )
    assert done.stdout.startswith("<stdin>:1:"), done.stdout


def test_a_check_of_a_text_without_markers_compiles_no_marker_pattern():
    """The `speller: ignore` markers' patterns are compiled only for a text that holds `speller:`; a text that does
    is still read for them."""
    from speller import config

    config._marker_patterns.cache_clear()
    assert config.marked_lines("Di luar angksa.\nLagi.\n") == []
    assert config._marker_patterns.cache_info().currsize == 0
    text = "Di luar angksa. # speller: ignore\nLagi.\n# speller: ignore-next-line\nangksa\n"
    assert config.marked_lines(text) == [(0, 33), (40, 67), (68, 74)]
    assert config._marker_patterns.cache_info().currsize == 1
