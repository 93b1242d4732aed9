from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.db import get_engine
from app.ingest import store
from app.ingest.__main__ import main
from app.ingest.merge import merge_mentions
from tests.conftest import SEEDS
from tests.test_extract import mentions_of


def table_counts() -> dict[str, int]:
    with Session(get_engine()) as session:
        return {
            t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("article", "event", "event_source", "event_actor", "round")
        }


def test_reingesting_the_seeds_changes_nothing(empty_db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(SEEDS)]) == 0
    before = table_counts()
    assert main([str(SEEDS)]) == 0
    assert table_counts() == before
    assert "0 stored, 5 already known" in capsys.readouterr().out


def test_bad_files_are_rejected_by_name_and_good_ones_stored(empty_db: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02abc")
    (folder / "good article.txt").write_text((SEEDS / "002_837339c1a1e70bce.txt").read_text())
    assert main([str(folder)]) == 1
    out = capsys.readouterr().out
    assert "empty.txt: the file is empty" in out
    assert "binary.bin: binary data" in out
    assert "Traceback" not in out
    assert table_counts()["article"] == 1


def test_missing_path_is_reported(empty_db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["/no/such/file.txt"]) == 1
    assert "no such file" in capsys.readouterr().out


def test_latin1_text_is_decoded(empty_db: str, tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Pourparlers à Istanbul\n\nMarch 29, 2022\nThe talks in Istanbul were held on Tuesday.".encode("latin-1")
    )
    assert main([str(path)]) == 0


def test_a_dateline_without_a_year_is_read_after_the_articles_that_give_theirs(empty_db: str, tmp_path: Path) -> None:
    """'BELOVEZHSKAYA PUSHCHA, Belarus, March 7 (Reuters)' fixes a day; its year comes from what the dated
    articles establish, not from a background year of the text ('since 1994')."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_wire.txt").write_text(
        "Small gains on corridors\n\nBELOVEZHSKAYA PUSHCHA, Belarus, March 7 (Reuters) - Negotiators met on "
        "Monday for a third round of talks. Lukashenko, who has ruled Belarus since 1994, hosted them."
    )
    (folder / "b_dated.txt").write_text(
        "Talks in Belarus\n\nMarch 3, 2022\n\nThe delegations met in the Brest region on Thursday."
    )
    assert main([str(folder)]) == 0
    with Session(get_engine()) as session:
        published = dict(session.execute(text("SELECT filename, published FROM article")).all())
    assert str(published["a_wire.txt"])[:10] == "2022-03-07"  # a date on PostgreSQL, its ISO text on SQLite


def test_preparing_ahead_in_worker_processes_gives_what_one_by_one_gives(tmp_path: Path) -> None:
    """The batch is large enough for worker processes; the same batch read one article after the other must
    end in the same rows, table by table."""
    import sqlite3

    import app.ingest.ahead as ahead
    from app.ingest.pipeline import ingest_paths
    from app.migrate import upgrade_database
    from tests.conftest import use_database
    from tests.test_atomicity import synthetic_article

    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ahead.PARALLEL_FROM + 16):
        (folder / f"a{number:03}.txt").write_text(synthetic_article(number))
    databases = {}
    for mode, threshold in (("parallel", ahead.PARALLEL_FROM), ("sequential", 10**9)):
        databases[mode] = tmp_path / f"{mode}.db"
        use_database(f"sqlite:///{databases[mode]}")
        upgrade_database()
        ahead.PARALLEL_FROM = threshold
        try:
            with Session(get_engine()) as session:
                verdicts = ingest_paths(session, [folder])
        finally:
            ahead.PARALLEL_FROM = 64
        assert {v.status for v in verdicts} == {"stored"}
    for table in ("article", "event", "event_source", "event_actor", "round", "event_fts"):
        rows = {}
        for mode, path in databases.items():
            with sqlite3.connect(path) as connection:
                rows[mode] = connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        assert rows["parallel"] == rows["sequential"], table


def test_worker_processes_do_not_outlive_a_killed_ingestion(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    import app.ingest.ahead as ahead
    from tests.conftest import ROOT
    from tests.test_atomicity import synthetic_article

    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ahead.PARALLEL_FROM * 3):
        (folder / f"a{number:03}.txt").write_text(synthetic_article(number))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'killed.db'}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app.ingest", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def children() -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if (
                    entry.name.isdigit()
                    and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == process.pid
                ):
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
        return found

    workers: list[int] = []
    for _ in range(300):
        if (workers := children()) or process.poll() is not None:
            break
        time.sleep(0.05)
    assert workers, "the ingestion started no worker processes, so nothing was tested"
    process.send_signal(signal.SIGKILL)
    process.wait()
    for _ in range(100):
        if not any(Path(f"/proc/{pid}").exists() for pid in workers):
            break
        time.sleep(0.05)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


# round 2 stored first with only a range; the first and the third round, stored after it, narrow it to the days
# between theirs (March 1 to 6)
ROUNDS_NARROWED_LATER = {
    "second.txt": "Talks\n\nMarch 8, 2022\n\nIn the second round of peace talks, the sides agreed on corridors.",
    "first.txt": "Talks\n\nMarch 1, 2022\n\nThe first round of peace talks was held on Monday in the Gomel region.",
    "third.txt": "Talks\n\nMarch 8, 2022\n\nThe third round of peace talks was held on Monday in the Brest region.",
}


def test_rounds_redone_article_by_article_are_the_rounds_redone_from_scratch(tmp_path: Path) -> None:
    """Each article redoes only the rounds it touched and their numbered neighbours; redoing every round
    afterwards must change nothing. The second round, stored first with only a range, is narrowed by the first
    and the third as they arrive, to the days between theirs."""
    from app.benchmarks.synthetic import write_articles
    from app.ingest.pipeline import ingest_paths
    from app.ingest.store import rebuild_rounds
    from app.migrate import upgrade_database
    from tests.conftest import fresh_database_url, use_database

    synthetic = tmp_path / "synthetic"
    synthetic.mkdir()
    write_articles(synthetic, 60, seed=5)
    use_database(fresh_database_url(tmp_path / "rounds.db"))
    upgrade_database()
    rounds = text("SELECT id, number, label, venue_slug, format, date, date_end FROM round ORDER BY id")
    events = text("SELECT id, round_id, date, date_end FROM event WHERE type = 'round' ORDER BY id")
    with Session(get_engine()) as session:
        for name, report in ROUNDS_NARROWED_LATER.items():
            (tmp_path / name).write_text(report)
            ingest_paths(session, [tmp_path / name])
        second = session.execute(text("SELECT date, date_end FROM round WHERE number = 2")).one()
        assert (str(second.date), str(second.date_end)) == ("2022-03-01", "2022-03-06")
        ingest_paths(session, [synthetic])
        incremental = (session.execute(rounds).all(), session.execute(events).all())
        rebuild_rounds(session, None)
        session.commit()
        assert (session.execute(rounds).all(), session.execute(events).all()) == incremental


def test_the_wars_start_is_the_day_most_stored_events_name_not_the_earliest() -> None:
    corpus = store.Corpus.__new__(store.Corpus)  # no database needed: what it knows is set here
    corpus.years, corpus.named_years = Counter({2022: 3}), Counter()
    corpus.earliest_published = None
    corpus.start_counts = Counter({date(2022, 2, 24): 2, date(2021, 2, 24): 1})  # one article misread
    assert corpus.context().conflict_start == date(2022, 2, 24)
    corpus.start_counts = Counter({date(2022, 2, 24): 1, date(2022, 2, 23): 1, date(2021, 1, 1): 0})
    assert corpus.context().conflict_start == date(2022, 2, 23)  # equals: the earliest; a day no longer named: none


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Russia invaded Ukraine on February 24, 2022.", date(2022, 2, 24)),
        ("On February 24, 2023, the first anniversary of the invasion, China published a paper.", None),
        # the war's start told in a sentence about something else: that day, as an event of its own
        (
            "It is the first meeting of the ministers since Russia launched its invasion on 24 February.",
            date(2023, 2, 24),
        ),
        # a day told beside the words, not as the day they name
        ("For the first time since this war began, officials sat down in the same room today.", None),
        ("Delegations first met on the border four days after the invasion, on February 28, 2022.", None),
        # a day-one report names the start by its weekday
        ("Russia invaded Ukraine on Thursday.", date(2023, 2, 23)),
        ('Russia launched what it calls a "special military operation" in Ukraine on Feb. 24.', date(2023, 2, 24)),
        ("It was the first contact since Russian troops poured into Ukraine on Feb. 24.", date(2023, 2, 24)),
        ("MELNYK: Very fast. The invasion began on the 24th of February.", date(2023, 2, 24)),
    ],
)
def test_an_anniversary_of_the_invasion_is_not_the_day_the_war_began(sentence: str, start: date | None) -> None:
    mentions = mentions_of(sentence, date(2023, 3, 1))
    events, _ = merge_mentions([], mentions)
    assert {store._conflict_start(e) for e in events} == {start}


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {
                "a_essay.txt": "Looking back\n\nMay 13, 2024\n\nThe talks in Istanbul failed two years ago.",
                "b_news.txt": "Talks in Belarus\n\nMarch 3, 2022\n\nThe delegations met on Thursday.",
            },
            ["b_news.txt", "a_essay.txt"],
        ),
        # a slashed date line is read before other articles are stored, and takes its place among them
        (
            {
                "a_later.txt": "Talks in Istanbul\n\nMay 16, 2025\n\nThe delegations met on Friday.",
                "b_analysis.txt": "A year on\n\n03/28/2023\n\nA year ago, the delegations met in Istanbul.",
            },
            ["b_analysis.txt", "a_later.txt"],
        ),
    ],
)
def test_articles_that_date_themselves_are_read_oldest_first(
    empty_db: str, tmp_path: Path, capsys, files: dict[str, str], expected: list[str]
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_text(content)
    assert main([str(folder)]) == 0
    stored = [line.split()[1] for line in capsys.readouterr().out.splitlines() if line.startswith("stored")]
    assert stored == [f"{name}:" for name in expected]


def test_an_article_that_cannot_be_stored_is_rejected_alone_and_its_batch_is_stored_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles are stored in batches, one transaction each. When a batch fails, its articles are stored again
    one at a time against the corpus read afresh: only the one at fault is rejected, the others keep their
    order, and the others end as a run without it would store them."""
    from app.ingest.pipeline import ingest_paths
    from app.migrate import upgrade_database
    from tests.conftest import fresh_database_url, use_database
    from tests.test_atomicity import synthetic_article

    folder, without = tmp_path / "with", tmp_path / "without"
    for where in (folder, without):
        where.mkdir()
    for number in range(6):
        for where in (folder, without) if number != 3 else (folder,):
            (where / f"a{number}.txt").write_text(synthetic_article(number))
    row_of = store._article_row

    def failing(item: store.ArticleToStore) -> dict[str, object]:
        if item.article.raw.filename == "a3.txt":
            raise ValueError("a storage failure")
        return row_of(item)

    monkeypatch.setattr(store, "_article_row", failing)
    tables = {}
    for where in (folder, without):
        use_database(fresh_database_url(tmp_path / f"{where.name}.db"))
        upgrade_database()
        with Session(get_engine()) as session:
            verdicts = ingest_paths(session, [where])
            tables[where.name] = {
                t: sorted(session.execute(text(f"SELECT * FROM {t}")).all(), key=repr)
                for t in ("article", "event", "event_actor", "round")
            }
        if where == folder:
            statuses = {v.path.rsplit("/", 1)[-1]: v.status for v in verdicts}
            assert statuses == {f"a{n}.txt": "rejected" if n == 3 else "stored" for n in range(6)}
            assert "a3.txt: could not be stored (ValueError)" in [v.detail for v in verdicts]
            stored_order = [v.path for v in verdicts if v.status == "stored"]
        if where == without:
            assert [v.path.replace("/without/", "/with/") for v in verdicts] == stored_order
    assert tables["with"] == tables["without"]


def test_a_round_reported_held_is_dated_by_that_report_not_by_its_announcement() -> None:
    from app.ingest.types import DateRange, EventMention

    def mention(article: str, day: date, status: str) -> EventMention:
        return EventMention(
            article_id=article,
            sentence_index=3,
            quote="The second round of talks",
            type="round",
            status=status,
            range=DateRange(day, day, "day"),
            date_text="on Wednesday" if status == "planned" else "last Thursday",
            explanation="test",
            round_number=2,
            anchored=True,
        )

    announced = mention("a-announcing", date(2022, 3, 2), "planned")
    held = mention("b-reporting", date(2022, 3, 3), "occurred")
    for order in ((announced, held), (held, announced)):
        (event,), _ = merge_mentions([], order)
        assert event.range.start == date(2022, 3, 3) and event.conflicts


def test_a_numbered_round_told_with_no_place_is_not_merged_into_talks_placed_and_dated_by_a_month() -> None:
    """'The third round ... has ended' (March 7) is not 'the talks held in Istanbul in March 2022', whichever is told
    first."""
    from app.ingest.types import DateRange, EventMention

    in_istanbul = EventMention(
        "a-retrospective", 1, "the negotiations held in Istanbul in March 2022", "round", "occurred",
        DateRange(date(2022, 3, 1), date(2022, 3, 31), "month"), "in March 2022", "test", venue_slug="istanbul",
        anchored=True,
    )  # fmt: skip
    third = EventMention(
        "b-news", 1, "The third round of negotiations has ended", "round", "occurred",
        DateRange(date(2022, 3, 7), date(2022, 3, 7), "day"), "", "test", round_number=3,
    )  # fmt: skip
    for order in ([in_istanbul, third], [third, in_istanbul]):
        events, _ = merge_mentions([], order)
        assert len(events) == 2


def test_a_merge_the_pool_cannot_keep_rejects_only_its_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The merge pool keeps stored events in a temporary file: when writing an article's merges there fails (a full
    disk), that article is rejected, the articles merged before it are stored, and the corpus is read afresh from
    the database, so the rest are stored as a run without that article stores them."""
    import sqlite3

    from app.ingest.pipeline import ingest_paths
    from app.ingest.stored_events import StoredEvents
    from app.migrate import upgrade_database
    from tests.conftest import fresh_database_url, use_database
    from tests.test_atomicity import synthetic_article

    folder = tmp_path / "with"
    folder.mkdir()
    for number in range(6):
        (folder / f"a{number}.txt").write_text(synthetic_article(number))
    put = StoredEvents._put
    calls = []

    def failing_once(self: StoredEvents, rows: list[Any]) -> None:
        calls.append(len(rows))
        if len(calls) == 4:  # the disk fills up halfway through writing an article's events
            put(self, rows[:1])
            raise sqlite3.OperationalError("database or disk is full")
        put(self, rows)

    monkeypatch.setattr(StoredEvents, "_put", failing_once)
    use_database(fresh_database_url(tmp_path / "with.db"))
    upgrade_database()
    with Session(get_engine()) as session:
        verdicts = ingest_paths(session, [folder])
        stored = sorted(session.execute(text("SELECT * FROM event")).all(), key=repr)
    statuses = [v.status for v in verdicts]
    assert sorted(statuses) == ["rejected"] + ["stored"] * 5
    (rejected,) = [v for v in verdicts if v.status == "rejected"]
    assert rejected.detail.endswith("could not be stored (OperationalError)")
    monkeypatch.setattr(StoredEvents, "_put", put)
    without = tmp_path / "without"
    without.mkdir()
    for verdict in verdicts:
        if verdict.status == "stored":
            name = verdict.path.rsplit("/", 1)[-1]
            (without / name).write_text((folder / name).read_text())
    use_database(fresh_database_url(tmp_path / "without.db"))
    upgrade_database()
    with Session(get_engine()) as session:
        ingest_paths(session, [without])
        assert sorted(session.execute(text("SELECT * FROM event")).all(), key=repr) == stored


def _published_in_run(tmp_path: Path, articles: dict[str, str], filename: str) -> str:
    """Ingest these articles (file name -> text) in one run into a fresh database; the day stored for one."""
    from app.ingest.pipeline import ingest_paths
    from app.migrate import upgrade_database
    from tests.conftest import fresh_database_url, use_database

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, body in articles.items():
        (folder / name).write_text(body)
    use_database(fresh_database_url(tmp_path / "run.db"))
    upgrade_database()
    with Session(get_engine()) as session:
        ingest_paths(session, [folder])
        published = session.execute(text("SELECT published FROM article WHERE filename = :f"), {"f": filename})
        return str(published.scalar())


COUNTING = "Talks in Istanbul\n\nOn the 35th day of the war, the delegations met in Istanbul on Tuesday."
DATED_2022 = "Talks\n\nMarch 10, 2022\n\nThe foreign ministers met in Antalya on Thursday."


def test_an_article_counting_the_wars_days_counts_from_the_start_another_article_of_the_run_gives(
    tmp_path: Path,
) -> None:
    """No article stored or dated before it tells when the war began, but one read in the same run does."""
    articles = {
        "a_dated.txt": DATED_2022,
        "b_counting.txt": COUNTING,
        "c_podcast.txt": "Podcast\n\nMELNYK: The invasion began on the 24th of February. The talks opened later.",
    }
    assert _published_in_run(tmp_path, articles, "b_counting.txt") == "2022-03-30"


def test_a_corpus_of_later_years_counts_the_wars_age_from_the_start_in_the_year_an_article_names(
    tmp_path: Path,
) -> None:
    """Retrospectives of 2025 make 2025 the corpus's usual year; the war's start an article gives with its year
    ('on February 24, 2022') is of that year, not of 2025."""
    articles = {
        name: f"Three years on\n\n{day}\n\nThe talks of 2022 are remembered in Istanbul."
        for name, day in (("a_2025.txt", "February 28, 2025"), ("b_2025.txt", "March 3, 2025"))
    }
    articles["c_counting.txt"] = (
        "What the talks did not settle\n\nTalks began four days after Russia launched its full-scale invasion on "
        "February 24, 2022. Now, as the war enters its 22nd month, the front barely moves."
    )
    published = date.fromisoformat(_published_in_run(tmp_path, articles, "c_counting.txt"))
    assert date(2023, 11, 20) <= published <= date(2024, 1, 10)


def test_with_no_article_telling_the_start_it_is_counted_back_from_a_dated_articles_age_of_the_war(
    tmp_path: Path,
) -> None:
    """Retrospectives of 2023 and 2024 make a later year the corpus's usual one, and none gives the day the war
    began; one dated page tells the war's age ('day 41 of the invasion'): the start is counted back from it, and an
    undated article's 'day 43' is of April 2022, not of the corpus's year."""
    articles = {
        "a_2023.txt": "A year on\n\nJune 18, 2023\n\nThe talks of 2022 are remembered in Istanbul.",
        "b_2023.txt": "Looking back\n\nNovember 27, 2023\n\nThe draft of 2022 was discussed again.",
        "c_dated.txt": "War, day 41\n\nApril 5, 2022\n\nOn day 41 of the invasion, Lavrov spoke in Moscow.",
        "d_counting.txt": "Key developments on day 43 of Russia's full-scale invasion\n\nLavrov said on Thursday "
        "that talks would go on.",
    }
    published = date.fromisoformat(_published_in_run(tmp_path, articles, "d_counting.txt"))
    assert date(2022, 4, 6) <= published <= date(2022, 4, 8)


def test_one_start_told_with_another_year_does_not_outvote_the_day_most_articles_give(tmp_path: Path) -> None:
    """Three articles give the 24th of February without a year, one a start of 2014 with its year: the war's age
    is counted from the day most give, in the corpus's year."""
    articles = {"a_dated.txt": DATED_2022, "b_counting.txt": COUNTING}
    for n, speaker in enumerate(("MELNYK", "KOVAL", "HRYTSAK")):
        articles[f"c_podcast_{n}.txt"] = (
            f"Podcast {n}\n\n{speaker}: The invasion began on the 24th of February. We spoke of it for an hour."
        )
    articles["d_crimea.txt"] = (
        "Crimea\n\nRussia invaded Ukraine on February 27, 2014, seizing the parliament in Simferopol."
    )
    assert _published_in_run(tmp_path, articles, "b_counting.txt") == "2022-03-30"


def test_an_article_naming_days_only_from_its_own_is_read_after_those_that_name_the_calendar(tmp_path: Path) -> None:
    """'who took part in Monday's talks' leans on what the others establish: read before them it would have no year;
    read after, with no article telling the war's start, it is no older than the earliest of them."""
    articles = {
        "a_relative.txt": "Adviser on the talks\n\nThe adviser, who took part in Monday's talks, said they were hard.",
        "b_calendar.txt": "Talks in Gomel\n\nOn February 28, 2022, the delegations met in Gomel for five hours.",
    }
    assert _published_in_run(tmp_path, articles, "a_relative.txt") == "2022-02-28"


ROUND_IN_ISTANBUL_ON_MARCH_29 = (
    "Talks in Istanbul\n\nMarch 30, 2022\n\nThe delegations met in Istanbul on March 29 for talks."
)
SESSION_IN_ISTANBUL = (
    "Medinsky speaks\n\nMedinsky addressed the public on Tuesday afternoon after three hours of talks in Istanbul. "
    "He called the talks substantial."
)


def test_an_article_naming_no_calendar_day_is_dated_by_a_round_other_articles_date(tmp_path: Path) -> None:
    """Its 'Tuesday' talks in Istanbul are the round another article dates March 29 (a Tuesday)."""
    articles = {
        "a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29,
        "b_undated.txt": SESSION_IN_ISTANBUL,
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-29"


def test_a_shared_round_on_another_weekday_or_on_two_such_days_does_not_date_an_article(tmp_path: Path) -> None:
    articles = {
        "a_dated.txt": "Talks in Istanbul\n\nMarch 31, 2022\n\nThe delegations met in Istanbul on March 30 for talks.",
        "b_undated.txt": SESSION_IN_ISTANBUL,  # a Wednesday's round is not its Tuesday's
        "c_belarus.txt": "Rounds in Belarus\n\nMarch 8, 2022\n\nThe delegations met in Belarus on February 28 and "
        "again in Belarus on March 7.",
        "d_undated.txt": "Talks\n\nThe delegations met in Belarus on Monday for talks, an adviser said.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-08"  # the first Tuesday it may be
    with Session(get_engine()) as session:
        published = session.execute(text("SELECT published FROM article WHERE filename = 'd_undated.txt'"))
        assert str(published.scalar()) == "2022-03-14"  # its Monday's round is either of two: the first it may be


def test_a_round_told_at_one_venue_is_not_dated_by_a_round_others_date_at_another_in_that_country(
    tmp_path: Path,
) -> None:
    """'talks in the Gomel region on Monday' are not the round another article dates in Minsk on a Monday, though
    both are in Belarus; 'talks in Belarus on Monday' may be."""
    minsk = "Round in Minsk\n\nMarch 8, 2022\n\nThe delegations met in Minsk on March 7 for talks."
    start = "War\n\nMarch 1, 2022\n\nThe invasion began on February 24, 2022, officials said."
    at_gomel = "Talks\n\nThe delegations met in the Gomel region on Monday for talks, an adviser said."
    at_belarus = "Talks\n\nThe delegations met in Belarus on Monday for talks, an adviser said."
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _published_in_run(tmp_path / "a", {"a.txt": minsk, "b.txt": at_gomel, "c.txt": start}, "b.txt") == (
        "2022-02-28"  # the first Monday after the war began: its own reading
    )
    assert _published_in_run(tmp_path / "b", {"a.txt": minsk, "b.txt": at_belarus, "c.txt": start}, "b.txt") == (
        "2022-03-07"
    )


def test_a_meeting_told_with_its_month_or_year_is_not_one_others_date_in_another(tmp_path: Path) -> None:
    """'negotiations held in Istanbul in March 2022' are not the round another article dates in Istanbul in July
    2025, nor are talks there 'in March'; a 'then-British Prime Minister' puts the text after September 2022."""
    dated_2025 = "Round in Istanbul\n\nJuly 24, 2025\n\nThe delegations met in Istanbul on July 23, 2025 for talks."
    start = "War\n\nMarch 1, 2022\n\nThe invasion began on February 24, 2022, officials said."
    for folder, when in (("a", "in March 2022"), ("b", "in March")):
        told = (
            "Putin on the Istanbul agreement\n\nAn agreement was prepared between Russian and Ukrainian delegations "
            f"during negotiations held in Istanbul {when}, but peace efforts failed. Putin noted that then-British "
            "Prime Minister Boris Johnson had blocked the talks."
        )
        (tmp_path / folder).mkdir()
        articles = {"a.txt": dated_2025, "b.txt": told, "c.txt": start}
        assert _published_in_run(tmp_path / folder, articles, "b.txt") < "2025-07-23"


def test_an_article_naming_no_year_is_read_in_the_year_the_runs_articles_name_most(tmp_path: Path) -> None:
    """Three retrospectives, each of another year, all name 2022: a news report naming no year is of 2022, not of
    the year of one of them."""
    articles = {
        "a.txt": "Looking back\n\nNovember 15, 2024\n\nIn March 2022, negotiators in Istanbul drafted a treaty.",
        "b.txt": "The talks resume\n\nMay 16, 2025\n\nThe last direct talks were held in March 2022 in Istanbul.",
        "c.txt": "A year on\n\nMarch 30, 2023\n\nThe delegations last met in Istanbul in March 2022.",
        "d.txt": "Talks in Istanbul\n\nThe delegations met in Istanbul on Tuesday for three hours, a negotiator said.",
    }
    assert _published_in_run(tmp_path, articles, "d.txt").startswith("2022-")


def test_a_round_a_dated_article_names_by_its_weekday_dates_an_article_naming_no_day(tmp_path: Path) -> None:
    """'ISTANBUL, March 29 (Reuters) - ... met on Tuesday': under a date line, a weekday is a day of the calendar."""
    articles = {
        "a_wire.txt": "Talks in Istanbul\n\nISTANBUL, March 29, 2022 (Reuters) - The delegations met in Istanbul "
        "on Tuesday for three hours.",
        "b_undated.txt": SESSION_IN_ISTANBUL,
        # without the round, the undated article would be of the first Tuesday after the war began
        "c_start.txt": "War\n\nMarch 1, 2022\n\nThe invasion began on February 24, 2022, officials said.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-29"


def test_the_wars_first_day_named_by_its_date_leaves_an_article_to_be_dated_by_a_shared_round(tmp_path: Path) -> None:
    """'the fighting that broke out on 24 February' dates the war, not the news: the article's 'Tuesday' talks in
    Istanbul are still the round another article dates."""
    articles = {
        "a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29,
        "b_undated.txt": SESSION_IN_ISTANBUL + " The invasion began on 24 February.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-29"


def test_a_shared_round_years_away_does_not_make_a_nearer_one_ambiguous(tmp_path: Path) -> None:
    articles = {
        "a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29,
        "b_later.txt": "Talks resume\n\nJune 4, 2025\n\nThe delegations met in Istanbul on June 3 for an hour.",
        "c_undated.txt": SESSION_IN_ISTANBUL,
    }
    assert _published_in_run(tmp_path, articles, "c_undated.txt") == "2022-03-29"


@pytest.mark.parametrize(
    "told",
    [
        SESSION_IN_ISTANBUL,  # moved onto the round of its weekday
        SESSION_IN_ISTANBUL + " Russia annexed Crimea in 2014.",  # a year before the war: background
    ],
)
def test_a_text_naming_no_year_is_not_dated_by_a_round_another_year_holds(tmp_path: Path, told: str) -> None:
    """The only round in Istanbul on a Tuesday other articles date is of 2025; the text names no year of the story,
    so it is of the year its own reading gives, the corpus's usual 2022, not moved three years on."""
    articles = {
        "a_2025.txt": "Round in Istanbul\n\nJuly 23, 2025\n\nThe delegations met in Istanbul on July 22 for talks.",
        "b_start.txt": "War\n\nMarch 1, 2022\n\nThe invasion began on February 24, 2022, officials said.",
        "c_2022.txt": "Talks\n\nMarch 3, 2022\n\nThe delegations met in Belarus on March 3, 2022 for talks.",
        "d_undated.txt": told,
    }
    assert _published_in_run(tmp_path, articles, "d_undated.txt").startswith("2022-")


def test_a_text_naming_no_year_comes_after_the_meeting_of_its_own_year_it_tells_of(tmp_path: Path) -> None:
    """Its 'Tuesday's talks in Istanbul' are only a round of 2025 others date, its talks there with no weekday also
    one of 2022 (a Monday): the article is after the latter, in 2022, not held back by the round three years on."""
    articles = {
        "a_2025.txt": "Round in Istanbul\n\nJuly 23, 2025\n\nThe delegations met in Istanbul on July 22 for talks.",
        "b_2022.txt": "Round in Istanbul\n\nMarch 29, 2022\n\nThe delegations met in Istanbul on March 28 for talks.",
        "c_start.txt": "War\n\nMarch 1, 2022\n\nThe invasion began on February 24, 2022, officials said.",
        "d_undated.txt": "Nothing promising\n\nPeskov said on Wednesday there was a lot of work ahead following "
        "Tuesday's talks in Istanbul. The delegations had met in Istanbul for talks. Russia annexed Crimea in 2014.",
    }
    assert "2022-03-28" <= _published_in_run(tmp_path, articles, "d_undated.txt") <= "2022-12-31"


def test_an_article_dated_by_the_wars_age_to_the_day_is_not_moved_by_a_shared_round(tmp_path: Path) -> None:
    articles = {
        "a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29,
        "b_counted.txt": SESSION_IN_ISTANBUL + " The invasion began on 24 February. On day 20 of the war, the "
        "shelling went on.",
    }
    assert _published_in_run(tmp_path, articles, "b_counted.txt") == "2022-03-15"


MINISTERS_IN_ANTALYA = (
    "Ministers meet\n\nMarch 11, 2022\n\nThe foreign ministers of Russia and Ukraine met in Antalya on March 10."
)
SAID_AFTER_MEETING_IN_ANTALYA = (
    "No progress\n\nKuleba on Thursday said there had been no progress on a ceasefire. On 24 February, Russia "
    "invaded Ukraine. Lavrov and Kuleba met on the sidelines of a diplomacy forum in Antalya."
)


def test_an_article_telling_of_a_meeting_held_comes_after_the_day_other_articles_date_it(tmp_path: Path) -> None:
    """Its only day of the calendar is the war's first, a Thursday; its 'Thursday' words come after the meeting in
    Antalya it tells of as held, which another article dates March 10 (a Thursday)."""
    articles = {"a_dated.txt": MINISTERS_IN_ANTALYA, "b_undated.txt": SAID_AFTER_MEETING_IN_ANTALYA}
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-10"


@pytest.mark.parametrize(
    "told",
    [
        "Lavrov and Kuleba will meet on the sidelines of a diplomacy forum in Antalya.",
        "Turkey offered to host a meeting of the foreign ministers in Antalya.",
        "Lavrov and Kuleba met on the sidelines of a diplomacy forum in Geneva.",
    ],
)
def test_a_meeting_to_come_offered_or_elsewhere_does_not_move_an_article(tmp_path: Path, told: str) -> None:
    undated = SAID_AFTER_MEETING_IN_ANTALYA.replace(
        "Lavrov and Kuleba met on the sidelines of a diplomacy forum in Antalya.", told
    )
    articles = {"a_dated.txt": MINISTERS_IN_ANTALYA, "b_undated.txt": undated}
    # its own reading: the first Thursday after the war's first day, which a text naming its news by weekday would
    # not call '24 February' on that day itself
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-03"


ROUND_BY_THE_WARS_AGE = "Talks resume\n\nOn day 34 of the war, the delegations met in Istanbul on Tuesday for hours."
WAR_BEGAN = "War\n\nMarch 1, 2022\n\nThe invasion began on February 24, 2022, officials said."
ROUND_LATER_THIS_WEEK = (
    "Interview\n\nZelensky spoke ahead of a planned next round of talks, slated to be held in Istanbul later this "
    "week. On Monday, Lavrov said the presidents should meet. Previous rounds failed to halt the fighting that broke "
    "out on 24 February, with the full-scale Russian invasion."
)


def test_a_round_dated_by_the_wars_age_to_the_day_dates_an_article_naming_no_day_of_its_news(tmp_path: Path) -> None:
    """'On day 34 of the war ... on Tuesday' pins its Tuesday as a date line would: the other article's round 'later
    this week' is that Tuesday's, so its Monday is the day before."""
    articles = {"a_age.txt": ROUND_BY_THE_WARS_AGE, "b_week.txt": ROUND_LATER_THIS_WEEK, "c_start.txt": WAR_BEGAN}
    assert _published_in_run(tmp_path, articles, "b_week.txt") == "2022-03-28"


def test_an_article_telling_of_a_round_to_come_this_week_is_of_that_week_before_the_round(tmp_path: Path) -> None:
    """Its talks 'scheduled to resume this week in Turkey' are the round another article dates Tuesday March 29: the
    article is of that week, no later than the round (not as far into the week as its own first reading was)."""
    articles = {
        "a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29,
        "b_week.txt": "Interview\n\nZelensky said Ukraine was ready to discuss neutrality. The development comes as "
        "talks between Russia and Ukraine are scheduled to resume this week in Turkey.",
        "c_start.txt": WAR_BEGAN,
    }
    assert _published_in_run(tmp_path, articles, "b_week.txt") == "2022-03-28"


def test_an_article_with_no_date_cue_is_of_the_day_of_the_meeting_it_tells_of_as_held(tmp_path: Path) -> None:
    """Nothing in its text dates it; the talks in Istanbul whose outcomes it reports another article dates."""
    articles = {
        "a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29,
        "b_undated.txt": "Outcomes\n\nFirst outcomes of Ukrainian-Russian talks in Istanbul were announced by David "
        "Arakhamia. We are proposing a new system of security guarantees.",
        "c_start.txt": WAR_BEGAN,
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-29"


def test_a_numbered_round_told_as_held_is_not_dated_by_a_round_of_another_number_at_its_place(tmp_path: Path) -> None:
    """'the second round of negotiations in the Brest region' is not the third round others date there: with no
    other date cue, the article stays undated."""
    articles = {
        "a_dated.txt": "Third round\n\nMarch 8, 2022\n\nThe third round of talks was held in the Brest region on "
        "March 7.",
        "b_undated.txt": "Corridors\n\nRussia and Ukraine have agreed to create humanitarian corridors, Mykhailo "
        "Podolyak said at a news conference following the second round of negotiations in the Brest region.",
        "c_start.txt": WAR_BEGAN,
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "None"


def test_a_text_naming_no_year_is_of_the_year_of_a_round_others_date_on_the_day_of_the_month_it_names(
    tmp_path: Path,
) -> None:
    """'most recently in Istanbul on July 23': the round in Istanbul another article dates July 23, 2025, so the
    text, which names no year, is of 2025, not of the corpus's usual 2022."""
    articles = {
        "a_2025.txt": "Round in Istanbul\n\nJuly 24, 2025\n\nThe delegations met in Istanbul on July 23 for talks.",
        "b_start.txt": WAR_BEGAN,
        "c_2022.txt": "Talks\n\nMarch 4, 2022\n\nThe delegations met in Belarus on March 3, 2022 for talks.",
        "d_pause.txt": "Pause\n\nThe Kremlin announced on September 12 that the talks were on pause. Russia and "
        "Ukraine held three rounds of direct talks this year, most recently in Istanbul on July 23.",
    }
    assert _published_in_run(tmp_path, articles, "d_pause.txt") == "2025-09-12"


def test_a_round_dated_by_the_wars_age_in_an_earlier_run_still_dates_an_article(tmp_path: Path) -> None:
    """What a later run leans on is read back from the database: the evidence says the war's age dated the article."""
    first = {"a_age.txt": ROUND_BY_THE_WARS_AGE, "c_start.txt": WAR_BEGAN}
    from app.ingest.pipeline import ingest_paths

    assert _published_in_run(tmp_path, first, "a_age.txt") == "2022-03-29"
    later = tmp_path / "later"
    later.mkdir()
    (later / "b_week.txt").write_text(ROUND_LATER_THIS_WEEK)
    with Session(get_engine()) as session:
        ingest_paths(session, [later])
        published = session.execute(text("SELECT published FROM article WHERE filename = 'b_week.txt'"))
        assert str(published.scalar()) == "2022-03-28"


def test_an_article_naming_only_a_month_of_a_year_is_dated_by_the_round_other_articles_date(tmp_path: Path) -> None:
    """'The last direct talks took place in Istanbul in March 2022' names no day: its Friday's meeting in Istanbul
    is the round another article dates May 16, 2025 (a Friday)."""
    articles = {
        "a_dated.txt": "Talks resume\n\nMay 17, 2025\n\nThe delegations met in Istanbul on May 16 for two hours.",
        "b_undated.txt": "Talks end\n\nThe delegations concluded their meeting in Istanbul on Friday. The last direct "
        "talks took place in Istanbul in March 2022.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2025-05-16"


def test_an_undated_articles_last_week_is_the_week_of_the_meeting_other_articles_date(tmp_path: Path) -> None:
    """'Last week, Kuleba met Lavrov in Turkey': the week that holds the one ministerial meeting the others date in
    Turkey (in Antalya, on March 10); the article moves by whole weeks, so its 'Monday' stays a Monday."""
    articles = {
        "a_dated.txt": "Looking back\n\nMarch 30, 2022\n\nOn March 10, the foreign ministers met in Antalya.",
        "b_undated.txt": "Talks on pause\n\nLast week, Ukrainian Foreign Minister Dmytro Kuleba met with his Russian "
        "counterpart, Sergey Lavrov, in Turkey. Talks were held on Monday, an adviser said.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-14"


def test_an_article_prepared_ahead_is_not_dated_again_when_only_the_runs_earliest_day_moved(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The run's earliest day dates only articles that name no calendar day or year: one that does keeps what the
    worker prepared; one that does not is dated again."""
    from app.ingest import ahead
    from app.ingest.clean import clean_article
    from app.ingest.types import CorpusContext, PublishedDate, RawArticle

    def prepared(text: str) -> ahead.Prepared:
        article = clean_article(RawArticle("a.txt", "a.txt", text, "h"))
        published = PublishedDate(date(2022, 3, 1), date(2022, 3, 1), "inferred", ())
        return ahead.Prepared(Path("a.txt"), "h", CorpusContext(2022, None, None), article, None, published, ())

    redated: list[str] = []
    monkeypatch.setattr(ahead, "work_out_published", lambda article, ctx: redated.append(article.title) or None)
    monkeypatch.setattr(ahead, "extract_mentions", lambda *args: [])
    moved = CorpusContext(2022, None, date(2022, 2, 28))
    prepared("Talks\n\nThe delegations met on March 1, 2022, in Gomel.").for_context(moved)
    assert redated == []
    prepared("Talks\n\nThe delegations met on Monday, an adviser said.").for_context(moved)
    assert redated == ["Talks"]


def test_a_numbered_round_told_as_held_puts_an_article_after_the_day_other_articles_date_it(tmp_path: Path) -> None:
    """'Belarus has held a second round of talks': by its number, the round another article dates March 3."""
    articles = {
        "a_dated.txt": "Second round\n\nMarch 4, 2022\n\nThe second round of talks was held in Belarus on March 3.",
        "b_undated.txt": "Corridors\n\nBelarus has held a second round of talks between Russia and Ukraine. A "
        "corridor has been agreed to open today, a source said.",
        "c_first.txt": "First round\n\nMarch 1, 2022\n\nThe first round of talks was held in Belarus on February 28.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-03"


def test_a_round_dated_by_the_day_of_the_war_dates_an_article_telling_of_it_as_held(tmp_path: Path) -> None:
    """'on the eighth day of the war' is a day of the calendar once the war's start is known: the round the other
    article tells of as held, by its number, is no later than the article."""
    articles = {
        "a_war_day.txt": "Second round\n\nThe second round of talks took place at Belovezhskaya Pushcha on the eighth "
        "day of the war.",
        "b_undated.txt": "Corridors\n\nBelarus has held a second round of talks between Russia and Ukraine. A "
        "corridor has been agreed to open today, a source said.",
        "c_start.txt": WAR_BEGAN,
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-03"


@pytest.mark.parametrize(
    "undated",
    [
        # 'following negotiations ... in Istanbul': the talks are over, on the day another article dates them or later
        "Drawdown\n\nRussia today announced a decision to reduce military activity around Kyiv following negotiations "
        "with the Ukrainian delegation in Istanbul. The invasion began on 24 February.",
        # talks told as over
        "Talks end\n\nPeace talks between Russia and Ukraine in Istanbul are over. The invasion began on 24 February. "
        "Officials spoke on Monday.",
        # 'have continued to meet online since the Istanbul round': that round was held
        "Talks go on\n\nThe two delegations have continued to meet online in working groups since the Istanbul round. "
        "The invasion began on 24 February. Officials spoke on Monday.",
    ],
    ids=["said-following-the-talks", "talks-told-as-over", "session-counted-from"],
)
def test_an_article_telling_of_talks_held_at_a_place_is_no_earlier_than_the_day_other_articles_date_them(
    tmp_path: Path, undated: str
) -> None:
    """Its only calendar day is the war's first: the Istanbul talks it tells of as held, which another article dates
    March 29, put it on that day or later."""
    articles = {"a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29, "b_undated.txt": undated}
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-29"


def test_a_place_in_a_clause_of_its_own_is_not_where_the_meeting_told_as_held_was(tmp_path: Path) -> None:
    """'held rounds in Belarus, but the meeting in Turkey is the first ...': the rounds held were in Belarus, not at
    the Turkish round another article dates later; the article keeps its own Thursday."""
    articles = {
        "a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29,
        "b_undated.txt": SAID_AFTER_MEETING_IN_ANTALYA.replace(
            "Lavrov and Kuleba met on the sidelines of a diplomacy forum in Antalya.",
            "Officials held several rounds of talks in Belarus, but the meeting in Turkey is the first time Russia "
            "has sent a minister.",
        ),
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-03"


def test_a_numbered_round_no_article_dates_comes_after_the_rounds_before_it(tmp_path: Path) -> None:
    """Rounds are held in their order: 'The third round ... has ended', which no article dates, came after the second
    round another article dates March 3, so the article is no earlier than the day after it ('Monday's meeting')."""
    articles = {
        "a_dated.txt": "Second round\n\nMarch 4, 2022\n\nThe second round of talks was held in Belarus on March 3.",
        "b_undated.txt": "Third round ends\n\nThe third round of negotiations between Russia and Ukraine has ended. "
        "He was disappointed with Monday's meeting, the negotiator said.",
        "c_start.txt": WAR_BEGAN,
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-07"


def test_a_round_told_by_its_day_of_the_month_is_not_moved_onto_another_months_round(tmp_path: Path) -> None:
    """'On June 2nd, the second round ...': a day of the month, not a weekday, so not the second round another
    article dates March 3 (13 weeks before)."""
    articles = {
        "a_dated.txt": "Second round\n\nMarch 4, 2022\n\nThe second round of talks was held in Belarus on March 3.",
        "b_undated.txt": "Bodies returned\n\nOn June 2nd, the second round of talks took place in Istanbul. The "
        "transfers began on June 11th, and by June 13th a third exchange of bodies took place.",
        "c_start.txt": WAR_BEGAN,
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") >= "2022-06-13"


def test_rounds_counted_as_held_put_an_article_after_the_last_of_them(tmp_path: Path) -> None:
    """'held three rounds of talks in the past': the third round, which another article dates March 7, was held, so
    the article's 'on Thursday' is the Thursday after it."""
    articles = {
        "a_dated.txt": "Third round\n\nMarch 7, 2022\n\nThe third round of talks was held in Belarus on Monday.",
        "b_undated.txt": "Ministers meet\n\nThe foreign ministers of Russia and Ukraine met in Turkey on Thursday. "
        "Delegations from the two countries held three rounds of talks in the past.",
        "c_start.txt": WAR_BEGAN,
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-10"


def test_a_shared_round_does_not_move_an_article_before_a_day_its_own_text_rules_out(tmp_path: Path) -> None:
    """'Former UK Prime Minister Boris Johnson' dates the text after he left office: a round in Istanbul on a
    Tuesday, which another article dates in March 2022, does not move it back to that week."""
    articles = {
        "a_dated.txt": ROUND_IN_ISTANBUL_ON_MARCH_29,
        "b_undated.txt": "Johnson derailed the deal\n\nFormer UK Prime Minister Boris Johnson played a key role in "
        "derailing the deal, Arakhamia said. The delegations had met for talks in Istanbul on Tuesday.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") >= "2022-09-06"


def test_a_numbered_round_held_with_no_day_of_its_own_is_not_on_the_day_of_the_round_before(tmp_path: Path) -> None:
    """Two rounds held are two sessions on two days: a third round that only 'was held' before March 10 lies after
    the second round's March 3, not on it."""
    from app.ingest.pipeline import ingest_paths
    from app.migrate import upgrade_database
    from tests.conftest import fresh_database_url, use_database

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Second round\n\nMarch 4, 2022\n\nThe second round of talks was held on March 3.")
    (folder / "b.txt").write_text(
        "Ministers meet\n\nMarch 10, 2022\n\nThe third round of talks was held in Belarus. The ministers met today."
    )
    use_database(fresh_database_url(tmp_path / "run.db"))
    upgrade_database()
    with Session(get_engine()) as session:
        ingest_paths(session, [folder])
        rows = session.execute(text("SELECT number, date, date_end FROM round ORDER BY number")).all()
    third = [(str(day), str(end)) for number, day, end in rows if number == 3]
    assert third and all("2022-03-04" <= day <= end <= "2022-03-10" for day, end in third)


def test_a_round_no_article_dates_follows_the_first_season_of_the_round_before(tmp_path: Path) -> None:
    """Talks of a later year number their rounds from one again: 'The third round ... has ended' comes after the
    second round of March 3, 2022, not after a second round of 2025."""
    articles = {
        "a_dated.txt": "Second round\n\nMarch 4, 2022\n\nThe second round of talks was held in Belarus on March 3.",
        "b_undated.txt": "Third round ends\n\nThe third round of negotiations between Russia and Ukraine has ended. "
        "He was disappointed with Monday's meeting, the negotiator said.",
        "c_start.txt": WAR_BEGAN,
        "d_later.txt": "Talks resume\n\nJune 3, 2025\n\nThe second round of talks was held in Istanbul on June 2.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-07"


def test_a_round_told_as_going_on_with_a_day_to_come_named_comes_after_the_rounds_before_it(tmp_path: Path) -> None:
    """'Talks are underway ... the third round' tells of a round held now, after the second one another article dates
    March 3; the date to come ('will meet ... on Thursday, March 10') does not keep the article from being dated so:
    its Sunday's call is March 6."""
    articles = {
        "a_dated.txt": "Second round\n\nMarch 4, 2022\n\nThe second round of talks was held in Belarus on March 3.",
        "b_undated.txt": "Ministers to meet\n\nThe two foreign ministers will meet in Antalya on Thursday, March 10. "
        "The president spoke with his Turkish counterpart on Sunday. Meanwhile, talks are underway in Belarus: the "
        "meeting is the third round of talks. A fourth round is planned for Monday, March 14.",
        "c_start.txt": WAR_BEGAN,
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-06"


def test_a_numbered_round_read_onto_the_day_of_another_numbers_round_does_not_fit_it(tmp_path: Path) -> None:
    """'a third round ... on Monday' read as February 28 lands on the day another article dates the first round: that
    does not fit, so the article comes after the first round ('last Thursday' the second, Monday the third)."""
    articles = {
        "a_first.txt": "First round\n\nMarch 1, 2022\n\nOn February 28, the first round of talks took place in "
        "the Gomel region.",
        "b_undated.txt": "Third round\n\nNegotiators from Ukraine and Russia convened for a third round of talks on "
        "Monday. Both delegations arrived on Monday at the meeting place. The second round of talks, which took "
        "place last Thursday, ended with corridors agreed. The invasion began on 24 February.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-07"


def test_an_article_telling_of_talks_held_yesterday_is_of_the_day_after_the_others_date_them(tmp_path: Path) -> None:
    """'Tete-a-tete negotiations ... have begun in Istanbul, a diplomatic source said on Tuesday' dates a round in
    Istanbul (the day of the words, under a date line); 'talks with Ukraine held yesterday in Turkey' is that round,
    so the undated article is of the day after it."""
    articles = {
        "a_dated.txt": "Talks begin\n\nMarch 29, 2022\n\nNegotiations between the heads of the delegations have begun "
        "in Istanbul, a diplomatic source said on Tuesday.",
        "b_undated.txt": "Nothing hopeful\n\nThe spokesman briefed the media on talks with Ukraine held yesterday in "
        "Turkey. The invasion began on 24 February.",
    }
    assert _published_in_run(tmp_path, articles, "b_undated.txt") == "2022-03-30"


def test_an_article_whose_own_reading_puts_its_session_on_a_day_the_others_date_one_is_not_moved(
    tmp_path: Path,
) -> None:
    """'The negotiations began in Belarus on Monday' read as February 28, the day another article dates the first
    round (placing it nowhere), is not moved to the later Monday others date a round in Belarus."""
    articles = {
        "a_first.txt": "First round\n\nMarch 1, 2022\n\nThe first round of talks took place on February 28.",
        "b_third.txt": "Third round\n\nMarch 8, 2022\n\nThe third round of talks was held in Belarus on March 7.",
        "c_undated.txt": "Talks begin\n\nThe negotiations began in Belarus on Monday, after the delegation arrived "
        "on Sunday. The invasion began on 24 February.",
    }
    assert _published_in_run(tmp_path, articles, "c_undated.txt") == "2022-02-28"


def test_a_session_told_as_going_on_under_a_stated_date_narrows_the_month_others_give_it(tmp_path: Path) -> None:
    """'... peace talks being held in Istanbul' under 'ISTANBUL, March 29, 2022 (Reuters)' is as dated as 'today':
    merged with 'the talks held in Istanbul in March 2022', the round is of March 29, not of all March."""
    articles = {
        "a_wire.txt": "Talks\n\nISTANBUL, March 29, 2022 (Reuters) - Russia announced a pullback in light of a new "
        "round of peace talks being held in Istanbul.",
        "b_later.txt": "Looking back\n\nSeptember 6, 2022\n\nThe last direct talks were held in Istanbul in March "
        "2022.",
    }
    _published_in_run(tmp_path, articles, "a_wire.txt")
    with Session(get_engine()) as session:
        rounds = session.execute(text("SELECT date, date_end FROM event WHERE type = 'round'")).all()
    assert [(str(day), str(end)) for day, end in rounds] == [("2022-03-29", "2022-03-29")]
