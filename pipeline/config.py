"""brief.toml: settings that override the defaults, validated in one pass.

    [brief]                  # every audience
    title = "兩岸情勢週報"
    organisation = "某研究中心"

    [audience.analyst]       # one audience; any key of [brief] too
    classification = "限閱"
    logo = "logo.png"        # relative to this file
    accent = "#8a1c1c"
    paper = "B5"
    findings = 6
    sections = ["cover", "contents", "synthesis", "essays", "appendix"]

    [audience.executive]
    max_pages = 3            # the brief's page limit (the executive brief's is 2)

    [lexicon]                # terms jieba keeps whole, by type
    law = ["臺灣關係法施行細則"]
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.render.audience import SECTIONS, AudienceSettings
from pipeline.render.page import PAPERS

LEXICON_TYPES = ("person", "organization", "place", "law", "event", "term")

DEFAULT_FILE = "brief.toml"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$")


@dataclass
class Config:
    audiences: AudienceSettings = field(default_factory=AudienceSettings)
    lexicon: dict[str, str] = field(default_factory=dict)  # term -> type
    path: Path | None = None


def _audience_settings(table: dict, where: str, base: Path, problems: list[str]) -> dict:
    """The valid settings of one table; what is wrong goes to problems."""
    out: dict = {}
    for key, value in table.items():
        if key in ("title", "organisation", "classification"):
            if isinstance(value, str):
                out[key] = value
            else:
                problems.append(f"{where} {key} must be text")
        elif key == "logo":
            path = (base / str(value)).resolve()
            if path.is_file():
                out[key] = path
            else:
                problems.append(f"{where} logo {value!r} is not a file")
        elif key == "accent":
            if isinstance(value, str) and _COLOUR.match(value):
                out[key] = value
            else:
                problems.append(f"{where} accent must be a colour such as \"#1f3a5f\"")
        elif key == "paper":
            if value in PAPERS:
                out[key] = value
            else:
                problems.append(f"{where} paper must be one of {', '.join(PAPERS)}")
        elif key == "findings":
            if isinstance(value, int) and 1 <= value <= 10:
                out[key] = value
            else:
                problems.append(f"{where} findings must be a whole number from 1 to 10")
        elif key == "max_pages":
            if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100:
                out[key] = value
            else:
                problems.append(f"{where} max_pages must be a whole number from 1 to 100")
        elif key == "sections":
            if isinstance(value, list) and value and all(v in SECTIONS for v in value):
                out[key] = tuple(value)
            else:
                problems.append(f"{where} sections must be a list of {', '.join(SECTIONS)}")
        else:
            problems.append(f"{where} has no setting '{key}'")
    return out


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
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BriefError(f"not valid TOML ({exc})", path)

    problems: list[str] = []
    base = path.parent
    settings = AudienceSettings(common=_audience_settings(data.get("brief", {}), "[brief]", base, problems))
    for name, table in data.get("audience", {}).items():
        if isinstance(table, dict):
            settings.per_audience[name] = _audience_settings(table, f"[audience.{name}]", base, problems)
        else:
            problems.append(f"[audience] {name} must be a table")
    lexicon: dict[str, str] = {}
    for kind, terms in data.get("lexicon", {}).items():
        if kind not in LEXICON_TYPES:
            problems.append(f"[lexicon] '{kind}' is not one of {', '.join(LEXICON_TYPES)}")
        elif not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            problems.append(f"[lexicon] {kind} must be a list of terms")
        else:
            lexicon.update({t.strip(): kind for t in terms})
    for table in data:
        if table not in ("brief", "audience", "lexicon"):
            problems.append(f"unknown table [{table}]")
    if problems:
        raise BriefError("; ".join(problems), path)
    return Config(audiences=settings, lexicon=lexicon, path=path)
