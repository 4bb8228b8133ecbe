"""Where the project's shipped files live: templates, fonts and example essays."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
FONTS = ROOT / "fonts"
EXAMPLES = ROOT / "examples"
