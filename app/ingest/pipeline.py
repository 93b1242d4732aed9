"""Run the stages over files: read, clean, date, extract, merge, store; one verdict per file."""

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from sqlmodel import Session

from app.config import get_settings
from app.ingest import store
from app.ingest.ahead import Prepared, mapped_in_order, prepared_in_order
from app.ingest.clean import clean_article
from app.ingest.dating import YEAR_DIGITS
from app.ingest.extract import extract_mentions
from app.ingest.happenings import (
    dated_after_a_shared_happening,
    dated_by_a_meeting_it_tells_of,
    dated_by_a_shared_happening,
    dated_in_the_year_of_a_shared_happening,
    fits_a_dated_session,
)
from app.ingest.published import (
    calendar_named,
    published_as_stated,
    published_from_slashed_dateline,
    tells_the_wars_age_to_the_day,
    told_war_start,
    war_start_from_its_age,
    years_named,
)
from app.ingest.read import SIDECAR_SUFFIX, display_name, read_article
from app.ingest.types import ArticleRejected, CleanArticle, CorpusContext, PublishedDate, ToldStart
from app.models import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Verdict:
    path: str
    status: str  # stored | skipped | rejected
    detail: str  # one line that starts with the file's name


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read, or a path that cannot be read with the verdict it gets (skipped or rejected)."""

    path: Path
    status: str | None = None
    reason: str = ""


def _name(path: Path) -> str:
    return display_name(path.name or path)


def _unlistable(errors: list[OSError], default: Path) -> Iterator[Found]:
    while errors:
        error = errors.pop(0)
        where = Path(error.filename) if error.filename else default
        yield Found(where, "rejected", f"folder cannot be read ({error.strerror or error})")


def iter_files(paths: list[Path]) -> Iterator[Found]:
    """Files under the given paths, sorted, following symlinks but entering no folder twice (so a symlink loop
    ends); a folder that cannot be listed, and a path that does not exist, are reported instead."""
    for path in paths:
        if path.is_dir():
            seen: set[str] = set()
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, followlinks=True, onerror=unreadable.append):
                yield from _unlistable(unreadable, path)
                real = os.path.realpath(root)
                if real in seen:
                    dirs[:] = []
                    yield Found(Path(root), "skipped", "a symlink loop: this folder was already read")
                    continue
                seen.add(real)
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX):
                        yield Found(Path(root) / name)
            yield from _unlistable(unreadable, path)
        elif path.exists() or path.is_symlink():
            yield Found(path)  # a dangling or looping symlink gets its reason from reading it
        else:
            yield Found(path, "rejected", "no such file or folder")


@dataclass(frozen=True, slots=True)
class Pending:
    """A file to store, once every file has been looked at: where it is, how it dates itself, its hash."""

    path: Path
    datability: tuple[int, date]
    digest: str


def _datability(article: CleanArticle) -> tuple[int, date]:
    """Articles that date themselves go first, so the others can lean on what they establish; among them the
    older first, as they were written (a retrospective of 2024 after the news of 2022 it looks back on)."""
    # a slashed date line is read day or month first by what the text fits, even before other articles are stored
    stated = published_as_stated(article) or published_from_slashed_dateline(article, CorpusContext())
    written = stated.day if stated is not None and stated.day is not None else date.max
    if article.raw.metadata.get("published") or article.raw.metadata.get("date"):
        return 0, written
    if article.dateline and YEAR_DIGITS.search(article.dateline):
        return 1, written
    if article.dateline:
        return 2, written  # 'ISTANBUL, March 29 (Reuters)': the day, but the year from what the others establish
    if any(s.is_caption for s in article.sentences) or tells_the_wars_age_to_the_day(article):
        return 2, written  # and 'On day 34 of the war': the day, once the others tell when the war began
    # a text that names no day of a month ('the last direct talks took place in March 2022'), or not even a year
    # ('in Monday's talks'), leans on the days the others establish
    return 3 + (2 - calendar_named(article)), written


@dataclass(frozen=True, slots=True)
class Surveyed:
    """What the first look at a file keeps: its hash, names and how it dates itself, or why it cannot be read."""

    digest: str = ""
    filename: str = ""
    display_path: str = ""
    datability: tuple[int, date] = (0, date.max)
    rejection: str | None = None
    war_start: ToldStart | None = None  # the war's start as it gives it
    years: frozenset[int] = frozenset()  # the years it names


def _survey(path: Path, max_bytes: int) -> Surveyed:
    try:
        article = _read(path, max_bytes)
    except ArticleRejected as exc:
        return Surveyed(rejection=str(exc))
    raw = article.raw
    return Surveyed(
        raw.content_hash,
        raw.filename,
        raw.path,
        _datability(article),
        war_start=told_war_start(article),
        years=years_named(article),
    )


def _start_counted_back(path: Path, max_bytes: int) -> ToldStart | None:
    try:
        return war_start_from_its_age(_read(path, max_bytes))
    except ArticleRejected:
        return None


def _stored_filename(session: Session, content_hash: str) -> str | None:
    """The file name an article with this content was stored under, if it was."""
    article = session.get(Article, content_hash)
    return article.filename if article is not None else None


def _read(path: Path, max_bytes: int) -> CleanArticle:
    """Read and clean one file; any failure, even a bug on strange input, becomes a one-line rejection."""
    try:
        return clean_article(read_article(path, max_bytes))
    except ArticleRejected:
        raise
    except Exception as exc:
        log.debug("reading %s failed", path, exc_info=True)
        raise ArticleRejected(f"{_name(path)}: could not be read as an article ({type(exc).__name__})") from None


def _outcome(article: CleanArticle, published: PublishedDate, mentions: int, touched: int) -> str:
    name = article.raw.filename
    if published.day is None:
        why = published.evidence[0] if published.evidence else "no date cues"
        return f"{name}: stored as undated ({why}), so no events were read from it"
    day = published.day.isoformat()
    return f"{name}: published {day} ({published.basis}), {mentions} mentions, {touched} events touched"


def ingest_paths(session: Session, paths: list[Path], report: Callable[[Verdict], None] | None = None) -> list[Verdict]:
    """Ingest files and folders; one verdict per file, also passed to report as soon as it is known (a stored
    article's once its batch is committed). Each article is stored with its events in the transaction of its
    batch, and is read only against what the database holds, so an interrupted run, run again, ends in the
    state of one clean run."""
    settings = get_settings()
    store.ensure_vocabulary(session)
    verdicts: list[Verdict] = []

    def add(verdict: Verdict) -> None:
        verdicts.append(verdict)
        if report:
            report(verdict)

    pending: list[Pending] = []
    told_starts: Counter[ToldStart] = Counter()  # the war's start as the run's articles give it
    named_years: Counter[int] = Counter()  # how many of the run's articles name each year
    seen_hashes: dict[str, str] = {}  # content hash -> file name, for this run
    found = list(iter_files(paths))
    readable = [f.path for f in found if not f.status]
    # every file read once ahead (in worker processes for many), each survey taken as it comes and dropped once
    # looked at: only how a file to store dates itself and its hash are kept, not the article, so memory stays flat
    surveys = mapped_in_order(partial(_survey, max_bytes=settings.max_article_bytes), readable)
    with closing(surveys):  # (its worker processes end with it, before the articles are prepared in others)
        for item in found:
            path = item.path
            if item.status:
                add(Verdict(display_name(path), item.status, f"{_name(path)}: {item.reason}"))
                continue
            surveyed = next(surveys)
            if surveyed.rejection is not None:
                add(Verdict(display_name(path), "rejected", surveyed.rejection))
                continue
            # (every readable file of the run, stored before or not: a run killed and run again counts the same)
            named_years.update(surveyed.years)
            digest = surveyed.digest
            if (first := seen_hashes.get(digest) or _stored_filename(session, digest)) is not None:
                same = f"the same content as {first}" if first != surveyed.filename else "the same content"
                add(Verdict(surveyed.display_path, "skipped", f"{surveyed.filename}: already stored ({same})"))
                continue
            seen_hashes[digest] = surveyed.filename
            pending.append(Pending(path, surveyed.datability, digest))
            if surveyed.war_start:
                told_starts[surveyed.war_start] += 1
    if not pending:
        return verdicts
    if not told_starts:
        # no article tells the day the war began: count it back from the age of the war dated articles give (read
        # again only in this case, which is rare: most runs hold an article that tells it)
        dated = [p.path for p in pending if p.datability[0] <= 1]
        counted = mapped_in_order(partial(_start_counted_back, max_bytes=settings.max_article_bytes), dated)
        told_starts.update(start for start in counted if start is not None)
    writer = _Writer(session, add, told_starts, named_years)
    ordered = [(p.path, p.digest) for p in sorted(pending, key=lambda p: p.datability)]
    try:
        for prepared in prepared_in_order(ordered, settings.max_article_bytes, writer.context):
            writer.take(prepared)
        writer.flush()
    finally:
        writer.corpus.close()
    return verdicts


STORE_BATCH = 16  # articles stored per transaction: a statement and a commit cost as much as many rows


class _Writer:
    """Merge prepared articles into the corpus one after the other, and store them in batches of a fixed size
    (so that a run killed and run again stores the same batches as a clean run), one transaction each. The
    verdicts are reported, in the order the articles came, once their batch is committed. A batch that cannot
    be stored is stored again one article at a time, against the corpus read afresh from the database, so
    that only the article at fault is rejected."""

    def __init__(
        self,
        session: Session,
        report: Callable[[Verdict], None],
        told_starts: Counter[ToldStart],
        named_years: Counter[int],
    ) -> None:
        self.session = session
        self.report = report
        self.told_starts = told_starts
        self.named_years = named_years
        self.corpus = store.Corpus(session, told_starts, named_years)
        # the verdicts not yet reported; a stored one with its article and what is written for it
        self.queue: list[tuple[Verdict, Prepared | None, store.ArticleToStore | None]] = []

    def context(self) -> CorpusContext:
        return self.corpus.context()

    def take(self, prepared: Prepared, batch_size: int = STORE_BATCH) -> None:
        article = prepared.article
        if article is None:
            self.queue.append((Verdict(display_name(prepared.path), "rejected", prepared.rejection or ""), None, None))
            return
        try:
            # Everything an article is read against is what the database holds (read once, then kept in step
            # with it), so a run that was killed and re-run ends in exactly the state of a clean run.
            context = self.corpus.context()
            published, mentions = prepared.for_context(context)
            happenings = self.corpus.happenings
            if redated := (
                dated_in_the_year_of_a_shared_happening(article, published, mentions, happenings, context)
                or dated_by_a_shared_happening(article, published, mentions, happenings, context)
                or (
                    None
                    if fits_a_dated_session(mentions, happenings)
                    else dated_after_a_shared_happening(article, published, happenings, context)
                )
                or dated_by_a_meeting_it_tells_of(article, published, happenings, context)
            ):
                published, mentions = redated, extract_mentions(article, redated, context.conflict_start)
            changed = self.corpus.add(published, mentions)
        except Exception as exc:
            self.queue.append((_not_stored(article, exc), None, None))
            if self.corpus.broken:  # what was merged before is queued: stored first, then read back afresh
                self.flush()
                self._read_corpus_afresh()
            return
        verdict = Verdict(article.raw.path, "stored", _outcome(article, published, len(mentions), len(changed)))
        self.queue.append((verdict, prepared, store.ArticleToStore(article, published, changed)))
        if sum(1 for _, _, item in self.queue if item) >= batch_size:
            self.flush()

    def flush(self) -> None:
        queue, self.queue = self.queue, []
        batch = [item for _, _, item in queue if item]
        try:
            store.save_articles(self.session, batch)
        except Exception as exc:
            self.session.rollback()
            self._read_corpus_afresh()  # what the database holds, without this batch
            if len(batch) > 1:
                for verdict, prepared, _ in queue:
                    if prepared is None:
                        self.queue.append((verdict, None, None))
                    else:
                        self.take(prepared, batch_size=1)
                self.flush()
                return
            queue = [(_not_stored(item.article, exc), None, None) if item else (v, p, item) for v, p, item in queue]
        for verdict, _, _ in queue:
            self.report(verdict)

    def _read_corpus_afresh(self) -> None:
        self.corpus.close()
        self.corpus = store.Corpus(self.session, self.told_starts, self.named_years)


def _not_stored(article: CleanArticle, exc: Exception) -> Verdict:
    log.debug("storing %s failed", article.raw.path, exc_info=True)
    reason = f"could not be stored ({type(exc).__name__})"
    return Verdict(article.raw.path, "rejected", f"{article.raw.filename}: {reason}")
