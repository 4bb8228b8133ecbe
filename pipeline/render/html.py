"""Fill the Jinja2 templates with a brief: the HTML WeasyPrint will lay out.

Templates are looked up Datasette-style: the user's folder (--template-dir) first, then
the built-in templates/, with `default:NAME` always naming the built-in file so an
override can extend the very file it replaces. For an audience the names tried are
brief-AUDIENCE.html then brief.html; the HTML records which were tried and which won.
They run in Jinja2's sandbox with autoescape on: essay text is data, never markup.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from pipeline import GENERATOR
from pipeline.errors import BriefError
from pipeline.model import Brief, Item
from pipeline.render.audience import Audience
from pipeline.render.fonts import SANS_STACK, SERIF_STACK, font_face_css
from pipeline.render.page import (CELL_PADDING_EM, ISSUE_COLUMN_EM, PARTY_COLUMN_EM, POINT_HANG_EM, Page,
                                  reference_width_em)
from pipeline.render.typeset import autospaced, typeset
from pipeline.resources import TEMPLATES

NUMERALS = "〇一二三四五六七八九"


@dataclass(frozen=True)
class RenderOptions:
    audience: Audience
    page: Page = Page()
    bleed: bool = False
    template_dir: Path | None = None
    time_limit: float | None = 60.0  # seconds for templates and layout together

    def shorter(self) -> "RenderOptions | None":
        """The options for a brief one step shorter, for a page limit: one finding fewer per
        essay, down to none; then agreements and divergences quoting one side and naming
        the other; None when nothing is left to cut."""
        if self.audience.findings > 0:
            return replace(self, audience=replace(self.audience, findings=self.audience.findings - 1))
        if self.audience.counterparts:
            return replace(self, audience=replace(self.audience, counterparts=False))
        return None


def build_time(brief: Brief) -> datetime:
    """When the brief is dated: SOURCE_DATE_EPOCH when set (reproducible builds), else the
    newest essay's publication date, else the newest essay file's modification time; never
    the clock, so the same inputs give the same brief."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    dates = [a.essay.date for a in brief.analyses if a.essay.date and len(a.essay.date) >= 10]
    if dates:
        return datetime.fromisoformat(max(dates)[:10]).replace(tzinfo=timezone.utc)
    times = [Path(a.essay.source).stat().st_mtime for a in brief.analyses if Path(a.essay.source).is_file()]
    return datetime.fromtimestamp(int(max(times, default=0)), tz=timezone.utc)


def han_number(n: int) -> str:
    """A positive number in Chinese numerals, for 文一, 文十二, 文一百零五, 文一千零一十
    (digits from 10000 on: no brief holds that many essays)."""
    if n >= 10_000:
        return str(n)
    for size, name in ((1000, "千"), (100, "百")):
        if n >= size:
            head, rest = divmod(n, size)
            tail = han_number(rest) if rest else ""
            if 10 <= rest < 20:
                tail = "一" + tail  # 一百一十, not 一百十
            if rest and rest < size // 10:
                tail = "零" + tail  # 一百零五
            return NUMERALS[head] + name + tail
    tens, ones = divmod(n, 10)
    if not tens:
        return NUMERALS[ones]
    return ("" if tens == 1 else NUMERALS[tens]) + "十" + (NUMERALS[ones] if ones else "")


def css_string(value: str) -> Markup:
    """A CSS string literal that nothing in the value can break out of."""
    return Markup('"' + "".join(c if c.isalnum() else f"\\{ord(c):x} " for c in str(value)) + '"')


class ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that refuses any template whose real path (symlinks resolved)
    lies outside its folder: `brief.css -> /etc/passwd` or a link to / in a user's
    template folder reads nothing. FileSystemLoader alone checks only the name."""

    def __init__(self, folder: Path):
        super().__init__(str(folder), followlinks=False)
        self.root = Path(folder).resolve()

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if not Path(filename).resolve().is_relative_to(self.root):
            raise BriefError(f"template '{template}' leads outside its folder ({self.root}); refused")
        return source, filename, uptodate


def environment(template_dir: Path | None) -> SandboxedEnvironment:
    builtin = ConfinedLoader(TEMPLATES)
    search = [ConfinedLoader(template_dir)] if template_dir else []
    loader = jinja2.ChoiceLoader([jinja2.PrefixLoader({"default": builtin}, delimiter=":"), *search, builtin])
    env = SandboxedEnvironment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                               undefined=jinja2.StrictUndefined)
    env.filters["css_string"] = css_string
    return env


def candidates(audience: str) -> list[str]:
    return [f"brief-{audience}.html", "brief.html"]


def _template_error(exc: Exception) -> BriefError:
    """One line naming the template file and line where the error happened."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return BriefError(f"line {exc.lineno}: {exc.message}", exc.filename or exc.name)
    if isinstance(exc, jinja2.TemplateNotFound):
        return BriefError(f"template not found: {exc.name}")
    frame = exc.__traceback__
    where = None
    while frame is not None:  # Jinja2 maps template frames back to the template file
        filename = frame.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".css")):
            where = (filename, frame.tb_lineno)
        frame = frame.tb_next
    message = f"template error: {exc}"
    return BriefError(f"line {where[1]}: {message}", where[0]) if where else BriefError(message)


def unseen(items: list[Item], *shown: list[Item]) -> list[Item]:
    """The items in order, less any that overlaps a point already shown (in the lists
    given, their counterparts, or earlier in this list): a sentence of a lead point, or
    a lead point holding a piece of advice printed above, would say the same thing twice."""
    spans = [(p.essay, p.start, p.end) for points in shown for item in points
             for p in (item, item.counterpart) if p is not None]
    kept = []
    for item in items:
        if not any(essay == item.essay and start < item.end and item.start < end for essay, start, end in spans):
            kept.append(item)
            spans.append((item.essay, item.start, item.end))
    return kept


def render_html(brief: Brief, options: RenderOptions) -> str:
    audience, page = options.audience, options.page
    labels = {a.essay.id: f"文{han_number(i)}" for i, a in enumerate(brief.analyses, 1)}

    def ref(item: Item) -> str:
        """〔文一・第4段〕: the essay and its paragraph, numbered from 1 for readers."""
        return f"〔{labels[item.essay]}・第{item.paragraph + 1}段〕"

    # Where each quoted span was first printed: a point printed again (a finding the
    # synthesis quoted, a position that is also a finding) refers to that place instead.
    printed: dict[str, list[tuple[int, int, str]]] = {}  # essay -> (start, end, place)

    def point(item: Item, place: str = "", cell: bool = False) -> Markup:
        """item typeset with its reference; place names where it stands (文一主要發現第3點)
        for a later point that would repeat it."""
        reference = ref(item)
        tail = Markup('<span class="ref">{}</span>').format(reference)
        measure = page.cell if cell else page.point
        spans = printed.setdefault(item.essay, [])
        earlier = next((where for start, end, where in spans if start < item.end and item.start < end), None)
        if earlier is not None:
            return Markup('<span class="seen">{}</span>').format(typeset(f"見{earlier}", measure, tail,
                                                                       reference_width_em(reference)))
        spans.append((item.start, item.end, place or "上文"))
        # the span it quotes, for a reader's tools (and the tests) to find it by
        return Markup('<span class="point" data-source="{}:{}-{}">{}</span>').format(
            item.essay, item.start, item.end, typeset(item.text, measure, tail, reference_width_em(reference)))

    def paragraph(text: str, indent: bool = True) -> Markup:
        return typeset(text, page.paragraph if indent else page.block)

    created = build_time(brief)
    # a brief of one essay has no synthesis: there is nothing to compare it with
    sections = tuple(s for s in audience.sections if s != "synthesis" or len(brief.analyses) > 1)
    authors = list(dict.fromkeys(a.essay.author for a in brief.analyses if a.essay.author))
    context = {
        "brief": brief,
        "analyses": brief.analyses,
        "synthesis": brief.synthesis,
        "labels": labels,
        "ref": ref,
        "point": point,
        "paragraph": paragraph,
        "display": autospaced,  # headings, cover, contents, tables, keywords
        "unseen": unseen,
        "number": han_number,
        # Data only: the audience's settings as plain values (its logo, a Path with
        # read_text and write_text, reaches templates only as logo_uri).
        "audience": {k: v for k, v in vars(audience).items() if k != "logo"} | {"sections": sections},
        "title": audience.title,
        "organisation": audience.organisation,
        "logo_uri": audience.logo.as_uri() if audience.logo else "",
        "authors": authors,
        "generator": GENERATOR,
        "created_iso": created.replace(microsecond=0).isoformat(),
        "created_text": f"{created.year}年{created.month}月{created.day}日",
        # the themes, then each essay's leading keywords (a one-essay brief has no themes)
        "keywords": list(dict.fromkeys([t.term for t in brief.synthesis.themes]
                                       + [k.term for a in brief.analyses for k in a.keywords[:3]])),
        "page": page,
        "page_issue_em": ISSUE_COLUMN_EM,
        "page_party_em": PARTY_COLUMN_EM,
        "page_cell_padding_em": CELL_PADDING_EM,
        "bleed": options.bleed,
        "hang_em": POINT_HANG_EM,
        # CSS the project writes itself: trusted, so not HTML-escaped inside <style>.
        "font_faces": Markup(font_face_css()),
        "serif": Markup(SERIF_STACK),
        "sans": Markup(SANS_STACK),
    }
    env = environment(options.template_dir)
    names = candidates(audience.name)
    try:
        template = env.select_template(names)
        html = template.render(context)
    except jinja2.TemplatesNotFound:
        raise BriefError(f"no template for audience '{audience.name}' (looked for {', '.join(names)})")
    except BriefError:
        raise
    except Exception as exc:  # any error raised while a user's template runs
        raise _template_error(exc) from exc
    tried = ", ".join(names)
    return html.replace("<body", f"<!-- templates tried: {escape(tried)}; used: {escape(template.filename)} -->\n<body", 1)
