"""Score the extraction against readers' readings, the way the field does it.

    brief eval [GOLD_DIR] [INPUT ...]      # make eval: ../shared/corpus-gold when present

GOLD_DIR holds `consensus/ESSAY.json` (the agreed reading) and, where there are several
readers, one folder per annotator (`A1/ESSAY.json` …); the essay itself is found among the
INPUT files and folders by its file stem (default: the gold folder's `essays` path or the
essay's own relative path). Every item of a reading is an anchor, a verbatim span of the
file's text with whitespace removed.

The protocol (../shared/CORPUS.md): a predicted item hits a gold anchor when the longest
common substring of its quote and the anchor covers at least 60% of the anchor, both
compared without whitespace and in one script: the brief prints a Simplified essay in Taiwan
form, so that essay's anchors are converted as read_essay converts its text (the quotes are
already; converting them again is no identity: 干預 -> 幹預). Findings recall@10 = gold
findings hit by the top 10 / min(10, gold count). The human ceiling: each annotator scored against the sentences two
of the other annotators chose (leave one annotator out), and the pipeline scored against
those same references.

The findings ranker is the one thing learned from readers (`brief eval --fit`, see
pipeline/fit.py): an essay it was fitted on is scored leave-one-essay-out, by a ranker
fitted on the other essays; no score comes from a ranker that has seen the essay.
"""
from __future__ import annotations

import hashlib
import json
import re
import statistics
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cached_property
from pathlib import Path

from pipeline.analyse import analyse
from pipeline.analyse.baselines import BASELINES
from pipeline.analyse.features import sentence_infos, title_words
from pipeline.analyse.ranker import Ranker, feature_rows, shipped
from pipeline.analyse.segment import Segmenter, traditional_view
from pipeline.fit import fit
from pipeline.ingest import find_inputs, read_essay
from pipeline.ingest.convert import to_taiwan
from pipeline.ingest.encoding import decode
from pipeline.model import Analysis, Essay

HIT = 0.6  # share of a gold anchor the longest common substring must cover
TOP = 10
VOTES = 2  # readers who must choose a sentence for it to be gold
LISTS = ("findings", "recommendations", "implications")
_SENTENCE = re.compile(r".*?(?:[。！？；!?;][」』”’）)]*|$)", re.S)
_LABEL = re.compile(r"^(?:【[^】]{1,12}】|[^｜|]{1,12}[｜|])")


def squash(text: str) -> str:
    """Text as anchors are spans of it: no whitespace."""
    return re.sub(r"\s+", "", text)


def hits(quote: str, anchor: str) -> bool:
    """Whether the quote holds the anchor; both in one script (see as_printed)."""
    quote, anchor = squash(quote), squash(anchor)
    if not anchor:
        return False
    match = SequenceMatcher(None, quote, anchor, autojunk=False).find_longest_match(0, len(quote), 0, len(anchor))
    return match.size >= HIT * len(anchor)


@dataclass
class Reading:
    """One reader's reading of one essay (or the agreed one): anchors, best first."""
    title: str | None
    author: str | None
    findings: list[str]
    recommendations: list[str]
    implications: list[str]
    must_not: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> "Reading":
        data = json.loads(path.read_text(encoding="utf-8"))
        anchors = {name: [item["anchor"] for item in data.get(name, [])] for name in LISTS}
        return cls(data.get("title"), data.get("author"), must_not=data.get("must_not_be_recommendations", []),
                   **anchors)

    def converted(self, convert) -> "Reading":
        return replace(self, title=self.title and convert(self.title), author=self.author and convert(self.author),
                       must_not=[convert(a) for a in self.must_not],
                       **{name: [convert(a) for a in getattr(self, name)] for name in LISTS})


@dataclass
class GoldEssay:
    stem: str
    path: Path  # the essay file
    consensus: Reading
    readers: dict[str, Reading]

    @cached_property
    def text(self) -> str:
        """The file's text with whitespace removed: what anchors are spans of."""
        return squash(decode(self.path.read_bytes(), self.path))

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return [m.span() for m in _SENTENCE.finditer(self.text) if m.group()]

    def sentence_of(self, anchor: str) -> int | None:
        """The sentence holding most of the anchor (its middle character)."""
        anchor = re.sub(r"\s+", "", anchor)
        at = self.text.find(anchor)
        if at < 0:
            return None
        middle = at + len(anchor) // 2
        return next(k for k, (start, end) in enumerate(self.sentences) if start <= middle < end)

    def agreed(self, readers: list[str], kind: str) -> list[str]:
        """What at least VOTES of these readers chose for one list: the shortest anchor of
        each such sentence, in the order of the best rank any of them gave it."""
        chosen: dict[int, list[tuple[int, str]]] = {}
        for name in readers:
            seen = set()
            for rank, anchor in enumerate(getattr(self.readers[name], kind)):
                k = self.sentence_of(anchor)
                if k is None or k in seen:
                    continue
                seen.add(k)
                chosen.setdefault(k, []).append((rank, anchor))
        agreed = [(min(r for r, _ in votes), min((a for _, a in votes), key=len))
                  for votes in chosen.values() if len(votes) >= VOTES]
        return [anchor for _, anchor in sorted(agreed)]


def in_print(span: str, essay: Essay) -> str:
    """A span of the essay's file as the brief prints it: converted where read_essay
    converted the essay."""
    return to_taiwan(span) if essay.converted else span


def as_printed(reading: Reading, essay: Essay) -> Reading:
    return reading.converted(to_taiwan) if essay.converted else reading


def load_gold(gold_dir: Path, inputs: list[Path]) -> list[GoldEssay]:
    """Every essay of the gold folder whose file is among the inputs."""
    files = {file.stem: file for file in find_inputs(inputs)}
    essays = []
    for path in sorted((gold_dir / "consensus").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        relative = (gold_dir / data["essay"]) if "/" in data["essay"] else None
        file = files.get(path.stem) or (relative if relative and relative.exists() else None)
        if file is None:
            continue
        readers = {d.name: Reading.load(d / path.name) for d in sorted(gold_dir.iterdir())
                   if d.is_dir() and d.name != "consensus" and (d / path.name).exists()}
        essays.append(GoldEssay(path.stem, file, Reading.load(path), readers))
    return essays


# --- the learned ranker: fitted on readers' choices, scored leave-one-essay-out ---------

@dataclass
class Example:
    """One essay's sentences as the ranker sees them, and the share of readers who chose
    each as a finding."""
    sha256: str
    rows: list[list[float]]
    targets: list[float]


def example(gold: GoldEssay, segmenter: Segmenter) -> Example:
    essay = read_essay(gold.path)
    view = traditional_view(essay.text)
    infos = sentence_infos(essay, segmenter, view)
    squashed = [squash(info.text) for info in infos]
    readers = [as_printed(reader, essay) for reader in gold.readers.values()] or [as_printed(gold.consensus, essay)]
    votes = [0] * len(infos)
    for reader in readers:
        chosen = set()
        for anchor in reader.findings:
            wanted = squash(anchor)
            k = next((k for k, text in enumerate(squashed) if wanted in text), None)
            if k is None:  # an anchor across a sentence end: the sentence holding most of it
                k = next((k for k, info in enumerate(infos) if hits(info.text, anchor)), None)
            if k is not None:
                chosen.add(k)
        for k in chosen:
            votes[k] += 1
    return Example(gold.sha256, feature_rows(infos, title_words(essay, segmenter, view)),
                   [v / len(readers) for v in votes])


def fit_examples(examples: list[Example]) -> Ranker:
    return fit([row for e in examples for row in e.rows], [t for e in examples for t in e.targets],
               frozenset(e.sha256 for e in examples))


def rankers(golds: list[GoldEssay], segmenter: Segmenter, ranker: Ranker | None = None) -> dict[str, Ranker]:
    """The ranker each essay is scored with: never one fitted on it. An essay the shipped
    ranker was fitted on is scored by a ranker fitted on the other such essays of this run
    (leave one essay out); any other essay by the shipped ranker itself."""
    ranker = ranker or shipped()
    fitted = {g.stem: example(g, segmenter) for g in golds if g.sha256 in ranker.fitted_on}
    return {g.stem: fit_examples([e for stem, e in fitted.items() if stem != g.stem]) if g.stem in fitted
            else ranker for g in golds}


# --- scores ---------------------------------------------------------------------------

def recall_at(quotes: list[str], anchors: list[str]) -> float | None:
    """Gold anchors hit by the top TOP quotes / min(TOP, gold count). A reader's own anchors
    are scored as quotes, exactly as the pipeline's items are."""
    if not anchors:
        return None
    found = sum(any(hits(q, a) for q in quotes[:TOP]) for a in anchors)
    return found / min(TOP, len(anchors))


@dataclass
class EssayScore:
    stem: str
    title_ok: bool | None  # None: the file does not contain its title
    author_ok: bool
    findings: float | None  # recall@10 against the consensus
    loo_system: float | None  # the same, against each annotator's leave-one-out reference (mean)
    loo_humans: dict[str, float]  # each annotator against the others' reference
    baselines: dict[str, float | None]
    rec_hit: int
    rec_gold: int
    rec_wrong: list[str]  # predicted recommendations in no consensus recommendation
    must_not_hit: int
    impl_hit: int  # consensus implications found
    impl_gold: int
    impl_right: int  # predicted implications that are consensus implications
    impl_predicted: int


def _title(text: str | None) -> str:
    return _LABEL.sub("", squash(text or ""))


def loo_references(gold: GoldEssay) -> dict[str, list[str]]:
    """For each annotator, the findings the others agree on (leave that annotator out)."""
    names = sorted(gold.readers)
    references = {name: gold.agreed([n for n in names if n != name], "findings") for name in names}
    return {name: reference for name, reference in references.items() if reference}


def loo_humans(gold: GoldEssay) -> dict[str, float]:
    """Each annotator's findings recall against the others' agreed reference: the ceiling."""
    return {name: recall_at(gold.readers[name].findings, reference)
            for name, reference in loo_references(gold).items()}


def score_essay(gold: GoldEssay, segmenter: Segmenter, ranker: Ranker | None = None) -> tuple[EssayScore, Analysis]:
    """ranker: the findings ranker to score (default: the shipped one); see rankers()."""
    ranker = ranker or shipped()
    if gold.sha256 in ranker.fitted_on:
        raise ValueError(f"{gold.stem}: the ranker was fitted on this essay")
    essay = read_essay(gold.path)
    ours = analyse(essay, segmenter, ranker)
    consensus = as_printed(gold.consensus, essay)
    quotes = [i.quote for i in ours.findings]
    loo_system = [recall_at(quotes, [in_print(a, essay) for a in reference]) for reference in loo_references(gold).values()]
    baselines = {key: recall_at([i.quote for i in baseline(essay, segmenter).findings], consensus.findings)
                 for key, baseline in BASELINES.items()}
    recs = ours.recommendations
    rec_wrong = [i.quote for i in recs if not any(hits(i.quote, a) for a in consensus.recommendations)]
    must_not = sum(any(hits(i.quote, a) for i in recs) for a in consensus.must_not)
    impl = ours.implications
    score = EssayScore(
        gold.stem,
        title_ok=None if consensus.title is None else _title(essay.title) == _title(consensus.title),
        author_ok=squash(essay.author or "") == squash(consensus.author or ""),
        findings=recall_at(quotes, consensus.findings),
        loo_system=statistics.mean(loo_system) if loo_system else None,
        loo_humans=loo_humans(gold),
        baselines=baselines,
        rec_hit=sum(any(hits(i.quote, a) for i in recs) for a in consensus.recommendations),
        rec_gold=len(consensus.recommendations),
        rec_wrong=rec_wrong,
        must_not_hit=must_not,
        impl_hit=sum(any(hits(i.quote, a) for i in impl) for a in consensus.implications),
        impl_gold=len(consensus.implications),
        impl_right=sum(any(hits(i.quote, a) for a in consensus.implications) for i in impl),
        impl_predicted=len(impl),
    )
    return score, ours


# --- report ---------------------------------------------------------------------------

def _f(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def report(scores: list[EssayScore], held_out: int = 0) -> list[str]:
    """held_out: how many essays were scored leave-one-essay-out."""
    names = sorted({n for s in scores for n in s.loo_humans})
    baseline_names = sorted({n for s in scores for n in s.baselines})
    head = (f"{'essay':<14} {'find':>4} {'LOO':>4} {'hum':>4} {'min':>4} "
            + " ".join(f"{n[:6]:>6}" for n in baseline_names)
            + f" {'rec':>5} {'wrong':>5} {'mustn':>5} {'impl R':>6} {'impl P':>6} title author")
    lines = [head]
    for s in scores:
        humans = list(s.loo_humans.values())
        lines.append(
            f"{s.stem[:14]:<14} {_f(s.findings)} {_f(s.loo_system)} "
            f"{_f(statistics.mean(humans) if humans else None)} {_f(min(humans) if humans else None)} "
            + " ".join(f"{_f(s.baselines[n]):>6}" for n in baseline_names)
            + f" {s.rec_hit:>2}/{s.rec_gold:<2} {len(s.rec_wrong):5d} {s.must_not_hit:5d}"
            f" {s.impl_hit:>3}/{s.impl_gold:<2} {s.impl_right:>3}/{s.impl_predicted:<2}"
            f" {'-' if s.title_ok is None else 'ok' if s.title_ok else 'NO':>5} {'ok' if s.author_ok else 'NO':>6}")
    mean = lambda values: statistics.mean(values) if values else None  # noqa: E731
    humans_all = [v for s in scores for v in s.loo_humans.values()]
    rec_gold = sum(s.rec_gold for s in scores)
    impl_gold, impl_predicted = sum(s.impl_gold for s in scores), sum(s.impl_predicted for s in scores)
    lines.append(
        f"{'overall':<14} {_f(mean([s.findings for s in scores if s.findings is not None]))} "
        f"{_f(mean([s.loo_system for s in scores if s.loo_system is not None]))} {_f(mean(humans_all))} "
        f"{'':>4} "
        + " ".join(f"{_f(mean([s.baselines[n] for s in scores if s.baselines[n] is not None])):>6}"
                   for n in baseline_names)
        + f" {_f(sum(s.rec_hit for s in scores) / rec_gold if rec_gold else None):>5}"
        f" {sum(len(s.rec_wrong) for s in scores):5d} {sum(s.must_not_hit for s in scores):5d}"
        f" {_f(sum(s.impl_hit for s in scores) / impl_gold if impl_gold else None):>6}"
        f" {_f(sum(s.impl_right for s in scores) / impl_predicted if impl_predicted else None):>6}"
        f" {sum(bool(s.title_ok) for s in scores):>2}/{sum(s.title_ok is not None for s in scores):<2}"
        f" {sum(s.author_ok for s in scores):>3}/{len(scores):<2}")
    lines.append("")
    lines.append("find: findings recall@10 against the consensus; LOO: the same against each annotator's "
                 "leave-one-out reference (mean); hum/min: the annotators on those references (mean, weakest); "
                 + ", ".join(baseline_names) + ": baselines' findings recall@10; rec: consensus "
                 "recommendations found; wrong: predicted recommendations in no consensus one; mustn: "
                 "must-not items hit; impl R/P: implications recall and precision.")
    lines.append(f"The findings ranker is learned: the {held_out} essays it was fitted on are each scored by a ranker "
                 f"fitted on the others (leave one essay out), the other {len(scores) - held_out} by the shipped "
                 "ranker; no essay is scored by a ranker fitted on it.")
    if names:
        lines.append("annotators: " + ", ".join(names))
    return lines


def wrong_advice(scores: list[EssayScore]) -> list[str]:
    return [f"{s.stem}: {quote}" for s in scores for quote in s.rec_wrong]
