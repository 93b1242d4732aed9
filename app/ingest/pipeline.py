"""Run the stages over files: read, clean, date, extract, merge, store; one verdict per file."""

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from app.config import get_settings
from app.ingest import store
from app.ingest.clean import clean_article
from app.ingest.extract import extract_mentions
from app.ingest.merge import merge_mentions
from app.ingest.published import work_out_published
from app.ingest.read import SIDECAR_SUFFIX, read_article
from app.ingest.types import ArticleRejected, CleanArticle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verdict:
    path: str
    status: str  # stored | skipped | rejected
    detail: str


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, str | None]]:
    """Files under the given paths, sorted, following symlinks once; (path, problem) pairs."""
    for path in paths:
        if path.is_dir():
            seen: set[str] = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                real = os.path.realpath(root)
                if real in seen:
                    dirs[:] = []
                    yield Path(root), "a symlink loop: this folder was already read"
                    continue
                seen.add(real)
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX):
                        yield Path(root) / name, None
        elif path.exists():
            yield path, None
        else:
            yield path, "no such file or folder"


def _datability(article: CleanArticle) -> int:
    """Articles that date themselves go first, so the others can lean on what they establish."""
    if article.raw.metadata.get("published") or article.raw.metadata.get("date"):
        return 0
    if article.dateline:
        return 1
    return 2 if any(s.is_caption for s in article.sentences) else 3


def ingest_paths(session: Session, paths: list[Path]) -> list[Verdict]:
    settings = get_settings()
    store.ensure_vocabulary(session)
    verdicts: list[Verdict] = []
    pending: list[CleanArticle] = []
    seen_hashes: set[str] = set()
    for path, problem in iter_files(paths):
        if problem:
            verdicts.append(Verdict(str(path), "rejected", f"{path.name}: {problem}"))
            continue
        try:
            article = clean_article(read_article(path, settings.max_article_bytes))
        except ArticleRejected as exc:
            verdicts.append(Verdict(str(path), "rejected", str(exc)))
            continue
        if article.raw.content_hash in seen_hashes or store.article_known(session, article.raw.content_hash):
            verdicts.append(Verdict(str(path), "skipped", f"{path.name}: already stored (same content)"))
            continue
        seen_hashes.add(article.raw.content_hash)
        pending.append(article)
    events = store.load_events(session)
    years: list[int] = []
    for article in sorted(pending, key=_datability):
        context = store.corpus_context(session, events, years)
        published = work_out_published(article, context)
        mentions = extract_mentions(article, published)
        events, touched = merge_mentions(events, mentions)
        try:
            store.save_article(session, article, published, events, touched)
        except Exception:
            session.rollback()
            log.exception("storing %s failed", article.raw.filename)
            events = store.load_events(session)
            verdicts.append(Verdict(article.raw.path, "rejected", f"{article.raw.filename}: could not be stored"))
            continue
        if published.day:
            years.append(published.day.year)
        when = published.day.isoformat() if published.day else "undated"
        verdicts.append(
            Verdict(
                article.raw.path,
                "stored",
                f"{article.raw.filename}: published {when} ({published.basis}), "
                f"{len(mentions)} mentions, {len(touched)} events touched",
            )
        )
    return verdicts
