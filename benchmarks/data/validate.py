"""Check benchmarks/data/errors.jsonl and scope.jsonl against the source texts.

Run: python benchmarks/data/validate.py   (exit code 0 = all checks passed)

Paths: `seeds/<name>` is relative to the repo's corpus/ dir, `corpus/<name>` to the shared/ folder
that sits beside the repo (../shared from the repo root), or $SPELLER_SHARED.
"""

import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SHARED = Path(os.environ.get("SPELLER_SHARED") or Path(__file__).resolve().parents[3] / "shared")

ERR_KEYS = ["file", "start", "end", "wrong", "correct", "category", "split"]
SCOPE_KEYS = ["file", "article", "start", "end", "split", "method"]
CATEGORIES = {"typo", "real_word", "spacing", "nonstandard"}
METHODS = {"full-read", "candidates"}

_cache: dict[str, str] = {}


def text_of(rel):
    if rel not in _cache:
        base = REPO_CORPUS if rel.startswith("seeds/") else SHARED
        with open(base / rel, encoding="utf-8", newline="") as fh:
            _cache[rel] = fh.read()
    return _cache[rel]


def load(name, keys):
    rows = []
    with open(HERE / name, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            obj = json.loads(line)
            if list(obj.keys()) != keys:
                raise SystemExit(f"{name}:{n}: keys {list(obj.keys())} != {keys}")
            rows.append(obj)
    return rows


def main():
    problems = []
    errors = load("errors.jsonl", ERR_KEYS)
    scope = load("scope.jsonl", SCOPE_KEYS)

    # scope: spans must be the real article spans, split by the parity rule
    articles = defaultdict(list)
    for r in scope:
        t = text_of(r["file"])
        if r["method"] not in METHODS:
            problems.append(f"scope bad method {r}")
        if r["file"].startswith("seeds/"):
            if (r["start"], r["end"], r["split"]) != (0, len(t), "dev"):
                problems.append(f"seed scope must cover the whole file, split dev: {r}")
        else:
            parts = t.split("\n\n")
            pos = sum(len(p) + 2 for p in parts[: r["article"]])
            exp = (pos, pos + len(parts[r["article"]]))
            if (r["start"], r["end"]) != exp:
                problems.append(f"scope span {r} != article span {exp}")
            want = "dev" if r["article"] % 2 == 0 else "test"
            if r["split"] != want:
                problems.append(f"scope split {r} should be {want}")
        articles[r["file"]].append(r)
    if scope != sorted(scope, key=lambda r: (r["file"], r["start"])):
        problems.append("scope.jsonl not sorted by file, start")

    # errors
    if errors != sorted(errors, key=lambda r: (r["file"], r["start"])):
        problems.append("errors.jsonl not sorted by file, start")
    prev = {}
    for r in errors:
        t = text_of(r["file"])
        if not (0 <= r["start"] < r["end"] <= len(t)):
            problems.append(f"bad offsets {r}")
            continue
        if t[r["start"] : r["end"]] != r["wrong"]:
            problems.append(f"slice {t[r['start'] : r['end']]!r} != wrong in {r}")
        if r["category"] not in CATEGORIES:
            problems.append(f"bad category {r}")
        if r["wrong"] == r["correct"] or not r["correct"]:
            problems.append(f"correct must differ from wrong {r}")
        inside = [a for a in articles.get(r["file"], []) if a["start"] <= r["start"] and r["end"] <= a["end"]]
        if len(inside) != 1:
            problems.append(f"row not inside exactly one scope article: {r}")
        elif inside[0]["split"] != r["split"]:
            problems.append(f"row split {r['split']} != article split {inside[0]['split']}: {r}")
        p = prev.get(r["file"])
        if p is not None and r["start"] < p["end"]:
            problems.append(f"overlap {p} / {r}")
        prev[r["file"]] = r

    for msg in problems:
        print("FAIL", msg)
    by = Counter((r["split"], r["category"]) for r in errors)
    print(
        f"{len(errors)} errors, {len(scope)} scope articles "
        f"({sum(r['method'] == 'full-read' for r in scope)} full-read)"
    )
    for split in ("dev", "test"):
        print(split, {c: by[(split, c)] for c in sorted(CATEGORIES)})
    print("by file", dict(Counter(r["file"] for r in errors)))
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
