"""Shapes the timeline page: date labels, card groups, filter options with counts, and the axis data."""

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import func
from sqlalchemy import select as select_columns
from sqlalchemy.sql import Subquery
from sqlmodel import Session, col, select

from app import queries
from app.models import ActorPublic, Article, Event, EventPublic, EventSource, Round, Venue, VenuePublic
from app.queries import EVENT_TYPES, EventFilters

# Cards the server renders per page; the script fetches the next chunks from /events as the reader scrolls.
CARD_CHUNK = 50
# Above this many selected events the axis draws only density bins (and the rounds), not one mark per event.
MARK_LIMIT = 400
ROUND_MARK_LIMIT = 100
# A selection spanning at most this many days is grouped by week instead of by month.
WEEK_GROUPING_DAYS = 45

TYPE_LABELS = {
    "round": "Rounds",
    "ministerial": "Ministerial",
    "proposal": "Proposals",
    "statement": "Statements",
    "humanitarian": "Humanitarian",
    "prisoners": "Prisoners",
    "atrocity": "Atrocities",
    "military": "Military",
    "diplomacy": "Diplomacy",
    "aid": "Aid & sanctions",
}
PRECISION_PHRASES = {
    "day": "",
    "week": "some day that week",
    "month": "some day that month",
    "range": "some day in this window",
}
# Display names of the venue countries (ISO 3166 alpha-2); an unknown code is shown as it is.
COUNTRY_NAMES = {
    "AE": "UAE",
    "BY": "Belarus",
    "CH": "Switzerland",
    "DK": "Denmark",
    "IL": "Israel",
    "PL": "Poland",
    "QA": "Qatar",
    "RU": "Russia",
    "SA": "Saudi Arabia",
    "TR": "Turkey",
    "UA": "Ukraine",
    "US": "United States",
    "VA": "Vatican",
    "online": "Video link",
}


# --- dates ------------------------------------------------------------------------------------


def format_range(start: date, end: date) -> str:
    """'7 Mar 2022', '28 Feb – 6 Mar 2022' or '30 Dec 2021 – 2 Jan 2022'."""
    if start == end:
        return start.strftime("%-d %b %Y")
    if start.year == end.year:
        return f"{start.strftime('%-d %b')} – {end.strftime('%-d %b %Y')}"
    return f"{start.strftime('%-d %b %Y')} – {end.strftime('%-d %b %Y')}"


def date_label(event: EventPublic) -> str:
    return format_range(event.date_start, event.date_end)


def precision_phrase(event: EventPublic) -> str:
    """How uncertain the date is, in words; empty for an exact day."""
    if event.date_start == event.date_end:
        return ""
    return PRECISION_PHRASES.get(event.date_precision, "some day in this window")


def round_marker_label(number: int | None, venue_name: str | None) -> str:
    """The label of a round on the axis: 'Round 3 — Brest region', 'Talks — Istanbul'."""
    name = f"Round {number}" if number is not None else "Talks"
    return f"{name} — {venue_name}" if venue_name else name


# --- card groups ------------------------------------------------------------------------------


@dataclass
class EventGroup:
    key: str
    heading: str
    events: list[EventPublic] = field(default_factory=list)


def group_key(day: date, grouping: str) -> tuple[str, str]:
    """The key and heading of the month or week (from Monday) a day belongs to."""
    if grouping == "week":
        monday = day - timedelta(days=day.weekday())
        return f"w{monday.isoformat()}", f"Week of {monday.strftime('%-d %b %Y')}"
    return f"m{day.strftime('%Y-%m')}", day.strftime("%B %Y")


def choose_grouping(extent: tuple[date, date] | None) -> str:
    if extent and (extent[1] - extent[0]).days <= WEEK_GROUPING_DAYS:
        return "week"
    return "month"


def group_events(events: list[EventPublic], grouping: str) -> list[EventGroup]:
    groups: dict[str, EventGroup] = {}
    for event in events:
        key, heading = group_key(event.date, grouping)
        groups.setdefault(key, EventGroup(key, heading)).events.append(event)
    return list(groups.values())


# --- filter URLs and options ------------------------------------------------------------------


def filter_params(filters: EventFilters) -> list[tuple[str, str]]:
    """The filters as query parameters, in a fixed order, without paging."""
    params: list[tuple[str, str]] = []
    for name, value in (
        ("round", filters.round),
        ("venue", filters.venue),
        ("country", filters.country),
        ("actor", filters.actor),
        ("from", filters.date_from.isoformat() if filters.date_from else None),
        ("to", filters.date_to.isoformat() if filters.date_to else None),
        ("q", filters.q),
        ("article", filters.article),
    ):
        if value:
            params.append((name, value))
    params.extend(("type", t) for t in filters.types)
    return params


def page_url(filters: EventFilters, offset: int = 0) -> str:
    params = filter_params(filters) + ([("offset", str(offset))] if offset else [])
    return "/?" + urlencode(params) if params else "/"


def without(filters: EventFilters, facet: str) -> EventFilters:
    """The filters with one facet cleared."""
    cleared_by_facet: dict[str, dict[str, Any]] = {
        "type": {"types": ()},
        "round": {"round": None},
        "venue": {"venue": None},
        "country": {"country": None},
        "actor": {"actor": None},
        "from": {"date_from": None},
        "to": {"date_to": None},
        "q": {"q": None},
        "article": {"article": None},
    }
    return replace(filters, offset=0, **cleared_by_facet[facet])


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    href: str


def facet_counts(session: Session, filters: EventFilters) -> dict[str, Counter[str]]:
    """Counts per option, each facet counted with its own filter cleared, so a count is what choosing it shows."""
    base = queries.facet_counts(session, filters=filters)
    counts = {name: base[name] for name in ("type", "round", "venue", "actor")}
    counts["country"] = Counter()
    active = {"type": bool(filters.types), "round": bool(filters.round), "venue": bool(filters.venue)}
    active |= {"actor": bool(filters.actor)}
    for name, is_active in active.items():
        if is_active:
            counts[name] = queries.facet_counts(session, filters=without(filters, name))[name]
    venue_counts = (
        queries.facet_counts(session, filters=without(filters, "country"))["venue"]
        if filters.country
        else base["venue"]
    )
    countries = dict(session.exec(select(Venue.slug, Venue.country)).all())
    for slug, n in venue_counts.items():
        counts["country"][countries.get(slug, "")] += n
    return counts


def facet_options(
    session: Session, filters: EventFilters, venues: list[VenuePublic], actors: list[ActorPublic]
) -> dict[str, list[FacetOption]]:
    """Every option of every filter with its count; options with no events are left out unless selected."""
    counts = facet_counts(session, filters)
    options: dict[str, list[FacetOption]] = {}

    def toggled_type(value: str) -> str:
        types = tuple(t for t in filters.types if t != value)
        return page_url(replace(filters, types=types if value in filters.types else (*filters.types, value)))

    options["type"] = [
        FacetOption(t, TYPE_LABELS[t], counts["type"][t], t in filters.types, toggled_type(t))
        for t in EVENT_TYPES
        if counts["type"][t] or t in filters.types
    ]
    chosen_country = (filters.country or "").lower()  # the filter ignores case: ?country=by is Belarus
    country_codes = sorted(counts["country"], key=lambda c: (-counts["country"][c], c))
    if chosen_country and chosen_country not in {c.lower() for c in country_codes}:
        country_codes.append(filters.country or "")
    options["country"] = [
        FacetOption(
            code,
            COUNTRY_NAMES.get(code, code),
            counts["country"][code],
            code.lower() == chosen_country,
            page_url(replace(filters, country=None if code.lower() == chosen_country else code)),
        )
        for code in country_codes
        if code
    ]
    round_numbers = sorted(counts["round"], key=int)
    if filters.round and filters.round not in round_numbers:
        round_numbers.append(filters.round)
    options["round"] = [
        FacetOption(n, f"Round {n}" if n.isdigit() else n, counts["round"][n], n == filters.round, "")
        for n in round_numbers
    ]
    options["venue"] = [
        FacetOption(v.slug, v.name, counts["venue"][v.slug], v.slug == filters.venue, "")
        for v in sorted(venues, key=lambda v: v.name)
        if counts["venue"][v.slug] or v.slug == filters.venue
    ]
    options["actor"] = [
        FacetOption(a.slug, a.name, counts["actor"][a.slug], a.slug == filters.actor, "")
        for a in sorted(actors, key=lambda a: a.name)
        if counts["actor"][a.slug] or a.slug == filters.actor
    ]
    return options


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_href: str


def active_filters(filters: EventFilters, options: dict[str, list[FacetOption]]) -> list[ActiveFilter]:
    """One removable chip per filter in use, named the way the options name it."""
    names = {facet: {o.value: o.label for o in opts} for facet, opts in options.items()}
    chips = [
        ActiveFilter(TYPE_LABELS.get(t, t), page_url(replace(filters, types=tuple(x for x in filters.types if x != t))))
        for t in filters.types
    ]
    for facet, value, prefix in (
        ("round", filters.round, ""),
        ("venue", filters.venue, "at "),
        ("country", filters.country, "in "),
        ("actor", filters.actor, "with "),
        ("from", filters.date_from, "from "),
        ("to", filters.date_to, "to "),
        ("q", filters.q, "matching "),
        ("article", filters.article, "from article "),
    ):
        if value:
            label = names.get(facet, {}).get(str(value), str(value))
            chips.append(ActiveFilter(f"{prefix}{label}", page_url(without(filters, facet))))
    return chips


# --- the axis ---------------------------------------------------------------------------------


def selected_events(session: Session, filters: EventFilters) -> Subquery:
    """The events the filters select, as a subquery: the query module's one definition of a filter."""
    return queries.select_filtered(session, filters).subquery()


def daily_counts(session: Session, filters: EventFilters | None, start: date, days: int) -> list[int]:
    """Events per start day from `start`, for the selection (or for every event when filters is None)."""
    if filters is None:
        stmt = select(col(Event.date), func.count()).group_by(col(Event.date))
    else:
        selected = selected_events(session, filters)
        stmt = select(selected.c.date, func.count()).group_by(selected.c.date)
    counts = [0] * days
    for day, n in session.exec(stmt).all():
        index = (day - start).days
        if 0 <= index < days:
            counts[index] += n
    return counts


def axis_marks(
    session: Session, filters: EventFilters, *, types: tuple[str, ...], limit: int, untitled: set[str]
) -> list[list[Any]]:
    """[id, type, start, end, round number, venue slug, title, label, planned] for the selected events, by date.

    Events in `untitled` have their cards on the page, so the script takes their titles from there.
    """
    selected = selected_events(session, replace(filters, types=types or filters.types))
    stmt = (
        select_columns(  # sqlmodel's select is typed for at most four columns
            selected.c.id,
            selected.c.type,
            selected.c.date,
            selected.c.date_end,
            col(Round.number),
            selected.c.venue_slug,
            selected.c.title,
            col(Venue.name),
            selected.c.status,
        )
        .outerjoin(Round, col(Round.id) == selected.c.round_id)
        .outerjoin(Venue, col(Venue.slug) == selected.c.venue_slug)
        .order_by(selected.c.date, selected.c.id)
        .limit(limit)
    )
    return [
        [
            event_id,
            kind,
            start.isoformat(),
            end.isoformat(),
            number,
            venue or "",
            "" if event_id in untitled else title,
            round_marker_label(number, venue_name) if kind == "round" else "",
            1 if status == "planned" else 0,
        ]
        for event_id, kind, start, end, number, venue, title, venue_name, status in session.execute(stmt).all()
    ]


def selection_extent(session: Session, filters: EventFilters) -> tuple[date, date] | None:
    selected = selected_events(session, filters)
    first: date | None
    last: date | None
    first, last = session.exec(select(func.min(selected.c.date), func.max(selected.c.date_end))).one()
    return (first, last) if first and last else None


def axis_data(
    session: Session, filters: EventFilters, *, total: int, extent: tuple[date, date] | None, shown: set[str]
) -> dict[str, Any]:
    """What the script needs to draw the axis: the whole span, the selection's density, and its marks."""
    first: date | None
    last: date | None
    first, last = session.exec(select(func.min(col(Event.date)), func.max(col(Event.date_end)))).one()
    if not first or not last:
        return {"domain": None, "selection": None, "total": 0, "marks": [], "complete": True}
    days = (last - first).days + 1
    filtered = bool(filter_params(filters))
    if total <= MARK_LIMIT:
        marks, complete = axis_marks(session, filters, types=(), limit=MARK_LIMIT, untitled=shown), True
    else:
        rounds_only = ("round",) if not filters.types or "round" in filters.types else ("__none__",)
        marks = axis_marks(session, filters, types=rounds_only, limit=ROUND_MARK_LIMIT, untitled=shown)
        complete = False
    return {
        "domain": [first.isoformat(), last.isoformat()],
        "selection": [extent[0].isoformat(), extent[1].isoformat()] if extent else None,
        "filtered": filtered,
        "total": total,
        "density": daily_counts(session, filters, first, days),
        "background": daily_counts(session, None, first, days) if filtered else None,
        "marks": marks,
        "complete": complete,
        "types": list(EVENT_TYPES),
        "labels": TYPE_LABELS,
    }


# --- rounds -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceNumbering:
    article_id: str
    article_title: str
    number: int | None


def round_numbering_by_source(session: Session, event_ids: list[str]) -> list[SourceNumbering]:
    """The round number each article gave the round's events, one line per article and number."""
    if not event_ids:
        return []
    stmt = (
        select(EventSource.article_id, Article.title, EventSource.round_number)
        .join(Article, col(Article.id) == EventSource.article_id)
        .where(col(EventSource.event_id).in_(event_ids))
        .order_by(col(EventSource.id))
    )
    seen: dict[tuple[str, int | None], SourceNumbering] = {}
    for article_id, title, number in session.exec(stmt).all():
        seen.setdefault((article_id, number), SourceNumbering(article_id, title, number))
    return list(seen.values())


def events_by_id(session: Session, event_ids: list[str]) -> dict[str, Event]:
    if not event_ids:
        return {}
    return {e.id: e for e in session.exec(select(Event).where(col(Event.id).in_(event_ids)))}
