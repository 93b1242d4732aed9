"""The posts a text names people by, and the days they date it by (app/ingest/offices.py)."""

from datetime import date

import pytest

from app.ingest.offices import floor_of, offices_named

WAR_BEGAN = date(2022, 2, 24)


@pytest.mark.parametrize(
    ("sentence", "floor"),
    [
        ("US Secretary of State Marco Rubio said on Friday the talks would go on.", date(2025, 1, 21)),
        ("Ukraine's Minister of Foreign Affairs, Andrii Sybiha, met with Rubio on Thursday.", date(2024, 9, 5)),
        ("Andrii Sybiha, Ukraine's new foreign minister, said so.", date(2024, 9, 5)),  # after the name
        # a scraped space before the comma
        (
            "Rustem Umerov , Secretary of the National Security and Defence Council of Ukraine, met him.",
            date(2025, 7, 17),
        ),
        (
            "Meanwhile, Ukrainian Defense Minister Rustem Umerov said both sides focused on a ceasefire.",
            date(2023, 9, 6),
        ),
        ("On February 23, US Special Envoy for the Middle East Steve Witkoff spoke of Istanbul.", date(2025, 1, 20)),
        ("Foreign Minister Wadephul warns against overestimating Russia's armed forces.", date(2025, 5, 6)),
        # a post named as left: its last day
        ("Former UK Prime Minister Boris Johnson played a key role, Arakhamia said.", date(2022, 9, 6)),
        ("then-Prime Minister Boris Johnson visited Kyiv.", date(2022, 9, 6)),
        (
            "On September 3, former Under Secretary of State for Political Affairs Victoria Nuland said so.",
            date(2024, 3, 22),
        ),
        # a title also held before the war: the term of the war's years
        ("A meeting with US President Donald Trump was unlikely.", date(2025, 1, 20)),
        # held since before the war: nothing after its start
        ("Foreign Minister Dmytro Kuleba met Lavrov in Antalya.", date(2020, 3, 4)),
    ],
)
def test_a_post_named_with_a_person_dates_the_text_no_earlier_than_its_first_or_last_day(
    sentence: str, floor: date
) -> None:
    assert [floor_of(named, WAR_BEGAN) for named in offices_named(sentence)] == [floor]


@pytest.mark.parametrize(
    "sentence",
    [
        "incoming Defense Minister Rustem Umerov said the talks would go on.",  # not taken yet
        "Rustem Umerov, then a member of parliament, led the team.",  # no post of the vocabulary's
        "Rubio said on Friday the talks would go on.",  # no title named
    ],
)
def test_a_post_not_yet_taken_or_not_named_dates_nothing(sentence: str) -> None:
    assert [floor_of(named, WAR_BEGAN) for named in offices_named(sentence) if floor_of(named, WAR_BEGAN)] == []


def test_a_post_named_as_left_that_was_held_again_dates_nothing() -> None:
    """'former President Donald Trump': which of his terms is meant the title does not say."""
    assert [floor_of(named, WAR_BEGAN) for named in offices_named("former President Donald Trump said.")] == [None]
