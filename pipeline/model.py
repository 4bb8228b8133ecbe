"""The essay model: the one shape passed from stage to stage.

Every offset is an index into `Essay.text`, the cleaned text of the essay (lines
re-joined, stray whitespace dropped), so a quote can always be checked as
`essay.text[start:end]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Essay.paragraphs


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    section: str | None  # heading of the section it stands in
    kind: str = "body"  # "body", "lead" (lead point before the first section, or a paper's abstract), "item" (list item),
    # "quote" (someone's words the paragraph before introduces: 他寫道：)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Section:
    heading: str  # without its numbering: 結論, not 伍、結論
    level: int
    start: int  # offset of the heading line in Essay.text
    number: str = ""  # the numbering as printed: 伍、, （一）, 1.
    paragraphs: list[int] = field(default_factory=list)


@dataclass
class Essay:
    id: str
    source: str
    sha256: str
    text: str
    title: str
    author: str | None = None
    date: str | None = None  # publication date, ISO 8601, when the file states it
    url: str | None = None  # where it was published, when the file records it
    converted: str | None = None  # "s2twp" when Simplified text was converted for the brief
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def lead(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "lead"]


@dataclass
class Item:
    """One point of the brief, grounded in a verbatim span of an essay."""
    text: str
    score: float
    essay: str
    paragraph: int
    start: int
    end: int
    quote: str
    section: str | None = None
    counterpart: "Item | None" = None  # synthesis: the matching point in another essay
    subject: str | None = None  # synthesis: what the point and its counterpart are both about


@dataclass
class Keyword:
    term: str
    weight: float


@dataclass
class Entity:
    text: str
    type: str  # person | organization | place | law | event | other


@dataclass
class Analysis:
    essay: Essay
    summary: list[Item] = field(default_factory=list)
    findings: list[Item] = field(default_factory=list)
    recommendations: list[Item] = field(default_factory=list)
    implications: list[Item] = field(default_factory=list)
    keywords: list[Keyword] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    # What the analysis read, for the synthesis across essays: the essay's text in
    # Traditional form (the text itself unless it is Simplified; same offsets), and each
    # sentence's content words, in the order of Essay.sentences.
    view: str = ""
    sentence_words: list[frozenset[str]] = field(default_factory=list)
    turn_labels: frozenset[str] = frozenset()  # an interview's speaker labels (答, 吳﹕), which no point keeps
    # each sentence's first word as the segmenter read it: whether a connective opens it
    # (然而美國…) that a point quoting it drops
    first_words: list[str] = field(default_factory=list)
    # sentences that are no claim of the essay's own (an interviewer's turns, the comments a
    # piece compiles), by index in Essay.sentences: the synthesis quotes none of them
    unclaimed: frozenset[int] = frozenset()

    def words_in(self, start: int, end: int) -> frozenset[str]:
        """Content words of the sentences within [start, end) of the essay's text."""
        return frozenset().union(*(words for s, words in zip(self.essay.sentences, self.sentence_words)
                                   if start <= s.start < end))


@dataclass
class Theme:
    """A concept several essays share, under all the names they give it, with what each
    essay carrying it holds about it (one grounded point per essay)."""
    term: str
    essays: list[str]
    aliases: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass
class Position:
    """What the essays report one party holds on one issue (a cell of 各方立場對照)."""
    party: str
    issue: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Synthesis:
    themes: list[Theme] = field(default_factory=list)
    agreements: list[Item] = field(default_factory=list)
    divergences: list[Item] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)


@dataclass
class Updates:
    """What is new since the previous brief (本期更新)."""
    new: list[str] = field(default_factory=list)  # ids of essays the previous brief did not have
    changed: list[str] = field(default_factory=list)  # ids of essays whose file changed since
    removed: list[str] = field(default_factory=list)  # titles of the previous brief's essays now gone
    findings: list[Item] = field(default_factory=list)  # findings the previous brief did not list
    recommendations: list[Item] = field(default_factory=list)


@dataclass
class Brief:
    analyses: list[Analysis]
    synthesis: Synthesis
    updates: Updates | None = None  # None: no previous brief to compare with
