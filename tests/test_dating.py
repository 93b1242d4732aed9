from datetime import date

import pytest

from app.ingest.dating import find_time_mentions, sets_narrative_year
from app.ingest.types import DateRange, TimeMention

TUE_8_MARCH = date(2022, 3, 8)
MON_28_MARCH = date(2022, 3, 28)
WED_27_APRIL = date(2022, 4, 27)
TUE_17_MAY = date(2022, 5, 17)


@pytest.mark.parametrize(
    ("sentence", "ref", "start", "end", "precision"),
    [
        ("Last week, the two sides held the first round.", TUE_8_MARCH, "2022-02-28", "2022-03-06", "week"),
        ("A corridor will be established from Tuesday.", TUE_8_MARCH, "2022-03-08", "2022-03-08", "day"),
        ("talks due to take place in Turkey from Tuesday", MON_28_MARCH, "2022-03-29", "2022-03-29", "day"),
        ("Denisenko said on Monday (28).", MON_28_MARCH, "2022-03-28", "2022-03-28", "day"),
        ("signaled on Friday that it was reducing its ambitions", MON_28_MARCH, "2022-03-25", "2022-03-25", "day"),
        ("talks should start by Tuesday", MON_28_MARCH, "2022-03-28", "2022-03-29", "range"),
        ("By Friday, the mood had cooled.", MON_28_MARCH, "2022-03-25", "2022-03-25", "day"),
        ("the summit that opens Saturday", MON_28_MARCH, "2022-04-02", "2022-04-02", "day"),
        ("Lavrov slated the proposal at talks in Istanbul on Tuesday", MON_28_MARCH, "2022-03-22", "2022-03-22", "day"),
        ("Kyiv says third round of talks set for Monday", date(2022, 3, 5), "2022-03-07", "2022-03-07", "day"),
        # a day named after "since" is past, even in a clause that looks ahead
        (
            "negotiators will meet for the first time since their third round on March 7",
            MON_28_MARCH,
            "2022-03-07",
            "2022-03-07",
            "day",
        ),
        ("put the drafts back on the agenda in June last year", date(2024, 6, 14), "2023-06-01", "2023-06-30", "month"),
        ("In June of this year, Putin showed the draft", date(2023, 11, 28), "2023-06-01", "2023-06-30", "month"),
        ("a deep dive on the negotiations in April of 2022", date(2024, 6, 15), "2022-04-01", "2022-04-30", "month"),
        ("acknowledged in an interview last November", date(2024, 6, 14), "2023-11-01", "2023-11-30", "month"),
        ("On March 29th last year, after three rounds", date(2023, 12, 7), "2022-03-29", "2022-03-29", "day"),
        # a week named in one clause does not hold the weekday of another, unless it is what was said then
        ("talks since the invasion last week, meeting on Monday", date(2022, 2, 28), "2022-02-28", "2022-02-28", "day"),
        ("had agreed to meet in Antalya on Thursday, March 10", TUE_8_MARCH, "2022-03-10", "2022-03-10", "day"),
        ("By Friday, the delegations will have met.", MON_28_MARCH, "2022-03-28", "2022-04-01", "range"),
        ("a meeting between foreign ministers on March 10", MON_28_MARCH, "2022-03-10", "2022-03-10", "day"),
        ("troops invaded on Feb. 24.", WED_27_APRIL, "2022-02-24", "2022-02-24", "day"),
        ("Earlier in the week, the Kremlin said", WED_27_APRIL, "2022-04-25", "2022-04-26", "range"),
        ("comments earlier this month", WED_27_APRIL, "2022-04-01", "2022-04-26", "range"),
        ("attempts have failed over the past week", WED_27_APRIL, "2022-04-20", "2022-04-27", "range"),
        ("agreed to hold a second round in the coming days", TUE_8_MARCH, "2022-03-09", "2022-03-15", "range"),
        ("talks held between February and April 2022", WED_27_APRIL, "2022-02-01", "2022-04-30", "range"),
        ("Rudenko said earlier in the day that Kyiv had withdrawn", TUE_17_MAY, "2022-05-17", "2022-05-17", "day"),
        ("the delegations met on 29.03.2022 in Istanbul", TUE_17_MAY, "2022-03-29", "2022-03-29", "day"),
        ("proposed a summit before the end of August", TUE_17_MAY, "2022-08-24", "2022-08-31", "range"),
        ("talks stalled before the end of March", TUE_17_MAY, "2022-03-24", "2022-03-31", "range"),
        ("the delegations met on 2022-03-29 in Istanbul", TUE_17_MAY, "2022-03-29", "2022-03-29", "day"),
        ("the delegations met on Tuesday 29 March in Istanbul", TUE_17_MAY, "2022-03-29", "2022-03-29", "day"),
        ("in the spring of 2022", date(2023, 11, 25), "2022-03-01", "2022-05-31", "range"),
        ("over the winter of 2023", date(2023, 11, 25), "2022-12-01", "2023-02-28", "range"),
        ("talks could resume within the next few weeks", TUE_8_MARCH, "2022-03-09", "2022-03-29", "range"),
        ("after a meeting in Kyiv last month", WED_27_APRIL, "2022-03-01", "2022-03-31", "month"),
        ("the Senate is expected to approve it as early as Wednesday", TUE_17_MAY, "2022-05-18", "2022-05-18", "day"),
        ("a draft submitted on April 15", TUE_17_MAY, "2022-04-15", "2022-04-15", "day"),
        ("talks in Turkey, late in March", date(2022, 4, 13), "2022-03-21", "2022-03-31", "range"),
        ("the talks two days ago", TUE_17_MAY, "2022-05-15", "2022-05-15", "day"),
        ("it happened yesterday", TUE_17_MAY, "2022-05-16", "2022-05-16", "day"),
        ("it happens tomorrow", TUE_17_MAY, "2022-05-18", "2022-05-18", "day"),
        ("UN cites evidence – Apr 22, 2022", TUE_17_MAY, "2022-04-22", "2022-04-22", "day"),
        ("officials spent Sunday trying to clarify", MON_28_MARCH, "2022-03-27", "2022-03-27", "day"),
        ("mid-March", date(2022, 4, 2), "2022-03-11", "2022-03-20", "range"),
        ("talks were held on 29 March in Istanbul", date(2022, 4, 5), "2022-03-29", "2022-03-29", "day"),
        ("talks held on March 29-30", date(2022, 4, 5), "2022-03-29", "2022-03-30", "range"),
        ("talks on 29–30 March 2022", date(2023, 1, 5), "2022-03-29", "2022-03-30", "range"),
        ("at the end of March", date(2022, 4, 5), "2022-03-24", "2022-03-31", "range"),
        ("Tuesday's talks in Istanbul ended", date(2022, 3, 30), "2022-03-29", "2022-03-29", "day"),
        ("last Friday", date(2022, 4, 5), "2022-04-01", "2022-04-01", "day"),
        ("two weeks ago", date(2022, 4, 5), "2022-03-19", "2022-03-25", "week"),
        ("welcomed the delegations this morning", date(2022, 3, 29), "2022-03-29", "2022-03-29", "day"),
        ("met in Istanbul from March 28 to March 30", date(2022, 4, 5), "2022-03-28", "2022-03-30", "range"),
        ("the forum ran from 11 to 13 March", date(2022, 4, 5), "2022-03-11", "2022-03-13", "range"),
        ("the delegations met on 2022.03.29 in Istanbul", TUE_17_MAY, "2022-03-29", "2022-03-29", "day"),
        # a fronted day before a clause that looks ahead is to come; before words reported, past
        ("On Saturday, Ukrainians will mark the day.", MON_28_MARCH, "2022-04-02", "2022-04-02", "day"),
        ("On Saturday, officials said they will meet.", MON_28_MARCH, "2022-03-26", "2022-03-26", "day"),
        # a meeting the sides have agreed to hold on a weekday is to come
        ("the ministers had agreed to meet in Antalya on Thursday", MON_28_MARCH, "2022-03-31", "2022-03-31", "day"),
        ("he agreed to meet after a phone call on Sunday", MON_28_MARCH, "2022-03-27", "2022-03-27", "day"),
        # 'by' a day in a clause told in the past: a day gone by
        ("Over the weekend, journalists saw the bodies", date(2022, 4, 4), "2022-04-02", "2022-04-03", "range"),
        ("the delegations will meet again over the weekend", date(2022, 4, 4), "2022-04-09", "2022-04-10", "range"),
        # 'this weekend' in an article of a Saturday or Sunday is the weekend it is written in; on a weekday, the next
        ("delegations met at the resort this weekend", date(2024, 6, 16), "2024-06-15", "2024-06-16", "range"),
        ("delegations will meet at the resort this weekend", date(2024, 6, 13), "2024-06-15", "2024-06-16", "range"),
        # a deadline whose verb follows it at once is still a deadline, in reported speech too
        ("Russia said that a deal by mid-May was possible.", TUE_17_MAY, "2022-05-11", "2022-05-20", "range"),
        ("Officials said a deal by Friday was unlikely.", date(2022, 4, 13), "2022-04-13", "2022-04-15", "range"),
        # a day fronted before a clause within the sentence that looks ahead is not to come itself
        (
            "On Saturday, the talks, which would resume soon, were suspended.",
            TUE_17_MAY,
            "2022-05-14",
            "2022-05-14",
            "day",
        ),
        (
            "the delegations met in Belarus during the weekend of 5-6 March",
            date(2022, 4, 13),
            "2022-03-05",
            "2022-03-06",
            "range",
        ),
        ("but by mid-May the negotiators were saying so", date(2023, 8, 10), "2023-05-11", "2023-05-20", "range"),
        # a part of a week: its first, middle or last days
        ("an interview that aired late last week", date(2023, 11, 28), "2023-11-23", "2023-11-26", "range"),
        ("at the end of last week", date(2023, 11, 28), "2023-11-24", "2023-11-26", "range"),
        ("talks are due early next week", date(2023, 11, 28), "2023-12-04", "2023-12-06", "range"),
        ("late last month", date(2023, 11, 28), "2023-10-21", "2023-10-31", "range"),
        # 'by' opening the sentence, and a verb of speaking told in the past, tell of a day gone by
        ("By mid-May, Podolyak said the talks were on pause.", date(2024, 4, 9), "2023-05-11", "2023-05-20", "range"),
        (
            "and by mid-May the Ukrainian negotiator Mykhailo Podolyak said the talks were on pause",
            date(2024, 4, 9),
            "2023-05-11",
            "2023-05-20",
            "range",
        ),
        # ... but what is to come by then stays ahead, whoever said so after it and whatever was agreed before
        (
            "By mid-May, the delegations hope to sign a treaty, Podolyak said.",
            date(2024, 4, 9),
            "2024-05-11",
            "2024-05-20",
            "range",
        ),
        (
            "By mid-May, a round that was agreed in Istanbul will be held in Minsk.",
            date(2024, 4, 9),
            "2024-05-11",
            "2024-05-20",
            "range",
        ),
        (
            "By mid-May, the deal must be confirmed by both parliaments.",
            date(2024, 4, 9),
            "2024-05-11",
            "2024-05-20",
            "range",
        ),
        ("Talks should be held by mid-May, the Kremlin said.", date(2024, 4, 9), "2024-05-11", "2024-05-20", "range"),
        ("By mid-May, Russia wants to hold talks again.", date(2024, 4, 9), "2024-05-11", "2024-05-20", "range"),
    ],
)
def test_expression_resolves_against_the_article_date(
    sentence: str, ref: date, start: str, end: str, precision: str
) -> None:
    mention = find_time_mentions(sentence, ref, ref_is_published=True)[-1]
    assert (mention.range.start.isoformat(), mention.range.end.isoformat(), mention.range.precision) == (
        start,
        end,
        precision,
    )


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("their third round in Istanbul on Wednesday of July 23", "Wednesday of July 23"),  # a translation's
        ("On Wednesday evening, July 23, the third round took place in Istanbul.", "Wednesday evening, July 23"),
    ],
)
def test_a_weekday_of_its_date_is_one_day_not_a_bare_weekday_beside_a_date(sentence: str, told: str) -> None:
    found = find_time_mentions(sentence, date(2025, 7, 24))
    assert [(m.kind, m.text, m.range.start) for m in found] == [("weekday_date", told, date(2025, 7, 23))]


def test_weekday_after_last_week_is_the_day_of_that_week() -> None:
    mentions = find_time_mentions("The head said last week that talks were held on Friday.", WED_27_APRIL)
    assert mentions[-1].range.start == date(2022, 4, 22)


def test_the_same_day_takes_the_date_before_it() -> None:
    mentions = find_time_mentions(
        "He spoke earlier in the day.", MON_28_MARCH, context=find_time_mentions("on Sunday", MON_28_MARCH)[0].range
    )
    assert mentions[0].range.start == date(2022, 3, 27)


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("The delegations met on 28 February and on 3 and 7 March.", [(28, 28), (3, 3), (7, 7)]),
        ("The delegations met on March 3 and 7.", [(3, 3), (7, 7)]),
        ("Talks were held on March 3, 7 and 10, then paused.", [(3, 3), (7, 7), (10, 10)]),
        # two days running are one happening over both, as '29-30 March' is
        ("The delegations met in Istanbul on March 29 and 30 in the palace.", [(29, 30)]),
        # a count after 'and' is not a day
        ("Shelling on March 3 and 7 people died.", [(3, 3)]),
    ],
)
def test_days_listed_with_a_month_named_once_are_days_of_that_month(sentence: str, days: list[tuple[int, int]]) -> None:
    mentions = find_time_mentions(sentence, WED_27_APRIL)
    assert [(m.range.start.day, m.range.end.day) for m in mentions] == days


def test_a_day_that_does_not_exist_is_not_a_date() -> None:
    assert find_time_mentions("February 30, 2022 was the deadline.", TUE_17_MAY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We may yet see progress.",
        "We now know a second thing.",
        "a $40 billion package",
        "“It will happen even today,” he said.",
    ],
)
def test_no_date_is_read_from_words_that_are_not_dates(sentence: str) -> None:
    assert find_time_mentions(sentence, TUE_17_MAY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "met on Tuesday 29 March",
        "met on Tuesday 29 March 2022",
        "met on Tuesday, March 29",
        # its date in brackets
        "met on Tuesday (March 29)",
        "met on Tuesday (29 March 2022)",
        "met on Tuesday (29.3.2022)",
    ],
)
def test_a_weekday_written_with_its_date_is_one_day_not_two(sentence: str) -> None:
    found = find_time_mentions(sentence, TUE_17_MAY)
    assert [(m.range.start, m.range.end) for m in found] == [(date(2022, 3, 29), date(2022, 3, 29))]


def test_each_pattern_needs_only_what_its_every_match_holds() -> None:
    """A pattern is run only on sentences holding what it needs (a month's name, a weekday's, a digit, a word of
    a period, 'ago', ...): every match it makes, over the seeds and the sentences of this file's tables, must hold
    those things itself."""
    from pathlib import Path

    from app.ingest.dating import PATTERNS, SIGNS

    signs = SIGNS
    here = Path(__file__).resolve()
    texts = [p.read_text(encoding="utf-8") for p in (here.parent.parent / "seeds").glob("*.txt")]
    texts.append(here.read_text(encoding="utf-8"))
    matched = set()
    for kind, needs, pattern in PATTERNS:
        for text in texts:
            for m in pattern.finditer(text):
                matched.add(kind)
                assert all(signs[letter].search(m.group(0)) for letter in needs), (kind, m.group(0))
    assert {"full_date", "weekday_numbered", "month_day", "weekday", "year"} <= matched
    # and the kinds each sign lets through are met in these texts too
    assert {"ago", "relative_period", "day_word", "same_day", "days_later", "past_period", "since_then"} <= matched


@pytest.mark.parametrize(
    "sentence", ["Russia may next year reconsider its stance.", "It could mar this year's summit."]
)
def test_may_and_mar_as_verbs_before_a_year_are_not_months(sentence: str) -> None:
    found = find_time_mentions(sentence, date(2022, 5, 1), ref_is_published=True)
    assert [m.range.precision for m in found if m.range.precision == "month"] == []


def test_a_day_told_in_a_retrospectives_year_stays_in_it() -> None:
    found = find_time_mentions(
        "The first round of talks was held on May 16.",
        date(2025, 5, 1),
        narrative=True,
        narrative_year=2022,
        ref_is_published=True,
    )
    assert [m.range.start for m in found] == [date(2022, 5, 16)]


def test_from_a_day_to_a_number_that_is_no_day_is_no_span() -> None:
    found = find_time_mentions("Support fell from March 28 to 30 percent.", date(2022, 4, 5), ref_is_published=True)
    assert [(m.range.start, m.range.end) for m in found] == [(date(2022, 3, 28), date(2022, 3, 28))]


def test_between_two_days_of_a_month_is_one_span() -> None:
    found = find_time_mentions(
        "Ukraine proposed holding another round of talks between June 20 and June 30.",
        date(2025, 6, 2),
        ref_is_published=True,
    )
    assert [(m.range.start, m.range.end) for m in found] == [(date(2025, 6, 20), date(2025, 6, 30))]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # a day soon to come is likelier than one ten months back, unless the clause it opens is told in the past
        ("On Feb. 20, the delegations will meet again.", date(2023, 2, 20)),
        ("On Feb. 28, the two delegations met on the Belarusian border.", date(2022, 2, 28)),
        ("Four days after the invasion, on Feb. 28, the two delegations met on the border.", date(2022, 2, 28)),
        # an abbreviated month run together with its day after the dot
        ("On Feb.28, the two delegations met on the Belarusian border.", date(2022, 2, 28)),
    ],
)
def test_a_fronted_day_of_a_clause_told_in_the_past_is_not_one_to_come(sentence: str, day: date) -> None:
    found = find_time_mentions(sentence, date(2022, 12, 28), ref_is_published=True)
    assert [m.range.start for m in found] == [day]


def test_a_fronted_day_told_in_the_past_within_a_month_ahead_is_still_that_one_not_last_years() -> None:
    # the article's own date may be a few days off; a year back is not
    found = find_time_mentions(
        "On July 29, prisoners were killed in an explosion.", date(2022, 7, 21), ref_is_published=True
    )
    assert [m.range.start for m in found] == [date(2022, 7, 29)]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("The delegations last met in the same palace on March 29, more than three years ago.", date(2022, 3, 29)),
        ("The talks began on February 28, three years ago.", date(2022, 2, 28)),
    ],
)
def test_a_day_counted_years_back_takes_that_year(sentence: str, day: date) -> None:
    found = find_time_mentions(sentence, date(2025, 5, 17), ref_is_published=True)
    assert [m.range.start for m in found] == [day]


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Three years ago today, two delegations sat down at a long table.", date(2022, 2, 28), date(2022, 2, 28)),
        ("Two years ago this week, negotiators met in Istanbul.", date(2023, 2, 27), date(2023, 3, 5)),
        ("A year ago this month, the talks ended.", date(2024, 2, 1), date(2024, 2, 29)),
        ("A year ago Thursday, a chartered plane landed in Riyadh.", date(2024, 2, 27), date(2024, 2, 27)),
    ],
)
def test_years_ago_today_is_that_day_years_back(sentence: str, start: date, end: date) -> None:
    found = find_time_mentions(sentence, date(2025, 2, 28), ref_is_published=True)
    assert [(m.range.start, m.range.end) for m in found] == [(start, end)]


@pytest.mark.parametrize(
    ("sentence", "ref", "day"),
    [
        # the article's own week, and a weekday with its date that fits only the article's year
        (
            "The sides last met on March 7, 2022, and sat down again in Istanbul on May 16.",
            date(2025, 5, 20),
            date(2025, 5, 16),
        ),
        (
            "Russia invaded in February 2022, and on Tuesday, April 1, the talks resumed.",
            date(2025, 4, 3),
            date(2025, 4, 1),
        ),
    ],
)
def test_a_year_named_earlier_in_the_sentence_does_not_take_the_articles_own_days(
    sentence: str, ref: date, day: date
) -> None:
    found = find_time_mentions(sentence, ref, narrative_year=2022, ref_is_published=True)
    assert found[-1].range.start == day


def test_of_that_year_does_not_take_a_number_that_is_no_year() -> None:
    found = find_time_mentions(
        "After the first meeting on Feb. 28 of that year, 2000 soldiers were freed.",
        date(2025, 3, 1),
        ref_is_published=True,
    )
    assert all(m.range.start.year > 2000 for m in found)


def test_at_the_same_time_is_no_date_but_at_the_same_hour_is_the_day_told() -> None:
    feb_28 = DateRange(date(2022, 2, 28), date(2022, 2, 28), "day")
    assert find_time_mentions("At the same time, Russian forces shelled Kharkiv.", date(2022, 3, 1), feb_28) == []
    (same_hour,) = find_time_mentions("At the same hour, Russian forces shelled Kharkiv.", date(2022, 3, 1), feb_28)
    assert same_hour.range == feb_28


def test_a_happening_named_by_its_day_is_not_a_date() -> None:
    assert find_time_mentions("He invoked Pearl Harbor and the Sept. 11 attacks.", date(2022, 3, 17)) == []


def test_several_years_ago_today_names_no_day() -> None:
    assert find_time_mentions("Several years ago today, talks began.", date(2025, 2, 28)) == []


def test_years_ago_today_sets_the_year_the_text_goes_on_telling_of() -> None:
    found = find_time_mentions(
        "Three years ago today the first round opened, and on 3 March the second followed.",
        date(2025, 2, 28),
        ref_is_published=True,
    )
    assert [m.range.start for m in found] == [date(2022, 2, 28), date(2022, 3, 3)]


def test_years_ago_names_the_year_the_text_goes_on_telling_of_but_dates_nothing() -> None:
    """'Two years ago, in the first weeks of the invasion, ...' (in April 2024): 2022, as a whole year, which
    sets the year a retrospective tells of; no event of the text is dated by it."""
    (back,) = find_time_mentions("Two years ago, negotiators came closer to a deal.", date(2024, 4, 30))
    assert (back.kind, back.range) == ("years_back", DateRange(date(2022, 1, 1), date(2022, 12, 31), "year"))
    assert sets_narrative_year(back.kind, "", 0, back.range.end.year, date(2024, 4, 30))
    assert find_time_mentions("A few years ago, talks failed.", date(2024, 4, 30)) == []
    (spring,) = find_time_mentions(
        "Two springs ago, in a gilded hall, a delegation handed over a document.", date(2024, 5, 13)
    )
    assert (spring.kind, spring.range.start.year) == ("years_back", 2022)


APRIL_4_2022 = TimeMention("April 4", 0, 7, "month_day", DateRange(date(2022, 4, 4), date(2022, 4, 4), "day"))
FEB_28_2022 = TimeMention(
    "28 February 2022", 0, 16, "full_date", DateRange(date(2022, 2, 28), date(2022, 2, 28), "day")
)
FRIDAY_2023 = TimeMention("last Friday", 0, 11, "weekday", DateRange(date(2023, 11, 24), date(2023, 11, 24), "day"))
MONDAY_2025 = TimeMention("on Monday", 0, 9, "weekday", DateRange(date(2025, 7, 21), date(2025, 7, 21), "day"))


@pytest.mark.parametrize(
    ("sentence", "ref", "before", "day"),
    [
        # a story told in order: the next year-less day weeks later is of the same year, not of the article's
        ("On April 15, Russia sent Ukraine a draft treaty.", date(2024, 6, 14), APRIL_4_2022, date(2022, 4, 15)),
        ("On April 15, Russia sent Ukraine a draft treaty.", date(2024, 6, 14), None, date(2024, 4, 15)),
        # a text back in its own days: a day some months back is of this year, not of the year told of above
        ("Putin proposed direct talks on May 11.", date(2025, 7, 23), MONDAY_2025, date(2025, 5, 11)),
        ("Putin proposed direct talks on May 11.", date(2025, 7, 23), None, date(2022, 5, 11)),
        # a date with its year told just before: the story goes on in it
        (
            "They moved online, and finally, on 29 March, to Istanbul.",
            date(2024, 4, 20),
            FEB_28_2022,
            date(2022, 3, 29),
        ),
        # a day more than some months back, after days of the article's own: of the year told of
        # a text back in its own days stays in them for a day months back
        ("Trump and Putin spoke by phone on February 12.", date(2025, 7, 23), MONDAY_2025, date(2025, 2, 12)),
    ],
)
def test_a_year_less_day_goes_on_in_the_year_of_the_day_told_just_before(
    sentence: str, ref: date, before: TimeMention | None, day: date
) -> None:
    found = find_time_mentions(sentence, ref, narrative_year=2022, ref_is_published=True, told_just_before=before)
    assert [m.range.start for m in found] == [day]


@pytest.mark.parametrize(
    ("sentence", "narrative_year"),
    [
        ("Medinsky led the delegation in 2022, when the sides met in Istanbul on March 29 of that year.", None),
        ("After their meeting on March 29 of that year, the talks were paused on May 17, 2022.", None),
        ("At the talks in Istanbul on March 29 of that year, he said, the sides agreed.", 2022),
        # a year named as a word's attribute
        ("The palace hosted the last face-to-face round of the 2022 talks, on March 29 of that year.", None),
    ],
)
def test_a_day_of_that_year_takes_the_year_named_before_it(sentence: str, narrative_year: int | None) -> None:
    found = find_time_mentions(sentence, date(2025, 6, 2), ref_is_published=True, narrative_year=narrative_year)
    assert next(m.range.start for m in found if m.range.precision == "day") == date(2022, 3, 29)


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        (
            "Three rounds were held, on February 28, March 3 and March 7, 2022.",
            [date(2022, 2, 28), date(2022, 3, 3), date(2022, 3, 7)],
        ),
        # not a day told apart from a later full date
        ("On March 3, Zelensky said the talks of March 29, 2022 had failed.", [date(2023, 3, 3), date(2022, 3, 29)]),
        # nor a list whose days come after its last date
        ("They met on May 16 and on March 29, 2022.", [date(2023, 5, 16), date(2022, 3, 29)]),
        # a span's start shares its end's year, months apart ('and' lists: weeks)
        ("Date: 28 February – 17 May 2022", [date(2022, 2, 28), date(2022, 5, 17)]),
        ("The talks ran from 28 February to 17 May 2022.", [date(2022, 2, 28), date(2022, 5, 17)]),
        ("They met on 28 February and on 17 May 2022.", [date(2023, 2, 28), date(2022, 5, 17)]),
    ],
)
def test_year_less_days_listed_before_a_full_date_share_its_year(sentence: str, days: list[date]) -> None:
    found = find_time_mentions(sentence, date(2024, 6, 18), narrative_year=2023, narrative=True, ref_is_published=True)
    assert [m.range.start for m in found if m.range.precision == "day"] == days


def test_almost_n_years_ago_is_less_than_n_years_back() -> None:
    found = find_time_mentions("The talks began on March 29, almost three years ago.", date(2025, 6, 1))
    assert [m.range.start for m in found] == [date(2023, 3, 29)]


def test_due_in_part_to_does_not_look_ahead() -> None:
    found = find_time_mentions("Talks were delayed due in part to logistics on Monday.", date(2022, 3, 2))
    assert [(m.range.start, m.forward) for m in found] == [(date(2022, 2, 28), False)]


def test_a_month_of_that_year_takes_the_year_named_before_it() -> None:
    found = find_time_mentions(
        "Talks were held in 2022. In March of that year, the delegations met.", date(2024, 7, 9), ref_is_published=True
    )
    assert [(m.text, m.range.start, m.range.end) for m in found][-1] == (
        "In March",
        date(2022, 3, 1),
        date(2022, 3, 31),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "On March 20, Kuleba recalled the talks between Russia and Ukraine in Istanbul on March 29, 2022.",
        "Zelensky spoke with Erdogan on March 20 and thanked him for hosting the talks on March 29, 2022.",
    ],
)
def test_a_year_less_day_and_a_later_full_date_joined_by_words_are_no_list(sentence: str) -> None:
    found = find_time_mentions(sentence, date(2023, 3, 25), ref_is_published=True)
    assert [m.range.start for m in found if m.text.startswith("March 20")] == [date(2023, 3, 20)]


def test_a_range_ending_on_a_leap_day_in_a_list_of_a_year_without_one_is_no_crash() -> None:
    found = find_time_mentions("The talks on February 27-29 and March 3, 2023 produced no deal.", date(2024, 6, 1))
    assert date(2023, 3, 3) in [m.range.start for m in found]


def test_a_year_less_day_just_before_a_full_date_earlier_in_its_sentence_takes_its_year() -> None:
    sentence = (
        "The delegation handed over the communique on March 29, 2022, after three rounds in Belarus between "
        "February 28 and March 7 and weeks of talks by video."
    )
    found = find_time_mentions(sentence, date(2024, 4, 17), narrative_year=2022, ref_is_published=True)
    assert [m.range.start for m in found] == [date(2022, 3, 29), date(2022, 2, 28), date(2022, 3, 7)]


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("Previous attempts to evacuate Mariupol on Saturday and Sunday collapsed.", [(26, 27)]),
        ("EU leaders gathering in Brussels on Monday and Tuesday will seek a sixth package.", [(28, 29)]),
        ("Talks were held on Monday and on Thursday.", [(28, 28), (24, 24)]),  # not two days running: two days
    ],
)
def test_two_days_running_named_by_their_weekdays_are_one_span(sentence: str, spans: list[tuple[int, int]]) -> None:
    found = find_time_mentions(sentence, date(2022, 3, 29), ref_is_published=True)
    assert [(m.range.start.day, m.range.end.day) for m in found] == spans


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Three days later, the CIA director met his Russian counterpart in Ankara.", date(2022, 11, 14), None),
        ("In a video address that night, Zelenskiy proposed a swap.", date(2022, 11, 11), None),
        ("A week later, talks resumed.", date(2022, 11, 17), date(2022, 11, 19)),  # about a week: a day either way
    ],
)
def test_days_later_and_that_night_count_from_the_date_told_before(
    sentence: str, start: date, end: date | None
) -> None:
    before = DateRange(date(2022, 11, 11), date(2022, 11, 11), "day")
    (found,) = find_time_mentions(sentence, date(2022, 12, 14), before, ref_is_published=True)
    assert (found.range.start, found.range.end) == (start, end or start)


def test_days_later_with_no_date_told_before_dates_nothing() -> None:
    assert find_time_mentions("Three days later, they met again.", date(2022, 12, 14)) == []


def test_a_date_in_apposition_to_a_weekday_looks_ahead_with_its_clause() -> None:
    sentence = "Moscow proposed a new round of negotiations to be held in Istanbul on next Monday, June 2, 2025."
    (found,) = find_time_mentions(sentence, date(2025, 5, 28))
    assert (found.range.start, found.forward) == (date(2025, 6, 2), True)


def test_a_full_date_to_come_looks_forward() -> None:
    sentence = "The forum, which will be held on 11-13 March 2022, will offer further contacts."
    (found,) = find_time_mentions(sentence, date(2022, 3, 10))
    assert found.forward
    (held,) = find_time_mentions("The forum was held on 11-13 March 2022.", date(2022, 3, 20))
    assert not held.forward


@pytest.mark.parametrize(
    "sentence",
    [
        "Arakhamia said the talks could resume at the end of August, after the counteroffensive.",
        "Read also: Arakhamia: Talks with Russia may resume in late August",
        "Officials said a fifth round might take place in mid-August.",
        "Kyiv has yet to answer Russia's proposal to hold the next round of talks in Istanbul in mid-August.",
        "The delegations discussed a fourth round, to be held in Istanbul in mid-August.",
    ],
)
def test_a_happening_that_could_or_may_come_looks_forward(sentence: str) -> None:
    (found,) = find_time_mentions(sentence, date(2022, 6, 30))
    assert (found.range.start.year, found.range.start.month, found.forward) == (2022, 8, True)


@pytest.mark.parametrize(
    ("sentence", "ref", "day"),
    [
        ("Peskov said on March 1 that a second round could take place on Wednesday.", "2022-03-04", "2022-03-02"),
        ("Officials said in April that talks would resume after May 9.", "2022-06-10", "2022-05-09"),
        ("In July, Arakhamia said the talks could resume at the end of August.", "2022-10-15", "2022-08-24"),
    ],
)
def test_a_day_to_come_when_it_was_said_is_counted_from_then(sentence: str, ref: str, day: str) -> None:
    *_, ahead = find_time_mentions(sentence, date.fromisoformat(ref), ref_is_published=True)
    assert (ahead.range.start, ahead.forward) == (date.fromisoformat(day), True)


def test_spans_tell_overlaps_and_places_inside_as_a_scan_would() -> None:
    from random import Random

    from app.ingest.dating import _Spans

    rng = Random(7)
    for _ in range(200):
        spans: list[tuple[int, int]] = []
        kept = _Spans()
        for _ in range(30):
            start = rng.randrange(0, 200)
            end = start + rng.randrange(1, 15)
            overlaps = any(start < e and s < end for s, e in spans)
            assert kept.overlaps(start, end) == overlaps
            if not overlaps:
                spans.append((start, end))
                kept.add(start, end)
        for place in range(0, 220):
            assert kept.strictly_inside(place) == any(s < place < e for s, e in spans)


def test_a_long_clause_still_looks_ahead_to_its_day() -> None:
    sentence = (
        "Negotiators will meet again in Istanbul for a new round of talks on security guarantees "
        + "and the status of the occupied regions and the return of prisoners " * 7
        + "and the lifting of some sanctions on June 5."
    )
    (found,) = find_time_mentions(sentence, date(2022, 3, 30), ref_is_published=True)
    assert (found.range.start, found.forward) == (date(2022, 6, 5), True)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("The authors note that, on 11 April this year, Lukashenko called for talks.", date(2025, 4, 11)),
        ("The authors note that on 11 April, Lukashenko called for talks.", date(2022, 4, 11)),  # the year told before
    ],
)
def test_a_day_of_this_year_in_a_retrospective_is_of_the_articles_year(sentence: str, day: date) -> None:
    found = find_time_mentions(sentence, date(2025, 6, 1), narrative=True, narrative_year=2022)
    assert found[0].range.start == day


def test_a_round_proposed_before_a_part_of_the_month_looks_forward() -> None:
    sentence = "Umerov said Ukraine had proposed holding another round of talks before the end of June."
    (found,) = find_time_mentions(sentence, date(2025, 6, 3))
    assert (found.range.start.month, found.forward) == (6, True)
