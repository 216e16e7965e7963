#!/usr/bin/env bash
# Wall time of the `speller` pre-commit hook on the five seed articles (hook env built first, not timed).
# Usage: bash benchmarks/precommit_timing.sh [REPO]   (installs the hook from a copy of REPO, default this checkout)
set -e
ROOT=$(cd "${1:-$(dirname "$0")/..}" && pwd)
B=$(mktemp -d)
export HOME=$B/home PRE_COMMIT_HOME=$B/cache
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
mkdir -p $HOME $B/hooks $B/project/seeds
cp -r "$ROOT"/pyproject.toml "$ROOT"/README.md "$ROOT"/.pre-commit-hooks.yaml "$ROOT"/speller "$ROOT"/dictionaries $B/hooks/
(cd $B/hooks && rm -rf speller/__pycache__ && git init -q && git add -A && git commit -qm s)
REV=$(git -C $B/hooks rev-parse HEAD)
cp "$ROOT"/corpus/seeds/*.txt $B/project/seeds/
cd $B/project && git init -q && git add seeds
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: speller\n' $B/hooks $REV > .pre-commit-config.yaml
pre-commit install-hooks >/dev/null
/usr/bin/time -f "wall %e s" pre-commit run speller --files seeds/*.txt || true
/usr/bin/time -f "wall %e s (speller check alone)" speller check seeds/*.txt >/dev/null || true
rm -rf $B
