"""Ingest: files in, essays (pipeline.model.Essay) out."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.ingest.blocks import split_blocks
from pipeline.ingest.readers import READERS
from pipeline.ingest.structure import build_essay
from pipeline.model import Essay

SUPPORTED = tuple(sorted(READERS))


def find_inputs(inputs: list[Path]) -> list[Path]:
    """The essay files named, folders expanded to their supported files, in a stable order."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in READERS and p.is_file())
            if not found:
                raise BriefError(f"no essays here (looked for {', '.join(SUPPORTED)})", path)
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in READERS:
                raise BriefError(f"unsupported file type (supported: {', '.join(SUPPORTED)})", path)
            files.append(path)
        else:
            raise BriefError("no such file or folder", path)
    stems = [p.stem for p in files]
    duplicate = next((s for s in stems if stems.count(s) > 1), None)
    if duplicate:
        raise BriefError(f"two inputs share the name '{duplicate}': essay ids must be unique")
    return files


def read_essay(path: Path) -> Essay:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BriefError(f"cannot read ({exc.strerror})", path)
    raw = READERS[path.suffix.lower()](data, path)
    essay = build_essay(split_blocks(raw), path.stem, str(path), hashlib.sha256(data).hexdigest())
    if not essay.title or not essay.paragraphs:
        raise BriefError("no essay text found (is it empty, or a scanned PDF without text?)", path)
    return essay
