"""The vocabularies (places, people, cue words) loaded once from app/vocab/*.json and compiled."""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    side: str
    role: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Cues:
    types: dict[str, tuple[re.Pattern[str], ...]]
    talks: re.Pattern[str]
    speech: re.Pattern[str]
    future: re.Pattern[str]
    boilerplate: re.Pattern[str]
    credit: re.Pattern[str]
    conflict_start: re.Pattern[str]


def _alias_pattern(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted(aliases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])", re.I)


def _load(name: str) -> dict:
    return json.loads((VOCAB_DIR / name).read_text(encoding="utf-8"))


@lru_cache
def places() -> tuple[Place, ...]:
    return tuple(
        Place(p["slug"], p["name"], p["country"], p["lat"], p["lon"], p["kind"], _alias_pattern(p["aliases"]))
        for p in _load("places.json")["places"]
    )


@lru_cache
def people() -> tuple[Person, ...]:
    return tuple(
        Person(p["slug"], p["name"], p["side"], p["role"], _alias_pattern(p["aliases"]))
        for p in _load("people.json")["people"]
    )


def _any(patterns: list[str], flags: int = re.I) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@lru_cache
def cues() -> Cues:
    raw = _load("cues.json")
    words = lambda ws: _any([r"\b" + re.escape(w) + r"\b" for w in ws])  # noqa: E731
    return Cues(
        types={t: tuple(re.compile(p, re.I) for p in ps) for t, ps in raw["types"].items()},
        talks=_any(raw["talks"]),
        speech=words(raw["speech"]),
        future=words(raw["future"]),
        boilerplate=_any(raw["boilerplate"], re.I | re.M),
        credit=_any(raw["credit"]),
        conflict_start=_any(raw["conflict_start"]),
    )
