"""The /events query parameters, validated once and shared by the JSON API and the pages."""

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from app.queries import EVENT_TYPES, EventFilters

Limit = Annotated[int, Query(ge=1, le=500, description="page size, 1–500", examples=[100])]
Offset = Annotated[int, Query(ge=0, description="items to skip (see `next` for the following page)", examples=[0])]


class FilterError(HTTPException):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(status_code=422, detail=f"{parameter}: {message}")
        self.parameter = parameter


def _date(parameter: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FilterError(parameter, f"'{value[:40]}' is not an ISO date (YYYY-MM-DD)") from None


def event_filters(
    round: Annotated[
        str | None, Query(description="round number (e.g. 3) or round id", examples=["3"], max_length=64)
    ] = None,
    venue: Annotated[str | None, Query(description="venue slug", examples=["istanbul"], max_length=64)] = None,
    country: Annotated[
        str | None,
        Query(description="ISO 3166 alpha-2 country of the venue, or 'online'", examples=["BY"], max_length=16),
    ] = None,
    type: Annotated[list[str] | None, Query(description="event type (repeatable)", examples=["round"])] = None,
    actor: Annotated[
        str | None, Query(description="person slug", examples=["vladimir-medinsky"], max_length=64)
    ] = None,
    from_: Annotated[
        str | None,
        Query(
            alias="from", description="events ending on or after this ISO date", examples=["2022-03-01"], max_length=32
        ),
    ] = None,
    to: Annotated[
        str | None,
        Query(description="events starting on or before this ISO date", examples=["2022-03-31"], max_length=32),
    ] = None,
    q: Annotated[
        str | None,
        Query(description="text search in titles, summaries and quotes", examples=["corridor"], max_length=200),
    ] = None,
    article: Annotated[
        str | None, Query(description="article id (see /articles)", examples=["5b48e9b5bbe33ae5"], max_length=64)
    ] = None,
    sort: Annotated[
        str | None,
        Query(
            description="date, -date (newest first) or relevance (with q); default relevance with q, else date",
            examples=["-date"],
            max_length=16,
        ),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> EventFilters:
    types = tuple(t for t in (type or []) if t)
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise FilterError("type", f"unknown type '{unknown[0][:40]}'; one of {', '.join(EVENT_TYPES)}")
    sort = sort or ("relevance" if q else "date")
    if sort not in {"date", "-date", "relevance"}:
        raise FilterError("sort", f"'{sort[:40]}' is not 'date', '-date' or 'relevance'")
    if round and not round.isdigit() and not round.startswith("r-"):
        raise FilterError("round", f"'{round[:40]}' is not a round number or a round id")
    for name, value in (("q", q), ("venue", venue), ("actor", actor), ("round", round)):
        if value and "\x00" in value:
            raise FilterError(name, "contains a NUL byte")
    date_from, date_to = _date("from", from_), _date("to", to)
    if date_from and date_to and date_from > date_to:
        raise FilterError("from", "is after 'to'")
    return EventFilters(
        round=round or None,
        venue=venue or None,
        country=country or None,
        types=types,
        actor=actor or None,
        date_from=date_from,
        date_to=date_to,
        q=q or None,
        article=article or None,
        sort=sort,
        limit=limit,
        offset=offset,
    )
