"""What changed since the previous brief: essays new, changed or gone, and the findings
and recommendations it did not list. The previous brief is read from its extraction JSON
(the file `--json` wrote last time, or `--previous`), which is all that needs keeping
between scheduled runs."""
from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.model import Brief, Item, Updates

NEW_FINDINGS_PER_ESSAY = 3  # the 本期更新 page points at what is new; the essay's chapter has the rest


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_previous(path: Path) -> dict[str, dict]:
    """The previous brief's essays by id; one clear error when the file is no brief JSON."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        essays = data["essays"] if data.get("schema") == "brief/1" else None
        if not isinstance(essays, list):
            raise ValueError
        return {e["id"]: e for e in essays if isinstance(e, dict) and isinstance(e.get("id"), str)}
    except OSError as exc:
        raise BriefError(f"cannot read the previous brief ({exc.strerror})", path)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BriefError("not the extraction JSON of a brief (schema brief/1)", path)


def _texts(items) -> set[str]:
    return {_squash(i["text"]) for i in items or [] if isinstance(i, dict) and isinstance(i.get("text"), str)}


def compare(brief: Brief, previous: dict[str, dict]) -> Updates:
    updates = Updates()
    for analysis in brief.analyses:
        essay = analysis.essay
        before = previous.get(essay.id)
        if before is None:
            updates.new.append(essay.id)
        elif before.get("sha256") != essay.sha256:
            updates.changed.append(essay.id)
        else:
            continue
        before = before or {}
        seen = _texts(before.get("findings"))
        fresh: list[Item] = [i for i in analysis.findings if _squash(i.text) not in seen]
        updates.findings += fresh[:NEW_FINDINGS_PER_ESSAY]
        seen = _texts((before.get("taiwan") or {}).get("recommendations"))
        updates.recommendations += [i for i in analysis.recommendations if _squash(i.text) not in seen]
    current = {a.essay.id for a in brief.analyses}
    updates.removed = [str(e.get("title") or id) for id, e in previous.items() if id not in current]
    return updates
