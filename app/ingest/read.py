"""Read a file into text: enforce the size limit, detect the encoding, refuse binary data.

Whatever a scraper left on disk, the result is either a RawArticle or an ArticleRejected whose message is one
line naming the file. Nothing is read past the size limit, and only regular files are opened (a FIFO or a
device would block or never end).
"""

import hashlib
import json
import os
import re
import stat
import unicodedata
from pathlib import Path

from app.ingest.types import ArticleRejected, RawArticle

FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")
SIDECAR_SUFFIX = ".meta.json"
MAX_SIDECAR_BYTES = 64 * 1024
# Share of control characters (or undecodable bytes) above which decoded "text" is really binary data.
MAX_CONTROL_SHARE = 0.01
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")  # C0 and C1 controls but tab, newlines, form feed
NON_ASCII = re.compile(r"[^\x00-\x7f]")
HIGH_LETTER = re.compile(rb"[\xc0-\xff]")
HIGH_LETTER_RUN = re.compile(rb"[\xc0-\xff]{2,}")
BOMS = (  # longest first: the UTF-32 little-endian BOM starts with the UTF-16 one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def display_name(path: Path | str) -> str:
    """A file name fit for one line of output and for the database: undecodable bytes (which Python keeps as
    lone surrogates) become \\xNN, and control characters such as a newline are escaped."""
    name = os.fspath(path)
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if unicodedata.category(ch) != "Cc" else ascii(ch)[1:-1] for ch in name)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM: its spaces, digits and ASCII letters put a NUL in every other byte, always on
    the same side (binary data has NULs on both); the decoded text must then hold no control characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for encoding, nuls, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls > 0.1 * half and others <= 0.01 * half:
            text = data.decode(encoding, errors="replace")
            if len(CONTROL.findall(text)) <= MAX_CONTROL_SHARE * len(text):
                return text
    return None


def _looks_cyrillic(data: bytes) -> bool:
    """cp1251 or Latin-1/cp1252? In cp1251 the bytes C0-FF are Cyrillic letters that run together into words;
    in Western text they are accented letters standing between ASCII ones."""
    high = len(HIGH_LETTER.findall(data))
    in_runs = sum(len(run) for run in HIGH_LETTER_RUN.findall(data))
    return high > 0 and in_runs > 0.5 * high


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a truncated download, a bad splice) rather than a legacy encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(NON_ASCII.findall(text)) - bad
    return text if good > 4 * bad else None


def decode_bytes(data: bytes, filename: str) -> str:
    """Text from bytes: BOMs first, then UTF-8, then the legacy encodings scrapers produce."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise ArticleRejected(f"{filename}: binary data (NUL bytes), not a text article")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if (text := _mostly_utf8(data)) is not None:
        return text
    if _looks_cyrillic(data):
        return data.decode("cp1251", errors="replace")
    return data.decode("cp1252", errors="replace")


def _refuse_binary(text: str, filename: str) -> None:
    controls = len(CONTROL.findall(text))
    if controls > max(2, MAX_CONTROL_SHARE * len(text)):
        raise ArticleRejected(f"{filename}: binary data ({controls} control or undecodable characters), not text")


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
    name, sidecar_name = display_name(path.name), display_name(sidecar.name)
    try:
        with sidecar.open("rb") as fh:
            raw = fh.read(MAX_SIDECAR_BYTES + 1)
        if len(raw) > MAX_SIDECAR_BYTES:
            raise ArticleRejected(f"{name}: metadata file {sidecar_name} is over {MAX_SIDECAR_BYTES} bytes")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
        raise ArticleRejected(f"{name}: unreadable metadata file {sidecar_name}: {reason}") from None
    if not isinstance(data, dict):
        raise ArticleRejected(f"{name}: metadata file {sidecar_name} must hold a JSON object")
    return {str(k).lower(): str(v) for k, v in data.items()}


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; never more than max_bytes are read, and only from a regular file. It is opened without
    blocking, so a FIFO or a device is refused instead of waited on."""
    name = display_name(path.name)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb", buffering=0) as fh:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise ArticleRejected(f"{name}: not a regular file")
            if info.st_size > max_bytes:
                raise ArticleRejected(f"{name}: {info.st_size} bytes is over the {max_bytes}-byte limit")
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleRejected(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # it grew after the size was checked
        raise ArticleRejected(f"{name}: over the {max_bytes}-byte limit")
    return data


def read_article(path: Path, max_bytes: int) -> RawArticle:
    """The article at path, or ArticleRejected with a one-line reason."""
    name = display_name(path.name)
    data = read_bytes(path, max_bytes)
    text = decode_bytes(data, name).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleRejected(f"{name}: the file is empty" + (" (only whitespace)" if data else ""))
    _refuse_binary(text, name)
    text, meta = split_front_matter(text)
    meta = {**meta, **read_sidecar(path)}
    digest = hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]
    return RawArticle(path=display_name(path), filename=name, content=text, content_hash=digest, metadata=meta)
