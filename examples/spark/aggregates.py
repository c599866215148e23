"""Aggregates of a quote graph that Spark can build without any process
holding every statement: how many statements each speaker made (`speaker`),
which outlets relayed each speaker (`relay`), and whom each speaker
addressed (`addressed`), each a count of statements.

Two ways to the same table:

- `record_rows(line)`: the rows of one extraction record (a line of
  `quotegraph extract --format jsonl`), which Spark sums with
  `reduceByKey` across partitions (`quotegraph_spark.py`);
- `graph_rows(graph)`: the rows of a node-link graph (`quotegraph graph -o
  graph.json`) built on one machine, which `check.sh` compares with the
  Spark result.

Names are the entities' names as the records give them. A person the
records name only by a bare surname stays that surname here, while the
single-machine graph merges it with the one full name known with that
surname; `full_names(line)` and `resolve()` apply the same rule from a
table of the corpus's full names (small: one row a distinct name), which
the Spark job collects first and broadcasts.

    python3 aggregates.py graph.json     # the table of a graph, as TSV
"""

import json
import sys
from collections import Counter

KINDS = ("speaker", "relay", "addressed")

# what `--scope claims` (the default of `quotegraph graph`) keeps: src/class.rs
CLAIM_CLASSES = {"speech", "writing", "cognition", "evidence"}
CLAIM_CONTENT = {"quote", "clause"}


def in_claims_scope(a):
    """Would `--scope claims` keep this attribution?"""
    return a.get("class") in CLAIM_CLASSES and a.get("content_type") in CLAIM_CONTENT


def _named(rec):
    """Entity id -> (kind, name, unnamed) of one record."""
    return {
        e["id"]: (e.get("kind"), e.get("name", ""), bool(e.get("unnamed")))
        for e in rec.get("entities", [])
    }


def _entity(mention, ents):
    if not mention or not mention.get("entity"):
        return None
    return ents.get(mention["entity"])


def full_names(line):
    """(surname, full name) of every named person of two words or more in
    one record line: what `resolve` needs to know of the whole corpus."""
    rec = json.loads(line)
    out = []
    for e in rec.get("entities", []):
        if e.get("kind") != "person" or e.get("unnamed") or e.get("outlet"):
            continue
        words = e.get("name", "").split()
        if len(words) >= 2:
            out.append((words[-1], e["name"]))
    return out


def resolve(name, kind, fulls):
    """A bare person surname known with exactly one full name is that
    person (as the graph merges them); anything else stays as written."""
    if kind != "person" or " " in name:
        return name
    known = fulls.get(name)
    if known and len(known) == 1:
        return next(iter(known))
    return name


def record_rows(line, fulls=None):
    """((kind, a, b), 1) for each statement of a record with a resolved
    speaker: one `speaker` row, a `relay` row per resolved outlet and an
    `addressed` row per resolved addressee; only the attributions `--scope
    claims` keeps, as the graph does by default."""
    fulls = fulls or {}
    rec = json.loads(line)
    ents = _named(rec)
    rows = []
    for a in rec.get("attributions", []):
        if not in_claims_scope(a):
            continue
        sp = _entity(a.get("speaker"), ents)
        if sp is None or sp[2]:
            continue
        who = resolve(sp[1], sp[0], fulls)
        rows.append((("speaker", who, ""), 1))
        src = _entity(a.get("source"), ents)
        if src is not None and not src[2]:
            rows.append((("relay", who, resolve(src[1], src[0], fulls)), 1))
        to = _entity(a.get("addressee"), ents)
        if to is not None and not to[2]:
            rows.append((("addressed", who, resolve(to[1], to[0], fulls)), 1))
    return rows


def graph_rows(graph):
    """The same rows, counted, from a node-link graph of the whole corpus."""
    nodes = {n["id"]: n for n in graph["nodes"]}
    said, via, to = {}, {}, {}
    for e in graph["edges"]:
        kind = e.get("kind")
        if kind == "said":
            said.setdefault(e["target"], []).append(e["source"])
        elif kind == "reported_by":
            via.setdefault(e["source"], []).append(e["target"])
        elif kind == "addressed_to":
            to.setdefault(e["source"], []).append(e["target"])
    out = Counter()
    name = lambda i: nodes[i].get("name", "")
    for st, speakers in said.items():
        for sp in speakers:
            who = name(sp)
            out[("speaker", who, "")] += 1
            for o in via.get(st, []):
                out[("relay", who, name(o))] += 1
            for o in to.get(st, []):
                out[("addressed", who, name(o))] += 1
    return out


def tsv(rows):
    """Rows as sorted TSV lines: kind, a, b, count."""
    return "".join(
        "%s\t%s\t%s\t%d\n" % (k, a, b, n) for (k, a, b), n in sorted(rows.items())
    )


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(tsv(graph_rows(json.load(f))))
