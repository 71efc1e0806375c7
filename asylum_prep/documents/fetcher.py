"""The only URL fetcher WeasyPrint gets: the app's own assets and registered in-memory images.

Served: files under templates/ (stylesheets, fonts, images) reached through `file:` URLs that
resolve inside that folder, and images the caller registered (evidence decrypted in memory) under
`memimg:<id>`. Refused: every other `file:` path, `http(s):`, `ftp:`, unregistered `data:`.
Every request is recorded in `requested`, every refusal in `refused`, so tests can prove that
nothing else was asked for.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

from asylum_prep.documents.legal_texts import TEMPLATES_DIR

ASSET_SUFFIXES = frozenset({".css", ".ttf", ".otf", ".woff", ".woff2", ".png", ".svg", ".jpg"})
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
MEM_SCHEME = "memimg"


class RefusedURL(ValueError):
    pass


class RestrictedFetcher(URLFetcher):  # type: ignore[misc]
    def __init__(self, assets_dir: Path = TEMPLATES_DIR) -> None:
        super().__init__(
            timeout=1,
            allowed_protocols={"file", MEM_SCHEME},
            allow_redirects=False,
            fail_on_errors=False,
        )
        self.assets_dir = assets_dir.resolve()
        self.images: dict[str, tuple[bytes, str]] = {}
        self.requested: list[str] = []
        self.refused: list[str] = []

    def register_image(self, data: bytes, mime: str) -> str:
        """Make an in-memory image available to the document; returns the URL to use."""
        if mime not in IMAGE_TYPES:
            raise RefusedURL(f"image type {mime} is not served")
        key = hashlib.sha256(data).hexdigest()[:32]
        self.images[key] = (data, mime)
        return f"{MEM_SCHEME}:{key}"

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        self.requested.append(url)
        parts = urlsplit(url)
        if parts.scheme == MEM_SCHEME and parts.path in self.images:
            data, mime = self.images[parts.path]
            return URLFetcherResponse(url, data, {"Content-Type": mime})
        if parts.scheme == "file" and not parts.netloc and not parts.query:
            path = Path(unquote(parts.path)).resolve()
            if (
                path.is_relative_to(self.assets_dir)
                and path.suffix.lower() in ASSET_SUFFIXES
                and path.is_file()
            ):
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})
        self.refused.append(url)
        raise RefusedURL(f"refused: {parts.scheme or 'relative'} URL")
