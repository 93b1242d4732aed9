"""The JSON API: /events, /rounds, /venues, /actors, /articles (each with the paging envelope)."""

from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic_core import to_json
from sqlmodel import Session
from starlette.datastructures import URL

from app import queries
from app.db import SessionDep, run_query
from app.models import (
    ERROR_RESPONSES,
    ActorPage,
    ArticleDetail,
    ArticlePage,
    EventPage,
    EventPublic,
    RoundPage,
    RoundPublic,
    VenuePage,
)
from app.queries import EventFilters
from app.routes.pages import article_page, rounds_page, wants_html
from app.routes.params import Limit, Offset, event_filters

router = APIRouter(tags=["api"], responses=ERROR_RESPONSES)
EventId = Annotated[str, Path(description="event id, as in /events", examples=["eb9eae1a51e2"], max_length=64)]
RoundId = Annotated[str, Path(description="round id, as in /rounds", examples=["r-eb9eae1a51e2"], max_length=64)]
ArticleId = Annotated[
    str, Path(description="article id, as in /articles", examples=["5b48e9b5bbe33ae5"], max_length=64)
]


Found = TypeVar("Found")


def found_or_404(item: Found | None, kind: str, item_id: str) -> Found:
    if item is None:
        raise HTTPException(404, f"no {kind} with id '{item_id[:64]}'")
    return item


FACET_NAMES = ("type", "venue", "round", "actor")


async def facet_names(  # no I/O: run in the event loop
    facets: Annotated[
        str | None,
        Query(
            description=f"comma-separated facets to count for the current selection: {', '.join(FACET_NAMES)}",
            examples=["type,venue"],
            pattern=rf"^(?:(?:{'|'.join(FACET_NAMES)})(?:,(?:{'|'.join(FACET_NAMES)}))*)?$",
        ),
    ] = None,
) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in (facets or "").split(",") if n))


def events_page(session: Session, filters: EventFilters, facets: tuple[str, ...], url: URL) -> bytes:
    """The body of /events: EventPage's shape, with each event's stored JSON as it is (queries.list_event_json)."""
    total, events = queries.list_event_json(session, filters=filters)
    following = filters.offset + filters.limit
    counts = queries.facet_counts(session, filters=filters) if facets else {}
    fields = {
        "total": to_json(total),
        "limit": to_json(filters.limit),
        "offset": to_json(filters.offset),
        "events": f"[{','.join(events)}]".encode(),
        "next": to_json(str(url.include_query_params(offset=following)) if following < total else None),
        "facets": to_json({name: dict(counts[name].most_common()) for name in facets} if facets else None),
    }
    return b"{" + b",".join(b'"%s":%s' % (name.encode(), value) for name, value in fields.items()) + b"}"


@router.get("/events", response_model=EventPage, summary="Events, filtered and paged")
async def read_events(
    request: Request,
    session: SessionDep,
    filters: Annotated[EventFilters, Depends(event_filters)],
    facets: Annotated[tuple[str, ...], Depends(facet_names)],
) -> Response:
    body = await run_query(events_page, session, filters, facets, request.url)
    return Response(body, media_type="application/json")


@router.get("/events/{event_id}", response_model=EventPublic, summary="One event")
def read_event(event_id: EventId, session: SessionDep) -> EventPublic:
    return found_or_404(queries.get_event(session, event_id=event_id), "event", event_id)


@router.get("/rounds", response_model=RoundPage, summary="Rounds of talks (HTML for browsers)")
def read_rounds(
    request: Request, session: SessionDep, limit: Limit = 100, offset: Offset = 0
) -> RoundPage | HTMLResponse:
    if wants_html(request):
        return rounds_page(request, session)
    total, rounds = queries.list_rounds(session, limit=limit, offset=offset)
    return RoundPage(total=total, limit=limit, offset=offset, rounds=rounds)


@router.get("/rounds/{round_id}", response_model=RoundPublic, summary="One round")
def read_round(round_id: RoundId, session: SessionDep) -> RoundPublic:
    return found_or_404(queries.get_round(session, round_id=round_id), "round", round_id)


@router.get("/venues", response_model=VenuePage, summary="Venues")
def read_venues(session: SessionDep, limit: Limit = 100, offset: Offset = 0) -> VenuePage:
    total, venues = queries.list_venues(session, limit=limit, offset=offset)
    return VenuePage(total=total, limit=limit, offset=offset, venues=venues)


@router.get("/actors", response_model=ActorPage, summary="People")
def read_actors(session: SessionDep, limit: Limit = 100, offset: Offset = 0) -> ActorPage:
    total, actors = queries.list_actors(session, limit=limit, offset=offset)
    return ActorPage(total=total, limit=limit, offset=offset, actors=actors)


@router.get("/articles", response_model=ArticlePage, summary="Articles and how their dates were worked out")
def read_articles(session: SessionDep, limit: Limit = 100, offset: Offset = 0) -> ArticlePage:
    total, articles = queries.list_articles(session, limit=limit, offset=offset)
    return ArticlePage(total=total, limit=limit, offset=offset, articles=articles)


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One article (HTML for browsers)")
def read_article(article_id: ArticleId, request: Request, session: SessionDep) -> ArticleDetail | HTMLResponse:
    article = found_or_404(queries.get_article(session, article_id=article_id), "article", article_id)
    if wants_html(request):
        return article_page(request, session, article)
    return article
