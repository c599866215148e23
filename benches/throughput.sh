#!/usr/bin/env bash
# End-to-end throughput of `quotegraph extract --format jsonl` on a generated
# JSONL corpus: words/s, MB/s (of article text) and peak RSS for one core
# (-j1 pinned to one CPU with taskset, so the reader and writer threads
# share it) and for -j2, plus how time grows when the corpus doubles.
#
#   benches/throughput.sh            # 200 MiB corpus
#   QG_BENCH_MB=1024 benches/throughput.sh
#
# Needs /usr/bin/time (GNU time, Debian package `time`). The corpus is
# generated from data/articles only (examples/gen_corpus.rs) in a temporary
# directory that is removed afterwards (QG_BENCH_DIR to keep it elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${QG_BENCH_MB:-200}
DIR=${QG_BENCH_DIR:-$(mktemp -d)}
[ -n "${QG_BENCH_DIR:-}" ] || trap 'rm -rf "$DIR"' EXIT
mkdir -p "$DIR"

cargo build --release --quiet --bin quotegraph --example gen_corpus
QG=target/release/quotegraph
GEN=target/release/examples/gen_corpus
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }

gen() { # MB FILE -> "docs words bytes"
  "$GEN" --format jsonl --mb "$1" --out "$2" | sed 's/[a-z]*=//g'
}

run() { # LABEL WORDS BYTES CMD... ; prints one line, sets SECS
  local label=$1 words=$2 bytes=$3; shift 3
  /usr/bin/time -v -o "$DIR/time.txt" "$@" > /dev/null
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$DIR/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DIR/time.txt")
  cpu=$(awk -F': ' '/(User|System) time/ {s+=$2} END {print s}' "$DIR/time.txt")
  SECS=$wall
  awk -v l="$label" -v w="$words" -v b="$bytes" -v s="$wall" -v r="$rss" -v c="$cpu" 'BEGIN {
    printf "%-22s %8.2f s  %6.2f M words/s  %7.1f MB/s  peak RSS %6.1f MiB  (CPU %.2f s: %.2f M words per CPU-second)\n",
      l, s, w/s/1e6, b/s/1e6, r/1024, c, w/c/1e6 }'
}

read -r DOCS WORDS BYTES < <(gen "$MB" "$DIR/corpus.jsonl")
read -r HDOCS HWORDS HBYTES < <(gen "$((MB / 2))" "$DIR/half.jsonl")
echo "corpus: $DOCS docs, $WORDS words, $BYTES bytes of text ($(du -h "$DIR/corpus.jsonl" | cut -f1) JSONL); load: $(cut -d' ' -f1-3 /proc/loadavg)"
PIN=()
command -v taskset > /dev/null && PIN=(taskset -c 0)

run "-j1 (one CPU), half" "$HWORDS" "$HBYTES" "${PIN[@]}" "$QG" extract --format jsonl -j1 "$DIR/half.jsonl"; T_HALF=$SECS
run "-j1 (one CPU)" "$WORDS" "$BYTES" "${PIN[@]}" "$QG" extract --format jsonl -j1 "$DIR/corpus.jsonl"; T1=$SECS
run "-j2" "$WORDS" "$BYTES" "$QG" extract --format jsonl -j2 "$DIR/corpus.jsonl"; T2=$SECS
awk -v a="$T1" -v b="$T2" -v h="$T_HALF" -v hw="$HWORDS" -v w="$WORDS" 'BEGIN {
  printf "speedup -j2 over one CPU: %.2fx\n", a/b
  printf "growth: %.2fx the words took %.2fx the time (linear: ratio %.2f)\n", w/hw, a/h, (a/h)/(w/hw) }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
