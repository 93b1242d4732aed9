from datetime import date, timedelta
from pathlib import Path

import pytest

from app.ingest.clean import clean_article
from app.ingest.published import told_war_start, work_out_published
from app.ingest.read import read_article
from app.ingest.types import CorpusContext, PublishedDate, RawArticle

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CONTEXT = CorpusContext(default_year=2022, conflict_start=date(2022, 2, 24))


def published_of(text: str) -> PublishedDate:
    """The publication date worked out for an article of this text, among articles of 2022."""
    return work_out_published(clean_article(RawArticle("a", "a", text, "h")), CONTEXT)


@pytest.mark.parametrize(
    ("name", "low", "high", "basis"),
    [
        ("000_f59491279f360d21.txt", "2022-04-27", "2022-04-28", "inferred"),
        ("001_5b48e9b5bbe33ae5.txt", "2022-05-10", "2022-05-24", "inferred"),
        ("002_837339c1a1e70bce.txt", "2022-03-08", "2022-03-08", "dateline"),
        ("003_5ceb79cc7e6b2a58.txt", "2022-04-01", "2022-04-30", "inferred"),
        ("004_eb5021f3d5d7de40.txt", "2022-03-28", "2022-03-29", "inferred"),
    ],
)
def test_seed_publication_date_lies_in_its_window(name: str, low: str, high: str, basis: str) -> None:
    published = work_out_published(clean_article(read_article(SEEDS / name, 10**6)), CONTEXT)
    assert published.basis == basis
    assert published.day is not None and low <= published.day.isoformat() <= high


def test_metadata_front_matter_wins() -> None:
    article = clean_article(RawArticle("a.txt", "a.txt", "Title\nText.", "h", {"published": "2023-02-24"}))
    published = work_out_published(article, CONTEXT)
    assert (published.day, published.basis) == (date(2023, 2, 24), "metadata")


def test_weekday_with_day_number_pins_the_day() -> None:
    text = "Title\n\nTalks will resume from Tuesday, an adviser said on Monday (28). A meeting on March 10 failed."
    published = published_of(text)
    assert published.day == date(2022, 3, 28)


def test_text_without_cues_is_undated() -> None:
    article = clean_article(RawArticle("a", "a", "Title\n\nNothing here carries a date.", "h"))
    assert work_out_published(article, CorpusContext()).basis == "undated"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Published On 29 Mar 2022", "2022-03-29"),
        ("Tue 29 Mar 2022 14.38 BST", "2022-03-29"),
        ("2022-03-29T14:00:00Z", "2022-03-29"),
        ("By Jonathan Landay | March 29, 2022", "2022-03-29"),
        ("Roman Romaniuk — Thursday, 5 May 2022, 20:20", "2022-05-05"),
        ("Updated 6:41 PM GMT, July 23, 2025", "2025-07-23"),
        ("29.03.2022 15:40", "2022-03-29"),
        ("March 29, 2022 / 10:02 AM / Updated 3 years ago", "2022-03-29"),
        ("Updated: 30 Mar 2022 | Published: 28 Mar 2022", "2022-03-28"),
        ("February 24, 2025", "2025-02-24"),  # a retrospective is dated in its own year
        ("Date 30.03.2022", "2022-03-30"),
        ("Published on 30/03/2022 - 9:14 GMT+2•Updated 12:40", "2022-03-30"),  # only one reading is a day
        ("Posted 03/30/2022", "2022-03-30"),
        ("Burak Demirel, Elena Teslova |16.05.2025 - Update : 16.05.2025", "2025-05-16"),
        ("Updated 1532 GMT (2332 HKT) March 29, 2022", "2022-03-29"),
        ("March 30 2022 16:52:00", "2022-03-30"),
        ("Published on May 18, 2022, at 12:41 pm (Paris), updated at 4:15 pm", "2022-05-18"),
        ("Updated 7:34 PM GMT+3, June 2, 2025", "2025-06-02"),
        ("KYODO NEWS - Mar 1, 2022 - 04:37 | World, All", "2022-03-01"),
        ("Updated 00:41, 30-Mar-2022", "2022-03-30"),
        ("30 Mar 2022 (updated: 30 Mar 2022)", "2022-03-30"),
        ("June 20, 2024, 6 AM ET", "2024-06-20"),
        ("Published On 20 Apr 202220 Apr 2022", "2022-04-20"),  # the stamp scraped twice
        ("March 29, 20225:03 PM ET", "2022-03-29"),  # the year glued to the time
        ("Elena Teslova, Zehra Nur Düz and Ahmet Gencturk   |10.03.2022 - Update : 10.03.2022", "2022-03-10"),
        ("TOI-Online | Agencies / Updated: Jul 22, 2022, 21:47 IST", "2022-07-22"),
        ("Reuters | Kyiv | Updated: 29-03-2022 16:15 IST | Created: 29-03-2022 15:51 IST", "2022-03-29"),
        ("Apr 7th 2022", "2022-04-07"),
        ("From magazine issue: 20 April 2024", "2024-04-20"),
        ("Published : 2022.07.24 17:20 | Updated : 2022.07.24 17:20", "2022-07-24"),  # year first, with dots
        ("Published date: 2 June 2025 18:02 BST | Last update: 1 hour 12 mins ago", "2025-06-02"),
        ("World  Apr 4, 2022 6:45 PM EDT", "2022-04-04"),  # the section's name before the stamp
        ("17 May 2022 (changed on 17 May 2022 | 21:16)", "2022-05-17"),
        ("Hungary Today  2024.07.09.", "2024-07-09"),  # the site's name before a stamp ending in a dot
        ("Published: 29-03-2022 | 19:12 (GMT+4)", "2022-03-29"),  # day, month and year between dashes
        ("Issued on: 17/05/2022 - 14:05 Modified: 17/05/2022 - 16:28", "2022-05-17"),
        ("Published May 16, 2025  Updated May 16, 2025", "2025-05-16"),
        ("Tuesday 8 March 2022 09:05, UK", "2022-03-08"),  # the clock's zone after a comma
        ("Volume 712: debated on Monday 25 April 2022", "2022-04-25"),  # a parliament's record
        ("by Oleksiy Tarasenko May 15, 2025 4:37 PM 6 min read", "2025-05-15"),  # a byline, no bar, a reading time
        ("ISTANBUL Mar 30, 2022 - 11:42 am GMT+3", "2022-03-30"),  # a city in capitals before its date
        ("John Smith, Reuters | Mar 30, 2022", "2022-03-30"),  # a name and its outlet, a bar, the month
        ("Reuters 04 Apr, 2022", "2022-04-04"),  # an outlet's one-word name before the date
        ("NewsBharati    05-Mar-2022 15:08:35 PM", "2022-03-05"),
        ("Story by Jane Doe • March 30, 2022", "2022-03-30"),
        ("Europe | May 30, 2025, Friday // 14:48| views", "2025-05-30"),  # a section and a bar, the weekday after it
        ("May 18,2022 151", "2022-05-18"),  # no space after the comma; how often it was read
        ("Published : Saturday, 23 April, 2022 at 12:00 AM  Count : 23", "2022-04-23"),  # and its count of readers
        ("03/30/22 11:42 AM ET", "2022-03-30"),  # a short year, with the time after it
        ("On 3/30/22 at 11:42 AM EDT", "2022-03-30"),
        # no date line, but the page's address with the day it was filed under
        ("euromaidanpress.com / 2022 / 03 / 17 / talks-with-russia-sound-more-realistic", "2022-03-17"),
        ("https://www.example.com/world/2022/03/17/talks-go-on/", "2022-03-17"),
    ],
)
def test_a_publication_line_is_a_dateline(header: str, expected: str) -> None:
    # (a text may tell of days before its date line, not of days well after it)
    text = f"Headline\n\n{header}\n\nDelegations met in Belarus on February 28, 2022, and talked again by video."
    published = published_of(text)
    assert (published.day.isoformat() if published.day else None, published.basis) == (expected, "dateline")


def test_a_date_line_glued_to_the_storys_first_word_is_the_dateline() -> None:
    text = (
        "Ukraine, Russia hold third round of talks\nMarch 7, 2022Negotiators from Ukraine and Russia convened for a "
        "third round of talks on Monday.\nThe second round of talks took place last Thursday."
    )
    published = published_of(text)
    assert (published.day, published.basis) == (date(2022, 3, 7), "dateline")


def test_a_box_heading_in_capitals_with_a_date_is_no_byline() -> None:
    text = "Headline\n\nFROM THE ARCHIVE | March 13, 2022\n\nDelegations met by video on Monday."
    assert published_of(text).basis != "dateline"


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        # 3 June 2025 is a Tuesday, 6 March a Thursday: "Monday's session" on the eve, after "16 May"
        ("Published on 03/06/2025", "Monday's session followed the first round on 16 May.", "2025-06-03"),
        # 6 March 2025 is a Thursday: "on Wednesday" the day before; 3 June would be six days on
        ("Published on 03/06/2025", "Talks were held on Wednesday in Jeddah.", "2025-03-06"),
    ],
)
def test_a_slashed_date_both_ways_a_day_is_read_the_way_the_text_fits(header: str, body: str, expected: str) -> None:
    text = f"Headline\n\n{header}\n\n{body}"
    published = published_of(text)
    assert (published.day.isoformat() if published.day else None, published.basis) == (expected, "dateline")


def test_a_publication_word_above_a_day_without_a_year_is_a_dateline() -> None:
    text = "Headline\n\nPublished\n\n18 March\n\nThe talks resumed by video on Monday 14 March."
    published = published_of(text)
    assert published.day == date(2022, 3, 18)


def test_a_wire_dateline_with_the_country_after_the_city_fixes_the_day() -> None:
    text = (
        "Headline\n\nBELOVEZHSKAYA PUSHCHA, Belarus, March 7 (Reuters) - Negotiators made limited progress at "
        "their third round of talks. The first round was held on Feb. 28."
    )
    dateline = clean_article(RawArticle("a", "a", text, "h")).dateline
    assert dateline == "BELOVEZHSKAYA PUSHCHA, Belarus, March 7 (Reuters) -"
    assert published_of(text).day == date(2022, 3, 7)


def test_a_wire_dateline_with_its_sources_in_brackets_is_a_dateline() -> None:
    text = (
        "Headline\n\nMOSCOW (UrduPoint News / Sputnik - 07th April, 2022) Ukraine presented a new draft treaty "
        "with Russia on April 6, Sergei Lavrov said on Thursday."
    )
    assert (
        clean_article(RawArticle("a", "a", text, "h")).dateline
        == "MOSCOW (UrduPoint News / Sputnik - 07th April, 2022)"
    )
    published = published_of(text)
    assert (published.day, published.basis) == (date(2022, 4, 7), "dateline")


def test_last_year_said_of_a_dated_year_puts_the_article_in_the_year_after() -> None:
    text = (
        "Headline\n\nThe first round of negotiations took place on February 28, 2022, in Belarus. Boris Johnson "
        "visited Kyiv in early April last year, on April 9, 2022, and met with Zelensky."
    )
    published = published_of(text)
    assert published.day is not None and published.day.year == 2023
    assert any("last year" in line and "2022" in line for line in published.evidence)


def test_a_wire_dateline_from_two_cities_is_a_dateline() -> None:
    text = "Headline\n\nKYIV/MOSCOW, March 1 (Reuters) - Negotiators were back in their capitals on Tuesday."
    published = published_of(text)
    assert published.day == date(2022, 3, 1)


def test_a_dateline_without_a_year_fixes_the_day_and_the_text_the_year() -> None:
    text = "Headline\n\nISTANBUL, March 29 (Reuters) - Russia promised on Tuesday to scale down operations near Kyiv."
    published = published_of(text)
    assert (published.day, published.end) == (date(2022, 3, 29), date(2022, 3, 29))


def test_a_month_part_reference_is_more_than_a_week_back() -> None:
    text = "Headline\n\nPutin said Kyiv reneged on talks in Turkey, late in March. On Wednesday, Macron spoke to media."
    published = published_of(text)
    assert published.day == date(2022, 4, 13)


def test_a_later_year_in_the_text_dates_a_retrospective_in_that_year() -> None:
    text = (
        "Looking back\n\nThe talks held in Istanbul on March 29, 2022 were the last face-to-face round. "
        "Two years later, in 2024, Putin said on Friday that the draft had been initialled."
    )
    published = published_of(text)
    assert published.day is not None and published.day.year == 2024


def test_a_year_less_agency_dateline_years_later_takes_the_year_its_weekday_fits() -> None:
    text = (
        "Headline\n\nISTANBUL, May 16 (Reuters) - Russia and Ukraine held talks on Friday, their first direct "
        "talks since they last met in March 2022."
    )
    published = published_of(text)
    assert published.day == date(2025, 5, 16)


def test_the_nth_day_of_the_war_and_its_weekday_date_the_article() -> None:
    text = "Headline\n\nTuesday marks the 20th day of Russia's full-scale war, which began on Feb. 24. Talks went on."
    published = published_of(text)
    assert published.day == date(2022, 3, 15)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("It is day 20 of the Russian invasion.", date(2022, 3, 15)),
        ("Today is the 21st day of Russia's full-scale war.", date(2022, 3, 16)),
    ],
)
def test_day_n_of_the_war_is_n_minus_one_days_after_it_began(line: str, day: date) -> None:
    text = f"Headline\n\n{line} Negotiators resumed talks by video link after pausing them on Monday."
    assert published_of(text).day == day


def test_a_live_pages_headline_opening_with_the_wars_day_dates_the_article() -> None:
    published = published_of(
        "Ukraine War, Day 83: Kyiv and Moscow Say Peace Talks Are on Hold\n\nThe talks are on hold."
    )
    assert published.day == date(2022, 5, 17)


def test_day_n_of_the_war_in_the_headline_dates_the_article() -> None:
    text = "At a glance: day 50 of the invasion\n\nThe defence ministry said on Thursday the ship sank."
    published = published_of(text)
    assert published.day == date(2022, 4, 14)


def test_a_past_verb_after_from_is_not_the_future() -> None:
    text = (
        "Headline\n\nThe draft deviated from what had been agreed in Istanbul on March 29, officials said on Tuesday."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2022, 3, 29)


def test_late_february_read_across_a_leap_year() -> None:
    text = "Headline\n\nThe war began in late February 2024. Talks were held on Monday, officials said on Tuesday."
    published = published_of(text)
    assert published.day is not None and published.day >= date(2024, 2, 29)


@pytest.mark.parametrize(
    ("body", "low", "high"),
    [
        ("A month after the invasion, talks continued on Tuesday.", "2022-03-15", "2022-04-10"),
        ("Six months into the war, officials spoke on Wednesday.", "2022-08-01", "2022-09-10"),
        ("Two weeks after Russia invaded, delegations met on Monday.", "2022-03-03", "2022-03-14"),
        ("Five weeks since Russia launched its full-scale invasion, the delegations met.", "2022-03-27", "2022-04-10"),
        ("Six weeks since the start of the war, the delegations met again on Tuesday.", "2022-04-01", "2022-04-12"),
        ("In the three-week-old war, the delegations met by video on Monday.", "2022-03-10", "2022-03-22"),
        ("The war, now in its seventh week, went on; Putin spoke on Tuesday.", "2022-04-07", "2022-04-14"),
        # an anniversary is a day: 'will mark two years since' on the Saturday to come
        ("On Saturday, Ukrainians will mark two years since Russia launched its invasion.", "2024-02-17", "2024-02-23"),
        # a count in words, and a count in the unit's own steps: within about that month, not two months either way
        (
            "What happened in 2022. Twenty-one months into the full-scale invasion, the front line has barely moved.",
            "2023-11-09",
            "2023-12-24",
        ),
        ("Thirteen months into the war, talks are frozen, officials said on Monday.", "2023-03-10", "2023-04-24"),
        ("Twelve full weeks into the war, the talks are on hold, Kyiv said on Friday.", "2022-05-13", "2022-05-27"),
        # the war told as the campaign or operation it is of
        (
            "Talks to end nearly two months of Russia's military campaign have stalled, Lavrov said on Friday.",
            "2022-04-08",
            "2022-04-24",
        ),
        ("After three weeks of the military operation, the delegations spoke on Monday.", "2022-03-10", "2022-03-21"),
        # 'nearly' a short time: a few days short of it, not more than the time itself
        (
            "Talks will be held, the negotiator said Wednesday, nearly one week into Russia's invasion.",
            "2022-03-02",
            "2022-03-02",
        ),
        # a weekday told that long after the war began: the article within the week after it
        (
            "Thursday's meeting came eight days after Vladimir Putin sent his troops across the border.",
            "2022-03-03",
            "2022-03-10",
        ),
    ],
)
def test_time_since_the_war_began_dates_the_article(body: str, low: str, high: str) -> None:
    published = work_out_published(clean_article(RawArticle("a", "a", f"Headline\n\n{body}", "h")), CONTEXT)
    assert published.day is not None and low <= published.day.isoformat() <= high


def test_a_year_less_dateline_and_its_ledes_weekday_pick_the_year_over_the_corpus_usual_one() -> None:
    text = (
        "Headline\n\nJEDDAH, March 11 (Reuters) - Ukraine said on Tuesday it was ready to accept a ceasefire proposal."
    )
    published = published_of(text)
    assert published.day == date(2025, 3, 11)  # a Tuesday; 11 March 2022 was a Friday
    assert any("weekdays fall on the days of the month it names in 2025" in e for e in published.evidence)


@pytest.mark.parametrize("line", ["June 17 (EP) –", "June 17 () –"])  # (the agency's name lost in the scrape)
def test_a_year_less_date_line_of_its_own_and_the_ledes_weekday_under_it_pick_the_year(line: str) -> None:
    """'June 17 (EP) –' on its own line: the agency's day; its story's first sentence tells that day's news."""
    text = (
        f"Headline\n\n{line}\n\nAfrican leaders travelled this Saturday to St. Petersburg and presented a "
        "peace plan to Putin."
    )
    published = published_of(text)
    assert published.day == date(2023, 6, 17)  # a Saturday; 17 June 2022 was a Friday


def test_a_day_and_its_agency_opening_the_story_are_its_date_line() -> None:
    # 'June 1 (Reuters) – ... on Wednesday': the agency's day, not a Wednesday a week later
    text = (
        "Headline\n\nJune 1 (Reuters) – Russia said on Wednesday that it did not rule out a meeting between "
        "President Vladimir Putin and his Ukrainian counterpart."
    )
    published = published_of(text)
    assert published.day == date(2022, 6, 1)


def test_weekdays_under_a_year_less_dateline_are_not_held_to_be_newer_than_its_own_day() -> None:
    # 'Moscow, April 13 (IANS)' with 'on Thursday' and 'on Friday' after the lede: the two days before a Saturday
    text = (
        "Ready for dialogue\n\nMoscow, April 13 (IANS) Putin has confirmed his readiness for dialogue, Kremlin "
        "spokesperson Dmitry Peskov said.\nIn a meeting with Alexander Lukashenko on Thursday, Putin noted that Moscow "
        "is in favour of talks.\nPeskov on Friday added that the draft reached in March 2022 could serve as the basis."
    )
    published = published_of(text)
    assert published.day == date(2024, 4, 13)  # a Saturday; in 2023 the 13th was a Thursday and Friday a week back


def test_a_lede_weekday_that_fits_the_usual_year_keeps_it() -> None:
    text = "Headline\n\nISTANBUL, March 29 (Reuters) - Russia promised on Tuesday to scale down operations near Kyiv."
    published = published_of(text)
    assert published.day == date(2022, 3, 29)


def test_a_weekday_with_its_date_in_the_text_picks_the_year_it_falls_on() -> None:
    text = "Headline\n\nOn Tuesday, March 11, Ukraine said it was ready to accept a ceasefire proposal."
    published = published_of(text)
    assert published.day is not None and published.day.year == 2025


def test_a_bare_weekday_the_day_before_a_weekday_with_its_date_dates_the_article_by_both() -> None:
    text = (
        "Headline\n\nLONDON (Reuters) - Russia and Ukraine held talks in Istanbul on Tuesday, and Moscow promised "
        "to scale down military activity around Kyiv, the Kremlin said on Wednesday, March 30."
    )
    published = published_of(text)
    assert published.day == date(2022, 3, 30)


def test_a_full_date_in_the_text_may_be_newer_than_a_bare_weekday() -> None:
    # the talks' day under a photo, and the call that arranged them 'on Sunday': the article is of that week
    text = (
        "Headline\n\nDelegations hold talks at Dolmabahce Palace in Istanbul, March 29, 2022.\n\n"
        "Negotiators on Tuesday wrapped up a new round of talks in Istanbul. Erdogan and Putin had agreed in a "
        "phone call on Sunday that Istanbul would host the meeting."
    )
    published = published_of(text)
    assert published.day == date(2022, 3, 29)


def test_a_weekday_numbered_fits_exactly_the_days_a_week_away_from_it() -> None:
    """'Monday (28)': the closed form agrees with looking at each of the seven days, across month ends."""
    from datetime import timedelta

    from app.ingest.published import _numbered_fit

    day = date(2023, 12, 20)
    while day < date(2024, 3, 15):  # December into a leap February and March
        for forward, offsets in ((True, range(0, 7)), (False, range(-6, 1))):
            week = [day + timedelta(days=o) for o in offsets]
            for target in (1, 7, 28, 29, 30, 31):
                numbered = [d for d in week if d.day == target]
                for weekday in range(7):
                    fits = any(d.weekday() == weekday for d in numbered)
                    expected = (fits, () if forward else tuple(numbered))
                    assert _numbered_fit(day, weekday, target, forward) == expected, (day, target, weekday)
        day += timedelta(days=1)


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_the_cheap_floor_never_exceeds_a_days_penalty(name: str) -> None:
    """Days are skipped on the floor alone, so it must never rule out a day the full penalty would keep."""
    from datetime import timedelta

    from app.ingest.published import Constraints, _collect_cues, _dateline_cues, _hard_floor, _penalty

    article = clean_article(read_article(SEEDS / name, 10**6))
    probe = date(2022, 7, 1)
    constraints = Constraints.of(_collect_cues(article, probe) + _dateline_cues(article, probe), CONTEXT)
    days = [date(2022, 1, 1) + timedelta(days=i) for i in range(365)]
    assert all(_hard_floor(d, constraints) <= _penalty(d, constraints, CONTEXT, True) for d in days)
    assert any(_hard_floor(d, constraints) > 0 for d in days) or not (
        constraints.not_before or constraints.captions or constraints.numbered or constraints.dateline_days
    )


@pytest.mark.parametrize(
    ("age", "first_day", "last_day"),
    [
        ("which is now in its fourth year", date(2025, 2, 24), date(2026, 2, 24)),
        ("now in its 3rd month", date(2022, 4, 24), date(2022, 5, 25)),
        ("as it enters its second year", date(2023, 2, 24), date(2024, 2, 24)),
        ("now in its 22nd month", date(2023, 11, 22), date(2023, 12, 25)),
    ],
)
def test_the_war_in_its_nth_year_or_month_dates_the_article_in_that_span(
    age: str, first_day: date, last_day: date
) -> None:
    text = f"Headline\n\nThe sides agreed on Friday to swap prisoners in the war, {age}. It began on Feb. 24, 2022."
    published = published_of(text)
    assert published.day is not None and first_day <= published.day <= last_day
    assert published.day.weekday() in {4, 5}  # on the Friday it reports, or the day after


def test_a_past_month_named_without_a_year_has_begun_when_the_article_appears() -> None:
    text = (
        "Headline\n\nThe war, now in its fourth year, began on Feb. 24, 2022. Talks resumed on Friday. "
        "Kyiv accepted a proposal for a ceasefire in March."
    )
    published = published_of(text)
    # March has begun (2025, the war's fourth year), and is over: in March itself one writes 'this month'
    assert published.day is not None and date(2025, 4, 1) <= published.day <= date(2025, 4, 30)


def test_an_agency_dateline_with_a_region_in_slashes_fixes_the_day() -> None:
    text = (
        "Headline\n\nBELOVEZHSKAYA PUSHCHA /Brest Region/, March 7. /TASS/. The third round of talks ended on "
        "Monday. Russia launched its operation on February 24.\n\n"
        "TASS Russian News Agency. Certificate of Mass Media Registration No. 03247 issued on April 2, 1999."
    )
    published = published_of(text)
    assert published.day == date(2022, 3, 7)


def test_a_publication_stamp_with_the_time_before_the_day_is_the_dateline() -> None:
    text = (
        "Guterres meets Putin in Moscow\n\nReuters and Agence France-Presse\nPublished: 10:48pm, 26 Apr, 2022\n"
        "Updated: 11:52pm, 26 Apr, 2022\n\nPutin told Guterres on Tuesday that he still hoped for a negotiated end "
        "to the war. The talks in Istanbul in late March had made progress, he said."
    )
    published = published_of(text)
    assert (published.day, published.basis) == (date(2022, 4, 26), "dateline")


def test_bare_weekdays_before_yesterdays_named_date_go_with_a_later_weekday() -> None:
    # a Tuesday's report: 'on Sunday' and 'on Friday' are older than 16 May, but 'on Tuesday' is newer
    text = (
        "Talks with Russia are on pause\n\n14:19\n\n"
        "On the evening of 16 May, the General Staff announced that the mission of the Mariupol garrison was over. "
        "Also on Tuesday, a deputy foreign minister said the talks had stalled. Finland's president confirmed on "
        "Sunday that the country would apply to join Nato. The first war-crimes trial opened in Kyiv on Friday. The "
        "last face-to-face round was held in Istanbul on 29 March."
    )
    assert published_of(text).day == date(2022, 5, 17)


def test_a_text_naming_recent_days_by_weekday_does_not_name_its_own_day_by_date() -> None:
    # 'on Tuesday' and 'on Saturday' are news; '29 March', told by the Saturday statement, is older than both: the
    # article is of the Tuesday after that Saturday, not of 29 March (a Tuesday) itself
    text = (
        "Talks will go on, the president says\n\nThe president said in a television interview on Tuesday that "
        "talks would continue. The ministry on Saturday denied the reports from the town. It said that all its units "
        "had left the town on 29 March."
    )
    published = published_of(text)
    assert published.day == date(2022, 4, 5)


def test_tomorrow_with_its_date_and_no_comma_dates_the_article_the_day_before() -> None:
    text = (
        "Third round ends\n\nThe third round of negotiations has ended in Belarus. Corridors for civilians were "
        "agreed, to open tomorrow 8 March from 10.00 am."
    )
    assert published_of(text).day == date(2022, 3, 7)


def test_older_news_told_as_such_is_no_sign_of_how_recent_the_article_is() -> None:
    # the post dates it after 17 July 2025; 'Earlier, in the previous two rounds ... on 16 May and 2 June' does not
    # pull it to 3 June 2026, the Wednesday right after the second of them: it is the first Wednesday it can be
    text = (
        "Third round\n\nRussia and Ukraine held a third round of talks on Wednesday. Rustem Umerov, Secretary of "
        "the National Security and Defence Council of Ukraine, spoke after it. Earlier, in the previous two rounds of "
        "talks held in Istanbul on 16 May and 2 June, prisoners of war were exchanged."
    )
    assert published_of(text).day == date(2025, 7, 23)


def test_a_wire_ledes_weekday_under_a_city_without_a_day_is_the_news_of_the_day() -> None:
    # 'on Sunday' told after the lede's Friday is older news: the article is of the Friday, not of a Sunday after it
    text = (
        "ISTANBUL, TURKEY | Xinhua | Delegations of Russia and Ukraine concluded their meeting in Istanbul on Friday."
        "\n\nThe Istanbul talks follow a proposal by Putin on Sunday to resume direct negotiations."
    )
    published = published_of(text)
    assert published.day is not None and published.day.weekday() == 4


def test_a_session_at_a_place_named_by_its_day_may_be_of_the_articles_week() -> None:
    # 'on Sunday' with 'Friday and Saturday' before it, and the talks in Istanbul on March 29 named by their day as
    # notable sessions are: the Sunday after them (April 3), not the one a week later
    text = (
        "Draft not ready for a summit\n\nThe draft is not ready, Russian media reported on Sunday, citing the chief "
        "negotiator. Work on the text continued in a remote format on Friday and Saturday, he said. The Russian "
        "and Ukrainian delegations met for peace talks in Istanbul on March 29."
    )
    assert published_of(text).day == date(2022, 4, 3)


def test_a_day_a_credited_caption_names_by_date_may_be_the_articles_own() -> None:
    # the video's caption dates Tuesday's words by the calendar ('April 12' is a Tuesday): a report of that day, not
    # of the Tuesday after
    text = (
        "Putin says talks are at an impasse\n\nPutin and Lukashenko meet Tuesday in eastern Russia. (Jane Roe/AFP/"
        "Getty Images)\n\nPresident Vladimir Putin on Tuesday said the talks had reached a dead end.\n\nPresident "
        "Vladimir Putin said on April 12 that the operation would achieve its objectives. (Video: Reuters)"
    )
    article = clean_article(RawArticle("a", "a", text, "h"))
    assert [s.is_caption for s in article.sentences] == [False, True]  # (the photo's credited caption is dropped)
    assert published_of(text).day == date(2022, 4, 12)


def test_a_war_that_has_lasted_years_dates_the_article_and_days_proposed_for_talks_are_to_come() -> None:
    # 'the conflict that has persisted for over three years' is the war's age now; 'proposed scheduling further
    # discussions between June 20 and June 30' looks ahead: a Tuesday three years after the war began, before June 20
    text = (
        "Talks yield little\n\nThe Kremlin spokesman said on Tuesday that the round held on Monday brought minimal "
        "advances in the conflict that has persisted for over three years. Kyiv proposed scheduling further "
        "discussions between June 20 and June 30."
    )
    published = published_of(text)
    assert published.day is not None and date(2025, 2, 24) < published.day < date(2025, 6, 20)
    assert published.day.weekday() == 1


def test_the_month_old_conflict_is_the_wars_age_and_a_meeting_proposed_for_days_of_june_is_to_come() -> None:
    text = "Swap\n\nUkraine and Russia swapped prisoners on Thursday, the first exchange in the month-old conflict."
    assert published_of(text).day == date(2022, 3, 24)
    text = "Talks\n\nThe sides met on Monday. Umerov said Ukraine proposed another meeting between June 20 and 30."
    day = published_of(text).day
    assert day is not None and day < date(2022, 6, 20) and day.weekday() == 0


def test_the_second_year_of_the_ongoing_conflict_is_the_wars_age() -> None:
    text = (
        "Putin hosts African leaders\n\nOn Saturday, June 17th, the president hosted a group of African leaders. "
        "Their visit comes amid the second year of the ongoing conflict."
    )
    assert published_of(text).day == date(2023, 6, 17)


def test_a_state_lasting_since_a_month_and_words_said_late_in_another_are_read_in_the_year_that_fits_both() -> None:
    # 'late September' said and talks 'stalled since March' (not written in March): an autumn Thursday after the war
    # began, not the first Thursday after it with September 2021 a day of the text
    text = (
        "Kremlin accuses Kyiv\n\nThe Kremlin on Thursday accused Kyiv of walking away from the talks in March. The "
        "president said in late September that Kyiv would not negotiate. Talks between the two sides have stalled "
        "since March. Russia launched a military offensive in Ukraine on February 24."
    )
    published = published_of(text)
    assert published.day is not None and date(2022, 10, 1) <= published.day <= date(2022, 12, 31)
    assert published.day.weekday() == 3  # a Thursday


@pytest.mark.parametrize(
    "told",
    [
        "After the first round of talks on February 28, a source said the next meeting may be moved.",
        "On February 28, the first round of talks took place in the Gomel region, lasting five hours.",
    ],
)
def test_a_numbered_round_named_by_its_day_is_no_sign_the_article_is_a_week_later(told: str) -> None:
    # 'after the first round of talks on February 28' names the round, as a text naming its news by weekday still
    # does, and so does 'On February 28, the first round ...': the Thursday is March 3, not March 10
    text = f"Venue may change\n\nAn expert close to the organisers said on Thursday that the venue was in doubt. {told}"
    assert published_of(text).day == date(2022, 3, 3)


@pytest.mark.parametrize(
    ("before", "names_the_round"),
    [
        ("After the first round of talks on ", True),
        ("The second round, held on ", True),
        ("The exchange agreed at the first round was carried out from ", False),
        ("The first round ended, and on ", False),
    ],
)
def test_a_round_named_by_its_day_is_the_ordinal_and_the_day_side_by_side(before: str, names_the_round: bool) -> None:
    from app.ingest.published import ROUND_BY_ITS_DAY

    assert bool(ROUND_BY_ITS_DAY.search(before)) is names_the_round


def test_talks_told_as_held_in_a_month_without_its_year_are_not_of_that_month() -> None:
    # 'in Istanbul in March' is not written in March (but 'earlier this month'); 'in March and April 2022' may be
    text = (
        "Neutral status\n\nThe president said on Tuesday that neutral status could be put to a referendum. At the "
        "peace talks in Istanbul in March, Kyiv proposed a treaty on security guarantees."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2022, 4, 1)


def test_talks_told_as_held_come_after_the_wars_first_day() -> None:
    # its only weekday is a Thursday, as the war's first day was: the second round having ended, it is a week on
    text = (
        "Second round ends\n\nThe second round of talks in Belarus has ended, the head of the delegation said. A "
        "negotiator on Thursday said the talks had not yielded the results hoped for."
    )
    context = CorpusContext(default_year=2022, conflict_start=date(2022, 2, 24))
    published = work_out_published(clean_article(RawArticle("a", "a", text, "h")), context)
    assert published.day == date(2022, 3, 3)


def test_a_text_telling_the_wars_start_by_its_date_and_a_meeting_to_come_is_between_the_two() -> None:
    text = (
        "Ministers to meet\n\nLavrov and Kuleba will meet in Antalya on March 10. It will be the first meeting of "
        "the ministers since the war started on Feb. 24."
    )
    published = published_of(text)
    assert published.day is not None and date(2022, 2, 25) <= published.day < date(2022, 3, 10)


def test_a_day_told_as_to_come_with_its_year_is_after_the_article() -> None:
    from app.ingest.published import Constraints, _collect_cues, _penalty

    text = "Ministers to meet\n\nThe ministers will meet on March 10, 2022."
    constraints = Constraints.of(
        _collect_cues(clean_article(RawArticle("a", "a", text, "h")), date(2022, 3, 1)), CONTEXT
    )

    def penalty(day: date) -> float:
        return _penalty(day, constraints, CONTEXT, True)

    assert penalty(date(2022, 3, 7)) < penalty(date(2022, 3, 14))  # after March 10 it would have passed


def test_a_year_before_the_war_does_not_set_the_articles_year() -> None:
    text = (
        "Headline\n\nThe talks resumed on Monday. The reserve is where the Soviet Union was dissolved in "
        "December 1991, and the agency was registered on April 2, 1999. The war began on February 24."
    )
    published = published_of(text)
    assert published.day is not None and published.day.year == 2022


def test_last_thursday_is_not_the_articles_own_day() -> None:
    # day 21 of the war is 16 or 17 March; on the 17th (a Thursday) 'last Thursday' would be a week back
    text = (
        "Headline\n\nToday is the 21st day of Russia's full-scale war. Last Thursday, Kuleba met Lavrov in Antalya. "
        "The talks resumed on Tuesday, and on Wednesday Podolyak spoke of compromise."
    )
    published = published_of(text)
    assert published.day == date(2022, 3, 16)


def test_a_weekday_with_its_date_soon_after_is_a_day_to_come() -> None:
    text = (
        "Headline\n\nThe third round ended on Monday, March 7. Lavrov and Kuleba had agreed to meet in Antalya "
        "on Thursday, March 10. The war began on February 24."
    )
    published = published_of(text)
    assert published.day is not None and published.day.year == 2022 and published.day < date(2022, 3, 10)


def test_the_wars_age_with_no_year_in_the_text_dates_the_article_in_a_later_year() -> None:
    text = "Headline\n\nThe delegations met on Wednesday in Istanbul. The war, now in its fourth year, began Feb. 24."
    published = published_of(text)
    assert published.day is not None and date(2025, 2, 24) <= published.day <= date(2026, 2, 24)


def test_a_day_named_by_its_date_lies_more_than_a_few_days_back() -> None:
    # 14 July 2025 is a Monday: an article of that week would say "on Monday", so Thursday the 24th, not the 17th
    text = (
        "Headline\n\nThe talks on Wednesday were short, and the Kremlin on Thursday played down a summit. "
        "On July 14, Trump threatened tariffs. The war, now in its fourth year, began on Feb. 24, 2022."
    )
    published = published_of(text)
    assert published.day == date(2025, 7, 24)


def test_a_day_of_last_year_dates_a_text_without_years_in_the_year_after_the_other_articles() -> None:
    text = (
        "Headline\n\nOn March 29th last year, the delegations met in Istanbul. On April 12th Mr Putin said the "
        "talks had reached a dead end. Last month, Davyd Arakhamia gave an interview."
    )
    published = published_of(text)
    assert published.day is not None and published.day.year == 2023


def test_days_after_the_invasion_told_of_a_past_date_are_not_the_wars_age_now() -> None:
    text = (
        "Headline\n\nThe war, now in its fourth year, goes on. The first talks were held on Feb. 28, 2022, four "
        "days after the invasion began. The delegations met again in Istanbul on Friday."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2025, 2, 24)
    assert "four days after the invasion began" not in published.evidence


@pytest.mark.parametrize(
    ("sentence", "cue", "is_age"),
    [
        (
            "Officials are skeptical, noting that Russian forces appear to be regrouping in the east nearly six "
            "weeks after the invasion began on February 24.",
            "nearly six weeks after the invasion began",
            True,
        ),
        (
            "Ukraine is a different country six months after the invasion began.",
            "six months after the invasion began",
            True,
        ),
        (
            "The first talks were held on Feb. 28, four days after the invasion began.",
            "four days after the invasion began",
            False,
        ),
        (
            "The talks, which are the first in weeks, were held four days after the invasion began.",
            "four days after the invasion began",
            False,
        ),
        (
            "The delegations, which are small, met on March 3, eight days after the invasion began.",
            "eight days after the invasion began",
            False,
        ),
    ],
)
def test_days_after_the_invasion_mid_sentence_are_the_wars_age_only_when_told_in_the_present(
    sentence: str, cue: str, is_age: bool
) -> None:
    """'its forces appear to be regrouping ... nearly six weeks after the invasion began': how long the war has
    lasted as the article is written; 'were held ... four days after the invasion began': when that was."""
    published = published_of(f"Headline\n\nThe talks go on. {sentence}")
    assert (cue in published.evidence) is is_age


def test_a_day_without_a_year_and_the_outlet_that_dated_it_fix_the_day() -> None:
    text = (
        "Headline\n\nMarch 17 (Mainichi Japan)\n\nRussian and Ukrainian negotiators held a third straight day of "
        "talks by video link on Wednesday. The delegations first met in Belarus on Feb. 28. A meeting in Istanbul "
        "on March 29 is planned."
    )
    assert published_of(text).day == date(2022, 3, 17)


@pytest.mark.parametrize("stamp", ["25 November, 14:10", "Updated on: November 25 / 7:18 AM / CBS News"])
def test_a_day_and_time_without_a_year_under_the_headline_fixes_the_day(stamp: str) -> None:
    text = (
        f"Headline\n\n{stamp}\n\nThe interview was aired on Friday evening, on the 640th day of the "
        "full-scale war. The first talks were held on 28 February 2022."
    )
    published = published_of(text)
    assert published.day == date(2023, 11, 25)


def test_last_friday_with_its_date_lies_before_the_article_never_ahead_of_it() -> None:
    """'last Friday, June 3' is a Friday gone by: the article is after it, not two days before a Friday to come."""
    text = (
        "Lavrov in Ankara\n\nRussian Foreign Minister Sergei Lavrov said on Wednesday that it was up to Ukraine to "
        "clear the mines.\n\nPutin said in a television interview last Friday, June 3, that Russia would guarantee "
        "the passage of grain ships.\n\nUkrainian officials said on Tuesday that Russia had handed over bodies."
    )
    published = published_of(text)
    assert published.day is not None and published.day > date(2022, 6, 3)
    assert published.day == date(2022, 6, 8)


@pytest.mark.parametrize(
    "heading",
    [
        "UKRAINE WAR LATEST — DAY 22",
        "Russia's War Against Ukraine, Day 22",
        "LIVE: Russia-Ukraine war Day 22 — Talks go on by video",
    ],
)
def test_a_live_pages_heading_counts_the_days_of_the_war(heading: str) -> None:
    text = (
        f"{heading}\n\nNegotiators talk of compromise\n\nThe negotiators on Thursday continued the "
        "talks, which began on Monday. Zelensky addressed Congress on Wednesday, invoking Pearl Harbor and the "
        "Sept. 11 attacks."
    )
    assert published_of(text).day == date(2022, 3, 17)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("The war, now in its ninth day, has driven a million out. They met on Thursday.", "2022-03-04", "2022-03-04"),
        (
            "As the invasion enters its 35th day, the delegations meet again. Talks ended on Tuesday.",
            "2022-03-30",
            "2022-03-30",
        ),
        ("The war, now seven weeks old, has shifted east. Talks ended on Tuesday.", "2022-04-09", "2022-04-21"),
        ("Kyiv rejected the calls as the war entered its fourth month.", "2022-05-24", "2022-06-24"),
        ("Russia's invasion of Ukraine, now in its fourth day, has driven thousands west.", "2022-02-27", "2022-02-27"),
        ("Thursday's talks took place on the eighth day of Russia's full-scale invasion.", "2022-03-03", "2022-03-10"),
        ("Shelling intensified around Kharkiv on day six of the invasion.", "2022-03-01", "2022-03-01"),
        ("Students left Sumy as the 13-day-old conflict ground on.", "2022-03-08", "2022-03-09"),
        # the conflict's day told in words past the tenth, and the war said to be in its day
        ("As the conflict enters its nineteenth day, the delegations talk again.", "2022-03-14", "2022-03-14"),
        ("The war is now in its twelfth day. Talks ended on Monday.", "2022-03-07", "2022-03-07"),
        # told in the past of the news of the day, as the war entered it: that day
        (
            "As the invasion entered its ninth day, Russian forces tightened their grip. Russian troops took "
            "control of Kherson on Wednesday. The delegations met on Monday.",
            "2022-03-04",
            "2022-03-04",
        ),
        ("As Invasion Enters 12th Day, Both Sides Hold Talks\n\nTalks ended on Monday.", "2022-03-07", "2022-03-07"),
        ("Students left Sumy 13 days into the war.", "2022-03-08", "2022-03-09"),
        ('"Today is the 34th day of our defense," the president said.', "2022-03-29", "2022-03-29"),
        (
            "Russia launched its full-scale invasion on Feb. 24. In the 40 days since, thousands have died.",
            "2022-04-04",
            "2022-04-05",
        ),
        # the war's start told with how long ago it was
        (
            "It was the first prisoner swap since Russia's invasion began a month ago. They met on Thursday.",
            "2022-03-24",
            "2022-03-24",
        ),
        ("Russia invaded Ukraine nearly three months ago. Talks ended on Tuesday.", "2022-05-10", "2022-05-17"),
    ],
)
def test_the_wars_age_told_after_its_noun_dates_the_article(sentence: str, low: str, high: str) -> None:
    published = published_of(f"Headline\n\n{sentence}")
    assert published.day is not None
    assert date.fromisoformat(low) <= published.day <= date.fromisoformat(high)


def test_so_many_years_on_from_a_month_the_sentence_dates_dates_a_retrospective() -> None:
    text = (
        "The Istanbul communique revisited\n\nTwo years on, the communique of March 2022 has become a Rorschach "
        "test for the war. On 29 March, Ukraine's delegation handed over a short document. The debate was reignited "
        "on Tuesday, when a long essay appeared."
    )
    published = published_of(text)
    assert published.day is not None and date(2024, 1, 1) <= published.day <= date(2024, 5, 31)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # counts of other things than the time since the day the sentence names
        ("On May 16, 2025, the delegations met in Istanbul for the first time in more than three years.", "2025-05-16"),
        (
            "On March 29, 2022, the delegations met in the Dolmabahce Palace, which was built 166 years ago.",
            "2022-03-29",
        ),
        (
            "The first round was held on February 28, 2022, and two weeks later the ministers met in Antalya.",
            "2022-02-28",
        ),
    ],
)
def test_only_a_count_on_that_opens_the_sentence_counts_from_its_date(sentence: str, day: str) -> None:
    published = published_of(f"Talks\n\n{sentence}")
    assert published.day is not None and published.day.year == date.fromisoformat(day).year
    assert published.day >= date.fromisoformat(day)


def test_weeks_ago_are_not_counted_from_a_year_told_of_something_else() -> None:
    text = (
        "Putin says talks at a dead end\n\nSpeaking on Tuesday to mark Cosmonautics Day, 61 years after Gagarin's "
        "flight in 1961, Putin said Kyiv had walked back from the proposals it made in Istanbul two weeks ago. The "
        "war, now seven weeks old, has shifted east."
    )
    published = published_of(text)
    assert published.day is not None and date(2022, 4, 9) <= published.day <= date(2022, 4, 21)


def test_a_photos_day_at_the_end_of_its_caption_is_not_news_the_text_would_name_by_weekday() -> None:
    # Thursday 7 April: Monday is the 4th; a photo of that day is captioned with its date
    text = (
        "Lavrov says Kyiv's new draft is unacceptable\n\nLavrov said on Thursday that the draft handed over on "
        "Wednesday was a step back. President Zelensky visited Bucha on Monday. Addressing the UN Security Council "
        "on Tuesday, he called for a tribunal. Ukraine said on Saturday that the Kyiv region had been retaken.\n\n"
        "A woman pulls a cart along a road in Bucha, April 4"
    )
    assert published_of(text).day == date(2022, 4, 7)


def test_a_day_of_the_war_in_words_told_of_the_past_does_not_date_the_article() -> None:
    text = (
        "Chornobyl, a year on\n\nOn the first day of the invasion, Russian troops seized the Chornobyl plant. "
        "The staff were held for weeks. On March 30, 2023, the plant's director spoke about those days."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2023, 3, 30)


def test_a_text_that_names_no_day_by_its_weekday_may_name_those_of_its_own_week_by_date() -> None:
    """A weekly names every day by its date ('On June 30th ...'): its latest is news of its own week."""
    text = (
        "Why the talks stopped\n\nOn June 27th a missile hit a shopping centre in Kremenchuk. On June 29th, in the "
        "largest exchange of the war so far, Ukraine got back 144 soldiers. On June 30th Russia pulled its troops "
        "off Snake Island."
    )
    published = published_of(text)
    assert published.day == date(2022, 6, 30)


def test_the_war_and_a_day_in_a_headline_is_not_always_the_wars_age() -> None:
    text = (
        "Grain deal talks\n\nRussia-Ukraine war: Day 2 of the Istanbul grain talks ends without a deal\n\n"
        "The delegations met on Wednesday, July 13, in Istanbul, and talks continued on Thursday."
    )
    assert published_of(text).day == date(2022, 7, 14)


@pytest.mark.parametrize(
    "told",
    [
        "The first meeting was held on February 28, 2022, in the Gomel region, four days into the war.",
        "The talks began barely four days into the war, on February 28, 2022, in the Gomel region.",
        "The talks began four days into the war on 28 February 2022.",
    ],
)
def test_days_into_the_war_with_a_date_tell_when_that_was_not_the_wars_age(told: str) -> None:
    # the war's start, four days before the date told: the article may be of any later day
    text = f"Headline\n\n{told} On Saturday, Ukrainians will mark two years since Russia launched its invasion."
    published = published_of(text)
    assert published.day is not None and date(2024, 2, 17) <= published.day <= date(2024, 2, 23)


def test_days_of_the_year_a_retrospective_names_in_full_do_not_pull_it_back_a_year() -> None:
    # 'March 3' and 'April 15' are 2022's, told after 'February 28, 2022': the anniversary dates the text
    text = (
        "Headline\n\nOn Saturday, Ukrainians will mark two years since Russia launched its full-scale invasion. "
        "The first meeting was held on February 28, 2022. The second round followed on March 3, and the third on "
        "March 7. Russia handed over a draft on April 15."
    )
    published = published_of(text)
    assert published.day is not None and date(2024, 2, 17) <= published.day <= date(2024, 2, 23)


@pytest.mark.parametrize("address", ["example.com/2022/00/17/talks", "example.com/2022/02/29/talks"])
def test_a_page_address_with_no_such_day_dates_nothing_and_breaks_nothing(address: str) -> None:
    published = published_of(f"Talks resume in Istanbul after a pause\n\n{address}\n\nThe delegations met on March 29.")
    assert published.basis == "inferred"


def test_an_anniversary_marked_in_the_past_does_not_pin_the_article() -> None:
    text = (
        "Headline\n\nIn late February, Ukraine marked two years since Russia launched its full-scale invasion. "
        "On April 10, Zelensky said talks were not possible. Kyiv's delegation met US officials on April 12."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2024, 4, 12)


def test_an_agency_dateline_in_capitals_after_the_agencys_name_fixes_the_day() -> None:
    text = (
        "Headline\n\n(ANSA) - ROME, MAR 10 - The foreign ministers met in Antalya. EU leaders meet in Versailles on "
        "Thursday and Friday."
    )
    published = published_of(text)
    assert published.day == date(2022, 3, 10)


def test_a_year_long_before_the_other_articles_is_background_before_the_wars_start_is_known() -> None:
    text = (
        "Headline\n\nOn Monday, the talks were put on hold, Kyiv said. McDonald's said it would leave Russia, more "
        "than three decades after its first restaurant opened in January 1990."
    )
    published = work_out_published(clean_article(RawArticle("a", "a", text, "h")), CorpusContext(2022, None))
    assert published.day is not None and published.day.year == 2022


def test_a_month_of_this_year_told_as_past_comes_before_the_article() -> None:
    text = (
        "Looking back at the drafts\n\n"
        "In November 2023, the negotiator gave a long interview. The talks had opened on 10 March in Antalya. "
        "In April this year, a detailed reconstruction of the drafts appeared. On Friday, the president spoke again."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2024, 4, 1)


def test_a_page_stamp_a_day_ahead_of_its_dateline_is_another_time_zone_not_another_year() -> None:
    text = (
        "Russia to reduce military activity after Istanbul talks\n\n"
        "Source: Xinhua | 2022-03-30 00:41:17 | Editor: huaxia\n\n"
        "ISTANBUL, March 29 (Xinhua) -- Russia has decided to reduce military activity, its deputy defence minister "
        "said on Tuesday after a new round of peace talks with Ukraine in Istanbul."
    )
    assert published_of(text).day == date(2022, 3, 29)


def test_a_yearless_day_under_a_headline_and_byline_with_the_wars_age_dates_a_retrospective() -> None:
    text = (
        "The Negotiating Table\nSubscribe\nSign in\n\n"
        "The ghost of Istanbul\n"
        "What the spring-2022 drafts tell us about the new offer\n\n"
        "Elena Marsh\nJun 18\n\n"
        "Nearly 28 months into the full-scale war, the drafts of March 29, 2022 are back. On Friday, Putin spoke at "
        "the foreign ministry. On Saturday and Sunday, delegations met at a resort."
    )
    published = published_of(text)
    assert published.day == date(2024, 6, 18)


@pytest.mark.parametrize(
    ("told", "low", "high"),
    [
        # the day the war began, so long ago: the war's age when the article was written
        ("Russia launched its invasion of Ukraine on February 24, nearly two months ago.", "2022-04-15", "2022-04-22"),
        # another day so long ago says nothing of the war's age, and is not shown as evidence of it
        ("The pipeline deal was signed on March 3, two months ago.", "2022-03-03", "2022-03-31"),
    ],
)
def test_the_wars_first_day_counted_back_from_the_article_dates_it(told: str, low: str, high: str) -> None:
    text = f"Kremlin says it handed Kyiv a draft\n\nThe Kremlin said Wednesday it had handed Ukraine a draft. {told}"
    published = published_of(text)
    assert published.day is not None and low <= published.day.isoformat() <= high
    counted_back = told.split(" on ")[1].rstrip(".")  # "February 24, nearly two months ago"
    assert (counted_back in published.evidence) == ("February 24" in told)


def test_a_retrospectives_year_less_days_after_a_date_of_the_war_are_not_its_news() -> None:
    # 'March 3 and March 7' go on from 'February 28, 2022': in a 2025 essay they are 2022's, not the week's news,
    # and 'four days into the war, on February 28, 2022' is when that was, not the war's age now
    text = (
        "Headline\n\nThree years after Russia's full-scale invasion of Ukraine, diplomacy is back. On February 12, "
        "the American president spoke with Vladimir Putin by telephone. Last Friday's meeting in the Oval Office went "
        "badly. And on Monday night, the White House paused military aid. The talks of 2022 began barely four days "
        "into the war, on February 28, 2022, in the Gomel region. Two more rounds followed in Belarus, on March 3 and "
        "March 7. Russia's draft was handed over on April 15."
    )
    published = published_of(text)
    assert published.day is not None and date(2025, 2, 17) <= published.day <= date(2025, 3, 10)


def test_a_year_less_day_told_before_any_date_of_an_earlier_year_is_the_articles_news() -> None:
    # 'on June 15' comes before the story of 2022 begins: this June's, so the article is of June, not of March
    text = (
        "Headline\n\nMore than two years after Russia's full-scale invasion, the war is still going on. When "
        "Vladimir Putin addressed diplomats on Friday, he set out his terms. A day later, on June 15, delegations"
        " met at a Swiss resort. The meeting, which ended on Sunday, produced a communique. On Monday, Dmitry "
        "Peskov said the talks were over. After three rounds of talks in Belarus, on February 28, March 3 and "
        "March 7, 2022, the delegations met in Istanbul on March 29. Russia's draft was sent on April 15. On May "
        "17 the talks were put on pause."
    )
    published = published_of(text)
    assert published.day is not None and date(2024, 6, 16) <= published.day <= date(2024, 6, 30)


def test_a_wire_storys_year_less_days_under_its_dateline_are_its_news_even_after_a_dated_photo() -> None:
    # the caption's 'February 28, 2022' is the news's own day: 'March 1' of the dateline does not go on from it
    text = (
        "Talks end without a deal\n\n"
        "Members of the delegations attend talks in the Gomel region, Belarus February 28, 2022. REUTERS\n\n"
        "KYIV/MOSCOW, March 1 (Reuters) - The two sides said on Tuesday they would meet again. The delegations met "
        "for nearly five hours on Monday. Ukraine agreed on Sunday to send a delegation. Russia invaded last Thursday."
    )
    assert published_of(text).day == date(2022, 3, 1)


def test_days_into_the_war_just_before_a_date_are_when_that_was() -> None:
    # 'began four days into the war, on February 28, 2022': not an article of the war's first fortnight
    text = (
        "Headline\n\nMore than two years after Russia's full-scale invasion, the war is still going on. "
        "The talks began four days into the war, on February 28, 2022, in the Gomel region."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2024, 2, 25)


def test_the_nth_day_since_the_invasion_was_launched_is_the_wars_age() -> None:
    # day one is the invasion's; a date shown with a sports fixture ('the 28 May showpiece') does not move it
    text = (
        "Live\n\nWelcome back to our live coverage on the fifth day since Vladimir Putin launched his invasion of "
        "Ukraine in the early hours of Thursday. Uefa moves the final - the 28 May showpiece will now be played in "
        "Paris. The delegations sat down on Monday."
    )
    assert published_of(text).day == date(2022, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        # a day of the war told as the past is no sign of the article's age
        "Headline\n\nOn the first day of the invasion, Russian troops seized the Chernobyl plant. On Tuesday, "
        "Podolyak said the talks were on hold. Russia's draft was handed over on April 15.",
        # nor is 'N weeks after Russia's invasion' when what follows is past
        "Headline\n\nTwo weeks after Russia's invasion, the foreign ministers met in Antalya. On Tuesday, Podolyak "
        "said the talks were on hold. Russia's draft was handed over on April 15.",
    ],
)
def test_a_day_of_the_war_told_of_the_past_does_not_date_the_article(text: str) -> None:
    published = published_of(text)
    assert published.day is not None and published.day >= date(2022, 4, 15)


def test_a_weekday_with_another_clause_between_it_and_the_wars_age_is_not_dated_by_it() -> None:
    from app.ingest.published import _duration_cues

    text = "Zelensky said on Thursday that the first talks, which were held four days after the invasion began, failed."
    assert [c for c in _duration_cues(text) if c.kind == "duration"] == []  # (a day gone by, not the war's age)


def test_a_numbered_weekday_told_as_last_night_is_the_day_before_the_article() -> None:
    text = (
        "Swap\n\nPresident Zelensky announced late last night - Wednesday (21) - that 215 prisoners had been freed. "
        "Putin's address on Wednesday morning announced a partial mobilisation."
    )
    published = published_of(text)
    assert published.day is not None and (published.day.day, published.day.weekday()) == (22, 3)  # Thursday 22


def test_with_no_stored_start_an_article_counts_the_wars_age_from_the_start_it_tells() -> None:
    text = (
        "What we know on day 35 of the invasion\n\nMore than 3.9 million people have fled Ukraine since the invasion "
        "began on 24 February. The announcement was made in Istanbul on Tuesday."
    )
    published = work_out_published(clean_article(RawArticle("a", "a", text, "h")), CorpusContext(2022, None))
    assert published.day == date(2022, 3, 30)  # day 35, counting 24 February as day 1
    assert "the war began 2022-02-24 (as the article says)" in published.evidence


@pytest.mark.parametrize(
    "told",
    [
        "- 24.02.2022 – Russia launches its full-scale invasion.",
        "- Feb. 24: Russia invades Ukraine.",
        "It was the first contact since Russia launched its military offensive on Feb. 24.",
        "It was the highest-level contact since Russian troops crossed the border on February 24th.",
        "Six weeks after the invasion began on 24 February, Russian forces have withdrawn from the north.",
    ],
)
def test_a_chronologys_entry_or_a_launched_offensive_tells_the_wars_start(told: str) -> None:
    text = f"What we know on day 35 of the invasion\n\n{told}\n\nThe announcement was made in Istanbul on Tuesday."
    published = work_out_published(clean_article(RawArticle("a", "a", text, "h")), CorpusContext(2022, None))
    assert published.day == date(2022, 3, 30)


@pytest.mark.parametrize(
    "entry",
    [
        "- April 18: Russia launches its offensive in the Donbas.",
        "- March 16: a theatre is hit during the invasion.",
        "Thousands of refugees crossed the border on March 3.",
        "- April 18: Russia launches a full-scale offensive in the Donbas.",
        "Since Ukrainian troops crossed the border on August 6, Kyiv has held part of the Kursk region.",
    ],
)
def test_a_chronologys_entry_of_a_later_happening_is_not_the_wars_start(entry: str) -> None:
    assert told_war_start(clean_article(RawArticle("a", "a", f"Chronology\n\n{entry}", "h"))) is None


RETROSPECTIVE_WITH_AN_ARCHIVE_PHOTO = """Negotiator says Moscow offered peace for neutrality

PHOTO: The two delegations at the first talks in the Gomel region, February 28, 2022.

"They hoped to the end that we would sign," the former head of the delegation told a television host \
in an interview broadcast on Friday, November 24.
He also recalled the visit of the British prime minister to Kyiv on April 9, 2022, \
less than two weeks after the delegations met in Istanbul on March 29.
On Saturday, a presidential adviser called the Russian reading of the interview manipulative.
At the end of October, diplomats from some 65 countries met in Malta to discuss the peace formula.
"""


def test_a_retrospective_is_dated_by_its_weekday_with_a_date_not_by_an_archive_photo() -> None:
    # the photo's day is not the news; 'March 29' just before 'April 9, 2022' is of 2022 too, no sign of the
    # article's age
    published = published_of(RETROSPECTIVE_WITH_AN_ARCHIVE_PHOTO)
    assert published.day == date(2023, 11, 25)


def test_a_weekday_with_its_date_told_of_the_past_is_not_a_day_months_ahead() -> None:
    # 'broadcast on Friday, November 24': nothing says it is to come, so the article is no earlier (in July 2023,
    # with the February and June it names recent, that Friday would be four months ahead)
    text = RETROSPECTIVE_WITH_AN_ARCHIVE_PHOTO + (
        "In June, the Russian president showed African leaders a draft treaty on June 17.\n"
        "In February, a former Israeli prime minister said in an interview posted on February 4 that a truce "
        "had been close.\n"
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2023, 11, 24)


def test_a_count_since_a_day_other_than_the_wars_start_is_not_the_wars_age() -> None:
    text = "Talks\n\nThe delegations met in Istanbul on March 29. In the 40 days since, little has moved."
    published = published_of(text)
    assert published.day is not None and not date(2022, 4, 3) <= published.day <= date(2022, 4, 5)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Talks in Moscow\n\nYesterday, March 16, Lavrov held talks with Cavusoglu. Kuleba spoke on Monday.",
            "2022-03-17",
        ),
        # a date to come does not push the article after it
        (
            "Press release\n\nThe ministers held a trilateral meeting today (10 March 2022). The forum, which will be "
            "held on 11-13 March 2022, will offer further contacts.",
            "2022-03-10",
        ),
    ],
)
def test_a_day_word_with_its_date_in_apposition_is_the_articles_day(text: str, day: str) -> None:
    assert published_of(text).day == date.fromisoformat(day)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "A year on\n\nExactly a year ago today, on 28 February 2022, two delegations met in Belarus. On Thursday "
            "the General Assembly voted; on Friday China published a paper.",
            "2023-02-28",
        ),
        ("Six months on\n\nSix months ago today (29 March 2022) the delegations met in Istanbul.", "2022-09-29"),
        ("Two weeks on\n\nOn Monday we recalled that two weeks ago today, on March 7, 2022, they met.", "2022-03-21"),
    ],
)
def test_so_long_ago_today_on_a_date_is_the_articles_day(text: str, day: str) -> None:
    published = published_of(text)
    assert (published.day, published.end) == (date.fromisoformat(day), date.fromisoformat(day))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # gone by: the article is of that day or the week after it (not of late May, before the day)
        ("A hundred days\n\nOn Friday, the war passed its 100th day. Last Saturday, Macron called Putin.", 3, 9),
        ("A hundred days\n\nAs the war passes its 100th day, the talks are frozen.", 3, 3),
    ],
)
def test_the_war_passing_its_nth_day_dates_the_article_from_that_day(text: str, low: int, high: int) -> None:
    published = published_of(text)
    assert published.day is not None and date(2022, 6, low) <= published.day <= date(2022, 6, high)


@pytest.mark.parametrize(
    "text",
    [
        "Talks\n\nNegotiators hope to meet again before the war reaches its 100th day, an official said on Tuesday.",
        "Talks\n\nIf the war passes its 100th day without talks, Kyiv will change tack.",
        "Talks\n\nThe war passed its 100th day last month. Since then, talks have been frozen.",
    ],
)
def test_the_wars_nth_day_in_a_condition_or_long_gone_is_not_its_age_now(text: str) -> None:
    published = published_of(text)
    assert published.day is None or not date(2022, 6, 3) <= published.day <= date(2022, 6, 10)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("A year on\n\nA year ago today, on 29 February 2024, the envoys met in Geneva.", "2025-02-28"),
        ("A month on\n\nOne month ago today, on 31 March 2022, the delegations met.", "2022-04-30"),
    ],
)
def test_so_long_ago_today_from_a_day_the_month_after_lacks_is_its_last_day(text: str, day: str) -> None:
    assert published_of(text).day == date.fromisoformat(day)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Kyiv marked the second anniversary of the full-scale invasion on Saturday.", "2024-02-17", "2024-03-02"),
        ("The publication comes a week after the second anniversary of the invasion.", "2024-03-01", "2024-03-04"),
        ("On the third anniversary of Russia's full-scale invasion, leaders met in Kyiv.", "2025-02-24", "2025-03-03"),
        ("With the first anniversary of the invasion approaching, talks are off.", "2023-01-24", "2023-02-24"),
        # the eve: the day before, told then or soon after (not a month before, as 'ahead of' may be)
        ("On the eve of the third anniversary of the invasion, reports emerged of a deal.", "2025-02-23", "2025-03-02"),
    ],
)
def test_the_wars_anniversary_tells_its_age(text: str, low: str, high: str) -> None:
    published = published_of(f"A year on\n\n{text}")
    assert published.day is not None
    assert date.fromisoformat(low) <= published.day <= date.fromisoformat(high)


def test_an_anniversary_in_apposition_to_its_day_is_no_sign_of_the_articles_age() -> None:
    text = "Talks\n\nBeijing's paper, published on February 24, the first anniversary of the invasion, was ignored."
    published = published_of(text)
    assert published.day is None or published.day.year == 2022


def test_a_date_to_come_told_as_this_weekends_puts_the_article_in_the_week_before_it() -> None:
    text = (
        "Peace summit\n\nThis weekend, representatives of ninety states will gather at a Swiss resort for a summit "
        "on 15 and 16 June. The talks in Istanbul were held in March."
    )
    published = published_of(text)
    assert published.day is not None and date(2022, 6, 8) <= published.day <= date(2022, 6, 15)


@pytest.mark.parametrize(
    "expected",
    [
        "Cavusoglu had previously said both sides were expected in Antalya on March 10.",
        "Cavusoglu said the ministers would meet in Antalya on Thursday, March 10.",
    ],
)
def test_a_date_to_come_for_the_ledes_news_of_this_week_puts_the_article_in_the_week_before_it(expected: str) -> None:
    """The lede's meeting 'this week' is the one the text dates ahead: its Monday is the one before the meeting,
    not the first Monday of the year."""
    text = f"Ministers to meet\n\nKuleba late Monday confirmed that he will meet Lavrov this week. {expected}"
    published = published_of(text)
    assert published.day == date(2022, 3, 7)


@pytest.mark.parametrize(
    ("closing", "low", "high"),
    [
        ("From the March 12th 2022 edition", "2022-03-02", "2022-03-12"),
        (
            'Published in the print edition of the March 21, 2022, issue, with the headline "Talks".',
            "2022-03-11",
            "2022-03-21",
        ),
    ],
)
def test_a_magazines_issue_date_is_a_day_the_article_is_online_by_not_news_it_reports(
    closing: str, low: str, high: str
) -> None:
    # the issue is dated days after the article went online: not a day the article comes after
    text = f"Talks\n\nThe delegations met again on Monday, and a convoy reached Sumy on Tuesday.\n\n{closing}"
    published = published_of(text)
    assert published.day is not None and date.fromisoformat(low) <= published.day <= date.fromisoformat(high)


def test_a_part_of_a_month_with_its_year_is_no_year_less_date_and_this_past_saturday_is_gone_by() -> None:
    text = (
        "Bennett speaks\n\nThis past Saturday, February 4, a former Israeli prime minister posted a long interview. "
        "His central claim is that in early March 2022 a ceasefire had been within reach. The first anniversary of "
        "the invasion is approaching later this month."
    )
    published = published_of(text)
    assert published.day is not None and date(2023, 2, 5) <= published.day <= date(2023, 2, 11)


def test_a_side_panels_stamp_below_the_text_is_not_the_pages_date() -> None:
    paragraphs = "\n\n".join(
        " ".join([f"Post {n}: delegations met in Istanbul on Tuesday to discuss a ceasefire and guarantees."] * 3)
        for n in range(3)
    )
    text = f"Recap thread\n\n{paragraphs}\n\nAbout Community\nCreated Feb 11, 2009\n520k Members"
    published = published_of(text)
    assert published.basis == "inferred" and published.day is not None and published.day.year == 2022


def test_a_date_line_the_text_tells_of_days_well_after_is_not_the_publication_date() -> None:
    text = "Talks\n\nMarch 3, 2021\n\nThe delegations met in Istanbul on March 29, 2022, and talked again by video."
    published = published_of(text)
    assert published.basis == "inferred" and published.day is not None and published.day >= date(2022, 3, 29)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # 'day one' is the war's start, not its age; a summit's second day is not Kyiv's count
        (
            "Since day one of the invasion, he has stayed in Kyiv. Talks in Istanbul on March 29 ended.",
            "2022-03-29",
            None,
        ),
        (
            "Day two of the defence summit opened with a speech. Talks were held in Istanbul on March 29.",
            "2022-03-29",
            None,
        ),
        # 'tomorrow' says nothing of when a summit to come in May is; a date to come is not behind the article
        (
            "Talks resume tomorrow, and a summit will be held on 15 May 2022. Talks were held in Istanbul on March 29.",
            "2022-03-29",
            "2022-05-14",
        ),
    ],
)
def test_rules_of_this_session_do_not_misfire_on_ordinary_text(text: str, low: str, high: str | None) -> None:
    published = published_of(f"Talks\n\n{text}")
    assert published.day is not None and published.day >= date.fromisoformat(low)
    assert high is None or published.day <= date.fromisoformat(high)


def test_the_day_before_yesterday_with_its_date_is_not_yesterday() -> None:
    published = published_of("Talks\n\nThe day before yesterday, March 14, the delegations met by video link.")
    assert published.day != date(2022, 3, 15)


def test_in_the_days_since_counts_from_the_last_day_told_before_it_not_always_the_wars_start() -> None:
    published = published_of(
        "Talks\n\nRussia launched its full-scale invasion on Feb. 24, and the delegations last met in Istanbul on "
        "March 29. In the 40 days since, no talks have been held."
    )
    assert published.day is not None and not date(2022, 4, 3) <= published.day <= date(2022, 4, 6)


def test_a_recording_credit_in_the_text_is_no_date_line() -> None:
    published = published_of(
        "Talks\n\nThree years after the talks in Istanbul, the delegations met again in 2025.\n\n"
        "Recorded on 27 March 2022\n\nHe spoke of the talks."
    )
    assert published.basis != "dateline"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Talks\n\nThree months ago today, Russian troops crossed into Ukraine. The talks are on pause.", "2022-05-24"),
        ("Day 90: the talks are on pause\n\nThe delegations have not met since the invasion.", "2022-05-24"),
        ("Talks\n\nFive weeks and a day into the war, the delegations have gone home.", "2022-03-31"),
        ("Antalya\n\nAs the invasion of Ukraine continues on its 15th day, the ministers meet today.", "2022-03-10"),
        (
            "Antalya\n\nThe minister said on Thursday there was no progress. It was the first meeting since the start "
            "of the Moscow offensive exactly two weeks ago.",
            "2022-03-10",
        ),
    ],
)
def test_the_wars_age_to_the_day(text: str, day: str) -> None:
    assert published_of(text).day == date.fromisoformat(day)


@pytest.mark.parametrize(
    "told",
    [
        "The first round was on the 28th of February 2022, in the Gomel region, four days into the invasion.",
        "Talks began on Feb. 28, four days after the invasion began.",
        "The first round of the talks was held on February 28, four days into the large-scale military operation.",
    ],
)
def test_a_day_told_so_many_days_after_the_invasion_tells_when_it_began(told: str) -> None:
    started = told_war_start(clean_article(RawArticle("a", "a", f"Talks\n\n{told}", "h")))
    assert started is not None and (started.month, started.day) == (2, 24)


@pytest.mark.parametrize(
    ("told", "started"),
    [
        ("Talks have stalled since Russia's Feb. 24 invasion of Ukraine.", (2, 24)),
        ("The talks were the first since the February 24 invasion.", (2, 24)),
        ("The war, which began on Feb. 24, has killed thousands.", (2, 24)),
        ("On February 24, Russia invaded Ukraine.", (2, 24)),
        ("Russia's invasion, launched on 24 February, stalled near Kyiv.", (2, 24)),
        ("Moscow's forces poured across the border on Feb. 24.", (2, 24)),
        ("Thousands have been killed since the war started in Ukraine on Feb. 24.", (2, 24)),
        ("There was no progress in the war that has ravaged Ukraine since last February 24.", (2, 24)),
        ("Russia launched a military offensive in Ukraine on February 24, condemned by most countries.", (2, 24)),
        # another happening's day: not the war's start
        ("On February 28, Russian troops entered Kherson.", None),
        ("Talks resumed after the March 16 attack on the theatre.", None),
        ("The war, which escalated on March 16, goes on.", None),
        ("The fighting that has intensified since March 29 goes on.", None),
        ("Russia launched a military offensive in the Donbas on April 18.", None),
    ],
)
def test_the_wars_start_told_before_the_invasion_or_in_a_clause_of_its_own(
    told: str, started: tuple[int, int] | None
) -> None:
    found = told_war_start(clean_article(RawArticle("a", "a", f"Talks\n\n{told}", "h")))
    assert (found and (found.month, found.day)) == started


LEDE = "Russia launched its full-scale invasion of Ukraine on February 24, 2022. "


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a later date told in the present ('ends on') does not undo a date line
        (
            "March 29, 2022\n\nTalks were held in Istanbul on Tuesday. Zelensky's five-year term ends on May 20, 2024.",
            None,
        ),
        # 'N months ago today' of something other than the start is not the war's age
        (
            LEDE + "Three months ago today, the delegations met in Istanbul, a month after the invasion began.",
            "2022-05-24",
        ),
    ],
)
def test_the_second_reviews_inputs_are_dated_as_a_reader_would(text: str, wrong: str | None) -> None:
    published = published_of(f"Talks\n\n{text}")
    if wrong is None:
        assert published.day == date(2022, 3, 29)
    else:
        assert published.day != date.fromisoformat(wrong)


def test_a_summit_diarys_day_is_not_the_wars_day() -> None:
    text = "NATO summit diary\n\nDay 3: The summit in Brussels ended with a pledge of aid, a month after the invasion."
    assert published_of(text).day != date(2022, 2, 26)


def test_a_start_told_with_its_year_counts_twice() -> None:
    from collections import Counter

    from app.ingest.store import Corpus
    from app.ingest.types import ToldStart

    corpus = Corpus.__new__(Corpus)  # only the starts told, no database
    corpus.told_starts = Counter({ToldStart(2, 24, 2022): 2, ToldStart(2, 20): 3})
    assert corpus._told(2022) == date(2022, 2, 24)


def test_a_war_said_to_begin_at_the_calendars_end_leaves_the_article_undated_without_an_error() -> None:
    article = clean_article(
        RawArticle("a", "a", "T\n\nOne month ago today, Russia launched its full-scale invasion.", "h")
    )
    published = work_out_published(article, CorpusContext(2022, date(9999, 12, 1)))
    assert published.basis == "undated"


def test_a_text_that_tells_of_the_war_with_weekdays_alone_is_written_after_it_began() -> None:
    text = "Bucha\n\nZelenskyy went to Bucha on Monday, weeks into the invasion. On Friday a swap freed 86 servicemen."
    published = published_of(text)
    assert published.day is not None and published.day >= date(2022, 2, 24)


def test_a_weekday_with_its_date_told_in_the_past_is_no_day_to_come() -> None:
    text = (
        "Talks in Belarus\n\nThe third round of talks began in Belarus on Monday, 7 March. The first round had taken "
        "place on 28 February, and the second on 3 March."
    )
    published = published_of(text)
    assert published.day is not None and date(2022, 3, 7) <= published.day <= date(2022, 3, 9)


def test_a_text_that_names_days_only_by_their_weekday_is_written_after_the_story_began() -> None:
    text = (
        "Adviser says talks were difficult\n\nThe adviser, who took part in Monday's talks, said they had been "
        "difficult. The delegations concluded their first meeting today and are going home to consult."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= CONTEXT.conflict_start


def test_with_no_start_told_a_text_naming_days_only_from_its_own_is_no_older_than_the_runs_earliest_article() -> None:
    text = "Adviser says talks were difficult\n\nThe adviser, who took part in Monday's talks, said they were hard."
    article = clean_article(RawArticle("a", "a", text, "h"))
    published = work_out_published(article, CorpusContext(2022, None, earliest_published=date(2022, 2, 28)))
    assert published.day == date(2022, 2, 28)


@pytest.mark.parametrize(
    ("context", "earliest"),
    [
        (CONTEXT, date(2025, 2, 24)),  # counted from the war's start
        (CorpusContext(2022), date(2025, 1, 1)),  # none told: from the year of the war the text names
    ],
)
def test_the_first_talks_in_so_many_years_are_that_long_after_the_story_began(
    context: CorpusContext, earliest: date
) -> None:
    text = (
        "Istanbul hosts talks\n\nThe sides met in Istanbul for their first face-to-face peace talks in three years. "
        "They agreed Friday to exchange 1,000 prisoners, the biggest swap since the start of the war in 2022."
    )
    published = work_out_published(clean_article(RawArticle("a", "a", text, "h")), context)
    assert published.day is not None and earliest <= published.day <= earliest + timedelta(days=366)
    assert any("three years" in line for line in published.evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The city hosted the first talks in Geneva in 60 years on Friday.",  # history, not the time since the story
        "The first round of talks in three days was held on Friday.",  # not a count of years or months
    ],
)
def test_other_firsts_in_so_long_leave_the_article_in_the_runs_year(sentence: str) -> None:
    published = published_of(f"Talks\n\n{sentence} The delegations met on March 10.")
    assert published.day is not None and published.day.year == 2022


def test_a_first_since_a_year_is_after_that_year_but_not_counted_on_from_it() -> None:
    # 'since 2022' tells that year as gone by; 'could come in three years' is no count of the time since it
    sentence = "Officials said on Friday that the first talks since 2022 could come in three years."
    published = published_of(f"Talks\n\n{sentence} The delegations met on March 10.")
    assert published.day is not None and published.day.year == 2023


def test_last_years_talks_put_the_article_a_year_after_the_runs_usual_year() -> None:
    text = (
        "Negotiator speaks\n\nThe head of the delegation during last year's talks with Russia said Russia offered "
        "to end the war in spring 2022. Boris Johnson came to Kyiv on April 9, he said."
    )
    published = published_of(text)
    assert published.day is not None and published.day.year == 2023
    told_plainly = published_of(text.replace("last year's talks", "the talks").replace("spring 2022", "spring"))
    assert told_plainly.day is not None and told_plainly.day.year == 2022


def test_a_present_perfect_counted_in_years_is_that_long_after_the_earliest_day_the_story_names() -> None:
    text = (
        "Istanbul 2022\n\nBetween March and May 2022, the effort failed. As we can see, the situation has changed "
        "little in more than three years. On 17 May 2022, Podolyak said the talks had been suspended."
    )
    published = work_out_published(clean_article(RawArticle("a", "a", text, "h")), CONTEXT)
    assert published.day is not None and date(2025, 3, 2) <= published.day <= date(2026, 3, 31)


@pytest.mark.parametrize(
    ("quote", "earliest"),
    [
        ("“All our units withdrew from the town on 30 March.”", date(2022, 3, 30)),  # told in the past: written after
        ("“All our units will withdraw from the town on 30 March.”", None),  # looked ahead to: says nothing
        ("“The talks are on 30 March.”", None),  # told in the present: says nothing
    ],
)
def test_a_day_a_quote_tells_of_in_the_past_is_one_the_article_comes_after(quote: str, earliest: date | None) -> None:
    published = published_of(f"Denial\n\nThe ministry on Sunday denied the reports, adding: {quote}")
    assert published.day is not None
    if earliest is None:
        assert published.day < date(2022, 3, 30)
    else:
        assert published.day >= earliest


def test_a_season_told_with_its_year_is_one_the_article_is_no_earlier_than() -> None:
    text = (
        "Istanbul again\n\nRussia cannot tie the talks that will be held in Istanbul on May 16 to the "
        "negotiations that took place in the spring of 2022, he said."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2022, 3, 1)


@pytest.mark.parametrize(
    ("told", "year"),
    [
        ("The negotiations in 2022 failed, he said on Friday.", 2023),  # a year told as gone by: the year after it
        ("Putin said in March 2022 that the talks were useful, he recalled on Friday.", 2023),
        ("The talks of the spring of 2022 came close, he said on Friday.", 2023),
        ("The war will end in 2022, he said on Friday.", 2022),  # a year to come: the run's usual year
        ("Posted 4th Friday, March 2022 - 09:30 UTC. He spoke on Friday.", 2022),  # a page's stamp, not a time told
        ("As of 2022, troops hold a fifth of the country, he said on Friday.", 2022),  # the present, not gone by
    ],
)
def test_a_year_told_as_gone_by_puts_the_article_in_a_later_year(told: str, year: int) -> None:
    published = published_of(f"Talks recalled\n\n{told} The delegations met on March 10.")
    assert published.day is not None and published.day.year == year


def test_last_year_beside_a_season_with_its_year_puts_the_article_in_the_year_after() -> None:
    text = (
        "Negotiator speaks\n\nThe head of the delegation during last year's talks has revealed that Russia "
        "offered to end the war in spring 2022. Boris Johnson came to Kyiv on April 9, he said."
    )
    published = published_of(text)
    assert published.day is not None and published.day.year == 2023


def test_numbered_rounds_told_with_their_days_are_kept_in_their_order() -> None:
    text = (
        "Talks end\n\nA third round of talks between the two delegations finished on Monday. "
        "The sides agreed on corridors at the second round of talks last week. "
        "On February 28, the first round of discussions took place."
    )
    published = published_of(text)
    # the second round 'last week' comes after the first on February 28, and the third 'on Monday' after it
    assert published.day is not None and date(2022, 3, 7) <= published.day <= date(2022, 3, 13)


def test_rounds_told_with_days_that_never_clash_leave_the_article_soon_after_them() -> None:
    text = "Talks end\n\nThe second round of talks was held on March 3. The first round took place on February 28."
    published = published_of(text)
    assert published.day is not None and date(2022, 3, 3) <= published.day <= date(2022, 3, 5)


def test_a_day_of_the_war_told_as_gone_by_is_one_the_article_is_no_earlier_than() -> None:
    """'on the eighth day of the war' with no weekday: the day the round took place, not the article's age."""
    text = (
        "Corridors agreed\n\nThe second round of talks took place at Belovezhskaya Pushcha on the eighth day of the "
        "war. As was the case in the first round of negotiations on 28th February, the delegates wore khaki."
    )
    published = published_of(text)
    assert published.day == date(2022, 3, 3)
    assert "the eighth day of the war" in published.evidence


def test_a_year_long_before_the_story_does_not_keep_an_article_from_the_wars_start() -> None:
    """'where in 1991 an agreement was signed' names no day of the story: the text, naming only 'today', is of the
    war's days, not of the first days of the year."""
    text = (
        "Corridors\n\nBelarus has held a second round of talks at Belovezhskaya Pushcha, where in 1991 an agreement "
        "was signed to dissolve the Soviet Union. A corridor has been agreed to open today."
    )
    published = published_of(text)
    assert published.day is not None and published.day >= date(2022, 2, 24)


def test_a_weekday_abbreviated_with_its_day_of_the_month_dates_the_article() -> None:
    """'Yesterday (Wed 20th)': a forum's or a newsletter's way of naming the day before the article's."""
    published = published_of("Headline\n\nYesterday (Wed 20th), Peskov said Russia had handed Kyiv a new draft.")
    assert published.day == date(2022, 4, 21)


def test_a_city_with_its_day_month_and_short_year_between_slashes_is_a_dateline() -> None:
    published = published_of(
        "Ministers meet\n\nBaku/10.03.22/ A trilateral meeting is taking place in Antalya on Thursday."
    )
    assert (published.day, published.basis) == (date(2022, 3, 10), "dateline")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # a post taken after the other articles' year: the article's year-less days are of its years
        (
            "Talks resume\n\nAfter the first round on May 16, both sides promised documents. The meeting on Monday "
            "lasted an hour, and a meeting with US President Donald Trump was unlikely, Peskov said on Tuesday.",
            "2025-05-17",
            "2025-12-31",
        ),
        # a post named as left: no earlier than its last day
        (
            "Johnson derailed the deal\n\nFormer UK Prime Minister Boris Johnson played a key role in derailing a "
            "peace deal, Arakhamia said on Friday.",
            "2022-09-06",
            "2022-12-31",
        ),
    ],
)
def test_a_post_named_with_a_person_dates_the_article_no_earlier_than_its_taking(
    text: str, low: str, high: str
) -> None:
    published = published_of(text)
    assert published.day is not None
    assert date.fromisoformat(low) <= published.day <= date.fromisoformat(high)


def test_a_day_of_the_war_told_with_news_of_the_day_is_the_wars_age_now() -> None:
    """'A Russian missile has struck ... on the sixth day of Russia's invasion': the day of the news, not only a day
    the article is no earlier than."""
    text = (
        "Kharkiv struck\n\nA Russian missile has struck the regional administration building on Kharkiv's Freedom "
        "Square on the sixth day of Russia's invasion of Ukraine. Russian troops crossed the border on Thursday."
    )
    assert published_of(text).day == date(2022, 3, 1)


def test_a_war_of_years_and_a_half_dates_the_article() -> None:
    # 'the three-and-a-half-year-long conflict': three and a half years since the war began, not three
    text = (
        "Talks on hold\n\nThe Kremlin said on Friday that peace talks were on hold as efforts to resolve the "
        "three-and-a-half-year-long conflict stalled."
    )
    day = published_of(text).day
    assert day is not None and date(2025, 5, 1) <= day <= date(2025, 10, 24) and day.weekday() == 4


@pytest.mark.parametrize(
    ("banner", "expected"),
    [
        # the site's banner four days after the year-less date line: the page was scraped within days, so the story
        # is of the banner's year (not the year its text's wrong 'Tuesday' would fit)
        ("Sunday, July 27, 2025", (date(2025, 7, 23), "dateline")),
        ("• Saturday, July 26, 2025", (date(2025, 7, 23), "dateline")),  # a bullet before the banner
        # months after it: the day of some later scrape, which says nothing of the year
        ("Sunday, November 16, 2025", (date(2024, 7, 23), "inferred")),
    ],
)
def test_a_sites_banner_days_after_a_yearless_dateline_gives_its_year(banner: str, expected: tuple[date, str]) -> None:
    text = (
        f"{banner}\n\nTalks end in Istanbul\n\nISTANBUL, July 23 — Russia and Ukraine wrapped up a new round of "
        "negotiations in Istanbul on Tuesday evening, ending in 40 minutes."
    )
    published = work_out_published(clean_article(RawArticle("a", "a", text, "h")), CorpusContext(default_year=2024))
    assert (published.day, published.basis) == expected


def test_a_date_line_whose_week_the_texts_numbered_weekdays_misfit_is_a_later_display_date() -> None:
    text = (
        "September 28, 2022\n\nTalks to resume on Monday\n\nThe delegations will talk again this Monday (14), when the "
        "conflict enters its nineteenth day. An adviser announced it on Twitter this Sunday (13)."
    )
    published = published_of(text)
    assert (published.day, published.basis) == (date(2022, 3, 13), "inferred")
    # in the date line's own week, 'this Monday (26)' fits it
    text = text.replace("(14)", "(26)").replace("(13)", "(25)").replace("nineteenth", "215th")
    assert published_of(text).basis == "dateline"


def test_a_weekday_and_date_opening_a_sentence_told_in_the_past_is_gone_by() -> None:
    # 'On Tuesday, April 12, Putin made his comments': that Tuesday has passed (not one five days to come)
    text = (
        "Putin says talks at a dead end\n\nOn Tuesday, April 12, Putin made his comments as Russian forces "
        "bombarded sites in the east. Before Moscow's withdrawal at the end of March, officials conducted talks."
    )
    assert published_of(text).day == date(2022, 4, 12)


def test_a_yearless_day_the_storys_age_is_counted_to_is_of_that_later_year() -> None:
    # 'On May 16th, ... resumed direct talks ... for the first time in more than three years' after 'April 2022':
    # May 16th of three years on, not one going on from April 2022
    text = (
        "Lavrov on the talks\n\nThe talks of April 2022 in Istanbul failed. On May 16th, the Russian and Ukrainian "
        "delegations resumed direct talks in Istanbul for the first time in more than three years."
    )
    day = published_of(text).day
    assert day is not None and date(2025, 5, 16) <= day <= date(2025, 12, 31)


def test_a_happening_told_as_so_long_after_the_invasion_puts_the_article_no_earlier() -> None:
    # 'talks were held ... more than a month after Russia launched a full-scale invasion': not the war's age now,
    # but a time gone by: its Tuesday is no earlier than a month after the start
    text = (
        "Headline\n\nRussia will reduce its military activity around Kyiv, a deputy minister said Tuesday as in-person "
        "talks were held in Istanbul more than a month after Russia launched a full-scale invasion."
    )
    assert published_of(text).day == date(2022, 3, 29)


def test_a_day_a_period_opens_on_is_named_by_its_date_however_recent() -> None:
    # 'a ceasefire starting May 12' beside 'on Friday': the Friday of that week, not one a week later
    text = (
        "Prisoner deal\n\nUmerov announced the deal following talks in Istanbul on Friday. The exchange follows a "
        "swap on May 6, 2025. Ukraine and its allies have pushed for an unconditional ceasefire starting May 12."
    )
    assert published_of(text).day == date(2025, 5, 16)


def test_no_article_is_dated_after_today() -> None:
    # a repost's stamp rules out the dateline's own year, and the next year whose March 1 fits the lede is to come
    text = (
        "Second round\n\n2024-04-30 04:39:01 [style] Source: a news portal\n\n"
        "MOSCOW, March 1 (Xinhua) -- The second round of peace talks could take place on Wednesday, the TASS news "
        "agency reported Tuesday citing sources."
    )
    published = published_of(text)
    assert published.day is not None and published.day <= date.today()


def test_a_page_last_modified_on_a_day_was_published_then_or_before() -> None:
    text = (
        "Third round\n\nArakhamia announced this Saturday that the third round would take place next Monday, March 7. "
        "The delegations met for the last time on Thursday, March 3.\n\n"
        "This post was last modified on April 6, 2022 3:07 pm"
    )
    published = published_of(text)
    assert published.day == date(2022, 3, 5)  # the Saturday after Thursday, March 3, not one after April 6


def test_a_page_last_edited_on_a_day_with_no_older_news_is_of_that_day() -> None:
    text = (
        "Istanbul talks\n\nThe delegations met in Istanbul in March 2022 and agreed on a draft.\n\n"
        "This page was last edited on 22 April 2024, at 16:05 (UTC)."
    )
    assert published_of(text).day == date(2024, 4, 22)


@pytest.mark.parametrize(
    ("lede", "day"),
    [
        # news of 'yesterday' under a photo of it dated June 17: the 18th
        (
            "During a meeting with African leaders yesterday, Putin showed a paper. Putin attends a meeting with "
            "African leaders in Saint Petersburg, Russia June 17, 2023. Pavel Bednyakov/Host photo agency",
            date(2023, 6, 18),
        ),
        # a date opening the text is its date line, the day 'yesterday' is counted from
        ("June 18, 2023 (EIRNS)—Meeting yesterday with African leaders, Putin showed a paper.", date(2023, 6, 18)),
    ],
)
def test_news_told_as_yesterdays_is_of_the_day_after_the_latest_day_named(lede: str, day: date) -> None:
    assert published_of(f"Putin shows draft\n\n{lede}").day == day
