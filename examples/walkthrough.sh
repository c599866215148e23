#!/usr/bin/env bash
# README's corpus walkthrough, run on a small generated corpus: JSONL.gz →
# `build` → questions asked of the built graph → Gephi (GEXF) and HTML.
# CI runs it (.ci/scale.sh); each step must succeed and answer something.
#
#   examples/walkthrough.sh [QUOTEGRAPH] [DOCS]     # defaults: target/release/quotegraph, 400
#
# Prints each step's wall time and peak RSS (from /usr/bin/time when
# present), as README's table gives them for 1 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
QG=${1:-target/release/quotegraph}
DOCS=${2:-400}
GEN=${QG_GEN_CORPUS:-$(dirname "$QG")/examples/gen_corpus}
[ -x "$QG" ] || { echo "walkthrough: no $QG (cargo build --release)" >&2; exit 1; }
[ -x "$GEN" ] || { echo "walkthrough: no $GEN (cargo build --release --example gen_corpus)" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
TIME=()
[ -x /usr/bin/time ] && TIME=(/usr/bin/time -f '%e s, %M KiB peak RSS' -o "$T/time")

step() {
  local name=$1 out=$2
  shift 2
  "${TIME[@]}" "$@" > "$out"
  local t=""
  [ -f "$T/time" ] && t=$(tail -1 "$T/time")
  printf '%-22s %s\n' "$name" "$t"
}

# 1. a corpus: one JSON object a line, gzip'd (id, date, outlet, url, text)
"$GEN" --format jsonl --cast wide --docs "$DOCS" --out "$T/news.jsonl.gz" > /dev/null
# 2. build once: extractions, the snapshot graph.qgs, the HTML explorer
step build "$T/build.out" "$QG" build "$T/news.jsonl.gz" --formats html -o "$T/out"
for f in extractions.jsonl graph.qgs graph.html; do
  [ -s "$T/out/$f" ] || { echo "walkthrough: build wrote no $f" >&2; exit 1; }
done
[ ! -e "$T/out/graph.gexf" ] || { echo "walkthrough: build wrote a format left out" >&2; exit 1; }
# 3. questions of the built graph (it loads graph.qgs, not the texts)
step top-speakers "$T/top.txt" "$QG" query top-speakers -n 5 "$T/out"
who=$(awk -F'  +' 'NR > 1 && $2 != "" { print $2; exit }' "$T/top.txt")
[ -n "$who" ] || { echo "walkthrough: top-speakers named nobody" >&2; cat "$T/top.txt" >&2; exit 1; }
step who-said "$T/who.txt" "$QG" query who-said "$who" "$T/out"
step claims "$T/claims.json" "$QG" query claims --min-reports 2 --format json "$T/out"
step timeline "$T/timeline.txt" "$QG" query timeline "$T/out"
# 4. Gephi: the ego network of the top speaker as GEXF
step ego-gexf "$T/ego.out" "$QG" query ego "$who" --hops 1 "$T/out" -o "$T/ego.gexf"
for f in who.txt timeline.txt ego.gexf; do
  [ -s "$T/$f" ] || { echo "walkthrough: $f is empty" >&2; exit 1; }
done
grep -q '"reports"' "$T/claims.json" || { echo "walkthrough: no claim with two reports" >&2; exit 1; }
grep -q '<gexf' "$T/ego.gexf" || { echo "walkthrough: ego.gexf is not GEXF" >&2; exit 1; }
echo "walkthrough: $DOCS documents; top speaker $who; all steps answered"
