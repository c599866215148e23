#!/usr/bin/env bash
# The Python binding's CI: build it into a venv with maturin, run its pytest
# suite against the release CLI, run the notebook-style example, and check
# the documented install (`pip install ./python` in a fresh venv).
# Called by .ci/run (works from any directory); safe to run again: the venv,
# the pinned packages and the cargo builds are reused.
#
#   QG_PY_VENV   the venv (default: .venv-py at the repository root)
#   QG_PNG       where the example draws the person network
#                (default: docs/person_network.png, the picture docs/python.md shows)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

section() { printf '\n=== %s\n' "$*"; }

venv="${QG_PY_VENV:-$root/.venv-py}"
png="${QG_PNG:-$root/docs/person_network.png}"
# versions verified on this machine
pins="maturin==1.16.0 pytest==9.2.0 networkx==3.6.1 pandas==3.1.1 matplotlib==3.11.2 mypy==2.4.1"
# one target directory for the CLI and the extension
export CARGO_TARGET_DIR="$root/target"
export PYO3_PYTHON="$venv/bin/python"

section "python: venv ($venv)"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# shellcheck disable=SC2086
if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check $pins; then
    echo "python: installing $pins failed" >&2
    exit 1
fi
"$venv/bin/python" --version

section "python: cargo fmt --check (binding)"
cargo fmt --manifest-path python/Cargo.toml --check

section "python: cargo clippy (binding)"
cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings

section "python: release CLI to compare with"
cargo build --release
cli="$CARGO_TARGET_DIR/release/quotegraph"

section "python: maturin build --release + pip install"
wheels="$CARGO_TARGET_DIR/wheels"
rm -f "$wheels"/quotegraph-*.whl
"$venv/bin/maturin" build --release -m python/Cargo.toml -i "$venv/bin/python" --out "$wheels"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheels"/quotegraph-*.whl

section "python: stubtest (quotegraph/__init__.pyi against the module)"
(cd "$CARGO_TARGET_DIR" && "$venv/bin/python" -m mypy.stubtest quotegraph --mypy-config-file "$root/python/pyproject.toml")

section "python: pytest"
QG_CLI="$cli" QG_REPORT_DIR="$CARGO_TARGET_DIR" "$venv/bin/python" -m pytest python/tests -q -p no:cacheprovider
# the figures the throughput test measured
cat "$CARGO_TARGET_DIR/throughput.txt"

section "python: examples/python/who_said_what.py"
MPLBACKEND=Agg "$venv/bin/python" examples/python/who_said_what.py --png "$png"
test -s "$png"

section "python: pip install ./python in a fresh venv (the documented route)"
# pip builds the wheel itself (maturin in an isolated build environment);
# the cargo target directory above is reused, so only the binding is
# relinked for the new interpreter
fresh="$CARGO_TARGET_DIR/venv-pip-install"
rm -rf "$fresh"
python3 -m venv "$fresh"
"$fresh/bin/python" -m pip install -q --disable-pip-version-check ./python
(cd "$CARGO_TARGET_DIR" && "$fresh/bin/python" - <<'PY'
import quotegraph as qg

doc = qg.extract('"We are ready," Lavrov told Carlson.')
a = doc.attributions[0]
got = (a.speaker.text, a.cue.lemma, a.content.text, a.addressee.text)
assert got == ("Lavrov", "tell", '"We are ready,"', "Carlson"), got
g = qg.Graph([doc])
assert g.dumps("dot").startswith("digraph"), "no dot export"
print(f"quotegraph {qg.__version__} from {qg.__file__}: {got}")
PY
)
rm -rf "$fresh"
