# Consumers the graph export tests load their files with (tests/consumers.rs).
# Meant to be sourced by .ci/run from anywhere: installs what is missing
# (idempotent), then exports QG_PYTHON, NODE_PATH and QG_REQUIRE_CONSUMERS
# so a missing consumer fails the tests instead of skipping them.
#
#   graphviz     Debian package (dot -Tsvg)
#   networkx, rdflib, pyoxigraph, ladybug   PyPI, in .venv
#   cytoscape    npm, in .ci/node
#   chromium, chromium-driver   Debian packages (HTML export, headless)
#   selenium, pytest            PyPI, in .venv (tests/browser/test_html.py)
#
# Versions are pinned to the ones verified on this machine.

qg_consumers() {
    local root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
    local py_pins="networkx==3.6.1 rdflib==7.6.0 pyoxigraph==0.5.13 ladybug==0.22.0"
    local cytoscape_pin="cytoscape@3.34.4"
    local browser_pins="selenium==4.51.0 pytest==9.2.0"

    if ! command -v dot >/dev/null 2>&1; then
        echo "consumers: installing graphviz" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq graphviz >/dev/null || return 1
    fi

    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        echo "consumers: installing chromium chromium-driver" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null || return 1
    fi

    if [ ! -x "$root/.venv/bin/python" ]; then
        echo "consumers: creating .venv" >&2
        python3 -m venv "$root/.venv" || return 1
    fi
    if ! "$root/.venv/bin/python" -c "import networkx, rdflib, pyoxigraph, ladybug" 2>/dev/null; then
        echo "consumers: installing $py_pins" >&2
        # shellcheck disable=SC2086
        "$root/.venv/bin/pip" install -q $py_pins || return 1
    fi

    if ! "$root/.venv/bin/python" -c "import selenium, pytest" 2>/dev/null; then
        echo "consumers: installing $browser_pins" >&2
        # shellcheck disable=SC2086
        "$root/.venv/bin/pip" install -q $browser_pins || return 1
    fi

    if [ ! -f "$root/.ci/node/node_modules/cytoscape/package.json" ]; then
        echo "consumers: installing $cytoscape_pin" >&2
        mkdir -p "$root/.ci/node"
        npm install --silent --no-audit --no-fund --prefix "$root/.ci/node" "$cytoscape_pin" >/dev/null || return 1
    fi

    export QG_PYTHON="$root/.venv/bin/python"
    export QG_NODE="${QG_NODE:-node}"
    export NODE_PATH="$root/.ci/node/node_modules${NODE_PATH:+:$NODE_PATH}"
    export QG_CHROMIUM=/usr/bin/chromium
    export QG_CHROMEDRIVER=/usr/bin/chromedriver
    export QG_REQUIRE_CONSUMERS=1
}

qg_consumers || { echo "consumers: install failed" >&2; return 1 2>/dev/null || exit 1; }
