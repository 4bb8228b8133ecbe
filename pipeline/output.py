"""Writing results: all or nothing, so a failed or interrupted run never leaves half a
file, a temporary, or some outputs new and others old."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pipeline.entry import raise_if_signalled
from pipeline.errors import BriefError


def _temporary(path: Path, payload: bytes) -> str:
    """The payload in a temporary file beside path (same file system: rename is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a brief is an ordinary file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_all(outputs: list[tuple[Path, bytes | str]]) -> None:
    """Write every output to a temporary beside it, and only when all of them were written
    rename them into place: an earlier file survives any failure or interruption."""
    payloads = [(path, data.encode("utf-8") if isinstance(data, str) else data) for path, data in outputs]
    # A device or pipe (/dev/null, /dev/stdout) is written to, never renamed over.
    streams = {path for path, _ in payloads if path.exists() and not path.is_file()}
    done: list[tuple[str, Path]] = []
    path = None
    try:
        for path, data in payloads:
            if path not in streams:
                done.append((_temporary(path, data), path))
        raise_if_signalled()  # a signal whose exception a finalizer swallowed
        for tmp, path in done:
            os.replace(tmp, path)
        for path, data in payloads:
            if path in streams:
                with open(path, "wb") as handle:
                    handle.write(data)
    except OSError as exc:
        raise BriefError(f"cannot write ({exc.strerror})", path)
    finally:
        for tmp, _ in done:
            Path(tmp).unlink(missing_ok=True)


def split_path(pdf: Path, essay_id: str) -> Path:
    """Where `--split` writes one essay's PDF: beside the brief, brief-ESSAY.pdf."""
    return pdf.with_name(f"{pdf.stem}-{essay_id}.pdf")


def write_atomic(path: Path, data: bytes | str) -> None:
    write_all([(path, data)])
