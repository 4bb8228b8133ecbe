"""The `brief` command: a thin Click layer over pipeline.build and pipeline.render."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from pipeline import __version__
from pipeline.config import load_config
from pipeline.entry import interrupted
from pipeline.errors import BriefError
from pipeline.render.audience import BUILTIN, user_audiences
from pipeline.render.page import PAPERS
from pipeline.resources import EXAMPLES, TEMPLATES


class BriefGroup(click.Group):
    """Turns any unexpected failure into one line on stderr, unless --debug is given."""

    def invoke(self, ctx: click.Context):
        debug = "--debug" in sys.argv  # read here: the failure may come before options are parsed
        try:
            return super().invoke(ctx)
        except BriefError as exc:
            if debug and exc.__cause__ is not None:
                raise exc.__cause__  # e.g. the template's own traceback
            raise
        except KeyboardInterrupt as exc:
            interrupted(exc)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if debug:
                raise
            raise BriefError(f"unexpected {exc.__class__.__name__}: {exc} (run with --debug for details)")


def _progress(verbose: bool):
    if verbose or sys.stderr.isatty():
        return lambda message: click.echo(message, err=True)
    return lambda message: None


def _pdf_variant(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Checked against WeasyPrint's own table, loaded only when the option is given."""
    if value is None:
        return None
    from weasyprint.pdf import VARIANTS

    known = sorted(v for v in VARIANTS if v != "debug")  # "debug" is WeasyPrint's own
    if value not in known:
        raise click.BadParameter(f"'{value}' is not one of {', '.join(known)}")
    return value


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def essay_files(inputs: tuple[Path, ...]) -> tuple[list[Path], frozenset[Path]]:
    """The essay files of the inputs (default: the shipped examples), found once, and
    those the user named."""
    from pipeline.ingest import find_inputs

    inputs = list(inputs) or [EXAMPLES]
    return find_inputs(inputs, _warn), frozenset(p for p in inputs if p.is_file())


def check_outputs(files: list[Path], outputs: dict[str, Path | None]) -> None:
    """Before any work: no output may be an input essay, another output, or a folder."""
    essays = {p.resolve() for p in files}
    seen: dict[Path, str] = {}
    for option, path in outputs.items():
        if path is None:
            continue
        real = path.resolve()
        if real.is_dir():
            raise click.BadParameter(f"{path} is a folder; name a file", param_hint=option)
        if real in essays:
            raise click.BadParameter(f"{path} is one of the input essays; it would be overwritten", param_hint=option)
        if real in seen:
            raise click.BadParameter(f"{path} is also given to {seen[real]}", param_hint=option)
        seen[real] = option


inputs_argument = click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
config_option = click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                             help="Settings file (default: ./brief.toml when present).")
max_size_option = click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=2.0,
                                show_default=True, metavar="MB", help="Refuse essay files larger than this.")
no_convert_option = click.option("--no-convert", is_flag=True,
                                 help="Keep Simplified essays as written (default: converted to Taiwan Traditional, s2twp).")
debug_option = click.option("--debug", is_flag=True, help="Show tracebacks.")
no_cache_option = click.option("--no-cache", is_flag=True,
                               help="Analyse every essay afresh and keep nothing (cache: BRIEF_CACHE_DIR).")


def _analysis_cache(config, no_cache: bool):
    if no_cache:
        return None
    from pipeline.cache import AnalysisCache, cache_dir

    return AnalysisCache(cache_dir(), config.lexicon)


def _setting_files(config, template_dir: Path | None, previous: Path | None) -> list[Path]:
    """Files the settings name, whose content the brief depends on."""
    logos = [s["logo"] for s in [config.audiences.common, *config.audiences.per_audience.values()] if s.get("logo")]
    return [p for p in [config.path, *logos, template_dir, previous] if p is not None]
verbose_option = click.option("-v", "--verbose", is_flag=True, help="Report progress on stderr.")
template_dir_option = click.option(
    "--template-dir", type=click.Path(path_type=Path, file_okay=False, exists=True, resolve_path=True),
    help="Your templates: they override the built-in ones file by file.")


@click.group(cls=BriefGroup)
@click.version_option(__version__, prog_name="brief")
def main():
    """Turn a folder of Traditional-Chinese policy essays into a print-ready PDF brief."""


@main.command()
@inputs_argument
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=Path("out/brief.pdf"),
              show_default=True, help="The PDF to write.")
@click.option("--json", "json_path", type=click.Path(path_type=Path, dir_okay=False), help="Also write the extraction JSON.")
@click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False), help="Also write the rendered HTML.")
@click.option("--audience", default="analyst", show_default=True,
              help=f"Who the brief is for: {', '.join(BUILTIN)}, or one your --template-dir adds.")
@template_dir_option
@click.option("--paper", type=click.Choice(list(PAPERS), case_sensitive=False),
              help="Paper size (default: the audience's, A4).")
@click.option("--bleed", is_flag=True, help="Add 3 mm bleed and crop marks for a print shop.")
@click.option("--pdf-variant", metavar="VARIANT", callback=_pdf_variant,
              help="A WeasyPrint PDF variant: pdf/a-3u (archives), pdf/ua-1 (accessible, tagged), pdf/x-4 …")
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              metavar="SECONDS", help="Stop templates and layout that run longer than this.")
@click.option("--previous", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="The previous brief's JSON, for 本期更新 (default: the --json file, or the JSON beside the PDF).")
@click.option("--summary", "summary_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write a Markdown summary (for $GITHUB_STEP_SUMMARY).")
@click.option("--manifest", "manifest_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write a JSON manifest: every input's and output's sha256, and the versions used.")
@click.option("--strict", is_flag=True, help="Exit 1 after writing when there was any warning.")
@click.option("--keep-going", is_flag=True, help="Build from the essays that can be read; name the others.")
@click.option("--force", is_flag=True, help="Build even when the brief is up to date.")
@no_convert_option
@max_size_option
@config_option
@no_cache_option
@verbose_option
@debug_option
def build(inputs, output, json_path, html_path, audience, template_dir, paper, bleed, pdf_variant, time_limit,
          previous, summary_path, manifest_path, strict, keep_going, force, no_convert, max_size, config_path,
          no_cache, verbose, debug):
    """Build a PDF brief from essays (files or folders; default: the shipped examples).

    A build whose essays, templates, fonts, settings and versions are those of the last
    build of the same files says `up to date` and does nothing (--force builds anyway).
    """
    known = [*BUILTIN, *user_audiences(template_dir)]
    if audience not in known:
        raise click.BadParameter(f"'{audience}' is not one of {', '.join(known)}", param_hint="--audience")
    files, named = essay_files(inputs)
    outputs = {"--output": output, "--json": json_path, "--html": html_path, "--summary": summary_path,
               "--manifest": manifest_path}
    check_outputs(files, outputs)
    config = load_config(config_path)
    settings = config.audiences.resolve(audience)
    implicit = previous is None
    previous = previous or next((p for p in (json_path, output.with_suffix(".json")) if p and p.is_file()), None)
    written = [path for path in outputs.values() if path is not None]
    freshness = None
    if not (no_cache or force):
        from pipeline import freshness as fresh
        from pipeline.cache import cache_dir

        hasher = fresh.Hasher(cache_dir() / "hashes.json")
        options = {"audience": audience, "paper": paper, "bleed": bleed, "pdf_variant": pdf_variant,
                   "convert": not no_convert, "max_size": max_size, "named": sorted(map(str, named)),
                   "keep_going": keep_going, "outputs": {k: str(v) for k, v in outputs.items() if v is not None}}
        # the previous brief is part of the key unless it is this build's own JSON: an
        # output unchanged since this build wrote it changes nothing
        own = previous is not None and previous.resolve() in {p.resolve() for p in written}
        key = fresh.build_key(hasher, files, options, _setting_files(config, template_dir, None if own else previous))
        hasher.save()
        if fresh.up_to_date(hasher, key, written):
            click.echo(f"up to date: {output}", err=True)
            return
        freshness = (fresh, key)

    from pipeline.build import make_brief
    from pipeline.changes import compare, read_previous
    from pipeline.export import dumps
    from pipeline.output import write_all
    from pipeline.render.page import Page
    from pipeline.render.pdf import RenderOptions, missing_glyph_warnings, render
    from pipeline.summary import manifest_json, summary_markdown

    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        _warn(message)

    try:
        before = read_previous(previous) if previous else None
    except BriefError as exc:
        if not implicit:
            raise
        warn(f"no 本期更新: {exc.message}")  # a JSON found beside the output, not named by the user
        before = None
    page = Page(next(p for p in PAPERS if p.lower() == (paper or settings.paper).lower()))
    progress = _progress(verbose)
    brief = make_brief(files, config.lexicon, progress, warn, not no_convert, int(max_size * 1e6), named,
                       _analysis_cache(config, no_cache), keep_going)
    if before is not None:
        brief.updates = compare(brief, before)
    for warning in missing_glyph_warnings(brief):
        warn(warning)
    progress(f"rendering the {audience} brief")
    result = render(brief, RenderOptions(settings, page, bleed, template_dir, time_limit), pdf_variant)
    asker = f"the templates in {template_dir}" if template_dir else "the built-in templates"
    for refused in result.refused:
        warn(f"{asker} asked for {refused}; refused")
    # Everything succeeded: only now is anything written, all outputs or none.
    payloads = [(output, result.pdf)]
    payloads += [(json_path, dumps(brief).encode())] if json_path else []
    payloads += [(html_path, result.html.encode())] if html_path else []
    payloads += [(summary_path, summary_markdown(brief, output, result.pages, warnings).encode())] if summary_path else []
    if manifest_path:
        payloads.append((manifest_path, manifest_json(files, payloads).encode()))
    write_all(payloads)
    if freshness:
        fresh, key = freshness
        fresh.record(key, written)
    click.echo(f"wrote {output} ({len(brief.analyses)} essays, {result.pages} pages)", err=True)
    if strict and warnings:
        raise BriefError(f"{len(warnings)} warnings and --strict: the brief was written, the run fails")


@main.command()
@inputs_argument
@click.option("-o", "--output", default="-", show_default=True, help="Where to write the JSON; - for stdout.",
              type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@no_convert_option
@max_size_option
@config_option
@no_cache_option
@verbose_option
@debug_option
def extract(inputs, output, no_convert, max_size, config_path, no_cache, verbose, debug):
    """Print the extraction JSON (schema brief/1) for essays, without a PDF."""
    from pipeline.build import make_brief
    from pipeline.export import dumps
    from pipeline.output import write_atomic

    files, named = essay_files(inputs)
    if str(output) != "-":
        check_outputs(files, {"--output": output})
    config = load_config(config_path)
    brief = make_brief(files, config.lexicon, _progress(verbose), _warn, not no_convert, int(max_size * 1e6), named,
                       _analysis_cache(config, no_cache))
    text = dumps(brief)
    if str(output) == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(Path(output), text)


@main.command("eval")
@click.argument("gold_dir", required=False, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--strict", is_flag=True, help="Exit 1 when any recommendation is not in the consensus.")
@click.option("--fit", "fit_to", type=click.Path(path_type=Path, dir_okay=False),
              help="Fit the findings ranker on these essays' readings, write it to this JSON file and stop.")
@debug_option
def evaluate(gold_dir, inputs, strict, fit_to, debug):
    """Score findings, advice, implications, titles and authors against readers' readings.

    GOLD_DIR holds consensus/ and one folder per annotator (default: the project's own
    gold, tests/gold); INPUT names the essays (files or folders), matched by file stem.
    """
    from pipeline.analyse.ranker import shipped
    from pipeline.analyse.segment import Segmenter
    from pipeline.evaluate import example, fit_examples, load_gold, rankers, report, score_essay, wrong_advice
    from pipeline.resources import ROOT

    gold_dir = gold_dir or ROOT / "tests" / "gold"
    essays = load_gold(gold_dir, list(inputs))
    if not essays:
        raise BriefError("no essay of the gold folder was found among the inputs", gold_dir)
    segmenter = Segmenter()
    if fit_to:
        import json

        from pipeline.output import write_atomic

        ranker = fit_examples([example(gold, segmenter) for gold in essays])
        write_atomic(fit_to, json.dumps(ranker.to_json(), indent=1) + "\n")
        click.echo(f"fitted on {len(essays)} essays: {fit_to}")
        return
    click.echo("fitting the held-out rankers", err=True)
    chosen = rankers(essays, segmenter)
    scores = []
    with click.progressbar(essays, label="scoring", file=sys.stderr, item_show_func=lambda g: g and g.stem) as bar:
        for gold in bar:
            scores.append(score_essay(gold, segmenter, chosen[gold.stem])[0])
    held_out = sum(chosen[gold.stem] is not shipped() for gold in essays)
    for line in report(scores, held_out):
        click.echo(line)
    wrong = wrong_advice(scores)
    for line in wrong:
        click.echo(f"not advice to Taiwan: {line}")
    if strict and wrong:
        sys.exit(1)


@main.group()
def templates():
    """List the audiences, or copy one's templates into a folder of your own."""


@templates.command("list")
@template_dir_option
def list_templates(template_dir):
    """Show the built-in audiences (and those your --template-dir adds)."""
    for name, settings in BUILTIN.items():
        click.echo(f"{name:<10} {settings.description}")
    for name in user_audiences(template_dir):
        if name not in BUILTIN:
            click.echo(f"{name:<10} ({template_dir / f'brief-{name}.html'})")


@templates.command("init")
@click.argument("name", type=click.Choice(list(BUILTIN)))
@click.argument("directory", required=False, type=click.Path(path_type=Path, file_okay=False))
def init_templates(name, directory):
    """Copy audience NAME's template and the stylesheet into DIRECTORY (default: ./templates-NAME)."""
    directory = directory or Path(f"templates-{name}")
    files = [f"brief-{name}.html", "brief.css"]
    existing = [f for f in files if (directory / f).exists()]
    if existing:
        raise BriefError(f"already there, not overwritten: {', '.join(existing)}", directory)
    directory.mkdir(parents=True, exist_ok=True)
    for file in files:
        shutil.copyfile(TEMPLATES / file, directory / file)
    click.echo(f"copied {', '.join(files)} into {directory}/")
    click.echo(f"edit them, then: brief build --audience {name} --template-dir {directory}")
    click.echo('a file there replaces the built-in one of that name; {% extends "default:brief.html" %} reaches the original')
