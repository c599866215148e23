#!/usr/bin/env bash
# Peak RSS of `quotegraph graph` against the size of its input: generates a
# JSONL corpus of QG_MEM_MB megabytes (default 20; `gen_corpus --cast
# wide`), builds its graph into GEXF (and, with QG_MEM_HTML=1, into HTML,
# which keeps each statement's sentence) and fails when the peak RSS is
# more than QG_RSS_RATIO_MAX (default 8.5) times the input. At 20 MB the
# graph that held the texts and records peaked at 429 MiB (21.9x);
# spooled, 233 MiB (11.6x); with the compact graph (shared statement
# strings, 24-byte edges, an id index without id copies), 166 MiB (8.3x);
# with thin shared strings and texts and 152-byte nodes, 146 MiB (7.3x),
# most of it the graph itself (small corpora repeat fewer quotes, so they
# have more claim nodes per statement than big ones: 1 GB peaks at 2.7x).
#
#   benches/graph_memory.sh [QUOTEGRAPH]     # default target/release/quotegraph
#
# The bar of issue 19 is 1 GB of news JSONL within 4 GB RSS: a ratio of 4
# at 1 GB (README, "A corpus, from JSONL.gz to answers", has the figures).
set -euo pipefail
cd "$(dirname "$0")/.."
QG=${1:-target/release/quotegraph}
GEN=${QG_GEN_CORPUS:-$(dirname "$QG")/examples/gen_corpus}
MB=${QG_MEM_MB:-20}
MAX=${QG_RSS_RATIO_MAX:-8.5}
EXT=gexf
[ "${QG_MEM_HTML:-0}" = 1 ] && EXT=html
T=$(mktemp -d "${TMPDIR:-/tmp}/qg-mem.XXXXXX")
trap 'rm -rf "$T"' EXIT
"$GEN" --format jsonl --cast wide --mb "$MB" --out "$T/corpus.jsonl" > /dev/null
bytes=$(stat -c %s "$T/corpus.jsonl")
/usr/bin/time -f '%e %M' -o "$T/time" "$QG" graph "$T/corpus.jsonl" -o "$T/graph.$EXT" 2> "$T/err" \
  || { cat "$T/err" >&2; exit 1; }
read -r secs kib < "$T/time"
summary=$(sed -n 's/^quotegraph: graph: //p' "$T/err" | head -1)
ratio=$(awk -v k="$kib" -v b="$bytes" 'BEGIN { printf "%.2f", k * 1024 / b }')
printf 'graph memory: %s MB JSONL -> %s; %.1f s, peak RSS %d MiB, %s x the input (max %s)\n' \
  "$MB" "$EXT" "$secs" "$((kib / 1024))" "$ratio" "$MAX"
echo "  graph: $summary"
awk -v r="$ratio" -v m="$MAX" 'BEGIN { exit !(r <= m) }' || { echo "graph memory: FAIL: ratio $ratio > $MAX" >&2; exit 1; }
