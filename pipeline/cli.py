"""The `brief` command: a thin Click layer over pipeline.build and pipeline.render."""
from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from pipeline import __version__
from pipeline.config import load_config
from pipeline.entry import interrupted
from pipeline.errors import BriefError
from pipeline.output import split_path
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
    from pipeline.render.layout import import_weasyprint

    import_weasyprint()
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
    """Turn a folder of Chinese policy essays (Traditional or Simplified) into a print-ready
    PDF brief in Traditional Chinese."""


def publish_options(command):
    """The options of every command that ends in a brief (build, merge)."""
    options = [
        click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=Path("out/brief.pdf"),
                     show_default=True, help="The PDF to write."),
        click.option("--json", "json_path", type=click.Path(path_type=Path, dir_okay=False),
                     help="Also write the extraction JSON."),
        click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False),
                     help="Also write the rendered HTML."),
        click.option("--split", is_flag=True, help="Also write one PDF per essay beside the brief (brief-ESSAY.pdf)."),
        click.option("--audience", default="analyst", show_default=True,
                     help=f"Who the brief is for: {', '.join(BUILTIN)}, or one your --template-dir adds."),
        template_dir_option,
        click.option("--paper", type=click.Choice(list(PAPERS), case_sensitive=False),
                     help="Paper size (default: the audience's, A4)."),
        click.option("--bleed", is_flag=True, help="Add 3 mm bleed and crop marks for a print shop."),
        click.option("--pdf-variant", metavar="VARIANT", callback=_pdf_variant,
                     help="A WeasyPrint PDF variant: pdf/a-3u (archives), pdf/ua-1 (accessible, tagged), pdf/x-4 …"),
        click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
                     metavar="SECONDS", help="Stop templates and layout that run longer than this."),
        click.option("--previous", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                     help="The previous brief's JSON, for 本期更新 (default: the --json file, or the JSON beside "
                          "the PDF)."),
        click.option("--summary", "summary_path", type=click.Path(path_type=Path, dir_okay=False),
                     help="Also write a Markdown summary (for $GITHUB_STEP_SUMMARY)."),
        click.option("--manifest", "manifest_path", type=click.Path(path_type=Path, dir_okay=False),
                     help="Also write a JSON manifest: every input's and output's sha256, and the versions used."),
        click.option("--strict", is_flag=True, help="Exit 1 after writing when there was any warning."),
        config_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


@dataclass
class Request:
    """What the user asked a brief-making command for."""
    output: Path
    json_path: Path | None
    html_path: Path | None
    split: bool
    audience: str
    template_dir: Path | None
    paper: str | None
    bleed: bool
    pdf_variant: str | None
    time_limit: float
    previous: Path | None
    summary_path: Path | None
    manifest_path: Path | None
    strict: bool
    config_path: Path | None
    warnings: list[str] = field(default_factory=list)
    implicit_previous: bool = True  # the previous brief was found, not named

    @classmethod
    def of(cls, params: dict) -> "Request":
        return cls(**{name: params[name] for name in cls.__dataclass_fields__ if name in params})

    def outputs(self) -> dict[str, Path | None]:
        return {"--output": self.output, "--json": self.json_path, "--html": self.html_path,
                "--summary": self.summary_path, "--manifest": self.manifest_path}

    def written(self, files: list[Path]) -> list[Path]:
        """Every file this request writes (a split PDF is named by its essay's file)."""
        split = [split_path(self.output, f.stem) for f in files] if self.split else []  # an essay's id is its file's stem
        return [p for p in self.outputs().values() if p is not None] + split

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        _warn(message)

    def check(self, files: list[Path]) -> None:
        known = [*BUILTIN, *user_audiences(self.template_dir)]
        if self.audience not in known:
            raise click.BadParameter(f"'{self.audience}' is not one of {', '.join(known)}", param_hint="--audience")
        check_outputs(files, self.outputs())
        # the JSON this build writes, or the one beside its PDF, is the last brief
        self.implicit_previous = self.previous is None
        self.previous = self.previous or next(
            (p for p in (self.json_path, self.output.with_suffix(".json")) if p and p.is_file()), None)


def _publish(request: Request, brief, inputs: list[Path], config, verbose: bool, renderer=None) -> None:
    """Compare with the previous brief, render, write everything, and say what was done."""
    from pipeline.changes import compare, read_previous
    from pipeline.publish import Outputs, publish
    from pipeline.render.page import Page
    from pipeline.render.pdf import RenderOptions

    if request.previous:
        try:
            brief.updates = compare(brief, read_previous(request.previous))
        except BriefError as exc:
            if not request.implicit_previous:
                raise
            request.warn(f"no 本期更新: {exc.message}")  # a JSON found beside the output, not named by the user
    settings = config.audiences.resolve(request.audience)
    page = Page(next(p for p in PAPERS if p.lower() == (request.paper or settings.paper).lower()))
    options = RenderOptions(settings, page, request.bleed, request.template_dir, request.time_limit)
    outputs = Outputs(request.output, request.json_path, request.html_path, request.summary_path,
                      request.manifest_path, request.split)
    pages = publish(brief, inputs, outputs, options, request.pdf_variant, request.warn, _progress(verbose),
                    request.warnings, renderer)
    click.echo(f"wrote {request.output} ({len(brief.analyses)} essays, {pages} pages)", err=True)


def _fail_if_strict(request: Request) -> None:
    if request.strict and request.warnings:
        raise BriefError(f"{len(request.warnings)} warnings and --strict: the brief was written, the run fails")


def _tracker():
    """A progress bar over the analyses on a terminal; log lines (from progress) otherwise."""
    if not sys.stderr.isatty():
        return lambda items, total: iter(items)

    def track(items, total):
        with click.progressbar(items, length=total, label="analysing", file=sys.stderr) as bar:
            yield from bar
    return track


jobs_option = click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
                           help="Analyse essays in this many processes.")


@main.command()
@inputs_argument
@publish_options
@click.option("--keep-going", is_flag=True, help="Build from the essays that can be read; name the others.")
@click.option("--force", is_flag=True, help="Build even when the brief is up to date.")
@jobs_option
@no_convert_option
@max_size_option
@no_cache_option
@verbose_option
@debug_option
def build(inputs, keep_going, force, jobs, no_convert, max_size, no_cache, verbose, debug, **params):
    """Build a PDF brief from essays (files or folders; default: the shipped examples).

    A build whose essays, templates, fonts, settings and versions are those of the last
    build of the same files says `up to date` and does nothing (--force builds anyway).
    """
    request = Request.of(params)
    files, named = essay_files(inputs)
    request.check(files)
    config = load_config(request.config_path)
    written = request.written(files)
    freshness = None
    if not (no_cache or force):
        from pipeline import freshness as fresh
        from pipeline.cache import cache_dir

        hasher = fresh.Hasher(cache_dir() / "hashes.json")
        options = {"params": {k: str(v) if isinstance(v, Path) else v for k, v in params.items()},
                   "convert": not no_convert, "max_size": max_size, "named": sorted(map(str, named)),
                   "keep_going": keep_going}
        # the previous brief is part of the key unless it is this build's own JSON: an
        # output unchanged since this build wrote it changes nothing
        previous = request.previous
        own = previous is not None and previous.resolve() in {p.resolve() for p in written}
        key = fresh.build_key(hasher, files, options,
                              _setting_files(config, request.template_dir, None if own else previous))
        current = fresh.up_to_date(hasher, key, written)
        hasher.save()
        if current:
            click.echo(f"up to date: {request.output}", err=True)
            return
        freshness = (fresh, hasher, key)

    from pipeline.render.ahead import Renderer

    renderer = Renderer(ahead=True)  # WeasyPrint starts in a helper while the essays are analysed
    try:
        from pipeline.build import make_brief

        brief = make_brief(files, config.lexicon, progress=_progress(verbose), warn=request.warn,
                           convert=not no_convert, max_bytes=int(max_size * 1e6), explicit=named,
                           cache=_analysis_cache(config, no_cache), keep_going=keep_going, jobs=jobs,
                           track=_tracker())
        _publish(request, brief, files, config, verbose, renderer)
    finally:
        renderer.close()
    if freshness:
        fresh, hasher, key = freshness
        fresh.record(hasher, key, written)
    _fail_if_strict(request)


@main.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@publish_options
@verbose_option
@debug_option
def merge(shards, verbose, debug, **params):
    """Make one brief from the JSONs of `brief extract --shard I/N` (every shard of one run).

    The shards carry the analyses in full: no essay is read again, and the brief is the
    one a single `brief build` of all the essays makes.
    """
    from pipeline.merge import read_shards
    from pipeline.model import Brief
    from pipeline.synthesise import synthesise

    request = Request.of(params)
    request.check(list(shards))
    config = load_config(request.config_path)
    analyses = read_shards(list(shards))
    _publish(request, Brief(analyses, synthesise(analyses)), list(shards), config, verbose)
    _fail_if_strict(request)


def _shard(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from pipeline.build import Shard

    try:
        return Shard.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc))


@main.command()
@inputs_argument
@click.option("-o", "--output", default="-", show_default=True, help="Where to write the JSON; - for stdout.",
              type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--shard", metavar="I/N", callback=_shard,
              help="Analyse only the I-th of N stable slices of the essays; `brief merge` joins the shards.")
@jobs_option
@no_convert_option
@max_size_option
@config_option
@no_cache_option
@verbose_option
@debug_option
def extract(inputs, output, shard, jobs, no_convert, max_size, config_path, no_cache, verbose, debug):
    """Print the extraction JSON (schema brief/1) for essays, without a PDF."""
    from pipeline.build import make_analyses
    from pipeline.export import dumps, shard_json
    from pipeline.model import Brief
    from pipeline.output import write_atomic
    from pipeline.synthesise import synthesise

    files, named = essay_files(inputs)
    check_outputs(files, {"--output": output})
    config = load_config(config_path)
    analysed = make_analyses(files, config.lexicon, progress=_progress(verbose), warn=_warn,
                             convert=not no_convert, max_bytes=int(max_size * 1e6), explicit=named,
                             cache=_analysis_cache(config, no_cache), jobs=jobs, shard=shard)
    brief = Brief(analysed.analyses, synthesise(analysed.analyses))
    text = dumps(brief, shard_json(analysed, shard) if shard else None)
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
