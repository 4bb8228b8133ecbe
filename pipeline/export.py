"""The extraction JSON of ../shared/CONTRACT.md (schema "brief/1")."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.model import Analysis, Brief, Item, Updates
from pipeline.store import analysis_data

if TYPE_CHECKING:
    from pipeline.build import Analysed, Shard

SCHEMA = "brief/1"


def item_json(item: Item) -> dict:
    out = {
        "text": item.text,
        "score": item.score,
        "section": item.section,
        "source": {"essay": item.essay, "paragraph": item.paragraph, "start": item.start, "end": item.end,
                   "quote": item.quote},
    }
    if item.counterpart is not None:
        out["counterpart"] = item_json(item.counterpart)["source"]
    if item.subject is not None:
        out["subject"] = item.subject
    return out


def essay_json(analysis: Analysis) -> dict:
    essay = analysis.essay
    return {
        "id": essay.id,
        "source": essay.source,
        "sha256": essay.sha256,
        "title": essay.title,
        "author": essay.author,
        "date": essay.date,
        "converted": essay.converted,
        "url": essay.url,
        "summary": [item_json(i) for i in analysis.summary],
        "sections": [{"heading": s.heading, "level": s.level, "paragraphs": len(s.paragraphs)} for s in essay.sections],
        "keywords": [{"term": k.term, "weight": k.weight} for k in analysis.keywords],
        "entities": [{"text": e.text, "type": e.type} for e in analysis.entities],
        "findings": [item_json(i) for i in analysis.findings],
        "taiwan": {
            "recommendations": [item_json(i) for i in analysis.recommendations],
            "implications": [item_json(i) for i in analysis.implications],
        },
    }


def updates_json(updates: Updates) -> dict:
    return {"new": updates.new, "changed": updates.changed, "removed": updates.removed,
            "findings": [item_json(i) for i in updates.findings],
            "recommendations": [item_json(i) for i in updates.recommendations]}


def brief_json(brief: Brief) -> dict:
    extra = {"updates": updates_json(brief.updates)} if brief.updates is not None else {}
    return {
        "schema": SCHEMA,
        "generated_by": f"brief {__version__}",
        "essays": [essay_json(a) for a in brief.analyses],
        "synthesis": {
            "themes": [{"term": t.term, "essays": t.essays, "aliases": t.aliases, "items": [item_json(i) for i in t.items]}
                       for t in brief.synthesis.themes],
            "agreements": [item_json(i) for i in brief.synthesis.agreements],
            "divergences": [item_json(i) for i in brief.synthesis.divergences],
            "positions": [{"party": p.party, "issue": p.issue, "items": [item_json(i) for i in p.items]}
                          for p in brief.synthesis.positions],
        },
        **extra,
    }


def shard_json(analysed: Analysed, shard: Shard) -> dict:
    """What `brief merge` needs of one shard: its analyses in full and their places."""
    return {"index": shard.index, "count": shard.count, "total": analysed.total, "positions": analysed.positions,
            "analyses": [analysis_data(a) for a in analysed.analyses]}


def dumps(brief: Brief, shard: dict | None = None) -> str:
    data = brief_json(brief)
    if shard is not None:
        data["shard"] = shard
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
