"""What the posts a text names people by say of when it was written.

A title named with a person ('US Secretary of State Marco Rubio', 'Andrii Sybiha, Ukraine's foreign minister') is
one they held when the text was written, or when what it tells of happened: either way the text is no earlier than
the day they took the post. One named as left ('Former UK Prime Minister Boris Johnson', 'then-Chancellor Scholz')
puts the text after the day they left it. The days are the people vocabulary's (app/vocab/people.json)."""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.ingest.vocab import Office, people_gazetteer

# 'former', 'ex-', 'then-' before the title, with a country's adjective or name between ('Former UK Prime Minister')
LEFT_BEFORE = re.compile(r"\b(?:former|ex|then|erstwhile)\b[-\s]*(?:[A-Z][\w'’.-]*\s+){0,2}$", re.I)
# a post not yet taken: 'incoming Defense Minister Umerov', 'Secretary of State-designate Rubio', 'nominee'
NOT_YET = re.compile(r"\b(?:incoming|designate|nominee|nominated|would-be|future|next|pick for)\b", re.I)
TITLE_REACH = 80  # characters before a name a title may end in, with 'of Ukraine' and a comma


@dataclass(frozen=True)
class OfficeNamed:
    """A post a text names someone by: the terms the title fits ((first day, last day) each), and whether the text
    names it as one they have left."""

    text: str
    terms: tuple[tuple[date | None, date | None], ...]
    left: bool


@lru_cache(maxsize=256)
def _title_pattern(titles: tuple[str, ...]) -> str:
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(titles, key=len, reverse=True))


@lru_cache(maxsize=256)
def _title_patterns(titles: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The title ending just before a name ('Foreign Minister of Ukraine Dmytro Kuleba', 'Special Envoy for the
    Middle East Steve Witkoff'), and set off just after one ('Kuleba, Ukraine's former foreign minister'), compiled
    once per post."""
    before = re.compile(
        rf"(?:{titles})(?:\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s*,?\s*$", re.I
    )
    after = re.compile(
        rf"\s?,\s+(?:the\s+|(?-i:[A-Z])[\w.'’-]*['’]s\s+)?(?P<left>(?:former|ex-|then-?)\s*)?(?:[\w'’-]+\s+)?"
        rf"(?:new\s+)?(?:{titles})\b",
        re.I,
    )
    return before, after


def offices_named(text: str) -> list[OfficeNamed]:
    """The posts the text names people by, for people whose posts the vocabulary dates."""
    found: list[OfficeNamed] = []
    for start, end, person in people_gazetteer().find(text):
        by_title: dict[str, list[Office]] = {}
        for office in person.offices:
            by_title.setdefault(_title_pattern(office.titles), []).append(office)
        for titles, offices in by_title.items():
            named = _named_with(text, start, end, titles)
            if named is None:
                continue
            left, span = named
            if NOT_YET.search(span):
                continue
            terms = tuple((o.start, o.end) for o in offices)
            found.append(OfficeNamed(f"'{span.strip()}' in: {text[:80]}", terms, left))
    return found


def _named_with(text: str, start: int, end: int, titles: str) -> tuple[bool, str] | None:
    """Whether the title is named with the person at start..end, before the name or set off after it: (named as
    left, the words)."""
    title_before, title_after = _title_patterns(titles)
    before = text[max(0, start - TITLE_REACH) : start]
    if (found := title_before.search(before)) is not None:
        ahead = before[: found.start()]
        return bool(LEFT_BEFORE.search(ahead)), before[max(0, found.start() - 30) :] + text[start:end]
    if (after := title_after.match(text, end)) is not None:
        return bool(after.group("left")), text[start : after.end()]
    return None


def floor_of(named: OfficeNamed, story_began: date | None) -> date | None:
    """The day a text naming this post is no earlier than: the first day of the post (the last, when named as left)
    in the earliest of its terms that reaches the story's years (a title held before the war tells nothing of a text
    about it); None when no such term gives one."""
    live = [(first, last) for first, last in named.terms if last is None or story_began is None or last >= story_began]
    days = [last for _, last in live if last] if named.left else [first for first, _ in live if first]
    if named.left and any(last is None for _, last in live):
        return None  # a post held again since: 'former President Trump' tells nothing of which term
    return min(days, default=None)
