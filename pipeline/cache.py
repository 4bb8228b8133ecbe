"""The cache folder, and the content-addressed cache of essay analyses in it.

An analysis is a function of the essay as read (its text, structure and metadata), the
settings that steer analysis (the lexicon) and the code that does it; the cache key
hashes exactly those, so an edited essay, another lexicon or a new version of the
package is a miss, never a stale hit. The essay as read, not the file's bytes, is what is
hashed: a paragraph another essay of the run shares (a site footer) is dropped at ingest,
so one file can make two essays. Entries are JSON checked field by field on the way back
in (pipeline/store.py); a corrupt, truncated or foreign entry is ignored and rewritten.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from pipeline import __version__
from pipeline.errors import BriefError
from pipeline.model import Analysis, Essay
from pipeline.output import write_atomic

FORMAT = "taiwan-brief analysis 1"
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """BRIEF_CACHE_DIR, else the user's cache folder (platformdirs)."""
    configured = os.environ.get("BRIEF_CACHE_DIR")
    if configured:
        path = Path(configured)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("taiwan-brief"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The package's version and the hash of its code and data (lexicon, ranker weights,
    stopwords): a development checkout changes without a new version number."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class AnalysisCache:
    def __init__(self, directory: Path, lexicon: dict[str, str] | None = None):
        self.directory = directory / "analyses"
        settings = json.dumps(sorted((lexicon or {}).items()), ensure_ascii=False)
        self.salt = f"{FORMAT}\0{code_fingerprint()}\0{settings}"

    def key(self, essay: Essay) -> str:
        described = json.dumps(asdict(essay), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(f"{self.salt}\0{described}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def load(self, essay: Essay) -> Analysis | None:
        """The cached analysis of this essay, or None (missing, corrupt or not this essay's)."""
        from pipeline.store import analysis_from

        key = self.key(essay)
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
                return None
            analysis = analysis_from(data.get("analysis"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            return None
        return analysis if analysis.essay == essay else None

    def save(self, analysis: Analysis) -> None:
        from pipeline.store import analysis_data

        key = self.key(analysis.essay)
        entry = {"format": FORMAT, "key": key, "analysis": analysis_data(analysis)}
        try:
            write_atomic(self._path(key), json.dumps(entry, ensure_ascii=False))
        except (BriefError, OSError):  # a read-only or full cache folder costs speed, never the brief
            pass
