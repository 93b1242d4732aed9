"""Merge event mentions into events: the same happening, however many sentences and articles report it,
is one event whose date is the tightest range all its dated sources allow."""

import hashlib
import itertools
import re
from collections.abc import Container, Iterable
from dataclasses import replace
from datetime import timedelta
from typing import TypeVar

from app.ingest.clean import DATED_CAPTION
from app.ingest.dating import ORDINAL_WORDS, PATTERNS
from app.ingest.phrases import STATE_SUBJECT
from app.ingest.stored_events import CACHED_KEYS, LaneRow, StoredEvents
from app.ingest.types import SESSION_TYPES, STORED_CONFIDENCE, DateRange, EventMention, MergedEvent
from app.ingest.vocab import person_by_slug, place_by_slug

T = TypeVar("T")
ROUND_ORDINAL_TITLES = {n: word.capitalize() for n, word in enumerate(ORDINAL_WORDS, 1)}  # 1 -> "First"
ROUND_SEASON_DAYS = 60
SCENE_SENTENCES = 3  # how far a dated sentence sets the scene for the undated ones after it
LOOSE_DAYS = 7  # a range wider than this is a loose date: a week, a month, a season
# a scene told of both parties ('officials on both sides said on Tuesday'): each side's voice after it is part of it
BOTH_SIDES = re.compile(
    r"\b(?:both|the two) (?:sides|countries|delegations|parties)\b"
    r"|\b(?:Ukrainian|Russian) and (?:Ukrainian|Russian) (?:negotiators|delegations|officials)\b",
    re.I,
)
TYPE_TITLES = {
    "round": "Talks between the delegations",
    "ministerial": "Meeting of ministers of the two sides",
    "proposal": "Proposal or draft submitted",
    "statement": "Statement on the talks",
    "humanitarian": "Humanitarian corridors and evacuations",
    "prisoners": "Prisoners and surrender",
    "atrocity": "Alleged atrocities",
    "military": "Military development",
    "diplomacy": "Diplomatic contact",
    "aid": "Weapons, aid or sanctions",
}


def event_id(mention: EventMention, taken: Container[str] = ()) -> str:
    """A stable id from where the mention is; a second event from one sentence ('held on 28 February,
    3 March and 7 March') adds its date, and a count if need be."""
    key = f"{mention.article_id}:{mention.sentence_index}:{mention.type}"
    extras = itertools.chain(["", f":{mention.range.start.isoformat()}"], (f":{n}" for n in itertools.count(2)))
    return next(c for extra in extras if (c := hashlib.sha1(f"{key}{extra}".encode()).hexdigest()[:12]) not in taken)


def _speaker(mention: EventMention) -> str | None:
    return mention.actor_slugs[0] if mention.actor_slugs else None


def _a_sides_voice(mention: EventMention) -> bool:
    """Whether words are a side's, unnamed ('The Kremlin said ...', 'Ukraine's chief negotiator said ...')."""
    return _speaker(mention) is None and bool(STATE_SUBJECT.search(mention.quote))


def _country(venue_slug: str | None) -> str | None:
    place = place_by_slug().get(venue_slug) if venue_slug else None
    return place.country if place else None


def _same_place(a: str, b: str) -> bool:
    """The same venue, a place and a venue in it ('Istanbul' and the Çırağan Palace), or a country and a
    place in it ('Belarus' and 'the Brest region')."""
    if a == b:
        return True
    first, second = place_by_slug().get(a), place_by_slug().get(b)
    if first is None or second is None or first.country != second.country:
        return False
    return "country" in {first.kind, second.kind} or first.within == b or second.within == a


CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")
SAME_WORDS_SHARE = 0.4  # so much of the shorter report's content words in the other: the same words told twice


def _same_words(first: str, second: str) -> bool:
    """Whether two reports of a speaker's words on one day tell the same words ('said on Tuesday that the signals
    were positive' ... 'In his address on Tuesday, he said the signals were positive')."""
    a, b = ({w.lower() for w in CONTENT_WORD.findall(text)} for text in (first, second))
    return bool(a and b) and len(a & b) >= SAME_WORDS_SHARE * min(len(a), len(b))


# "earlier in the day", "the same day": a day told by the sentence before, not named again
TOLD_BEFORE_DAY = next(p for kind, _, p in PATTERNS if kind == "same_day")


def _near(a: DateRange, b: DateRange, slack_days: int) -> bool:
    return a.start - timedelta(days=slack_days) <= b.end and b.start - timedelta(days=slack_days) <= a.end


def _answers(event: MergedEvent, mention: EventMention) -> bool:
    """Whether an undated statement speaks about the dated words of someone reported just before it."""
    return any(
        m.anchored
        and m.article_id == mention.article_id
        and 0 < mention.sentence_index - m.sentence_index <= SCENE_SENTENCES
        and _speaker(m) in mention.actor_slugs[1:]
        for m in event.mentions
    )


def _another_voice(event: MergedEvent, mention: EventMention, speakers: set[str | None]) -> bool:
    """Whether a statement's speaker is someone the article's part of the event names nowhere, after others spoke."""
    if mention.type != "statement" or not speakers - {None}:
        return False
    named = {slug for m in event.mentions if m.article_id == mention.article_id for slug in m.actor_slugs}
    return _speaker(mention) not in named


def _told_in_one_sentence(event: MergedEvent, mention: EventMention) -> bool:
    return any(
        m.article_id == mention.article_id and m.sentence_index == mention.sentence_index for m in event.mentions
    )


def belongs(event: MergedEvent, mention: EventMention, new_voice: bool = False) -> bool:
    """Whether a mention reports the same happening as an event; `new_voice`: its speaker has not been
    reported in the article before."""
    same_article = mention.article_id in event.article_ids
    if not same_article and event.type != mention.type:
        return False  # only an article's own events are looked at across types
    speakers = {_speaker(m) for m in event.mentions if m.article_id == mention.article_id} if same_article else set()
    if (
        same_article
        and _speaker(mention) in speakers - {None}
        and "statement" in {event.type, mention.type}
        and not {event.type, mention.type} & SESSION_TYPES
        and (event.status == mention.status or _told_in_one_sentence(event, mention))
    ):
        # one speaker's undated words in one article belong to what that speaker is reported for (not to a plan
        # they told of in another sentence: 'said he expects the humanitarian corridors will start functioning
        # Tuesday ... Medinsky said that Russia's "expectations from the talks have failed"')
        if not mention.anchored:
            return True
        if mention.type == "statement" and not event.any_anchored and event.range.overlaps(mention.range):
            return True  # "X has declared ... In a video address on Wednesday, he said ...": now dated
    if event.type != mention.type:
        return False
    if same_article and not mention.anchored and mention.range.precision == "day":
        scenes = [
            m
            for m in event.mentions
            if m.anchored
            and m.article_id == mention.article_id
            and m.range == mention.range
            and 0 < mention.sentence_index - m.sentence_index <= SCENE_SENTENCES
        ]
        if scenes and (not _another_voice(event, mention, speakers) or any(BOTH_SIDES.search(m.quote) for m in scenes)):
            # "On Tuesday, both sides ... X said ... Y told reporters": the scene the paragraph set; but after
            # "X said on Tuesday ...", Y's undated words are Y's own
            return True
    if mention.type == "statement":
        if new_voice and same_article and not mention.anchored and _answers(event, mention):
            return True  # "X said on Sunday ... Y said X meant ...": words about what was just reported
        if (
            speakers == {None}
            and event.range == mention.range
            and mention.status == event.status
            and not any(_a_sides_voice(m) for m in event.mentions)
        ):
            return True  # "On Tuesday, both sides played down ... Podolyak said": the scene, then who spoke
        if _a_sides_voice(mention) and any(event.speakers):
            return False  # "The Kremlin said ...", after someone named spoke: a voice of its own
        if _speaker(mention) is None or _speaker(mention) not in event.speakers:
            return same_article and event.range == mention.range and not mention.actor_slugs
        if same_article and not mention.anchored:
            return True  # one speaker's undated words in one article belong to that speaker's statement
        if (
            same_article
            and not TOLD_BEFORE_DAY.search(mention.date_text)
            and not DATED_CAPTION.match(mention.quote)
            and any(
                m.anchored
                and m.article_id == mention.article_id
                and not DATED_CAPTION.match(m.quote)
                and not _same_words(m.quote, mention.quote)
                for m in event.mentions
            )
        ):
            # "Zelensky said in a late-night address on Tuesday ... Earlier on Tuesday he told ...": an article
            # that names the day of each of a speaker's sayings tells two statements (not so "... comments
            # made earlier in the day": the same day's words, told after them; nor a video's dated caption)
            return False
        return event.range.overlaps(mention.range)
    if mention.type == "round":
        if (
            same_article
            and mention.status != event.status
            and (mention.round_number or event.round_claims)
            and (set(event.round_claims) != {mention.round_number} or not event.range.overlaps(mention.range))
        ):
            # "the first talks ... a second round could take place in the coming days": two rounds (but "The 3rd
            # round ... held on Monday (7) ended" and the third round told again as to come that day are one; "a
            # fourth round of talks on Monday, then broke off until Tuesday": its next day is a session of its own)
            return False
        numbers = set(event.round_claims)
        if mention.round_number is not None and numbers and mention.round_number not in numbers:
            return (
                same_article is False
                and _near(event.range, mention.range, 0)
                and bool(event.venue_slug and event.venue_slug == mention.venue_slug)
            )
        if mention.round_number is not None and mention.round_number in numbers:
            both_dated = mention.anchored and event.any_anchored
            if both_dated and not _near(event.range, mention.range, 1):
                return False  # the same ordinal on another day: another session, which a source counts differently
            # the same ordinal is the same round only in the same season: a new process counts from one again
            return _near(event.range, mention.range, ROUND_SEASON_DAYS)
        if (
            mention.round_number is None
            and numbers
            and event.venue_slug is not None
            and mention.venue_slug is not None
            and not _same_place(mention.venue_slug, event.venue_slug)
        ):
            return False  # an unnumbered session placed elsewhere is not a numbered round held there
        if (
            mention.round_number is not None
            and not numbers
            and mention.venue_slug is None
            and event.venue_slug is not None
            and event.range.days > LOOSE_DAYS
        ):
            return False  # "The third round ... has ended" is not the talks "held in Istanbul in March 2022"
        if (
            mention.round_number is None
            and numbers
            and event.venue_slug is None
            and mention.venue_slug is not None
            and mention.range.days > LOOSE_DAYS
        ):
            return False  # nor, told after it, are those talks that round
        if event.status == "planned" and mention.anchored and not event.any_anchored:
            return False  # a round announced without a date has no day for a dated session to match
        if {mention.status, event.status} == {"planned", "occurred"} and not (
            mention.anchored if mention.status == "planned" else event.any_anchored
        ):
            return False  # nor does a session held match a round announced without a date, unless by its number
        a, b = _country(event.venue_slug), _country(mention.venue_slug)
        if a and b and a != b:
            return False
        return _near(event.range, mention.range, 1 if mention.status == "planned" else 0)
    if not event.range.overlaps(mention.range):
        return False
    if same_article and any(m.status != mention.status for m in event.mentions if m.article_id == mention.article_id):
        return False  # one article's plan and its report of what happened are two happenings
    shared = set(mention.actor_slugs) & set(event.actor_slugs) or set(mention.keywords) & set(event.keywords)
    dated = mention.anchored and event.all_anchored
    return bool(shared) or (dated and (not mention.actor_slugs or not event.actor_slugs))


def tightest_range(mentions: Iterable[EventMention]) -> tuple[DateRange, tuple[str, ...], str]:
    """Intersect the dated sources, those reporting it held first, then the most precise; a source that cannot agree
    is kept as a conflict."""
    # what was reported held before what was announced: "could come as early as Wednesday", held on Thursday
    ordered = sorted(mentions, key=lambda m: (not m.anchored, m.status != "occurred", m.range.days))
    dated = [m for m in ordered if m.anchored] or ordered
    current = dated[0].range
    conflicts: list[str] = []
    explanation = dated[0].explanation
    for m in dated[1:]:
        narrowed = current.intersect(m.range)
        if narrowed is None:
            conflicts.append(
                f"a source dates it {m.range.start.isoformat()}–{m.range.end.isoformat()}"
                f" ('{m.date_text or 'undated'}')"
            )
        else:
            if narrowed.days < current.days:
                explanation = m.explanation
            current = narrowed
    if current.start == current.end:
        current = DateRange(current.start, current.end, "day")
    return current, tuple(conflicts), explanation


def _round_title(number: int | None, venue_slug: str | None, status: str) -> str:
    venue = place_by_slug().get(venue_slug) if venue_slug else None
    base = (
        f"{ROUND_ORDINAL_TITLES.get(number, f'Round {number}')} round of talks"
        if number
        else "Talks between the delegations"
    )
    if venue and venue.kind == "online":
        base += " by video link"
    elif venue:
        country = {"BY": "Belarus", "TR": "Turkey", "RU": "Russia", "UA": "Ukraine"}.get(venue.country, "")
        article = "the " if venue.name.lower().endswith((" region", " river")) else ""
        where = f"at the {venue.name}" if venue.within else f"in {article}{venue.name}"  # a palace within a city
        base += f" {where}" + (f", {country}" if country and country != venue.name else "")
    return ("Planned: " if status == "planned" else "") + base


def describe(
    event_type: str, status: str, venue_slug: str | None, numbers: tuple[int, ...], actors: tuple[str, ...]
) -> str:
    """A short title in our own words."""
    if event_type == "round":
        return _round_title(numbers[0] if len(numbers) == 1 else None, venue_slug, status)
    names = [person_by_slug()[slug].name for slug in actors[:2] if slug in person_by_slug()]
    title = TYPE_TITLES[event_type]
    if event_type == "statement" and names:
        title = f"{names[0]} on the talks"
    elif names:
        title += f": {', '.join(names)}"
    venue = place_by_slug().get(venue_slug) if venue_slug else None
    if venue and event_type in {"ministerial", "diplomacy"}:
        title += f" in {venue.name}"
    return ("Planned: " if status == "planned" else "") + title


VENUE_KIND_RANK = {"online": 0, "venue": 1, "region": 1, "city": 2, "country": 3}  # the most precise place first


def _venue_rank(slug: str) -> tuple[int, bool]:
    place = place_by_slug().get(slug)
    if place is None:
        return 5, True
    return VENUE_KIND_RANK.get(place.kind, 4), place.within is None  # a palace in Istanbul before Istanbul


def _distinct(items: Iterable[T]) -> tuple[T, ...]:
    """Each item once, in order: a tuple, as the pool keeps these for every event (a set costs four times more)."""
    return tuple(dict.fromkeys(items))


def _confidence(mentions: tuple[EventMention, ...]) -> float:
    return round(min(0.95, max(m.confidence for m in mentions) + 0.05 * (len(mentions) - 1)), 2)


def _stored_form(mention: EventMention) -> EventMention:
    if not mention.keywords and mention.confidence == STORED_CONFIDENCE:
        return mention  # already as stored: the mentions of earlier articles
    return replace(mention, keywords=(), confidence=STORED_CONFIDENCE)


def as_stored(event: MergedEvent) -> MergedEvent:
    """The event as `build` makes it from its mentions read back from the database (which keeps neither their
    keywords nor their confidence): only those two change, so nothing else is worked out again."""
    mentions = tuple(_stored_form(m) for m in event.mentions)
    return replace(event, mentions=mentions, keywords=(), confidence=_confidence(mentions))


def build(event_id_: str, mentions: tuple[EventMention, ...]) -> MergedEvent:
    rng, conflicts, explanation = tightest_range(mentions)
    numbers = tuple(sorted({m.round_number for m in mentions if m.round_number is not None}))
    if len(numbers) > 1:
        conflicts += (f"sources number this round differently: {', '.join(map(str, numbers))}",)
    venues = [m.venue_slug for m in mentions if m.venue_slug]
    venue = min(venues, key=_venue_rank) if venues else None
    actors = tuple(dict.fromkeys(a for m in mentions for a in m.actor_slugs))
    status = (
        "occurred"
        if any(m.status == "occurred" and m.anchored for m in mentions) or all(m.status == "occurred" for m in mentions)
        else "planned"
    )
    first = mentions[0]
    summary = first.quote if len(first.quote) <= 280 else first.quote[:277].rsplit(" ", 1)[0] + "…"
    confidence = _confidence(mentions)
    return MergedEvent(
        id=event_id_,
        type=first.type,
        status=status,
        range=rng,
        mentions=mentions,
        venue_slug=venue,
        round_claims=numbers,
        actor_slugs=actors,
        title=describe(first.type, status, venue, numbers, actors),
        summary=summary,
        confidence=confidence,
        conflicts=conflicts,
        date_explanation=explanation,
        article_ids=_distinct(m.article_id for m in mentions),
        speakers=_distinct(_speaker(m) for m in mentions),
        keywords=_distinct(k for m in mentions for k in m.keywords),
        all_anchored=all(m.anchored for m in mentions),
        any_anchored=any(m.anchored for m in mentions),
    )


def _closeness(event: MergedEvent, mention: EventMention) -> tuple[bool, bool, object, str]:
    """Among the events a mention fits: the one it names the same round or venue of, then the latest."""
    same_round = mention.round_number is not None and mention.round_number in event.round_claims
    same_venue = mention.venue_slug is not None and mention.venue_slug == event.venue_slug
    return same_round, same_venue, event.range.start, event.id


Lane = tuple[str, int, int]  # (name, bucket width in days, padding in days around an event's dates)
WEEK_LANE_PADDING = 2  # days: more than the widest slack a mention is compared with (a planned round's day)


def _event_lanes(event: MergedEvent) -> list[Lane]:
    """Where an event can be found by a mention of another article: the cross-article rules of `belongs`
    compare only events of one type whose dates come within a day or two, a statement only by its speaker,
    and a numbered round with its number within a season."""
    if event.type == "statement":
        return [(f"statement:{s}", 7, WEEK_LANE_PADDING) for s in event.speakers if s]
    lanes = [(event.type, 7, WEEK_LANE_PADDING)]
    if event.type == "round":
        lanes += [(f"round:{n}", 30, ROUND_SEASON_DAYS + 1) for n in event.round_claims]
    return lanes


def _mention_lanes(mention: EventMention) -> list[Lane]:
    if mention.type == "statement":
        return [(f"statement:{_speaker(mention)}", 7, 0)] if mention.actor_slugs else []
    lanes = [(mention.type, 7, 0)]
    if mention.type == "round" and mention.round_number is not None:
        lanes.append((f"round:{mention.round_number}", 30, 0))
    return lanes


class EventPool:
    """The events mentions are merged into. The events of the article being merged (created or changed by it,
    until `commit`) are kept in memory; the others are on disk (`StoredEvents`), where a mention is only
    compared with those of other articles in the lanes it shares with them (`_event_lanes`) at nearby dates,
    and read in full only when it merges into one. So memory does not grow with the corpus.

    A merge can be undone until it is committed (when storing the article fails), and the choice among several
    fitting events depends only on the events themselves, so merging into this pool gives what merging into
    events read back from the database gives."""

    WIDE = 400  # days: events spanning more are looked at for every mention in their lane

    def __init__(self, events: Iterable[MergedEvent] = (), cached_keys: int = CACHED_KEYS) -> None:
        self._stored = StoredEvents(cached_keys)
        self._changed: dict[str, MergedEvent] = {}  # by the articles being merged, until committed
        self._by_article: dict[str, set[str]] = {}  # the events of the articles being merged, until committed
        self._lanes_before: dict[str, list[LaneRow]] = {}  # of the stored events the articles being merged changed
        self._found: dict[tuple[str, int, int, tuple[int, int] | None], list[str]] = {}  # stored events by lane span
        self._stored.put((event, self._lane_rows(event), ()) for event in events)

    def _span(self, lane: Lane, rng: DateRange) -> tuple[int, int, tuple[int, int] | None]:
        """The first and last day (as ordinals) of a range padded for a lane, and the first and last bucket they
        fall in; None for a range too wide for buckets."""
        _, width, padding = lane
        first, last = rng.start.toordinal() - padding, rng.end.toordinal() + padding
        return first, last, None if (rng.end - rng.start).days > self.WIDE else (first // width, last // width)

    def _lane_rows(self, event: MergedEvent) -> list[LaneRow]:
        rows: list[LaneRow] = []
        for lane in _event_lanes(event):
            first, last, buckets = self._span(lane, event.range)
            spread = range(buckets[0], buckets[1] + 1) if buckets else (-1,)
            rows += [(lane[0], bucket, first, last) for bucket in spread]
        return rows

    def _of_article(self, article_id: str) -> list[MergedEvent]:
        return [self._changed[i] for i in self._by_article.get(article_id, ()) if i in self._changed]

    def candidates(self, mention: EventMention) -> list[MergedEvent]:
        """Every event the mention could belong to (and maybe more): the choice never depends on the index.
        The events being merged are all looked at (they are one article's); of the others, those whose
        padded dates in a lane of the mention meet its dates, as keys (`StoredEvents.key`)."""
        found = dict(self._changed)
        for lane in _mention_lanes(mention):
            span = (lane[0], *self._span(lane, mention.range))
            if (ids := self._found.get(span)) is None:
                ids = self._found[span] = self._stored.found_in(*span)  # the disk changes only at commit
            for event_id_ in ids:
                if event_id_ not in found:
                    key = self._stored.key(event_id_)
                    # an event the mention's own article told of (an article merged again): in full, for the
                    # rules of one article
                    found[event_id_] = self._stored.full(event_id_) if mention.article_id in key.article_ids else key
        return list(found.values())

    def event(self, event_id_: str) -> MergedEvent:
        """An event in full."""
        return self._changed.get(event_id_) or self._stored.full(event_id_)

    def __contains__(self, event_id_: object) -> bool:
        return event_id_ in self._changed or event_id_ in self._stored

    def merge(self, mentions: Iterable[EventMention]) -> set[str]:
        """Fold mentions into the pool; the ids of the events created or changed."""
        created: list[str] = []
        touched: set[str] = set()
        for mention in mentions:
            new_voice = bool(mention.actor_slugs) and not any(
                _speaker(mention) in e.speakers for e in self._of_article(mention.article_id)
            )
            fitting = [e for e in self.candidates(mention) if belongs(e, mention, new_voice)]
            # the newest event of this article first, then the latest by date: as reading events in date order
            fresh = [e for e in fitting if e.id in created]
            target = (
                max(fresh, key=lambda e: created.index(e.id))
                if fresh
                else max(fitting, key=lambda e: _closeness(e, mention), default=None)
            )
            if target is None:
                changed = build(event_id(mention, self), (mention,))
                created.append(changed.id)
            else:
                if target.id not in self._changed:
                    self._lanes_before[target.id] = self._lane_rows(target)
                changed = build(target.id, (*self.event(target.id).mentions, mention))
            self._changed[changed.id] = changed
            touched.add(changed.id)
            self._by_article.setdefault(mention.article_id, set()).add(changed.id)
        return touched

    def commit(self) -> None:
        """The merges are stored: nothing to undo, so their events go to disk. If writing them fails, the
        events on disk may be half written: the pool no longer holds what the database does (`Corpus.broken`)."""
        try:
            self._stored.put(self._lane_changes(event) for event in self._changed.values())
        finally:
            self.rollback()

    def _lane_changes(self, event: MergedEvent) -> tuple[MergedEvent, list[LaneRow], list[LaneRow]]:
        """The event, the lane rows it is found by that it was not, and those it no longer is."""
        now, before = self._lane_rows(event), self._lanes_before.get(event.id, [])
        return event, [row for row in now if row not in before], [row for row in before if row not in now]

    def rollback(self) -> None:
        """Forget the merges not committed: the events on disk are as they were."""
        self._changed.clear()
        self._by_article.clear()
        self._lanes_before.clear()
        self._found.clear()

    def keep_as(self, event: MergedEvent) -> None:
        """Put an event in place of the one with its id that has the same lanes and dates (as `as_stored` gives)."""
        if event.id not in self._changed and event.id in self._stored:
            self._lanes_before[event.id] = self._lane_rows(self._stored.key(event.id))
        self._changed[event.id] = event

    def events(self) -> list[MergedEvent]:
        stored = (e for e in self._stored if e.id not in self._changed)
        return sorted([*stored, *self._changed.values()], key=lambda e: (e.range.start, e.id))

    def close(self) -> None:
        self._stored.close()


def merge_mentions(events: list[MergedEvent], mentions: Iterable[EventMention]) -> tuple[list[MergedEvent], set[str]]:
    """Fold mentions into events; returns all events and the ids that changed."""
    pool = EventPool(events)
    try:
        touched = pool.merge(mentions)
        return pool.events(), touched
    finally:
        pool.close()
