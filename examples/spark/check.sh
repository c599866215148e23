#!/usr/bin/env bash
# CI check: the Spark job (local[2]) gives exactly the attributions of a
# single-machine `quotegraph extract` run on the same generated corpus
# (compared as sorted JSONL), the aggregates it sums in the cluster
# (statements per speaker, outlet relays, addressees) equal those of the
# single-machine graph, and the graph built from its shards has the
# single-machine graph's node and edge counts. Installs nothing: needs $QG_PYTHON, a Python
# with pyspark (its bin/ holds spark-submit), and java on PATH; `.ci/spark.sh`
# sets both up.
#
#   . .ci/spark.sh && examples/spark/check.sh      # QG_SPARK_DOCS=2000
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${QG_PYTHON:?set QG_PYTHON to a Python with pyspark (see .ci/spark.sh)}"
command -v java > /dev/null || { echo "check.sh: java not found" >&2; exit 1; }
SUBMIT="$(dirname "$QG_PYTHON")/spark-submit"
[ -x "$SUBMIT" ] || { echo "check.sh: no spark-submit beside $QG_PYTHON" >&2; exit 1; }
DOCS=${QG_SPARK_DOCS:-2000}

cargo build --release --quiet --bin quotegraph --example gen_corpus
QG=$PWD/target/release/quotegraph
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

target/release/examples/gen_corpus --format jsonl --cast wide --docs "$DOCS" --out "$T/corpus.jsonl.gz" > /dev/null
"$QG" extract --format jsonl --quiet "$T/corpus.jsonl.gz" > "$T/single.jsonl"

start=$(date +%s.%N)
SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$QG_PYTHON" PYSPARK_DRIVER_PYTHON="$QG_PYTHON" \
  "$SUBMIT" --master 'local[2]' --conf spark.ui.enabled=false --files "$QG" \
  examples/spark/quotegraph_spark.py "$T/corpus.jsonl.gz" "$T/shards" \
  > "$T/spark.log" 2>&1 || { tail -40 "$T/spark.log" >&2; exit 1; }
end=$(date +%s.%N)

sort "$T/single.jsonl" > "$T/a"
cat "$T"/shards/part-*.jsonl | sort > "$T/b"
n=$(wc -l < "$T/a")
if [ "$n" -ne "$DOCS" ] || ! cmp -s "$T/a" "$T/b"; then
  echo "check.sh: FAIL: Spark output differs from single-machine extract ($n vs $(wc -l < "$T/b") records)" >&2
  diff "$T/a" "$T/b" | head -5 >&2
  exit 1
fi
# the graph step ran on the driver: one node-link graph over all shards,
# with as many statement nodes as the single-machine graph of the corpus
[ -s "$T/shards/graph.json" ] || { echo "check.sh: FAIL: no graph.json beside the shards" >&2; tail -20 "$T/spark.log" >&2; exit 1; }
"$QG" graph --from-jsonl "$T/single.jsonl" -o "$T/single.json" 2> "$T/single.summary"
# the same node and edge counts, kind by kind ("quotegraph: graph: N nodes
# (…), M edges (…)" on stderr of both runs)
spark_summary=$(grep -o 'graph: [0-9]* nodes.*' "$T/spark.log" | tail -1)
single_summary=$(grep -o 'graph: [0-9]* nodes.*' "$T/single.summary")
if [ -z "$single_summary" ] || [ "$spark_summary" != "$single_summary" ]; then
  echo "check.sh: FAIL: graph counts differ" >&2
  echo "  spark:  $spark_summary" >&2
  echo "  single: $single_summary" >&2
  exit 1
fi
# the aggregates summed in the cluster are those of the one-machine graph
"${QG_PYTHON}" examples/spark/aggregates.py "$T/single.json" > "$T/single.tsv"
if [ ! -s "$T/single.tsv" ] || ! cmp -s "$T/single.tsv" "$T/shards/aggregates.tsv"; then
  echo "check.sh: FAIL: Spark aggregates differ from the single-machine graph's" >&2
  diff "$T/single.tsv" "$T/shards/aggregates.tsv" | head -10 >&2
  exit 1
fi
rows=$(wc -l < "$T/single.tsv")
gs=$(grep -o '"kind": *"statement"' "$T/shards/graph.json" | wc -l)
shards=$(ls "$T"/shards/part-*.jsonl | wc -l)
printf 'spark check: %d documents, %d shards, identical to extract, same graph counts (%d statements), same %d aggregate rows; Spark job %.1f s wall\n' \
  "$n" "$shards" "$gs" "$rows" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')"
echo "1 passed, 0 failed"
