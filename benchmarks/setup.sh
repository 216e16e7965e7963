#!/usr/bin/env bash
# Set up what the benchmark needs: hunspell with the Indonesian dictionary, and the Python extras.
#   bash benchmarks/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# hunspell + id_ID for the peer; GNU time (/usr/bin/time) for the peak-memory figure
missing=()
command -v hunspell >/dev/null 2>&1 || missing+=(hunspell)
[ -f /usr/share/hunspell/id_ID.dic ] || missing+=(hunspell-id)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO apt-get install -y "${missing[@]}"
fi

python -m pip install -e '.[bench]'

hunspell -v | head -1
python -c "import symspellpy, spellchecker, matplotlib; print('python extras OK')"
