"""Page geometry shared by the stylesheet and the typesetter (one table of numbers)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.render.typeset import Measure, advance_em

MM = 72 / 25.4
PAPERS = {  # name: (width, height) in mm
    "A4": (210, 297),
    "B5": (176, 250),
    "Letter": (215.9, 279.4),
}
BODY_PT = 10.5
REF_PT = 8.0
POINT_HANG_EM = 1.6  # the bullet column of a list of points
INDENT_EM = 2.0  # first-line indent of a paragraph (two characters)
# 各方立場對照: the issue and party columns (一中政策, 美方、中方 and their padding); the
# quotes fill the rest
ISSUE_COLUMN_EM = 5.0
PARTY_COLUMN_EM = 5.0
CELL_PADDING_EM = 0.6  # either side of each cell but the quotes' right


@dataclass(frozen=True)
class Page:
    paper: str = "A4"
    margin_mm: tuple[float, float, float, float] = (24, 20, 22, 20)  # top right bottom left

    @property
    def size_mm(self) -> tuple[float, float]:
        return PAPERS[self.paper]

    @property
    def content_width_pt(self) -> float:
        return (self.size_mm[0] - self.margin_mm[1] - self.margin_mm[3]) * MM

    def css_margin(self) -> str:
        return " ".join(f"{m}mm" for m in self.margin_mm)

    @property
    def paragraph(self) -> Measure:
        return Measure(self.content_width_pt, BODY_PT, INDENT_EM)

    @property
    def block(self) -> Measure:
        """A paragraph set without its first-line indent."""
        return Measure(self.content_width_pt, BODY_PT)

    @property
    def point(self) -> Measure:
        return Measure(self.content_width_pt - POINT_HANG_EM * BODY_PT, BODY_PT)

    @property
    def cell(self) -> Measure:
        """A quote in the positions table's last column."""
        labels = ISSUE_COLUMN_EM + PARTY_COLUMN_EM + 5 * CELL_PADDING_EM  # the last column has no right padding
        return Measure(self.content_width_pt - labels * BODY_PT, BODY_PT)


def reference_width_em(text: str) -> float:
    """Width of a source reference (set smaller, in the sans face) in body ems."""
    return advance_em(text, "BriefSansTC-Regular.otf") * REF_PT / BODY_PT
