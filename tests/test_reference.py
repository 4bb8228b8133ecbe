"""Each audience's reference page, rendered anew, still looks the same."""
from __future__ import annotations

import sys

import pytest
from PIL import Image, ImageChops, ImageStat

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "reference"))
from pages import HERE, PAGES, render_page  # noqa: E402


@pytest.mark.parametrize("audience", list(PAGES))
def test_page_matches_its_reference(audience, tmp_path, cache_dir):
    reference = Image.open(HERE / f"{audience}.png").convert("L")
    fresh = Image.open(render_page(audience, tmp_path)).convert("L")
    assert fresh.size == reference.size
    difference = ImageChops.difference(fresh, reference)
    changed = sum(difference.histogram()[65:])  # pixels whose grey level moved by more than a quarter
    share = changed / (fresh.size[0] * fresh.size[1])
    assert share < 0.002, f"{share:.2%} of the page differs from tests/reference/{audience}.png"
    assert ImageStat.Stat(difference).mean[0] < 1.0
