"""An essay's analysis as plain JSON data and back: what the analysis cache keeps and a
shard hands to `brief merge`.

Data read back is never trusted: every field is checked for its type while the model is
rebuilt, and anything that does not fit raises ValueError (the caller then analyses the
essay afresh). JSON, not pickle: a cache folder is only data, never code that runs.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pipeline.model import Analysis, Entity, Essay, Item, Keyword, Paragraph, Section, Sentence


def analysis_data(analysis: Analysis) -> dict:
    data = asdict(analysis)
    data["sentence_words"] = [sorted(words) for words in analysis.sentence_words]
    data["turn_labels"] = sorted(analysis.turn_labels)
    data["unclaimed"] = sorted(analysis.unclaimed)
    return data


def _typed(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):  # True is an int too
        raise ValueError(f"{where}: expected {' or '.join(k.__name__ for k in kinds)}, found {type(value).__name__}")
    return value


def _fields(data: Any, spec: dict[str, type | tuple[type, ...]], where: str) -> dict:
    _typed(data, dict, where)
    if set(data) != set(spec):
        raise ValueError(f"{where}: fields {sorted(data)} are not {sorted(spec)}")
    return {name: _typed(data[name], kind, f"{where}.{name}") for name, kind in spec.items()}


_TEXT = (str, type(None))
_ITEM = {"text": str, "score": (float, int), "essay": str, "paragraph": int, "start": int, "end": int,
         "quote": str, "section": _TEXT, "counterpart": type(None), "subject": type(None)}


def _item(data: Any, where: str) -> Item:
    return Item(**_fields(data, _ITEM, where))


def _list(data: Any, where: str) -> list:
    return _typed(data, list, where)


def _essay(data: Any) -> Essay:
    fields = _fields(data, {"id": str, "source": str, "sha256": str, "text": str, "title": str, "author": _TEXT,
                            "date": _TEXT, "url": _TEXT, "converted": _TEXT, "paragraphs": list, "sections": list},
                     "essay")
    paragraphs = []
    for n, p in enumerate(fields.pop("paragraphs")):
        para = _fields(p, {"index": int, "start": int, "end": int, "section": _TEXT, "kind": str, "sentences": list},
                       f"paragraph {n}")
        para["sentences"] = [Sentence(**_fields(s, {"start": int, "end": int, "paragraph": int}, f"sentence of {n}"))
                             for s in para["sentences"]]
        paragraphs.append(Paragraph(**para))
    sections = [Section(**_fields(s, {"heading": str, "level": int, "start": int, "number": str, "paragraphs": list},
                                  "section")) for s in fields.pop("sections")]
    for section in sections:
        section.paragraphs = [_typed(i, int, "section paragraph") for i in section.paragraphs]
    return Essay(**fields, paragraphs=paragraphs, sections=sections)


def analysis_from(data: Any) -> Analysis:
    """The Analysis the data describes; ValueError when it describes none."""
    fields = _fields(data, {"essay": dict, "summary": list, "findings": list, "recommendations": list,
                            "implications": list, "keywords": list, "entities": list, "view": str,
                            "sentence_words": list, "turn_labels": list, "first_words": list, "unclaimed": list},
                     "analysis")
    essay = _essay(fields["essay"])
    analysis = Analysis(
        essay=essay,
        summary=[_item(i, "summary") for i in fields["summary"]],
        findings=[_item(i, "finding") for i in fields["findings"]],
        recommendations=[_item(i, "recommendation") for i in fields["recommendations"]],
        implications=[_item(i, "implication") for i in fields["implications"]],
        keywords=[Keyword(**_fields(k, {"term": str, "weight": (float, int)}, "keyword")) for k in fields["keywords"]],
        entities=[Entity(**_fields(e, {"text": str, "type": str}, "entity")) for e in fields["entities"]],
        view=fields["view"],
        sentence_words=[frozenset(_typed(w, str, "word") for w in _list(words, "sentence words"))
                        for words in fields["sentence_words"]],
        turn_labels=frozenset(_typed(label, str, "turn label") for label in fields["turn_labels"]),
        first_words=[_typed(word, str, "first word") for word in fields["first_words"]],
        unclaimed=frozenset(_typed(n, int, "unclaimed sentence") for n in fields["unclaimed"]),
    )
    if (len(analysis.view) != len(essay.text)
            or not len(analysis.sentence_words) == len(analysis.first_words) == len(essay.sentences)):
        raise ValueError("analysis: its view or sentence words do not match its essay")
    for item in analysis.summary + analysis.findings + analysis.recommendations + analysis.implications:
        if essay.text[item.start:item.end] != item.quote:
            raise ValueError("analysis: a quote is not the essay's text at its offsets")
    return analysis
