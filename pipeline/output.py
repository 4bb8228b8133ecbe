"""Writing results: all or nothing, so a failed run never leaves half a file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pipeline.errors import BriefError


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write beside the target, then rename over it: an earlier file survives any failure."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise BriefError(f"cannot write ({exc.strerror})", path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a brief is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
