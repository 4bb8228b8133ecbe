"""The `brief` command: a thin Click layer over pipeline.build and pipeline.render."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline import __version__
from pipeline.config import load_config
from pipeline.errors import BriefError
from pipeline.resources import EXAMPLES

PAPERS = ("A4", "B5", "Letter")


class BriefGroup(click.Group):
    """Turns any unexpected failure into one line on stderr, unless --debug is given."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if "--debug" in sys.argv:
                raise
            raise BriefError(f"unexpected {exc.__class__.__name__}: {exc} (run with --debug for details)")


def _progress(verbose: bool):
    if verbose or sys.stderr.isatty():
        return lambda message: click.echo(message, err=True)
    return lambda message: None


inputs_argument = click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
config_option = click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                             help="Settings file (default: ./brief.toml when present).")
debug_option = click.option("--debug", is_flag=True, help="Show tracebacks.")
verbose_option = click.option("-v", "--verbose", is_flag=True, help="Report progress on stderr.")


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
@click.option("--audience", default="analyst", show_default=True, help="Which built-in template set to use.")
@click.option("--paper", type=click.Choice(PAPERS, case_sensitive=False), default="A4", show_default=True)
@click.option("--pdf-variant", help="A WeasyPrint PDF variant such as pdf/a-3u or pdf/ua-1.")
@config_option
@verbose_option
@debug_option
def build(inputs, output, json_path, html_path, audience, paper, pdf_variant, config_path, verbose, debug):
    """Build a PDF brief from essays (files or folders; default: the shipped examples)."""
    from pipeline.build import make_brief
    from pipeline.export import dumps
    from pipeline.output import write_atomic
    from pipeline.render import RenderOptions, missing_glyph_warnings, render_html, render_pdf

    config = load_config(config_path)
    progress = _progress(verbose)
    brief = make_brief(list(inputs) or [EXAMPLES], config.lexicon, progress)
    for warning in missing_glyph_warnings(brief):
        click.echo(f"warning: {warning}", err=True)
    options = RenderOptions(audience=audience, paper=next(p for p in PAPERS if p.lower() == paper.lower()),
                            organisation=config.organisation)
    if config.title:
        options.title = config.title
    progress("rendering")
    html = render_html(brief, options)
    pdf = render_pdf(html, options, pdf_variant)
    # Everything succeeded: only now is anything written.
    write_atomic(output, pdf)
    if json_path:
        write_atomic(json_path, dumps(brief))
    if html_path:
        write_atomic(html_path, html)
    click.echo(f"wrote {output} ({len(brief.analyses)} essays)", err=True)


@main.command()
@inputs_argument
@click.option("-o", "--output", default="-", show_default=True, help="Where to write the JSON; - for stdout.")
@config_option
@verbose_option
@debug_option
def extract(inputs, output, config_path, verbose, debug):
    """Print the extraction JSON (schema brief/1) for essays, without a PDF."""
    from pipeline.build import make_brief
    from pipeline.export import dumps
    from pipeline.output import write_atomic

    config = load_config(config_path)
    brief = make_brief(list(inputs) or [EXAMPLES], config.lexicon, _progress(verbose))
    text = dumps(brief)
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(Path(output), text)
