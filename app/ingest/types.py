"""The frozen dataclasses that flow between the ingestion stages."""

from dataclasses import dataclass, field
from datetime import date


class ArticleRejected(Exception):
    """A file that cannot be ingested; the message names what was wrong, for one line of output."""


SESSION_TYPES = frozenset({"round", "ministerial"})  # sessions of the talks: meetings, not words about them


@dataclass(frozen=True, slots=True)
class RawArticle:
    path: str
    filename: str
    content: str
    content_hash: str
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    text: str
    is_caption: bool = False
    # in a live report's entries under clock times ("17.05 BST"): told on the page's day (0), or on the day
    # before (1) for entries timed before a midnight the page crosses; None outside a live report
    stamped_days_back: int | None = None


@dataclass(frozen=True, slots=True)
class CleanArticle:
    raw: RawArticle
    title: str
    sentences: tuple[Sentence, ...]
    text: str
    dateline: str | None = None
    # a stamp above the headline that a wire story's date line below it took the place of ('Sunday, July 27, 2025'
    # over 'ISTANBUL, July 23 —'): the site's banner of a later day
    banner: str | None = None


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date
    precision: str  # day | week | month | range | year

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: "DateRange") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "DateRange") -> bool:
        return self.start <= other.end and other.start <= self.end

    def intersect(self, other: "DateRange") -> "DateRange | None":
        start, end = max(self.start, other.start), min(self.end, other.end)
        if start > end:
            return None
        return DateRange(start, end, "day" if start == end else _narrowest(self, other))


def _narrowest(a: DateRange, b: DateRange) -> str:
    return a.precision if a.days <= b.days else b.precision


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression found in a sentence, resolved to the range it allows."""

    text: str
    start: int
    end: int
    kind: str
    range: DateRange
    forward: bool = False
    explanation: str = ""


STATED_BASES = frozenset({"dateline", "metadata"})  # an article's date as it states it, not as worked out from its text


@dataclass(frozen=True, slots=True)
class PublishedDate:
    day: date | None
    end: date | None
    basis: str  # dateline | metadata | inferred | undated
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusContext:
    """What earlier articles established that a later one may lean on."""

    default_year: int | None = None
    conflict_start: date | None = None
    # the earliest day an article read so far is dated to: when none tells the war's start, the day the story the
    # run follows is known to have begun by
    earliest_published: date | None = None
    # for one article: the day other articles date a meeting it tells of as held ('Lavrov and Kuleba met ... in
    # Antalya'), which it is no earlier than
    held_by: date | None = None


@dataclass(frozen=True, slots=True, order=True)
class ToldStart:
    """The war's start as an article gives it ('The invasion began on the 24th of February'): its month and day, and
    its year when the article names that too ('on February 24, 2022')."""

    month: int
    day: int
    year: int | None = None
    # counted back from the article's own date by the war's age it gives ('a week after the second anniversary of
    # the full-scale invasion' on a page dated 2 March 2024): used only when no article tells the start itself
    counted: bool = False


STORED_CONFIDENCE = 0.6  # what a mention read back from the database counts for (confidence is not stored)


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as a single sentence of a single article reports it."""

    article_id: str
    sentence_index: int
    quote: str
    type: str
    status: str
    range: DateRange
    date_text: str
    explanation: str
    venue_slug: str | None = None
    round_number: int | None = None
    actor_slugs: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    anchored: bool = True
    confidence: float = STORED_CONFIDENCE


@dataclass(frozen=True, slots=True)
class MergedEvent:
    id: str
    type: str
    status: str
    range: DateRange
    mentions: tuple[EventMention, ...]
    venue_slug: str | None
    round_claims: tuple[int, ...]
    actor_slugs: tuple[str, ...]
    title: str
    summary: str
    confidence: float
    conflicts: tuple[str, ...] = ()
    date_explanation: str = ""
    # summaries of the mentions, for quick merging checks
    article_ids: tuple[str, ...] = ()
    speakers: tuple[str | None, ...] = ()
    keywords: tuple[str, ...] = ()
    all_anchored: bool = True
    any_anchored: bool = True

    @property
    def best_day(self) -> date:
        """The likeliest day of its range: the first, but for words all its sources report without a date, which
        allow the day of the article and the day before it, the article's day (news is mostly of its own day)."""
        if not self.any_anchored and self.range.days == 2:
            return self.range.end
        return self.range.start
