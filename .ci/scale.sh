#!/usr/bin/env bash
# Scale and robustness checks for .ci/run to call after the ordinary
# `cargo test`: a longer randomized property-test pass (QG_PROPTEST_CASES,
# ~10 s) and the Spark job check (installs Java and pyspark on first use,
# ~1 min; the check itself ~20 s).
set -euo pipefail
cd "$(dirname "$0")/.."
QG_PROPTEST_CASES=${QG_PROPTEST_CASES:-10000} cargo test --release --test properties
# shellcheck source=.ci/spark.sh
. .ci/spark.sh
examples/spark/check.sh
