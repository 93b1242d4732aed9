"""The merge pool's index only narrows which events are compared: merging through it gives what comparing
every mention with every event gives, and an undone merge leaves nothing behind."""

import tracemalloc
from dataclasses import replace
from datetime import date

from app.benchmarks.synthetic import content_hash, iter_articles
from app.ingest.clean import clean_article
from app.ingest.extract import extract_mentions
from app.ingest.merge import EventPool
from app.ingest.published import work_out_published
from app.ingest.stored_events import StoredEvents
from app.ingest.types import CorpusContext, DateRange, EventMention, MergedEvent, RawArticle

DAY = date(2030, 1, 1)


class EveryEventPool(EventPool):
    """A pool without an index: each mention is compared with every event."""

    def candidates(self, mention: EventMention) -> list[MergedEvent]:
        return self.events()


def article_mentions(count: int) -> list[list[EventMention]]:
    context = CorpusContext(2022, date(2022, 2, 24))
    mentions = []
    for name, text in iter_articles(count, seed=11):
        article = clean_article(RawArticle(name, name, text, content_hash(text)))
        mentions.append(extract_mentions(article, work_out_published(article, context)))
    return mentions


def test_the_index_chooses_as_comparing_with_every_event_does() -> None:
    indexed, every = EventPool(), EveryEventPool()
    for mentions in article_mentions(150):
        assert indexed.merge(mentions) == every.merge(mentions)
        indexed.commit()
        every.commit()
    assert indexed.events() == every.events()
    assert len(indexed.events()) < sum(len(e.mentions) for e in indexed.events())  # some merges happened


def test_a_rolled_back_article_leaves_no_event_to_merge_into() -> None:
    (first,) = article_mentions(1)
    reprint = [replace(m, article_id="another-article") for m in first]  # the same text in another outlet
    pool = EventPool()
    pool.merge(first)
    pool.rollback()
    assert pool.events() == []
    pool.merge(reprint)  # it would merge into the undone events if any were left
    assert {m.article_id for e in pool.events() for m in e.mentions} == {"another-article"}


def test_stored_events_read_back_as_they_were_put() -> None:
    events = EventPool()
    for mentions in article_mentions(40):
        events.merge(mentions)
        events.commit()
    every = events.events()
    assert len(every) > 100 and {e.venue_slug for e in every} >= {None} and any(e.round_claims for e in every)
    stored = StoredEvents()
    stored.put((e, [], []) for e in every)
    for event in every:
        assert stored.full(event.id) == event
        bare = replace(event, mentions=(), title="", summary="", conflicts=(), date_explanation="")
        assert stored.key(event.id) == bare
    stored.close()


def test_the_pool_memory_stays_flat_as_articles_are_added() -> None:
    """Only the keys of the most recently used events stay in memory; the events themselves go to disk."""
    pool = EventPool(cached_keys=200)
    articles = article_mentions(400)
    tracemalloc.start()
    try:
        for count, mentions in enumerate(articles, 1):
            pool.merge(mentions)
            pool.commit()
            if count == 100:
                after_100 = tracemalloc.get_traced_memory()[0]
        after_400 = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    events = pool.events()
    assert len(events) > 4000  # about 18 events an article, most of them new
    # kept in memory with their mentions, the 7,000-odd events of these articles grew by 5.5 MB over the last 300
    assert after_400 - after_100 < 1_000_000
    pool.close()


def test_keeping_a_stored_event_the_merge_did_not_touch_replaces_its_lanes() -> None:
    first, second = article_mentions(2)
    pool, every = EventPool(cached_keys=10), EveryEventPool()
    for target in (pool, every):
        target.merge(first)
        target.commit()
    stored = pool.events()[0]
    for kept in (replace(stored, title="Kept as it was"), replace(stored, range=DateRange(DAY, DAY, "day"))):
        for target in (pool, every):
            target.keep_as(kept)
            target.commit()
            target.merge(second)
            target.commit()
        assert pool.events() == every.events()
        assert kept in pool.events()


def test_an_article_merged_again_is_compared_with_its_own_events_in_full() -> None:
    """The rules of one article (here: one speaker's undated words belong to that speaker's statement) need the
    events' mentions: an event on disk that the mention's own article told of is read in full."""
    said = EventMention(
        "article-a", 3, "Zelensky said on March 1 that talks continue.", "statement", "occurred",
        DateRange(date(2022, 3, 1), date(2022, 3, 1), "day"), "March 1", "explicit", actor_slugs=("zelensky",),
    )  # fmt: skip
    more = EventMention(
        "article-a", 4, "He added that the delegation would travel.", "statement", "occurred",
        DateRange(date(2022, 3, 3), date(2022, 3, 3), "day"), "", "publication day", actor_slugs=("zelensky",),
        anchored=False,
    )  # fmt: skip
    pool, every = EventPool(), EveryEventPool()
    for target in (pool, every):
        target.merge([said])
        target.commit()
        target.merge([more])
    assert pool.events() == every.events()
    assert [len(e.mentions) for e in pool.events()] == [2]
