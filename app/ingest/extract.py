"""Turn a dated article into event mentions: one per sentence (or clause) that carries a time anchor or
names a round, with its type, status, venue, round, people and quote."""

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from app.ingest.classify import (
    agreed_outcomes,
    both_sides,
    classify,
    is_negotiator,
    quoted_outcomes,
    reported_outcomes,
    round_number,
    round_ordinal,
    session_beside,
    session_outcomes,
    sides_meeting,
    type_for_clause,
    war_start_cue,
)
from app.ingest.clean import BYLINE_LINE, wire_dateline
from app.ingest.dating import (
    BARE_YEAR_KINDS,
    COUNTED_BACK_KINDS,
    EXPLICIT_YEAR_KINDS,
    NARRATIVE_YEARS_BACK,
    NUMBER_WORDS,
    PAST_TENSE,
    REPORTED_THAT,
    SAME_DAY_AS_TODAY,
    SINCE_JUST_BEFORE,
    YEAR_DIGITS,
    find_time_mentions,
    sets_narrative_year,
)
from app.ingest.phrases import (
    ADJUNCT_START,
    APPOSITIVE_NAME,
    ARRANGED,
    AT_OR_AFTER_THE_SESSION,
    BACKGROUND_YEARS,
    BULLET,
    CAPITALISED_WORD,
    CLAUSE_BREAK,
    CLAUSE_OPENING,
    COMPARED_WITH,
    COUNTED,
    COUNTED_LEAD,
    DATED_DOCUMENT_BEFORE,
    DELEGATION_WORD,
    DOCUMENT_AFTER,
    DRAFT_REACH,
    DRAFT_WORD,
    EARLIER_SESSION_JUST_BEFORE,
    ELECTION_TOPIC_ROUND,
    ELLIPTIC_ORDINAL,
    FIRST_SINCE,
    FIRST_TENSE,
    FRONTED,
    FRONTED_TIME,
    GENERIC_TODAY,
    GOING_ON,
    HAPPENINGS,
    HELD_NOW,
    IN_RELATIVE_CLAUSE,
    LATER,
    LATER_DAYS,
    LATER_OR_NOT,
    LEADING_ROLE,
    LEDE_MIN_WORDS,
    LEDE_SENTENCES,
    LIST_GAP,
    LIST_HEADING_YEAR,
    MEETING_REFERENCE_SENTENCES,
    MET,
    MET_BEFORE_SAYING,
    MET_NTH_TIME,
    MILITARY_DRAWDOWN,
    NEGATED,
    NEGOTIATORS_AGREED,
    NEXT_POINT,
    NOT_GOING_ON,
    NOUN_BEFORE_COMMA,
    OFFERED,
    OLD_ACCORD_TYPES,
    ORDINAL_BEFORE_DATE,
    ORDINALS,
    OTHER_COMMA_PHRASE,
    OUTCOME_TYPES,
    PART_OF_DAY,
    PLANNED,
    PRESENT_PERFECT,
    PROPOSED_SESSION,
    PROSPECTIVE_SESSION,
    QUOTATION_SENTENCES,
    RECENT_TYPES,
    ROUND_TO_COME,
    ROUNDS_IN_GENERAL,
    SAID_AFTER_A_SESSION,
    SAID_AS_NEWS,
    SAME_DAY,
    SAME_PLACE_AS_BEFORE,
    SESSION_DESCRIBED,
    SESSION_START_ANNOUNCED,
    SESSION_TOLD_AS_BEGUN,
    SESSION_UNDER_WAY,
    SHORTLY,
    SIDE_PUT_FORWARD,
    SIDES_AGREED,
    SINCE_BEFORE,
    SINCE_OPENING,
    SINCE_START_KINDS,
    SINCE_THEN,
    SINCE_WAR_BEGAN,
    STARTING_ON,
    STARTING_REACH,
    STATE_SUBJECT,
    STATED_BY,
    STATED_BY_NAME_CHARS,
    STRONG_TYPES,
    THE_MEETING,
    THEY_AGREED,
    THIS_YEAR,
    TOLD_AS_NEWS,
    TYPE_PRIORITY,
    UNDATED_ROUND,
    VAGUE_COUNTS,
    WAR_AGE,
    WHEN_CLAUSE,
    WHO_CLAUSE,
    WHOM_BEFORE,
    WIDEST_EVENT_DAYS,
    WILL_MEET,
    YEAR_HEADING,
)
from app.ingest.published import DAY_OF_WAR, day_of_war_number
from app.ingest.speakers import (
    actors_of,
    ends_inside_quote,
    find_people,
    find_people_spans,
    said_then,
    speaker,
    strip_quotes,
)
from app.ingest.types import (
    SESSION_TYPES,
    STATED_BASES,
    CleanArticle,
    DateRange,
    EventMention,
    PublishedDate,
    Sentence,
    TimeMention,
)
from app.ingest.venues import find_places, located_places, pick_venue, place_keywords, sentence_venue
from app.ingest.vocab import cues, person_by_slug


@dataclass
class ArticleState:
    """What reading the article so far tells the next sentence: the last person, the last anchor."""

    last_person: str | None = None
    paragraph: int = -1
    paragraph_anchor: TimeMention | None = None
    paragraph_type: str | None = None
    last_anchor: TimeMention | None = None
    last_anchor_paragraph: int = -1
    news_peg: date | None = None  # the day the lede reports, which undated words after it follow
    lede_sentences: int = 0  # the sentences of some length read so far (not credits or captions)
    last_words: EventMention | None = None  # the last statement, for the quoted sentences that continue it
    # the sentences opening a quotation its end attributes, and the people that attribution names
    quotations_attributed: dict[int, frozenset[str]] = field(default_factory=dict)
    # the sentences whose words the next one gives to someone ('This was stated by Rustem Umerov ...'), and that person
    stated_by_the_next: dict[int, str] = field(default_factory=dict)
    quote_open: bool = False  # the sentence before ended inside a quotation
    recent_round: EventMention | None = None  # the last round reported, for "The meeting took place in ..."
    news_session: DateRange | None = None  # the day of the talks held on the article's day or the day before
    paragraph_week: tuple[DateRange, date | None] | None = None  # a past week the paragraph told of, a day in it
    dated_names: dict[str, DateRange] = field(default_factory=dict)  # person or place -> its last dated day
    surnames: dict[str, str] = field(default_factory=dict)  # "johnson" -> the Boris Johnson the article named
    retrospective: bool = False  # no day is told relative to the article's ('on Friday', 'yesterday', 'last week')
    narrative_year: int | None = None  # the year of the last full date: a retrospective's year-less dates are in it
    narrative_counted_back: bool = False  # that year was told counted back from the article's ('last year')
    war_year: int | None = None  # the year the war began, as the stored articles tell it
    war_began: date | None = None  # and its day
    dateline: str | None = None  # the article's date line, which opens a wire story's first sentence
    year_told: tuple[TimeMention, int] | None = None  # 'Two springs ago, ...' and its paragraph, if no date since
    heading_year: int | None = None  # a timeline's section heading ('2022'): its entries' days are in that year
    list_year: int | None = None  # a list's heading with a year ('FACTBOX: The 2022 talks'), while its items go on
    list_item: int = -1  # the paragraph of the list's last item
    stated: bool = False  # the article's date is stated (a date line, metadata), not worked out from its text
    day_headings: bool = False  # the article is laid out under days ('24 February' alone on a line, then entries)
    day_heading: TimeMention | None = None  # the day the entries read now are under


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause holding a span. A fronted adverbial ('On Friday, ...') scopes the whole sentence, a
    trailing one (', late in March.') the clause before it, and a relative clause ('which are due
    to ...') takes in the noun it describes."""
    if not sentence[:start].strip(" ,") or len(sentence[:start].split()) <= 2:
        return sentence
    breaks = [(m.start(), m.group(0).lower()) for m in CLAUSE_BREAK.finditer(sentence)]
    left_breaks = [b for b in breaks if b[0] <= start]
    # "after he met his counterpart, Sergei Lavrov, in Antalya on Thursday", "the foreign ministers, Kuleba and
    # Lavrov, met in Antalya on March 10": a place and a time, or names set off by commas, belong to the clause
    # before them
    segment_end = start
    while len(left_breaks) > 1:
        current, previous = left_breaks[-1][0], left_breaks[-2][0]
        if ADJUNCT_START.match(sentence, current + 1) or (
            segment_end < start and APPOSITIVE_NAME.fullmatch(sentence, current + 1, segment_end)
        ):
            segment_end = left_breaks.pop()[0]
        elif sentence[current] == sentence[previous] == "," and APPOSITIVE_NAME.fullmatch(
            sentence, previous + 1, current
        ):
            del left_breaks[-2:]
            segment_end = previous
        else:
            break
    left = left_breaks[-1][0] if left_breaks else 0
    if left_breaks and left_breaks[-1][1] in {"which", "that", "who"} and len(left_breaks) > 1:
        left = left_breaks[-2][0]
        if sentence[left] == "," and left_breaks[-1][0] - left <= 2:
            # ", which began on February 24" describes the few words before its comma ("Russia's invasion")
            noun = NOUN_BEFORE_COMMA.search(sentence, 0, left)
            left = noun.start() if noun else left
    right = min([b for b, _ in breaks if b >= end] or [len(sentence)])
    clause = sentence[left:right]
    if len(clause.split()) <= 4:
        earlier = [b for b, _ in breaks if b < left]
        following = [b for b, _ in breaks if b > right]
        if following:
            clause = sentence[left : following[0]]
        elif FRONTED_TIME.match(sentence, 0, left) and sentence[right:].strip(" ,."):
            # "A few days later, on March 29, the delegations met in Istanbul": a time set before the main clause
            clause = sentence[left:]
        else:
            clause = sentence[earlier[-1] if earlier else 0 : right]
    return clause


DATED_LIST_CHARS = 80  # how far before a date its document and 'dated' may be, other days of a list between


def _dates_a_document(mention: TimeMention, sentence: str) -> bool:
    """Whether the date is the one a document bears ('the March 17 text', 'The document, dated April 15, 2022')."""
    if mention.range.precision != "day":
        return False
    before = DATED_DOCUMENT_BEFORE.search(sentence, max(0, mention.start - DATED_LIST_CHARS), mention.start)
    if before is None:
        return False
    return "dated" in before.group(0).lower() or bool(DOCUMENT_AFTER.match(sentence, mention.end))


def is_long_before(mention: TimeMention, published: date) -> bool:
    return mention.range.end < date(published.year - BACKGROUND_YEARS, 1, 1)


def is_event_anchor(mention: TimeMention, sentence: str, published: date) -> bool:
    if mention.kind in BARE_YEAR_KINDS or is_long_before(mention, published):
        return False  # a bare year, or a date from long before, is background, not an event
    if WHOM_BEFORE.search(sentence[: mention.start]):
        return False  # "whom Putin appointed ... in February": background about a person
    if COMPARED_WITH.search(sentence[: mention.start]):
        return False  # "meetings such as Thursday's should add value": a comparison, not what the sentence tells
    before = sentence[: mention.start]
    if mention.kind == "day_word" and mention.text.lower() == "today" and GENERIC_TODAY.search(before):
        return False  # "Russia's situation today": the present in general, not a day's event
    if SINCE_WAR_BEGAN.search(sentence, 0, mention.start):
        return False  # "the highest-level meeting since Moscow invaded its neighbour two weeks ago": the war's start
    if _since(mention, sentence):
        # "since March 29" names when something began, not an event; "not held ... since" names the last one
        return bool(NEGATED.search(before) or FIRST_SINCE.search(before) or WHEN_CLAUSE.match(sentence, mention.end))
    return True


def _outcomes_told_after_a_round(unquoted: str, offers_count: bool) -> list[tuple[str, str]]:
    """What a sentence just after a round tells that the round agreed ('That meeting ... produced an agreement to
    exchange 1,000 prisoners each') or that a side put forward there ('Russia proposed creating three working
    groups'; `offers_count` after a round held, in a sentence that reports no one's words), and how that is
    known."""
    if THE_MEETING.search(unquoted) or THEY_AGREED.search(unquoted):
        return [(outcome, "agreed at the round named before it") for outcome in agreed_outcomes(unquoted)]
    put_forward = SIDE_PUT_FORWARD.match(unquoted) if offers_count else None
    if put_forward and not LATER_OR_NOT.search(put_forward.group(0)):
        # (not "Russia has since offered ...", "Russia later proposed ...", "Ukraine has not proposed ...")
        return [(outcome, f"{how}, at the round named before it") for outcome, how in reported_outcomes(unquoted)]
    return []


def _put_forward_at_the_session(unquoted: str) -> list[tuple[str, str]]:
    """What a side put forward or the sides agreed, told in a clause of its own with no one reporting it ('Ukraine is
    calling for a full ceasefire, while Russia suggested limited pauses', 'Thirdly, the parties agreed to prepare
    written proposals'): in a story of talks, put forward or agreed at them."""
    for put_forward in (*SIDE_PUT_FORWARD.finditer(unquoted), *SIDES_AGREED.finditer(unquoted)):
        if CLAUSE_OPENING.search(unquoted, 0, put_forward.start()) and not LATER_OR_NOT.search(put_forward.group(0)):
            return [
                (outcome, f"{how}, at the talks the article reports") for outcome, how in reported_outcomes(unquoted)
            ]
    return []


def _draft_just_before(sentence: str, mention: TimeMention) -> bool:
    """Whether a date comes right after a draft or its handing over ('handed over a draft agreement on
    Wednesday', 'what Kyiv had offered in Istanbul on March 29'): the day of that draft."""
    return bool(DRAFT_WORD.search(sentence, max(0, mention.start - DRAFT_REACH), mention.start))


def _offered_start(mention: TimeMention, times: list[TimeMention], sentence: str) -> bool:
    """Whether a day after 'starting on' is when what an offer told of just before it was to start, the offer
    having its own day before it ('in the early hours of May 11 offered to resume talks ..., starting on May 15'),
    not when something began ('Zelensky proposed talks on February 27, and then, starting on March 14, ...')."""
    if not STARTING_ON.search(sentence, max(0, mention.start - STARTING_REACH), mention.start):
        return False
    offers = list(OFFERED.finditer(sentence, 0, mention.start))
    if not offers:
        return False
    offer = offers[-1]
    others = [t for t in times if t is not mention]
    return any(t.end <= offer.start() for t in others) and not any(
        offer.end() <= t.start < mention.start for t in others
    )


def _since(mention: TimeMention, sentence: str) -> bool:
    return bool(SINCE_BEFORE.search(sentence[: mention.start]))


SINCE_PHRASE_CHARS = 120  # 'since their third round of talks in the Brest region on ': as long as one runs


def _named_since(text: str, mention: TimeMention) -> int | None:
    """Where what a 'since' phrase ending in this date names begins ('since |the third round in Belarus on 7 March'),
    if one does; looked for just before the date (a 'since' phrase is a few words long), not in all the text."""
    since = SINCE_BEFORE.search(text, max(0, mention.start - SINCE_PHRASE_CHARS), mention.start)
    return since.start() + len(since.group(0).split()[0]) if since else None


def _since_phrase(text: str, anchor: TimeMention) -> str:
    """What a 'since' phrase ending in the anchor names ('the third round in Belarus on 7 March'), when the anchor
    dates the happening it names: that happening's own place."""
    named = _named_since(text, anchor)
    return text[named : anchor.end] if named is not None else ""


def _without_since_phrases(text: str, named_since: list[TimeMention]) -> str:
    """The text with what each 'since ...' phrase ending in one of these dates names blanked out, character for
    character ('since' itself stays: 'the first meeting since ...' is no first round)."""
    if not named_since:
        return text
    chars = list(text)
    for mention in named_since:
        if (named := _named_since(text, mention)) is not None:
            chars[named : mention.end] = " " * (mention.end - named)
    return "".join(chars)


def _without_the_wars_age_after(text: str) -> str:
    """The text with 'days after the invasion' phrases blanked out, character for character: a time told by the
    war's start, not a happening ('in March 2022, a few days after the launch of the Russian offensive'). A day told
    'a month into the invasion' keeps it: 'It was March 29th, a month into the full-scale invasion' has no other."""
    return WAR_AGE.sub(lambda age: " " * len(age.group(0)) if " after " in age.group(0) else age.group(0), text)


def _status(mention: TimeMention | None, clause: str, published: date, rng: DateRange, event_type: str) -> str:
    if rng.start > published:
        return "planned"
    if mention is not None and mention.forward and rng.end >= published:
        return "planned"
    if event_type in SESSION_TYPES and rng.precision != "day" and rng.end > published and WILL_MEET.search(clause):
        return "planned"
    if event_type in SESSION_TYPES and rng.start == published and WILL_MEET.search(clause):
        return "planned"  # "The delegations will meet tonight": later on the article's own day
    return "occurred"


def _recent(unquoted: str, published: date, stamped_days_back: int | None = None) -> tuple[DateRange, str]:
    """An undated report: told in the present tense ('Konashenkov says') or under a live report's clock
    time, it is news of the day; in the past tense, of the day before or the day itself."""
    if stamped_days_back == 1:
        day = published - timedelta(days=1)
        return DateRange(day, day, "day"), "an entry of a live report before midnight, the day before the article's"
    if stamped_days_back == 0:
        return DateRange(published, published, "day"), "an entry of a live report, on the article's day"
    first = FIRST_TENSE.search(unquoted)
    if first and first.group("present"):
        return DateRange(published, published, "day"), "reported in the present tense without a date"
    return DateRange(published - timedelta(days=1), published, "range"), "reported without a date"


def _earlier_in_week_before(mention: TimeMention, week: tuple[DateRange, date | None]) -> TimeMention:
    """'... said last week that talks were held on Friday. Earlier in the week, the Kremlin said ...': the
    days of that week before the day it named, not of the article's week."""
    if mention.kind != "earlier_period" or "week" not in mention.text.lower():
        return mention
    span, named_day = week
    end = named_day - timedelta(days=1) if named_day and named_day > span.start else span.end
    how = f"earlier in the week named before it ({span.start.isoformat()} to {span.end.isoformat()})"
    return replace(mention, range=DateRange(span.start, end, "range"), explanation=how)


def mentions_in_sentence(
    sentence: Sentence, article_id: str, published: date, state: ArticleState
) -> list[EventMention]:
    text = sentence.text
    if sentence.paragraph != state.paragraph:
        state.paragraph, state.paragraph_anchor, state.paragraph_type = sentence.paragraph, None, None
        state.paragraph_week, state.quote_open = None, False
        # a timeline's entries under a day's heading are of that day, unless they tell another
        state.paragraph_anchor = state.day_heading
    if NEXT_POINT.match(text):
        # "Firstly, in the coming days there will be an exchange ... Thirdly, the parties agreed to ...": each point
        # of a list is told apart, not dated by the day the first one named
        state.paragraph_anchor, state.paragraph_type = None, None
    opened_before = state.quote_open  # a quotation left open by the sentence before ('"We agreed on some. ...')
    quoting = opened_before or text.lstrip().startswith(('"', "“"))
    if (named := state.quotations_attributed.get(sentence.index)) is not None and not (
        state.last_words and set(state.last_words.actor_slugs[:1]) & named
    ):
        # a quotation whose end says it is someone else's words (another person, a side) does not go on the last ones
        state.last_words = None
    state.quote_open = ends_inside_quote(text, state.quote_open)
    context = state.paragraph_anchor.range if state.paragraph_anchor else None
    # a retrospective that has named an earlier year: what it tells without a date is of then, not of its own days
    telling_the_past = (
        state.retrospective and state.narrative_year is not None and state.narrative_year < published.year
    )
    told_before = context
    if (
        state.last_anchor is not None
        and SAME_DAY.search(text)
        and (
            sentence.paragraph - state.last_anchor_paragraph <= 1
            or (SAME_DAY_AS_TODAY.search(text) and _a_day_of_the_news(state.last_anchor.range, published))
        )
    ):
        # "By May 2022 ... began surrendering on May 16. The next day, ...": the date just told, in this paragraph
        # or the last; "Earlier in the day" however far back, when that date was the news's day (the article's or
        # the day before): "Peskov confirmed it on Wednesday (April 20th). [...] Earlier in the day, Zakharova said"
        told_before = state.last_anchor.range
    # the date told just before: a year-less one in this paragraph or the last, one with its year in this paragraph
    # (after "... on 28 February 2022." the paragraph goes on in 2022; a new paragraph may be back in the present)
    told_just_before, told_paragraph = state.year_told or (state.last_anchor, state.last_anchor_paragraph)
    if told_just_before is not None and sentence.paragraph - told_paragraph > (
        0 if told_just_before.kind in EXPLICIT_YEAR_KINDS else 1
    ):
        told_just_before = None
    # "It was March 29th, a little more than a month into the full-scale invasion": of the war's first year
    # so too "Negotiations began shortly after February 24, the date of the start of the invasion, and from March 29
    # face-to-face in Istanbul": the days told after the war's start by its day
    in_war_year = bool(
        state.war_year
        and state.war_year < published.year
        and (WAR_AGE.search(text) or _tells_the_wars_start_by_its_day(text, state.war_began))
    )
    if heading := YEAR_HEADING.fullmatch(text):
        state.heading_year = int(heading.group("year")) if int(heading.group("year")) <= published.year else None
        return []
    if (list_heading := LIST_HEADING_YEAR.fullmatch(text)) and int(list_heading.group("year")) <= published.year:
        state.list_year = int(list_heading.group("year"))  # 'FACTBOX: The 2022 talks': the year of the list below
    elif BULLET.match(text):
        state.list_item = sentence.paragraph
    elif sentence.paragraph != state.list_item:
        state.list_year = None  # the list has ended (an item's second sentence has not: '- March 29: Istanbul. ...')
    heading_year = state.heading_year or state.list_year
    found = find_time_mentions(
        text,
        published,
        told_before,
        narrative=state.retrospective or in_war_year or heading_year is not None,
        narrative_year=heading_year or (state.war_year if in_war_year else state.narrative_year),
        # "On March 5th last year ... In a five-hour interview posted online in February": a month alone, told
        # after a year counted back from the article's, is the latest one, not one of that year
        months_in_narrative=bool(heading_year or in_war_year or not state.narrative_counted_back),
        ref_is_published=True,
        told_just_before=told_just_before,
    )
    found += _days_of_the_war(text, found, state.war_began, published)
    if state.day_headings and (heading_day := _heading_day(text, found)) is not _NOT_A_HEADING:
        state.day_heading = heading_day
        if heading_day is not None:
            state.last_anchor, state.last_anchor_paragraph = heading_day, sentence.paragraph
        elif found[0].kind == "month_year" and found[0].range.start.year <= published.year:
            # a month's heading ('March 2022 [edit]') ends the last day's entries, and its days are in its year
            state.heading_year = found[0].range.start.year
        return []
    year_setters = [
        t
        for t in found
        if (sets_narrative_year(t.kind, text, t.start, t.range.end.year, published) or THIS_YEAR.fullmatch(t.text))
        and not IN_RELATIVE_CLAUSE.search(text, 0, t.start)
        # "Medinsky, who also headed Moscow's team in the spring of 2022": a person's past, not the story's year
        # (but "Bennett, who flew to Moscow on March 5 of last year, said ... on February 4" counts the year back)
        and not (t.kind not in COUNTED_BACK_KINDS and WHO_CLAUSE.search(text, 0, t.start))
    ]
    told_years = [t.range.end.year for t in year_setters]
    if years_back := [t for t in found if t.kind == "years_back" and not IN_RELATIVE_CLAUSE.search(text, 0, t.start)]:
        state.year_told = (years_back[-1], sentence.paragraph)  # the story goes on in that year ('It was March 29th')
    if explicit_years := told_years:
        state.narrative_year = explicit_years[-1]
        state.narrative_counted_back = year_setters[-1].kind in COUNTED_BACK_KINDS
    elif str(published.year) in YEAR_DIGITS.findall(text):
        state.narrative_year = published.year  # "How the 2025 talks unfolded": the text is back in its own year
    elif in_war_year and any(t.range.end.year == state.war_year and not _since(t, text) for t in found):
        # the text now tells of the war's first year (not when it names the last time before now: "the first
        # direct talks since March 2022, when the delegations met in the first weeks of the invasion")
        state.narrative_year = state.war_year
    elif in_war_year and not found and WAR_AGE.match(text):
        # so too, opening a sentence with no date: "Within days of the full-scale invasion, the two sides opened
        # direct talks. The first round, on February 28, ..." (and the days told before it are left behind; not
        # "demands it had first made within weeks of the invasion", in passing)
        state.narrative_year, state.last_anchor, state.year_told = state.war_year, None, None
    wire = wire_dateline(text) if state.lede_sentences <= LEDE_SENTENCES else None
    if (state.dateline and text.startswith(state.dateline)) or wire:
        # "VOSTOCHNY COSMODROME, Russia, April 12 (Reuters) - Putin said on Tuesday ...": the wire's date line dates
        # the article (whether or not a stamp above it was taken for its date line), not what the sentence reports
        opening = len(state.dateline) if state.dateline and text.startswith(state.dateline) else 0
        found = [t for t in found if t.start >= max(opening, wire.end("line") if wire else 0)]
    if state.paragraph_week is not None:
        found = [_earlier_in_week_before(t, state.paragraph_week) for t in found]
    if weeks := [t.range for t in found if t.range.precision == "week" and t.range.end < published]:
        days_in_it = [t.range.start for t in found if t.range.precision == "day" and weeks[-1].contains(t.range)]
        state.paragraph_week = (weeks[-1], max(days_in_it, default=None))
    times = [t for t in found if is_event_anchor(t, text, published)]
    if any(not _since(t, text) for t in times):
        # "The first round, on 16 May, was the first meeting since March 2022": what the sentence dates is the
        # round; the last meeting before it is only named, unless a when-clause tells it
        times = [t for t in times if not _since(t, text) or WHEN_CLAUSE.match(text, t.end)]
    # the last happening before the one the sentence dates, only named
    named_since = [t for t in found if _since(t, text) and t not in times] if times else []
    if starting := [t for t in times if _offered_start(t, times, text)]:
        # "offered early on Sunday to resume talks ..., starting on Thursday": when the offered talks were to start;
        # the sentence's own day is the one the offer was made on
        times = [t for t in times if t not in starting] or times
    # "reported yesterday on the plan, which aims to end the war begun by Russia three weeks ago": the war's start
    # is named in passing; the sentence's other day dates its happening
    times = [t for t in times if not _tells_the_wars_start(text, t, state.war_began)] or times
    if any(t.range.precision != "year" for t in times):
        # "agreed on July 23 ..., but their third meeting this year": the year counts meetings, the day dates one
        times = [t for t in times if t.range.precision != "year"]
    # "when Duda met NATO leaders on March 24, he held up the March 17 text": the text's day is its own, not the
    # meeting's (a proposal of that day, below)
    documents = [t for t in times if _dates_a_document(t, text)]
    times = [t for t in times if t not in documents] or ([] if documents else times)
    # "Since March 14, Russian forces have held the town" (a state of things since then; talks going on since a day
    # are dated on it below), "the Minsk agreements signed in 2014" (a document of long ago): not news of the
    # article's days, though words said about them are
    told_since = bool(SINCE_OPENING.match(text)) and any(_since(t, text) for t in found)
    long_ago = any(is_long_before(t, published) and not _since(t, text) for t in found)
    # "France's election: Le Pen closes in ... ahead of Sunday's first round": the election's round is no round of
    # talks, whichever clause it ends up in
    unquoted = ELECTION_TOPIC_ROUND.sub(lambda m: m.group(0)[:-5] + " " * 5, strip_quotes(text, not opened_before))
    who = speaker(unquoted, state.last_person) or state.stated_by_the_next.get(sentence.index)
    actors = actors_of(sentence, who)
    # "The talks began on Monday, the first time they had met since the third round in Belarus on March 7": that
    # round's number and place are not Monday's
    number = round_number(_without_since_phrases(unquoted, named_since))
    # "The first round, on May 16, ... The second, on June 2, came a day after ...": the next round, its noun left out
    elliptic = ELLIPTIC_ORDINAL.match(unquoted)
    next_round = (
        ORDINALS[elliptic.group("ord").lower()]
        if elliptic
        and number is None
        and state.recent_round is not None
        and state.recent_round.round_number is not None
        and sentence.index - state.recent_round.sentence_index <= MEETING_REFERENCE_SENTENCES
        else None
    )
    number = next_round or number
    if len(times) == 1 and (told_round := ORDINAL_BEFORE_DATE.search(unquoted, 0, times[0].start)):
        # (with one date only: of several, the ordinal numbers the one after it, not the others)
        number = ORDINALS[told_round.group("ord").lower()]
    if (
        told_since
        and not times
        and GOING_ON.search(unquoted)
        and not NOT_GOING_ON.search(unquoted)
        and type_for_clause(unquoted, unquoted, None, None, who) == "round"
    ):
        # "Since March 14, the talks have continued by video": talks going on since a day began on it (not "no
        # talks have been held since", "have stopped talking since", nor what ended 'until' a day)
        times = [t for t in found if SINCE_JUST_BEFORE.search(text, 0, t.start) and t.kind in SINCE_START_KINDS][:1]
    with_ordinal = OrdinalDate(None, 0) if next_round else ordinal_date(unquoted, times)

    results: list[EventMention] = []

    def emit(
        rng: DateRange,
        anchor: TimeMention | None,
        event_type: str,
        how: str,
        anchored: bool,
        clause: str,
        status: str | None = None,
        ordinal: int | None = None,
        people: tuple[str, ...] | None = None,
        told_by: str = "",  # the words that date it when no anchor of its own does (the saying's 'on Tuesday')
    ) -> None:
        involved = actors if people is None else people
        round_no = (
            (ordinal if ordinal is not None else with_ordinal.number_for(anchor, number))
            if event_type == "round"
            else None
        )
        if round_no is None and (rng.end - rng.start).days > WIDEST_EVENT_DAYS:
            return  # "talks held between February and April", "in the spring of 2022": a summary, not a happening
        if event_type == "military" and (began := _the_wars_first_day(unquoted, anchor, rng, state.war_began)):
            rng, how = began
        if (
            event_type == "statement"
            and not involved
            and not cues().talks.search(text)
            and not MILITARY_DRAWDOWN.search(text)  # a step announced to build trust at the talks
        ):
            # words of no one we know, about something other than the talks: what they report, if anything
            reported = next((t for t in TYPE_PRIORITY if t != "statement" and cues().types[t].search(unquoted)), None)
            if reported is None or (reported in SESSION_TYPES and STATE_SUBJECT.search(unquoted)):
                # ('The Kremlin confirmed on Sunday that Monday's round would be held remotely': not a round on Sunday)
                return
            event_type = reported
        results.append(
            EventMention(
                article_id=article_id,
                sentence_index=sentence.index,
                quote=text,
                type=event_type,
                status=status or _status(anchor, clause, published, rng, event_type),
                range=rng,
                date_text=anchor.text if anchor else told_by,
                explanation=how,
                venue_slug=(pick_venue(_since_phrase(unquoted, anchor), event_type) if anchor else None)
                or pick_venue(clause if anchor else unquoted, event_type)
                or sentence_venue(unquoted, event_type),
                round_number=round_no,
                actor_slugs=involved,
                keywords=place_keywords(unquoted),
                anchored=anchored,
                confidence=0.8 if anchored else 0.5,
            )
        )

    anchor = times[-1] if times else None
    later = LATER.search(unquoted) if anchor is None and state.last_anchor is not None else None
    if later and state.last_anchor is not None:
        # "Days later, images of bodies in Bucha shocked the world": counted from the date before it
        low, high = LATER_DAYS[later.group("gap").lower()]
        base = state.last_anchor.range.end
        rng = DateRange(base + timedelta(days=low), min(base + timedelta(days=high), published), "range")
        event_type = type_for_clause(unquoted, unquoted, None, number, who)
        if event_type is not None and rng.start <= rng.end:
            how = f"'{later.group(0)}': after '{state.last_anchor.text}' ({base.isoformat()})"
            emit(rng, None, event_type, how, True, unquoted, status="occurred")
    elif anchor is None and (counted := _counted_from_named(unquoted, state)) is not None:
        # "Three days after Johnson left Kyiv, Putin said ...": counted from the day the article gave that
        rng, how = counted
        event_type = type_for_clause(unquoted, unquoted, None, number, who)
        if event_type is not None and rng.start <= published:
            emit(DateRange(rng.start, min(rng.end, published), rng.precision), None, event_type, how, True, unquoted)
    elif anchor is None and state.last_anchor is not None and SINCE_THEN.search(unquoted):
        since = state.last_anchor
        if since.range.end < published:
            event_type = type_for_clause(unquoted, unquoted, None, number, who)
            if event_type is not None:
                rng = DateRange(since.range.end + timedelta(days=1), published, "range")
                how = f"'since then': after '{since.text}' ({since.range.end.isoformat()}), up to the article's date"
                emit(rng, None, event_type, how, True, unquoted, status="occurred")
    if anchor is not None:
        # the date the story goes on from: not one in a relative clause about something else
        told = next((t for t in reversed(times) if not IN_RELATIVE_CLAUSE.search(text, 0, t.start)), anchor)
        state.last_anchor, state.last_anchor_paragraph, state.year_told = told, sentence.paragraph, None
        # (what a 'since' phrase names is no part of it: "The March 29 talks were the first in person since an
        # acrimonious meeting between foreign ministers on March 10"; nor the war's age: "in March 2022, a few days
        # after the launch of the Russian offensive")
        plain = _without_the_wars_age_after(_without_since_phrases(unquoted, named_since))
        clause = clause_around(plain, anchor.start, anchor.end) if anchor.start < len(plain) else plain
        if _since(anchor, text) and (when := WHEN_CLAUSE.match(text, anchor.end)):
            clause = when.group("clause")  # "the first since June 2, when the two sides met in Istanbul"
            if (nth := MET_NTH_TIME.search(clause)) and DELEGATION_WORD.search(unquoted):
                # "the first session between the two delegations since March 7, when they met for a third time":
                # the number is the earlier meeting's, not the one the sentence begins with
                number = ORDINALS[nth.group("ord").lower()]
        elif (
            (when := WHEN_CLAUSE.match(unquoted, anchor.end))
            and classify(clause) is None
            and classify(when.group("clause"))
        ):
            # "The new process began on May 11, when Putin ... proposed resuming direct talks": what happened then
            # (not "A second round was held on June 2, when the sides exchanged memorandums": the round)
            clause = when.group("clause")
        event_type = (
            "round"
            if next_round
            else type_for_clause(
                with_ordinal.clause_for(anchor, clause, plain),
                with_ordinal.sentence_for(anchor, plain),
                anchor,
                with_ordinal.number_for(anchor, number),
                who,
            )
        )
        if (
            event_type in {None, "diplomacy"}
            and MET.search(clause)
            and not PROSPECTIVE_SESSION.search(clause)
            and not ARRANGED.search(clause)
        ):
            event_type = sides_meeting(clause, who) or event_type
            if with_ordinal.date is not None and event_type != "ministerial" and DELEGATION_WORD.search(unquoted):
                # "The delegations held their first round on February 28, and met again on March 3": the
                # delegations named before the numbered round met again
                event_type = "round"
        listed = _listed_with_last(text, times)
        # "The first round, held on May 16, was the first since March 2022, when the delegations met": two
        since_when = _since(anchor, text) and bool(WHEN_CLAUSE.match(text, anchor.end))
        for earlier in times[:-1]:
            if earlier in listed and event_type is not None:
                # "talks were held on 28 February, 3 March and 7 March": one happening on each day
                how = f"'{earlier.text}' ({earlier.explanation}), article of {published.isoformat()}"
                emit(earlier.range, earlier, event_type, how, True, clause)
                continue
            # "Putin said on Friday that Kyiv walked away from the talks in Istanbul in late March": the saying
            # and the talks are two happenings with two dates
            earlier_clause = clause_around(unquoted, earlier.start, earlier.end)
            earlier_type = type_for_clause(
                with_ordinal.clause_for(earlier, earlier_clause, unquoted),
                with_ordinal.sentence_for(earlier, unquoted),
                earlier,
                with_ordinal.number_for(earlier, number),
                who,
            )
            # "the talks, which began on Monday, would continue on Tuesday": a session held, and one to come;
            # "Zelensky responded the same day that he would wait for Putin on Thursday": words, and a plan
            held_then_planned = earlier_type == event_type and anchor.forward and not earlier.forward
            # "resumed negotiations by video link on Friday, following the in-person round on Tuesday": two sessions;
            # "handed over a draft on Wednesday that departed from what Kyiv had offered on March 29": two drafts
            two_sessions = not earlier.range.overlaps(anchor.range) and (
                earlier_type == event_type in SESSION_TYPES
                or (
                    earlier_type == event_type == "proposal"
                    and all(_draft_just_before(text, t) for t in (earlier, anchor))
                )
            )
            # "showed the draft agreement, which was drawn up in March 2022 in Istanbul, to leaders ... on Saturday":
            # the relative clause's day is that of the thing it describes
            described = (
                not earlier.range.overlaps(anchor.range)
                and IN_RELATIVE_CLAUSE.search(text, 0, earlier.start) is not None
                and IN_RELATIVE_CLAUSE.search(text, 0, anchor.start) is None
            )
            if (earlier_type != event_type or held_then_planned or since_when or two_sessions or described) and (
                earlier_type in {"round", "ministerial", "proposal"}
                # ('The Kremlin said on Thursday it was still waiting for a response ... to hold talks on June 2')
                or (earlier_type == "statement" and (who or STATE_SUBJECT.search(unquoted)))
                or (held_then_planned and earlier_type == "diplomacy")
            ):
                how = f"'{earlier.text}' ({earlier.explanation}), article of {published.isoformat()}"
                emit(earlier.range, earlier, earlier_type, how, True, earlier_clause)
        if (
            event_type == "statement"
            and (anchor.forward or anchor.range.start > published)
            and not said_then(unquoted[: anchor.start])
        ):
            # "Umerov said Kyiv had proposed a meeting of the presidents before the end of August": the date is of
            # what is to come; the saying is dated by an earlier date in the sentence, or like undated words
            said_earlier = any(m.type == "statement" for m in results)
            if not said_earlier:
                when_said, how = _undated_report(unquoted, published, sentence, state, context, telling_the_past, who)
                emit(when_said, None, event_type, how, False, clause)
            planned = (sides_meeting(clause, None) if MET.search(clause) else None) or classify(clause)
            # ("Kyiv had proposed a meeting between Zelensky and Putin before the end of August": a proposal, not a
            # meeting planned for that day)
            only_proposed = planned in SESSION_TYPES and bool(
                PROPOSED_SESSION.search(clause) or PROSPECTIVE_SESSION.search(clause)
            )
            if not only_proposed and (planned in {"round", "ministerial", "diplomacy"} or said_earlier):
                # "Guterres will visit Moscow next week", "responded the same day that he would wait for Putin in
                # Turkey on Thursday": what is to come, on its day
                how = f"'{anchor.text}' ({anchor.explanation}), article of {published.isoformat()}"
                emit(
                    anchor.range,
                    anchor,
                    planned if planned in SESSION_TYPES | {"diplomacy"} else event_type,
                    how,
                    True,
                    clause,
                )
        elif event_type in HAPPENINGS | {"statement"} and (
            told_of := _happening_reported_as_past(unquoted, anchor, times, who)
        ):
            # "Lavrov told a press conference that the maternity hospital struck on Wednesday had been taken over by
            # radicals": the date is the strike's; the words are dated like undated ones
            when_said, how = _undated_report(unquoted, published, sentence, state, context, telling_the_past, who)
            emit(when_said, None, "statement", how, False, clause)
            how = f"'{anchor.text}' ({anchor.explanation}), article of {published.isoformat()}: what was told of"
            emit(anchor.range, anchor, told_of, how, True, clause, status="occurred", people=())
        elif event_type is not None:
            emit(
                anchor.range,
                anchor,
                event_type,
                f"'{anchor.text}' ({anchor.explanation}), article of {published.isoformat()}",
                True,
                clause,
            )
        if event_type is not None:
            for outcome in session_outcomes(unquoted, event_type):
                # "agreed Friday to exchange 1,000 prisoners each at their first direct talks": the talks and
                # what they agreed are two happenings of the day
                how = f"'{anchor.text}' ({anchor.explanation}): agreed at the talks that day"
                emit(anchor.range, anchor, outcome, how, True, clause, status="occurred")
            if event_type in OUTCOME_TYPES and (session := session_beside(unquoted, clause, times)):
                # "agreed on July 23 to exchange prisoners, but their third round of talks lasted 40 minutes": the
                # agreement and the round it was made at, on the one day
                how = f"'{anchor.text}' ({anchor.explanation}): the round the sentence reports held that day"
                emit(anchor.range, anchor, "round", how, True, session)
                for outcome in session_outcomes(unquoted, "round"):
                    if outcome != event_type:  # "... exchanged memorandums, and agreed to release the wounded"
                        emit(anchor.range, anchor, outcome, f"{how}: agreed there", True, clause, status="occurred")
            elif event_type in OUTCOME_TYPES and not anchor.forward and NEGOTIATORS_AGREED.match(unquoted):
                # "Negotiators for Ukraine and Russia agreed on Thursday to create humanitarian corridors": they met
                how = f"'{anchor.text}' ({anchor.explanation}): the negotiators who agreed it met that day"
                emit(anchor.range, anchor, "round", how, True, clause, status="occurred")
            _relative_event(text, anchor, published, emit)
            _main_clause_after(unquoted, clause, anchor, event_type, published, emit)
            under_way = SESSION_UNDER_WAY.search(unquoted) if event_type != "round" else None
            if under_way and sentence_venue(under_way.group("where"), "round"):
                how = f"'{anchor.text}' ({anchor.explanation}): talks under way that day"
                emit(anchor.range, anchor, "round", how, True, under_way.group(0))
        saying = cues().speech.search(unquoted, 0, anchor.start) if who else None
        # "The fourth round ... will continue on Tuesday, announced ... Mykhaylo Podolyak": the words that tell it
        attributed = (
            _attribution_at_the_end(unquoted, who, anchor.end) if who and anchor.forward and saying is None else None
        )
        if (
            ((saying is not None and not cues().future.search(unquoted, 0, saying.start())) or attributed)
            and anchor.forward
            and not any(m.type == "statement" for m in results)
            and not said_then(unquoted[: anchor.start])
        ):
            # "Umerov said Kyiv proposed a meeting of the presidents before the end of August": the plan has the
            # day to come; the saying, a day of its own
            when_said, how = _undated_report(unquoted, published, sentence, state, context, telling_the_past, who)
            emit(when_said, None, "statement", how, False, unquoted)
        elif (
            who
            and not any(m.type == "statement" for m in results)
            and (clause_after := _words_in_a_clause_after(unquoted, anchor.end, who)) is not None
        ):
            # "Negotiations will resume on Wednesday and Zelensky's adviser, Mikhailo Podoliak, said ... it is still
            # possible to reach a compromise": the day is the talks'; the speaker's words, a clause of their own
            words = clause_after[0]
            when_said, how = _undated_report(words, published, sentence, state, context, telling_the_past, who)
            emit(when_said, None, "statement", how, False, words)
        if anchor.start < len(" ".join(text.split()[:FRONTED])):
            # "On Tuesday, ...", and "By Wednesday, the mood had cooled.": the day the paragraph goes on to tell of
            state.paragraph_anchor, state.paragraph_type = anchor, event_type
    words_before = state.last_words
    # the lede of a wire story, told in the past: news of its date line's day
    wire_lede = (
        not results
        and state.lede_sentences < LEDE_SENTENCES
        and bool(state.dateline and wire_dateline(state.dateline))
        and bool(PAST_TENSE.search(unquoted))
    )
    if results:
        pass  # the sentence's own anchor dated it
    elif (
        quoting
        and words_before is not None
        and words_before.actor_slugs
        and 0 < sentence.index - words_before.sentence_index <= QUOTATION_SENTENCES
        and not cues().speech.search(unquoted)
    ):
        # '"Quite difficult," Podolyak wrote after Tuesday's session. "But there is room for compromise."':
        # the quotation goes on in the speaker's words
        how = f"quoted words of the speaker before it: {words_before.explanation}"
        people = words_before.actor_slugs[:1]
        emit(words_before.range, None, "statement", how, False, text, words_before.status, people=people)
    elif (
        state.recent_round is not None
        and sentence.index - state.recent_round.sentence_index <= MEETING_REFERENCE_SENTENCES
        and THE_MEETING.search(unquoted)
        and number in {None, state.recent_round.round_number}
        and sentence_venue(unquoted, "round")
    ):
        # "The three-hour-long meeting took place in the Brest region": where the round just reported was held
        previous = state.recent_round
        how = "the round named in the sentence before it"
        emit(previous.range, None, "round", how, False, unquoted, previous.status, previous.round_number)
        if previous.round_number and previous.round_number > 1 and SAME_PLACE_AS_BEFORE.search(unquoted):
            # "..., the same location as the previous talks": the round before it was held there too
            before = DateRange(
                previous.range.start - timedelta(days=BACKGROUND_YEARS * 365), previous.range.end, "range"
            )
            how = "held at the same place as the round after it"
            emit(before, None, "round", how, False, unquoted, ordinal=previous.round_number - 1)
    elif (
        state.recent_round is not None
        and sentence.index - state.recent_round.sentence_index <= MEETING_REFERENCE_SENTENCES
        and number in {None, state.recent_round.round_number}  # not "The second round ..." after the third
        and (agreed := _outcomes_told_after_a_round(unquoted, state.recent_round.status == "occurred" and not who))
    ):
        previous = state.recent_round
        for outcome, how in agreed:
            emit(previous.range, None, outcome, how, False, unquoted, "occurred")
    elif number is not None:
        if PLANNED.search(unquoted) or ROUND_TO_COME.search(unquoted):
            # a future round with no date: placed where it was announced, never on an invented day
            rng = context or DateRange(published - timedelta(days=1), published, "range")
            how = f"announced without a date for the round, in an article of {published.isoformat()}"
            emit(rng, None, "round", how, False, unquoted, status="planned")
            if who and cues().speech.search(unquoted) and who in {p.slug for p in find_people(unquoted)}:
                # "Medinsky told state television that a second round would take place in the coming days": the
                # round to come, and the words that announced it ("He also confirmed that the two sides will meet
                # again for a fourth round" goes on with words already reported: the round to come tells it)
                when_said, said_how = _undated_report(
                    unquoted, published, sentence, state, context, telling_the_past, who
                )
                emit(when_said, None, "statement", said_how, False, unquoted)
        elif context is None and not telling_the_past and PRESENT_PERFECT.search(unquoted):
            # "The second round of negotiations has ended in Belarus": news of the day the article reports
            recent, how = _recent(unquoted, published, sentence.stamped_days_back)
            if recent.precision == "range":
                recent, how = DateRange(published, published, "day"), "a numbered round told in the present perfect"
            emit(recent, None, "round", f"{how} in an article of {published.isoformat()}", False, unquoted)
        elif context is None and not telling_the_past and state.news_peg and state.lede_sentences < LEDE_SENTENCES:
            # "Negotiators agreed Thursday to set up corridors. The agreement was the only result of the second
            # round of talks, held in ...": the lede's numbered round is the session of the day the story is about
            peg = DateRange(state.news_peg, state.news_peg, "day")
            emit(peg, None, "round", f"{UNDATED_ROUND}: the day the story's lede reports", False, unquoted)
        elif context is not None or not telling_the_past:
            rng = context or DateRange(published - timedelta(days=14), published, "range")
            emit(rng, None, "round", UNDATED_ROUND, False, unquoted)
        elif state.narrative_year and published.year - state.narrative_year <= NARRATIVE_YEARS_BACK:
            # "The second round produced the talks' first concrete result", in an essay of 2024 telling of 2022:
            # a round of the year told of, placed among its numbered neighbours when the rounds are built
            year = state.narrative_year
            rng = DateRange(date(year, 1, 1), date(year, 12, 31), "range")
            emit(rng, None, "round", f"{UNDATED_ROUND}, told of {year}", False, unquoted)
    elif (
        context is not None
        and state.paragraph_type is not None
        and state.paragraph_type == type_for_clause(unquoted, unquoted, None, None, who)
    ):
        emit(
            context,
            None,
            state.paragraph_type,
            "no date of its own: that of the sentence before it",
            False,
            unquoted,
        )
    elif (
        type_for_clause(unquoted, unquoted, None, None, who) == "round"
        and sentence_venue(unquoted, "round")
        and not ROUNDS_IN_GENERAL.search(unquoted)
        and not cues().future.search(unquoted)  # ('Talks are expected to continue by video link')
        and (
            PRESENT_PERFECT.search(unquoted)
            or HELD_NOW.search(unquoted)
            or ((first := FIRST_TENSE.search(unquoted)) and first.group("present"))
            or wire_lede
        )
        and not told_since
    ):
        # a live report: "The delegations have finished their talks in Istanbul", "... talks being held in Istanbul",
        # told on the day
        recent, how = _recent(unquoted, published, sentence.stamped_days_back)
        going_on = bool(HELD_NOW.search(unquoted))
        if (going_on or wire_lede) and recent.precision == "range":
            # (and a wire story's lede: "ISTANBUL, May 16. /TASS/. Russia and Ukraine wrapped up talks in Istanbul")
            how = "a session told as going on" if going_on else "a session a wire story's lede reports"
            recent = DateRange(published, published, "day")
        # ('ISTANBUL, March 29 (EFE) - ... peace talks being held in Istanbul': as dated as 'today' would be)
        dated = (going_on or wire_lede) and state.stated and recent.precision == "day"
        emit(recent, None, "round", f"{how} in an article of {published.isoformat()}", dated, unquoted)
    elif (
        state.news_session is not None
        and context is None
        and not telling_the_past
        and not who
        and not found  # ('in Istanbul on 29 March 2022, Kyiv put forward proposals': of its own day, if any)
        and (offers := _put_forward_at_the_session(unquoted))
    ):
        for outcome, how in offers:
            emit(state.news_session, None, outcome, how, False, unquoted, "occurred")
    elif (
        (event_type := type_for_clause(unquoted, unquoted, None, None, who))
        and (who or STATE_SUBJECT.search(unquoted) or (actors and event_type in STRONG_TYPES))
        and event_type in RECENT_TYPES
        and not (PRESENT_PERFECT.search(unquoted) and not who and not SAID_AS_NEWS.search(unquoted))
        and (context is not None or not telling_the_past)  # a retrospective's undated lines are not today's news
        and not told_since
        and not (event_type in OLD_ACCORD_TYPES and long_ago)
    ):
        recent, how = _undated_report(unquoted, published, sentence, state, context, telling_the_past, who)
        emit(recent, None, event_type, how, False, unquoted)
        other = _words_in_a_clause_after(unquoted, 0) if event_type == "statement" and who else None
        if other is not None and other[1] != who:
            # "Zelenskiy said negotiations were becoming more realistic, while Lavrov said ...": two speakers' words
            words, other_speaker = other
            recent, how = _undated_report(words, published, sentence, state, context, telling_the_past, other_speaker)
            emit(recent, None, "statement", how, False, words, people=(other_speaker,))
    for said in [m for m in results if m.type == "statement"][-1:]:  # once for the sentence, on its saying
        others = tuple(slug for slug in actors if slug != who)  # the speaker tells of it, not in it
        # "Umerov said the sides had agreed an exchange of prisoners", "Medinsky said Moscow had proposed short
        # truces": what the sides agreed or put forward is news of its own
        dated_here = {m.type for m in results if m.anchored and m is not said}
        agreed_in_quote = quoted_outcomes(text) if who else []  # a quotation's: a named negotiator's words only
        quoted = [(outcome, "what the speaker's words say the talks agreed") for outcome in agreed_in_quote]
        for outcome, how in [*reported_outcomes(unquoted), *quoted]:
            if outcome in dated_here:
                continue  # "Ukraine presented the draft on Wednesday, Lavrov said on Thursday": dated already
            dated_here.add(outcome)
            how = f"{said.explanation}: {how}"
            emit(said.range, None, outcome, how, said.anchored, unquoted, status="occurred", people=others)
        if said.status == "occurred" and MILITARY_DRAWDOWN.search(unquoted):
            # "Russia has announced it will significantly decrease military activities near Kyiv": a military step
            how = f"{said.explanation}: the military step announced"
            emit(said.range, None, "military", how, said.anchored, unquoted, status="occurred", people=others)
        session = _session_the_words_tell_of(unquoted)
        if (
            said.status == "occurred"
            and session is not None
            and not PROSPECTIVE_SESSION.search(unquoted)
            and not any(m.type == "round" for m in results)
        ):
            how = f"{said.explanation}: {session}"
            emit(said.range, None, "round", how, said.anchored, unquoted, status="occurred", told_by=said.date_text)
        if (
            said.status == "occurred"
            and MET_BEFORE_SAYING.search(unquoted)
            and both_sides(actors, LEADING_ROLE)
            and not PROSPECTIVE_SESSION.search(unquoted)
            and not cues().future.search(unquoted)  # ('A meeting between Putin and Zelensky could take place ...')
        ):
            # "Kuleba said there had been no progress after he met his Russian counterpart, Lavrov": the meeting
            how = f"{said.explanation}: the ministers' meeting the speaker reports"
            emit(
                said.range, None, "ministerial", how, said.anchored, unquoted, status="occurred", told_by=said.date_text
            )
    if len(text.split()) >= LEDE_MIN_WORDS and not sentence.is_caption and not BYLINE_LINE.match(text):
        state.lede_sentences += 1  # credits, bylines and 'NO RESALES.' before the lede do not count
    for day in found:
        cue = (
            war_start_cue(text, day.text)
            if day.range.precision == "day" and not is_long_before(day, published)
            else None
        )
        if cue is not None and not any(m.type == "military" and m.range == day.range for m in results):
            # "the first meeting since Russia launched its invasion on 24 February": the day the war began is a
            # happening of its own (and what the corpus counts the war's age from)
            how = f"'{day.text}' ({day.explanation}), named as the day the war began"
            emit(day.range, day, "military", how, True, text[cue.start() : day.end], status="occurred")
    for day in documents:
        if not any(m.type == "proposal" and m.range == day.range for m in results):
            how = f"'{day.text}' ({day.explanation}), the day the document bears"
            emit(day.range, day, "proposal", how, True, text, status="occurred")
    if state.news_peg is None and state.lede_sentences <= LEDE_SENTENCES and not sentence.is_caption:
        # the lede's dated happening of the article's day or the day before: the day the story is about
        state.news_peg = next(
            (
                m.range.start
                for m in results
                if m.anchored
                and m.range.precision == "day"
                and m.status == "occurred"
                and 0 <= (published - m.range.start).days <= 1
            ),
            _day_a_first_lede_tells(unquoted, times, published, state.lede_sentences)
            # "ISTANBUL, May 16. /TASS/. Russia and Ukraine wrapped up talks": a wire story's news is of its date
            # line's day unless its lede names another
            or (published if wire_dateline(sentence.text) else None),
        )
    for m in results:
        if m.anchored and m.range.precision == "day":
            for name in [*m.actor_slugs, *(p.slug for p in find_places(unquoted))]:
                state.dated_names[name] = m.range
    for slug in actors:
        if person := person_by_slug().get(slug):
            state.surnames[person.name.split()[-1].lower()] = slug
    if who or actors:
        state.last_person = who or actors[0]
    rounds = [m for m in reversed(results) if m.type == "round"]
    # the round the next sentences may go on from: a numbered one before another told beside it ("The first round,
    # on May 16, ... produced a swap carried out from May 23. The second, on June 2, ...")
    state.recent_round = next((m for m in rounds if m.round_number), next(iter(rounds), state.recent_round))
    for m in results:
        if (
            m.type in SESSION_TYPES
            and m.status == "occurred"
            and m.range.precision == "day"
            and 0 <= (published - m.range.start).days <= 1
        ):
            state.news_session = m.range
    state.last_words = next((m for m in reversed(results) if m.type == "statement"), words_before)
    return results


def _day_a_first_lede_tells(
    unquoted: str, times: list[TimeMention], published: date, lede_sentences: int
) -> date | None:
    """The day of the article or the day before that a lede's first sentence, told in the past, names though its
    news is no event ('New talk of compromise ... lifted hope on Wednesday'); not a later lede sentence's ('The war
    entered its 16th day on Friday' is no news of that day)."""
    if lede_sentences != 1 or not PAST_TENSE.search(unquoted):
        return None
    return next(
        (
            t.range.start
            for t in times
            if t.range.precision == "day" and not t.forward and 0 <= (published - t.range.start).days <= 1
        ),
        None,
    )


CLAUSE_JOINT = re.compile(r",?\s+(?:and|while|but)\s+", re.I)
SPEAKER_TO_VERB_CHARS = 60  # 'Mikhailo Podoliak, said', 'Podoliak, Zelensky's adviser, said'


def _words_in_a_clause_after(unquoted: str, after: int, who: str | None = None) -> tuple[str, str] | None:
    """The clause of someone's words that follows another clause, opening with the speaker named and a verb of
    saying ('... will resume on Wednesday and Zelensky's adviser, Mikhailo Podoliak, said ...'), and who speaks in
    it; only `who`'s words when given; None when there is none."""
    for joint in CLAUSE_JOINT.finditer(unquoted, after):
        rest = unquoted[joint.end() :]
        head = rest[: 2 * SPEAKER_TO_VERB_CHARS]  # (a name that starts near the joint: no need to read further)
        named = [(end, person) for start, end, person in find_people_spans(head) if start <= SPEAKER_TO_VERB_CHARS]
        if named and who in {None, named[0][1].slug}:
            verb = cues().speech.search(rest, named[0][0])
            if verb is not None and verb.start() - named[0][0] <= SPEAKER_TO_VERB_CHARS:
                return rest, named[0][1].slug
    return None


def _happening_reported_as_past(
    unquoted: str, anchor: TimeMention, times: list[TimeMention], who: str | None
) -> str | None:
    """The kind of happening a speaker reported in a that-clause holding the sentence's only date ('told reporters
    that the hospital struck on Wednesday had been ...'): the date is that happening's, not the words'."""
    if who is None or anchor.forward or len(times) != 1 or said_then(unquoted[: anchor.start]):
        return None
    verb = cues().speech.search(unquoted, 0, anchor.start)
    if verb is None or not REPORTED_THAT.search(unquoted, verb.end(), anchor.start):
        return None
    told_of = classify(unquoted[verb.end() :])
    return told_of if told_of in HAPPENINGS else None


ORDINAL_TIME_WORDS = 8  # how far after a round's ordinal the date it is told with may come


@dataclass(frozen=True)
class OrdinalDate:
    """Of a sentence's several dates, the one told with the round it numbers (`date`; None when there is no such
    date, and every date then shares the sentence's number and clause), and where the ordinal begins."""

    date: TimeMention | None
    ordinal_start: int

    def number_for(self, anchor: TimeMention | None, number: int | None) -> int | None:
        # "At a second meeting on March 3, held in the same forest as Monday's talks": the number is March 3's
        return number if self.date is None or anchor is self.date else None

    def clause_for(self, anchor: TimeMention, clause: str, unquoted: str) -> str:
        # "The first round, on May 16, lasted two hours and produced a prisoner exchange": the date's clause is the
        # round's, whatever else it tells
        return unquoted[self.ordinal_start : anchor.end] if anchor is self.date else clause

    def sentence_for(self, anchor: TimeMention, unquoted: str) -> str:
        # "The first round, on May 16, ... produced a prisoner exchange, carried out from May 23": what May 23 dates
        # is told without the round and its date
        if self.date is None or anchor is self.date:
            return unquoted
        return unquoted[: self.ordinal_start] + " " * (self.date.end - self.ordinal_start) + unquoted[self.date.end :]


def ordinal_date(unquoted: str, times: list[TimeMention]) -> OrdinalDate:
    """The date told with the round the sentence numbers, when it has several: 'At a second meeting on March 3,
    held in the same forest as Monday's talks', 'The first round ... was held on May 16 ..., where the sides agreed
    on a prisoner swap, carried out from May 23 to 25'. None with one date, or none just after the ordinal."""
    none = OrdinalDate(None, 0)
    ordinal = round_ordinal(unquoted)
    if ordinal is None or len(times) < 2:
        return none
    told_before = [t for t in times if EARLIER_SESSION_JUST_BEFORE.search(unquoted, 0, t.start)]
    numbered = [t for t in times if t not in told_before]
    if told_before and len(numbered) == 1 and numbered[0].end <= ordinal.start():
        # "convened ... Thursday for a second round of peace talks after initial discussions Monday failed": the
        # number is Thursday's, told from the sentence's start; Monday's is another session
        return OrdinalDate(numbered[0], 0)
    if any(t.end <= ordinal.start() and "," not in unquoted[t.end : ordinal.start()] for t in times):
        return none  # "on Thursday continued the fourth round of talks, which began on Monday": both its days
    following = next((t for t in times if t.start >= ordinal.end()), None)
    if following is None:
        return none
    between = unquoted[ordinal.end() : following.start]
    if len(between.split()) <= ORDINAL_TIME_WORDS and not OTHER_COMMA_PHRASE.search(between):
        return OrdinalDate(following, ordinal.start())
    return none


def _listed_with_last(text: str, times: list[TimeMention]) -> list[TimeMention]:
    """The dates listed together with the last one ('on 28 February, 3 March and 7 March'), before it."""
    listed: list[TimeMention] = []
    for earlier, later in reversed(list(itertools.pairwise(times))):
        if earlier.range.precision != "day" or not LIST_GAP.fullmatch(text[earlier.end : later.start]):
            break
        listed.append(earlier)
    return listed


def _counted_from_named(unquoted: str, state: ArticleState) -> tuple[DateRange, str] | None:
    """'Three days after Johnson left Kyiv, ...': a count from a happening whose people or place the article
    dated before, that many days after (or before) that day."""
    lead = COUNTED_LEAD.match(unquoted)
    if lead is None:
        return None
    clause = lead.group("clause")
    people_named = [p.slug for p in find_people(clause)]
    people_named += [state.surnames[w.lower()] for w in CAPITALISED_WORD.findall(clause) if w.lower() in state.surnames]
    names = people_named + [p.slug for p in find_places(clause)]  # the people first: places recur more
    base = next((state.dated_names[n] for n in names if n in state.dated_names), None)
    if base is None:
        return None
    count = lead.group("n").lower()
    n = NUMBER_WORDS.get(count) or int(count) if count not in VAGUE_COUNTS else None
    if n is None:
        return None
    days = n * (7 if lead.group("unit").lower().startswith("week") else 1)
    sign = 1 if lead.group("rel").lower() == "after" else -1
    day = base.start + timedelta(days=sign * days)
    return DateRange(day, day, "day"), f"'{lead.group(0).strip(', ')}': counted from {base.start.isoformat()}"


def _main_clause_after(  # type: ignore[no-untyped-def]
    unquoted: str, clause: str, anchor: TimeMention, clause_type: str, published: date, emit
) -> None:
    """'Bodies were found in Bucha after Russian troops withdrew at the beginning of April': the date is the
    withdrawal's; the finding came after it, some day up to the article."""
    if not clause.lower().startswith("after ") or anchor.range.start > published:
        return
    main = unquoted[: unquoted.find(clause)].strip(" ,")
    main_type = classify(main)
    if main_type in HAPPENINGS - {clause_type} and len(main.split()) > 3:
        rng = DateRange(anchor.range.start, published, "range")
        emit(rng, None, main_type, f"after '{anchor.text}' ({anchor.explanation}), up to the article", True, main)


def _relative_event(text: str, anchor: TimeMention, published: date, emit) -> None:  # type: ignore[no-untyped-def]
    """'since March 29, shortly before the atrocities in Bucha became public': a second, relative event."""
    rel = COUNTED.search(text[anchor.end :]) or SHORTLY.search(text[anchor.end :])
    if not rel or anchor.range.precision != "day":
        return
    day = anchor.range.start
    sign = 1 if rel.group("rel").lower() == "before" else -1  # "X, days before Y": Y is after X
    if rel.re is COUNTED:  # "just four days after the invasion": that many days (weeks give or take three days)
        count = rel.group("n").lower()
        low, high = (2, 6) if count in VAGUE_COUNTS else (NUMBER_WORDS.get(count) or int(count),) * 2
        unit, slack = (7, 3) if rel.group("unit").lower().startswith("week") else (1, 0)
        ends = sorted(day + timedelta(days=sign * n * unit) for n in (low, high))
        precision = "day" if low == high and unit == 1 else "range"
        rng = DateRange(ends[0] - timedelta(days=slack), ends[1] + timedelta(days=slack), precision)
    else:
        # "On Tuesday morning, shortly before the talks began": hours apart, perhaps the same day; after a
        # whole day ("since March 29, shortly before the atrocities in Bucha became public"), another day
        gap = 0 if PART_OF_DAY.search(anchor.text) and not rel.group("gap").lower().startswith("day") else 1
        rng = (
            DateRange(day + timedelta(days=gap), day + timedelta(days=14), "range")
            if sign > 0
            else DateRange(day - timedelta(days=14), day - timedelta(days=gap), "range")
        )
    sub_type = classify(rel.group("clause"))
    if sub_type and sub_type not in {"statement"}:
        emit(rng, None, sub_type, f"'{rel.group(0).strip(', ')}' {anchor.text}", True, rel.group("clause"))


def _a_day_of_the_news(told: DateRange, published: date) -> bool:
    return told.precision == "day" and told.start == told.end and 0 <= (published - told.start).days <= 1


def _undated_report(
    unquoted: str,
    published: date,
    sentence: Sentence,
    state: ArticleState,
    context: DateRange | None,
    telling_the_past: bool,
    who: str | None,
) -> tuple[DateRange, str]:
    """When words reported without a date of their own were said: on the day their paragraph opened on, on the
    day the story's lede reports, or (by their tense) on the article's day or the day before."""
    recent, how = _recent(unquoted, published, sentence.stamped_days_back)
    if AT_OR_AFTER_THE_SESSION.search(unquoted) and state.news_session is not None:
        # "Cavusoglu said afterwards ...", "told reporters after the talks", "opened the session with a speech":
        # the day of the talks the news is of
        recent, how = state.news_session, "said at or after the talks the article reports"
    elif (
        context is None
        and state.news_session is not None
        and recent.contains(state.news_session)
        and is_negotiator(who)
    ):
        # "Kremlin sees no breakthrough a day after the Istanbul talks ... Arakhamia said the results were enough":
        # a negotiator's undated words are of the talks the article reports, not of the day its lede is about
        recent, how = state.news_session, "a negotiator's words: the day of the talks the article reports"
    elif context is not None and (state.paragraph_type is None or telling_the_past) and context.end <= published:
        recent, how = context, "no date of its own: the day the paragraph opened on"
    elif (
        state.last_anchor is not None
        and state.last_anchor_paragraph == sentence.paragraph
        and state.last_anchor.range.end.year < published.year
    ):
        # "The most important meeting took place on March 29 [2022]. There, Ukraine presented a document": a
        # paragraph telling of an earlier year goes on in the day it last named, not in the article's days
        recent, how = state.last_anchor.range, f"no date of its own: '{state.last_anchor.text}' told just before it"
    elif recent.precision == "range" and state.news_peg and recent.start <= state.news_peg <= recent.end:
        # "The third round was held on Monday ... Medinsky said": words told after the day the story is about
        how = "reported without a date: the day the story's lede reports"
        recent = DateRange(state.news_peg, state.news_peg, "day")
    return recent, f"{how} in an article of {published.isoformat()}"


# a heading's words besides its date: a wiki's '[edit]' link
HEADING_EXTRA = re.compile(r"[\s\-–—:.,]*(?:\[edit\])?[\s.]*")
_NOT_A_HEADING = TimeMention("", 0, 0, "", DateRange(date.min, date.min, "day"))
DAY_HEADINGS_MIN = 2  # so many days alone on their lines make a timeline of entries under days


def _heading_day(text: str, found: list[TimeMention]) -> TimeMention | None:
    """The day a heading line names ('24 February', 'Tuesday 8 March'); None for a month's heading ('March 2022
    [edit]'); _NOT_A_HEADING for a line with more to it than its date."""
    if len(found) != 1 or not HEADING_EXTRA.fullmatch(text[: found[0].start] + text[found[0].end :]):
        return _NOT_A_HEADING
    mention = found[0]
    if mention.range.precision == "day" and not mention.forward:
        return mention
    return None if mention.kind in {"month_year", "month"} else _NOT_A_HEADING


def _is_day_heading(text: str, published: date) -> bool:
    found = find_time_mentions(text, published)
    return (heading := _heading_day(text, found)) is not _NOT_A_HEADING and heading is not None


WAR_START_REACH = 60  # how far before a span of days the words that tell the war's start may stand


def _days_of_the_war(text: str, found: list[TimeMention], war_began: date | None, published: date) -> list[TimeMention]:
    """'The second round took place ... on the eighth day of the war', 'On day 34 of the war, ...': the day counted
    from the war's start the other articles give (day one is that start), up to the article's day; in a sentence
    with no other time ('On Thursday, Russian troops pulled out of Snake Island, captured on the first day of the
    war': Thursday's)."""
    if war_began is None or found:
        return []
    days: list[TimeMention] = []
    for m in DAY_OF_WAR.finditer(text):
        if not (m.group("n") or m.group("nth") or m.group("day_of_word")):
            continue  # (not the article's own age: 'the war, now in its ninth day')
        n = day_of_war_number(m)
        day = war_began + timedelta(days=n - 1)
        if day <= published:
            how = f"day {n} of the war, counted from its start as other articles date it ({war_began.isoformat()})"
            days.append(TimeMention(m.group(0), m.start(), m.end(), "war_day", DateRange(day, day, "day"), False, how))
    return days


def _tells_the_wars_start_by_its_day(text: str, war_began: date | None) -> bool:
    """Whether a sentence names the war's start by its day without a year ('shortly after February 24, the date of
    the start of the full-scale invasion')."""
    return (
        war_began is not None and bool(_day_words(war_began).search(text)) and bool(cues().conflict_start.search(text))
    )


@lru_cache(maxsize=8)
def _day_words(day: date) -> re.Pattern[str]:
    """A day of the month told without its year: 'February 24', 'Feb. 24', '24th of February'."""
    month = day.strftime("%B")
    name = rf"(?:{month}|{month[:3]}\.?)"
    return re.compile(rf"\b(?:{name}\s+{day.day}|{day.day}(?:st|nd|rd|th)?\s+(?:of\s+)?{name})\b(?!,?\s*\d{{4}})", re.I)


def _tells_the_wars_start(unquoted: str, told: TimeMention, war_began: date | None) -> bool:
    """Whether a day or span is the war's start, named right after the words that tell it ('the war begun by
    Russia three weeks ago', 'invaded Ukraine last week'), and holding the day the stored articles date it, when
    they date it."""
    return (war_began is None or told.range.start <= war_began <= told.range.end) and bool(
        cues().conflict_start.search(unquoted, max(0, told.start - WAR_START_REACH), told.start)
    )


def _session_the_words_tell_of(unquoted: str) -> str | None:
    """How a sentence of words said ties them to a session at a place, if it does: said just after it ('..., Moscow's
    top negotiator said on Tuesday, after a new round of talks in Istanbul') or telling it begun or ended
    ('Negotiations ... have begun in Istanbul, a diplomatic source said on Tuesday')."""
    if (after := SAID_AFTER_A_SESSION.search(unquoted)) and located_places(unquoted[after.start() :]):
        return "the session the words were said after"
    if (begun := SESSION_TOLD_AS_BEGUN.search(unquoted)) and located_places(begun.group()):
        return "the session the words tell of"
    if (described := SESSION_DESCRIBED.search(unquoted)) and located_places(described.group()):
        return "the session the words describe"  # '... described the latest round ..., held via videoconference'
    if SESSION_START_ANNOUNCED.search(unquoted):
        return "the session the words tell has begun"  # 'announced on Friday the start of this new round of talks'
    return None


def _the_wars_first_day(
    unquoted: str, anchor: TimeMention | None, rng: DateRange, war_began: date | None
) -> tuple[DateRange, str] | None:
    """'the fighting that started when Russian forces invaded Ukraine last week': the day the war began, which the
    stored articles date, when the span the sentence gives it holds that day."""
    if anchor is None or war_began is None or rng.precision == "day":
        return None
    if not _tells_the_wars_start(unquoted, anchor, war_began):
        return None
    return DateRange(war_began, war_began, "day"), f"{anchor.text!r}: the day the war began, as other articles date it"


def extract_mentions(
    article: CleanArticle, published: PublishedDate, war_began: date | None = None
) -> list[EventMention]:
    """Every event mention in the article, in reading order; none for an undated article. `war_began`: the day
    the stored articles say the war began, which 'a month into the invasion' dates a year-less day by."""
    if published.day is None:
        return []
    state = ArticleState(
        retrospective=not TOLD_AS_NEWS.search(article.text),
        war_year=war_began.year if war_began else None,
        war_began=war_began,
        dateline=article.dateline,
        stated=published.basis in STATED_BASES,
        day_headings=sum(_is_day_heading(s.text, published.day) for s in article.sentences if len(s.text) < 40)
        >= DAY_HEADINGS_MIN,
    )
    state.quotations_attributed = _quotations_attributed_at_their_end(article.sentences)
    state.stated_by_the_next = _words_the_next_sentence_attributes(article.sentences)
    found: list[EventMention] = []
    for sentence in article.sentences:
        if sentence.stamped_days_back and published.basis == "inferred" and article.dateline is None:
            # a live report dated by what it tells, not by a stamp: its day is that of its news, whichever side
            # of midnight the reporter's clock was on (an Australian page's evening is Europe's morning)
            sentence = replace(sentence, stamped_days_back=0)
        found.extend(mentions_in_sentence(sentence, article.raw.content_hash, published.day, state))
    return _undated_rounds_on_the_day_the_article_dates(found)


QUOTED_PARAGRAPH_SENTENCES = 8  # how far into its paragraph a quotation is looked at for who spoke it
ATTRIBUTION_CHARS = 60  # how far after a quotation's end its verb of saying comes ('", the Russian delegation said')


def _attribution_at_the_end(unquoted: str, who: str, after: int) -> bool:
    """Whether the sentence's last clause, after `after`, says who spoke it ('..., announced Ukrainian presidential
    adviser Mykhaylo Podolyak.'): what comes before is that person's words."""
    last = unquoted.rfind(",")
    return (
        last >= after
        and who in {p.slug for p in find_people(unquoted[last:])}
        and cues().speech.search(unquoted, last) is not None
    )


def _quotations_attributed_at_their_end(sentences: Sequence[Sentence]) -> dict[int, frozenset[str]]:
    """The sentences that open a paragraph with a quotation whose closing sentence says who spoke ('"Negotiations
    ... have just ended. ... with the country's leadership", the Russian delegation said in its turn.'), with the
    people that attribution names (none for a side or someone unnamed)."""
    found: dict[int, frozenset[str]] = {}
    for i, sentence in enumerate(sentences):
        opening = i == 0 or sentences[i - 1].paragraph != sentence.paragraph
        if not (opening and sentence.text.lstrip().startswith(('"', "“"))):
            continue
        for later in sentences[i : i + QUOTED_PARAGRAPH_SENTENCES]:
            if later.paragraph != sentence.paragraph:
                break
            # (its closing mark may be scraped as an opening one: '... with the country's leadership “, the Russian
            # delegation said')
            closing = max(later.text.rfind(mark) for mark in ('"', "“", "”"))
            attribution = later.text[closing + 1 :] if closing > 0 else ""
            if cues().speech.search(attribution[:ATTRIBUTION_CHARS]):
                found[sentence.index] = frozenset(p.slug for p in find_people(attribution))
                break
    return found


def _words_the_next_sentence_attributes(sentences: Sequence[Sentence]) -> dict[int, str]:
    """The sentences whose words the one after them gives to a person ('Ukraine has proposed holding a meeting of
    the leaders by the end of August. This was stated by Secretary of the National Security and Defense Council
    Rustem Umerov at a press conference.'), with that person; and the attributing sentence is theirs too."""
    found: dict[int, str] = {}
    for before, sentence in itertools.pairwise(sentences):
        if not (stated := STATED_BY.match(sentence.text)):
            continue
        people = find_people_spans(sentence.text[stated.end() : stated.end() + STATED_BY_NAME_CHARS])
        if people and not before.is_caption:
            found[before.index] = found[sentence.index] = people[0][2].slug
    return found


def _undated_rounds_on_the_day_the_article_dates(found: list[EventMention]) -> list[EventMention]:
    """A numbered round the article names without a date ('Third round of talks ends with small shifts', its
    headline) is the round of that number it dates, when it dates one and only one in the undated mention's span."""
    dated = [m for m in found if m.type == "round" and m.anchored and m.status == "occurred"]
    result = []
    for mention in found:
        if mention.type == "round" and not mention.anchored and mention.explanation == UNDATED_ROUND:
            days = {
                d.range for d in dated if mention.range.contains(d.range) and d.round_number == mention.round_number
            }
            if len(days) == 1:
                (day,) = days
                mention = replace(mention, range=day, explanation=f"{UNDATED_ROUND}: the round the article dates")
        result.append(mention)
    return result
