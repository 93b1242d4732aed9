"""Where a sentence places what it reports: the places it names, and the one that is the venue."""

from app.ingest.phrases import LISTED_AFTER, LOCATIVE, MET_AT, SINCE_BEFORE_PLACE
from app.ingest.vocab import Place, place_gazetteer


def find_places(text: str) -> list[Place]:
    return list(dict.fromkeys(place for _, _, place in place_gazetteer().find(text)))


def located_places(text: str) -> list[Place]:
    """Places the text puts something in ('in the Brest region', 'at Dolmabahçe'), plus video formats; not a place
    after 'since' ('the first time they have met since the talks in Belarus': where the earlier talks were), nor
    one of a list ('a ceasefire in Kyiv, Kharkiv, Sumy and Mariupol')."""
    found = [
        place
        for start, end, place in place_gazetteer().find(text)
        if (place.kind == "online" or LOCATIVE.search(text[max(0, start - 40) : start]))
        and not SINCE_BEFORE_PLACE.search(text, max(0, start - 50), start)
        and not LISTED_AFTER.match(text, end)
    ]
    return list(dict.fromkeys(found))


def pick_venue(text: str, event_type: str) -> str | None:
    if event_type not in {"round", "ministerial", "diplomacy"}:
        return None
    rank = {"online": 0, "venue": 1, "region": 1, "city": 2, "country": 3}
    found = located_places(text)
    met_there = [place for start, _, place in place_gazetteer().find(text) if MET_AT.search(text[:start])]
    if met_there and event_type != "diplomacy":
        found = met_there  # "after weeks of haggling by video link, the delegations met in Istanbul": there
    if event_type == "diplomacy":
        found = [p for p in found if p.kind in {"city", "venue"}]
    return min(found, key=lambda p: rank.get(p.kind, 4)).slug if found else None


def sentence_venue(unquoted: str, event_type: str) -> str | None:
    """A round's venue named elsewhere in its sentence: a meeting place, region or country, not a city
    the sentence merely mentions."""
    if event_type != "round":
        return None
    found = [p for p in located_places(unquoted) if p.kind in {"venue", "online", "region", "country"}]
    return found[0].slug if found else None


def place_keywords(text: str) -> tuple[str, ...]:
    return tuple(sorted({p.slug for p in find_places(text)}))
