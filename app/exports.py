"""Turn events into downloadable formats: CSV rows, an iCalendar file and a TimelineJS3 document.

Pure functions over `EventPublic` objects: no database, no request. Article text is hostile input,
so every format escapes it for where it lands (spreadsheet formulas, iCalendar TEXT, HTML).
"""

import csv
import html
import io
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from app.models import EventPublic

CSV_COLUMNS = (
    "id",
    "title",
    "type",
    "status",
    "date",
    "date_end",
    "date_precision",
    "date_start",
    "round_number",
    "round_id",
    "round_label",
    "venue_slug",
    "venue_name",
    "venue_country",
    "actors",
    "actor_slugs",
    "source_count",
    "sources",
    "source_titles",
    "quotes",
    "confidence",
    "date_explanation",
    "summary",
    "url",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ICS_UID_DOMAIN = "peace-talks-timeline"
ICS_PRODID = "-//Peace Talks Timeline//Event exports//EN"
ICS_LINE_OCTETS = 75
# Control characters that neither iCalendar TEXT nor a sane spreadsheet cell should carry (tab and newline stay).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def iso(day: date) -> str:
    """A date as YYYY-MM-DD."""
    return day.isoformat()


def permalink(event_id: str, base_url: str = "") -> str:
    """The event's permalink page: a path, or an absolute URL when base_url is given."""
    return f"{base_url.rstrip('/')}/event/{event_id}"


# --- CSV ---------------------------------------------------------------------------------------


def neutralise_formula(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def csv_row(event: EventPublic) -> dict[str, str]:
    """One event as CSV cells (lists joined, every cell a formula-safe string)."""
    cells = {
        "id": event.id,
        "title": event.title,
        "type": event.type,
        "status": event.status,
        "date": iso(event.date),
        "date_end": iso(event.date_end),
        "date_precision": event.date_precision,
        "date_start": iso(event.date_start),
        "round_number": "" if not event.round or event.round.number is None else str(event.round.number),
        "round_id": event.round.id if event.round else "",
        "round_label": event.round.label if event.round else "",
        "venue_slug": event.venue.slug if event.venue else "",
        "venue_name": event.venue.name if event.venue else "",
        "venue_country": event.venue.country if event.venue else "",
        "actors": "; ".join(actor.name for actor in event.actors),
        "actor_slugs": "; ".join(actor.slug for actor in event.actors),
        "source_count": str(event.source_count),
        "sources": "; ".join(source.article_id for source in event.sources),
        "source_titles": "; ".join(source.article_title for source in event.sources),
        "quotes": " | ".join(source.quote for source in event.sources),
        "confidence": f"{event.confidence:g}",
        "date_explanation": event.date_explanation,
        "summary": event.summary,
        "url": permalink(event.id),
    }
    return {name: neutralise_formula(CONTROL_CHARACTERS.sub("", value)) for name, value in cells.items()}


def events_to_csv(events: Iterable[EventPublic]) -> str:
    """A CSV document (header row first, CRLF line ends as RFC 4180 asks) with one row per event."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for event in events:
        writer.writerow(csv_row(event))
    return buffer.getvalue()


# --- iCalendar -----------------------------------------------------------------------------------


def ics_text(value: str) -> str:
    """Escape a value for an iCalendar TEXT property (RFC 5545 §3.3.11)."""
    value = CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line into CRLF-joined pieces of at most 75 octets, never splitting a UTF-8 character."""
    pieces: list[str] = []
    current, size = "", 0
    limit = ICS_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1  # a continuation line starts with one space, which counts
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def ics_date(day: date) -> str:
    return day.strftime("%Y%m%d")


def day_after(day: date) -> date:
    """DTEND of an all-day event is exclusive: the day after the last day."""
    return day + timedelta(days=1)


def ics_description(event: EventPublic, url: str) -> str:
    """The plain-text body of a calendar entry: summary, how the date was worked out, and every quote."""
    parts = [event.summary] if event.summary else []
    if event.date_start != event.date_end:
        likeliest = f" (likeliest {iso(event.date)})" if event.date != event.date_start else ""
        parts.append(f"Date uncertain: between {iso(event.date_start)} and {iso(event.date_end)}{likeliest}.")
    if event.status == "planned":
        parts.append("Announced for the future (planned).")
    if event.date_explanation:
        parts.append(f"Date: {event.date_explanation}")
    for source in event.sources:
        published = f", {iso(source.published)}" if source.published else ""
        parts.append(f"“{source.quote}” — {source.article_title}{published}")
    parts.append(f"Permalink: {url}")
    return "\n\n".join(parts)


def ics_stamp(event: EventPublic) -> str:
    """DTSTAMP from the newest source's publication day, not the clock: the same data gives the same
    calendar, so its ETag holds and polling calendar apps get 304s."""
    published = [s.published for s in event.sources if s.published] or [event.date_end]
    return f"{ics_date(max(published))}T000000Z"


def ics_event_lines(event: EventPublic, *, base_url: str) -> list[str]:
    """The unfolded content lines of one all-day VEVENT (DTEND is exclusive: the day after date_end)."""
    url = permalink(event.id, base_url)
    stamp = ics_stamp(event)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{ICS_UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{ics_date(event.date_start)}",
        f"DTEND;VALUE=DATE:{ics_date(day_after(event.date_end))}",
        f"SUMMARY:{ics_text(event.title)}",
        f"DESCRIPTION:{ics_text(ics_description(event, url))}",
        f"CATEGORIES:{ics_text(event.type)}",
        f"STATUS:{'TENTATIVE' if event.status == 'planned' else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT",
    ]
    if event.venue:
        lines.append(f"LOCATION:{ics_text(event.venue.name)}")
        if event.venue.lat is not None and event.venue.lon is not None:
            lines.append(f"GEO:{event.venue.lat:.6f};{event.venue.lon:.6f}")
    if url.startswith(("http://", "https://")):  # URL is a URI value: only an absolute one is meaningful
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def events_to_ics(events: Iterable[EventPublic], *, base_url: str = "") -> str:
    """An RFC 5545 calendar with one all-day event per event, folded to 75 octets, CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{ICS_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Peace Talks Timeline",
    ]
    for event in events:
        lines.extend(ics_event_lines(event, base_url=base_url))
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)


# --- TimelineJS3 -------------------------------------------------------------------------------


def display_date(start: date, end: date) -> str:
    """A reader's date: '7 Mar 2022', '7–9 Mar 2022', '28 Feb – 6 Mar 2022', '28 Dec 2022 – 3 Jan 2023'."""
    if start == end:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if start.year != end.year:
        return f"{display_date(start, start)} – {display_date(end, end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"


def timelinejs_date(day: date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def timelinejs_text(event: EventPublic, url: str) -> str:
    """The HTML body of a slide: every piece of article text escaped, quotes as blockquotes."""
    parts = [f"<p>{html.escape(event.summary)}</p>"] if event.summary else []
    if event.date_explanation:
        parts.append(f"<p><em>Date: {html.escape(event.date_explanation)}</em></p>")
    for source in event.sources:
        published = f", {iso(source.published)}" if source.published else ""
        parts.append(
            f"<blockquote>{html.escape(source.quote)}</blockquote>"
            f"<p>— {html.escape(source.article_title)}{published}</p>"
        )
    parts.append(f'<p><a href="{html.escape(url)}">Permalink and sources</a></p>')
    return "".join(parts)


def timelinejs_event(event: EventPublic, *, base_url: str = "") -> dict[str, Any]:
    """One TimelineJS3 slide; end_date only for ranges, grouped by round label or else by type."""
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": timelinejs_date(event.date_start),
        "text": {
            "headline": html.escape(event.title),
            "text": timelinejs_text(event, permalink(event.id, base_url)),
        },
        "group": event.round.label if event.round else event.type,
        "display_date": display_date(event.date_start, event.date_end),
    }
    if event.date_end != event.date_start:
        slide["end_date"] = timelinejs_date(event.date_end)
    return slide


def events_to_timelinejs(
    events: Iterable[EventPublic], *, title: str = "Peace Talks Timeline", base_url: str = ""
) -> dict[str, Any]:
    """A TimelineJS3 document: a title slide and one slide per event."""
    slides = [timelinejs_event(event, base_url=base_url) for event in events]
    return {
        "title": {
            "text": {
                "headline": html.escape(title),
                "text": f"<p>{len(slides)} dated, sourced events of the Russia–Ukraine peace talks.</p>",
            }
        },
        "events": slides,
    }
