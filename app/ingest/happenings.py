"""Dating an article that names no calendar day by a happening it shares with articles that do.

"Medinsky spoke on Tuesday after three hours of talks in Istanbul", in a text with no date of its own, says only
that the article came out some days after a Tuesday. When other articles of the corpus date a round in Istanbul by
the calendar ('the talks in Istanbul on March 29') and that day is a Tuesday, the Tuesday is that day, and the
article is dated from it, as a reader who had the other articles at hand would date it. So too 'Last week, Kuleba
met Lavrov in Turkey': the week that holds the one ministerial meeting the others date in Turkey. The article is
moved by whole weeks, so every weekday it names stays that weekday."""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from app.ingest.classify import round_number, sides_meeting, type_for_clause
from app.ingest.dating import COUNT, MONTH_NAMES, PAST_TENSE, WEEKDAY, WEEKDAYS, YEAR_NAMED, count_value, month_number
from app.ingest.phrases import (
    AFTER_A_SESSION,
    ARRANGED,
    HELD_NOW,
    MET,
    OUTCOMES_OF_A_SESSION,
    PLANNED,
    PROSPECTIVE_SESSION,
    SINCE_A_SESSION,
)
from app.ingest.published import (
    DATED_BY_THE_WARS_AGE,
    DAY_OF_WAR,
    NAMED_DAY,
    calendar_named,
    rules_out,
    tells_the_wars_age_to_the_day,
    work_out_published,
    years_named,
)
from app.ingest.speakers import strip_quotes
from app.ingest.types import STATED_BASES, CleanArticle, CorpusContext, EventMention, MergedEvent, PublishedDate
from app.ingest.venues import find_places, located_places
from app.ingest.vocab import cues, place_by_slug

SHARED_TYPES = {"round", "ministerial"}  # happenings a corpus names often, by their venue or number
WEEK = 7
YEAR_DAYS = 365
Key = tuple[str, str | int]
WEEKDAY_NAMED = re.compile(rf"\b{WEEKDAY}\b", re.I)
YESTERDAY = re.compile(r"\byesterday\b", re.I)
ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.I)  # 'June 2nd' is 'June 2'
# "Delegations from the two countries held three rounds of talks in the past": the third had been held
ROUNDS_COUNTED_AS_HELD = re.compile(
    rf"\b(?:held|conducted|after|following)\s+(?P<n>{COUNT})\s+(?:(?:previous|earlier|prior|inconclusive)\s+)?rounds\b",
    re.I,
)
# where a sentence turns to a clause of its own ('... held several rounds in Belarus, but the meeting in Turkey is the
# first ...'): each tells its own meeting, at its own places
CONTRASTED_CLAUSE = re.compile(r",\s+(?:but|while|whereas)\s+|;\s+", re.I)
IN_A_MONTH = re.compile(rf"\bin\s+(?:early\s+|mid-?\s*|late\s+)?({MONTH_NAMES})(?!\w)", re.I)


def _keys(
    kind: str, round_numbers: tuple[int, ...], venue_slug: str | None, *, told: bool = False
) -> list[tuple[int, Key]]:
    """What a happening is known by, with how telling each is (0 most): its round number, its venue, its venue's
    country. One `told` by an article being dated is known by its country only when that is all its place says
    ('talks in Belarus'): 'negotiations ... in the Gomel region' are not the round others date in Minsk."""
    keys: list[tuple[int, Key]] = [(0, ("round", n)) for n in round_numbers] if kind == "round" else []
    place = place_by_slug().get(venue_slug) if venue_slug else None
    if venue_slug:
        keys.append((1, (kind, venue_slug)))
    if place is not None and place.country and not (told and place.kind != "country"):
        keys.append((2, (kind, f"country:{place.country}")))
    return keys


def dates_its_weekdays(published: PublishedDate) -> bool:
    """Whether an article's weekdays are days of the calendar: its date is stated ('ISTANBUL, March 29 (Reuters)'),
    or its text pins it as firmly ('On day 34 of the war', with 'on Tuesday')."""
    return published.basis in STATED_BASES or DATED_BY_THE_WARS_AGE in published.evidence


class DatedHappenings:
    """The days of the corpus's calendar-dated rounds and ministerial meetings, by round number, venue and country;
    kept in step with the events as articles are merged (an event's old day is forgotten when it moves)."""

    def __init__(self, stated_articles: set[str] | None = None) -> None:
        self._days: dict[Key, Counter[date]] = {}
        self._of_event: dict[str, tuple[tuple[Key, ...], date]] = {}
        # what events are known by, one tuple for all events of a kind, number and venue: what is kept per event
        # is then a day and a shared tuple, so the index grows little as the corpus does
        self._known_by: dict[tuple[str, tuple[int, ...], str | None], tuple[Key, ...]] = {}
        self._stated_articles = stated_articles or set()  # the articles that state their own date

    def article_dated(self, article_id: str, published: PublishedDate) -> None:
        """Count an article in as one that states its date, when it does: its weekdays name days of the calendar."""
        if dates_its_weekdays(published):
            self._stated_articles.add(article_id)

    def _dated_by_the_calendar(self, event: MergedEvent) -> date | None:
        """The day of a round or ministerial meeting some article names by its date ('on March 29'), by the war's
        day ('on the eighth day of the war'), or by a weekday under the date it states ('ISTANBUL, March 29
        (Reuters) - ... met on Tuesday'): a day another article's weekday can be matched to."""
        if event.type not in SHARED_TYPES or event.status != "occurred" or event.range.start != event.range.end:
            return None
        if any(
            NAMED_DAY.search(m.date_text)
            or DAY_OF_WAR.search(m.date_text)  # 'on the eighth day of the war': counted from the war's start
            or (m.date_text and m.article_id in self._stated_articles and m.range.start == m.range.end)
            for m in event.mentions
        ):
            return event.range.start
        return None

    def note(self, event: MergedEvent) -> None:
        if (before := self._of_event.pop(event.id, None)) is not None:
            for key in before[0]:
                self._days[key][before[1]] -= 1
        day = self._dated_by_the_calendar(event)
        if day is not None and (keys := self._keys_of(event)):
            self._of_event[event.id] = (keys, day)
            for key in keys:
                self._days.setdefault(key, Counter())[day] += 1

    def _keys_of(self, event: MergedEvent) -> tuple[Key, ...]:
        told = (event.type, event.round_claims, event.venue_slug)
        if (keys := self._known_by.get(told)) is None:
            keys = self._known_by[told] = tuple(key for _, key in _keys(*told))
        return keys

    def days(self, key: Key) -> list[date]:
        return [day for day, n in self._days.get(key, Counter()).items() if n > 0]

    def days_of_other_rounds(self, number: int) -> set[date]:
        """The days the corpus dates rounds of another number on: not those of a round told with this one."""
        return {
            day
            for (kind, told), counts in self._days.items()
            if kind == "round" and isinstance(told, int) and told != number
            for day, n in counts.items()
            if n > 0
        }

    def dates_one_of(self, kind: str, day: date) -> bool:
        """Whether the corpus dates a happening of this kind to this day, by any key (the first round, Monday
        February 28, though no article placed it)."""
        return any(key[0] == kind and counts[day] > 0 for key, counts in self._days.items())


def _week_shifts(mention: EventMention, days: list[date]) -> set[int]:
    """The whole weeks the mention's day or week must move by to hold one of these days."""
    shifts: set[int] = set()
    for day in days:
        low, high = (day - mention.range.end).days, (day - mention.range.start).days
        shifts.update(k * WEEK for k in range(-(-low // WEEK), high // WEEK + 1))
    return shifts


def _shift_for(mention: EventMention, happenings: DatedHappenings) -> tuple[int, int] | None:
    """How telling the match is, and the one move that puts the mention on a calendar-dated happening it shares,
    by its most telling key that any fits; None when none fits or several do (two Mondays' rounds in Belarus)."""
    if mention.type not in SHARED_TYPES or not mention.date_text:
        return None
    if (mention.range.end - mention.range.start).days >= WEEK:
        return None
    if NAMED_DAY.search(ORDINAL_SUFFIX.sub("", mention.date_text)):
        return None  # 'On June 2nd, the second round ...': a day of the month moves by no week
    round_numbers = (mention.round_number,) if mention.round_number is not None else ()
    for rank, key in _keys(mention.type, round_numbers, mention.venue_slug, told=True):
        if shifts := _week_shifts(mention, happenings.days(key)):
            # the one within the year, when others lie years away (the same city's talks of another year)
            within_the_year = {shift for shift in shifts if abs(shift) < YEAR_DAYS} if len(shifts) > 1 else shifts
            return (rank, within_the_year.pop()) if len(within_the_year) == 1 else None
    return None


def _on_a_dated_day(mention: EventMention, happenings: DatedHappenings, number: int | None = None) -> bool:
    """Whether the article's own reading puts a session it tells of on a day the others date one ('negotiations
    began in Belarus on Monday' read as February 28, the first round's day, though no article placed it); `number`:
    the round the article numbers that day's session, when the mention does not."""
    number = mention.round_number if mention.round_number is not None else number
    return (
        mention.type in SHARED_TYPES
        and bool(mention.date_text)
        and mention.range.start == mention.range.end
        and happenings.dates_one_of(mention.type, mention.range.start)
        # ('a third round ... on Monday' read as the day the others date the first: it does not fit that day)
        and not (number is not None and mention.range.start in happenings.days_of_other_rounds(number))
    )


def fits_a_dated_session(mentions: list[EventMention], happenings: DatedHappenings) -> bool:
    """Whether any session the article tells of is on a day the others date one: then the meetings it tells of as
    held do not move it after a later one at the same place. ('The delegations arrived on Monday at the meeting
    place', after 'a third round ... on Monday': the third round's day, however it is told.)"""
    numbered = {
        m.range.start: m.round_number
        for m in mentions
        if m.type == "round" and m.round_number is not None and m.range.start == m.range.end
    }
    return any(_on_a_dated_day(m, happenings, numbered.get(m.range.start)) for m in mentions)


def _names_a_day_of_its_news(article: CleanArticle) -> bool:
    """Whether the text names a day of a month ('on March 29') other than the day the war began ('the fighting
    that broke out on 24 February'), which dates nothing the article reports, or a day to come ('will meet in
    Antalya on Thursday, March 10'), which only bounds it."""
    if calendar_named(article) < 2:
        return False
    war_start, future = cues().conflict_start, cues().future
    return any(
        NAMED_DAY.search(s.text) and not war_start.search(s.text) and not future.search(s.text)
        for s in article.sentences
    )


def dated_by_a_shared_happening(
    article: CleanArticle,
    published: PublishedDate,
    mentions: list[EventMention],
    happenings: DatedHappenings,
    context: CorpusContext,
) -> PublishedDate | None:
    """The article's date worked out again from the happenings it shares with calendar-dated articles, when its own
    text names no day of a month (a month or a year it may: 'the last direct talks took place in March 2022'); None
    when it names one, shares none, what it shares is ambiguous or disagrees, or its date already fits."""
    if published.basis != "inferred" or published.day is None or _names_a_day_of_its_news(article):
        return None
    if tells_the_wars_age_to_the_day(article):
        return None  # 'the eight-day-old war': dated by its own words
    found = [
        (m, *match)
        for m in mentions
        if not _on_a_dated_day(m, happenings) and (match := _shift_for(m, happenings)) is not None
    ]
    # the matches by the most telling key any has: 'Thursday's talks in Antalya' before a round 'in Belarus'
    best = [(m, shift) for m, rank, shift in found if rank == min(rank for _, rank, _ in found)]
    if len({shift for _, shift in best}) != 1:
        return None
    mention, shift = best[0]
    if shift == 0:
        return None
    moved = mention.range.start + timedelta(days=shift)
    told = f"'{mention.date_text}' ({mention.type}) is the week of {moved.isoformat()}, which other articles date it"
    end = (published.end or published.day) + timedelta(days=shift)
    day = published.day + timedelta(days=shift)
    if mention.status == "occurred" and mention.range.start == mention.range.end:
        # a day the article reports: written that day or soon after, as long after it as its own reading allowed
        day, told = moved, f"'{mention.date_text}' ({mention.type}) is {moved.isoformat()}, which other articles date"
    elif mention.status == "planned" and mention.range.start <= published.day <= mention.range.end:
        # 'talks are scheduled to resume this week in Turkey': written in the week of the session the others date,
        # before it, not as far into it as the article's own reading of its week was
        day, end = moved, min(end, mention.range.end + timedelta(days=shift))
    if _year_of_a_yearless_text(article, published.day.year, context) not in {None, day.year}:
        return None
    if rules_out(article, day, context):
        return None  # 'Former UK Prime Minister Boris Johnson ... at the talks in Istanbul': not back in that spring
    return replace(published, day=day, end=end, evidence=(f"window {day.isoformat()} to {end.isoformat()}", told))


def _meeting_told_as_held(unquoted: str) -> str | None:
    """The kind of shared happening a sentence tells of as held ('Lavrov and Kuleba met on the sidelines of a forum in
    Antalya'); None for one to come, offered or hoped for ('Turkey offered to host talks in Istanbul')."""
    if not (PAST_TENSE.search(unquoted) or HELD_NOW.search(unquoted)) or cues().future.search(unquoted):
        return None  # (told as held, or as going on: 'the third round of talks is underway in Belarus')
    if OUTCOMES_OF_A_SESSION.search(unquoted):
        return "round"  # "First outcomes of Ukrainian-Russian talks in Istanbul were announced": the talks were held
    if PLANNED.search(unquoted) or ARRANGED.search(unquoted) or PROSPECTIVE_SESSION.search(unquoted):
        return None
    kind = (sides_meeting(unquoted, None) if MET.search(unquoted) else None) or type_for_clause(
        unquoted, unquoted, None, None, None
    )
    if kind not in SHARED_TYPES and AFTER_A_SESSION.search(unquoted):
        kind = "round"  # "Russia today announced ... following negotiations with the Ukrainian delegation in Istanbul"
    return kind if kind in SHARED_TYPES else None


def _meetings_told_as_held(unquoted: str) -> Iterator[tuple[str, str, list[str | None]]]:
    """Each meeting a sentence tells of as held: its kind, the words that tell it (for its number and weekday), and
    the places it was held at. The sentence's own ('Lavrov and Kuleba met ... in Antalya'), and each one it counts
    from ('have continued to meet online since the Istanbul round': the round in Istanbul was held)."""
    for clause in CONTRASTED_CLAUSE.split(unquoted):
        if (kind := _meeting_told_as_held(clause)) is not None:
            yield kind, clause, [place.slug for place in located_places(clause)] or [None]
    for since in SINCE_A_SESSION.finditer(unquoted):
        told = since.group()
        kind = type_for_clause(told, told, None, None, None)
        yield kind if kind in SHARED_TYPES else "round", told, [place.slug for place in find_places(told)] or [None]


def _year_of_a_yearless_text(article: CleanArticle, year: int, context: CorpusContext) -> int | None:
    """The year a text that names none of the story's years is of: the one its own reading gave (the corpus's usual
    one); None for a text that names one. 'Talks in Istanbul on Tuesday' in a report of 2022 is not the Tuesday of a
    later year's Istanbul round another article dates. (A year before the war is background: 'annexed in 2014'.)"""
    start = context.conflict_start
    return None if any(start is None or named >= start.year for named in years_named(article)) else year


def _held_by(
    article: CleanArticle, happenings: DatedHappenings, year: int, context: CorpusContext
) -> tuple[date, str] | None:
    """The latest of the days the corpus dates the meetings the text tells of as held, at the places it names: the
    article is no earlier. A place the corpus dates more than one such meeting at counts by its first; one that names
    no year counts only the meetings of the year its own reading gave (`year`)."""
    only_year = _year_of_a_yearless_text(article, year, context)
    found: list[tuple[date, str]] = []
    for sentence in article.sentences:
        for kind, told, places in _meetings_told_as_held(strip_quotes(sentence.text)):
            # "Medinsky spoke on Tuesday after talks in Istanbul", where the others date a Wednesday's: another meeting
            weekdays = {WEEKDAYS.index(w.lower()) for w in WEEKDAY_NAMED.findall(told)}
            # 'negotiations held in Istanbul in March 2022': not the talks others date there in another month or year
            years = {int(year) for year in YEAR_NAMED.findall(told)}
            months = {month_number(month) for month in IN_A_MONTH.findall(told)}
            # by its most telling key the corpus dates: its number ('has held a second round of talks'), its place
            numbers = (number,) if (number := round_number(told) or _rounds_counted(told)) is not None else ()
            keys = sorted((rank, key) for place in places for rank, key in _keys(kind, numbers, place, told=True))
            # ('the second round of negotiations in the Belarusian region of Brest': not the day others date the
            # third round there)
            other_rounds = happenings.days_of_other_rounds(numbers[0]) if numbers else set()
            for _, key in keys:
                if days := [
                    day
                    for day in happenings.days(key)
                    if day not in other_rounds
                    and (not weekdays or day.weekday() in weekdays)
                    and (not years or day.year in years)
                    and (not months or day.month in months)
                    and only_year in {None, day.year}
                ]:
                    first = min(days)
                    told_of = f"'{sentence.text[:80]}' tells of a {kind} other articles date {first}"
                    # ('talks with Ukraine held yesterday in Turkey': the article is of the day after)
                    found.append((first + timedelta(days=1) if YESTERDAY.search(told) else first, told_of))
                    break
            else:
                found.extend(_after_the_rounds_before(kind, numbers, sentence.text, happenings))
    return max(found) if found else None


def _rounds_counted(told: str) -> int | None:
    """How many rounds a sentence counts as held ('held three rounds of talks in the past': the third was held)."""
    counted = ROUNDS_COUNTED_AS_HELD.search(told)
    return count_value(counted.group("n")) if counted else None


def _after_the_rounds_before(
    kind: str, numbers: tuple[int, ...], text: str, happenings: DatedHappenings
) -> list[tuple[date, str]]:
    """Rounds are held in their order: a third round told of as held, which no article dates, came after the second
    one the others date ('The third round of negotiations ... has ended', when another dates the second March 3). Each
    number counts by the first day the others date it (a later season's talks number their rounds from one again)."""
    if kind != "round" or not numbers:
        return []
    before = [(min(days), n) for n in range(1, numbers[0]) if (days := happenings.days(("round", n)))]
    if not before:
        return []
    day, n = max(before)
    told = f"'{text[:80]}' tells of round {numbers[0]}, after round {n}, which other articles date {day}"
    return [(day + timedelta(days=1), told)]


def dated_in_the_year_of_a_shared_happening(
    article: CleanArticle,
    published: PublishedDate,
    mentions: list[EventMention],
    happenings: DatedHappenings,
    context: CorpusContext,
) -> PublishedDate | None:
    """The article's date worked out again in another year than the corpus's usual one, when its text names no year
    of the story and a session it tells of by its day of the month is one other articles date in that year at the
    same place ('three rounds of direct talks this year, most recently in Istanbul on July 23', when another
    article dates the round in Istanbul on July 23, 2025); None when none or several years fit."""
    if published.basis != "inferred" or published.day is None:
        return None
    if _year_of_a_yearless_text(article, published.day.year, context) is None:
        return None  # (it names a year of the story: it is read in it)
    found: dict[int, str] = {}
    for m in mentions:
        if m.type not in SHARED_TYPES or m.status != "occurred" or m.range.start != m.range.end:
            continue
        if not NAMED_DAY.search(m.date_text):
            continue  # a day of the month told, not a weekday
        told = m.range.start
        numbers = (m.round_number,) if m.round_number is not None else ()
        for _, key in _keys(m.type, numbers, m.venue_slug, told=True):
            for day in happenings.days(key):
                if (day.month, day.day) == (told.month, told.day) and day.year != told.year:
                    found.setdefault(day.year, f"'{m.date_text}' ({m.type}) is the one other articles date {day}")
    if len(found) != 1:
        return None
    ((year, told_of),) = found.items()
    redated = work_out_published(article, replace(context, default_year=year))
    if redated.basis != "inferred" or redated.day is None or redated.day.year != year:
        return None
    return replace(redated, evidence=(*redated.evidence, f"{told_of}: the text's year"))


def dated_by_a_meeting_it_tells_of(
    article: CleanArticle, published: PublishedDate, happenings: DatedHappenings, context: CorpusContext
) -> PublishedDate | None:
    """An article with no date cue at all that tells of a meeting as held which other articles date ('First outcomes
    of Ukrainian-Russian talks in Istanbul was announced by ...'): of that day, as news is written soon after what it
    reports, within the week after it; None when it tells of none, or the corpus has no usual year."""
    if published.basis != "undated" or context.default_year is None:
        return None
    if (held := _held_by(article, happenings, context.default_year, context)) is None:
        return None
    day, told = held
    end = day + timedelta(days=WEEK - 1)
    evidence = (f"window {day.isoformat()} to {end.isoformat()}", told, "no date cue in the text: the meeting's day")
    return PublishedDate(day, end, "inferred", evidence)


def dated_after_a_shared_happening(
    article: CleanArticle, published: PublishedDate, happenings: DatedHappenings, context: CorpusContext
) -> PublishedDate | None:
    """The article's date worked out again when its text tells of a meeting as held that other articles date later
    than the day its own cues gave ('Kuleba on Thursday said ...', 'Lavrov and Kuleba met ... in Antalya', in a text
    whose only calendar day is the war's first): no earlier than that meeting. None when its text names a day of its
    news, or its date already comes after the meeting."""
    if published.basis != "inferred" or published.day is None or _names_a_day_of_its_news(article):
        return None
    if (
        tells_the_wars_age_to_the_day(article)
        or (held := _held_by(article, happenings, published.day.year, context)) is None
    ):
        return None
    held_by, told = held
    if published.day >= held_by:
        return None
    redated = work_out_published(article, replace(context, held_by=held_by))
    if redated.basis != "inferred" or redated.day is None or redated.day < held_by:
        return None
    return replace(redated, evidence=(*redated.evidence, told))
