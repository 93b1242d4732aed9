"""Read, date and extract the next articles while the current one is merged and stored: the pure stages run
in worker processes, ahead of the single writer.

Each article is prepared against the corpus as it stands when the article is handed out. If storing the
articles before it changed that context (the usual year, the day the war began), the writer prepares it
again itself, so the result is exactly that of reading one article after the other.
"""

import ctypes
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from app.ingest.clean import clean_article
from app.ingest.extract import extract_mentions
from app.ingest.published import calendar_named, published_as_stated, work_out_published
from app.ingest.read import display_name, read_article
from app.ingest.types import ArticleRejected, CleanArticle, CorpusContext, EventMention, PublishedDate

PR_SET_PDEATHSIG = 1
PARENT: dict[str, int] = {}  # the ingesting process, for workers to check they still have it
PARALLEL_FROM = 64  # fewer articles than this are not worth starting processes for
IN_FLIGHT_PER_WORKER = 8
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Prepared:
    """An article read, dated and read for events against `context`, or why it could not be read."""

    path: Path
    digest: str
    context: CorpusContext
    article: CleanArticle | None = None
    rejection: str | None = None
    published: PublishedDate | None = None
    mentions: tuple[EventMention, ...] | None = None

    def for_context(self, context: CorpusContext) -> tuple[PublishedDate, list[EventMention]]:
        """Its date and mentions for the corpus as it stands now: prepared again if that has changed."""
        assert self.article is not None
        dated_by_the_run = calendar_named(self.article) == 0
        if (
            _dating_context(self.context, dated_by_the_run) == _dating_context(context, dated_by_the_run)
            and self.published is not None
            and self.mentions is not None
        ):
            return self.published, list(self.mentions)
        published = published_as_stated(self.article) or work_out_published(self.article, context)
        if (
            published == self.published
            and self.mentions is not None
            and context.conflict_start == self.context.conflict_start
        ):
            return published, list(self.mentions)  # the events depend on the context through the date and war
        return published, extract_mentions(self.article, published, context.conflict_start)


def _dating_context(context: CorpusContext, dated_by_the_run: bool) -> CorpusContext:
    """What of the context an article's date and events depend on: the run's earliest article only for one that
    names no calendar day or year (no other is dated by it)."""
    return context if dated_by_the_run else replace(context, earliest_published=None)


def die_with_parent() -> None:
    """Set in each worker: should the ingestion be killed (even by SIGKILL), its workers go with it (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != PARENT.get("pid", os.getppid()):
        os._exit(1)  # the parent is already gone


def read_clean(path: Path, max_bytes: int) -> CleanArticle:
    return clean_article(read_article(path, max_bytes))


def prepare(path: Path, digest: str, max_bytes: int, context: CorpusContext) -> Prepared:
    try:
        article = read_clean(path, max_bytes)
    except ArticleRejected as exc:
        return Prepared(path, digest, context, rejection=str(exc))
    except Exception as exc:  # any failure on strange input becomes a one-line rejection, never a traceback
        reason = f"could not be read as an article ({type(exc).__name__})"
        return Prepared(path, digest, context, rejection=f"{display_name(path.name or path)}: {reason}")
    if article.raw.content_hash != digest:
        return Prepared(path, digest, context, rejection=f"{article.raw.filename}: changed while it was being ingested")
    try:
        published = work_out_published(article, context)
        mentions = tuple(extract_mentions(article, published, context.conflict_start))
    except Exception:
        return Prepared(path, digest, context, article=article)  # the writer tries again and reports it
    return Prepared(path, digest, context, article, None, published, mentions)


def mapped_in_order(func: Callable[[T], R], items: Sequence[T], chunk: int = 16) -> Generator[R, None, None]:
    """func over items, in their order; in worker processes for a large batch (func must be picklable)."""
    cores = os.cpu_count() or 1
    if cores < 2 or len(items) < PARALLEL_FROM:
        yield from map(func, items)
        return
    PARENT["pid"] = os.getpid()
    with ProcessPoolExecutor(max_workers=min(4, cores), initializer=die_with_parent) as pool:
        yield from pool.map(func, items, chunksize=chunk)


def prepared_in_order(
    entries: Sequence[tuple[Path, str]], max_bytes: int, context_now: Callable[[], CorpusContext]
) -> Iterator[Prepared]:
    """Each (path, content hash) prepared, in the order given; in worker processes for a large batch."""
    # as many workers as cores: preparing an article costs about as much as merging and storing it, so the
    # writer and the workers share the cores (measured: 2 workers on 2 cores, a third faster than 1)
    cores = os.cpu_count() or 1
    workers = min(4, cores)
    if cores < 2 or len(entries) < PARALLEL_FROM:
        for path, digest in entries:
            yield prepare(path, digest, max_bytes, context_now())
        return
    PARENT["pid"] = os.getpid()
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
        waiting: deque[Future[Prepared]] = deque()
        upcoming = iter(entries)
        for path, digest in upcoming:
            waiting.append(pool.submit(prepare, path, digest, max_bytes, context_now()))
            if len(waiting) >= workers * IN_FLIGHT_PER_WORKER:
                break
        while waiting:
            done = waiting.popleft().result()
            following = next(upcoming, None)
            if following is not None:
                waiting.append(pool.submit(prepare, *following, max_bytes, context_now()))
            yield done
