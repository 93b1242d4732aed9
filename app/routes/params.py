"""The /events query parameters, validated once and shared by the JSON API, the exports and the pages.

Each parameter's OpenAPI schema says exactly what is accepted (enums, patterns, dates), so a value the
schema allows is never rejected; an empty value (as a plain GET form sends) means "no filter".
"""

import re
from datetime import date
from typing import Annotated, Literal

from fastapi import HTTPException, Query
from pydantic import BeforeValidator

from app.queries import EventFilters, EventType

Limit = Annotated[int, Query(ge=1, le=500, description="page size, 1–500", examples=[100])]
Offset = Annotated[
    int, Query(ge=0, le=10**9, description="items to skip (see `next` for the following page)", examples=[0])
]
Slug = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_-]*$", max_length=64)]
EmptyValue = Literal[""]
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day_only(value: object) -> object:
    """Pydantic would read '0' as a Unix timestamp; a filter date is written YYYY-MM-DD."""
    if isinstance(value, str) and value and not ISO_DAY.fullmatch(value):
        raise ValueError("not an ISO date (YYYY-MM-DD)")
    return value


IsoDay = Annotated[date, BeforeValidator(_iso_day_only)]


class FilterError(HTTPException):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(status_code=422, detail=f"{parameter}: {message}")
        self.parameter = parameter


async def event_filters(  # no I/O: async, so FastAPI runs it in the event loop, not a worker thread
    round: Annotated[
        str | None,
        Query(
            description="round number (e.g. 3) or round id (e.g. r-eb9eae1a51e2)",
            examples=["3"],
            pattern=r"^(?:\d{1,6}|r-[A-Za-z0-9_-]{1,62})?$",
        ),
    ] = None,
    venue: Annotated[Slug, Query(description="venue slug (see /venues)", examples=["istanbul"])] = None,
    country: Annotated[
        str | None,
        Query(
            description="ISO 3166 alpha-2 country of the venue, or 'online'",
            examples=["BY"],
            pattern=r"^(?:[A-Za-z]{2}|online)?$",
        ),
    ] = None,
    type: Annotated[
        list[EventType | EmptyValue] | None, Query(description="event type (repeatable)", examples=["round"])
    ] = None,
    actor: Annotated[Slug, Query(description="person slug (see /actors)", examples=["vladimir-medinsky"])] = None,
    from_: Annotated[
        IsoDay | EmptyValue | None,
        Query(alias="from", description="events ending on or after this ISO date", examples=["2022-03-01"]),
    ] = None,
    to: Annotated[
        IsoDay | EmptyValue | None,
        Query(
            description="events starting on or before this ISO date (none when before `from`)", examples=["2022-03-31"]
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description="full-text search in titles, summaries and quotes; every word must occur",
            examples=["corridor"],
            max_length=200,
            pattern=r"^[^\x00]*$",
        ),
    ] = None,
    article: Annotated[Slug, Query(description="article id (see /articles)", examples=["5b48e9b5bbe33ae5"])] = None,
    sort: Annotated[
        Literal["date", "-date", "relevance"] | EmptyValue | None,
        Query(description="date, -date (newest first) or relevance (default with q, else date)", examples=["-date"]),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> EventFilters:
    return EventFilters(
        round=round or None,
        venue=venue or None,
        country=country or None,
        types=tuple(t for t in (type or []) if t),
        actor=actor or None,
        date_from=from_ or None,
        date_to=to or None,
        q=q or None,
        article=article or None,
        sort=sort or ("relevance" if q else "date"),
        limit=limit,
        offset=offset,
    )
