"""Is the brief already built? Decided by content, as Quarto's freeze and Sphinx's
environment decide, never by modification times (a fresh CI clone resets them all).

The build's key hashes everything the output depends on: the essays' bytes and names,
the templates (built-in and the user's), the fonts, the settings file and any logo it
names, the options, SOURCE_DATE_EPOCH, the package's code and the installed libraries.
When the key equals the one recorded for the same output files, and those files still
hold what that build wrote, the run is up to date and nothing is imported or redone.

Hashing 33 MB of fonts on every run would cost more than the check may take, so a file's
hash is remembered with its size, modification time and inode, the way git's index
does: a file whose stat is unchanged is not read again, and any change rehashes it.
The stat is only ever a reason to re-read, never a reason to trust.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.util import find_spec
from pathlib import Path

from pipeline.cache import cache_dir, code_fingerprint
from pipeline.errors import BriefError
from pipeline.output import write_atomic
from pipeline.resources import FONTS, TEMPLATES

FORMAT = "taiwan-brief build 1"
LIBRARIES = ("weasyprint", "jinja2", "jieba", "opencc")  # their folders' dist-info listings are hashed


class Hasher:
    """sha256 of files, remembered by stat in the cache folder."""

    def __init__(self, memo: Path):
        self.memo = memo
        try:
            self.known = json.loads(memo.read_text(encoding="utf-8"))
            if not isinstance(self.known, dict):
                self.known = {}
        except (OSError, ValueError):
            self.known = {}
        self.changed = False

    def file(self, path: Path) -> str:
        real = str(path.resolve())
        stat = os.stat(real)
        mark = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        entry = self.known.get(real)
        if isinstance(entry, list) and len(entry) == 4 and entry[:3] == mark and isinstance(entry[3], str):
            return entry[3]
        digest = hashlib.sha256(Path(real).read_bytes()).hexdigest()
        self.known[real] = [*mark, digest]
        self.changed = True
        return digest

    def tree(self, folder: Path) -> str:
        digest = hashlib.sha256()
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{path.relative_to(folder).as_posix()}\0{self.file(path)}\n".encode())
        return digest.hexdigest()

    def save(self) -> None:
        if self.changed:
            try:
                write_atomic(self.memo, json.dumps(self.known))
            except BriefError:
                pass  # only speed is lost


def _libraries() -> list[str]:
    """The distributions installed beside the libraries the brief uses (name-version
    folders): an upgrade of any of them is a new build."""
    folders = set()
    for name in LIBRARIES:
        spec = find_spec(name)  # finds without importing
        if spec and spec.origin:
            folders.add(Path(spec.origin).parent.parent)
    return sorted(entry for folder in folders for entry in os.listdir(folder) if entry.endswith(".dist-info"))


def build_key(hasher: Hasher, files: list[Path], settings: dict, extra: list[Path]) -> str:
    """The key of one build: essays, settings (options as plain values), files the settings
    name (config, logo, the user's template folder), and what ships with the package."""
    parts = {
        "format": FORMAT,
        "code": code_fingerprint(),
        "python": sys.version,
        "libraries": _libraries(),
        "essays": [[str(path), hasher.file(path)] for path in files],
        "settings": settings,
        "files": [[str(p), hasher.tree(p) if p.is_dir() else hasher.file(p)] for p in extra if p.exists()],
        "templates": hasher.tree(TEMPLATES),
        "fonts": hasher.tree(FONTS),
        "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH"),
    }
    if not parts["source_date_epoch"]:
        # without it an undated brief takes its date from its newest essay file
        parts["newest_input"] = max((int(os.stat(p).st_mtime) for p in files), default=0)
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _record_path(outputs: list[Path]) -> Path:
    names = "\0".join(str(p.resolve()) for p in outputs)
    return cache_dir() / "builds" / f"{hashlib.sha256(names.encode()).hexdigest()}.json"


def up_to_date(hasher: Hasher, key: str, outputs: list[Path]) -> bool:
    """Whether these outputs hold what a build with this key wrote."""
    try:
        record = json.loads(_record_path(outputs).read_text(encoding="utf-8"))
        if not isinstance(record, dict) or record.get("key") != key:
            return False
        written = record.get("outputs")
        return isinstance(written, dict) and all(
            p.is_file() and written.get(str(p.resolve())) == hasher.file(p) for p in outputs)
    except (OSError, ValueError):
        return False


def record(hasher: Hasher, key: str, outputs: list[Path]) -> None:
    """Remember what this build wrote (after it was written)."""
    written = {str(p.resolve()): hasher.file(p) for p in outputs if p.is_file()}
    try:
        write_atomic(_record_path(outputs), json.dumps({"key": key, "outputs": written}))
    except BriefError:
        pass
    hasher.save()
