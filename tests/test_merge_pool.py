"""The merge pool's index only narrows which events are compared: merging through it gives what comparing
every mention with every event gives, and an undone merge leaves nothing behind."""

from dataclasses import replace
from datetime import date

from app.benchmarks.synthetic import content_hash, iter_articles
from app.ingest.clean import clean_article
from app.ingest.extract import extract_mentions
from app.ingest.merge import EventPool
from app.ingest.published import work_out_published
from app.ingest.types import CorpusContext, EventMention, MergedEvent, RawArticle


class EveryEventPool(EventPool):
    """A pool without an index: each mention is compared with every event."""

    def candidates(self, mention: EventMention) -> list[MergedEvent]:
        return list(self.by_id.values())


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
    assert indexed.by_id == every.by_id
    assert len(indexed.by_id) < sum(len(e.mentions) for e in indexed.by_id.values())  # some merges happened


def test_a_rolled_back_article_leaves_no_event_to_merge_into() -> None:
    (first,) = article_mentions(1)
    reprint = [replace(m, article_id="another-article") for m in first]  # the same text in another outlet
    pool = EventPool()
    pool.merge(first)
    pool.rollback()
    assert pool.by_id == {}
    pool.merge(reprint)  # it would merge into the undone events if any were left
    assert {m.article_id for e in pool.by_id.values() for m in e.mentions} == {"another-article"}
