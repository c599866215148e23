"""Pure-Python helpers over the native module: tables and networkx."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: Columns of ``attribution_rows`` / ``to_dataframe``, in order.
COLUMNS = (
    "doc",
    "attribution",
    "kind",
    "speaker",
    "speaker_entity",
    "speaker_name",
    "cue",
    "cue_lemma",
    "content",
    "source",
    "source_entity",
    "source_name",
    "addressee",
    "addressee_entity",
    "addressee_name",
    "mentions",
    "rule",
    "speaker_span",
    "cue_span",
    "content_span",
    "content_spans",
    "source_span",
    "addressee_span",
)


def _records(docs: Any) -> Iterable[Mapping[str, Any]]:
    """The records of a Document, a record dict, or an iterable of them."""
    if hasattr(docs, "to_dict") or isinstance(docs, Mapping):
        docs = [docs]
    for i, d in enumerate(docs):
        if hasattr(d, "to_dict"):
            yield d.to_dict()
        elif isinstance(d, Mapping):
            yield d
        else:
            raise TypeError(
                f"item {i}: expected a quotegraph.Document or a record dict, "
                f"got {type(d).__name__}"
            )


def _span(s: Any) -> tuple[int, int] | None:
    return None if s is None else (s[0], s[1])


def attribution_rows(docs: Any) -> list[dict[str, Any]]:
    """One dict per attribution of ``docs`` (a ``Document``, a record dict
    as in the CLI's JSONL, or an iterable of either), with the columns of
    ``to_dataframe``. Needs nothing beyond the standard library."""
    rows = []
    for rec in _records(docs):
        names = {e["id"]: e["name"] for e in rec.get("entities", [])}
        for a in rec.get("attributions", []):
            row: dict[str, Any] = {"doc": rec["doc"], "attribution": a["id"], "kind": a["kind"]}
            for role in ("speaker", "cue", "content", "source", "addressee"):
                m = a.get(role)
                row[role] = None if m is None else m["text"]
                row[f"{role}_span"] = None if m is None else _span(m["span"])
                if role in ("speaker", "source", "addressee"):
                    ent = None if m is None else m.get("entity")
                    row[f"{role}_entity"] = ent
                    row[f"{role}_name"] = names.get(ent) if ent else None
            row["cue_lemma"] = a["cue"]["lemma"]
            row["content_spans"] = [_span(s) for s in a["content"]["spans"]]
            row["mentions"] = list(a.get("mentions", []))
            row["rule"] = a["rule"]
            rows.append({c: row[c] for c in COLUMNS})
    return rows


def to_dataframe(docs: Any):
    """A ``pandas.DataFrame`` with one row per attribution of ``docs`` (a
    ``Document``, a record dict, or an iterable of either).

    Columns: ``doc``, ``attribution`` (``a1``…), ``kind``; ``speaker``,
    ``source``, ``addressee`` as written, each with ``*_entity`` (entity
    id) and ``*_name`` (the entity's canonical name); ``cue`` and
    ``cue_lemma``; ``content``; ``mentions`` (entity ids); ``rule``; and
    the spans ``speaker_span``, ``cue_span``, ``content_span``,
    ``source_span``, ``addressee_span`` (``(start, end)`` code points, or
    ``None``) and ``content_spans`` (every fragment).

    Raises ``ImportError`` if pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "quotegraph.to_dataframe needs pandas: pip install pandas"
        ) from e
    return pd.DataFrame(attribution_rows(docs), columns=list(COLUMNS))


def to_networkx(graph: Any):
    """``graph`` as a ``networkx.MultiDiGraph`` equal to
    ``networkx.read_graphml(path, force_multigraph=True)`` of its GraphML
    export (see ``Graph.to_networkx``)."""
    try:
        import networkx as nx
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "quotegraph.Graph.to_networkx needs networkx: pip install networkx"
        ) from e
    nodes, edges = graph._graphml_view()
    G = nx.MultiDiGraph()
    # what networkx's GraphML reader puts there
    G.graph["node_default"] = {}
    G.graph["edge_default"] = {}
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    return G
