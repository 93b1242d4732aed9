"""The HTML pages: the timeline, an event's permalink, an article with its evidence, the rounds."""

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from sqlmodel import Session

from app import queries, timeline
from app.db import SessionDep
from app.models import ArticleDetail, EventPublic
from app.queries import EventFilters
from app.routes.params import event_filters

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent.parent.parent / "templates"))
TEMPLATES.env.trim_blocks = True  # the timeline page has a weight budget: no blank lines from template tags
TEMPLATES.env.lstrip_blocks = True
TEMPLATES.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}  # compact page data
TEMPLATES.env.filters["date_label"] = timeline.date_label
TEMPLATES.env.filters["date_range"] = timeline.format_range
TEMPLATES.env.filters["precision_phrase"] = timeline.precision_phrase
router = APIRouter(tags=["pages"], include_in_schema=False)

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def split_on(quote: str, date_text: str) -> tuple[str, str, str]:
    """The quote cut around its date expression, so the page can set the date in bold."""
    at = quote.find(date_text) if date_text else -1
    if at < 0:
        return quote, "", ""
    return quote[:at], date_text, quote[at + len(date_text) :]


TEMPLATES.env.filters["split_on"] = split_on


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split(",")[0]


@router.get("/", response_class=HTMLResponse)
def timeline_page(
    request: Request, session: SessionDep, filters: Annotated[EventFilters, Depends(event_filters)]
) -> HTMLResponse:
    page_filters = replace(filters, limit=timeline.CARD_CHUNK, sort="date")
    total, events = queries.list_events(session, filters=page_filters)
    _, venues = queries.list_venues(session, limit=500, offset=0)
    _, actors = queries.list_actors(session, limit=500, offset=0)
    options = timeline.facet_options(session, page_filters, venues, actors)
    extent = timeline.selection_extent(session, page_filters) if total else None
    grouping = timeline.choose_grouping(extent)
    params = timeline.filter_params(page_filters)
    next_offset = filters.offset + len(events)
    return TEMPLATES.TemplateResponse(
        request,
        "index.html",
        {
            "groups": timeline.group_events(events, grouping),
            "grouping": grouping,
            "chunk": timeline.CARD_CHUNK,
            "total": total,
            "shown_from": filters.offset + 1 if events else 0,
            "shown_to": next_offset,
            "next_offset": next_offset if next_offset < total else None,
            "next_url": timeline.page_url(page_filters, next_offset) if next_offset < total else None,
            "prev_url": timeline.page_url(page_filters, max(0, filters.offset - timeline.CARD_CHUNK))
            if filters.offset
            else None,
            "filters": page_filters,
            "options": options,
            "active": timeline.active_filters(page_filters, options),
            "axis": timeline.axis_data(session, page_filters, total=total, extent=extent, shown={e.id for e in events}),
            "extent": extent,
            "filter_query": urlencode(params),
            "json_url": "/events" + (f"?{urlencode(params)}" if params else ""),
        },
    )


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str, request: Request, session: SessionDep) -> HTMLResponse:
    event = queries.get_event(session, event_id=event_id)
    if event is None:
        raise HTTPException(404, f"no event with id '{event_id[:64]}'")
    start: date = event.date_start
    end: date = event.date_end
    return TEMPLATES.TemplateResponse(
        request,
        "event.html",
        {
            "event": event,
            "numbering": timeline.round_numbering_by_source(session, [event.id]) if event.round else [],
            "around_url": timeline.page_url(
                EventFilters(date_from=start - timedelta(days=7), date_to=end + timedelta(days=7))
            ),
        },
    )


def evidence_spans(text: str, evidence: list[tuple[str, str, str]]) -> list[tuple[int, int, list[str]]]:
    """(start, end, event ids) of each quoted sentence found in the text, in order, never overlapping."""
    events_by_quote: dict[str, list[str]] = {}
    for quote, event_id, _title in evidence:
        ids = events_by_quote.setdefault(quote, [])
        if event_id not in ids:
            ids.append(event_id)
    spans: list[tuple[int, int, list[str]]] = []
    for quote, ids in events_by_quote.items():
        words = quote.split()
        found = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
        if found:
            spans.append((found.start(), found.end(), ids))
    spans.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int, list[str]]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def highlight(text: str, evidence: list[tuple[str, str, str]], events: dict[str, EventPublic]) -> Markup:
    """The article text as escaped paragraphs, each evidence sentence marked and linked to its events.

    The first mark of an event carries the anchor `ev-ID`, which the timeline's source links point at.
    """
    spans = evidence_spans(text, evidence)
    anchored: set[str] = set()
    paragraphs: list[str] = []
    start = 0
    for end in [m.start() for m in PARAGRAPH_BREAK.finditer(text)] + [len(text)]:
        pieces, cursor = [], start
        for span_start, span_end, ids in spans:
            lo, hi = max(span_start, start), min(span_end, end)
            if lo >= hi:
                continue
            pieces.append(str(escape(text[cursor:lo])))
            pieces.append(evidence_mark(text[lo:hi], ids, events, anchored))
            cursor = hi
        pieces.append(str(escape(text[cursor:end])))
        paragraphs.append("".join(pieces).strip())
        match = PARAGRAPH_BREAK.match(text, end)
        start = match.end() if match else end
    return Markup("".join(f"<p>{p}</p>" for p in paragraphs if p))


def evidence_mark(sentence: str, ids: list[str], events: dict[str, EventPublic], anchored: set[str]) -> str:
    """One highlighted sentence linked to its first event, with a small link to each further event.

    Each event's first sentence carries its anchor `ev-ID`; when several events share the sentence,
    the further anchors are spans inside the mark, so every anchor lands on the sentence itself.
    """
    first, *others = ids
    event = events.get(first)
    title = escape(event.title) if event else ""
    inner = f'<a href="/event/{escape(first)}" title="{title}">{escape(sentence)}</a>'
    for other in others:
        if other not in anchored:
            inner = f'<span id="ev-{escape(other)}">{inner}</span>'
            anchored.add(other)
    attrs = f' id="ev-{escape(first)}"' if first not in anchored else ""
    anchored.add(first)
    html = f"<mark{attrs}{event_hooks(event) if event else ''}>{inner}</mark>"
    for other in others:
        label = escape(events[other].title) if other in events else "another event"
        html += f'<a class="also" href="/event/{escape(other)}">also: {label}</a>'
    return html


def event_hooks(event: EventPublic) -> Markup:
    """The data-* attributes that every element showing an event carries."""
    number = event.round.number if event.round and event.round.number is not None else ""
    venue = event.venue.slug if event.venue else ""
    return Markup(
        f' data-event-id="{escape(event.id)}" data-type="{escape(event.type)}"'
        f' data-round="{escape(number)}" data-venue="{escape(venue)}"'
    )


TEMPLATES.env.filters["event_hooks"] = event_hooks


def article_page(request: Request, session: Session, article: ArticleDetail) -> HTMLResponse:
    evidence = queries.list_article_evidence(session, article_id=article.id)
    _, events = queries.list_events(session, filters=EventFilters(article=article.id, limit=500))
    by_id = {e.id: e for e in events}
    return TEMPLATES.TemplateResponse(
        request,
        "article.html",
        {
            "article": article,
            "body": highlight(article.text, evidence, by_id),
            "events": events,
            "evidence_count": len({quote for quote, _, _ in evidence}),
        },
    )


def rounds_page(request: Request, session: Session) -> HTMLResponse:
    _, rounds = queries.list_rounds(session, limit=500, offset=0)
    rounds.sort(key=lambda r: (r.date, r.number is None, r.number or 0))  # Round 1 before Round 2 on one day
    event_ids = [event_id for r in rounds for event_id in r.event_ids]
    rows = list(timeline.events_by_id(session, event_ids).values())
    by_id = {e.id: e for e in queries.present_events(session, rows=rows)}
    return TEMPLATES.TemplateResponse(
        request,
        "rounds.html",
        {
            "rounds": rounds,
            "events": by_id,
            "numbering": {r.id: timeline.round_numbering_by_source(session, r.event_ids) for r in rounds},
        },
    )
