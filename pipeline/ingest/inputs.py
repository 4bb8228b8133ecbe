"""Which files of the inputs are essays: cheap to import, so a run that turns out to be
up to date never loads the readers."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import BriefError

# The suffixes readers.py reads (a test holds the two together).
SUPPORTED = (".docx", ".htm", ".html", ".markdown", ".md", ".pdf", ".txt", ".xhtml")
NOT_ESSAYS = re.compile(r"^(?:readme|license|licence|copying|changelog|changes|contributing|authors|notice)\b", re.I)

Warn = Callable[[str], None]


def find_inputs(inputs: list[Path], warn: Warn = lambda message: None) -> list[Path]:
    """The essay files named, folders searched recursively for supported files, in a
    stable order (by path within each folder). Hidden files, and files a folder holds that
    are clearly no essay (README, LICENSE …), are passed over with a warning."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = []
            for candidate in sorted(path.rglob("*"), key=lambda p: p.relative_to(path).as_posix()):
                parts = candidate.relative_to(path).parts
                if not candidate.is_file() or any(part.startswith(".") for part in parts):
                    continue
                if candidate.suffix.lower() not in SUPPORTED:
                    continue
                if NOT_ESSAYS.match(candidate.name):
                    warn(f"{candidate}: skipped, not an essay")
                    continue
                found.append(candidate)
            if not found:
                raise BriefError(f"no essays here (looked for {', '.join(SUPPORTED)})", path)
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED:
                raise BriefError(f"unsupported file type (supported: {', '.join(SUPPORTED)})", path)
            files.append(path)
        else:
            raise BriefError("no such file or folder", path)
    stems = [p.stem for p in files]
    duplicate = next((s for s in stems if stems.count(s) > 1), None)
    if duplicate:
        raise BriefError(f"two inputs share the name '{duplicate}': essay ids must be unique")
    return files
