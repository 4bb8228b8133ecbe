"""taiwan-brief: Traditional-Chinese policy essays in, a print-ready PDF brief out.

Stages, each a subpackage whose imports point one way:
ingest → analyse → synthesise → render.
"""
__version__ = "0.1.0"
