"""Fill the Jinja2 templates with a brief: the HTML WeasyPrint will lay out.

Templates run in Jinja2's sandbox with autoescape on: essay text is data, never markup.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from pipeline.errors import BriefError
from pipeline.model import Brief, Item
from pipeline.render.fonts import SANS_STACK, SERIF_STACK, font_face_css
from pipeline.resources import TEMPLATES

DEFAULT_TITLE = "政策評析簡報"
NUMERALS = "〇一二三四五六七八九"


@dataclass
class RenderOptions:
    audience: str = "analyst"
    title: str = DEFAULT_TITLE
    organisation: str = ""
    paper: str = "A4"
    template_dir: Path | None = None
    extra_roots: list[Path] = field(default_factory=list)


def build_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).astimezone()


def han_number(n: int) -> str:
    """1..99 in Chinese numerals, for 文一, 文十二."""
    tens, ones = divmod(n, 10)
    if not tens:
        return NUMERALS[ones]
    return ("" if tens == 1 else NUMERALS[tens]) + "十" + (NUMERALS[ones] if ones else "")


def environment(options: RenderOptions) -> SandboxedEnvironment:
    search = [TEMPLATES / options.audience, TEMPLATES]
    if options.template_dir is not None:
        search.insert(0, options.template_dir)
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader([TEMPLATES / options.audience, TEMPLATES])}),
        jinja2.FileSystemLoader([str(p) for p in search]),
    ])
    return SandboxedEnvironment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                undefined=jinja2.StrictUndefined)


def render_html(brief: Brief, options: RenderOptions) -> str:
    labels = {a.essay.id: f"文{han_number(i)}" for i, a in enumerate(brief.analyses, 1)}

    def ref(item: Item) -> str:
        """〔文一・第4段〕: the essay and its paragraph, numbered from 1 for readers."""
        return f"{labels[item.essay]}・第{item.paragraph + 1}段"

    created = build_time()
    authors = list(dict.fromkeys(a.essay.author for a in brief.analyses if a.essay.author))
    context = {
        "brief": brief,
        "analyses": brief.analyses,
        "synthesis": brief.synthesis,
        "labels": labels,
        "ref": ref,
        "title": options.title,
        "organisation": options.organisation,
        "authors": authors,
        "created": created,
        "created_iso": created.replace(microsecond=0).isoformat(),
        "created_text": f"{created.year}年{created.month}月{created.day}日",
        "keywords": [t.term for t in brief.synthesis.themes],
        "paper": options.paper,
        # CSS the project writes itself: trusted, so not HTML-escaped inside <style>.
        "font_faces": Markup(font_face_css()),
        "serif": Markup(SERIF_STACK),
        "sans": Markup(SANS_STACK),
    }
    env = environment(options)
    try:
        return env.get_template(f"{options.audience}.html").render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise BriefError(f"line {exc.lineno}: {exc.message}", exc.filename or exc.name)
    except jinja2.TemplateNotFound as exc:
        raise BriefError(f"template not found: {exc.name}")
    except (jinja2.TemplateError, TypeError, AttributeError) as exc:
        raise BriefError(f"template error: {exc}")
