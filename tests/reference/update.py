"""Regenerate the reference pages (after a deliberate change of layout: look first)."""
import shutil
import tempfile
from pathlib import Path

from pages import HERE, PAGES, render_page

with tempfile.TemporaryDirectory() as tmp:
    for audience in PAGES:
        shutil.copyfile(render_page(audience, Path(tmp)), HERE / f"{audience}.png")
        print(f"wrote {HERE / f'{audience}.png'}")
