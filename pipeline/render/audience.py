"""Audiences: who a brief is for, and the settings each one's template reads.

Built-in audiences are analyst (the full brief), executive (at most two pages) and
public (no internal markings or checksums). brief.toml overrides any setting per
audience under [audience.NAME]; a user's template folder may add audiences of its own
(a brief-NAME.html file).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

SECTIONS = ("cover", "contents", "synthesis", "essays", "appendix")


@dataclass(frozen=True)
class Audience:
    name: str
    description: str = ""
    title: str = "政策評析簡報"
    organisation: str = ""
    classification: str = ""  # a banner such as 限閱, printed in header and footer
    logo: Path | None = None
    accent: str = "#1f3a5f"
    paper: str = "A4"
    findings: int = 10  # findings per essay
    sections: tuple[str, ...] = SECTIONS
    max_pages: int | None = None
    checksums: bool = True
    counterparts: bool = True  # an agreement or divergence quotes both essays (else it names the other)


BUILTIN = {
    "analyst": Audience("analyst", "完整分析版：綜合研析、各文發現與來源附錄"),
    "executive": Audience("executive", "決策摘要版：兩頁以內，綜合研析、重點發現與全部對臺建議",
                          findings=3, sections=("synthesis", "essays"), max_pages=2),
    "public": Audience("public", "公開版：不含內部標示與檔案雜湊", checksums=False),
}


def audience(name: str, overrides: dict | None = None) -> Audience:
    base = BUILTIN.get(name, Audience(name))
    return replace(base, **(overrides or {}))


def user_audiences(template_dir: Path | None) -> list[str]:
    if template_dir is None:
        return []
    return sorted(p.stem.removeprefix("brief-") for p in template_dir.glob("brief-*.html"))


@dataclass
class AudienceSettings:
    """What brief.toml says about audiences: [brief] for all, [audience.NAME] for one."""
    common: dict = field(default_factory=dict)
    per_audience: dict[str, dict] = field(default_factory=dict)

    def resolve(self, name: str) -> Audience:
        return audience(name, {**self.common, **self.per_audience.get(name, {})})
