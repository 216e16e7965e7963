"""Tests for speller.build on a tiny corpus written into tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

import speller.build as build_mod
import speller.sources as sources_mod
from speller.build import BuildOptions, Partial, build, deletes
from speller.sources import SourceError

OPTS = BuildOptions(
    min_count=2,
    min_sources=2,
    bigram_min_count=2,
    suggest_min_count=2,
)
TEXT_OUTPUTS = (
    "words.tsv",
    "bigrams.tsv",
    "deletes.tsv",
    "name_shape.tsv",
    "name_model.tsv",
    "word_model.tsv",
    "trigrams.txt",
    "followers.tsv",
    "join_uses.tsv",
    "reduplications.tsv",
    "cases.tsv",
    "affixes.tsv",
    "meta.json",
    "verdicts.tsv",
)
OUTPUTS = (
    *TEXT_OUTPUTS,
    "deletes.idx",
    "words.bin",
    "samples.idx",
)  # and the binary tables: the hashed delete index, the
# words, the tables' samples

# a.txt and b.txt share most words; `angksa` (2x) is a typo of `angkasa` (31x), kept with its count;
# `soliter` occurs only in a.txt; `zebra` is rare but has no frequent neighbour.
A_TXT = (
    "Presiden Rusia bertemu di luar angkasa.\n" * 10
    + "Putin melihat zebra di luar angkasa, kata kami\n"
    + "pergi ke luar angksa bersama kami\n"
    + "pergi soliter soliter soliter. Senapan, buatan Rusia.\n"
    + "Senapan, buatan Rusia. Mereka datang.\n"
)
B_TXT = (
    "Presiden Rusia bertemu di luar angkasa.\r\n" * 10
    + "Putin melihat zebra di luar angkasa; kata kami\r\n"
    + "pergi ke luar angksa, kata Putin\r\n"
    + "Senapan, buatan Rusia. Mereka datang.\r\n"
)
C_MD = "# Judul\n\n" + "Presiden Rusia bertemu di luar angkasa.\n" * 8 + "Rusia. Mereka datang ke luar angkasa.\n"


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_bytes(A_TXT.encode())
    (folder / "b.txt").write_bytes(B_TXT.encode())
    sub = folder / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "c.md").write_bytes(C_MD.encode())
    (folder / "ignored.json").write_text('{"angksa": 1}')
    return folder


def rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    corpus = write_corpus(root / "corpus")
    out = root / "out"
    meta = build([corpus], out, options=OPTS, jobs=1)
    return corpus, out, meta


def test_output_files_exist_and_are_plain_utf8(built):
    _, out, _ = built
    for name in TEXT_OUTPUTS:
        data = (out / name).read_bytes()
        assert data, name
        data.decode("utf-8")
        assert b"\r" not in data and b"\0" not in data
        assert data.endswith(b"\n")
    assert not list(out.glob("*.tmp"))


def test_tsv_files_have_their_columns(built):
    _, out, _ = built
    for word, count, lower in rows(out / "words.tsv"):
        assert word == word.lower() and int(count) >= int(lower) >= 0
    for key, count in rows(out / "bigrams.tsv"):
        assert len(key.split(" ")) == 2 and int(count) >= OPTS.bigram_min_count
    for _key, words in rows(out / "deletes.tsv"):
        assert words.split(" ") == sorted(words.split(" "))


@pytest.mark.parametrize("name", ["words.tsv", "bigrams.tsv", "deletes.tsv"])
def test_outputs_are_sorted_by_utf8_bytes_of_the_key(built, name):
    _, out, _ = built
    keys = [r[0].encode() for r in rows(out / name)]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


def test_word_selection(built):
    _, out, _ = built
    words = {r[0]: (int(r[1]), int(r[2])) for r in rows(out / "words.tsv")}
    assert words["angkasa"] == (31, 31)
    assert words["angksa"] == (2, 2), "a rare look-alike keeps its real count: the checker weighs it"
    assert "soliter" not in words, "only in one source while min_sources=2"
    assert "zebra" in words
    assert words["rusia"][1] == 0  # never written in lowercase
    assert words["putin"] == (3, 0)
    assert "judul" not in words  # only in c.md, once


def test_bigrams_never_span_a_line_break_or_punctuation(built):
    _, out, _ = built
    bigrams = {r[0]: int(r[1]) for r in rows(out / "bigrams.tsv")}
    assert bigrams["luar angkasa"] == 31
    assert bigrams["presiden rusia"] == 28
    for across in ("kami pergi", "angkasa kata", "senapan buatan", "rusia mereka", "angkasa presiden"):
        assert across not in bigrams, across


def test_counting_respects_lines_and_punctuation():
    c = Partial()
    c.add_text("satu dua\ntiga empat\r\nlima, enam. tujuh (delapan) sembilan", "a", 2)
    # `, enam`: a run after a comma, `. enam`: a run before a sentence's end (join_uses.tsv)
    assert set(c.bigrams) == {"satu dua", "tiga empat", ", enam", ". enam"}
    assert c.tokens == 9


def test_deletes_index_maps_each_suggestion_word(built):
    _, out, _ = built
    index = {r[0]: r[1].split(" ") for r in rows(out / "deletes.tsv")}
    words = [r[0] for r in rows(out / "words.tsv")]
    assert "angkasa" in index["angkasa"]
    assert "angkasa" in index["angksa"]  # one delete away
    listed = {w for ws in index.values() for w in ws}
    assert listed <= set(words)
    assert "putin" in listed, "names are candidates too (Jakrta -> Jakarta)"
    for w in listed:
        for d in deletes(w, OPTS.max_edit_distance, OPTS.prefix_length):
            assert w in index[d]


def test_meta_holds_options_and_sources_without_paths_or_timestamps(built):
    corpus, out, meta = built
    text = (out / "meta.json").read_text(encoding="utf-8")
    on_disk = json.loads(text)
    assert on_disk == meta
    assert on_disk["format_version"] == build_mod.FORMAT_VERSION
    # the size caps appear only when set, so an uncapped build's meta.json is what it always was
    assert on_disk["options"] == {k: v for k, v in asdict(OPTS).items() if k not in ("max_words", "max_bigrams")}
    # each source is named relative to the folder it was found in: no absolute path
    assert sorted(s["name"] for s in on_disk["sources"]) == ["corpus/a.txt", "corpus/b.txt", "corpus/sub/c.md"]
    for s in on_disk["sources"]:
        assert not s["name"].startswith("/") and str(corpus.parent) not in s["name"]
        assert s["bytes"] == (corpus.parent / s["name"]).stat().st_size
    assert str(corpus) not in text and str(out) not in text and str(Path.home()) not in text
    assert not any(k for k in on_disk if any(t in k.lower() for t in ("time", "date", "created", "host", "user")))


def test_build_is_deterministic_across_jobs_paths_chunks_and_mtimes(built, tmp_path, monkeypatch):
    _, out1, _ = built
    corpus2 = write_corpus(tmp_path / "elsewhere" / "corpus")
    for f in corpus2.rglob("*"):
        os.utime(f, (1_000_000_000, 1_000_000_000))
    monkeypatch.setattr(sources_mod, "CHUNK_BYTES", 64)  # many chunks per file, on two processes
    out2 = tmp_path / "out2"
    build([corpus2], out2, options=OPTS, jobs=2)
    for name in OUTPUTS:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes(), name


def test_two_builds_jobs_1_and_2_are_byte_identical(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    build([corpus], tmp_path / "one", options=OPTS, jobs=1)
    build([corpus], tmp_path / "two", options=OPTS, jobs=2)
    for name in OUTPUTS:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_a_work_folder_reused_after_files_are_added_or_removed_gives_a_clean_builds_bytes(tmp_path):
    """QA: the runs named a file by its place in the sorted file list, so after `a.txt` (sorting first) was added,
    the reused runs of `b.txt` (once file 0) and the new runs of `a.txt` (now file 0) counted `segar` in one file."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "b.txt").write_text("kucing makan ikan segar\nrumah besar sekali\n", encoding="utf-8")
    (corpus / "c.txt").write_text("kucing tidur di rumah\nrumah besar sekali\n", encoding="utf-8")
    (corpus / "d.txt").write_text("anjing makan tulang\n", encoding="utf-8")
    options = BuildOptions(min_count=1, min_sources=2, bigram_min_count=1, suggest_min_count=1)
    work = tmp_path / "work"
    build([corpus], tmp_path / "reused", options=options, jobs=1, work_dir=work)
    for change in ("add", "remove"):
        if change == "add":
            (corpus / "a.txt").write_text("anjing tidur segar\n", encoding="utf-8")  # `segar` is in b.txt too
        else:
            (corpus / "c.txt").unlink()
        build([corpus], tmp_path / "reused", options=options, jobs=1, work_dir=work)
        build([corpus], tmp_path / change, options=options, jobs=1)
        for name in OUTPUTS:
            assert (tmp_path / "reused" / name).read_bytes() == (tmp_path / change / name).read_bytes(), (change, name)
    assert "segar" in {r[0] for r in rows(tmp_path / "reused" / "words.tsv")}


def test_roots_are_written(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    roots = tmp_path / "roots.txt"
    roots.write_text("# roots\nangksa\nLuar\n", encoding="utf-8")
    meta = build([corpus], tmp_path / "out", roots=roots, options=OPTS, jobs=1)
    lines = (tmp_path / "out" / "roots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and lines[1:] == ["angksa", "luar"]
    assert meta["roots"] == {"name": "roots.txt", "words": 2}


def test_cases_hold_the_form_a_name_takes_inside_a_sentence(tmp_path):
    """`cases.tsv` lists the names news writes otherwise than with one capital inside a run of words that holds a
    lowercase word (`DPRD`, `iPhone`), with that form; a name written with one capital has no row, and a dateline or a
    headline in capitals says nothing (`JAKARTA,`, `PRESIDEN DI JAKARTA`)."""
    corpus = write_corpus(tmp_path / "corpus")
    line = "JAKARTA, anggota DPRD kota Jakarta membeli iPhone di Jakarta.\nPRESIDEN DI JAKARTA PERGI\n"
    (corpus / "d.txt").write_text(line * 3)
    (corpus / "e.txt").write_text(line * 2)
    out = tmp_path / "out"
    build([corpus], out, options=OPTS, jobs=1)
    from speller.dictionary import Dictionary

    assert rows(out / "cases.tsv")[1:] == [["dprd", "DPRD"], ["iphone", "iPhone"]]  # below its header
    d = Dictionary(out)
    assert [d.written_form(w) for w in ("dprd", "iphone", "jakarta")] == ["DPRD", "iPhone", "Jakarta"]


def test_reduplications_are_counted_however_rare(tmp_path):
    """`reduplications.tsv` counts each kept word's full reduplication, also one written once in one source (below the
    word table's floor), and nothing for a word whose reduplication is not kept or for a partial one."""
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "d.txt").write_text("Rusia-rusia kami. Presiden-presiden datang, luar-luar dan zebra-zebra.\n" * 2)
    (corpus / "e.txt").write_text("Presiden-presiden pergi ke luar-dalam angkasa.\n")
    out = tmp_path / "out"
    build([corpus], out, options=OPTS, jobs=1)
    from speller.dictionary import REDUPLICATION_SHARE_KEY, Dictionary, mean_reduplication_share

    counted = {word: int(n) for word, n in rows(out / "reduplications.tsv")[1:]}  # below its header
    share = counted.pop(REDUPLICATION_SHARE_KEY)
    assert counted == {"luar": 2, "presiden": 3, "rusia": 2, "zebra": 2}
    d = Dictionary(out)
    assert (d.reduplicated("presiden"), d.reduplicated("luar"), d.reduplicated("angkasa")) == (3, 2, 0)
    assert share == round(1e6 * mean_reduplication_share((d.count(w), n) for w, n in counted.items()))
    assert d.reduplication_share == share / 1e6


def test_the_mean_reduplication_share_averages_the_words_seen_often_enough():
    """Each word written reduplicated at all counts once, by its share of both forms, when seen 20 times or more."""
    from speller.dictionary import mean_reduplication_share

    assert mean_reduplication_share([(90, 10), (50, 50), (3, 1), (500, 0)]) == (0.1 + 0.5) / 2
    assert mean_reduplication_share([]) == 0.0


def test_no_reduplication_is_an_empty_table(built):
    from speller.dictionary import Dictionary

    _, out, _ = built
    assert Dictionary(out).reduplicated("angkasa") == 0


def test_exclude_glob(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    meta = build([corpus], tmp_path / "out", exclude=["*.md"], options=OPTS, jobs=1)
    assert sorted(s["name"] for s in meta["sources"]) == ["corpus/a.txt", "corpus/b.txt"]


@pytest.mark.parametrize("glob", ["sub", "sub/", "sub/**", "**/sub/**", "corpus/sub", "c.md"])
def test_exclude_names_a_folder_as_a_config_does(tmp_path, glob):
    """`--exclude` takes a config's globs: a folder's name or path leaves its files out."""
    from speller.sources import find_sources

    corpus = write_corpus(tmp_path / "corpus")
    assert [s.label for s in find_sources([corpus], [glob])] == ["corpus/a.txt", "corpus/b.txt"]


def test_no_sources_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceError, match="no text files"):
        build([tmp_path / "empty"], tmp_path / "out", options=OPTS, jobs=1)
    with pytest.raises(SourceError, match="no such file"):
        build([tmp_path / "missing"], tmp_path / "out", options=OPTS, jobs=1)


def test_files_with_the_same_name_in_different_folders_are_different_sources(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text("zebra lari\nzebra lari\n", encoding="utf-8")
    build([tmp_path / "x", tmp_path / "y"], tmp_path / "out", options=OPTS, jobs=1)
    words = {r[0] for r in rows(tmp_path / "out" / "words.tsv")}
    assert {"zebra", "lari"} <= words


def test_built_dictionary_loads_and_checks(built):
    from speller import Dictionary, Speller

    _, out, _ = built
    d = Dictionary(out)
    assert d.count("angkasa") == 31 and d.bigram("luar", "angkasa") == 31
    assert "putin" in d.names
    # `angksa` is listed here (2 beside 31: in a ~400-token corpus no evidence of a slip), `angkasz` is not.
    issues = Speller(d, min_confidence=0.0).check("di luar angkasz")
    assert [(i.word, i.suggestion) for i in issues] == [("angkasz", "angkasa")]


def test_cli_build(tmp_path):
    from click.testing import CliRunner

    from speller.cli import main

    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(corpus), "-o", str(out), "-q", "--jobs", "1", "--min-count", "2", "--min-sources", "2"]
    )
    assert result.exit_code == 0, result.output
    for name in OUTPUTS:
        assert (out / name).is_file()
    assert not list(out.glob("*.tmp"))


def test_name_shape_holds_the_grams_of_the_names_the_loader_sees(built, tmp_path):
    from speller import Dictionary
    from speller.build import write_name_shape

    _, out, meta = built
    names = Dictionary(out).names
    assert "putin" in names
    assert meta["name_grams"] == write_name_shape(tmp_path, names) > 0
    assert (out / "name_shape.tsv").read_bytes() == (tmp_path / "name_shape.tsv").read_bytes()


def test_a_build_stopped_half_way_leaves_a_folder_no_check_loads(tmp_path, monkeypatch):
    """Files are written one by one: a folder whose build stopped among them mixes two builds, so it is refused
    until a build finishes; and a rebuild without `--roots` or `--english` leaves no root or English list of an
    earlier build for the loader to read (the output is what a fresh build writes)."""
    import speller.build as builder
    from speller.dictionary import Dictionary

    corpus = write_corpus(tmp_path / "corpus")
    roots = tmp_path / "roots.txt"
    roots.write_text("# roots\nangksa\n", encoding="utf-8")
    out = tmp_path / "out"
    build([corpus], out, roots=roots, options=OPTS, jobs=1)
    assert (out / "roots.txt").exists()
    Dictionary(out)

    written = builder.write_lines

    def stopped(path, lines):
        written(path, lines)
        if path.name == "words.tsv":  # the first file written, then Ctrl-C
            raise KeyboardInterrupt

    monkeypatch.setattr(builder, "write_lines", stopped)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], out, options=OPTS, jobs=1)
    draft = tmp_path / "draft.txt"
    draft.write_text("Di luar angksa.\n", encoding="utf-8")
    other = subprocess.run(  # another process: the one building may read back its own files
        [sys.executable, "-m", "speller", "check", "--dictionary", str(out), str(draft)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert other.returncode == 2 and other.stdout == ""
    assert (
        other.stderr.strip() == f"speller: error: {out}: its build did not finish (stopped half way?); build it again"
    )
    monkeypatch.undo()
    build([corpus], out, options=OPTS, jobs=1)  # finished: loads again, and as a fresh build
    Dictionary(out)
    fresh = tmp_path / "fresh"
    build([corpus], fresh, options=OPTS, jobs=1)
    assert not (out / "roots.txt").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in fresh.iterdir())
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_a_folder_the_build_cannot_read_stops_it(tmp_path, monkeypatch):
    """A dictionary built without a folder's files would not say so: the build stops with one line naming it."""
    corpus = write_corpus(tmp_path / "corpus")
    from walks import refuse_listing

    refuse_listing(monkeypatch, "sub")
    with pytest.raises(SourceError, match=r"sub: cannot read \(Permission denied\)"):
        build([corpus], tmp_path / "out", options=OPTS, jobs=1)


STOPPED_BUILD = """
import os, signal, sys
from pathlib import Path
import speller.build as b

corpus, out, pids = map(Path, sys.argv[1:4])
group = sys.argv[4] == "group"
real = b._Counter.count

def count(self, sid, seg, on_bytes, on_tokens):
    real(self, sid, seg, on_bytes, on_tokens)
    with open(pids, "a") as f:
        f.write(f"{os.getpid()}\\n")
    if group:  # `timeout`, systemd, a CI runner: every process of the build at once
        os.killpg(os.getpgid(0), signal.SIGTERM)
    else:  # the build cancelled (a CI job), once a segment is counted
        os.kill(os.getppid(), signal.SIGTERM)

b._Counter.count = count
options = b.BuildOptions(min_count=1, min_sources=1, bigram_min_count=1, suggest_min_count=1)
try:
    b.build([corpus], out, options=options, jobs=2)
except KeyboardInterrupt:
    sys.exit(130)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGTERM to a forked build")
@pytest.mark.parametrize("to", ["parent", "group"])
def test_sigterm_stops_the_counting_processes_and_keeps_their_work(tmp_path, to):
    """A build cancelled by SIGTERM stops its counting processes with it (none is left counting on its own), and
    they keep the segments they finished, so the same command resumes; also when every process of the build gets
    the signal (QA: the counting processes then died at once, and their finished work with them)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(12):
        (corpus / f"{n:02}.txt").write_text(f"Berita ke {n} tentang luar angkasa dan Rusia.\n" * 50, encoding="utf-8")
    out, pids = tmp_path / "out", tmp_path / "pids"
    script = tmp_path / "stopped.py"
    script.write_text(STOPPED_BUILD, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script), str(corpus), str(out), str(pids), to], timeout=120, start_new_session=True
    )
    assert proc.returncode == 130
    for pid in {int(line) for line in pids.read_text().split()}:
        try:
            state = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue  # gone
        assert "State:\tZ" in state, state  # at most a zombie nobody reaped, never a process still counting
    work = out / build_mod.WORK_FOLDER
    assert any(work.iterdir())  # the finished segments' counts are kept
    options = BuildOptions(min_count=1, min_sources=1, bigram_min_count=1, suggest_min_count=1)
    resumed = build([corpus], out, options=options, jobs=2)
    assert resumed == build([corpus], tmp_path / "fresh", options=options, jobs=2)  # every token counted once


def test_cli_build_errors_name_the_file(tmp_path):
    from click.testing import CliRunner

    from speller.cli import main

    corpus = write_corpus(tmp_path / "corpus")
    binary = tmp_path / "roots.bin"
    binary.write_bytes(b"akar\n\xd0\xff\n")
    for roots, said in ((binary, f"{binary}: not valid UTF-8 at byte 5"), (tmp_path / "none.txt", "cannot read")):
        result = CliRunner().invoke(
            main, ["build", str(corpus), "-o", str(tmp_path / "out"), "-q", "--roots", str(roots)]
        )
        assert result.exit_code == 2
        [line] = result.stderr.splitlines()
        assert line.startswith(f"speller: error: {roots}: ") and said in line


def test_a_nul_byte_past_the_first_block_stops_the_build(tmp_path):
    """A .txt that is text for its first 8 KiB and binary after is no source: the build says so, naming the byte."""
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "late.txt").write_bytes(b"Berita kecil tentang luar angkasa.\n" * 400 + b"\x00\x01binary\n")
    with pytest.raises(SourceError, match=r"late\.txt: a NUL byte at byte 14000 of its text: not a text file"):
        build([corpus], tmp_path / "out", options=OPTS, jobs=1)


def test_a_build_depends_on_its_inputs_alone_and_without_roots_has_none(tmp_path, monkeypatch):
    """QA: with $SPELLER_DICTIONARY naming another folder the same build wrote other files, and a dictionary built
    without `--roots` read the bundled KBBI list (CC BY-NC-SA) anyway, against the README."""
    from speller.dictionary import Dictionary

    corpus = write_corpus(tmp_path / "corpus")
    build([corpus], tmp_path / "plain", options=OPTS, jobs=1)
    assert Dictionary(tmp_path / "plain").roots == frozenset()
    other = tmp_path / "other"
    roots = tmp_path / "roots.txt"
    roots.write_text("# roots\nangksa\nmakan\n", encoding="utf-8")
    build([corpus], other, roots=roots, options=OPTS, jobs=1)
    (other / "compounds.tsv").write_text("makan minum\tmakan-minum\n", encoding="utf-8")
    monkeypatch.setenv("SPELLER_DICTIONARY", str(other))
    build([corpus], tmp_path / "again", options=OPTS, jobs=1)
    files = sorted(p.name for p in (tmp_path / "plain").iterdir() if p.is_file())
    assert files == sorted(p.name for p in (tmp_path / "again").iterdir() if p.is_file())
    for name in files:
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
