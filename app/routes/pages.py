"""The HTML pages: the timeline, an event's permalink, an article with its evidence, the rounds."""

import re
from collections import OrderedDict
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from sqlmodel import Session

from app import queries
from app.db import SessionDep
from app.models import ArticleDetail, EventPublic
from app.queries import EVENT_TYPES, EventFilters
from app.routes.params import event_filters

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent.parent.parent / "templates"))
router = APIRouter(tags=["pages"], include_in_schema=False)


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split(",")[0]


def date_label(event: EventPublic) -> str:
    if event.date == event.date_end:
        return event.date.strftime("%-d %b %Y")
    if event.date.year == event.date_end.year:
        return f"{event.date.strftime('%-d %b')} – {event.date_end.strftime('%-d %b %Y')}"
    return f"{event.date.strftime('%-d %b %Y')} – {event.date_end.strftime('%-d %b %Y')}"


TEMPLATES.env.filters["date_label"] = date_label


def group_by_month(events: list[EventPublic]) -> "OrderedDict[str, list[EventPublic]]":
    groups: OrderedDict[str, list[EventPublic]] = OrderedDict()
    for event in events:
        groups.setdefault(event.date.strftime("%B %Y"), []).append(event)
    return groups


@router.get("/", response_class=HTMLResponse)
def timeline_page(
    request: Request, session: SessionDep, filters: Annotated[EventFilters, Depends(event_filters)]
) -> HTMLResponse:
    page_filters = EventFilters(**{**filters.__dict__, "limit": 500})
    total, events = queries.list_events(session, filters=page_filters)
    facets = queries.facet_counts(session, filters=page_filters)
    _, venues = queries.list_venues(session, limit=500, offset=0)
    _, actors = queries.list_actors(session, limit=500, offset=0)
    json_url = "/events" + (f"?{request.url.query}" if request.url.query else "")
    return TEMPLATES.TemplateResponse(
        request,
        "index.html",
        {
            "events": events,
            "groups": group_by_month(events),
            "total": total,
            "filters": filters,
            "facets": facets,
            "types": EVENT_TYPES,
            "venues": venues,
            "actors": actors,
            "json_url": json_url,
        },
    )


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, request: Request, session: SessionDep) -> HTMLResponse:
    event = queries.get_event(session, event_id=event_id)
    if event is None:
        raise HTTPException(404, f"no event with id '{event_id[:64]}'")
    return TEMPLATES.TemplateResponse(request, "event.html", {"event": event})


def highlight(text: str, evidence: list[tuple[str, str, str]]) -> Markup:
    """The article text, escaped, with each evidence sentence marked and linked to its event."""
    html = str(escape(text))
    for quote, event_id, title in {q: (q, i, t) for q, i, t in evidence}.values():
        escaped = str(escape(quote))
        link = (
            f'<mark id="ev-{escape(event_id)}"><a href="/event/{escape(event_id)}" '
            f'title="{escape(title)}">{escaped}</a></mark>'
        )
        html = html.replace(escaped, link, 1)
    paragraphs = re.split(r"\n{2,}", html)
    return Markup("".join(f"<p>{p}</p>" for p in paragraphs))


def article_page(request: Request, session: Session, article: ArticleDetail) -> HTMLResponse:
    evidence = queries.list_article_evidence(session, article_id=article.id)
    return TEMPLATES.TemplateResponse(
        request,
        "article.html",
        {"article": article, "body": highlight(article.text, evidence), "evidence_count": len(evidence)},
    )


def rounds_page(request: Request, session: Session) -> HTMLResponse:
    _, rounds = queries.list_rounds(session, limit=500, offset=0)
    return TEMPLATES.TemplateResponse(request, "rounds.html", {"rounds": rounds})
