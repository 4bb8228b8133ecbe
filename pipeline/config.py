"""brief.toml: settings that override the defaults, validated in one pass."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.analyse.segment import LEXICON_TYPES
from pipeline.errors import BriefError

DEFAULT_FILE = "brief.toml"


@dataclass
class Config:
    title: str | None = None
    organisation: str = ""
    lexicon: dict[str, str] = field(default_factory=dict)  # term -> type
    path: Path | None = None


def load_config(path: Path | None) -> Config:
    """The given file, else ./brief.toml when there is one, else the defaults."""
    if path is None:
        path = Path(DEFAULT_FILE)
        if not path.is_file():
            return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BriefError(f"cannot read ({exc.strerror})", path)
    except tomllib.TOMLDecodeError as exc:
        raise BriefError(f"not valid TOML ({exc})", path)

    problems = []
    brief = data.get("brief", {})
    for key in brief:
        if key not in ("title", "organisation"):
            problems.append(f"[brief] has no setting '{key}'")
    lexicon: dict[str, str] = {}
    for kind, terms in data.get("lexicon", {}).items():
        if kind not in LEXICON_TYPES:
            problems.append(f"[lexicon] '{kind}' is not one of {', '.join(LEXICON_TYPES)}")
        elif not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            problems.append(f"[lexicon] {kind} must be a list of terms")
        else:
            lexicon.update({t.strip(): kind for t in terms})
    for table in data:
        if table not in ("brief", "lexicon"):
            problems.append(f"unknown table [{table}]")
    if problems:
        raise BriefError("; ".join(problems), path)
    return Config(title=brief.get("title"), organisation=brief.get("organisation", ""), lexicon=lexicon, path=path)
