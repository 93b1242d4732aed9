"""Dating an article that names no calendar day by a happening it shares with articles that do.

"Medinsky spoke on Tuesday after three hours of talks in Istanbul", in a text with no date of its own, says only
that the article came out some days after a Tuesday. When other articles of the corpus date a round in Istanbul by
the calendar ('the talks in Istanbul on March 29') and that day is a Tuesday, the Tuesday is that day, and the
article is dated from it, as a reader who had the other articles at hand would date it."""

from collections import Counter
from dataclasses import replace
from datetime import date

from app.ingest.published import NAMED_DAY, calendar_named
from app.ingest.types import CleanArticle, EventMention, MergedEvent, PublishedDate

SHARED_TYPES = {"round", "ministerial"}  # happenings a corpus names often, by their venue or number
Key = tuple[str, str | int]


def _event_keys(event: MergedEvent) -> list[Key]:
    keys: list[Key] = [("round", n) for n in event.round_claims] if event.type == "round" else []
    return keys + ([(event.type, event.venue_slug)] if event.venue_slug else [])


def _mention_key(mention: EventMention) -> Key | None:
    if mention.type == "round" and mention.round_number is not None:
        return ("round", mention.round_number)
    return (mention.type, mention.venue_slug) if mention.venue_slug else None


def _dated_by_the_calendar(event: MergedEvent) -> date | None:
    """The day of a round or ministerial meeting some article names by its date ('on March 29'), not only by a
    weekday: a day another article's weekday can be matched to."""
    if event.type not in SHARED_TYPES or event.status != "occurred" or event.range.start != event.range.end:
        return None
    return event.range.start if any(NAMED_DAY.search(m.date_text) for m in event.mentions) else None


class DatedHappenings:
    """The days of the corpus's calendar-dated rounds and ministerial meetings, by round number and by type and
    venue; kept in step with the events as articles are merged (an event's old day is forgotten when it moves)."""

    def __init__(self) -> None:
        self._days: dict[Key, Counter[date]] = {}
        self._of_event: dict[str, tuple[list[Key], date]] = {}

    def note(self, event: MergedEvent) -> None:
        if (before := self._of_event.pop(event.id, None)) is not None:
            for key in before[0]:
                self._days[key][before[1]] -= 1
        if (day := _dated_by_the_calendar(event)) is not None and (keys := _event_keys(event)):
            self._of_event[event.id] = (keys, day)
            for key in keys:
                self._days.setdefault(key, Counter())[day] += 1

    def days(self, key: Key, weekday: int) -> set[date]:
        """The days of the happenings of this key that fall on this weekday."""
        return {day for day, n in self._days.get(key, Counter()).items() if n > 0 and day.weekday() == weekday}


def dated_by_a_shared_happening(
    article: CleanArticle, published: PublishedDate, mentions: list[EventMention], happenings: DatedHappenings
) -> PublishedDate | None:
    """The article's date worked out again from the happenings it shares with calendar-dated articles, when its own
    text names no day of a month (a month or a year it may: 'the last direct talks took place in March 2022'); None
    when it names one, shares none, or what it shares is ambiguous (two Mondays'
    rounds in Belarus) or disagrees."""
    if published.basis != "inferred" or published.day is None or calendar_named(article) == 2:
        return None
    shared_days: set[date] = set()
    told = ""
    for mention in mentions:
        if mention.type not in SHARED_TYPES or mention.status != "occurred" or not mention.date_text:
            continue
        if mention.range.start != mention.range.end or (key := _mention_key(mention)) is None:
            continue
        days = happenings.days(key, mention.range.start.weekday())
        if len(days) != 1:
            continue  # none, or more than one on that weekday: nothing to go by
        shared = days.pop()
        shared_days.add(shared)
        told = f"'{mention.date_text}' is {shared.isoformat()}, the day other articles date that {mention.type} by"
        reported = mention.range.start
    if len(shared_days) != 1 or (day := shared_days.pop()) == reported:
        return None
    # written on that day or soon after: as long after it as the text's own reading allowed
    end = day + ((published.end or published.day) - reported)
    return replace(published, day=day, end=end, evidence=(f"window {day.isoformat()} to {end.isoformat()}", told))
