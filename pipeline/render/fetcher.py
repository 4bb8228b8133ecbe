"""The only way the renderer reads anything: local files under known folders.

Essay text is escaped before it reaches HTML, but a template or a user stylesheet could
still name a URL; this fetcher refuses the network and every file outside the folders
the brief was built from (fonts, templates, the configured logo).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import URLFetcher


class LocalOnlyFetcher(URLFetcher):
    def __init__(self, roots: list[Path], refused: list[str] | None = None, **kwargs):
        super().__init__(allowed_protocols={"file", "data"}, timeout=2, **kwargs)
        self.roots = [root.resolve() for root in roots]
        self.refused = refused if refused is not None else []  # reported to the user as warnings

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in self.roots):
                self.refused.append(f"{path} (outside the brief's folders)")
                raise ValueError(f"refused to read {path}: outside the brief's folders")
        elif parts.scheme != "data":
            self.refused.append(f"{url} (briefs never reach the network)")
            raise ValueError(f"refused to fetch {url}: briefs never reach the network")
        return super().fetch(url, headers)
