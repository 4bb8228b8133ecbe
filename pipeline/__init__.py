"""taiwan-brief: Chinese policy essays (Traditional or Simplified) in, a print-ready PDF brief out.

Stages, each a subpackage whose imports point one way:
ingest → analyse → synthesise → render.
"""
__version__ = "0.1.0"
# what a brief names as its maker (a PDF's Creator, a page's generator), so a brief found
# among the essays is known for what it is
GENERATOR = "taiwan-brief"
