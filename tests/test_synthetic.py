"""benchmarks.synthetic: seeded, offsets slice to the wrong word, and wrong != correct."""

from __future__ import annotations

from benchmarks.synthetic import CATEGORY, WEIGHTS, _typo, clean_sentences, eligible, inject, neighbours

SENTENCES = [
    "Pemerintah daerah memberikan bantuan kepada warga yang terdampak banjir di rumah mereka.",
    "Kegiatan tersebut dilakukan bersama masyarakat setempat pada pekan lalu di kantor desa.",
    "Menurut dia, harga bahan pokok di pasar tradisional masih cukup stabil menjelang akhir tahun.",
    "Para petani mengatakan hasil panennya menurun karena musim kemarau yang panjang tahun ini.",
    "Polisi mengamankan barang bukti dan memeriksa saksi di lokasi kejadian ke kantor polisi.",
    "Rumahnya dibangun kembali setelah gempa bumi mengguncang wilayah itu beberapa bulan lalu.",
] * 5

KNOWN = {"rumah", "lakukan", "gelar", "bangun", "di", "ke"}


def test_same_seed_same_errors() -> None:
    a = inject(SENTENCES, 7, known=KNOWN.__contains__)
    b = inject(SENTENCES, 7, known=KNOWN.__contains__)
    assert a.text == b.text and a.gold == b.gold and a.ops == b.ops
    c = inject(SENTENCES, 8, known=KNOWN.__contains__)
    assert c.text != a.text


def test_offsets_slice_to_the_wrong_word_and_wrong_differs_from_correct() -> None:
    for seed in range(20):
        syn = inject(SENTENCES, seed, file="syn", split="dev", known=KNOWN.__contains__)
        assert syn.gold, seed
        assert len(syn.gold) == len(syn.text.splitlines())
        for g in syn.gold:
            assert syn.text[g.start : g.end] == g.wrong
            assert g.wrong != g.correct
            assert g.file == "syn" and g.split == "dev"
            assert g.category in {"typo", "spacing"}
            assert not KNOWN.__contains__(g.wrong) or g.category == "spacing"


def test_undoing_each_error_restores_the_sentence() -> None:
    syn = inject(SENTENCES, 3)
    lines = syn.text.splitlines()
    pos = 0
    for line, g in zip(lines, syn.gold):
        a, b = g.start - pos, g.end - pos
        restored = line[:a] + g.correct + line[b:]
        assert restored in SENTENCES
        pos += len(line) + 1


def test_every_kind_of_error_shows_up() -> None:
    seen: set[str] = set()
    for seed in range(30):
        seen |= set(inject(SENTENCES, seed, known=KNOWN.__contains__).ops)
    assert seen == set(WEIGHTS)
    assert set(CATEGORY.values()) == {"typo", "spacing"}


def test_typos_touch_only_eligible_words_and_never_the_first_letter() -> None:
    import random

    assert eligible("rumah") and not eligible("Rumah") and not eligible("dan") and not eligible("rumah2")
    rng = random.Random(1)
    for op in ("qwerty", "drop", "double", "swap", "vowel"):
        for _ in range(50):
            out = _typo(op, "pemerintah", rng)
            assert out and out != "pemerintah" and out[0] == "p"
    assert _typo("nya", "rumahnya", rng) == "rumahnnya"
    assert _typo("nya", "gilirannya", rng) == "giliranya"
    assert _typo("nasal", "mengambil", rng) in {"menyambil", "memambil", "menambil"}
    assert set(neighbours("a")) == set("qwsz")


def test_clean_sentences_skip_labelled_errors() -> None:
    text = "Satu dua tiga empat lima enam. Tujuh delapan sembilan sepuluh sebelas duabelas.\n\nLain."
    bad_at = text.index("duabelas")
    got = clean_sentences(text, [(0, len(text))], [(bad_at, bad_at + 8)])
    assert got == ["Satu dua tiga empat lima enam."]
