#!/usr/bin/env bash
# Scale and robustness checks for .ci/run to call after the ordinary
# `cargo test`: a longer randomized property-test pass (QG_PROPTEST_CASES,
# ~10 s), the graph's memory against its input (benches/graph_memory.sh,
# 20 MB, ~30 s; fails above 14x the input), README's corpus walkthrough on 400 generated articles
# (examples/walkthrough.sh, ~10 s) and the Spark job check (installs Java
# and pyspark on first use, ~1 min; the check itself ~30 s).
set -euo pipefail
cd "$(dirname "$0")/.."
QG_PROPTEST_CASES=${QG_PROPTEST_CASES:-10000} cargo test --release --test properties
cargo build --release --quiet --bin quotegraph --example gen_corpus
benches/graph_memory.sh target/release/quotegraph
examples/walkthrough.sh target/release/quotegraph 400
# shellcheck source=.ci/spark.sh
. .ci/spark.sh
examples/spark/check.sh
