"""Tables (SQLModel) and the public schemas the API returns."""

import datetime as dt
from typing import Any

from pydantic import BaseModel
from sqlalchemy import JSON, BigInteger, Column, Index
from sqlmodel import Field, SQLModel

# --- tables ---------------------------------------------------------------------------------


class Article(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=32, description="hash of the article's content")
    filename: str
    title: str
    published: dt.date | None = None
    published_end: dt.date | None = None
    published_basis: str = Field(default="inferred", description="dateline | metadata | inferred | undated")
    published_evidence: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    text: str


class Venue(SQLModel, table=True):
    slug: str = Field(primary_key=True)
    name: str
    country: str
    lat: float | None = None
    lon: float | None = None


class Actor(SQLModel, table=True):
    slug: str = Field(primary_key=True)
    name: str
    side: str
    role: str = ""


class Round(SQLModel, table=True):
    id: str = Field(primary_key=True)
    number: int | None = Field(default=None, index=True)
    label: str
    venue_slug: str | None = Field(default=None, foreign_key="venue.slug")
    format: str = Field(default="unknown", description="in person | video | unknown")
    date: dt.date
    date_end: dt.date
    numbering: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Event(SQLModel, table=True):
    __table_args__ = (
        Index("ix_event_type_date", "type", "date"),
        Index("ix_event_venue_date", "venue_slug", "date"),
        Index("ix_event_round_date", "round_id", "date"),
        Index("ix_event_date", "date"),
        # a search joins its matches on search_rowid and orders them by date and id: read from the index alone
        Index("ix_event_search_rowid_date", "search_rowid", "date", "id"),
    )

    id: str = Field(primary_key=True)
    title: str
    summary: str = ""
    type: str
    date: dt.date  # the first day its sources allow
    date_end: dt.date
    date_precision: str
    # the likeliest day of that window when it is not the first (words reported without a date: the article's day
    # rather than the day before); the public 'date'
    date_best: dt.date | None = None
    status: str = "occurred"
    round_id: str | None = Field(default=None, foreign_key="round.id")
    round_claims: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    venue_slug: str | None = Field(default=None, foreign_key="venue.slug")
    confidence: float = 0.5
    source_count: int = 0
    conflicts: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    date_explanation: str = ""
    # the rowid of the event's row in SQLite's search index (app.search.search_rowid): a search joins on it
    # without reading each match's event_id from the index's stored text
    search_rowid: int | None = Field(default=None, sa_type=BigInteger)


class EventSource(SQLModel, table=True):
    __tablename__ = "event_source"
    __table_args__ = (Index("ix_event_source_event", "event_id"), Index("ix_event_source_article", "article_id"))

    id: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(foreign_key="event.id")
    article_id: str = Field(foreign_key="article.id")
    sentence_index: int
    quote: str
    date_text: str = ""
    date: dt.date
    date_end: dt.date
    date_precision: str
    round_number: int | None = None
    explanation: str = ""
    mention_type: str = ""
    status: str = "occurred"
    venue_slug: str | None = None
    actor_slugs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    anchored: bool = True


class EventActor(SQLModel, table=True):
    __tablename__ = "event_actor"

    event_id: str = Field(foreign_key="event.id", primary_key=True)
    actor_slug: str = Field(foreign_key="actor.slug", primary_key=True, index=True)


class EventJson(SQLModel, table=True):
    """Each event's public JSON (EventPublic, as /events serves it), written by the ingestion in the transaction
    that changes the event, its sources, people or round: a page of events is then read, not assembled."""

    __tablename__ = "event_json"

    event_id: str = Field(foreign_key="event.id", primary_key=True)
    body: str


# --- public schemas -------------------------------------------------------------------------


class IngestState(SQLModel, table=True):
    """One row whose generation goes up with every stored article: caches of responses key on it."""

    __tablename__ = "ingest_state"
    id: int = Field(default=1, primary_key=True)
    generation: int = 0


class RoundRef(BaseModel):
    id: str
    number: int | None
    label: str


class VenuePublic(BaseModel):
    slug: str
    name: str
    country: str
    lat: float | None = None
    lon: float | None = None


class ActorPublic(BaseModel):
    slug: str
    name: str
    side: str
    role: str = ""


class SourcePublic(BaseModel):
    article_id: str
    article_title: str
    published: dt.date | None
    quote: str
    date_text: str
    date: dt.date
    date_end: dt.date
    round_number: int | None = None
    explanation: str = ""


class EventPublic(BaseModel):
    id: str
    title: str
    summary: str
    type: str
    date: dt.date  # the best single day
    date_end: dt.date  # the last day the sources allow
    date_precision: str
    date_start: dt.date  # the first day the sources allow: 'date' unless a later day of the window is likelier
    status: str
    round: RoundRef | None
    round_claims: list[int]
    venue: VenuePublic | None
    actors: list[ActorPublic]
    sources: list[SourcePublic]
    source_count: int
    conflicts: list[str]
    date_explanation: str
    confidence: float


class ArticlePublic(BaseModel):
    id: str
    title: str
    filename: str
    published: dt.date | None
    published_end: dt.date | None
    published_basis: str
    published_evidence: list[str]
    event_count: int = 0


class ArticleDetail(ArticlePublic):
    text: str


class RoundPublic(BaseModel):
    id: str
    number: int | None
    label: str
    venue: VenuePublic | None
    format: str
    date: dt.date
    date_end: dt.date
    numbering: list[dict[str, Any]]
    event_ids: list[str]


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class EventPage(Page):
    events: list[EventPublic]
    next: str | None = Field(default=None, description="the URL of the next page, absent on the last one")
    facets: dict[str, dict[str, int]] | None = Field(
        default=None, description="with ?facets=…: counts per value of each named field, for the current selection"
    )


class ArticlePage(Page):
    articles: list[ArticlePublic]


class RoundPage(Page):
    rounds: list[RoundPublic]


class VenuePage(Page):
    venues: list[VenuePublic]


class ActorPage(Page):
    actors: list[ActorPublic]


class ErrorDetail(BaseModel):
    status: int
    message: str = Field(description="what was wrong, naming the parameter")
    parameter: str | None = Field(default=None, description="the query or path parameter at fault")


class ErrorBody(BaseModel):
    """The one shape of every error response."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "no such item"},
    422: {"model": ErrorBody, "description": "a parameter has a bad value; the message names it"},
}
