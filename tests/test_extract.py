"""Table-driven tests of extraction and merging: one article text in, event mentions (and events) out."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.ingest.classify import classify, round_number
from app.ingest.clean import BYLINE_LINE, clean_article
from app.ingest.extract import extract_mentions
from app.ingest.merge import merge_mentions
from app.ingest.speakers import speaker, strip_quotes
from app.ingest.types import EventMention, PublishedDate, RawArticle
from app.ingest.venues import located_places
from app.ingest.vocab import Gazetteer, people_gazetteer, place_gazetteer

PUBLISHED = date(2022, 4, 13)  # a Wednesday


WAR_BEGAN = date(2022, 2, 24)  # the day the stored articles would say the war began


def mentions_of(
    body: str, day: date = PUBLISHED, content_hash: str = "hash-a", war_began: date | None = None
) -> list[EventMention]:
    article = clean_article(RawArticle("a.txt", "a.txt", f"Headline\n\n{body}", content_hash))
    return extract_mentions(article, PublishedDate(day, day, "metadata", ()), war_began)


@pytest.mark.parametrize(
    ("sentence", "event_type", "start", "end"),
    [
        # an undated report in the present tense is news of the day; in the past tense, of yesterday or today
        ("Igor Konashenkov says 1,000 troops have surrendered.", "statement", "2022-04-13", "2022-04-13"),
        ("Vladimir Putin said Kyiv had walked away from the agreements.", "statement", "2022-04-12", "2022-04-13"),
        # a weekday in the past tense is the latest such day
        ("On Wednesday, Emmanuel Macron told media he would call Putin.", "statement", "2022-04-13", "2022-04-13"),
        ("Talks were held in Istanbul on March 29.", "round", "2022-03-29", "2022-03-29"),
        ("Emmanuel Macron spoke to Vladimir Putin for 90 minutes on Monday.", "diplomacy", "2022-04-11", "2022-04-11"),
        # talks of one side's delegation with a third country's are not a round of the two sides
        (
            "On Monday, Marco Rubio and Sergei Lavrov led their delegations at talks in Riyadh.",
            "diplomacy",
            "2022-04-11",
            "2022-04-11",
        ),
        # a fronted day, then who said it: the words', though they name a numbered round
        (
            "On Tuesday, the Kremlin said it was too early to draw conclusions from the first round of talks.",
            "statement",
            "2022-04-12",
            "2022-04-12",
        ),
        # the day of talks the words are about, between the two sides' ministers, is the meeting's
        (
            "Dmytro Kuleba said no progress was made in talks on Thursday with his Russian counterpart Sergei Lavrov.",
            "ministerial",
            "2022-04-07",
            "2022-04-07",
        ),
        (
            "Dmytro Kuleba said no progress was made in talks on Thursday with Mevlut Cavusoglu.",
            "statement",
            "2022-04-07",
            "2022-04-07",
        ),
        # talks launched on a day: a round that day
        ("Russia and Ukraine launched the peace talks on Monday.", "round", "2022-04-11", "2022-04-11"),
        # officials of the two sides meeting are a round; a call with reporters or a visit to the wounded no diplomacy
        (
            "Russian and Ukrainian officials met on Monday on the border but the talks failed to reach a breakthrough.",
            "round",
            "2022-04-11",
            "2022-04-11",
        ),
        # corridors told as channels
        (
            "The sides agreed on Thursday on the establishment of humanitarian channels.",
            "humanitarian",
            "2022-04-07",
            "2022-04-07",
        ),
        # a side's words with no one named, about the sides or the talks (its day before the verb, too)
        (
            "The Kremlin on Thursday accused Ukraine of withdrawing from peace talks with Russia.",
            "statement",
            "2022-04-07",
            "2022-04-07",
        ),
        (
            "The Kremlin said the sides were discussing a status like Austria's.",
            "statement",
            "2022-04-12",
            "2022-04-13",
        ),
        (
            "Ukraine's chief negotiator said Kyiv still demanded a ceasefire and the withdrawal of Russian troops.",
            "statement",
            "2022-04-12",
            "2022-04-13",
        ),
        (
            "A Russian delegation has announced that the meeting with the Ukrainian side in Istanbul is constructive.",
            "statement",
            "2022-04-13",
            "2022-04-13",
        ),
        # talks told as over: just ended, on the day
        ("Peace talks between Russia and Ukraine in Istanbul are over.", "round", "2022-04-13", "2022-04-13"),
        # what was done during talks on a day tells the talks were held that day (not talks with a third country)
        ("Russia and Ukraine discussed military issues during talks on Thursday.", "round", "2022-04-07", "2022-04-07"),
        (
            "During Thursday's talks, the delegations discussed humanitarian issues.",
            "round",
            "2022-04-07",
            "2022-04-07",
        ),
        (
            "Sergei Lavrov discussed energy supplies during talks on Thursday with Mevlut Cavusoglu.",
            "diplomacy",
            "2022-04-07",
            "2022-04-07",
        ),
        # a sentence opening with a day's talks at their place: held that day (not talks with a third party)
        ("Tuesday's talks in Istanbul signaled the first signs of progress.", "round", "2022-04-12", "2022-04-12"),
        ("Monday's talks with Erdogan in Ankara were useful.", "diplomacy", "2022-04-11", "2022-04-11"),
        # what a speaker announced is a happening of its own kind, not words about the talks
        ("On February 24, Vladimir Putin announced a military operation.", "military", "2022-02-24", "2022-02-24"),
        ("On Monday, Joe Biden announced a new package of military aid.", "aid", "2022-04-11", "2022-04-11"),
        ("Joe Biden on Monday pledged $800 million in military aid.", "aid", "2022-04-11", "2022-04-11"),
        ("On Monday, Volodymyr Zelensky announced that talks would go on.", "statement", "2022-04-11", "2022-04-11"),
        ("Joe Biden on Monday announced a ban on imports of Russian oil and gas.", "aid", "2022-04-11", "2022-04-11"),
        # a decree declaring talks impossible is words on the talks; a ten-point "formula" in quotes, a proposal
        (
            "Zelensky signed a decree on 4 October declaring negotiations impossible.",
            "statement",
            "2021-10-04",
            "2021-10-04",
        ),
        ('In March he presented his ten-point "peace formula" to the summit.', "proposal", "2022-03-01", "2022-03-31"),
        (
            "Speaking on Tuesday at the cosmodrome in the Far East, where he was accompanied by his guest, Vladimir "
            "Putin accused Kyiv of backing away from what was agreed during the last round of talks in Istanbul.",
            "statement",
            "2022-04-12",
            "2022-04-12",
        ),
    ],
)
def test_sentence_becomes_a_dated_event(sentence: str, event_type: str, start: str, end: str) -> None:
    (found,) = mentions_of(sentence)
    assert (found.type, found.range.start.isoformat(), found.range.end.isoformat()) == (event_type, start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        # "today" as "nowadays" is not a day
        "Putin drew an analogy between Russia's situation today and that of the Soviet Union in 1961.",
        # a bare year long before is background
        "The Soviet Union was first in space in 1961.",
        # speaking to the press is not contact with another side
        "Emmanuel Macron spoke to reporters on Monday.",
    ],
)
def test_background_is_not_an_event(sentence: str) -> None:
    assert mentions_of(sentence) == []


def test_said_before_a_name_that_starts_a_clause_is_not_that_persons_statement() -> None:
    body = "Rustem Umerov said on Wednesday that talks go on. He said Putin is making it more difficult."
    found = mentions_of(body)
    assert [m.actor_slugs[0] for m in found if m.actor_slugs][-1] == found[0].actor_slugs[0]


def test_one_speakers_undated_words_join_what_that_speaker_is_reported_for() -> None:
    body = (
        "Zelensky has declared he was ready to swap a detained politician for prisoners of war. "
        'In a video address on Wednesday, he said "I propose a swap".'
    )
    events, _ = merge_mentions([], mentions_of(body))
    assert len(events) == 1 and len(events[0].mentions) == 2


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        # a side, set off by 'meanwhile', pledging a drawdown: its words and the military step
        (
            "Russia, meanwhile, pledged to significantly decrease its military activities toward Kyiv and Chernihiv.",
            ["military", "statement"],
        ),
        # a side's ministry declaring it will stop operations around cities
        (
            "The Russian Ministry of Defense has declared that it will stop operations around Kyiv.",
            ["military", "statement"],
        ),
        ("The Ukrainian Foreign Ministry said the talks were stalled.", ["statement"]),
    ],
)
def test_a_sides_ministry_or_a_side_set_off_by_an_aside_speaks_for_it(sentence: str, types: list[str]) -> None:
    assert sorted(m.type for m in mentions_of(sentence)) == types


def test_according_to_him_is_the_person_last_named_speaking() -> None:
    body = (
        "The head of the Russian delegation, Vladimir Medinsky, did not hide his disappointment. According to him, "
        "the Ukrainian delegation did not sign the documents but took them to Kyiv for study."
    )
    found = [m for m in mentions_of(body, date(2022, 3, 7)) if m.quote.startswith("According to him")]
    assert [(m.type, m.actor_slugs[:1]) for m in found] == [("statement", ("vladimir-medinsky",))]


@pytest.mark.parametrize(
    ("second", "speakers"),
    [
        # told again by a description that fits him, or names no side
        (
            '"We agreed to continue the negotiation process," the Russian presidential aide said.',
            [("vladimir-medinsky",)],
        ),
        ('"We agreed to continue," the negotiator added.', [("vladimir-medinsky",)]),
        # not by one of the other side
        ('"We agreed to continue," the Ukrainian negotiator said.', []),
        # nor by a title of an office he does not hold
        ('"We agreed to continue," the Russian president said.', []),
    ],
)
def test_a_description_after_a_quotation_is_the_person_last_named_speaking(
    second: str, speakers: list[tuple[str, ...]]
) -> None:
    body = f"Russian presidential aide Vladimir Medinsky said the participants had reviewed the agenda. {second}"
    found = [m for m in mentions_of(body, date(2022, 2, 28)) if m.quote.startswith("“") or m.quote.startswith('"')]
    assert [m.actor_slugs[:1] for m in found if m.type == "statement"] == speakers


def test_a_title_of_one_office_after_a_quotation_is_the_person_last_named_who_holds_it() -> None:
    body = (
        "Vladimir Putin met the African leaders. “They threw it into the dustbin of history,” the Russian president "
        "explained."
    )
    found = [m for m in mentions_of(body, date(2023, 6, 17)) if "dustbin" in m.quote]
    assert [(m.type, m.actor_slugs[:1]) for m in found] == [("statement", ("vladimir-putin",))]


def test_a_speakers_undated_words_do_not_join_a_plan_they_told_of() -> None:
    body = (
        "Vladimir Medinsky said he expects the humanitarian corridors will start functioning Tuesday. "
        'Medinsky said that Russia\'s "expectations from the talks have failed."'
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 7)))
    assert sorted((e.type, e.status) for e in events) == [("humanitarian", "planned"), ("statement", "occurred")]


@pytest.mark.parametrize(
    ("second", "statements"),
    [
        # each saying dated on its own: two statements
        ("Earlier on Tuesday he told leaders of the Joint Expeditionary Force that Ukraine would not join NATO.", 2),
        # the same day told from the sentence before: more of that day's words
        ("But in comments to Russian journalists earlier in the day, he took a different tone on the talks.", 1),
        # the same words reported twice, each time with its day
        ("In his nightly address on Tuesday, he said the talks sounded more realistic, but needed time.", 1),
    ],
)
def test_a_speakers_sayings_dated_each_on_its_own_are_two_statements(second: str, statements: int) -> None:
    body = f"Volodymyr Zelensky said in a late-night address on Tuesday that the talks sounded more realistic. {second}"
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 16)))
    assert len([e for e in events if e.type == "statement"]) == statements


def test_a_new_voice_on_what_someone_was_just_reported_saying_joins_that_event() -> None:
    body = (
        "After Joe Biden said in a speech that Putin cannot remain in power, officials spent Sunday clarifying. "
        "Antony Blinken said Biden meant that Putin could not be authorized to wage war."
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 28)))
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_a_voice_already_heard_keeps_its_own_words_apart_from_whom_it_speaks_of() -> None:
    body = (
        "Rustem Umerov said talks were hard. "
        "Last week, Putin told Charles Michel in a phone call that Kyiv was not ready. "
        "Umerov said Putin alone could stop the bloodshed."
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 4, 27)))
    putin_call = next(e for e in events if "vladimir-putin" in e.speakers)
    assert len(putin_call.mentions) == 1


@pytest.mark.parametrize(
    ("body", "day", "rounds"),
    [
        # the round held and the same number told as to come after it: one round
        (
            "The 3rd round of negotiations held on Monday (7) ended. Vladimir Medinsky said that it is still too "
            "early to talk about progress after the third round of negotiations and that the next round will bring "
            "no end result.",
            date(2022, 3, 8),
            1,
        ),
        # the first talks and a second round to come: two
        (
            "The first talks ended on Monday. A second round could take place in the coming days, Medinsky said.",
            date(2022, 3, 1),
            2,
        ),
        # a round held, and its next day to come: two sessions
        (
            "Ukrainian and Russian negotiators spoke by video link for several hours on Monday in a fourth round of "
            "talks, then broke off until Tuesday.",
            date(2022, 3, 14),
            2,
        ),
    ],
)
def test_a_numbered_round_held_and_told_as_to_come_in_one_article_is_one_event(
    body: str, day: date, rounds: int
) -> None:
    events, _ = merge_mentions([], mentions_of(body, day))
    assert len([e for e in events if e.type == "round"]) == rounds


def test_a_plan_and_a_report_in_one_article_stay_two_events() -> None:
    body = (
        "Vladimir Medinsky said a humanitarian corridor will be established in Mariupol from Tuesday. "
        "Meanwhile, Ukraine rejected the evacuation offer that established corridors out of Mariupol."
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 8)))
    assert sorted(e.status for e in events) == ["occurred", "planned"]


def test_since_then_runs_from_the_date_before_it_to_the_article() -> None:
    body = "A meeting of the foreign ministers took place on March 10. Since then, they have only met via video call."
    video = mentions_of(body, date(2022, 3, 28))[-1]
    assert (video.type, video.venue_slug) == ("round", "online")
    assert (video.range.start, video.range.end) == (date(2022, 3, 11), date(2022, 3, 28))


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        # the date is the saying's, with how or to whom it was said in between: a statement
        (
            "Volodymyr Zelensky said in a video address late on Monday that Russian shelling of Kharkiv was meant "
            "to put pressure on Kyiv.",
            "statement",
        ),
        ("Dmitry Peskov told reporters on Tuesday that no new round of talks was planned.", "statement"),
        (
            "Volodymyr Zelensky said in an interview with the Associated Press on April 10 that he would continue "
            "to negotiate peace despite the massacre.",
            "statement",
        ),
        ("Volodymyr Zelensky told the Associated Press on Sunday that he would keep negotiating.", "statement"),
        ("Leonid Slutsky said on Sunday that the talks had made progress compared with the first round.", "statement"),
        # an office, not a person, speaking of the ceasefire in its own words
        ('Ukraine\'s presidency said this morning that "the key issue is an immediate ceasefire".', "statement"),
        # what was said carries its own date: the saying does not date it
        ("Vladimir Medinsky said Russia had submitted a draft to Ukraine on April 12.", "proposal"),
        ("Dmitry Peskov said in Moscow talks resumed on Monday with the delegations.", "round"),
    ],
)
def test_a_date_right_after_a_saying_dates_the_saying(sentence: str, event_type: str) -> None:
    assert mentions_of(sentence)[0].type == event_type


@pytest.mark.parametrize(
    ("relative", "day"),
    [
        ("The next day", date(2022, 5, 17)),
        ("The day before", date(2022, 5, 15)),
        ("A day earlier", date(2022, 5, 15)),
        ("The same day", date(2022, 5, 16)),
    ],
)
def test_the_next_day_counts_from_the_date_just_told_in_its_paragraph(relative: str, day: date) -> None:
    body = (
        "By May 2022 there was little left to discuss. The last defenders of the plant began surrendering on May 16. "
        f"{relative}, Mykhailo Podolyak said the talks were on pause."
    )
    said = mentions_of(body, date(2023, 11, 28))[-1]
    assert (said.type, said.range.start, said.range.end) == ("statement", day, day)


@pytest.mark.parametrize(
    ("told", "day"),
    [
        ("on Wednesday (April 20th)", date(2022, 4, 20)),  # the news's day, the day before the article's
        ("on April 12", date(2022, 4, 21)),  # an older day: 'earlier in the day' is the article's own
    ],
)
def test_earlier_in_the_day_paragraphs_after_the_news_day_is_that_day(told: str, day: date) -> None:
    body = (
        f"Dmitry Peskov confirmed the matter {told}.\n\n"
        "“The ball is in their court,” Peskov told reporters.\n\n"
        "Peskov also said the lack of consistency was having dire consequences for the talks.\n\n"
        "Earlier in the day, Maria Zakharova said the same thing as Peskov."
    )
    said = mentions_of(body, date(2022, 4, 21))[-1]
    assert (said.date_text, said.range.start, said.range.end) == ("Earlier in the day", day, day)


def test_the_same_day_opening_a_paragraph_is_the_day_the_paragraph_before_ended_on() -> None:
    body = (
        "On Sunday, drones were launched against airbases as far away as Murmansk.\n\n"
        "The same day, the air force said Russia had launched 472 drones, the largest attack since the "
        "full-scale invasion began in February 2022."
    )
    attack = mentions_of(body, date(2025, 6, 3))[-1]
    assert (attack.type, attack.range.start, attack.range.end) == ("military", date(2025, 6, 1), date(2025, 6, 1))


def test_an_agreement_of_the_sides_that_someone_reports_is_news_of_its_own() -> None:
    body = "Rustem Umerov told reporters afterwards that the sides had agreed an exchange of wounded prisoners."
    events, _ = merge_mentions([], mentions_of(body))
    said = {e.type: e for e in events}
    assert set(said) == {"statement", "prisoners"}
    assert said["prisoners"].range == said["statement"].range
    assert said["prisoners"].actor_slugs == ()  # the speaker tells of the swap; it is not theirs


def test_a_session_at_a_palace_and_talks_in_its_city_are_one_round() -> None:
    body = (
        "Russia and Ukraine agreed to swap prisoners in a second round of direct talks in Istanbul. "
        "Monday's session at the Ciragan Palace on the Bosphorus lasted just over an hour."
    )
    rounds = [e for e in merge_mentions([], mentions_of(body, date(2025, 6, 3)))[0] if e.type == "round"]
    assert [(e.round_claims, e.venue_slug, e.range.start) for e in rounds] == [
        ((2,), "ciragan-palace", date(2025, 6, 2))
    ]
    assert rounds[0].title == "Second round of talks at the Çırağan Palace, Istanbul, Turkey"


def test_a_quotation_that_goes_on_after_its_attribution_is_the_same_speakers_words() -> None:
    body = (
        '"Negotiations. Quite difficult," Mykhailo Podolyak wrote after Tuesday\'s session. '
        '"There are fundamental contradictions. But there is certainly room for compromise."'
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 15)))
    [said] = events
    assert (said.type, said.actor_slugs, said.range.start) == ("statement", ("mykhailo-podolyak",), date(2022, 3, 15))
    assert any("room for compromise" in m.quote for m in said.mentions)


@pytest.mark.parametrize(
    ("attribution", "continued"),
    [
        # a quotation whose end gives it to another: not the last speaker's words
        ("the Russian delegation said in its turn.", False),
        ("Vladimir Medinsky said.", False),
        # one whose end gives it to the same speaker, or one not attributed: his words go on
        ("Podolyak added.", True),
    ],
)
def test_a_quoted_paragraph_whose_end_names_another_speaker_does_not_go_on_the_last_speakers_words(
    attribution: str, continued: bool
) -> None:
    body = (
        "“The delegations concluded the first round today,” said Mykhailo Podolyak.\n\n"
        "“Negotiations with the other side have just ended. We went through all points of the protocol. "
        f"Until then, each delegation will consult its leadership “, {attribution}"  # (closed by an opening mark)
    )
    found = mentions_of(body, date(2022, 2, 28))
    podolyak = [m.quote for m in found if m.actor_slugs[:1] == ("mykhailo-podolyak",)]
    assert any("all points of the protocol" in quote for quote in podolyak) == continued


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("The delegations will meet tonight.", "planned"),
        ("The Ukrainian and Russian delegations will set out for the negotiations tonight.", "planned"),
        ("The delegations met today.", "occurred"),
    ],
)
def test_a_session_to_come_later_on_the_articles_own_day_is_planned(body: str, status: str) -> None:
    assert [(m.type, m.status) for m in mentions_of(body, date(2022, 3, 2))] == [("round", status)]


def test_a_round_to_come_told_with_who_announced_it_at_the_end_is_also_that_persons_words() -> None:
    body = (
        "The fourth round of talks will continue on Tuesday, announced Ukrainian presidential adviser Mykhaylo "
        "Podolyak.\n\n“We have taken a technical break until tomorrow. Negotiations will continue.”"
    )
    found = [(m.type, m.status, m.actor_slugs[:1]) for m in mentions_of(body, date(2022, 3, 14))]
    assert ("round", "planned", ("mykhailo-podolyak",)) in found
    # his words: the announcement, and the quotation after it
    assert found.count(("statement", "occurred", ("mykhailo-podolyak",))) >= 2


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        ("The delegations of Ukraine, Russia, Turkey, and the UN will meet again next week.", "diplomacy"),
        ("The delegations of Ukraine and Russia will meet again next week.", "round"),
    ],
)
def test_delegations_of_more_parties_than_the_two_sides_are_no_round(body: str, event_type: str) -> None:
    assert [m.type for m in mentions_of(body, date(2022, 7, 22))] == [event_type]


def test_each_point_of_a_list_is_told_apart_from_the_day_the_first_one_named() -> None:
    body = (
        "The first direct negotiations between the delegations ended in Istanbul on Friday.\n\n"
        "The results include three points. Firstly, in the coming days there will be an exchange of prisoners. "
        "Thirdly, the parties agreed to prepare written proposals on the terms of a possible ceasefire."
    )
    found = {(m.type, m.status, m.range.start) for m in mentions_of(body, date(2025, 5, 16))}
    # what the talks agreed is of their day, not of the days to come the first point named
    assert ("proposal", "occurred", date(2025, 5, 16)) in found


def test_a_weekday_after_a_paragraph_about_last_week_is_still_this_weeks() -> None:
    body = (
        "Last week's meeting between Dmytro Kuleba and Sergei Lavrov in Antalya produced no agreement.\n\n"
        "Mykhailo Podolyak wrote after Tuesday's session that the talks were difficult."
    )
    said = mentions_of(body, date(2022, 3, 15))[-1]
    assert (said.type, said.range.start) == ("statement", date(2022, 3, 15))


def test_a_day_that_opens_a_paragraph_dates_the_undated_words_in_it() -> None:
    body = (
        "By Wednesday, the mood had cooled. Kremlin spokesman Dmitry Peskov told reporters that there had been "
        "no breakthroughs."
    )
    said = mentions_of(body, date(2022, 3, 31))[-1]
    assert (said.type, said.range.start, said.range.end) == ("statement", date(2022, 3, 30), date(2022, 3, 30))


@pytest.mark.parametrize(
    ("sentence", "put_forward"),
    [
        ("Vladimir Medinsky said Moscow had proposed short truces along parts of the front line.", "proposal"),
        ("He said Russia had also offered to exchange 1,200 prisoners of war.", "prisoners"),
        # an adverb between the pronoun and its verb: still the person last named speaking
        ("He also said the sides agreed to swap 1,200 troops being held prisoner.", "prisoners"),
        (
            "Andriy Yermak said that Ukrainian delegates have given Russian negotiators a list of hundreds of "
            "Ukrainian children who were deported to Russia.",
            "humanitarian",
        ),
    ],
)
def test_what_a_side_put_forward_as_someone_reports_it_is_news_of_its_own(sentence: str, put_forward: str) -> None:
    body = f"Vladimir Medinsky spoke after the talks in Istanbul on Wednesday. {sentence}"
    reported = {m.type: m for m in mentions_of(body, date(2025, 7, 24))[1:]}
    assert set(reported) == {"statement", put_forward}
    assert reported[put_forward].range == reported["statement"].range


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # the negotiators who agreed something on a day met that day
        (
            "Negotiators for Ukraine and Russia agreed on Thursday to create humanitarian corridors.",
            ["humanitarian", "round"],
        ),
        ("The Russian and Ukrainian delegations agreed on Thursday to exchange prisoners.", ["prisoners", "round"]),
        # not the two countries agreeing, however it was reached, nor an agreement to come
        ("Ukraine and Russia agreed on Thursday to create humanitarian corridors.", ["humanitarian"]),
        ("Negotiators are expected to agree on Thursday to create humanitarian corridors.", ["humanitarian"]),
    ],
)
def test_what_negotiators_agreed_on_a_day_tells_they_met_that_day(sentence: str, kinds: list[str]) -> None:
    found = mentions_of(sentence, date(2022, 3, 4))
    assert sorted(m.type for m in found) == kinds
    assert len({m.range for m in found}) == 1  # the talks on the day of the agreement


@pytest.mark.parametrize(
    ("sentence", "put_forward"),
    [
        (
            "Ukraine is calling for a full and unconditional ceasefire, while Russia suggested limited 24-48 hour "
            "frontline pauses to retrieve casualties.",
            ["proposal"],
        ),
        ("Moscow proposed exchanging not only military prisoners but also civilians.", ["prisoners"]),
        # a list of the talks' results: what a side asked for, what the parties agreed
        ("Secondly, Ukraine requested direct negotiations at the level of presidents.", ["proposal"]),
        ("Thirdly, the parties agreed to prepare written proposals on a ceasefire.", ["proposal"]),
        # not what a side put forward later, nor what it did not
        ("Russia has since offered to resume talks at a lower level.", []),
        ("Ukraine has not proposed a new date for the talks.", []),
        # nor what a side gave up, nor what it put forward on a day the sentence names
        ("Ukraine gave up the nuclear arsenal it inherited from the Soviet Union in return for assurances.", []),
        ("In Istanbul on 29 March 2022, Kyiv put forward proposals for neutrality.", []),
    ],
)
def test_what_a_side_put_forward_far_into_a_story_of_talks_is_of_their_day(
    sentence: str, put_forward: list[str]
) -> None:
    body = (
        "Russia and Ukraine held a third round of talks in Istanbul on Wednesday.\n\nThe meeting lasted under an "
        "hour.\n\nExpectations had been low before it.\n\nThe sides remain divided on many terms.\n\n"
        f"{sentence}"
    )
    session_day = (date(2025, 7, 23), date(2025, 7, 23))
    told = [m for m in mentions_of(body, date(2025, 7, 24)) if m.quote == sentence]
    assert [m.type for m in told if (m.range.start, m.range.end) == session_day] == put_forward


def test_a_session_a_speaker_describes_at_a_place_is_a_round_with_the_words() -> None:
    found = mentions_of(
        "A top Ukrainian negotiator, presidential adviser Mykhailo Podolyak, described the latest round of talks "
        "with the Russians, held via videoconference, as very difficult.",
        date(2022, 3, 15),
    )
    assert sorted((m.type, m.venue_slug) for m in found) == [("round", "online"), ("statement", None)]
    # not a round at no place
    found = mentions_of("Mykhailo Podolyak described the latest round of talks as very difficult.", date(2022, 3, 15))
    assert [m.type for m in found] == ["statement"]


@pytest.mark.parametrize(
    ("sentence", "rounds"),
    [
        ("Mykhailo Podolyak announced on Friday (1.4.2022) the start of this new round of talks.", [date(2022, 4, 1)]),
        ("Dmitry Peskov on Wednesday confirmed the resumption of negotiations by video link.", [date(2022, 3, 30)]),
        # a start to come is no round held: only the planned one it names
        ("Mykhailo Podolyak on Friday announced the start of a new round of talks next week.", []),
    ],
)
def test_the_start_of_talks_a_speaker_announces_is_a_round_on_the_day_of_the_words(
    sentence: str, rounds: list[date]
) -> None:
    found = mentions_of(sentence, date(2022, 4, 1))
    assert "statement" in {m.type for m in found}
    assert [m.range.start for m in found if m.type == "round" and m.status == "occurred"] == rounds


def test_a_session_a_source_says_has_begun_at_a_place_is_a_round_on_the_day_of_the_words() -> None:
    found = mentions_of(
        "Negotiations between the heads of the two delegations have begun in Istanbul, a diplomatic source said on "
        "Tuesday.",
        date(2022, 3, 29),
    )
    rounds = [m for m in found if m.type == "round"]
    assert [(m.range.start, m.venue_slug, m.date_text) for m in rounds] == [
        (date(2022, 3, 29), "istanbul", "on Tuesday")
    ]
    # not one to come, nor one at no place
    assert not any(
        m.type == "round" for m in mentions_of("Talks have begun, a source said on Tuesday.", date(2022, 3, 29))
    )


@pytest.mark.parametrize(
    "reached",
    [
        "said that Russia and Ukraine reached a preliminary understanding that cease-fires will be observed in areas "
        "where the safe corridors are established",
        "said the parties have reached a tentative agreement to organize safe corridors for civilians",
    ],
)
def test_an_understanding_the_sides_reached_as_someone_reports_it_is_news_of_its_own(reached: str) -> None:
    found = {m.type: m for m in mentions_of(f"Mykhailo Podolyak on Thursday {reached}.", date(2022, 3, 3))}
    assert set(found) == {"statement", "humanitarian"}
    assert found["humanitarian"].range == found["statement"].range


def test_words_that_the_talks_could_return_in_a_month_tell_of_a_time_to_come() -> None:
    (said,) = mentions_of(
        "Peskov criticised the statement by Davyd Arakhamia, who said Kyiv might return to the negotiating table in "
        "late August.",
        date(2022, 6, 20),
    )
    # the words are of the last day or two, not of an August gone by
    assert said.type == "statement" and date(2022, 6, 19) <= said.range.start <= said.range.end == date(2022, 6, 20)


def test_a_day_told_as_an_earlier_sessions_does_not_take_the_number_of_the_round_told_before_it() -> None:
    found = mentions_of(
        "Russian and Ukrainian delegations convened near the border Thursday for a second round of peace talks after "
        "initial discussions Monday failed to yield any significant breakthroughs.",
        date(2022, 3, 3),
    )
    assert [(m.type, m.round_number, m.range.start) for m in found] == [
        ("round", 2, date(2022, 3, 3)),
        ("round", None, date(2022, 2, 28)),
    ]


def test_the_kremlins_words_on_a_day_are_kept_beside_the_talks_to_come_they_tell_of() -> None:
    found = mentions_of(
        "MOSCOW (Reuters) -The Kremlin said on Thursday it was still waiting for a response from Ukraine on Russia's "
        "proposal to hold the next round of peace talks in Istanbul on June 2.",
        date(2025, 5, 29),
    )
    assert [(m.type, m.status, m.range.start) for m in found] == [
        ("statement", "occurred", date(2025, 5, 29)),
        ("round", "planned", date(2025, 6, 2)),
    ]


@pytest.mark.parametrize(
    ("sentence", "rounds"),
    [
        ("Negotiations between the delegations of Ukraine and Russia continue via video link.", 1),
        ("The talks will continue via video link.", 0),
    ],
)
def test_talks_told_as_going_on_by_video_are_a_round_of_the_day(sentence: str, rounds: int) -> None:
    found = [m for m in mentions_of(sentence, date(2022, 3, 12)) if m.type == "round"]
    assert [(m.range.start, m.venue_slug) for m in found] == [(date(2022, 3, 12), "online")] * rounds


def test_a_word_in_scare_quotes_is_read_as_the_sentences_own_but_a_quotation_is_not() -> None:
    (handed,) = mentions_of(
        'The Russian side handed over to Ukraine a so-called "memorandum" with its vision of a settlement.',
        date(2025, 6, 3),
    )
    assert handed.type == "proposal"
    assert mentions_of('The Russian side said: "We handed over the memorandum."', date(2025, 6, 3)) == []


def test_a_headline_naming_someone_after_a_colon_who_does_not_end_it_is_no_statement_of_theirs() -> None:
    assert mentions_of("The Oligarch in the Middle: Roman Abramovich's Strange War", date(2022, 4, 13)) == []


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Russia-Ukraine peace talks will continue despite Bucha atrocities: President Zelensky", "volodymyr-zelensky"),
        ("Talks with Kyiv are stalled: Kremlin spokesman Peskov", "dmitry-peskov"),
    ],
)
def test_a_headlines_words_with_who_said_them_after_a_colon_are_a_statement(headline: str, speaker: str) -> None:
    (said,) = mentions_of(headline, date(2022, 4, 6))
    assert (said.type, said.actor_slugs[0]) == ("statement", speaker)


def test_a_drawdown_of_military_operations_announced_is_a_military_step_beside_the_words() -> None:
    found = mentions_of(
        "Medinsky said on Tuesday that the ministry was drastically reducing its military operations near Kyiv.",
        date(2022, 3, 29),
    )
    assert sorted(m.type for m in found) == ["military", "statement"]


def test_words_describing_the_talks_are_a_statement_of_who_described_them() -> None:
    found = mentions_of(
        "A top Ukrainian negotiator, presidential adviser Mykhailo Podolyak, described the latest round of talks, held "
        'via videoconference, as "very difficult" and said there were "fundamental contradictions".',
        date(2022, 3, 15),
    )
    assert [(m.type, m.actor_slugs[0]) for m in found if m.type == "statement"] == [("statement", "mykhailo-podolyak")]


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("On Monday, Ukraine agreed to surrender its fighters holed up in the steel plant.", "prisoners"),
        # a demand that a country surrender is words about the talks, not prisoners taken
        (
            "Earlier in the day, another aide to President Volodymyr Zelensky struck a more optimistic note, saying "
            "that Russia had softened its stand by no longer airing its demands that Ukraine surrender.",
            "statement",
        ),
    ],
)
def test_surrender_is_prisoners_but_not_a_demand_that_a_country_surrender(sentence: str, event_type: str) -> None:
    assert [m.type for m in mentions_of(sentence, date(2022, 5, 17))] == [event_type]


def test_he_announced_on_a_day_a_round_to_come_is_his_words_that_day_and_the_round_on_its_own() -> None:
    body = (
        "Zelensky spoke to reporters. And on July 21, he announced that a new round of talks with Russia would take "
        "place on July 23 in Istanbul."
    )
    found = [(m.type, m.status, m.range.start) for m in mentions_of(body, date(2025, 7, 23))]
    assert found == [("statement", "occurred", date(2025, 7, 21)), ("round", "planned", date(2025, 7, 23))]


def test_delegations_that_met_for_a_third_time_held_the_third_round_and_a_comparison_is_no_date() -> None:
    body = (
        "Sergei Lavrov said the main track remained the talks between Russian and Ukrainian delegations in Belarus, "
        "which met for a third time on Monday, and that meetings such as Thursday's should add value to that track."
    )
    found = [(m.type, m.round_number, m.range.start) for m in mentions_of(body, date(2022, 3, 10))]
    assert ("round", 3, date(2022, 3, 7)) in found
    assert all(start != date(2022, 3, 10) for _, _, start in found)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        (
            "All eyes today are on Turkey, where the Russian and Ukrainian foreign ministers are to hold their first "
            "meeting since the invasion.",
            "ministerial",
        ),
        (
            "The meeting in the Gomel region was arranged on Sunday after Volodymyr Zelensky spoke by phone with "
            "Alexander Lukashenko, a close ally of Vladimir Putin.",
            "diplomacy",
        ),
        # talks with a third country's leader are not a round of the two sides, nor a meeting of their leaders
        ("Zelensky travelled to Ankara on Wednesday and held talks with President Recep Tayyip Erdogan.", "diplomacy"),
        ("A meeting between Presidents Donald Trump and Volodymyr Zelensky on Monday ended badly.", "diplomacy"),
        (
            "Eyes are on the meeting of the Ministers of Foreign Affairs of Russia and Ukraine, which will take place "
            "in Antalya today.",
            "ministerial",
        ),
    ],
)
def test_who_meets_and_whether_the_meeting_is_held_give_its_type(sentence: str, event_type: str) -> None:
    assert [m.type for m in mentions_of(sentence, date(2022, 3, 10))] == [event_type]


def test_a_round_on_its_day_and_the_last_one_before_it_are_two_rounds() -> None:
    body = (
        "The first round of the new talks, held at Istanbul's Dolmabahce Palace on May 16, was the first direct "
        "negotiation between the two sides since March 2022, when their delegations met in the same palace."
    )
    starts = sorted(m.range.start for m in mentions_of(body, date(2025, 6, 2)) if m.type == "round")
    assert starts == [date(2022, 3, 1), date(2025, 5, 16)]


def test_the_delegations_meeting_after_a_list_of_earlier_ones_is_a_round_where_they_met() -> None:
    body = (
        "On March 29th last year, after three rounds in Belarus, a meeting of foreign ministers in Antalya and "
        "weeks of haggling by video link, the two delegations met in Istanbul for a few hours."
    )
    found = [(m.type, m.range.start, m.venue_slug) for m in mentions_of(body, date(2023, 11, 14))]
    assert found == [("round", date(2022, 3, 29), "istanbul")]


def test_a_month_and_day_a_few_weeks_ahead_is_not_last_years() -> None:
    body = "Rustem Umerov said Ukraine had proposed holding another round of talks between June 20 and June 30."
    found = mentions_of(body, date(2025, 6, 2))
    assert found and all(m.range.start.year == 2025 for m in found)


def test_ministers_meeting_that_one_of_them_reports_is_a_meeting_too() -> None:
    body = (
        "Ukraine's foreign minister, Dmytro Kuleba, said there had been no progress towards a ceasefire after he "
        "met his Russian counterpart, Sergei Lavrov, in Antalya."
    )
    found = {m.type: m for m in mentions_of(body, date(2022, 3, 10))}
    assert set(found) == {"statement", "ministerial"}
    assert found["ministerial"].venue_slug == "antalya" and found["ministerial"].range == found["statement"].range


def test_words_said_on_one_day_about_a_plan_for_another_are_dated_both_ways() -> None:
    body = (
        "Putin proposed direct talks early on Sunday. "
        'Volodymyr Zelensky responded the same day that he would wait for Putin in Turkey "personally" on Thursday.'
    )
    said = [(m.type, m.status, m.range.start) for m in mentions_of(body, date(2025, 5, 13))[1:]]
    assert said == [("statement", "occurred", date(2025, 5, 11)), ("statement", "planned", date(2025, 5, 15))]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin on Tuesday played down the prospects of a meeting between Presidents Vladimir Putin and "
        "Volodymyr Zelensky.",
        "Dmitry Peskov said on Tuesday a possible meeting between Vladimir Putin and Volodymyr Zelensky was far off.",
        "Earlier on Tuesday, Volodymyr Zelensky used a news conference to challenge Vladimir Putin to meet him.",
    ],
)
def test_the_prospect_of_a_meeting_is_not_a_meeting(sentence: str) -> None:
    assert not {m.type for m in mentions_of(sentence)} & {"round", "ministerial"}


def test_a_round_said_to_come_is_not_the_session_just_held() -> None:
    body = (
        "Ukrainian and Russian delegations have held their first talks since the invasion began, in the Gomel region. "
        'Mykhailo Podolyak said a second round could take place "in the coming days".'
    )
    rounds = [e for e in merge_mentions([], mentions_of(body, date(2022, 2, 28)))[0] if e.type == "round"]
    assert sorted((e.status, e.round_claims) for e in rounds) == [("occurred", ()), ("planned", (2,))]


@pytest.mark.parametrize(
    ("published", "said_on"),
    [
        (date(2022, 3, 8), date(2022, 3, 7)),  # the story of Monday's round, told on Tuesday
        (date(2022, 3, 7), date(2022, 3, 7)),  # told the same day
    ],
)
def test_undated_words_after_a_lede_are_of_the_day_the_lede_reports(published: date, said_on: date) -> None:
    body = (
        "By Reuters Staff\n\n5 minute read\n\nNO RESALES.\n\nNO ARCHIVES.\n\n"  # credits before the lede
        "The third round of talks was held on Monday in the Brest region. "
        "Vladimir Medinsky said the expectations of Russia had not been met."
    )
    said = mentions_of(body, published)[-1]
    assert (said.type, said.range.start, said.range.end) == ("statement", said_on, said_on)


@pytest.mark.parametrize(
    ("lede", "said_on"),
    [
        # a lede whose news is no event of its own still names the day the story is about
        ("New talk of compromise from Moscow and Kyiv lifted hope on Wednesday for a breakthrough.", date(2022, 3, 16)),
        # not one looking ahead, nor a day after the lede's first sentence
        ("Delegations will meet on Wednesday to discuss a breakthrough.", date(2022, 3, 15)),
        ("The foreign ministers met without a deal. The war entered its 21st day on Wednesday.", date(2022, 3, 15)),
    ],
)
def test_undated_words_after_a_lede_with_no_event_are_of_its_day(lede: str, said_on: date) -> None:
    body = f"{lede}\n\nVolodymyr Zelensky said negotiations were becoming more realistic."
    said = [m for m in mentions_of(body, date(2022, 3, 16)) if m.type == "statement"][-1]
    assert said.range.start == said_on


def test_two_speakers_in_one_sentence_are_two_statements() -> None:
    body = (
        "Volodymyr Zelensky said negotiations were becoming more realistic, while Sergei Lavrov said proposals "
        "being discussed were close to an agreement."
    )
    said = [m for m in mentions_of(body, date(2022, 3, 16)) if m.type == "statement"]
    assert [m.actor_slugs[0] for m in said] == ["volodymyr-zelensky", "sergei-lavrov"]


def test_a_speaker_with_a_long_description_between_name_and_verb_is_found() -> None:
    body = (
        "Mikhail Podolyak, an adviser to the head of the Ukrainian president's office and a member of the "
        'Ukrainian delegation, wrote on social media after the meeting that "there are small positive developments".'
    )
    said = mentions_of(body, date(2022, 3, 7))
    assert [(m.type, m.actor_slugs) for m in said] == [("statement", ("mykhailo-podolyak",))]


def test_the_meeting_in_the_next_sentence_gives_the_round_its_venue() -> None:
    body = (
        "Delegations met for the third round of talks on March 7. "
        "The three-hour meeting took place in the Brest region, the same location as the previous talks."
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 8)))
    venues = {e.round_claims: e.venue_slug for e in events}
    assert venues == {(3,): "brest-region", (2,): "brest-region"}


def test_the_delegations_meeting_in_the_next_sentence_gives_the_round_its_venue() -> None:
    body = (
        "The first talks between Ukraine and Russia since Vladimir Putin launched his invasion ended on Monday "
        "without a ceasefire. The delegations met for about five hours at a lodge in Belarus's Gomel region."
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 2, 28)))
    assert [(e.type, e.range.start, e.venue_slug) for e in events] == [("round", date(2022, 2, 28), "gomel-region")]


def test_the_delegations_meeting_again_is_not_the_round_just_told() -> None:
    body = (
        "Delegations met for the first round of talks in the Gomel region on Monday. "
        "The delegations met for a second time in the Brest region."
    )
    first = [m for m in mentions_of(body, date(2022, 3, 4)) if m.round_number == 1]
    assert first and all(m.venue_slug == "gomel-region" for m in first)


def test_a_round_planned_in_the_next_sentence_does_not_move_the_round_just_told() -> None:
    body = (
        "The third round of talks was held in the Brest region of Belarus on March 7. "
        "They agreed to hold the next round in Istanbul."
    )
    third = [m for m in mentions_of(body, date(2022, 3, 8)) if m.round_number == 3]
    assert third and {m.venue_slug for m in third} == {"brest-region"}


def test_a_council_session_is_not_a_round_of_the_delegations() -> None:
    body = "At its last session on Monday, the UN Security Council agreed to a humanitarian corridor."
    assert "round" not in {m.type for m in mentions_of(body, date(2022, 3, 8))}


def test_the_war_named_after_since_does_not_hide_where_the_delegations_met() -> None:
    (found,) = [
        m
        for m in mentions_of("The delegations met for the first time since the invasion in Istanbul on Friday.")
        if m.type == "round"
    ]
    assert found.venue_slug == "istanbul"


def test_a_numbered_round_without_a_date_is_not_the_unnumbered_round_the_article_dates() -> None:
    body = (
        "The agreement came in a second round of talks, held in the Brest region. The two sides first met on "
        "Monday near the Belarus-Ukraine border."
    )
    rounds = {(m.round_number, m.range.start) for m in mentions_of(body, date(2022, 3, 3)) if m.type == "round"}
    assert (2, date(2022, 2, 28)) not in rounds


def test_a_place_after_since_is_where_the_earlier_talks_were() -> None:
    assert [
        p.slug for p in located_places("They met in Istanbul, the first time in person since the talks in Belarus.")
    ] == ["istanbul"]


def test_a_date_after_talks_in_a_place_dates_the_talks() -> None:
    body = "Putin said Kyiv had reneged on what had been agreed during talks in Turkey, late in March."
    (talks,) = mentions_of(body)
    assert (talks.type, talks.venue_slug, talks.range.start) == ("round", "turkey", date(2022, 3, 21))


def test_the_round_named_after_since_lends_the_round_dated_neither_its_number_nor_its_place() -> None:
    (talks,) = mentions_of(
        "The talks began on Monday, the first time the two delegations had met since the third round in Belarus on "
        "March 7, and the first to be held entirely online.",
        day=date(2022, 3, 15),
    )
    assert (talks.type, talks.range.start, talks.round_number, talks.venue_slug) == (
        "round",
        date(2022, 3, 14),
        None,
        "online",
    )


def test_a_round_dated_only_after_since_keeps_its_own_place() -> None:
    (earlier,) = mentions_of(
        "Russian and Ukrainian delegations met face to face in Istanbul for the first time since the third round in "
        "Belarus on 7 March.",
        day=date(2022, 3, 30),
    )
    assert (earlier.range.start, earlier.round_number, earlier.venue_slug) == (date(2022, 3, 7), 3, "belarus")


def test_a_future_round_without_a_date_is_placed_at_its_announcement() -> None:
    (planned,) = mentions_of("The two sides will meet again for a fourth round of talks in the near future.")
    assert (planned.status, planned.round_number) == ("planned", 4)
    assert planned.range.end == PUBLISHED


@pytest.mark.parametrize(
    "sentence",
    [
        "The delegations returned to their capitals for consultations before a second round of talks.",
        "Officials of both sides met their advisers ahead of the second round of talks.",
    ],
)
def test_a_round_the_sentence_looks_ahead_to_is_planned(sentence: str) -> None:
    (planned,) = mentions_of(sentence)
    assert (planned.type, planned.status, planned.round_number) == ("round", "planned", 2)
    assert planned.range.end == PUBLISHED


def test_a_round_told_as_a_time_of_the_past_is_not_planned() -> None:
    (told,) = mentions_of("Before the third round, the sides had agreed on the corridors.")
    assert (told.type, told.status, told.round_number) == ("round", "occurred", 3)


def test_representatives_of_the_two_countries_meeting_is_a_round() -> None:
    (met,) = mentions_of(
        "Representatives of the two countries met for the first time in the Gomel region on February 28."
    )
    assert (met.type, met.venue_slug, met.range.start) == ("round", "gomel-region", date(2022, 2, 28))


def test_the_wars_age_told_as_a_time_does_not_type_the_sentence() -> None:
    # 'the launch of the Russian offensive' tells when, not what happened
    assert (
        mentions_of(
            "The negotiation process started at the initiative of Israel in March 2022, a few days after the launch of "
            "the Russian offensive."
        )
        == []
    )
    (shelled,) = mentions_of("A few days after the invasion, on February 27, Russian troops shelled Kharkiv.")
    assert (shelled.type, shelled.range.start) == ("military", date(2022, 2, 27))


def test_a_wire_date_line_with_its_sources_in_brackets_dates_the_article_not_the_happening() -> None:
    found = mentions_of(
        "MOSCOW (UrduPoint News / Sputnik - 07th April, 2022) Ukraine presented a new draft treaty with Russia on "
        "April 6, which differs from proposals presented in Istanbul, Sergei Lavrov said on Thursday.",
        date(2022, 4, 7),
    )
    assert ("proposal", date(2022, 4, 6)) in [(m.type, m.range.start) for m in found]
    assert all(m.date_text != "07th April, 2022" for m in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Minister Dmytro Kuleba on March 28 said the most ambitious goal at the talks was a ceasefire.",
        "Ukrainian negotiator Mykhailo Podolyak on Monday said the talks in Istanbul would begin on Tuesday.",
        # a weekday with its date, between commas
        "Foreign Minister Dmytro Kuleba on Monday, 28 March, suggested that the talks would bring a ceasefire.",
    ],
)
def test_a_day_between_a_speaker_and_the_verb_dates_the_saying(sentence: str) -> None:
    found = mentions_of(sentence, date(2022, 3, 29))
    assert (found[0].type, found[0].range.start) == ("statement", date(2022, 3, 28))
    assert found[0].actor_slugs[0] in {"dmytro-kuleba", "mykhailo-podolyak"}
    assert all(m.type != "round" or m.status == "planned" for m in found)


def test_a_text_drawn_up_on_a_day_is_a_proposal_of_that_day_and_conscripts_are_not() -> None:
    body = (
        "The Wall Street Journal obtained the 17-page document of the peace agreement. It was drawn up on April 15, "
        "2022 during the negotiations, but was never signed."
    )
    assert [(m.type, m.range.start) for m in mentions_of(body, date(2024, 3, 2))] == [("proposal", date(2022, 4, 15))]
    assert mentions_of("Thousands of men were drafted into the army on Monday.") == []


def test_urging_is_saying() -> None:
    (urged,) = mentions_of("Volodymyr Zelensky urged Vladimir Putin to meet him.")
    assert (urged.type, urged.actor_slugs[0]) == ("statement", "volodymyr-zelensky")


@pytest.mark.parametrize(
    "sentence",
    [
        "He emphasised in a call with reporters on Wednesday that there is still a lot of work ahead.",
        "Volodymyr Zelenskyy visits people who were injured on Wednesday.",
    ],
)
def test_a_call_with_reporters_or_a_visit_to_the_wounded_is_no_diplomatic_contact(sentence: str) -> None:
    assert "diplomacy" not in {m.type for m in mentions_of(sentence)}


def test_words_of_no_known_speaker_about_something_else_are_not_a_statement() -> None:
    assert mentions_of("The Kremlin said Monday that the comments were a cause for concern.") == []
    # nor what others report of a side
    assert mentions_of("The Russian delegation is said to have already left Minsk for the talks.") == []


@pytest.mark.parametrize(
    ("body", "sizes"),
    [
        (
            "On Tuesday, both sides further played down the prospects of a deal. "
            "Mykhailo Podolyak said the talks were on pause. Andrei Rudenko told reporters Ukraine had withdrawn.",
            [3],
        ),
        (
            "Peace talks have stalled, officials on both sides said on Tuesday. "
            "Mykhailo Podolyak said the talks were on pause. Andrei Rudenko said Ukraine had withdrawn from the talks.",
            [3],
        ),
        # one speaker's dated words, then another's undated ones: two statements, not one
        (
            "Mykhailo Podolyak said on Tuesday that the talks were on pause. "
            "Andrei Rudenko told reporters Ukraine had withdrawn from the talks.",
            [1, 1],
        ),
        (
            "Vladimir Medinsky said later on Tuesday that the talks had been constructive. "
            "Medinsky said Ukraine's proposals would be reported to Putin. "
            "David Arakhamia said the guarantor countries would have to approve the deal.",
            [1, 2],
        ),
        # a side's unnamed voice before or after a named speaker's undated words: its own statement
        (
            "Sergei Lavrov said proposals were close to an agreement. "
            "The Kremlin said the sides were discussing a neutral status for Ukraine.",
            [1, 1],
        ),
        (
            "The Kremlin said the sides were discussing a neutral status for Ukraine. "
            "Sergei Lavrov said proposals were close to an agreement.",
            [1, 1],
        ),
    ],
)
def test_the_speakers_of_one_dated_scene_make_one_event(body: str, sizes: list[int]) -> None:
    events, _ = merge_mentions([], mentions_of(body, date(2022, 5, 17)))
    assert sorted(len(e.mentions) for e in events if e.type == "statement") == sizes


def test_the_same_ordinal_years_apart_is_a_different_round() -> None:
    first = mentions_of("The second round of talks was held in the Brest region on March 3, 2022.", date(2022, 3, 8))
    later = mentions_of("The second round of direct talks was held in Istanbul on June 2, 2025.", date(2025, 6, 3), "b")
    events, _ = merge_mentions([], [*first, *later])
    assert len(events) == 2


@pytest.mark.parametrize(
    ("sentence", "event_type", "venue"),
    [
        ("Both sides held talks for five hours on Monday near the Belarus-Ukraine border.", "round", "belarus"),
        ("The two sides last met face-to-face in Istanbul on March 29.", "round", "istanbul"),
        ("Marco Rubio met Ukrainian and Turkish officials in Istanbul on Monday.", "diplomacy", "istanbul"),
        ("Russian forces shelled Kharkiv on Monday, killing at least 10 people.", "military", None),
        ("The European Union announced new sanctions on Monday.", "aid", None),
        (
            "The delegations in negotiations on March 15 are discussing a ceasefire and the withdrawal of troops.",
            "round",
            None,
        ),
        ("The third round comes after a ceasefire in Kyiv, Kharkiv, Sumy and Mariupol on Monday.", "round", None),
        (
            "The third round of talks was held in Gomel, Belarus, and Kyiv sent its delegation on Monday.",
            "round",
            "gomel-region",
        ),
    ],
)
def test_wire_copy_sentences_are_typed_and_placed(sentence: str, event_type: str, venue: str | None) -> None:
    (found,) = mentions_of(sentence)
    assert (found.type, found.venue_slug) == (event_type, venue)


def test_a_one_sentence_paragraph_places_the_round_of_the_paragraph_before() -> None:
    body = (
        "Ukrainian and Russian delegations held talks on Monday.\n\n"
        "The talks took place in Belarus's Gomel region, on the Pripyat river."
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 1)))
    assert [(e.type, e.venue_slug) for e in events] == [("round", "gomel-region")]


def test_a_name_after_a_verb_is_not_the_speaker_of_the_comma_clause() -> None:
    (found,) = mentions_of("Antonio Guterres will visit Moscow next week to meet Putin, his spokesperson announced.")
    assert (found.type, found.status, found.venue_slug) == ("diplomacy", "planned", "moscow")


def test_an_unattributed_report_off_the_talks_keeps_what_it_reports() -> None:
    (found,) = mentions_of("The cruiser Moskva has sunk, the Russian defence ministry said on Thursday.")
    assert (found.type, found.range.start) == ("military", date(2022, 4, 7))


def test_a_meeting_of_anyone_is_not_a_round_of_talks() -> None:
    found = mentions_of("Umerov suffered symptoms of poisoning after a meeting in Kyiv last month.")
    assert all(m.type != "round" for m in found)


def test_a_statement_and_the_talks_it_mentions_are_two_events() -> None:
    body = "Putin said on Friday that Kyiv walked away from what was agreed at the talks in Istanbul in late March."
    found = {m.type: m for m in mentions_of(body, date(2022, 6, 17))}
    assert found["statement"].range.start == date(2022, 6, 17)
    assert (found["round"].range.start, found["round"].venue_slug) == (date(2022, 3, 21), "istanbul")


def test_at_the_same_hour_is_the_day_just_told() -> None:
    body = (
        "A year ago Thursday, a plane landed in Riyadh carrying 10 foreign citizens. At almost the same hour, 215 "
        "Ukrainian fighters were handed over in exchange for 55 Russians."
    )
    found = {(m.type, m.range.start) for m in mentions_of(body, date(2023, 9, 21))}
    assert ("prisoners", date(2022, 9, 21)) in found


def test_days_later_counts_from_the_date_before() -> None:
    body = (
        "On March 29, 2022, the delegations met in Istanbul. Days later, images of bodies in Bucha shocked the world."
    )
    found = mentions_of(body, date(2023, 2, 20))[-1]
    assert (found.type, found.range.start, found.range.end) == ("atrocity", date(2022, 3, 31), date(2022, 4, 7))


def test_said_just_before_the_date_makes_it_the_date_of_the_saying_only() -> None:
    (found,) = mentions_of("The Kremlin later said talks should start by Tuesday.", date(2022, 3, 28))
    assert found.type == "round"


def test_the_name_right_before_the_verb_is_the_speaker() -> None:
    body = "During a press conference with Alexander Lukashenko, Putin says Russia will act according to its plan."
    (found,) = mentions_of(body)
    assert found.actor_slugs[0] == "vladimir-putin"


def test_the_subject_of_a_clause_ending_in_saying_or_telling_is_the_speaker() -> None:
    body = (
        "The delegations met in Istanbul on Tuesday.\n\n"
        "Recep Tayyip Erdogan opened the session with a short speech, telling the delegates that the world was "
        "waiting for good news."
    )
    found = [m for m in mentions_of(body, date(2022, 3, 30)) if m.type == "statement"]
    # said at the opening of the talks the article reports: their day, not the article's
    assert [(m.actor_slugs, m.range.start, m.range.end) for m in found] == [
        (("recep-tayyip-erdogan",), date(2022, 3, 29), date(2022, 3, 29))
    ]


@pytest.mark.parametrize(
    ("unquoted", "slug"),
    [
        (
            "In a call with Erdogan, Zelensky thanked Turkey for its help, saying the talks would go on.",
            "volodymyr-zelensky",
        ),
        ("After meeting Lavrov, Kuleba left Antalya, saying there had been no progress.", "dmytro-kuleba"),
    ],
)
def test_a_name_in_a_fronted_phrase_is_not_the_subject_who_speaks(unquoted: str, slug: str) -> None:
    assert speaker(unquoted) == slug


@pytest.mark.parametrize(
    ("unquoted", "slug"),
    [
        ("Mykhailo Podoliak at an interim briefing in Turkey said consultations were under way.", "mykhailo-podolyak"),
        ("Dmytro Kuleba in an interview with CNN said the talks were hard.", "dmytro-kuleba"),
        # not a place the words were said at, but what was said
        ("Talks with Kuleba in Antalya said nothing new, observers noted.", None),
    ],
)
def test_the_occasion_between_a_name_and_its_verb_leaves_the_name_the_speaker(unquoted: str, slug: str | None) -> None:
    assert speaker(unquoted) == slug


def test_a_name_after_the_subject_is_not_the_speaker_of_its_saying() -> None:
    unquoted = "Zelensky met Erdogan in Ankara, saying the talks would go on."
    assert speaker(unquoted) == "volodymyr-zelensky"


@pytest.mark.parametrize(
    "body",
    [
        "The Russian and Ukrainian delegations have finished their talks in Istanbul.",
        # the talks as the subject, begun at a place, with the agency that reports it
        "Negotiations between Russia and Ukraine have begun in Istanbul, BelTA writes.",
    ],
)
def test_a_live_report_of_talks_at_a_place_is_dated_by_the_report(body: str) -> None:
    (found,) = mentions_of(body)
    assert (found.type, found.venue_slug, found.range.end) == ("round", "istanbul", PUBLISHED)


def test_talks_in_general_are_not_a_round() -> None:
    assert mentions_of("Russia and Ukraine have held several rounds of talks in Belarus and Turkey.") == []


def test_a_numbered_round_without_a_place_and_a_dated_session_in_it_are_one_round() -> None:
    week = mentions_of("Last week, Ukraine and Russia held the first round of peace talks.", date(2022, 3, 8))
    day = mentions_of("The delegations held talks on Monday near the Belarus-Ukraine border.", date(2022, 3, 1), "b")
    listed = mentions_of(
        "February 28 – The delegations hold their first round of talks in the Gomel region.", date(2022, 6, 14), "c"
    )
    events, _ = merge_mentions([], [*week, *day, *listed])
    rounds = [e for e in events if e.type == "round"]
    assert len(rounds) == 1 and rounds[0].round_claims == (1,)


def test_a_round_title_reads_as_english() -> None:
    (found,) = mentions_of("The third round of talks took place in the Brest region on March 7.", date(2022, 3, 8))
    events, _ = merge_mentions([], [found])
    assert events[0].title == "Third round of talks in the Brest region, Belarus"


def test_a_retrospective_dates_a_month_without_a_year_in_the_year_it_tells_of() -> None:
    body = (
        "On March 29, 2022, in Istanbul, the two delegations produced a joint communique. "
        "The discovery of atrocities in Bucha in early April hardened opinion."
    )
    found = mentions_of(body, date(2024, 4, 16))
    bucha = next(m for m in found if m.type == "atrocity")
    assert (bucha.range.start, bucha.range.end) == (date(2022, 4, 1), date(2022, 4, 10))


def test_news_with_background_keeps_a_month_without_a_year_near_the_article() -> None:
    body = (
        "The two sides last met face-to-face in March 2022. "
        "On Friday, negotiators said talks held in early May had gone well."
    )
    found = mentions_of(body, date(2025, 5, 16))
    assert {m.range.start.year for m in found if m.date_text == "early May"} == {2025}


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("The talks began on February 28, 2022, just four days after the invasion.", "2022-02-24", "2022-02-24"),
        ("The talks resumed on March 7, 2022, two weeks after the invasion.", "2022-02-18", "2022-02-24"),
        ("Talks were held on March 29, 2022, several days before the atrocities in Bucha.", "2022-03-31", "2022-04-04"),
    ],
)
def test_a_counted_gap_from_a_date_dates_the_other_happening(sentence: str, start: str, end: str) -> None:
    other = [m for m in mentions_of(sentence, date(2022, 5, 1)) if m.type != "round"]
    assert [(m.range.start.isoformat(), m.range.end.isoformat()) for m in other] == [(start, end)]


def test_talks_listed_on_several_days_are_one_round_each() -> None:
    body = "Earlier rounds of talks were held in Belarus on 28 February, 3 March and 7 March."
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 29)))
    assert sorted(e.range.start.isoformat() for e in events if e.type == "round") == [
        "2022-02-28",
        "2022-03-03",
        "2022-03-07",
    ]
    assert len({e.id for e in events}) == len(events)


def test_talks_under_way_in_a_place_on_the_day_of_a_statement_are_a_round_that_day() -> None:
    body = "Russia said on Tuesday it would reduce attacks, as negotiators meeting in Istanbul reported progress."
    found = mentions_of(body, date(2022, 3, 29))
    rounds = [(m.range.start, m.venue_slug) for m in found if m.type == "round"]
    assert rounds == [(date(2022, 3, 29), "istanbul")] and any(m.type == "statement" for m in found)


def test_what_is_dated_only_by_a_season_or_a_span_of_months_is_background() -> None:
    body = (
        "The talks, held in Belarus and later in Istanbul between February and April 2022, ended without a deal. "
        "Diplomats say the best chance for a settlement after the invasion came in the spring of 2022."
    )
    assert mentions_of(body, date(2023, 11, 25)) == []


def test_the_first_since_a_date_when_talks_were_held_dates_those_talks() -> None:
    body = (
        "The meeting at the palace was the first since June 2, when the two sides also met in Istanbul. "
        "A second round of talks was held in Istanbul on June 2, when the sides exchanged draft memorandums."
    )
    found = [(m.type, m.range.start, m.venue_slug, m.round_number) for m in mentions_of(body, date(2025, 7, 23))]
    assert found == [
        ("round", date(2025, 6, 2), "istanbul", None),
        ("round", date(2025, 6, 2), "istanbul", 2),
        ("proposal", date(2025, 6, 2), None, None),  # the memorandums exchanged at it
    ]


def test_what_happened_after_a_dated_happening_is_dated_from_it_up_to_the_article() -> None:
    body = (
        "The bodies of 410 civilians were found in towns including Bucha after Russian troops withdrew in early April."
    )
    found = {m.type: (m.range.start, m.range.end) for m in mentions_of(body, date(2022, 5, 17))}
    assert found["atrocity"] == (date(2022, 4, 1), date(2022, 5, 17))
    assert found["military"] == (date(2022, 4, 1), date(2022, 4, 10))


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Kuleba and Lavrov met in Antalya on March 10.", "ministerial"),
        ("Israeli Prime Minister Naftali Bennett met Putin in Moscow on March 5.", "diplomacy"),
        ("Ukraine handed its written proposals to Russia on Tuesday.", "proposal"),
        # an agreement signed with a third party's mediation is diplomacy, not a draft put forward
        ("The grain deal was signed in Istanbul on July 22.", "diplomacy"),
        # the two countries' contacts are their delegations' talks, whoever mediated them
        (
            "The last contacts between the two countries took place on March 29 in the city of Istanbul under the "
            "mediation of the Turkish Government.",
            "round",
        ),
    ],
)
def test_meetings_documents_and_signings_are_typed(sentence: str, event_type: str) -> None:
    assert [m.type for m in mentions_of(sentence, date(2022, 8, 25))] == [event_type]


def test_earlier_in_the_week_after_a_sentence_about_last_week_is_in_that_week() -> None:
    body = (
        "The head of Moscow's delegation said last week that long conversations were held on Friday. "
        "Earlier in the week, the Kremlin said Russia had submitted a new written proposal."
    )
    proposal = next(m for m in mentions_of(body, date(2022, 4, 27)) if m.date_text == "Earlier in the week")
    assert (proposal.range.start, proposal.range.end) == (date(2022, 4, 18), date(2022, 4, 21))


def test_talks_dated_in_the_subject_of_someones_words_are_a_round_and_the_words_a_statement() -> None:
    body = "The talks on March 29, 2022 were the last in-person meeting, Peskov said on Tuesday."
    found = [(m.type, m.range.start) for m in mentions_of(body, date(2023, 2, 21))]
    assert found == [("round", date(2022, 3, 29)), ("statement", date(2023, 2, 21))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Podolyak said the talks, which began on Monday, would continue on Tuesday.",
            [
                ("round", "2022-03-28", "occurred"),
                ("round", "2022-04-05", "planned"),
                ("statement", "2022-03-30", "occurred"),  # and Podolyak's saying so
            ],
        ),
        (
            "Negotiations between Russia and Ukraine resumed on Monday via videoconference, Peskov said.",
            [("round", "2022-03-28", "occurred")],
        ),
        ("Medinsky met Arakhamia in Istanbul on Tuesday.", [("round", "2022-03-29", "occurred")]),
        ("Istanbul hosted the talks on March 29.", [("round", "2022-03-29", "occurred")]),
        ("Monday's session at the Ciragan Palace lasted just over an hour.", [("round", "2022-03-28", "occurred")]),
        # the last meeting before is named, not reported: the sentence's event is the round it dates
        (
            "The first round, on 16 March, was the first direct meeting since March 2021.",
            [("round", "2022-03-16", "occurred")],
        ),
        # what the talks agreed is a happening of its own
        (
            "Russia and Ukraine agreed on Tuesday to exchange 1,000 prisoners each at direct talks in Istanbul.",
            [("round", "2022-03-29", "occurred"), ("prisoners", "2022-03-29", "occurred")],
        ),
        (
            "Delegations met in Istanbul on Tuesday for a third round of talks, agreeing to another exchange of "
            "prisoners.",
            [("round", "2022-03-29", "occurred"), ("prisoners", "2022-03-29", "occurred")],
        ),
        # the agreement is what the dated clause tells; the numbered round it was made at, the rest of the sentence
        (
            "Russia and Ukraine agreed on Wednesday to carry out another exchange of prisoners, but their third round "
            "of direct talks in Istanbul lasted only 40 minutes.",
            [("prisoners", "2022-03-30", "occurred"), ("round", "2022-03-30", "occurred")],
        ),
        (
            "Russia and Ukraine agreed on Wednesday to exchange more prisoners, but failed to make progress towards a "
            "ceasefire in their second round of direct talks in Istanbul.",
            [("prisoners", "2022-03-30", "occurred"), ("round", "2022-03-30", "occurred")],
        ),
        (
            "Russia and Ukraine agreed on Wednesday to exchange more prisoners, but made no progress at a brief second "
            "round of direct talks in Istanbul.",
            [("prisoners", "2022-03-30", "occurred"), ("round", "2022-03-30", "occurred")],
        ),
        (
            "At the second round, on Tuesday, the two sides exchanged memorandums and agreed to release all "
            "badly wounded captives and to return 6,000 bodies each.",
            [
                ("proposal", "2022-03-29", "occurred"),
                ("round", "2022-03-29", "occurred"),
                ("prisoners", "2022-03-29", "occurred"),
                ("humanitarian", "2022-03-29", "occurred"),
            ],
        ),
        (
            "At their previous meeting last Thursday, at the same venue, the delegations agreed in principle to set "
            "up humanitarian corridors.",
            [("humanitarian", "2022-03-24", "occurred"), ("round", "2022-03-24", "occurred")],
        ),
        # a round to come is not held
        (
            "Russia and Ukraine agreed on Wednesday to exchange prisoners, and a fourth round will follow.",
            [("prisoners", "2022-03-30", "occurred")],
        ),
        # a round named for comparison, not reported held that day
        (
            "Russia and Ukraine agreed on Wednesday to exchange prisoners, the first since their second round of "
            "talks.",
            [("prisoners", "2022-03-30", "occurred")],
        ),
        (
            "Russia and Ukraine agreed on Wednesday to exchange prisoners, a step first discussed during the third "
            "round in Belarus.",
            [("prisoners", "2022-03-30", "occurred")],
        ),
        ("On Monday, the two delegations sat down in a lodge near the border.", [("round", "2022-03-28", "occurred")]),
        # the talks the day is compared with, named after 'since': no round of their own
        (
            "The negotiators met in Istanbul on Tuesday for the first time since the talks in Belarus in early March.",
            [("round", "2022-03-29", "occurred")],
        ),
        # two drafts, each on its day; not a day that only comes near a draft ('as it had on Friday on a draft')
        (
            "Lavrov said the Ukrainian delegation had handed over a draft agreement on Wednesday that departed from "
            "what Kyiv had offered in Istanbul on March 22.",
            [("proposal", "2022-03-30", "occurred"), ("proposal", "2022-03-22", "occurred")],
        ),
        # so too a draft handed over further back, and the principles agreed at the talks
        (
            "Lavrov said on Thursday that Ukraine had handed Russian negotiators a new draft agreement the previous "
            "day that deviated from the principles agreed in Istanbul on March 22.",
            [
                ("statement", "2022-03-31", "occurred"),
                ("proposal", "2022-03-30", "occurred"),
                ("proposal", "2022-03-22", "occurred"),
            ],
        ),
        (
            "India had abstained on Sunday when the Council voted, as it had on Friday on a draft resolution.",
            [("proposal", "2022-03-25", "occurred")],
        ),
        # a draft discussed is not a draft handed over; a round hoped for is not one held
        (
            "Negotiators discussed the draft on Monday that Kyiv had handed over on March 22.",
            [("proposal", "2022-03-22", "occurred")],
        ),
        (
            "Russia and Ukraine exchanged 86 prisoners on Wednesday, and negotiators hope for a breakthrough in their "
            "second round.",
            [("prisoners", "2022-03-30", "occurred")],
        ),
    ],
)
def test_sessions_of_the_two_delegations_are_rounds(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    found = [(m.type, m.range.start.isoformat(), m.status) for m in mentions_of(sentence, date(2022, 3, 31))]
    assert found == expected


def test_a_session_in_a_country_joins_the_numbered_round_held_in_a_region_of_it() -> None:
    first = mentions_of("The first round of talks was held in the Gomel region on 28 February.", date(2022, 3, 1))
    later = mentions_of(
        "Earlier rounds of talks were held in Belarus on 28 February and 3 March.", date(2022, 3, 29), "hash-b"
    )
    events, _ = merge_mentions([], [*first, *later])
    rounds = sorted((e.range.start.isoformat(), e.round_claims, len(e.mentions)) for e in events if e.type == "round")
    assert rounds == [("2022-02-28", (1,), 2), ("2022-03-03", (), 1)]


@pytest.mark.parametrize("plan_first", [True, False])
def test_a_session_held_and_a_round_announced_both_without_a_date_stay_apart_in_either_order(plan_first: bool) -> None:
    plan = mentions_of("The two sides will meet again for a fourth round of talks in Belarus soon.", date(2022, 3, 8))
    held = mentions_of("The delegations have held talks in Belarus.", date(2022, 3, 8), "hash-b")
    assert plan and held and all(not m.anchored for m in [*plan, *held])
    events, _ = merge_mentions([], [*plan, *held] if plan_first else [*held, *plan])
    assert sorted(e.status for e in events if e.type == "round") == ["occurred", "planned"]


def test_a_dated_session_does_not_join_a_round_announced_without_a_date() -> None:
    plan = mentions_of("The two sides will meet again for a fourth round of talks in Belarus soon.", date(2022, 3, 8))
    held = mentions_of("Talks were held in Belarus on 8 March.", date(2022, 3, 9), "hash-b")
    events, _ = merge_mentions([], [*plan, *held])
    assert sorted(e.status for e in events if e.type == "round") == ["occurred", "planned"]


def test_a_round_to_come_told_by_a_pronoun_is_the_round_not_more_words_of_the_speaker() -> None:
    found = mentions_of(
        "Leonid Slutsky said the process still has laborious work ahead. He also confirmed that the two sides will "
        "meet again for a fourth round of talks in Belarus in the very near future.",
        date(2022, 3, 7),
    )
    told = [(m.type, m.status) for m in found if m.quote.startswith("He also")]
    assert told == [("round", "planned")]


def test_a_round_announced_without_a_date_does_not_join_a_session_held() -> None:
    held = mentions_of("At their second meeting, on Thursday in the Brest region, the sides agreed.", date(2022, 3, 6))
    plan = mentions_of(
        "He said the two delegations had agreed to hold a third round of talks in the near future.",
        date(2022, 3, 3),
        "hash-b",
    )
    assert [(m.status, m.round_number) for m in plan] == [("planned", 3)]
    events, _ = merge_mentions([], [*held, *plan])
    assert sorted(e.status for e in events if e.type == "round") == ["occurred", "planned"]


def test_the_same_ordinal_dated_a_month_apart_is_not_the_same_round() -> None:
    belarus = mentions_of("The first round of talks was held in the Gomel region on 28 February.", date(2022, 3, 1))
    istanbul = mentions_of(
        "After the first round of negotiations in Istanbul on 29 March, work went on.", date(2022, 5, 5), "hash-b"
    )
    events, _ = merge_mentions([], [*belarus, *istanbul])
    assert sorted((e.range.start.isoformat(), e.venue_slug) for e in events if e.type == "round") == [
        ("2022-02-28", "gomel-region"),
        ("2022-03-29", "istanbul"),
    ]


def test_a_session_without_a_place_joins_the_numbered_round_of_its_day() -> None:
    numbered = mentions_of("The third round of talks was held in the Brest region on March 7.", date(2022, 3, 8))
    bare = mentions_of("The negotiations have not been held in person since March 7.", date(2022, 3, 20), "hash-b")
    events, _ = merge_mentions([], [*numbered, *bare])
    rounds = [(e.range.start.isoformat(), e.round_claims, len(e.mentions)) for e in events if e.type == "round"]
    assert rounds == [("2022-03-07", (3,), 2)]


def test_days_after_a_happening_the_article_dated_count_from_its_day() -> None:
    body = (
        "The talks stalled after Boris Johnson's visit to Kyiv on 9 April. "
        'Three days after Johnson left Kyiv, Putin said publicly that the talks had "turned into a dead end".'
    )
    putin = next(m for m in mentions_of(body, date(2022, 5, 5)) if "vladimir-putin" in m.actor_slugs)
    assert (putin.range.start, putin.range.end) == (date(2022, 4, 12), date(2022, 4, 12))


def test_a_call_offering_to_host_a_meeting_is_the_call_not_the_meeting() -> None:
    body = (
        "Turkish President Recep Tayyip Erdogan spoke with Zelenskyy by phone on Wednesday and offered to host "
        "a meeting of the two presidents in Istanbul."
    )
    assert [m.type for m in mentions_of(body, date(2022, 4, 14))] == ["diplomacy"]


def test_agreeing_in_a_phone_call_to_host_the_round_is_the_call() -> None:
    body = "Erdogan had agreed to host the round in a phone call with Russian President Vladimir Putin on Sunday."
    assert [(m.type, m.range.start) for m in mentions_of(body, date(2022, 3, 30))] == [("diplomacy", date(2022, 3, 27))]


def test_agreeing_to_send_a_delegation_is_news_about_talks_not_a_session() -> None:
    body = "Ukraine agreed on Sunday to send a delegation to the Belarusian border for talks with Russia."
    assert [m.type for m in mentions_of(body, date(2022, 3, 1))] == ["statement"]


def test_entries_of_a_live_report_under_clock_times_are_of_the_articles_day() -> None:
    text = (
        "Live: talks in Istanbul\n\nTue 29 Mar 2022 17.30 BST\n\n17.05 BST\n\n"
        "Talks between Ukraine and Russia in Istanbul have ended after about three hours.\n\n16.40 BST\n\n"
        "Ukraine's negotiators proposed a neutral status, David Arakhamia told reporters."
    )
    article = clean_article(RawArticle("a.txt", "a.txt", text, "hash-live"))
    assert [s.stamped_days_back for s in article.sentences] == [0, 0]
    found = extract_mentions(article, PublishedDate(date(2022, 3, 29), date(2022, 3, 29), "dateline", ()))
    assert [(m.type, m.range.start, m.range.end) for m in found] == [
        ("round", date(2022, 3, 29), date(2022, 3, 29)),
        ("statement", date(2022, 3, 29), date(2022, 3, 29)),
        ("proposal", date(2022, 3, 29), date(2022, 3, 29)),  # what the negotiators put forward
    ]


def test_entries_of_a_live_report_before_midnight_are_of_the_day_before_the_pages_date() -> None:
    text = (
        "Live: talks agree corridors\n\nFri 4 Mar 2022 01.52 GMT\n\n00.38 GMT\n\n"
        "Mykhailo Podolyak said the corridors would open soon.\n\n11.58 pm GMT\n\n"
        "Headline of the entry\n\nVladimir Medinsky said the sides had reached mutual understanding.\n\n"
        "Posted at 18:55\n\nDmytro Kuleba said talks were hard."
    )
    article = clean_article(RawArticle("a.txt", "a.txt", text, "hash-live"))
    assert [s.stamped_days_back for s in article.sentences] == [0, 1, 1, 1]
    found = extract_mentions(article, PublishedDate(date(2022, 3, 4), date(2022, 3, 4), "dateline", ()))
    assert [(m.type, m.range.start, m.range.end) for m in found] == [
        ("statement", date(2022, 3, 4), date(2022, 3, 4)),
        ("statement", date(2022, 3, 3), date(2022, 3, 3)),
        ("statement", date(2022, 3, 3), date(2022, 3, 3)),
    ]


def test_entries_of_a_live_report_under_a_stamp_without_a_year_keep_the_day_before_midnight() -> None:
    text = (
        "Live: talks in Istanbul\n\n30 March, 07:10\n\n7:04am\n\nRecap\n\nThe talks were held in Istanbul.\n\n"
        "12:15am\n\nMedinsky: talks constructive\n\nVladimir Medinsky said the talks had been constructive.\n\n"
        "11:46pm\n\nUkraine's offer\n\nMykhailo Podolyak said Kyiv had put a neutral status on the table."
    )
    article = clean_article(RawArticle("a.txt", "a.txt", text, "hash-live"))
    assert article.dateline is not None
    inferred = PublishedDate(date(2022, 3, 30), date(2022, 3, 30), "inferred", ())
    said = [m.range.start for m in extract_mentions(article, inferred) if m.type == "statement"]
    assert said == [date(2022, 3, 30), date(2022, 3, 29)]


def test_entries_of_a_live_report_dated_by_what_it_tells_share_its_day_across_midnight() -> None:
    # no stamp to count from: the page's day is that of its news, in whatever time zone its clock shows
    text = (
        "Live: talks in Istanbul\n\n7:04am\n\nRecap\n\nThe talks were held in Istanbul.\n\n12:15am\n\n"
        "Medinsky: talks constructive\n\n"
        "Vladimir Medinsky said the talks had been constructive.\n\n11:46pm\n\nUkraine's offer\n\n"
        "Mykhailo Podolyak said Kyiv had put a neutral status on the table."
    )
    article = clean_article(RawArticle("a.txt", "a.txt", text, "hash-live"))
    assert [s.stamped_days_back for s in article.sentences if "said" in s.text] == [0, 1]
    inferred = PublishedDate(date(2022, 3, 29), date(2022, 3, 29), "inferred", ())
    said = [m.range.start for m in extract_mentions(article, inferred) if m.type == "statement"]
    assert said == [date(2022, 3, 29), date(2022, 3, 29)]


def test_a_named_officials_undated_words_on_military_plans_are_a_statement() -> None:
    """His words, and beside them the drawdown he announces (a military step, not his words)."""
    body = "Russia will drastically reduce military activity near Kyiv and Chernihiv, Alexander Fomin said."
    assert [(m.type, m.actor_slugs) for m in mentions_of(body, date(2022, 3, 29))] == [
        ("statement", ("alexander-fomin",)),
        ("military", ()),
    ]


def test_background_told_after_a_full_date_years_back_keeps_that_year() -> None:
    """A news hook ('Last Friday') and then the story of two years before: a month and day named after
    'February 28, 2022' are of 2022, not of the months just gone; this year's recent news keeps this year."""
    text = (
        "Headline\n\nUpdated on 2023-11-28\n\nLast Friday, Arakhamia gave a long interview on the talks.\n\n"
        "The first meeting took place on February 28, 2022. Two more rounds followed in the Brest region on "
        "March 3 and March 7.\n\nOn November 20, Peskov said talks were possible."
    )
    article = clean_article(RawArticle("a", "a", text, "h"))
    mentions = extract_mentions(article, PublishedDate(date(2023, 11, 28), date(2023, 11, 28), "dateline"))
    days = {m.range.start.isoformat() for m in mentions}
    assert {"2022-02-28", "2022-03-03", "2022-03-07", "2023-11-20"} <= days
    assert not any(d.startswith("2023-03") for d in days)


@pytest.mark.parametrize(
    ("sentence", "venue"),
    [
        ("The talks in the Turkish resort city of Antalya on Thursday lasted an hour.", "antalya"),
        ("The delegations met on Monday in the Belarusian border town of Brest.", "brest-region"),
    ],
)
def test_a_place_named_as_the_city_or_town_of_is_where_it_happened(sentence: str, venue: str) -> None:
    assert [m.venue_slug for m in mentions_of(sentence, date(2022, 3, 10))] == [venue]


@pytest.mark.parametrize(
    "since",
    [
        "since Russia invaded on 24 February",
        "since Moscow launched its invasion on February 24",
        "since the war began on 24 February",
        "since Moscow sent troops into its neighbor last week",
        "since Russian troops poured into Ukraine on Feb. 24",
        "since Russia launched its war on Ukraine on Feb. 24",
    ],
)
def test_the_wars_start_named_after_since_is_not_what_the_sentence_dates(since: str) -> None:
    body = (
        "Dmytro Kuleba said there had been no progress towards a ceasefire after he met his Russian counterpart, "
        f"Sergei Lavrov, in Antalya on Thursday - the highest-level talks {since}."
    )
    found = mentions_of(body, date(2022, 3, 10))
    # the talks are Thursday's; the day the war began, when the sentence gives it, is an event of its own
    assert {m.range.start for m in found if m.type != "military"} == {date(2022, 3, 10)}
    assert "ministerial" in {m.type for m in found}
    assert {m.range.start for m in found if m.type == "military"} <= {date(2022, 2, 24)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kuleba on Thursday said there had been no progress during the talks with his Russian counterpart, Lavrov.",
        '"We have made no progress," said Kuleba on Thursday after his trilateral meeting with his Russian and '
        "Turkish counterparts, Sergey Lavrov and Mevlut Cavusoglu.",
    ],
)
def test_words_said_during_or_after_talks_with_the_other_sides_minister_tell_of_their_meeting(sentence: str) -> None:
    found = [(m.type, m.range.start) for m in mentions_of(sentence, date(2022, 3, 10))]
    assert ("ministerial", date(2022, 3, 10)) in found and ("statement", date(2022, 3, 10)) in found


def test_words_quoted_before_the_name_they_are_attributed_to_are_that_persons() -> None:
    body = (
        "Mykhailo Podolyak said on Tuesday that the talks were on pause. Moscow put the responsibility on Kyiv. "
        '"No, the talks are not continuing. Ukraine has practically withdrawn from the negotiating process," '
        "Russian Deputy Foreign Minister Andrei Rudenko was quoted as saying by the Interfax news agency."
    )
    said = [m for m in mentions_of(body, date(2022, 5, 17)) if "Rudenko" in m.quote]
    assert [(m.type, m.actor_slugs) for m in said] == [("statement", ("andrei-rudenko",))]
    assert "talks are not continuing" in said[0].quote


def test_the_wars_start_counted_back_after_since_is_not_an_event() -> None:
    body = (
        "Dmytro Kuleba says no progress has been made towards a ceasefire during talks with Sergei Lavrov, the "
        "highest-level meeting between the two sides since Moscow invaded its neighbour two weeks ago."
    )
    found = mentions_of(body, date(2022, 3, 10))
    assert found and all(m.range.start >= date(2022, 3, 9) for m in found)


@pytest.mark.parametrize(
    ("sentence", "first_day"),
    [
        ("On Tuesday morning, shortly before the talks began, a Russian missile hit the building.", date(2022, 3, 29)),
        (
            "The delegations have not met since March 29, shortly before the talks began again.",
            date(2022, 3, 30),
        ),
    ],
)
def test_shortly_before_a_time_of_day_may_be_the_same_day(sentence: str, first_day: date) -> None:
    talks = [m for m in mentions_of(sentence, date(2022, 3, 30)) if m.type == "round" and "shortly" in m.explanation]
    assert [m.range.start for m in talks] == [first_day]


def test_an_agreement_made_in_a_call_that_delegations_would_meet_is_the_call() -> None:
    body = (
        "On February 27, 2022, Volodymyr Zelensky agreed in a phone call with Belarus's Alexander Lukashenko "
        "that a Ukrainian delegation would meet Russian officials near the Pripyat River."
    )
    assert [m.type for m in mentions_of(body, date(2024, 4, 16))] == ["diplomacy"]


@pytest.mark.parametrize("words", ["was shot dead", "was murdered", "was abducted"])
def test_a_killing_or_an_abduction_is_an_atrocity(words: str) -> None:
    body = f"The mayor of Melitopol {words} on Friday, officials said."
    assert "atrocity" in {m.type for m in mentions_of(body, date(2022, 3, 14))}


def test_talks_of_the_delegations_at_a_place_on_a_day_are_a_round_whoever_comments() -> None:
    body = (
        "The talks between Russian and Ukrainian delegations in Istanbul on Tuesday produced the most meaningful "
        "progress since the start of negotiations, Foreign Minister Mevlut Cavusoglu said, adding that Ankara hoped "
        "a meeting of the two countries' foreign ministers would follow."
    )
    assert mentions_of(body, date(2022, 3, 29))[0].type == "round"


def test_the_delegations_meeting_for_an_nth_time_after_since_numbers_that_round() -> None:
    body = (
        "The Istanbul meeting was the first face-to-face session between the two delegations since March 7, "
        "when they met for a third time in Belarus."
    )
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 29)))
    rounds = [(e.round_claims, e.range.start) for e in events if e.type == "round"]
    assert ((3,), date(2022, 3, 7)) in rounds
    assert not any(claims == (1,) for claims, _ in rounds)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        (
            "The talks, which moved to video link on Monday after three in-person rounds in Belarus, continued on "
            "Wednesday for a third straight day.",
            "round round",  # Monday's session and Wednesday's
        ),
        (
            "Last week, Mevlut Cavusoglu hosted Sergei Lavrov and Dmytro Kuleba in Antalya, the highest-level "
            "contact between the two sides since the invasion.",
            "ministerial",
        ),
        (
            "Russian troops are in control of Kherson, which fell on Wednesday, the first major Ukrainian city to "
            "be taken since the invasion began.",
            "military",
        ),
    ],
)
def test_what_the_clause_tells_types_it_not_the_wars_start_named_after_since(sentence: str, event_type: str) -> None:
    assert [m.type for m in mentions_of(sentence, date(2022, 3, 17))] == event_type.split()


def test_a_mediator_meeting_each_side_in_turn_is_two_contacts_not_a_ministers_meeting() -> None:
    body = (
        "Mevlut Cavusoglu, its foreign minister, met Sergei Lavrov in Moscow on Wednesday and is due in Lviv to see "
        "his Ukrainian counterpart Dmytro Kuleba on Thursday."
    )
    found = [(m.type, m.range.start, m.status) for m in mentions_of(body, date(2022, 3, 16))]
    assert found == [
        ("diplomacy", date(2022, 3, 16), "occurred"),
        ("diplomacy", date(2022, 3, 17), "planned"),
    ]


def test_ministers_named_between_commas_before_their_verb_met_each_other() -> None:
    body = (
        "Both sides then switched to video calls, and the foreign ministers, Dmytro Kuleba and Sergey Lavrov, "
        "met once in Antalya on March 10, with no result."
    )
    assert [m.type for m in mentions_of(body, date(2023, 11, 28))] == ["ministerial"]


@pytest.mark.parametrize(
    "body",
    [
        "The second round of negotiations between the delegations has ended in Belarus, an adviser said.",
        "Unlike the previous one, this second round of negotiations has been held by videoconference.",
    ],
)
def test_a_numbered_round_told_in_the_present_perfect_is_the_days_news(body: str) -> None:
    rounds = [m for m in mentions_of(body, date(2022, 3, 3)) if m.type == "round"]
    assert [(m.round_number, m.range.start, m.range.end) for m in rounds] == [(2, date(2022, 3, 3), date(2022, 3, 3))]


def test_resumed_negotiations_at_a_palace_are_a_round_and_exchanged_memorandums_a_proposal() -> None:
    body = (
        "The two sides resumed direct negotiations on May 16 at Istanbul's Dolmabahce Palace, after Putin proposed "
        "the format in a televised statement. At a second round on June 2, the sides exchanged memorandums on their "
        "visions for peace."
    )
    found = {(m.type, m.range.start) for m in mentions_of(body, date(2025, 7, 23))}
    assert {("round", date(2025, 5, 16)), ("round", date(2025, 6, 2)), ("proposal", date(2025, 6, 2))} <= found


def test_words_about_what_is_to_come_are_dated_as_said_not_on_the_day_to_come() -> None:
    body = (
        "Russian and Ukrainian negotiators met in Istanbul on Wednesday. Rustem Umerov said Kyiv had proposed a "
        "meeting between Volodymyr Zelensky and Vladimir Putin before the end of August."
    )
    said = [m for m in mentions_of(body, date(2025, 7, 23)) if m.type == "statement"]
    assert [(m.range.start, m.status) for m in said] == [(date(2025, 7, 23), "occurred")]


def test_a_negotiators_undated_words_are_of_the_talks_the_article_reports() -> None:
    body = (
        "Kremlin spokesman Dmitry Peskov told reporters on Wednesday that there was no breakthrough in the talks.\n\n"
        "The delegations met in Istanbul on Tuesday for three hours.\n\n"
        "Oleksandr Chaly said the guarantors would be obliged to help Ukraine.\n\n"
        "Sergei Lavrov said there had been nothing very promising."
    )
    found = mentions_of(body, date(2022, 3, 30))
    said = {m.actor_slugs[0]: (m.range.start, m.range.end) for m in found if m.type == "statement"}
    assert said == {
        "dmitry-peskov": (date(2022, 3, 30), date(2022, 3, 30)),
        "oleksandr-chaly": (date(2022, 3, 29), date(2022, 3, 29)),  # a negotiator: at the talks
        "sergei-lavrov": (date(2022, 3, 30), date(2022, 3, 30)),  # the day the lede reports
    }


def test_talks_named_by_their_day_in_a_speakers_words_are_dated_apart() -> None:
    # the words on their day, the talks their possessive day names on theirs
    sentence = "Peskov said on Tuesday that agreements reached at Monday's talks in Istanbul were important."
    found = {(m.type, m.range.start) for m in mentions_of(sentence)}
    assert found == {("statement", date(2022, 4, 12)), ("round", date(2022, 4, 11))}
    # not talks of one side with a third
    sentence = "Peskov said on Wednesday that Tuesday's talks with Erdogan were useful."
    assert not {m.type for m in mentions_of(sentence)} & {"round", "ministerial"}
    # nor, with no speaker's words, talks the sentence places elsewhere: the day's talks are not the meeting in Turkey
    sentence = "Friday's talks came three days after the last meeting, in Turkey, between the two delegations."
    assert not [m for m in mentions_of(sentence, date(2022, 4, 2)) if m.venue_slug == "turkey"]


@pytest.mark.parametrize(
    ("lede", "said_on"),
    [
        # a wire story's undated words are of its date line's day
        ("ISTANBUL, May 16. /TASS/. Russia and Ukraine wrapped up talks in Istanbul.", date(2025, 5, 16)),
        # unless its lede names the day before
        ("ISTANBUL, May 16. /TASS/. Russia and Ukraine wrapped up talks in Istanbul on Thursday.", date(2025, 5, 15)),
    ],
)
def test_undated_words_in_a_wire_story_are_of_the_day_its_lede_reports(lede: str, said_on: date) -> None:
    body = f"{lede}\n\nVladimir Medinsky said he was satisfied with the outcome of the talks."
    said = [m for m in mentions_of(body, date(2025, 5, 16)) if m.type == "statement"]
    assert [(m.range.start, m.range.end) for m in said] == [(said_on, said_on)]


@pytest.mark.parametrize(
    "sentence",
    [
        "On the date of the second round, Russian shelling hit Kharkiv.",
        "The sides had agreed to hold the second round in Belarus, and it ended with a deal on corridors.",
    ],
)
def test_a_round_named_with_a_date_word_or_an_earlier_agreement_is_not_one_to_come(sentence: str) -> None:
    assert all(m.status == "occurred" for m in mentions_of(sentence, date(2022, 3, 4)) if m.type == "round")


@pytest.mark.parametrize(
    "sentence",
    [
        "Neither delegation gave an exact date for the second round.",
        "The date of a second round has not been set.",
        "The two sides have not yet set a date for a second round of talks.",
        "No date has been set for the second round.",
    ],
)
def test_a_numbered_round_given_no_date_yet_is_one_to_come(sentence: str) -> None:
    found = mentions_of(sentence, date(2022, 3, 1))
    assert [(m.type, m.status, m.round_number) for m in found] == [("round", "planned", 2)]


def test_words_announcing_a_round_to_come_are_a_statement_too() -> None:
    body = 'Vladimir Medinsky told state television that a second round would take place "in the coming days".'
    found = [(m.type, m.status, m.actor_slugs) for m in mentions_of(body, date(2022, 2, 28))]
    assert found == [("round", "planned", ("vladimir-medinsky",)), ("statement", "occurred", ("vladimir-medinsky",))]


def test_a_headlines_numbered_round_is_the_round_the_article_dates() -> None:
    body = (
        "The third round of talks ended with small positive shifts on corridors.\n\n"
        "Delegations met for a third round of talks in Belarus on Monday."
    )
    found = mentions_of(body, date(2022, 3, 8))
    assert {(m.range.start, m.range.end) for m in found if m.type == "round"} == {(date(2022, 3, 7), date(2022, 3, 7))}


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("the first in-person round between the two sides since March 7", None),
        ("The first round of talks since the invasion ended in Belarus on Monday", 1),
        ("The first round ended without a deal, and fighting has raged since", 1),
        ("the first round of talks in Belarus", 1),
        ("the third round of talks since the war began", 3),
        ("the talks, the first face-to-face meeting between the delegations in more than three weeks", None),
        ("the first round of talks in Istanbul on Tuesday", 1),
    ],
)
def test_the_first_round_since_a_day_is_not_round_one(text: str, number: int | None) -> None:
    assert round_number(text) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "Thus, the second day of bilateral negotiations ended with one of the three objectives achieved and with "
            "the hope of meeting again for a third session.",
            None,
        ),
        ("Hopes for a third round of talks are fading.", 3),  # no other session told of: the one hoped for
        ("The third round ended on Monday with hopes of progress.", 3),
    ],
)
def test_a_round_hoped_for_in_a_sentence_telling_of_another_does_not_number_it(text: str, number: int | None) -> None:
    assert round_number(text) == number


def test_a_visit_announced_for_next_week_is_a_planned_contact() -> None:
    body = "António Guterres, the UN chief, will visit Moscow next week to meet Putin, his spokesperson said."
    planned = [m for m in mentions_of(body, date(2022, 4, 14)) if m.status == "planned"]
    assert [(m.type, m.range.start) for m in planned] == [("diplomacy", date(2022, 4, 18))]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "The delegations resumed negotiations by video link on Friday, following the in-person round in "
            "Istanbul on Tuesday, the head of the Ukrainian delegation said.",
            [("round", date(2022, 4, 1)), ("round", date(2022, 4, 5))],
        ),
        (
            "Ukraine presented the draft on Wednesday, Lavrov said in televised remarks on Thursday.",
            [("proposal", date(2022, 4, 6)), ("statement", date(2022, 4, 7))],
        ),
        (
            "Negotiators are expected to resume their video talks this morning after Monday's session was paused.",
            [("round", date(2022, 4, 4)), ("round", date(2022, 4, 7))],  # Monday's session, and this morning's
        ),
    ],
)
def test_each_date_of_a_sentence_dates_its_own_happening(sentence: str, found: list[tuple[str, date]]) -> None:
    assert sorted((m.type, m.range.start) for m in mentions_of(sentence, date(2022, 4, 7))) == sorted(found)


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        (
            "Medinsky said Russia had also offered to hand over the bodies of another 3,000 Ukrainian soldiers.",
            "humanitarian",
        ),
        (
            "Medinsky said the Russian side had handed Ukraine a memorandum setting out its vision of a ceasefire.",
            "proposal",
        ),
        ("Rustem Umerov said Kyiv had presented a list of Ukrainian children deported to Russia.", "humanitarian"),
    ],
)
def test_what_a_side_handed_over_or_offered_is_news_of_its_own(sentence: str, outcome: str) -> None:
    found = {m.type for m in mentions_of(sentence, date(2025, 6, 2))}
    assert {"statement", outcome} <= found and "atrocity" not in found


def test_proposals_presented_at_talks_on_a_day_are_a_proposal_of_that_day() -> None:
    body = "At talks in Istanbul on March 29, Ukraine's delegation presented proposals under which it would be neutral."
    found = {(m.type, m.range.start) for m in mentions_of(body, date(2022, 4, 2))}
    assert {("round", date(2022, 3, 29)), ("proposal", date(2022, 3, 29))} <= found


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        (
            "Last Thursday, Foreign Minister Dmytro Kuleba met Lavrov in Antalya, in the first meeting of the two "
            "ministers since the start of the full-scale invasion.",
            "ministerial",
        ),
        (
            "The head of the Russian delegation, Vladimir Medinsky, poured cold water on that assessment on "
            "Tuesday, saying the draft treaty was not ready for a summit.",
            "statement",
        ),
    ],
)
def test_what_was_done_types_a_sentence_not_a_word_of_what_was_said(body: str, event_type: str) -> None:
    assert [m.type for m in mentions_of(body, date(2022, 3, 16))] == [event_type]


def test_ministers_of_both_sides_agreeing_to_meet_on_a_day_to_come_is_a_planned_ministers_meeting() -> None:
    body = (
        "On Monday, Mevlut Cavusoglu announced that Sergey Lavrov and his Ukrainian counterpart Dmytro Kuleba had "
        "agreed to meet in Antalya on Thursday, March 10."
    )
    found = [(m.type, m.status, m.range.start) for m in mentions_of(body, date(2022, 3, 8))]
    assert ("ministerial", "planned", date(2022, 3, 10)) in found


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        (
            "The talks ended on Monday. Medinsky said Russia would also hand over the bodies of 6,000 servicemen.",
            "humanitarian",
        ),
        # an exchange of prisoners the words report going on
        (
            "The talks ended on Monday. Medinsky announced that 250 prisoners from each side are being exchanged "
            "along the border.",
            "prisoners",
        ),
        # an offer joined to what was done, and bodies of soldiers told with more than one word before them
        (
            "The talks ended on Monday. Medinsky said Russia has returned the bodies of 7,000 deceased Ukrainian "
            "soldiers and is prepared to return 3,000 more.",
            "humanitarian",
        ),
        (
            "The talks ended on Monday. Medinsky also said Russia so far has returned around 7,000 bodies of fallen "
            "Ukrainian soldiers and offered to transfer 3,000 more.",
            "humanitarian",
        ),
        (
            "The talks ended on Monday. The two delegations also exchanged documents setting out their conditions.",
            "proposal",
        ),
    ],
)
def test_what_the_sides_did_at_talks_told_without_a_date_is_of_the_talks_day(body: str, event_type: str) -> None:
    found = {(m.type, m.range.start) for m in mentions_of(body, date(2025, 6, 3))}
    assert (event_type, date(2025, 6, 2)) in found


@pytest.mark.parametrize(
    ("body", "planned"),
    [
        # a meeting proposed is a proposal, not a meeting planned for the day it names
        ("Rustem Umerov said Kyiv had proposed a meeting between Zelensky and Putin before the end of August.", []),
        (
            "The Ukrainian side has proposed to Russia holding a meeting between Vladimir Putin and Volodymyr "
            "Zelenskyy by the end of August.",
            [],
        ),
        # one agreed is planned
        ("Zelensky and Putin will meet in Istanbul before the end of August.", ["diplomacy"]),
    ],
)
def test_a_meeting_only_proposed_for_a_day_to_come_is_not_planned(body: str, planned: list[str]) -> None:
    found = mentions_of(body, date(2025, 7, 23))
    assert [m.type for m in found if m.status == "planned"] == planned
    assert "proposal" in {m.type for m in found} or planned


def test_a_plan_for_a_day_to_come_told_by_someone_is_also_their_saying_and_proposal() -> None:
    body = (
        "Rustem Umerov, the head of the Ukrainian delegation, said Kyiv proposed a meeting between Zelenskyy and "
        "Putin before the end of August."
    )
    found = {(m.type, m.status) for m in mentions_of(body, date(2025, 7, 23))}
    assert {("statement", "occurred"), ("proposal", "occurred")} <= found


@pytest.mark.parametrize(
    "background",
    [
        "Medvedchuk had been under house arrest since May 2021 on treason charges.",
        "The forest is where, in December 1991, the leaders signed the agreement dissolving the Soviet Union.",
    ],
)
def test_a_states_start_or_a_year_long_before_does_not_set_the_year_told_of(background: str) -> None:
    body = f"The talks were first held on February 28, 2022. {background} The delegations met again on March 29."
    found = [m for m in mentions_of(body, date(2024, 4, 13)) if "March 29" in m.quote]
    assert found and all(m.range.start == date(2022, 3, 29) for m in found)


def test_words_said_after_the_talks_are_of_the_talks_day_not_the_ledes() -> None:
    body = (
        "The Kremlin on March 30 played down hopes of a breakthrough a day after the negotiators met in Istanbul.\n\n"
        "The delegations sat down on March 29 in the Dolmabahce office, the first round since March 7, when they "
        "met in Belarus.\n\nForeign Minister Mevlut Cavusoglu said afterwards that it had yielded the most "
        "meaningful progress since the negotiations began."
    )
    said = [m for m in mentions_of(body, date(2022, 3, 30)) if "afterwards" in m.quote]
    assert [(m.type, m.range.start) for m in said] == [("statement", date(2022, 3, 29))]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "On Saturday Vladimir Putin received Naftali Bennett in the Kremlin for talks that lasted three hours.",
            "diplomacy",
        ),
        ("The talks became possible after the two presidents talked over the phone on Sunday.", "diplomacy"),
        ("Vladimir Medinsky expressed hope on Monday that the corridors would open.", "statement"),
        # a delegation formed is a decision, not a session
        ("On March 5, the President approved the composition of the delegation for talks with Russia.", "statement"),
        ("Zelensky on Monday appointed Rustem Umerov to head the delegation for talks with Russia.", "statement"),
    ],
)
def test_a_leader_received_a_call_or_a_hope_expressed_are_what_they_are(body: str, expected: str) -> None:
    assert expected in {m.type for m in mentions_of(body, date(2022, 3, 7))}
    assert "round" not in {m.type for m in mentions_of(body, date(2022, 3, 7))}


def test_a_delegation_formed_that_the_sentence_tells_met_is_a_round() -> None:
    body = "Zelensky appointed Umerov to head the delegation, which met Russian negotiators in Istanbul on Monday."
    assert "round" in {m.type for m in mentions_of(body, date(2022, 3, 7))}


def test_a_byline_does_not_count_among_the_ledes_sentences() -> None:
    body = (
        "Moscow says the ball is in their court as its forces press an offensive in the east of the country.\n\n"
        "By Marcus Lindqvist in Kyiv and Olga Vetrova in Riga\n\n"
        "KYIV, Ukraine - The Kremlin said it had handed Ukraine a written draft of a peace agreement.\n\n"
        '"The ball is in their court," Kremlin spokesman Dmitry Peskov told reporters Wednesday.\n\n'
        "Maria Zakharova said that Moscow had lost confidence in the Ukrainian negotiators."
    )
    said = [m for m in mentions_of(body, date(2022, 4, 20)) if "maria-zakharova" in m.actor_slugs]
    assert [m.range.start for m in said] == [date(2022, 4, 20)]


@pytest.mark.parametrize(
    ("sentence", "is_round"),
    [
        ("Putin had proposed the resumption of direct talks in a televised statement on May 11.", False),
        ("The two sides held direct talks in Istanbul on May 16.", True),
        ("On May 16, direct negotiations between the delegations ended in the Dolmabahce Palace in Istanbul.", True),
    ],
)
def test_direct_talks_are_a_round_only_at_a_named_place(sentence: str, is_round: bool) -> None:
    assert ("round" in {m.type for m in mentions_of(sentence, date(2025, 6, 2))}) is is_round


@pytest.mark.parametrize(
    "agreed",
    [
        "That meeting lasted less than two hours and produced an agreement to exchange 1,000 prisoners each.",
        "The two sides agreed at that meeting to exchange all severely wounded prisoners.",
        "At that meeting, the two sides agreed to exchange all severely wounded prisoners.",
        "They agreed to swap all severely wounded prisoners and to return the bodies of 6,000 soldiers.",
        "The meeting lasted about two hours and resulted in a number of agreements, including a prisoner exchange.",
    ],
)
def test_what_the_meeting_just_told_agreed_is_of_its_day(agreed: str) -> None:
    body = f"The delegations first met in Istanbul on May 16, at the Dolmabahce Palace. {agreed}"
    found = {(m.type, m.range.start) for m in mentions_of(body, date(2025, 6, 2))}
    assert ("prisoners", date(2025, 5, 16)) in found


def test_a_retort_is_a_statement_not_the_draft_it_is_about() -> None:
    body = "Vladimir Medinsky retorted on Monday that the draft was not ready for a summit."
    assert [m.type for m in mentions_of(body, date(2022, 4, 14))] == ["statement"]


def test_someone_who_dismissed_an_idea_saying_why_made_a_statement() -> None:
    body = "Ukrainian President Volodymyr Zelenskyy dismissed the idea, saying Kyiv wanted a full ceasefire."
    assert [m.type for m in mentions_of(body, date(2025, 6, 2))] == ["statement"]


def test_a_round_named_to_compare_a_venue_is_not_the_rounds_number() -> None:
    body = (
        "The delegations met on Monday in the Belovezhskaya Pushcha nature reserve in western Belarus - the same "
        "venue as the second round held last Thursday."
    )
    rounds = [m for m in mentions_of(body, date(2022, 3, 8)) if m.type == "round" and m.range.start == date(2022, 3, 7)]
    assert rounds and all(m.round_number != 2 for m in rounds)


def test_undated_lines_of_a_paragraph_telling_of_an_earlier_year_keep_its_day() -> None:
    body = (
        "Putin on Friday set out new terms.\n\nThe first talks were held in March 2022. The most important "
        "meeting took place on March 29 at the Dolmabahce Palace. There, Ukraine presented a document that "
        "became known as the Istanbul communique."
    )
    found = [(m.type, m.range.start) for m in mentions_of(body, date(2024, 6, 14)) if m.range.start.year == 2022]
    assert ("round", date(2022, 3, 29)) in found and ("proposal", date(2022, 3, 29)) in found


def test_a_paragraph_goes_on_in_the_year_its_full_date_named() -> None:
    body = (
        "This week it was the turn of Foreign Affairs.\n\nThe talks began on 28 February 2022, at a lodge near the "
        "Pripyat river. They moved online, and finally, on 29 March, to Istanbul, where Ukraine tabled a draft."
    )
    march = [m.range.start for m in mentions_of(body, date(2024, 4, 20)) if m.date_text == "29 March"]
    assert march and set(march) == {date(2022, 3, 29)}


def test_the_wars_age_puts_a_day_without_its_year_in_the_year_the_war_began() -> None:
    text = (
        "The peace that slipped away\n\nIn a gilded hall, a Ukrainian delegation handed its Russian counterpart a "
        "document. It was March 29th, a little more than a month into the full-scale invasion.\n\n"
        "Then came Bucha. On April 9th, Boris Johnson made a surprise visit to Kyiv."
    )
    article = clean_article(RawArticle("a.txt", "a.txt", text, "hash-war"))
    day = date(2024, 5, 13)
    found = extract_mentions(article, PublishedDate(day, day, "metadata", ()), date(2022, 2, 24))
    assert {m.date_text: m.range.start for m in found} == {
        "March 29th": date(2022, 3, 29),
        "April 9th": date(2022, 4, 9),
    }
    without = extract_mentions(article, PublishedDate(day, day, "metadata", ()))
    assert {m.range.start.year for m in without} == {2024}  # no war start known: nothing to count from


def test_the_wars_first_days_told_without_a_date_put_the_next_days_in_the_year_the_war_began() -> None:
    body = (
        "Last weekend, Saudi Arabia hosted officials from 40 countries.\n\nWithin days of the full-scale invasion, "
        "the two sides opened direct talks. The first round, on February 28, took place in Belarus' Gomel region. "
        "Russia handed Kyiv its own draft treaty on April 15."
    )
    found = mentions_of(body, date(2023, 8, 10), war_began=WAR_BEGAN)
    assert {m.date_text: m.range.start.year for m in found if m.date_text in {"February 28", "April 15"}} == {
        "February 28": 2022,
        "April 15": 2022,
    }


def test_the_wars_start_told_by_its_day_puts_the_days_after_it_in_the_year_the_war_began() -> None:
    body = (
        "Putin showed the African leaders the draft. Negotiations began shortly after February 24, the date of the "
        "start of the full-scale invasion, and from March 29 face-to-face in Istanbul, Turkey."
    )
    found = mentions_of(body, date(2023, 6, 17), war_began=WAR_BEGAN)
    assert [m.range.start for m in found if m.date_text == "March 29"] == [date(2022, 3, 29)]
    # a day of February 24 that is not the war's start tells no year
    other = body.replace("the date of the start of the full-scale invasion", "when Lukashenko offered to host them")
    found = mentions_of(other, date(2023, 6, 17), war_began=WAR_BEGAN)
    assert [m.range.start for m in found if m.date_text == "March 29"] == [date(2023, 3, 29)]


def test_a_wire_stories_date_line_does_not_date_what_its_first_sentence_reports() -> None:
    text = (
        "Putin says talks at a dead end\n\nVOSTOCHNY COSMODROME, Russia, April 12 (Reuters) - President Vladimir "
        "Putin said on Tuesday that peace talks with Ukraine had hit a dead end and that Russia's military "
        "operation would continue until all of its goals were met."
    )
    article = clean_article(RawArticle("a.txt", "a.txt", text, "hash-wire"))
    day = date(2022, 4, 12)
    found = extract_mentions(article, PublishedDate(day, day, "dateline", ()))
    assert [(m.type, m.date_text) for m in found] == [("statement", "on Tuesday")]


def test_a_heading_naming_the_articles_year_brings_the_text_back_to_it() -> None:
    body = (
        "The delegations last met face to face on March 29, 2022.\n\nHow the 2025 talks unfolded\n\n"
        "Putin proposed direct negotiations in a televised statement on May 11."
    )
    may = [m for m in mentions_of(body, date(2025, 7, 23)) if "May 11" in m.quote]
    assert may and all(m.range.start == date(2025, 5, 11) for m in may)


def test_this_year_brings_a_text_back_from_the_year_it_told_of() -> None:
    body = (
        "The Istanbul round of 29 March 2022 produced the so-called Istanbul communique.\n\n"
        "Arakhamia's words were not the first retelling of the story this year. In June, showing a delegation of "
        "African leaders a document, Putin claimed that Ukraine's negotiators had initialled a draft treaty."
    )
    june = [m for m in mentions_of(body, date(2023, 11, 25)) if "In June" in m.quote]
    assert june and all(m.range.start == date(2023, 6, 1) for m in june)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a comparison with 'a year ago' names no year the story is in
        (
            "Inflation rose 16.7% from a year ago. Talks were held in Istanbul on March 29.",
            "2022-04-13",
            ["round 03-29"],
        ),
        (
            "Zelensky was elected three years ago.\n\nThe delegations met in Istanbul on March 29.",
            "2022-04-13",
            ["round 03-29"],
        ),
        # a comparison with an earlier time leaves the news in the article's days
        ("The two sides exchanged 30 prisoners, the largest swap since mid-March.", "2022-04-13", ["prisoners 04-12"]),
        ("The two sides exchanged 30 prisoners; a similar swap took place in 2017.", "2022-04-13", ["prisoners 04-12"]),
        # words said are not documents signed or exchanged
        (
            "On Tuesday, Zelensky signed a law on sanctions and said agreements with Moscow were impossible.",
            "2022-04-13",
            ["statement 04-12"],
        ),
        (
            "On Monday, troops kept exchanging fire near Izium, in breach of the treaty, officials said.",
            "2022-04-13",
            [],
        ),
        # 'said that' is no relative clause: the story goes on in the year it told
        (
            "In a statement, the ministry said that on March 29, 2022, the delegations met in Istanbul. "
            "On April 15, the delegations exchanged a draft treaty.",
            "2023-06-01",
            ["statement 03-29", "proposal 04-15"],
        ),
        # only 'the March 29 attacks' names a happening by its day
        (
            "On March 29 attacks around Kyiv were scaled back after the talks in Istanbul.",
            "2022-04-13",
            ["round 03-29"],
        ),
    ],
)
def test_rules_of_this_session_leave_ordinary_news_alone(text: str, published: str, expected: list[str]) -> None:
    found = mentions_of(text, date.fromisoformat(published))
    assert [f"{m.type} {m.range.start.isoformat()[5:]}" for m in found] == expected
    assert all(m.range.start.year == date.fromisoformat(published).year - (published == "2023-06-01") for m in found)


def test_a_weekday_with_its_date_stays_out_of_a_year_it_does_not_fit() -> None:
    body = (
        "The talks in Istanbul on March 29, 2022 failed.\n\n"
        "The first meeting took place on Friday, May 16, at Dolmabahce Palace."
    )
    found = [m for m in mentions_of(body, date(2025, 7, 25)) if "Friday" in m.quote]
    assert found and all(m.range.start == date(2025, 5, 16) for m in found)  # a Friday in 2025, a Monday in 2022


def test_a_timelines_year_headings_give_its_entries_their_year() -> None:
    body = (
        "Here is a timeline of the main attempts to negotiate.\n\n2022\n\nFEB 28 - Ukrainian and Russian delegations "
        "hold their first round of talks in Belarus's Gomel region.\n\nMARCH 29 - Delegations meet face to face at "
        "Istanbul's Dolmabahce Palace.\n\n2023\n\nJUNE 17 - The African delegation meets Putin in St Petersburg."
    )
    found = mentions_of(body, date(2023, 6, 19))
    assert sorted({m.range.start for m in found}) == [date(2022, 2, 28), date(2022, 3, 29), date(2023, 6, 17)]


def test_a_lists_heading_with_a_year_gives_its_items_that_year_until_the_list_ends() -> None:
    body = (
        "The delegations met again on Friday in Istanbul.\n\nFACTBOX: The 2022 talks\n\n- Feb 28: First round in "
        "the Gomel region.\n- March 29: Istanbul, Dolmabahce Palace. Ukraine tables proposals for neutrality.\n"
        "- April 15: A full draft treaty is exchanged.\n\nOn May 11, Putin proposed resuming direct negotiations."
    )
    found = mentions_of(body, date(2025, 5, 17))
    # (an item of two sentences does not end the list: April 15 is still of 2022)
    assert {m.date_text: m.range.start.year for m in found if m.date_text} == {
        "on Friday": 2025,
        "Feb 28": 2022,
        "April 15": 2022,
        "May 11": 2025,
    }


def test_two_springs_ago_carries_the_story_into_that_year_without_a_war_start() -> None:
    body = (
        "Two springs ago, a Ukrainian delegation handed its Russian counterpart a document. It was March 29th, and "
        "the talks in Istanbul seemed to succeed.\n\nThen came Bucha. On April 9th, Boris Johnson made a surprise "
        "visit to Kyiv."
    )
    found = mentions_of(body, date(2024, 5, 13))
    assert {m.range.start for m in found if m.date_text} == {date(2022, 3, 29), date(2022, 4, 9)}


def test_a_year_in_a_relative_clause_about_something_else_does_not_carry_the_story_back() -> None:
    body = (
        "The first meeting took place on May 16 at Dolmabahçe Palace, the same venue that hosted the last direct "
        "talks in March 2022. That exchange was carried out over three days from May 23 to May 25.\n\n"
        "The second round, held on June 2 at Çırağan Palace, lasted just over an hour."
    )
    found = mentions_of(body, date(2025, 7, 23))
    assert {m.range.start.year for m in found if "March 2022" not in m.date_text} == {2025}


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        (
            "Since March 14, the talks have continued in a videoconference format, with working groups meeting daily.",
            date(2022, 3, 14),
            date(2022, 3, 14),
        ),
        (
            "Since 14 March, the delegations had talked by video link in working groups.",
            date(2022, 3, 14),
            date(2022, 3, 14),
        ),
        (
            "Since Monday, the Russian and Ukrainian delegations have been negotiating by video link.",
            date(2022, 3, 14),
            date(2022, 3, 14),
        ),
        ("Since mid-March, the negotiators have been talking by video link.", date(2022, 3, 11), date(2022, 3, 20)),
    ],
)
def test_talks_going_on_since_a_day_began_that_day(sentence: str, start: date, end: date) -> None:
    """Not news of the article's day: the talks that have gone on since then, from the day they began."""
    (talks,) = mentions_of(sentence, date(2022, 3, 16))
    assert (talks.type, talks.venue_slug, talks.range.start, talks.range.end) == ("round", "online", start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "Since March 14, Russian forces have shelled the city every night.",  # a state of things, not talks
        "Since then, the negotiators have mostly talked by video.",  # no day of their own to begin on
        "Since March 2022, no talks have been held.",
    ],
)
def test_other_states_of_things_since_a_day_are_not_news_of_the_articles_day(sentence: str) -> None:
    assert [m for m in mentions_of(sentence, date(2022, 3, 29)) if m.range.end == date(2022, 3, 29)] == []


def test_talking_by_video_with_a_leader_is_not_a_round() -> None:
    found = mentions_of("Zelensky talked by video link with Biden on Monday.", date(2022, 3, 29))
    assert "round" not in {m.type for m in found}


def test_a_hall_of_a_palace_places_the_round_there() -> None:
    text = "On March 29, the delegations sat down in a gilded hall of Istanbul's Dolmabahce Palace."
    (found,) = mentions_of(text, date(2022, 3, 30))
    assert (found.type, found.venue_slug is not None) == ("round", True)


def test_an_undated_happening_of_long_ago_is_not_news_but_words_said_about_it_are() -> None:
    old_deal = "The second Minsk agreement was signed in February 2015 under French and German mediation."
    assert mentions_of(old_deal, date(2022, 4, 13)) == []
    said = mentions_of("Putin said the Minsk agreements signed in 2015 were dead.", date(2022, 4, 13))
    assert [m.type for m in said] == ["statement"]


def test_years_ago_puts_a_retrospectives_later_days_without_a_year_in_that_year() -> None:
    body = (
        "Two years ago, in the first weeks of the invasion, negotiators came closer to ending the war than since."
        "\n\nOn February 28, the delegations met on the Belarusian border. They met again on March 3."
        "\n\nThen, on March 29, the delegations met face to face in Istanbul."
        "\n\nOn April 15, the delegations were exchanging a treaty text, a version of which a newspaper published "
        "earlier this year.\n\nOn May 17, Podolyak declared the talks on pause."
        "\n\nThis month, Congress approved $61 billion in aid for Ukraine."
    )
    found = mentions_of(body, date(2024, 4, 30))
    assert {m.range.start for m in found} == {
        date(2022, 2, 28),
        date(2022, 3, 3),
        date(2022, 3, 29),
        date(2022, 4, 15),
        date(2022, 5, 17),
        date(2024, 4, 1),
    }
    assert not any(m.range.precision == "year" for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the two sides returned the bodies of 45 civilians on Friday", "humanitarian"),
        ("On July 22, the ministers signed separate accords in Istanbul.", "diplomacy"),
        ("On April 15, the delegations were exchanging a treaty text.", "proposal"),
        ("The Financial Times reported on Wednesday on a tentative 15-point plan for a ceasefire.", "proposal"),
        ("In November, Zelensky presented a 10-point peace formula at the G20 summit.", "proposal"),
        ("The decision fell to Medinsky, who led the delegation", "not military"),
        ("Russia is in control of the process, Peskov said", "not military"),
        ("Russian troops are in control of Kherson", "military"),
        ("The resolution was adopted at an emergency special session that opened Monday.", "not round"),
        ("Monday's session lasted three hours.", "round"),
        ("The prime minister met the Russian president in the Kremlin on Saturday.", "diplomacy"),
        ("The foreign ministers met in Antalya on Thursday.", "ministerial"),
        ("At the first high-level meeting between Ukraine and Russia, on Thursday, no deal was made.", "ministerial"),
        ("The most important meeting took place on March 29 at the palace.", "round"),
        ("On March 5, Naftali Bennett flew to Moscow and spent three hours with Putin.", "diplomacy"),
        ("Those exchanges began on June 9 and have continued in stages.", "prisoners"),
        ("The same day, Erdogan held a phone conversation with Putin.", "diplomacy"),
        ("215 Ukrainian fighters were handed over in exchange for 55 Russians.", "prisoners"),
        ("Johnson arrived in Kyiv on 9 April.", "diplomacy"),
        ("Russian troops arrived in Kherson on Monday.", "not diplomacy"),
        ("The aid convoy arrived in Mariupol.", "not diplomacy"),
        ("The delegation travelled to Istanbul.", "not military"),
        ("A member of the Ukrainian delegation sat down with the BBC.", "not round"),
        ("The key meeting took place at the White House.", "not round"),
        ("A heated exchange between the two leaders took place.", "not prisoners"),
        ("Thousands of refugees travelled to Poland.", "not diplomacy"),
        ("That exchange, the largest of the war, was carried out over three days.", "prisoners"),
        ("After the exchange of documents, the negotiations will continue.", "not prisoners"),
        ("The exchange of prisoners will take place next week.", "prisoners"),
    ],
)
def test_cue_words_match_what_their_names_say(text: str, expected: str) -> None:
    if expected.startswith("not "):
        assert classify(text) != expected.removeprefix("not ")
    else:
        assert classify(text) == expected


def test_quotations_are_blanked_out_character_for_character() -> None:
    text = '"We are ready," Podolyak said on Tuesday.'
    assert len(strip_quotes(text)) == len(text) and strip_quotes(text).index("on Tuesday") == text.index("on Tuesday")


@pytest.mark.parametrize(
    ("line", "is_byline"),
    [("By Marcus Lindqvist in Kyiv and Olga Vetrova in Riga", True), ("By Wednesday, the mood had cooled.", False)],
)
def test_a_byline_is_told_from_a_sentence_opening_with_by(line: str, is_byline: bool) -> None:
    assert bool(BYLINE_LINE.match(line)) is is_byline


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        (
            "Zelensky proposed the new round on Saturday, saying Moscow had to stop hiding.",
            date(2025, 7, 23),
            "proposal",
        ),
        (
            "Umerov said Ukraine had proposed holding another round between June 20 and June 30.",
            date(2025, 6, 2),
            "round",
        ),
        (
            "Putin proposed resuming direct negotiations in Istanbul in a late-night statement on Sunday, May 11.",
            date(2025, 5, 16),
            "proposal",
        ),
    ],
)
def test_a_round_proposed_on_a_past_day_is_a_proposal_one_proposed_for_days_to_come_a_plan(
    body: str, published: date, expected: str
) -> None:
    dated = [m for m in mentions_of(body, published) if m.anchored]
    assert [m.type for m in dated] == [expected]


def test_a_side_ready_to_return_bodies_put_it_forward() -> None:
    body = "Medinsky said Moscow was also ready to return a further 3,000 bodies of Ukrainian servicemen."
    assert "humanitarian" in {m.type for m in mentions_of(body, date(2025, 7, 23))}


def test_a_year_that_counts_meetings_does_not_date_the_sentence_when_a_day_does() -> None:
    body = (
        "Russia and Ukraine agreed on July 23 to carry out another exchange of prisoners of war, but their third "
        "round of direct talks this year brought no progress on a ceasefire."
    )
    found = mentions_of(body, date(2025, 7, 24))
    assert found and all(m.range.start == date(2025, 7, 23) for m in found)


def test_a_day_counted_back_a_year_sets_the_year_its_paragraph_goes_on_in_but_not_a_month_alone() -> None:
    body = (
        "The first high-level meeting took place on March 10 last year, when the foreign ministers met in Antalya. "
        "Three weeks later, on March 29, the two delegations met in Istanbul.\n\n"
        "In a five-hour interview posted online in February, Naftali Bennett said the talks had a chance."
    )
    found = {m.date_text: m.range.start for m in mentions_of(body, date(2023, 11, 14))}
    assert found["March 29"] == date(2022, 3, 29)  # the year 'last year' told, not the next March 29
    assert found["in February"] == date(2023, 2, 1)  # the latest February, not that year's


def test_a_wire_date_line_opening_the_lede_dates_nothing_even_under_a_stamp_taken_for_the_date_line() -> None:
    text = (
        "Putin says talks at a dead end\n\nApril 12, 2022 | 10:17 AM GMT+3\n\nVOSTOCHNY "
        "COSMODROME, Russia, April 12 (Reuters) - Russian and Ukrainian delegations will meet again in Istanbul on "
        "Friday, officials said."
    )
    article = clean_article(RawArticle("a.txt", "a.txt", text, "hash-wire"))
    day = date(2022, 4, 12)
    found = extract_mentions(article, PublishedDate(day, day, "dateline", ()))
    assert [(m.date_text, m.status) for m in found] == [("on Friday", "planned")]


def test_the_wars_first_weeks_named_in_passing_do_not_move_the_story_into_that_year() -> None:
    body = (
        "Ukrainian and Russian delegations met in Istanbul on Friday. The Kremlin repeated demands it had first made "
        "within weeks of the invasion. On February 18, US and Russian officials held talks in Riyadh."
    )
    found = mentions_of(body, date(2025, 5, 20), war_began=WAR_BEGAN)
    assert {m.range.start for m in found if m.date_text == "February 18"} == {date(2025, 2, 18)}


def test_the_next_ordinal_after_a_numbered_round_is_the_next_round_with_its_noun_left_out() -> None:
    body = (
        "The first round, on May 16, lasted under two hours and produced a prisoner exchange. The second, on June 2, "
        "came a day after Ukraine's drone strikes on Russian bomber bases."
    )
    found = [(m.type, m.range.start, m.round_number) for m in mentions_of(body, date(2025, 8, 7))]
    assert ("round", date(2025, 6, 2), 2) in found
    # without a numbered round just before, 'The second, on June 2' is no round
    alone = [m.type for m in mentions_of("The second, on June 2, came after the drone strikes.", date(2025, 8, 7))]
    assert "round" not in alone


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # the offer's day, not the day the offered talks were to start
        (
            "Putin, in a statement at the Kremlin in the early hours of May 11, offered to resume direct talks in "
            "Istanbul without any preconditions, starting on May 15.",
            date(2025, 5, 11),
        ),
        (
            "Putin, in a late-night statement early on Sunday, proposed resuming direct negotiations, starting on "
            "Thursday.",
            date(2025, 5, 11),
        ),
        # but what began on a day, began on it
        (
            "The negotiators met in Belarus on March 7 and then, starting on March 14, talked almost daily over "
            "video link.",
            date(2025, 3, 14),
        ),
    ],
)
def test_a_day_something_offered_was_to_start_is_not_the_offers_day(sentence: str, day: date) -> None:
    found = mentions_of(sentence, date(2025, 5, 16))
    assert day in {m.range.start for m in found}
    if "offered" in sentence or "proposed" in sentence:
        assert {m.range.start for m in found if m.type == "statement"} == {day}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what a side put forward, told just after the round it was put forward at
        (
            "The third round, on July 23, lasted roughly 40 minutes. Russia proposed creating three working groups "
            "that would work online.",
            {("round", date(2025, 7, 23)), ("proposal", date(2025, 7, 23))},
        ),
        # not at a round still to come
        (
            "Ukraine proposed holding another round of talks between June 20 and June 30. The Ukrainian "
            "delegation also handed over a list of deported children.",
            {("round", date(2025, 6, 20))},
        ),
    ],
)
def test_what_a_side_put_forward_after_a_round_is_of_that_round(body: str, expected: set[tuple[str, date]]) -> None:
    found = mentions_of(body, date(2025, 8, 7) if "July" in body else date(2025, 6, 3))
    assert {(m.type, m.range.start) for m in found if m.type in {"round", "proposal", "humanitarian"}} == expected


@pytest.mark.parametrize("group", ["NATO", "EU", "G7"])
def test_a_groups_foreign_ministers_are_not_a_meeting_of_the_two_sides(group: str) -> None:
    sentence = f"{group} foreign ministers met in Antalya on Thursday to discuss support for Ukraine."
    assert "ministerial" not in {m.type for m in mentions_of(sentence, date(2025, 5, 16))}
    (meeting,) = mentions_of("The foreign ministers met in Antalya on Thursday.", date(2022, 3, 11))
    assert meeting.type == "ministerial"


@pytest.mark.parametrize(
    "sentence",
    [
        "Johnson made a surprise visit to Kyiv on April 9, 2022.",
        "Biden's journey to Kyiv on Monday took months to plan.",
        "Cavusoglu is due to travel to Kyiv on Thursday.",
    ],
)
def test_a_visit_or_journey_to_a_place_is_made_there(sentence: str) -> None:
    assert [p.slug for p in located_places(sentence)] == ["kyiv"]


# what a review of these rules found (each row produced a wrong event before it was fixed)
@pytest.mark.parametrize(
    ("sentence", "published", "unwanted"),
    [
        ("NATO leaders met by video on Tuesday to discuss new sanctions on Russia.", date(2022, 3, 16), "round"),
        ("Biden talked by video on Monday with Zelensky.", date(2022, 3, 16), "round"),
        ("Since Friday, the delegations have stopped talking by video.", date(2022, 4, 20), "round"),
        ("Since March 29, no talks between the delegations have been held.", date(2022, 4, 20), "round"),
        ("Since April 1, Ukraine has refused to hold talks with the Russian delegation.", date(2022, 4, 20), "round"),
        ("Since February 24, the two delegations have met in Belarus and Istanbul.", date(2022, 4, 20), "round"),
        (
            "Since the meeting in Istanbul, the delegations kept negotiating by video until May 17.",
            date(2022, 5, 20),
            "round",
        ),
    ],
)
def test_no_talks_are_read_into_these(sentence: str, published: date, unwanted: str) -> None:
    assert unwanted not in {m.type for m in mentions_of(sentence, published)}


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        (
            "After Turkey's invitation on March 20, the delegations met in Istanbul for two days of talks starting "
            "on March 29.",
            date(2022, 3, 29),
        ),
        (
            "Zelensky proposed talks on February 27, and then, starting on March 14, the two delegations talked by "
            "video.",
            date(2022, 3, 14),
        ),
    ],
)
def test_a_start_day_after_no_offer_of_its_own_is_kept(sentence: str, day: date) -> None:
    assert day in {m.range.start for m in mentions_of(sentence, date(2022, 4, 20))}


def test_what_a_side_offered_since_a_round_is_not_of_that_round() -> None:
    body = "The third round of talks was held in Belarus on March 7. Russia has since offered a corridor from Mariupol."
    assert [m.type for m in mentions_of(body, date(2022, 3, 20))] == ["round"]


def test_a_groups_ministers_named_beside_the_two_sides_meeting_leave_it_ministerial() -> None:
    sentence = "On March 10, the foreign ministers of Russia and Ukraine met in Antalya, and EU ministers welcomed it."
    assert [m.type for m in mentions_of(sentence, date(2022, 3, 16))] == ["ministerial"]


@pytest.mark.parametrize(
    "body",
    [
        "Mykhailo Podolyak and Vladimir Medinsky said on Tuesday that the talks had made progress. "
        "Podolyak told reporters that the drafts were nearly ready.",
        "Ukrainian and Russian negotiators said on Tuesday that the talks had made progress. "
        "Vladimir Medinsky told reporters the drafts were nearly ready.",
    ],
)
def test_a_voice_named_in_the_dated_scene_stays_in_it(body: str) -> None:
    events, _ = merge_mentions([], mentions_of(body, date(2022, 3, 16)))
    assert [len(e.mentions) for e in events if e.type == "statement"] == [2]


def test_a_round_number_belongs_to_the_date_told_with_it_not_to_other_dates_in_the_sentence() -> None:
    body = (
        "At a second meeting on March 3, held in the same forest as Monday's talks, the delegations agreed on safe "
        "corridors. The first round, on May 16, lasted under two hours and produced a prisoner exchange, carried out "
        "over three days from May 23. The second, on June 2, came a day after the drone strikes."
    )
    found = [(m.type, m.range.start.isoformat(), m.round_number) for m in mentions_of(body, date(2022, 6, 6))]
    assert ("round", "2022-03-03", 2) in found
    assert ("round", "2022-05-16", 1) in found
    assert ("round", "2022-06-02", 2) in found  # the elliptic second goes on from the numbered round
    assert ("prisoners", "2022-05-23", None) in found
    assert not [f for f in found if f[1] in {"2022-05-23", "2022-06-06"} and f[0] == "round" and f[2] is not None]
    body = "The negotiators on Thursday continued the fourth round of talks, which began by video link on Monday."
    assert [m.round_number for m in mentions_of(body) if m.type == "round"] == [4, 4]
    body = "The delegations held their first round of talks on February 28, and met again on March 3 and March 7."
    found = [(m.type, m.range.start.isoformat(), m.round_number) for m in mentions_of(body, date(2022, 3, 29))]
    assert found == [("round", "2022-02-28", 1), ("round", "2022-03-03", None), ("round", "2022-03-07", None)]


def test_a_numbered_round_a_speaker_says_is_to_come_is_not_held_on_the_day_of_the_words() -> None:
    body = "Last Friday, in a phone call, Recep Tayyip Erdogan said that Turkey was ready to host the third round."
    found = mentions_of(body, date(2025, 7, 23))
    assert [(m.type, m.range.start.isoformat()) for m in found] == [("statement", "2025-07-18")]


def test_a_clause_set_off_by_spaced_hyphens_keeps_its_own_venue() -> None:
    body = (
        "The session follows three rounds of talks in Belarus - the first on February 28 in the Gomel region, and two "
        "more in the Brest region on March 3 and March 7 - as well as discussions by video link that began on March 14."
    )
    found = {m.range.start.isoformat(): m.venue_slug for m in mentions_of(body, date(2022, 3, 29)) if m.type == "round"}
    assert found == {
        "2022-02-28": "gomel-region",
        "2022-03-03": "brest-region",
        "2022-03-07": "brest-region",
        "2022-03-14": "online",
    }


def test_the_last_time_before_now_told_with_the_wars_first_weeks_does_not_move_the_story_back() -> None:
    body = (
        "Russian and Ukrainian delegations met in Istanbul on Wednesday.\n\n"
        "The talks are the first direct negotiations since March 2022, when their delegations met at the palace in the "
        "first weeks of the full-scale invasion.\n\n"
        "The new process began on May 11, when Vladimir Putin proposed resuming direct talks in Istanbul. "
        "The first round was held at the palace on May 16."
    )
    found = [(m.type, m.range.start.isoformat()) for m in mentions_of(body, date(2025, 7, 23), war_began=WAR_BEGAN)]
    assert ("proposal", "2025-05-11") in found  # the when-clause tells what happened that day
    assert ("round", "2025-05-16") in found
    assert not [f for f in found if f[1].startswith("2022-05")]


def test_a_date_inside_what_a_speaker_told_dates_that_happening_not_the_words() -> None:
    body = (
        "Sergei Lavrov told a press conference that the maternity hospital in Mariupol struck on Wednesday had been "
        "taken over by radicals."
    )
    found = {(m.type, m.range.start.isoformat(), m.anchored) for m in mentions_of(body, date(2022, 3, 10))}
    assert ("atrocity", "2022-03-09", True) in found  # the strike on its day
    assert ("statement", "2022-03-09", False) in found  # the words: undated, the day before or of the article
    assert ("statement", "2022-03-09", True) not in found


def test_a_numbered_round_without_a_date_in_the_lede_is_the_session_of_the_day_the_lede_reports() -> None:
    body = (
        "KYIV, Ukraine (AP) — Russian and Ukrainian negotiators agreed Thursday to try to set up safe corridors.\n\n"
        "The agreement was the only tangible result of the second round of talks, held in the Brest region."
    )
    rounds = [
        (m.range.start, m.range.end, m.round_number) for m in mentions_of(body, date(2022, 3, 3)) if m.type == "round"
    ]
    assert rounds == [(date(2022, 3, 3), date(2022, 3, 3), 2)]


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # a vote's round is not the talks'
        ("The first round of the presidential election takes place on Sunday.", date(2022, 4, 9), []),
        ("France's election: Le Pen closes in on Macron ahead of Sunday's first round", date(2022, 4, 7), []),
        # but an election named in a sentence about a round leaves the round as it is
        (
            "The Kremlin, which has demanded a new election in Ukraine, sent Medinsky to the second round in "
            "Istanbul on June 2.",
            date(2025, 6, 3),
            [("round", "2025-06-02")],
        ),
        (
            "Russia and Ukraine held several rounds of direct talks in the weeks following the invasion in March 2022.",
            date(2025, 5, 16),
            [("round", "2022-03-01")],
        ),
        # year-less days listed before a full date share its year, whatever year the story was in
        (
            "In June 2023 Putin showed the draft. After three rounds of talks in Belarus, in the Gomel region on "
            "February 28, and in the Belovezhskaya Pushcha on March 3 and March 7, 2022, the delegations met again.",
            date(2024, 6, 18),
            [("proposal", "2023-06-01"), ("round", "2022-02-28"), ("round", "2022-03-03"), ("round", "2022-03-07")],
        ),
        # a relative clause's date is the noun's before it: the invasion's, not the talks'
        (
            "The talks came as Russia's invasion, which began on February 24, neared the end of its fifth week.",
            date(2022, 3, 29),
            [("military", "2022-02-24")],
        ),
        # a delegation's talks with a leader are a visit
        (
            "A day earlier, on Friday, the delegation held talks in Kyiv with Ukrainian President Volodymyr Zelensky.",
            date(2022, 4, 9),
            [("diplomacy", "2022-04-08")],
        ),
        # 'March, 2022' is a month of that year, not this year's March
        (
            "The delegations met at the palace for the first direct talks since March, 2022.",
            date(2025, 5, 16),
            [("round", "2022-03-01")],
        ),
        # a date after 'since the start of the invasion on' is the invasion's, not the meeting's
        (
            "It was the first contact of foreign ministers Sergei Lavrov and Dmytro Kuleba since the start of the "
            "full-scale Russian invasion on February 24.",
            date(2022, 3, 10),
            [("military", "2022-02-24")],
        ),
    ],
)
def test_what_only_looks_like_a_round_or_the_meetings_date(
    body: str, published: date, expected: list[tuple[str, str]]
) -> None:
    found = [(m.type, m.range.start.isoformat()) for m in mentions_of(body, published)]
    assert found == expected


def test_what_the_sides_exchanged_just_after_a_round_was_exchanged_at_it() -> None:
    body = (
        "The second round, on Monday, June 2, took place in the palace and lasted a little over an hour.\n\n"
        "The sides exchanged memoranda."
    )
    found = [(m.type, m.range.start, m.range.end) for m in mentions_of(body, date(2025, 6, 4))]
    assert ("proposal", date(2025, 6, 2), date(2025, 6, 2)) in found


def test_a_yearless_day_two_weeks_before_the_article_is_its_own_news_after_a_paragraph_of_the_past() -> None:
    body = (
        "On Wednesday, Vladimir Putin made clear what he thought of further talks.\n\n"
        "The outlines were drawn in the spring of 2022. The first round of the new talks, held at the palace on May "
        "16, happened because Putin had proposed it."
    )
    rounds = [m.range.start for m in mentions_of(body, date(2025, 5, 28)) if m.round_number == 1]
    assert rounds == [date(2025, 5, 16)]


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # the ordinal is not linked across a phrase of its own to a later date
        (
            "The second round of talks, announced by Russia on Tuesday, took place on Thursday in the Brest region.",
            date(2022, 3, 4),
            {("round", "2022-03-03", 2)},
        ),
        # 'Speaking to reporters, ...' with the date in the words said: the round is still the date's
        (
            "Speaking to reporters, Dmitry Peskov said the third round of talks was held on Monday in Belarus.",
            date(2022, 3, 15),
            {("round", "2022-03-14", 3)},
        ),
        # announcing a round is words, not a round held
        (
            "On Monday, Dmitry Peskov announced the next round of talks would be held by video link.",
            date(2022, 3, 15),
            {("statement", "2022-03-14", None)},
        ),
        # the delegations' talks, with a president opening them, are still a round
        (
            "The delegations resumed talks on Tuesday with President Erdogan opening the session in Istanbul.",
            date(2022, 3, 30),
            {("round", "2022-03-29", None)},
        ),
        # 'will be held in two days', 'ran for two days': still round one
        (
            "The first round of talks ran for two days in Istanbul and ended on Tuesday.",
            date(2022, 2, 23),
            {("round", "2022-02-22", 1)},
        ),
        # a hospital visit that 'struck a defiant tone', a decree of martial law: no atrocity, no words on the talks
        # (nor diplomacy: a visit to the wounded is no diplomatic contact)
        (
            "On Saturday, Volodymyr Zelensky visited wounded soldiers in a Kyiv hospital and struck a defiant tone.",
            date(2022, 3, 14),
            set(),
        ),
        (
            "Volodymyr Zelensky signed a decree on February 24 declaring martial law across Ukraine.",
            date(2022, 3, 1),
            set(),
        ),
    ],
)
def test_review_counterexamples_keep_what_they_were(body: str, published: date, expected: set) -> None:
    found = {(m.type, m.range.start.isoformat(), m.round_number) for m in mentions_of(body, published)}
    assert found == expected


def test_a_round_to_come_this_weekend_told_on_a_saturday_is_planned() -> None:
    body = "The third round of talks will be held this weekend in Belarus, Mykhailo Podolyak said."
    rounds = [(m.range.start, m.status) for m in mentions_of(body, date(2022, 3, 5)) if m.type == "round"]
    assert rounds == [(date(2022, 3, 5), "planned")]


def test_accusations_the_sides_exchanged_are_not_what_the_round_agreed() -> None:
    body = (
        "The third round of talks was held on March 7 in Belarus. "
        "The two sides exchanged accusations over the failure of humanitarian corridors."
    )
    found = [(m.type, m.range.start) for m in mentions_of(body, date(2022, 3, 14))]
    assert ("humanitarian", date(2022, 3, 7)) not in found


def test_a_persons_past_in_a_who_clause_does_not_move_the_story_back_a_year() -> None:
    body = (
        "Russian and Ukrainian delegations met in Istanbul on Wednesday. Russia's team was led by Vladimir Medinsky, "
        "who also headed Moscow's team in the spring of 2022.\n\n"
        "The process was relaunched after Vladimir Putin proposed direct talks on 11 May. "
        "The first round, on 16 May at the palace, lasted under two hours."
    )
    found = {(m.type, m.range.start.isoformat()) for m in mentions_of(body, date(2025, 7, 23))}
    assert ("round", "2025-05-16") in found and not [f for f in found if f[1].startswith("2022-05")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Zelensky first spelled it out in a speech to the Chatham House think tank in London on May 6.",
        "Putin set out his terms on May 6 during his address to the Foreign Ministry.",
        "Zelensky denied reports from the Kremlin about Russia sending documents to the Ukrainian side on May 6.",
        "Peskov on May 6 denied that the talks had stalled.",
    ],
)
def test_a_speech_on_a_day_is_a_statement(sentence: str) -> None:
    assert [(m.type, m.range.start) for m in mentions_of(sentence, date(2022, 6, 17))] == [
        ("statement", date(2022, 5, 6))
    ]


def test_the_day_a_sentence_names_as_the_wars_start_is_an_event_beside_its_own() -> None:
    sentence = (
        "Within four days of the invasion on 24 February, delegations met in Belarus's Gomel region, near the "
        "Ukrainian border, on 28 February."
    )
    found = {(m.type, m.range.start, m.venue_slug is None) for m in mentions_of(sentence)}
    assert ("military", date(2022, 2, 24), True) in found  # no venue: the meeting's place is not the war's
    assert ("round", date(2022, 2, 28), False) in found


def test_the_titles_in_a_list_of_references_do_not_make_a_retrospective_news() -> None:
    body = (
        "Peace negotiations took place after the start of the invasion on 24 February 2022.\n\n"
        "The second round took place on 3 March in Belovezhskaya Pushcha.\n\n"
        'References\n\n8. "Talks to resume Tuesday after technical pause". Ukrainska Pravda. 14 March 2022.'
    )
    found = mentions_of(body, date(2024, 4, 22), war_began=date(2022, 2, 24))
    assert date(2022, 3, 3) in {m.range.start for m in found if m.type == "round"}


@pytest.mark.parametrize(
    ("sentence", "given"),
    [
        ("On Monday, Germany pledged to deliver more howitzers to Kyiv.", True),
        # weapons counted in a draft's terms, or fired, are not weapons given
        ("On Monday, Russia proposed capping Ukraine's army at 85,000 troops and 519 artillery pieces.", False),
        ("Russian artillery shelled the outskirts of Mariupol on Monday.", False),
    ],
)
def test_weapons_are_aid_only_when_given(sentence: str, given: bool) -> None:
    assert ("aid" in {m.type for m in mentions_of(sentence)}) is given


def test_a_date_after_an_ordinal_standing_for_a_round_is_that_rounds() -> None:
    sentence = (
        "It was the second meeting between the two delegations; the first, on Monday, was held in the Gomel region."
    )
    assert [(m.type, m.range.start, m.round_number) for m in mentions_of(sentence, date(2022, 3, 4))] == [
        ("round", date(2022, 2, 28), 1)
    ]


@pytest.mark.parametrize(
    ("sentence", "numbered"),
    [
        (
            "The delegations have met twice: the first round was held on February 28 in the Gomel region; the "
            "second, on March 3, in the Belovezhskaya Pushcha.",
            (date(2022, 2, 28), 1),
        ),
        ("The third round of talks was held on March 7 in Belovezhskaya Pushcha, the first, on February 28.", None),
    ],
)
def test_an_ordinal_standing_for_a_round_numbers_no_other_date(
    sentence: str, numbered: tuple[date, int] | None
) -> None:
    rounds = {m.range.start: m.round_number for m in mentions_of(sentence, date(2022, 3, 10)) if m.type == "round"}
    assert rounds.get(date(2022, 3, 7), 3) == 3  # never the first
    if numbered:
        assert rounds[numbered[0]] == numbered[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin said the military operation would continue until March 25.",
        "Abramovich, who was sanctioned over the invasion on March 10, attended the talks.",
        "Full-scale talks will resume on March 29.",
        # a weekday after the war's noun is the sentence's own day
        "The delegations ended their first talks since the start of the invasion on Monday without a ceasefire.",
    ],
)
def test_a_date_told_after_the_wars_name_for_something_else_is_not_its_start(sentence: str) -> None:
    assert not any("day the war began" in m.explanation for m in mentions_of(sentence, date(2022, 3, 20)))


@pytest.mark.parametrize(
    ("sentence", "rounds"),
    [
        ("Three rounds were held in Belarus on Feb. 28, March 3 and March 7.", 3),
        ("After rounds of shelling on Monday, the city fell.", 0),
    ],
)
def test_rounds_held_on_listed_days_are_a_round_each(sentence: str, rounds: int) -> None:
    assert [m.type for m in mentions_of(sentence, date(2022, 3, 14))].count("round") == rounds


@pytest.mark.parametrize("gazetteer", [place_gazetteer, people_gazetteer], ids=["places", "people"])
def test_every_name_is_found_in_capitals_and_in_title_case(gazetteer: Callable[[], Gazetteer[Any]]) -> None:
    # a case-blind match of 'TÜRKİYE' or 'ÇIRAĞAN' is a name of the vocabulary, not an unknown key
    vocabulary = gazetteer()
    for name, entry in vocabulary.by_alias.items():
        for text in (name.upper(), name.title()):
            assert [found for _, _, found in vocabulary.find(f"In {text} today")] == [entry], text


def test_dates_whose_own_clause_names_nothing_take_the_type_told_before_them() -> None:
    found = mentions_of(
        "Earlier rounds took place face to face in Belarus, on Feb. 28, March 3 and March 7, and the two foreign "
        "ministers met in Antalya, Turkey, on March 10."
    )
    assert sorted((m.range.start.isoformat(), m.type) for m in found) == [
        ("2022-02-28", "round"),
        ("2022-03-03", "round"),
        ("2022-03-07", "round"),
        ("2022-03-10", "ministerial"),
    ]


def test_a_long_s_in_a_name_is_an_s() -> None:
    assert [place.slug for _, _, place in place_gazetteer().find("They met in Iſtanbul.")] == ["istanbul"]


def test_a_timelines_entries_are_of_the_day_they_are_listed_under() -> None:
    body = (
        "This is a timeline of the negotiations that followed the invasion.\n\n"
        "February 2022 [edit]\n\n25 February\n\nPeskov said Putin was ready to send a delegation to Minsk.\n\n"
        "28 February\n\nThe first round of talks was held in the Gomel region of Belarus.\n\n"
        "March 2022 [edit]\n\n3 March\n\nThe second round took place in the Brest region."
    )
    found = mentions_of(body, date(2024, 8, 14))
    assert [(m.type, m.range.start.isoformat(), m.range.end.isoformat()) for m in found] == [
        ("statement", "2022-02-25", "2022-02-25"),
        ("round", "2022-02-28", "2022-02-28"),
        ("round", "2022-03-03", "2022-03-03"),
    ]


@pytest.mark.parametrize("verb", ["said", "agreed"])
def test_both_sides_reporting_what_they_agreed_is_news_of_the_day(verb: str) -> None:
    found = mentions_of(
        f"Both sides {verb} they had agreed in principle to set up humanitarian corridors for civilians.",
        date(2022, 3, 4),
    )
    assert [(m.type, m.range.start.isoformat(), m.range.end.isoformat()) for m in found] == [
        ("humanitarian", "2022-03-03", "2022-03-04")
    ]


def test_a_round_hosted_by_a_third_country_stays_a_round() -> None:
    (found,) = mentions_of(
        "Talks between the Russian and Ukrainian delegations, hosted by Recep Tayyip Erdogan and Mevlut Cavusoglu, "
        "took place in Istanbul on March 29."
    )
    assert found.type == "round"


def test_that_night_after_a_verb_of_saying_is_no_day() -> None:
    found = mentions_of("Lavrov met Kuleba in Antalya on March 10. Zelensky said that night attacks had killed 20.")
    said = next(m for m in found if m.type == "statement")
    assert said.range.start >= date(2022, 4, 12)


@pytest.mark.parametrize(
    ("sentence", "event_type", "day"),
    [
        # hours of talks, however the talks are qualified, are a session of the delegations
        (
            "Medinsky was the first to address the public on Tuesday afternoon after the end of three hours of "
            "Ukraine-Russia talks in Istanbul.",
            "round",
            "2022-04-12",
        ),
        ("The last publicly known peace negotiation in person was on March 29.", "round", "2022-03-29"),
        # negotiations told as ended, like talks
        ("The negotiations between the delegations ended on Monday after two hours.", "round", "2022-04-11"),
        # a proposal to hold talks is no talks held
        ("Zelenskiy reiterated a proposal to hold direct talks with Putin on Monday.", "statement", "2022-04-11"),
        # nor are a leader's hours of talks with another leader a round of the delegations
        ("Bennett flew to Moscow on Saturday for three hours of talks with Putin.", "diplomacy", "2022-04-09"),
    ],
)
def test_sessions_told_by_their_length_or_in_person_are_rounds_and_offers_to_hold_talks_are_not(
    sentence: str, event_type: str, day: str
) -> None:
    [mention] = mentions_of(sentence)
    assert (mention.type, mention.range.start.isoformat()) == (event_type, day)


def test_talks_named_as_what_a_delegation_attends_are_not_the_round_of_the_sentence_before() -> None:
    body = (
        "On February 28, the first round of talks took place in the Gomel region.\n\nThe Russian delegation at "
        "talks with Ukraine, which are held via a video link, is led by Vladimir Medinsky, Peskov told TASS."
    )
    second = [m for m in mentions_of(body) if m.sentence_index == 1]
    assert second and all(m.range.start != date(2022, 2, 28) and m.round_number is None for m in second)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # representatives who met are the delegations; a time fronting the date scopes the clause after it
        (
            "A few days later, on March 29, Russia and Ukraine's representatives met at an Istanbul palace.",
            {("round", "2022-03-29", "istanbul")},
        ),
        # the day a document bears dates the document, not the meeting it was held up at
        (
            "When Duda met NATO leaders in Brussels on March 24, he held up the March 17 text, a diplomat said.",
            {("diplomacy", "2022-03-24", None), ("proposal", "2022-03-17", None)},
        ),
        (
            "The document, dated April 15, 2022, describes a permanently neutral Ukraine.",
            {("proposal", "2022-04-15", None)},
        ),
        # each day of a list the drafts bear
        (
            "The never-signed treaty drafts dated March 17 and April 15, 2022, were leaked to the newspaper.",
            {("proposal", "2022-03-17", None), ("proposal", "2022-04-15", None)},
        ),
        # a meeting with someone else is no meeting of the two sides
        ("The representatives met with Biden on Friday.", {("diplomacy", "2022-04-08", None)}),
    ],
)
def test_representatives_fronted_times_and_dated_documents(
    sentence: str, expected: set[tuple[str, str, str | None]]
) -> None:
    found = {(m.type, m.range.start.isoformat(), m.venue_slug) for m in mentions_of(sentence)}
    assert found == expected


def test_what_a_since_phrase_names_does_not_type_the_happening_the_sentence_dates() -> None:
    """'The March 29 talks were the first in person since an acrimonious meeting between foreign ministers on
    March 10': the talks of March 29 are a round, and the ministers' meeting is only named."""
    body = (
        "The March 29 talks between the two sides were the first in person since an acrimonious meeting between "
        "foreign ministers on March 10, a sign of a shift behind the scenes."
    )
    assert [(m.type, m.range.start.isoformat()) for m in mentions_of(body)] == [("round", "2022-03-29")]


def test_a_round_counted_since_the_war_was_waged_is_not_dated_on_the_wars_start() -> None:
    body = (
        "On Tuesday, the delegations held their latest round of peace talks in Istanbul, the fifth since Moscow "
        "waged its war on Kyiv on February 24."
    )
    rounds = [(m.range.start.isoformat(), m.venue_slug) for m in mentions_of(body) if m.type == "round"]
    assert rounds == [("2022-04-12", "istanbul")]


@pytest.mark.parametrize("verb", ["pointed out", "suggested", "revealed", "let the world know"])
def test_more_verbs_of_saying_make_a_statement_of_what_a_negotiator_said(verb: str) -> None:
    body = f"A news agency reported that Mykhailo Podolyak {verb} on Tuesday (April 12) that Russia is focusing on its "
    body += "military operation in the east."
    assert [(m.type, m.range.start.isoformat()) for m in mentions_of(body)] == [("statement", "2022-04-12")]


def test_a_meeting_someone_will_attend_this_week_is_planned_at_the_forum_it_is_on_the_sidelines_of() -> None:
    body = (
        "Kuleba late Monday confirmed that he will meet with his Russian counterpart Sergey Lavrov on the sidelines "
        "of the Antalya Diplomacy Forum this week."
    )
    found = [(m.type, m.status, m.venue_slug) for m in mentions_of(body, date(2022, 3, 7)) if m.type == "ministerial"]
    assert found == [("ministerial", "planned", "antalya")]


def test_a_saying_and_the_meeting_it_announces_for_this_week_are_two_events() -> None:
    body = (
        "Kuleba confirmed on Monday that he will meet his Russian counterpart Sergey Lavrov on the sidelines of the "
        "Antalya Diplomacy Forum this week."
    )
    found = {(m.type, m.status, m.range.start, m.range.end, m.venue_slug) for m in mentions_of(body, date(2022, 3, 7))}
    assert found == {
        ("statement", "occurred", date(2022, 3, 7), date(2022, 3, 7), None),
        ("ministerial", "planned", date(2022, 3, 7), date(2022, 3, 13), "antalya"),
    }


def test_words_about_a_meeting_to_come_this_week_are_said_not_planned() -> None:
    body = "Kuleba confirmed on Monday that he will meet his Russian counterpart Sergey Lavrov this week."
    statements = [m.status for m in mentions_of(body, date(2022, 3, 7)) if m.type == "statement"]
    assert statements == ["occurred"]


@pytest.mark.parametrize(
    ("sentence", "war_began", "day"),
    [
        # the war's start told as last week's: the day the stored articles date it
        (
            "Hopes are slim of an end to the fighting that started when Russian forces invaded Ukraine last week.",
            date(2022, 2, 24),
            ("2022-02-24", "2022-02-24"),
        ),
        # a start the stored articles put outside that week is not moved into it
        (
            "Hopes are slim of an end to the fighting that started when Russian forces invaded Ukraine last week.",
            date(2022, 2, 10),
            ("2022-02-21", "2022-02-27"),
        ),
    ],
)
def test_the_wars_start_told_as_a_span_is_the_day_the_stored_articles_date(
    sentence: str, war_began: date, day: tuple[str, str]
) -> None:
    found = mentions_of(sentence, day=date(2022, 2, 28), war_began=war_began)
    military = [m for m in found if m.type == "military"]
    assert [(m.range.start.isoformat(), m.range.end.isoformat()) for m in military] == [day]


def test_the_outbreak_of_a_named_conflict_is_the_wars_start_named_in_passing() -> None:
    sentence = (
        "Speaking on a podcast which was published on Sunday, Bennett said that after the outbreak of the "
        "Russia-Ukraine conflict last February, he tried to act as a mediator."
    )
    found = mentions_of(sentence, day=date(2023, 2, 6), war_began=date(2022, 2, 24))
    assert [(m.type, m.range.start.isoformat(), m.date_text) for m in found] == [
        ("statement", "2023-02-05", "on Sunday")
    ]


@pytest.mark.parametrize("war_began", [date(2022, 2, 24), None])
def test_the_wars_start_named_in_passing_does_not_date_the_sentences_happening(war_began: date | None) -> None:
    sentence = (
        "The newspaper was the first to report yesterday on the 15-point plan discussed by the two sides, which "
        "aims to put an end to the war begun by Russia three weeks ago."
    )
    found = mentions_of(sentence, day=date(2022, 3, 14), war_began=war_began)
    assert [(m.type, m.range.start.isoformat(), m.range.end.isoformat()) for m in found] == [
        ("proposal", "2022-03-13", "2022-03-13")
    ]


@pytest.mark.parametrize(
    ("sentence", "said_on"),
    [
        ("The Russian side said it wants a ceasefire soon.", date(2022, 3, 28)),  # the day before, or that day
        ("The Russian side has said it wants a ceasefire soon.", date(2022, 3, 29)),  # news of the day, like 'says'
        ("Russia has announced it will sign a peace deal.", date(2022, 3, 29)),
    ],
)
def test_a_side_s_undated_words_are_a_statement_dated_by_their_tense(sentence: str, said_on: date) -> None:
    assert [(m.type, m.range.start) for m in mentions_of(sentence, date(2022, 3, 29))] == [("statement", said_on)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has announced it will significantly decrease military activities near Kyiv to increase trust.",
        "The Russian side has said they intend to take two steps to de-escalate the situation in Ukraine.",
    ],
)
def test_a_military_drawdown_a_side_announces_is_a_military_step_beside_the_words(sentence: str) -> None:
    found = {(m.type, m.range.start) for m in mentions_of(sentence, date(2022, 3, 29))}
    assert found == {("statement", date(2022, 3, 29)), ("military", date(2022, 3, 29))}


def test_a_drawdown_a_negotiator_pledged_is_a_military_step_beside_the_words() -> None:
    sentence = (
        "Alexander Fomin, who took part in the talks, pledged to drastically decrease military activities near Kyiv."
    )
    assert sorted(m.type for m in mentions_of(sentence, date(2022, 3, 29))) == ["military", "statement"]


def test_a_day_told_in_a_relative_clause_dates_the_thing_it_describes() -> None:
    """The draft was drawn up in March 2022; it was shown on Saturday: two happenings of one type, two dates."""
    body = (
        "Putin showed the initialed draft agreement with Ukraine, which was drawn up in March 2022 in Istanbul, to "
        "leaders of several African countries at their meeting on Saturday."
    )
    found = {(m.type, m.range.start, m.range.end) for m in mentions_of(body, date(2023, 6, 17))}
    assert found == {
        ("proposal", date(2022, 3, 1), date(2022, 3, 31)),
        ("proposal", date(2023, 6, 17), date(2023, 6, 17)),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The second round of talks took place at Belovezhskaya Pushcha, near the Polish border, on the eighth day "
            "of the war.",
            [("round", date(2022, 3, 3))],
        ),
        ("On the first day of the invasion, Russian troops seized the airport.", [("military", date(2022, 2, 24))]),
        ("The second round of talks took place on day 8 of the war.", [("round", date(2022, 3, 3))]),
    ],
)
def test_a_day_of_the_war_dates_a_happening_from_the_wars_start(sentence: str, expected: list) -> None:
    found = [(m.type, m.range.start) for m in mentions_of(sentence, date(2022, 3, 4), war_began=date(2022, 2, 24))]
    assert found == expected


def test_a_day_of_the_war_after_the_articles_day_dates_nothing() -> None:
    sentence = "The third round of talks took place on the twelfth day of the war."
    assert all(
        m.range.start <= date(2022, 3, 4) for m in mentions_of(sentence, date(2022, 3, 4), war_began=date(2022, 2, 24))
    )


def test_a_day_of_the_war_beside_the_sentences_own_day_does_not_date_it() -> None:
    sentence = "On Thursday, Russian troops pulled out of Snake Island, which was captured on the first day of the war."
    found = [(m.type, m.range.start) for m in mentions_of(sentence, date(2022, 7, 1), war_began=date(2022, 2, 24))]
    assert found == [("military", date(2022, 6, 30))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Medinsky said there should be another attempt on Tuesday to get people to safety through the corridors.",
        "The next round should take place on Tuesday, the negotiator said.",
    ],
)
def test_what_should_happen_on_a_weekday_is_to_come(sentence: str) -> None:
    found = [m for m in mentions_of(sentence, date(2022, 3, 7)) if m.type != "statement"]
    assert [(m.status, m.range.start) for m in found] == [("planned", date(2022, 3, 8))]


def test_a_round_told_as_going_on_is_of_the_articles_day() -> None:
    sentence = (
        "The move was announced in light of a new round of in-person peace talks being held in Istanbul, more than a "
        "month after Russia launched a full-scale invasion of Ukraine."
    )
    found = [m for m in mentions_of(sentence, date(2022, 3, 29), war_began=date(2022, 2, 24)) if m.type == "round"]
    assert [(m.range.start, m.range.end, m.venue_slug) for m in found] == [
        (date(2022, 3, 29), date(2022, 3, 29), "istanbul")
    ]


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        (
            "“We agreed to exchange all-for-all seriously wounded and seriously sick prisoners of war,” Umerov said "
            "on Monday.",
            "prisoners",
        ),
        (
            "“The parties have reached an understanding on the joint creation of humanitarian corridors,” Podolyak "
            "said on Monday.",
            "humanitarian",
        ),
    ],
)
def test_what_a_negotiators_quoted_words_say_the_talks_agreed_is_news_of_that_day(sentence: str, outcome: str) -> None:
    found = {(m.type, m.range.start) for m in mentions_of(sentence, date(2025, 6, 3))}
    assert found == {("statement", date(2025, 6, 2)), (outcome, date(2025, 6, 2))}


def test_a_quoted_agreement_naming_no_outcome_is_the_statement_alone() -> None:
    found = mentions_of("“We agreed to meet again,” Umerov said on Monday.", date(2025, 6, 3))
    assert [m.type for m in found] == ["statement"]


def test_what_an_official_reported_that_the_talks_reached_is_the_officials_statement() -> None:
    sentence = (
        "Mykhailo Podolyak reported that an agreement has been reached for a temporary ceasefire on humanitarian "
        "grounds in Thursday's negotiations with Russia."
    )
    found = mentions_of(sentence, date(2022, 3, 4))
    assert [(m.type, m.range.start, m.actor_slugs) for m in found] == [
        ("statement", date(2022, 3, 3), ("mykhailo-podolyak",))
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the subject's words after a clause of its own, though they name the invasion
        (
            "Russian President Vladimir Putin on Tuesday called the war in Ukraine a tragedy but insisted that Russia "
            "had no choice but to invade its western neighbor.",
            "vladimir-putin",
        ),
        # a spelling of a name the vocabulary knows
        (
            "The spokesman for the Ukrainian delegation, Mykhailo Podoliyak, said on Tuesday that there is a small "
            "improvement in the organization of humanitarian corridors.",
            "mykhailo-podolyak",
        ),
        (
            "A member of the Ukrainian delegation, Davyd Arakhamiya, said on Tuesday that the meeting would take "
            "place in the afternoon.",
            "davyd-arakhamia",
        ),
        (
            "Ukraine's Foreign Ministry spokesman, Heorhii Tykhyi, said on X on Tuesday that Russia was stalling the "
            "peace process.",
            "heorhii-tykhyi",
        ),
        ("Podoljak, an adviser to the Ukrainian president, said on Tuesday the talks were hard.", "mykhailo-podolyak"),
        ("Mezinsky, head of the Russian delegation, said on Tuesday the talks were useful.", "vladimir-medinsky"),
        ("Mihailo Podoleac, who took part in the talks, said on Tuesday they were difficult.", "mykhailo-podolyak"),
        ("Medynsky, head of the Russian delegation, said on Tuesday the talks were hard.", "vladimir-medinsky"),
    ],
)
def test_words_said_after_a_clause_of_the_speakers_own_or_under_another_spelling_are_a_statement(
    sentence: str, speaker: str
) -> None:
    found = mentions_of(sentence, date(2022, 4, 13))
    assert [(m.type, m.range.start, m.actor_slugs[:1]) for m in found] == [("statement", date(2022, 4, 12), (speaker,))]


def test_words_an_agency_cited_a_named_official_as_saying_are_the_officials_statement() -> None:
    sentence = (
        "On Tuesday Interfax news agency cited Russian Deputy Foreign Minister Andrey Rudenko as saying that Russia "
        "and Ukraine were not holding talks in any form."
    )
    found = mentions_of(sentence, date(2022, 5, 18))
    assert [(m.type, m.range.start, m.actor_slugs) for m in found] == [
        ("statement", date(2022, 5, 17), ("andrei-rudenko",))
    ]


def test_the_wars_start_told_with_its_leader_in_apposition_dates_nothing_the_sentence_reports() -> None:
    """'since Vladimir Putin, president of Russia, ordered troops into the neighbouring country late last month': the
    war's start, which the swap is compared with, not the swap's day."""
    sentence = (
        "Ukrainian and Russian forces have exchanged prisoners, in what Ukraine said was the first soldier-for-soldier "
        "swap since Vladimir Putin, president of Russia, ordered troops into the neighbouring country late last month."
    )
    found = mentions_of(sentence, date(2022, 3, 24), war_began=date(2022, 2, 24))
    assert not [m for m in found if m.range.start.month == 2]


@pytest.mark.parametrize(
    "sentence",
    [
        "The first meeting between the top diplomats of Russia and Ukraine since Moscow invaded neighboring Ukraine "
        "on Feb. 24 dashed hopes of easing the humanitarian situation on the ground.",
        "After Russian forces entered Ukraine on February 24 and failed to seize the capital quickly, Russia and "
        "Ukraine held several rounds of talks, either directly or by video link.",
    ],
)
def test_the_wars_start_told_as_forces_entering_or_invading_neighboring_ukraine_dates_no_talks(sentence: str) -> None:
    found = mentions_of(sentence, date(2022, 5, 23), war_began=date(2022, 2, 24))
    assert not [m for m in found if m.type in {"round", "ministerial"} and m.range.start == date(2022, 2, 24)]


@pytest.mark.parametrize(
    "sentence",
    [
        "On July 13, quadrilateral negotiations were held in Turkey regarding the safe export of Ukrainian grain.",
        "On July 13, military delegations met in Istanbul to discuss grain exports from Ukraine's Black Sea ports.",
    ],
)
def test_talks_on_another_track_are_diplomacy_not_a_round(sentence: str) -> None:
    found = mentions_of(sentence, date(2022, 7, 21))
    assert [(m.type, m.range.start) for m in found] == [("diplomacy", date(2022, 7, 13))]


def test_words_said_just_after_a_session_at_a_place_tell_of_that_session() -> None:
    sentence = (
        "Russia has agreed to meet Kiev half-way, Moscow's top negotiator said on Tuesday, after a new round of talks "
        "in Istanbul."
    )
    found = mentions_of(sentence, date(2022, 3, 29))
    assert [(m.type, m.range.start, m.venue_slug) for m in found if m.type == "round"] == [
        ("round", date(2022, 3, 29), "istanbul")
    ]


def test_what_came_after_a_meeting_is_no_session_of_the_talks() -> None:
    sentence = "Umerov confirmed he suffered symptoms of suspected poisoning after a meeting in Kyiv last month."
    assert not [m for m in mentions_of(sentence, date(2022, 3, 29)) if m.type == "round"]


def test_the_same_day_a_clause_defines_is_not_the_day_told_before() -> None:
    """'on the same day that the final version ... is pre-approved': not the dateline's March 29."""
    sentence = (
        "Istanbul, March 29 :  Russia has agreed to meet Kiev half-way and will allow a meeting of its leaders to be "
        "held on the same day that the final version of a peace treaty is pre-approved by the two nation's foreign "
        "ministers, Moscow's top negotiator said on Tuesday."
    )
    assert [m.type for m in mentions_of(sentence, date(2022, 3, 29))] == ["statement"]


def test_words_said_the_same_day_that_are_of_the_day_told_before() -> None:
    body = (
        "On Saturday, David Arakhamia said on national television that Russia had orally agreed to Ukraine's main "
        "proposals.\n\nRussia's chief negotiator Vladimir Medinsky quickly rejected that account. He said on Telegram "
        "the same day that he did not share Arakhamia's optimism."
    )
    found = [m for m in mentions_of(body, date(2022, 4, 6)) if m.sentence_index == 2]
    assert [(m.type, m.range.start) for m in found] == [("statement", date(2022, 4, 2))]


def test_words_said_on_the_same_day_that_are_of_the_day_told_before() -> None:
    body = "Talks were held on March 13. Podolyak said on the same day that he expected results in a matter of days."
    found = [m for m in mentions_of(body, date(2022, 3, 15)) if m.type == "statement"]
    assert [m.range.start for m in found] == [date(2022, 3, 13)]


def test_a_speakers_words_in_a_clause_after_a_dated_one_are_a_statement() -> None:
    sentence = (
        "The third round of talks will resume on Wednesday and the presidential adviser Mikhailo Podolyak said there "
        "are still great differences between the parties but a compromise is possible."
    )
    found = {(m.type, m.status, m.range.start) for m in mentions_of(sentence, date(2022, 4, 12))}
    assert found == {("round", "planned", date(2022, 4, 13)), ("statement", "occurred", date(2022, 4, 11))}


def test_a_session_a_wire_storys_lede_tells_of_as_held_is_of_its_date_lines_day() -> None:
    body = "ISTANBUL, May 16. /TASS/. Russia and Ukraine wrapped up talks in Istanbul, Turkey."
    found = [(m.type, m.range.start, m.venue_slug) for m in mentions_of(body, date(2025, 5, 16))]
    assert found == [("round", date(2025, 5, 16), "istanbul")]
    # with no date line, the undated talks are not placed on the article's day
    assert not mentions_of("Russia and Ukraine wrapped up talks in Istanbul, Turkey.", date(2025, 5, 16))
    # nor are talks told as possible
    body = (
        "MINSK. May 24 (Interfax) - A resumption of peace talks between Russia and Ukraine is possible based on the "
        "outcomes of the 2022 negotiations in Istanbul, Russian President Vladimir Putin told journalists on Friday."
    )
    assert "round" not in {m.type for m in mentions_of(body, date(2024, 5, 24)) if m.status == "occurred"}


def test_talks_between_the_two_sides_ministers_that_a_speakers_words_open_with_are_their_meeting() -> None:
    sentence = (
        "The talks between Ukrainian Foreign Minister Dmytro Kuleba and Russia Foreign Minister Sergey Lavrov in "
        "Turkey failed to yield any progress on a ceasefire, Kuleba said on Thursday."
    )
    assert {(m.type, m.range.start) for m in mentions_of(sentence)} == {
        ("statement", date(2022, 4, 7)),
        ("ministerial", date(2022, 4, 7)),
    }
    # not talks of one side's leader with a third country's
    sentence = "The talks between Putin and Erdogan ended without a deal, Peskov said on Thursday."
    assert {m.type for m in mentions_of(sentence)} == {"statement"}
    # nor a meeting to come
    sentence = "A meeting between Putin and Zelensky could take place once the treaty is initialed, Medinsky said."
    assert "ministerial" not in {m.type for m in mentions_of(sentence)}


def test_a_day_earlier_within_a_saying_is_the_day_before_the_saying() -> None:
    sentence = "Lavrov said on Thursday that Ukraine had a day earlier presented a draft peace agreement to Russia."
    found = {(m.type, m.range.start) for m in mentions_of(sentence, date(2022, 4, 8))}
    assert found == {("statement", date(2022, 4, 7)), ("proposal", date(2022, 4, 6))}


def test_a_days_talks_opening_a_sentence_do_not_take_the_place_of_another_meeting_told_after_them() -> None:
    sentence = (
        "Friday's talks came three days after the last meeting, in Turkey, between Russian and Ukrainian delegations."
    )
    assert not any(m.venue_slug for m in mentions_of(sentence, date(2022, 4, 2)) if m.type == "round")


def test_words_the_next_sentence_gives_to_someone_are_theirs() -> None:
    body = (
        "The third round of talks took place in Istanbul on July 23. Following the event, it became known that "
        "Ukraine has proposed holding a meeting of the leaders with the participation of Erdogan by the end of "
        "August. This was stated by Secretary of the National Security and Defense Council Rustem Umerov at a press "
        "conference following the talks."
    )
    statements = [m for m in mentions_of(body, date(2025, 7, 24)) if m.type == "statement"]
    assert statements and all(m.actor_slugs[0] == "rustem-umerov" for m in statements)
    assert any("proposed holding a meeting" in m.quote for m in statements)


def test_a_quotation_whose_opening_mark_was_lost_is_quoted_words_not_the_narratives_tense() -> None:
    body = (
        "On Wednesday, the Kremlin accused Kyiv of refusing to continue talks.\n\n"
        "The talks are not progressing, and we note the negotiators' complete lack of desire to continue this "
        "process,” Kremlin spokesperson Dmitry Peskov told reporters."
    )
    said = [m for m in mentions_of(body, date(2022, 5, 19)) if "lack of desire" in m.quote]
    # told in the past under a lede of Wednesday: that Wednesday, not the article's day by a present tense
    assert [(m.type, m.range.start) for m in said] == [("statement", date(2022, 5, 18))]


def test_the_last_sentence_of_a_quotation_opened_before_is_read_as_its_words() -> None:
    body = (
        "The second round of talks in Belarus has ended, Vladimir Medinsky told Russian media.\n\n“We have discussed "
        "three points in depth. Both positions are clear and written down. We agreed on some, but the most important "
        "thing we agreed on today was rescuing civilians in conflict zones. The Russian and Ukrainian defense "
        "ministries have agreed to provide humanitarian corridors for civilians,” Medinsky told media."
    )
    assert "humanitarian" in {m.type for m in mentions_of(body, date(2022, 3, 3))}
