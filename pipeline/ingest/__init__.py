"""Ingest: files in, essays (pipeline.model.Essay) out.

A reader per format gives the text and its metadata (readers.py); a Simplified text is
converted to Taiwan Traditional; page furniture of a paginated source goes; lines are
re-joined into blocks (blocks.py); a file copying an earlier one (one article archived
under two addresses) is left out (copies.py); paragraphs that several essays of the run share near
their start or end (site footers, subscription appeals) go; then the essay model is
built (structure.py) and its title, author and date settled (metadata.py).
"""
from __future__ import annotations

from pipeline.ingest.inputs import SUPPORTED, find_inputs

__all__ = ["SUPPORTED", "find_inputs", "read_essay", "read_essays", "MAX_ESSAY_BYTES"]


def __getattr__(name: str):
    # The readers (PDF, Word, web pages, OpenCC) load only when an essay is read.
    if name in ("read_essay", "read_essays", "MAX_ESSAY_BYTES"):
        from pipeline.ingest import reading

        return getattr(reading, name)
    raise AttributeError(name)
