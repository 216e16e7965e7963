"""The builder at scale, in miniature: inputs as corpora come, spills and merges, caps, resuming."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_build import TEXT_OUTPUTS

import speller.build as build_mod
import speller.runs as runs_mod
import speller.sources as sources_mod
from benchmarks.build_scale import zipf_corpus
from speller.build import BuildOptions, build
from speller.runs import merge_runs, write_lines
from speller.sources import SourceError, find_sources

OPTS = BuildOptions(min_count=2, min_sources=2, bigram_min_count=2, suggest_min_count=2)
TABLES = ("words.tsv", "bigrams.tsv", "joins.tsv", "deletes.tsv")
OUTPUTS = (*TEXT_OUTPUTS, "joins.tsv")  # every text file a build writes

LINES = [
    "Presiden Rusia bertemu di luar angkasa, kata mereka.",
    "Mereka pergi ke luar angkasa bersama presiden",
    "Di luar angkasa ada bintang; bintang itu terang",
    "Kata presiden: dilakukan di luar negeri",
    "negara-negara Jum'at  bertemu lagi di luar angkasa",
]
TEXT_A = "\n".join(LINES * 7) + "\n"
TEXT_B = "\n".join(reversed(LINES * 5)) + "\n"


def tables(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLES}


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict]:
    root = tmp_path_factory.mktemp("plain")
    (root / "c").mkdir()
    (root / "c" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (root / "c" / "b.txt").write_text(TEXT_B, encoding="utf-8")
    meta = build([root / "c"], root / "out", options=OPTS, jobs=1)
    return root, tables(root / "out"), meta


def _zst(data: bytes) -> bytes:
    zstandard = pytest.importorskip("zstandard")
    return zstandard.ZstdCompressor().compress(data)


COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress, ".zst": _zst}


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_inputs_give_the_counts_of_the_text_they_hold(plain, tmp_path, suffix):
    _, expected, meta = plain
    src = tmp_path / "c"
    src.mkdir()
    (src / f"a.txt{suffix}").write_bytes(COMPRESSORS[suffix](TEXT_A.encode()))
    (src / f"b.txt{suffix}").write_bytes(COMPRESSORS[suffix](TEXT_B.encode()))
    got = build([src], tmp_path / "out", options=OPTS, jobs=2)
    assert tables(tmp_path / "out") == expected
    assert got["tokens"] == meta["tokens"] and got["distinct_words_seen"] == meta["distinct_words_seen"]


@pytest.mark.parametrize("compress", [False, True])
def test_json_lines_give_the_counts_of_their_text_field(plain, tmp_path, compress):
    _, expected, meta = plain
    src = tmp_path / "c"
    src.mkdir()
    for name, text in (("a", TEXT_A), ("b", TEXT_B)):
        records = "".join(
            json.dumps({"id": i, "doc": {"body": line}}) + "\n" for i, line in enumerate(text.splitlines())
        )
        data = records.encode()
        (src / f"{name}.jsonl{'.gz' if compress else ''}").write_bytes(gzip.compress(data) if compress else data)
    got = build([src], tmp_path / "out", options=OPTS, jobs=1, text_field="doc.body")
    assert tables(tmp_path / "out") == expected
    assert got["tokens"] == meta["tokens"]


def test_invalid_utf8_in_json_lines_is_replaced_as_in_plain_text(tmp_path):
    """QA: a bad byte inside a JSON Lines record stopped the build ("not JSON Lines at byte 0"), while plain text
    replaces it (U+FFFD), as `read_texts` promises of both."""
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_bytes(b"satu d\xffua\n")
    (tmp_path / "c" / "b.jsonl").write_bytes(b'\xef\xbb\xbf{"text": "satu d\xffua"}\n{"text": "tiga"}\n')
    plain, jsonl = find_sources([tmp_path / "c"])
    assert list(sources_mod.read_texts(sources_mod.segments([plain])[0])) == ["satu d\ufffdua\n"]
    assert list(sources_mod.read_texts(sources_mod.segments([jsonl])[0])) == ["satu d\ufffdua\ntiga"]


def test_json_lines_without_the_field_name_the_file(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.jsonl").write_text('{"text": "satu dua"}\n{"body": "tiga"}\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"a\.jsonl: no field 'text' in the record at byte 21"):
        build([tmp_path / "c"], tmp_path / "out", options=OPTS, jobs=1)


def test_damaged_compressed_file_is_an_error_naming_it(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "c" / "z.txt.gz").write_bytes(gzip.compress(TEXT_B.encode())[:-30] + b"garbage-garbage-garbage-garbage")
    with pytest.raises(SourceError, match=r"z\.txt\.gz: cannot decompress"):
        build([tmp_path / "c"], tmp_path / "out", options=OPTS, jobs=2)


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_a_compressed_file_cut_short_is_an_error_naming_it(tmp_path, suffix):
    """QA: a cut .zst was read as the text it still held (exit 0), where a cut .gz or .xz stopped the build."""
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    whole = COMPRESSORS[suffix]((TEXT_B * 50).encode())
    (tmp_path / "c" / f"z.txt{suffix}").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SourceError, match=rf"z\.txt\{suffix}: cannot decompress"):
        build([tmp_path / "c"], tmp_path / "out", options=OPTS, jobs=1)


def test_a_zst_file_of_several_frames_is_read_whole(plain, tmp_path):
    """`cat a.zst b.zst` is one text to the `zstd` tool, and to the builder, which reads frame after frame."""
    _, expected, _ = plain
    (tmp_path / "c").mkdir()
    half = len(TEXT_A) // 2
    (tmp_path / "c" / "a.txt.zst").write_bytes(_zst(TEXT_A[:half].encode()) + _zst(TEXT_A[half:].encode()))
    (tmp_path / "c" / "b.txt").write_text(TEXT_B, encoding="utf-8")
    build([tmp_path / "c"], tmp_path / "out", options=OPTS, jobs=1)
    assert tables(tmp_path / "out") == expected


def _counted(texts) -> build_mod.Partial:
    counts = build_mod.Partial()
    for text in texts:
        counts.add_text(text, "a", 2)
    return counts


@pytest.mark.parametrize("suffix", ["", ".gz"])
@pytest.mark.parametrize("sep", ["\r", " "])
def test_a_file_without_line_feeds_is_read_in_pieces_of_at_most_1_mib(tmp_path, sep, suffix):
    """QA: a file with no LF (one long line, or old Mac CR line breaks) was read whole, and counted in one piece,
    however large: --memory did not hold."""
    text = sep.join(LINES * 12_000)  # 3 MiB
    data = text.encode()
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / f"a.txt{suffix}").write_bytes(gzip.compress(data) if suffix else data)
    [source] = find_sources([tmp_path / "c"])
    pieces = [t for seg in sources_mod.segments([source]) for t in sources_mod.read_texts(seg)]
    assert len(pieces) > 2 and max(len(t.encode()) for t in pieces) <= 1 << 20
    assert "".join(pieces) == text
    whole = _counted([text])
    counted = _counted(pieces)
    assert counted.words == whole.words, "no word is cut"
    if sep == "\r":  # cut at line breaks alone: the same counts as the file read whole
        assert counted.bigrams == whole.bigrams


@pytest.mark.parametrize("chunk", [7, 64, 1000])
def test_long_lines_are_cut_where_their_text_says_whatever_the_reads(plain, tmp_path, monkeypatch, chunk):
    """A line cut at its CR gives the counts of the same text with LF breaks; one cut at its spaces gives the same
    pieces whatever the size of the reads and segments (so the same bytes on any engine, jobs or memory)."""
    _, expected, _ = plain
    monkeypatch.setattr(sources_mod, "LONG_LINE_BYTES", 150)
    monkeypatch.setattr(sources_mod, "CHUNK_BYTES", chunk)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_bytes(TEXT_A.replace("\n", "\r").encode())
    (tmp_path / "c" / "b.txt").write_text(TEXT_B, encoding="utf-8")
    build([tmp_path / "c"], tmp_path / "out", options=OPTS, jobs=2)
    assert tables(tmp_path / "out") == expected
    (tmp_path / "one.txt").write_text("\n".join([" ".join(LINES * 5)] * 3), encoding="utf-8")
    [source] = find_sources([tmp_path / "one.txt"])

    def counts() -> list[list[str]]:
        pieces = [t for seg in sources_mod.segments([source]) for t in sources_mod.read_texts(seg)]
        return [list(lines) for lines in _counted(pieces).run_lines()]

    cut = counts()
    monkeypatch.setattr(sources_mod, "CHUNK_BYTES", 1 << 20)
    assert cut == counts()


def test_a_long_line_without_a_space_is_never_cut_inside_a_character(tmp_path, monkeypatch):
    monkeypatch.setattr(sources_mod, "LONG_LINE_BYTES", 151)
    text = "é" * 400 + "\n" + "kata" * 100
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    [source] = find_sources([tmp_path / "a.txt"])
    pieces = [t for seg in sources_mod.segments([source]) for t in sources_mod.read_texts(seg)]
    assert "".join(pieces) == text and len(pieces) > 2
    assert max(len(line.encode()) for t in pieces for line in t.split("\n")) <= 151


def test_a_json_lines_record_too_long_to_hold_stops_the_build(tmp_path, monkeypatch):
    """A JSON record is parsed whole: one longer than MAX_RECORD_BYTES is an error naming it, not a silent excess."""
    monkeypatch.setattr(sources_mod, "MAX_RECORD_BYTES", 100)
    (tmp_path / "c").mkdir()
    record = json.dumps({"text": " ".join(LINES)})
    (tmp_path / "c" / "a.jsonl").write_text(f'{{"text": "satu"}}\n{record}\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"a\.jsonl: a JSON Lines record longer than .* at byte 17 .*--exclude"):
        build([tmp_path / "c"], tmp_path / "out", options=OPTS, jobs=1)


def test_binary_file_named_txt_is_refused(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    with pytest.raises(SourceError, match=r"a\.txt: not a text file"):
        find_sources([tmp_path / "c"])
    (tmp_path / "c" / "a.txt").write_bytes(TEXT_A.encode())
    (tmp_path / "c" / "b.txt.gz").write_bytes(gzip.compress(b"\0\0\0binary"))
    with pytest.raises(SourceError, match=r"b\.txt\.gz: not a text file"):
        build([tmp_path / "c"], tmp_path / "out", options=OPTS, jobs=1)


def test_output_inside_a_source_and_clashing_labels_are_refused(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    for out in (tmp_path / "c", tmp_path / "c" / "dict"):
        with pytest.raises(SourceError, match="inside this source"):
            find_sources([tmp_path / "c"], output=out)
    for folder in ("x", "y"):
        (tmp_path / folder / "news").mkdir(parents=True)
        (tmp_path / folder / "news" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    with pytest.raises(SourceError, match="two sources are named 'news/a.txt'"):
        find_sources([tmp_path / "x" / "news", tmp_path / "y" / "news"])
    with pytest.raises(SourceError, match="given twice"):
        find_sources([tmp_path / "c", tmp_path / "c" / "a.txt"])


@pytest.fixture(scope="module")
def zipf(tmp_path_factory) -> tuple[Path, Path]:
    """A synthetic Zipf corpus (fixed seed, growing vocabulary) and its build with plenty of memory."""
    root = tmp_path_factory.mktemp("zipf")
    words = zipf_corpus(root / "zipf", 60_000, files=4, seed=7)
    assert words == 60_000
    build([root / "zipf"], root / "big", options=OPTS, jobs=1)
    return root / "zipf", root / "big"


def test_zipf_corpus_is_reproducible(zipf, tmp_path):
    corpus, _ = zipf
    zipf_corpus(tmp_path / "again", 60_000, files=4, seed=7)
    for f in sorted(corpus.iterdir()):
        assert f.read_bytes() == (tmp_path / "again" / f.name).read_bytes()


@pytest.mark.parametrize("jobs", [1, 2])
def test_tiny_memory_spills_and_merges_to_the_same_bytes(zipf, tmp_path, monkeypatch, jobs):
    corpus, big = zipf
    monkeypatch.setattr(sources_mod, "CHUNK_BYTES", 4096)  # many segments
    monkeypatch.setattr(build_mod, "MIN_BUDGET", 1)
    monkeypatch.setattr(build_mod, "RESERVED_BYTES", 0)
    monkeypatch.setattr(runs_mod, "FAN_IN", 3)  # merges in several rounds
    spills = Counter()
    write = build_mod.WorkFolder.write_runs

    def counting(self, name, words, bigrams):
        spills["runs"] += 1
        return write(self, name, words, bigrams)

    monkeypatch.setattr(build_mod.WorkFolder, "write_runs", counting)
    meta = build([corpus], tmp_path / "small", options=OPTS, jobs=jobs, memory=2_000_000)
    if jobs == 1:  # forked counting processes count in their own memory
        assert spills["runs"] >= 5
    for name in OUTPUTS:
        assert (tmp_path / "small" / name).read_bytes() == (big / name).read_bytes(), name
    assert meta["words"] > 100 and not (tmp_path / "small" / build_mod.WORK_FOLDER).exists()


def test_size_caps_keep_the_most_frequent_deterministically(zipf, tmp_path):
    corpus, big = zipf
    opts = BuildOptions(**{**OPTS.__dict__, "max_words": 50, "max_bigrams": 40})
    meta = build([corpus], tmp_path / "capped", options=opts, jobs=2)
    build([corpus], tmp_path / "again", options=opts, jobs=1, memory=1)
    for name in OUTPUTS:
        assert (tmp_path / "capped" / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
    full = {r.split("\t")[0]: int(r.split("\t")[1]) for r in (big / "words.tsv").read_text().splitlines()}
    kept = {
        r.split("\t")[0]: int(r.split("\t")[1]) for r in (tmp_path / "capped" / "words.tsv").read_text().splitlines()
    }
    assert len(kept) == 50 == meta["words"]
    assert sorted(kept) == list(kept)
    assert min(kept.values()) >= max(n for w, n in full.items() if w not in kept)
    bigrams = [r.split("\t") for r in (tmp_path / "capped" / "bigrams.tsv").read_text().splitlines()]
    assert len(bigrams) == 40 == meta["bigrams"]
    assert all(a in kept and b in kept for a, b in (k.split(" ") for k, _ in bigrams))
    assert meta["options"]["max_words"] == 50


def test_a_failed_build_resumes_from_its_finished_work(zipf, tmp_path, monkeypatch):
    corpus, big = zipf
    src = tmp_path / "zipf"
    src.mkdir()
    for f in corpus.iterdir():
        (src / f.name).write_bytes(f.read_bytes())
    last = sorted(src.iterdir())[-1]
    good = last.read_bytes()
    last.unlink()
    broken = src / (last.name + ".gz")  # sorts last, read last on one process
    broken.write_bytes(b"\x1f\x8b not really gzip")
    monkeypatch.setattr(sources_mod, "CHUNK_BYTES", 8192)
    work = tmp_path / "work"
    with pytest.raises(SourceError, match=r"zipf-003\.txt\.gz: cannot decompress.*run the same command to resume"):
        build([src], tmp_path / "out", options=OPTS, jobs=1, work_dir=work)
    assert list(work.glob("*.json")), "finished work is kept"
    broken.write_bytes(gzip.compress(good))
    read = Counter()
    real = build_mod.read_texts

    def counting(seg, *args, **kwargs):
        read[seg.label] += 1
        return real(seg, *args, **kwargs)

    monkeypatch.setattr(build_mod, "read_texts", counting)
    build([src], tmp_path / "out", options=OPTS, jobs=1, work_dir=work)
    assert set(read) == {"zipf/zipf-003.txt.gz"}, "only the file that failed is read again"
    for name in TABLES:
        assert (tmp_path / "out" / name).read_bytes() == (big / name).read_bytes(), name


def test_empty_corpus_is_an_error_not_an_empty_dictionary(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "c" / "b.txt").write_text("123 456\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no word passed the rules"):
        build([tmp_path / "c"], tmp_path / "out", options=OPTS, jobs=1)
    assert not (tmp_path / "out" / "words.tsv").exists()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(["a", "b", "ab", "b a", "é", "z-z"]), st.integers(1, 9)), max_size=8),
        min_size=1,
        max_size=9,
    )
)
def test_merging_runs_sums_every_key(tmp_path_factory, tables_):
    tmp = tmp_path_factory.mktemp("runs")
    expected: Counter = Counter()
    paths = []
    for i, table in enumerate(tables_):
        counts = Counter()
        for k, n in table:
            counts[k] += n
        expected.update(counts)
        paths.append(tmp / f"{i}.run")
        write_lines(paths[-1], (f"{k}\t{n}" for k, n in sorted(counts.items())))
    merged = list(merge_runs(paths, lambda vs: str(sum(map(int, vs))), tmp, "t", fan_in=2))
    assert [k for k, _ in merged] == sorted(expected)
    assert {k: int(v) for k, v in merged} == dict(expected)
    assert sorted(p.name for p in tmp.iterdir()) == sorted(p.name for p in paths), "merge rounds cleaned up"


@settings(max_examples=30, deadline=None)
@given(
    pieces=st.lists(
        st.tuples(
            st.integers(0, 4),
            st.lists(st.sampled_from(["Satu", "dua", "tiga,", "empat.", "dua"]), min_size=1, max_size=6),
        ),
        min_size=1,
        max_size=12,
    ),
    cuts=st.lists(st.integers(0, 12), max_size=4),
)
def test_counts_merged_from_any_partition_equal_one_count(tmp_path_factory, pieces, cuts):
    """What makes every engine, job count and memory cap give the same bytes: counting commutes with merging."""
    tmp = tmp_path_factory.mktemp("partition")
    whole = build_mod.Partial()
    for source, words in pieces:
        whole.add_text(" ".join(words), str(source), 2)
    bounds = sorted({0, len(pieces), *(min(c, len(pieces)) for c in cuts)})
    paths = []
    for i, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        part = build_mod.Partial()
        for source, words in pieces[lo:hi]:
            part.add_text(" ".join(words), str(source), 2)
        words_run, bigrams_run = part.run_lines()
        write_lines(tmp / f"{i}.words", words_run)
        write_lines(tmp / f"{i}.bigrams", bigrams_run)
        paths.append(i)
    expected_words, expected_bigrams = (list(lines) for lines in whole.run_lines())
    merged_words = merge_runs([tmp / f"{i}.words" for i in paths], build_mod._combine_words(2), tmp, "w", fan_in=2)
    merged_bigrams = merge_runs([tmp / f"{i}.bigrams" for i in paths], build_mod._combine_counts, tmp, "b", fan_in=2)
    assert [f"{k}\t{v}" for k, v in merged_words] == expected_words
    assert [f"{k}\t{v}" for k, v in merged_bigrams] == expected_bigrams


@pytest.mark.parametrize(
    "text, size",
    [("1G", 1 << 30), ("512M", 512 << 20), ("1.5g", 3 << 29), ("800k", 800 << 10), ("2GiB", 2 << 30), ("4096", 4096)],
)
def test_memory_sizes(text, size):
    assert build_mod.parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "0", "-1G", "G"])
def test_bad_memory_sizes(text):
    with pytest.raises(ValueError, match="not a size"):
        build_mod.parse_size(text)
