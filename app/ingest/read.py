"""Read a file into text: enforce the size limit, detect the encoding, refuse binary data."""

import hashlib
import json
import re
from pathlib import Path

from app.ingest.types import ArticleRejected, RawArticle

FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")
SIDECAR_SUFFIX = ".meta.json"


def decode_bytes(data: bytes, filename: str) -> str:
    """Text from bytes: BOMs first, then UTF-8, then the legacy encodings scrapers produce."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ArticleRejected(f"{filename}: binary data (NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    cyrillic = sum(1 for b in data if 0xC0 <= b <= 0xFF)
    if cyrillic > len(data) * 0.3:
        return data.decode("cp1251")
    return data.decode("cp1252", errors="replace")


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Optional `---`-fenced front matter of `key: value` lines (e.g. `published: 2022-03-08`)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text, {}
    meta = {}
    for line in match.group("body").splitlines():
        if m := FRONT_MATTER_LINE.match(line):
            meta[m.group("key").lower()] = m.group("value").strip("\"'")
    return text[match.end() :], meta


def read_sidecar(path: Path) -> dict[str, str]:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ArticleRejected(f"{path.name}: unreadable metadata file {sidecar.name}: {exc}") from None
    if not isinstance(data, dict):
        raise ArticleRejected(f"{path.name}: metadata file {sidecar.name} must hold a JSON object")
    return {str(k).lower(): str(v) for k, v in data.items()}


def read_article(path: Path, max_bytes: int) -> RawArticle:
    """The article at path, or ArticleRejected with a one-line reason."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleRejected(f"{name}: {size} bytes is over the {max_bytes}-byte limit")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleRejected(f"{name}: cannot be read ({exc.strerror or exc})") from None
    text = decode_bytes(data, name).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleRejected(f"{name}: the file is empty")
    text, meta = split_front_matter(text)
    meta = {**meta, **read_sidecar(path)}
    digest = hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]
    return RawArticle(path=str(path), filename=name, content=text, content_hash=digest, metadata=meta)
