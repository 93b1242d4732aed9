"""Downloads of the filtered timeline: /events.csv, /events.ics and /events.timelinejs.json.

Each route takes the same filters as GET /events (validated by the same dependency, so a bad value is
the same 422) and exports every matching event, not one page of them.
"""

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlmodel import Session

from app import exports, queries
from app.db import SessionDep, run_query
from app.models import ErrorBody, EventPublic
from app.queries import EventFilters
from app.routes.params import event_filters

router = APIRouter(tags=["exports"])
FiltersDep = Annotated[EventFilters, Depends(event_filters)]
EXPORT_PAGE_SIZE = 500
Rendered = TypeVar("Rendered")
ALL_EVENTS_NOTE = (
    "Takes the same filters as `GET /events` (`round`, `venue`, `country`, `type` (repeatable), `actor`, `from`, "
    "`to`, `q`, `article`, `sort`) and exports **every** matching event in `sort` order. `limit` and `offset` are "
    "validated like on `/events` but ignored: an export is never a single page. A bad filter value is a 422 JSON "
    "error naming the parameter."
)


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with its $defs written in place, so it stands alone inside an OpenAPI response."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/$defs/"):
                return resolve(definitions[node["$ref"].removeprefix("#/$defs/")])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


# Declared by hand: a `model` here would be listed under the route's own media type (text/csv), not JSON.
FILTER_ERROR: dict[int | str, dict[str, Any]] = {
    422: {
        "description": "A filter value is invalid; the JSON error names the parameter.",
        "content": {"application/json": {"schema": inline_schema(ErrorBody)}},
    }
}


class CSVResponse(Response):
    media_type = "text/csv"


class CalendarResponse(Response):
    media_type = "text/calendar"


def all_matching_events(
    session: Session, *, filters: EventFilters, page_size: int = EXPORT_PAGE_SIZE
) -> list[EventPublic]:
    """Every event the filters select, read page by page through queries.list_events."""
    events: list[EventPublic] = []
    while True:
        total, page = queries.list_events(session, filters=replace(filters, limit=page_size, offset=len(events)))
        events.extend(page)
        if not page or len(events) >= total:
            return events


def _exported(session: Session, filters: EventFilters, render: Callable[[list[EventPublic]], Rendered]) -> Rendered:
    """Every matching event, rendered: the whole of an export's work, run on the query thread (`run_query`), so
    that exports under load take turns there instead of dozens of request threads taking turns at the GIL."""
    return render(all_matching_events(session, filters=filters))


def attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


@router.get(
    "/events.csv",
    response_class=CSVResponse,
    summary="Events as CSV",
    description=(
        "One row per event with the columns "
        + ", ".join(f"`{column}`" for column in exports.CSV_COLUMNS)
        + ". Lists are joined: actors, actor slugs, source article ids and titles with `; `, quotes with ` | `. "
        "`url` is the event's permalink path. Cells that a spreadsheet would read as a formula (starting with "
        "`=`, `+`, `-`, `@`, tab or carriage return) get a leading apostrophe.\n\n" + ALL_EVENTS_NOTE
    ),
    responses={200: {"content": {"text/csv": {}}, "description": "A CSV attachment, events.csv"}, **FILTER_ERROR},
)
async def export_csv(session: SessionDep, filters: FiltersDep) -> Response:
    body = await run_query(_exported, session, filters, exports.events_to_csv)
    return CSVResponse(body, headers=attachment("events.csv"))


@router.get(
    "/events.ics",
    response_class=CalendarResponse,
    summary="Events as an iCalendar file",
    description=(
        "An RFC 5545 calendar with one all-day event per event: `DTSTART;VALUE=DATE` is the event's first possible "
        "day and `DTEND;VALUE=DATE` the day after its last (exclusive), so an uncertain date is a multi-day entry. "
        "`UID` is `{id}@peace-talks-timeline` and stays the same across exports; `SUMMARY` is the title, "
        "`DESCRIPTION` explains the date and quotes every source, `LOCATION` is the venue's name and `URL` the "
        "event's permalink.\n\n" + ALL_EVENTS_NOTE
    ),
    responses={
        200: {"content": {"text/calendar": {}}, "description": "An iCalendar attachment, events.ics"},
        **FILTER_ERROR,
    },
)
async def export_ics(request: Request, session: SessionDep, filters: FiltersDep) -> Response:
    body = await run_query(_exported, session, filters, partial(exports.events_to_ics, base_url=str(request.base_url)))
    return CalendarResponse(body, headers=attachment("events.ics"))


@router.get(
    "/events.timelinejs.json",
    response_class=JSONResponse,
    summary="Events in the TimelineJS3 format",
    description=(
        "A TimelineJS3 document (`title` and `events`) to load into TimelineJS. Each slide has `unique_id` (the "
        "event id, stable across exports), `start_date` and, for a date range, `end_date` (`year`, `month`, `day`), "
        "`display_date` (e.g. `28 Feb – 6 Mar 2022`), `group` (the round's label, else the event type) and `text` "
        "(`headline`, and HTML `text` with the summary, the date explanation, the quotes and a permalink; all "
        "article text HTML-escaped).\n\n" + ALL_EVENTS_NOTE
    ),
    responses={200: {"content": {"application/json": {}}, "description": "A TimelineJS3 document"}, **FILTER_ERROR},
)
async def export_timelinejs(request: Request, session: SessionDep, filters: FiltersDep) -> dict[str, Any]:
    render = partial(exports.events_to_timelinejs, base_url=str(request.base_url))
    document: dict[str, Any] = await run_query(_exported, session, filters, render)
    return document
