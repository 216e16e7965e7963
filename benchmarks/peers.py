"""Other spell checkers, run on the same word tokens as speller.

Every peer sees exactly the word tokens that speller.tokenize yields (kind ``word``), one at a
time, with no context, and no filtering on its behalf: capitalised names, acronyms and foreign
words go to it as they would from a user's editor. A peer answers two questions per word:
is it flagged, and what are its suggestions (best first, in the case of the original word).

* ``Hunspell``: the Debian id_ID dictionary, all distinct words of a data set in one process,
  one word per line. Flags come from ``hunspell -L`` (lines holding a misspelling), suggestions
  from pipe mode ``hunspell -a`` (``^word`` lines; ``&`` lines carry suggestions). Both modes run
  the same spell check; ``-L`` skips building suggestions for words nobody asks about.
  Hunspell keeps its own casing rules.
* ``PlainSymSpell``: symspellpy with max edit distance 2 and prefix length 7 over the counts of
  dictionaries/words.tsv. A word is flagged when its lowercase form is not a dictionary key.
* ``PySpell``: pyspellchecker (``SpellChecker(language=None)``, distance 2) loaded with the same
  counts; flags ``unknown()``, suggests ``candidates()`` ranked by frequency (so the first one is
  ``correction()``).

SymSpell and pyspellchecker answer in lowercase; the case of the original word is put back with
speller's own ``match_case`` (ANGKSA -> ANGKASA, Angksa -> Angkasa), so exact-case scoring does
not penalise them for a rule they do not have.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from speller.casing import match_case

Verdict = tuple[bool, tuple[str, ...]]


def read_counts(words_tsv: Path) -> dict[str, int]:
    """word -> count from a ``word<TAB>count<TAB>lower`` file."""
    counts: dict[str, int] = {}
    with open(words_tsv, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            counts[parts[0]] = int(parts[1])
    return counts


class Peer:
    """A checker that judges single words."""

    name = "peer"

    def flagged(self, words: Iterable[str]) -> dict[str, bool]:
        """word -> flagged, for every distinct word."""
        raise NotImplementedError

    def suggestions(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """word -> suggestions (best first, original case) for flagged words."""
        raise NotImplementedError


class Hunspell(Peer):
    """``hunspell -a`` pipe mode with the Debian id_ID dictionary."""

    name = "Hunspell id_ID"

    def __init__(self, dictionary: str = "id_ID", binary: str = "hunspell") -> None:
        path = shutil.which(binary)
        if path is None:
            raise RuntimeError("hunspell is not installed (run benchmarks/setup.sh)")
        self.binary = path
        self.dictionary = dictionary
        self._cache: dict[str, Verdict] = {}
        self._flag_cache: dict[str, bool] = {}

    def _run(self, words: list[str]) -> None:
        todo = [w for w in dict.fromkeys(words) if w not in self._cache and "\n" not in w]
        if not todo:
            return
        data = "".join(f"^{w}\n" for w in todo)
        out = subprocess.run(
            [self.binary, "-a", "-d", self.dictionary, "-i", "utf-8"],
            input=data,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=True,
        ).stdout
        lines = out.split("\n")
        if lines and lines[0].startswith("@(#)"):
            lines = lines[1:]
        groups: list[list[str]] = [[]]
        for line in lines:
            if line == "":
                groups.append([])
            else:
                groups[-1].append(line)
        # every input line ends with one empty line; drop the tail after the last one
        groups = groups[: len(todo)]
        if len(groups) != len(todo):
            raise RuntimeError(f"hunspell answered {len(groups)} lines for {len(todo)} words")
        for word, group in zip(todo, groups):
            self._cache[word] = self._parse(word, group)

    @staticmethod
    def _parse(word: str, results: list[str]) -> Verdict:
        """One word's result lines: `*`, `+ root`, `-` are OK; `& w n off: s, s` and `# w off` are misspellings."""
        bad = False
        suggestions: tuple[str, ...] = ()
        for line in results:
            kind = line[:1]
            if kind not in "&#":
                continue
            bad = True
            if kind != "&" or suggestions:
                continue  # suggestions come from the first misspelt part only
            head, _, tail = line.partition(": ")
            parts = head.split()
            part, offset = parts[1], int(parts[3]) - 1  # offsets count the leading `^`
            options = [s.strip() for s in tail.split(", ") if s.strip()]
            if part == word:
                suggestions = tuple(options)
            elif 0 <= offset and word[offset : offset + len(part)] == part:
                suggestions = tuple(word[:offset] + s + word[offset + len(part) :] for s in options)
        return bad, suggestions

    def flagged(self, words: Iterable[str]) -> dict[str, bool]:
        """`hunspell -L` (print the input lines that hold a misspelling), one word per line.

        Same spell check as `-a`, without building suggestions for every misspelt word, which
        would take a minute per data set; suggestions come from `-a` for the words asked.
        """
        words = list(words)
        todo = [w for w in dict.fromkeys(words) if w not in self._flag_cache]
        if todo:
            clean = [w for w in todo if "\n" not in w and "\r" not in w]
            out = subprocess.run(
                [self.binary, "-L", "-d", self.dictionary, "-i", "utf-8"],
                input="".join(w + "\n" for w in clean),
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                check=True,
            ).stdout
            bad = set(out.split("\n"))
            for w in todo:
                self._flag_cache[w] = w in bad
        return {w: self._flag_cache[w] for w in words}

    def flagged_pipe(self, words: Iterable[str]) -> dict[str, bool]:
        """The same verdict from `hunspell -a` (slow: it also builds suggestions)."""
        words = list(words)
        self._run(words)
        return {w: self._cache.get(w, (False, ()))[0] for w in words}

    def suggestions(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        words = list(words)
        self._run(words)
        return {w: self._cache.get(w, (False, ()))[1] for w in words}

    def version(self) -> str:
        out = subprocess.run([self.binary, "-v"], capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout
        first = out.strip().splitlines()[0] if out.strip() else "?"
        return first.split("(but really ")[-1].rstrip(")") if "really" in first else first


class PlainSymSpell(Peer):
    """symspellpy over the word counts, no morphology, no context."""

    name = "SymSpell (plain)"

    def __init__(self, counts: dict[str, int], max_edit_distance: int = 2, prefix_length: int = 7) -> None:
        from symspellpy import SymSpell

        self.sym = SymSpell(max_dictionary_edit_distance=max_edit_distance, prefix_length=prefix_length)
        for word, count in counts.items():
            self.sym.create_dictionary_entry(word, max(count, 1))
        self.max_edit_distance = max_edit_distance

    def flagged(self, words: Iterable[str]) -> dict[str, bool]:
        known = self.sym.words
        return {w: w.lower() not in known for w in words}

    def suggestions(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        from symspellpy import Verbosity

        out = {}
        for w in words:
            found = self.sym.lookup(w.lower(), Verbosity.CLOSEST, max_edit_distance=self.max_edit_distance)
            out[w] = tuple(match_case(w, s.term) for s in found)
        return out


class PySpell(Peer):
    """pyspellchecker (Norvig-style edits) over the same counts."""

    name = "pyspellchecker"

    def __init__(self, counts: dict[str, int], distance: int = 2) -> None:
        from spellchecker import SpellChecker

        self.sc = SpellChecker(language=None, distance=distance)
        self.sc.word_frequency.load_json(dict(counts))
        self._cache: dict[str, tuple[str, ...]] = {}

    def flagged(self, words: Iterable[str]) -> dict[str, bool]:
        words = list(dict.fromkeys(words))
        unknown = self.sc.unknown(words)  # lowercased by the checker
        return {w: w.lower() in unknown for w in words}

    def suggestions(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        out = {}
        for w in words:
            low = w.lower()
            if low not in self._cache:
                cands = self.sc.candidates(low) or set()
                ranked = sorted(cands, key=lambda c: (-self.sc.word_usage_frequency(c), c))
                self._cache[low] = tuple(c for c in ranked if c != low)
            out[w] = tuple(match_case(w, c) for c in self._cache[low])
        return out
