"""Type stubs for quotegraph (the native module and the pure-Python helpers)."""

import os
from collections.abc import Iterable, Mapping
from typing import Any, Literal, Optional, Tuple, TypedDict, Union, final

__version__: str

#: Export format names, as ``quotegraph graph --format`` takes them.
FORMATS: list[str]

_Span = Tuple[int, int]
_Text = Union[str, bytes]
_TextItem = Union[_Text, Tuple[str, _Text]]
_PathArg = Union[str, os.PathLike[str]]
_Paths = Union[_PathArg, Iterable[_PathArg]]
#: The names in ``FORMATS``, in its order (a test checks they are the same).
_FormatName = Literal[
    "dot", "graphml", "gexf", "json", "cytoscape", "csv", "cypher", "ron", "ttl", "html"
]
_NodeKindName = Literal["person", "organization", "place", "statement", "document", "claim"]
_EdgeKindName = Literal[
    "said", "reported_by", "addressed_to", "mentions", "holds_role", "appears_in", "datelined",
    "reports",
]

@final
class Mention:
    """Words in the text that name a speaker, source or addressee."""

    @property
    def text(self) -> str: ...
    @property
    def span(self) -> _Span: ...
    @property
    def entity(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Cue:
    """The reporting word or phrase."""

    @property
    def text(self) -> str: ...
    @property
    def span(self) -> _Span: ...
    @property
    def lemma(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Content:
    """The attributed claim, possibly in several fragments."""

    @property
    def text(self) -> str: ...
    @property
    def span(self) -> _Span: ...
    @property
    def spans(self) -> list[_Span]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Dateline:
    """The place and date line at the start of an article."""

    @property
    def text(self) -> str: ...
    @property
    def span(self) -> _Span: ...
    @property
    def place(self) -> Optional[str]: ...
    @property
    def date(self) -> Optional[str]: ...
    @property
    def place_entity(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Role:
    """A title held by a person, optionally of another entity."""

    @property
    def title(self) -> str: ...
    @property
    def of(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Entity:
    """A person, organization or place that an attribution refers to."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> Literal["person", "organization", "place"]: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> list[str]: ...
    @property
    def roles(self) -> list[Role]: ...
    @property
    def outlet(self) -> bool: ...
    @property
    def unnamed(self) -> bool:
        """True when no proper name was seen ("I", "officials"): no graph node."""
    @property
    def mentions(self) -> list[tuple[int, int]]:
        """Code-point spans of every mention (names, pronouns, descriptions)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Attribution:
    """Who said what, with which words, relayed by whom, to whom."""

    @property
    def id(self) -> str: ...
    @property
    def doc(self) -> str: ...
    @property
    def kind(self) -> Literal["direct", "indirect", "mixed"]: ...
    @property
    def speaker(self) -> Optional[Mention]: ...
    @property
    def cue(self) -> Cue: ...
    @property
    def content(self) -> Content: ...
    @property
    def source(self) -> Optional[Mention]: ...
    @property
    def addressee(self) -> Optional[Mention]: ...
    @property
    def mentions(self) -> list[str]: ...
    @property
    def rule(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Document:
    """Everything extracted from one text. ``to_dict()`` is one line of
    ``quotegraph extract --format jsonl``; ``to_json()`` is that line."""

    @property
    def doc(self) -> str: ...
    @property
    def text(self) -> Optional[str]: ...
    @property
    def dateline(self) -> Optional[Dateline]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def attributions(self) -> list[Attribution]: ...
    @property
    def meta(self) -> dict[str, Any]: ...
    def entity(self, id: str) -> Optional[Entity]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(line: str, text: Optional[str] = None) -> Document: ...
    @staticmethod
    def from_dict(record: Mapping[str, Any], text: Optional[str] = None) -> Document: ...

@final
class Extractor:
    """Extracts attributions with one lexicon (default: the built-in one;
    ``lexicon=DIR`` as the CLI's ``--lexicon DIR``)."""

    def __new__(cls, lexicon: Optional[_PathArg] = None) -> Extractor: ...
    def extract(self, text: _Text, *, doc: Optional[str] = None) -> Document: ...
    def extract_many(
        self, texts: Iterable[_TextItem], *, threads: Optional[int] = None
    ) -> list[Document]: ...
    def extract_paths(self, paths: _Paths, *, threads: Optional[int] = None) -> list[Document]: ...

def extract(text: _Text, *, doc: Optional[str] = None) -> Document:
    """Extract attributions from one text; ``doc`` names it (default ``"-"``)."""

def extract_many(texts: Iterable[_TextItem], *, threads: Optional[int] = None) -> list[Document]:
    """Extract from many texts (or ``(doc, text)`` pairs) in parallel without
    the GIL; texts are named by position (``"0"``, ``"1"``…)."""

def extract_paths(paths: _Paths, *, threads: Optional[int] = None) -> list[Document]:
    """Extract from files and directories as ``quotegraph extract`` reads them."""

def read_jsonl(paths: _Paths) -> list[Document]:
    """Read the records ``quotegraph extract --format jsonl`` wrote."""

class _EntityRef(TypedDict):
    id: str
    name: str
    kind: str

# functional syntax: "class" is a key
_StatementRow = TypedDict(
    "_StatementRow",
    {
        "id": str,
        "doc": str,
        "date": Optional[str],
        "speaker": Optional[_EntityRef],
        "speaker_text": Optional[str],
        "cue": str,
        "cue_text": str,
        "quote_kind": str,
        "class": str,
        "content_type": str,
        "polarity": str,
        "text": str,
        "relayed_by": list[_EntityRef],
        "addressed_to": list[_EntityRef],
        "mentions": list[_EntityRef],
    },
)

class _WhoSaid(TypedDict):
    speaker: _EntityRef
    statements: list[_StatementRow]

class _ClaimReport(TypedDict):
    statement: str
    doc: str
    outlet: str
    date: Optional[str]
    source: Optional[str]
    quote_kind: str
    text: str

class _Claim(TypedDict):
    id: str
    speaker: str
    speaker_name: str
    text: str
    report_count: int
    reports: list[_ClaimReport]
    first_reported: str
    first_date: Optional[str]
    last_date: Optional[str]
    chain: list[str]

class _Provenance(_StatementRow):
    chain: str

class _PathEdge(TypedDict):
    kind: str
    forward: bool
    label: str

class _PathStep(TypedDict):
    node: _EntityRef
    via: Optional[_PathEdge]

_Connection = TypedDict(
    "_Connection",
    {"from": _EntityRef, "to": _EntityRef, "length": int, "chain": str, "steps": list[_PathStep]},
)

class _SpeakerDict(TypedDict):
    id: str
    name: str
    statements: list[str]
    documents: int
    relayed_by: list[str]

@final
class Graph:
    """The knowledge graph of people, organizations, places, statements and
    documents, as ``quotegraph graph`` builds it."""

    def __new__(cls, documents: Optional[Iterable[Document]] = None) -> Graph: ...
    @staticmethod
    def from_documents(documents: Iterable[Document]) -> Graph: ...
    @staticmethod
    def from_texts(
        texts: Iterable[_TextItem],
        *,
        threads: Optional[int] = None,
        extractor: Optional[Extractor] = None,
    ) -> Graph: ...
    @staticmethod
    def from_paths(
        paths: _Paths, *, threads: Optional[int] = None, extractor: Optional[Extractor] = None
    ) -> Graph: ...
    @staticmethod
    def from_jsonl(paths: _Paths) -> Graph: ...
    def export(self, path: _PathArg, format: Optional[_FormatName] = None) -> list[str]: ...
    def dumps(self, format: _FormatName) -> str: ...
    def __len__(self) -> int: ...
    def __contains__(self, id: str, /) -> bool: ...
    @property
    def node_count(self) -> int: ...
    @property
    def edge_count(self) -> int: ...
    def summary(self) -> dict[str, dict[str, int]]: ...
    def node(self, id: str) -> Optional[dict[str, Any]]: ...
    def nodes(self, kind: Optional[_NodeKindName] = None) -> list[tuple[str, dict[str, Any]]]: ...
    def edges(
        self, kind: Optional[_EdgeKindName] = None
    ) -> list[tuple[str, str, dict[str, Any]]]: ...
    def to_networkx(self) -> Any:
        """A ``networkx.MultiDiGraph`` equal to ``networkx.read_graphml`` of
        the GraphML export."""
    def speakers(self) -> list[_SpeakerDict]: ...
    def find(self, name: str) -> str: ...
    def who_said(self, name: str) -> _WhoSaid: ...
    def claims(self, speaker: Optional[str] = None, min_reports: int = 1) -> list[_Claim]: ...
    def spread(self, claim: str) -> _Claim: ...
    def provenance(self, query: str) -> list[_Provenance]: ...
    def search(self, words: str) -> list[_StatementRow]: ...
    def path(self, source: str, target: str) -> Optional[_Connection]: ...
    def ego(self, name: str, hops: int = 2) -> Graph: ...

def attribution_rows(docs: Union[Document, Mapping[str, Any], Iterable[Any]]) -> list[dict[str, Any]]:
    """One dict per attribution (the columns of ``to_dataframe``)."""

def to_dataframe(docs: Union[Document, Mapping[str, Any], Iterable[Any]]) -> Any:
    """A ``pandas.DataFrame`` with one row per attribution."""

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
