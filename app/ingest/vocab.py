"""The vocabularies (places, people, cue words) loaded once from app/vocab/*.json and compiled."""

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

Entry = TypeVar("Entry", "Place", "Person")

VOCAB_DIR = Path(__file__).resolve().parent.parent / "vocab"


@dataclass(frozen=True)
class Place:
    slug: str
    name: str
    country: str
    lat: float | None
    lon: float | None
    kind: str
    pattern: re.Pattern[str]
    within: str | None = None  # the slug of the place it lies in: the Çırağan Palace in Istanbul


@dataclass(frozen=True)
class Office:
    """A post a person held, from its first day to its last (None: not known, or still held), by the titles texts
    give it ('Secretary of State', 'Foreign Minister')."""

    titles: tuple[str, ...]
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    side: str
    role: str
    pattern: re.Pattern[str]
    offices: tuple[Office, ...] = ()


@dataclass(frozen=True)
class Cues:
    types: dict[str, re.Pattern[str]]  # one alternation per event type
    talks: re.Pattern[str]
    speech: re.Pattern[str]
    said: re.Pattern[str]  # the words of speaking that can only tell of the past ('said', 'told', 'wrote')
    future: re.Pattern[str]
    boilerplate: re.Pattern[str]
    credit: re.Pattern[str]
    conflict_start: re.Pattern[str]


def _alias_pattern(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted(aliases, key=len, reverse=True)
    # "Belarus-Ukraine border" names Belarus; "pro-Russian" does not name Russia
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?!\w)", re.I)


@dataclass(frozen=True, eq=False)
class Gazetteer(Generic[Entry]):
    """Every alias of every entry in one pattern: one scan of a text finds them all, in reading order."""

    pattern: re.Pattern[str]
    by_alias: dict[str, Entry]

    def find(self, text: str) -> tuple[tuple[int, int, Entry], ...]:
        """(start, end, entry) of each name in the text; a sentence is looked through several times (for its
        speaker, its actors, its venue), so the scans are remembered."""
        return _scan(self, text)


def alias_key(name: str) -> str:
    """A name as the gazetteer keys it: lower case, with the Turkish i's that a case-blind match lets stand for one
    another made one ('TÜRKİYE' lowers to 'i' and a combining dot, 'ÇIRAĞAN' to a dotted 'i', 'Çırağan' keeps 'ı'),
    and the long s ('Iſtanbul') made an s."""
    return name.lower().replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


@lru_cache(maxsize=4096)
def _scan(gazetteer: Gazetteer[Entry], text: str) -> tuple[tuple[int, int, Entry], ...]:
    found = ((m, gazetteer.by_alias.get(alias_key(m.group(0)))) for m in gazetteer.pattern.finditer(text))
    # (a letter a case-blind match takes for another that no key folds yet is a name not found, not a failure)
    return tuple((m.start(), m.end(), entry) for m, entry in found if entry is not None)


def _gazetteer(entries: tuple[Entry, ...], aliases: list[list[str]]) -> Gazetteer[Entry]:
    by_alias: dict[str, Entry] = {}
    for entry, names in zip(entries, aliases, strict=True):
        for name in names:
            by_alias.setdefault(alias_key(name), entry)
    return Gazetteer(_alias_pattern(list(by_alias)), by_alias)


@lru_cache
def place_gazetteer() -> Gazetteer["Place"]:
    return _gazetteer(places(), [p["aliases"] for p in _load("places.json")["places"]])


@lru_cache
def people_gazetteer() -> Gazetteer["Person"]:
    return _gazetteer(people(), [p["aliases"] for p in _load("people.json")["people"]])


def _load(name: str) -> dict:
    return json.loads((VOCAB_DIR / name).read_text(encoding="utf-8"))


@lru_cache
def places() -> tuple[Place, ...]:
    return tuple(
        Place(
            p["slug"],
            p["name"],
            p["country"],
            p["lat"],
            p["lon"],
            p["kind"],
            _alias_pattern(p["aliases"]),
            p.get("within"),
        )
        for p in _load("places.json")["places"]
    )


@lru_cache
def place_by_slug() -> dict[str, Place]:
    return {p.slug: p for p in places()}


@lru_cache
def person_by_slug() -> dict[str, Person]:
    return {p.slug: p for p in people()}


@lru_cache
def people() -> tuple[Person, ...]:
    return tuple(
        Person(p["slug"], p["name"], p["side"], p["role"], _alias_pattern(p["aliases"]), _offices(p.get("offices", [])))
        for p in _load("people.json")["people"]
    )


def _offices(entries: list[dict]) -> tuple[Office, ...]:
    day = lambda text: date.fromisoformat(text) if text else None  # noqa: E731
    return tuple(Office(tuple(o["titles"]), day(o.get("from")), day(o.get("to"))) for o in entries)


def _any(patterns: list[str], flags: int = re.I) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _any_of_lines(patterns: list[str], flags: int = re.I | re.M) -> re.Pattern[str]:
    """_any for patterns most of which hold at a line's start ('^Read more'): those share one '^', so that at
    every other place of a line the search tries one anchor instead of each of them (five times faster). For
    whether a line matches, not which pattern: the order of the alternatives changes."""
    anchored = [p[1:] for p in patterns if p.startswith("^") and not _splits_at_top(p)]
    elsewhere = [p for p in patterns if not (p.startswith("^") and not _splits_at_top(p))]
    parts = ([f"^(?:{'|'.join(f'(?:{p})' for p in anchored)})"] if anchored else []) + [f"(?:{p})" for p in elsewhere]
    return re.compile("|".join(parts), flags)


def _splits_at_top(pattern: str) -> bool:
    """Whether a pattern is an alternation at its top level ('^a|b'), outside any group or character class."""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


PAST_SAID = {"said", "told", "wrote"}  # past tense only: 'confirmed', 'announced' are also passives to come


@lru_cache
def cues() -> Cues:
    raw = _load("cues.json")
    words = lambda ws: _any([r"\b" + re.escape(w) + r"\b" for w in ws])  # noqa: E731
    return Cues(
        types={t: _any(ps) for t, ps in raw["types"].items()},
        talks=_any(raw["talks"]),
        speech=words(raw["speech"]),
        said=words([w for w in raw["speech"] if w in PAST_SAID]),
        future=words(raw["future"]),
        boilerplate=_any_of_lines(raw["boilerplate"]),
        credit=_any_of_lines(raw["credit"], re.I),
        conflict_start=_any(raw["conflict_start"]),
    )
