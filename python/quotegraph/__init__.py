"""quotegraph: who said what, to whom, and who reported it.

Attribution extraction from news text — speaker, cue, content, the outlet
that relayed it (source) and the addressee — and a knowledge graph of
people, organizations, places, statements and documents, exported for
Graphviz, networkx, Gephi, Cytoscape.js, Neo4j and RDF tools.

This package is the quotegraph Rust library compiled as a Python extension
(not a wrapper around the command line): the rules, the output and the
speed are those of ``quotegraph extract`` / ``quotegraph graph``.

>>> import quotegraph
>>> doc = quotegraph.extract('"We are ready," Lavrov told Carlson.')
>>> a = doc.attributions[0]
>>> (a.speaker.text, a.cue.lemma, a.content.text, a.addressee.text, a.kind)
('Lavrov', 'tell', '"We are ready,"', 'Carlson', 'direct')

Extraction: ``extract``, ``extract_many`` (parallel, releases the GIL),
``extract_paths`` (files and directories as the CLI reads them),
``read_jsonl`` (the CLI's JSONL), ``Extractor`` (a custom lexicon).
Results: ``Document`` and its ``Attribution``, ``Entity``, ``Mention``,
``Cue``, ``Content``, ``Dateline``, ``Role``; ``to_dict()`` gives the
CLI's JSONL contract; ``to_dataframe`` one row per attribution (pandas).
Graph: ``Graph`` (``from_texts``, ``from_paths``, ``from_jsonl``,
``export``, ``to_networkx``, ``who_said``, ``provenance``, ``search``,
``path``, ``ego``).

Errors are ``ValueError`` or ``OSError`` (``FileNotFoundError``…) carrying
the message the CLI prints.
"""

from ._quotegraph import (
    FORMATS,
    Attribution,
    Content,
    Cue,
    Dateline,
    Document,
    Entity,
    Extractor,
    Graph,
    Mention,
    Role,
    __version__,
    extract,
    extract_many,
    extract_paths,
    read_jsonl,
)
from ._helpers import attribution_rows, to_dataframe

__all__ = [
    "FORMATS",
    "Attribution",
    "Content",
    "Cue",
    "Dateline",
    "Document",
    "Entity",
    "Extractor",
    "Graph",
    "Mention",
    "Role",
    "__version__",
    "attribution_rows",
    "extract",
    "extract_many",
    "extract_paths",
    "read_jsonl",
    "to_dataframe",
]
