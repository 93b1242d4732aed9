"""Turn a dated article into event mentions: one per sentence (or clause) that carries a time anchor or
names a round, with its type, status, venue, round, people and quote."""

import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from app.ingest.clean import BYLINE_LINE
from app.ingest.dating import (
    NARRATIVE_YEARS_BACK,
    NUMBER,
    NUMBER_WORDS,
    ORDINAL_WORD,
    ORDINAL_WORDS,
    PATTERNS,
    WEEKDAY,
    find_time_mentions,
    sets_narrative_year,
)
from app.ingest.types import (
    SESSION_TYPES,
    CleanArticle,
    DateRange,
    EventMention,
    PublishedDate,
    Sentence,
    TimeMention,
)
from app.ingest.vocab import Person, Place, cues, people_gazetteer, person_by_slug, place_gazetteer

ORDINALS = {word: n for n, word in enumerate(ORDINAL_WORDS, 1)} | {
    f"{n}{suffix}": n for n, suffix in enumerate(("st", "nd", "rd", "th", "th", "th", "th", "th"), 1)
}
ROUND_ORDINAL = re.compile(
    rf"\b(?P<ord>{ORDINAL_WORD}|[1-8](?:st|nd|rd|th))"
    r"(?:\s+(?:full|face-to-face|in-person|video|direct))?\s+(?P<noun>round|meeting|session)\b",
    re.I,
)
AT_NUMBERED_ROUND = re.compile(rf"\b(?:at|during) (?:the|their|its) {ROUND_ORDINAL.pattern}", re.I)
SINCE_AFTER = re.compile(r"[^.;]{0,60}?\bsince\b", re.I)
COMPARED_ROUND = re.compile(r"\bas (?:the|at the|in the)\s+$", re.I)  # "the same venue as the second round"
LEADERS_MEETING = re.compile(r"\s+(?:of|between) the (?:two )?(?:[\w-]+ )?(?:ministers|presidents|leaders)\b", re.I)
# "met for a third time"; not "for the first time since", which names no round
DELEGATION_WORD = re.compile(r"delegation", re.I)
PROPOSED_SESSION = re.compile(
    r"\b(?:proposed|suggested|called for)\s+(?:(?:a|the|another|new|fresh|holding|resuming|direct)\s+)*"
    r"(?:round|meeting|talks|summit|negotiations)\b",
    re.I,
)
RECEIVED = re.compile(r"\b(?:received|welcomed)\b", re.I)
MET_NTH_TIME = re.compile(rf"\bmet for (?:a|the) (?P<ord>{'|'.join(ORDINAL_WORDS[1:])}) time\b", re.I)
COMPARED_WITH = re.compile(r"\bsuch as\s+$", re.I)  # "meetings such as Thursday's": named for comparison
GENERIC_TODAY = re.compile(
    r"\b(?:situation|process|world|society|country|Russia|Ukraine|Europe|background|is|are)\s+$", re.I
)
LEDE_SENTENCES = 3  # the standfirst and the first sentences tell what day the story is about
LEDE_MIN_WORDS = 10  # shorter lines before the lede are credits and bylines
APPOSITIVE_CHARS = 160  # "Podolyak, an adviser to the head of the president's office and a negotiator, wrote"
QUOTATION_SENTENCES = 3  # how far after the last words attributed a quotation is still taken to go on
QUOTE_MARK = re.compile(r"[\"“”]")
QUOTE_SPAN = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]{12,}’")
SAME_DAY = next(pattern for kind, _, pattern in PATTERNS if kind == "same_day")  # 'the next day', 'that day'
SINCE_THE_WAR = re.compile(
    r"\bsince (?:the (?:start of the )?|Russia['’]s )?(?:full-scale )?(?:Russian )?(?:invasion|war)"
    r"(?: (?:began|started|broke out))?\b"
    # "the first talks since Vladimir Putin launched his invasion", "since Moscow sent troops into Ukraine"
    r"|\bsince (?:[\w'’-]+ ){0,4}?(?:invaded|(?:launched|began|started) (?:its|his|the|a) (?:full-scale )?"
    r"(?:invasion|war)|sent (?:its |in )?(?:troops|forces|tanks) into)(?: Ukraine| its neighbou?r| the country)?\b",
    re.I,
)
SINCE_BEFORE = re.compile(r"\b(?:since|until|through)\s+$", re.I)
# "the largest attack since the full-scale invasion began in February 2022", "the highest-level talks since
# Russia invaded on 24 February": the war's start, compared with
SINCE_WAR_BEGAN = re.compile(
    r"\bsince (?:[\w'’-]+ ){0,4}?(?:(?:war|invasion|conflict|fighting) (?:began|started|broke out)|invaded"
    r"|(?:launched|began|started) (?:its|the|a) (?:full-scale )?(?:invasion|war)"
    r"|sent (?:its |in )?(?:troops|forces|tanks) into)"
    r"(?: of)?(?: Ukraine| its neighbou?r| the country)?(?: in| on)?\s+$",
    re.I,
)
YEAR_NUMBERS = re.compile(r"\b(?:19|20)\d\d\b")
THIS_YEAR = re.compile(r"this year", re.I)  # "the first retelling of the story this year. In June, ...": now
WHOM_BEFORE = re.compile(r"\b(?:whom|who was|who had)\b[^,]*$", re.I)
AGREED_OR_EXCHANGED = re.compile(
    r"\b(?:agreed|agree|agreeing|agreement|exchanged|swapped|handed over|presented|submitted|tabled)\b", re.I
)
SIDES_AGREED = re.compile(
    r"\b(?:the (?:two )?sides|both sides|the (?:two )?delegations|the parties)\b[^.;]{0,30}?\b(?:had |have )?agreed\b",
    re.I,
)
SIDE_PUT_FORWARD = re.compile(
    r"\b(?:Moscow|Kyiv|Kiev|Russia|Ukraine|the (?:Russian|Ukrainian) (?:side|delegation))\b[^.;,]{0,20}?"
    r"\b(?:proposed|offered|suggested|asked for|pressed for|handed|presented|tabled|put forward"
    r"|(?:would|will) (?:also )?(?:hand over|return|release)"
    r"|(?:was|is|were|are) (?:also )?ready to (?:hand over|return))\b",
    re.I,
)
OUTCOME_TYPES = ("prisoners", "humanitarian", "proposal")
NEGATED = re.compile(r"\b(?:not|never|no)\b", re.I)
FIRST_SINCE = re.compile(r"\bfirst\b[^.;]{0,60}$", re.I)  # "the first (talks) since May 16": the last were then
VAGUE_COUNTS = {"several", "a few", "few"}
CAPITALISED_WORD = re.compile(r"[A-Z][\w'-]+")  # a name or a surname
COUNTED_LEAD = re.compile(
    rf"^\s*(?P<n>{NUMBER})\s+(?P<unit>days?|weeks?)\s+(?P<rel>after|before)\s+(?P<clause>[^,;]+),", re.I
)
COUNTED = re.compile(
    rf",?\s*(?:just\s+|only\s+|some\s+)?(?P<n>{NUMBER})\s+(?P<unit>days?|weeks?)\s+(?P<rel>before|after)\s+(?P<clause>[^,.;]+)",
    re.I,
)
PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night)\b", re.I)
SHORTLY = re.compile(r",?\s*(?P<gap>shortly|just|soon|days?)\s+(?P<rel>before|after)\s+(?P<clause>[^,.;]+)", re.I)
ADJUNCT_START = re.compile(r"\s*(?:in|at|near|on)\b")
APPOSITIVE_NAME = re.compile(r"\s*(?:[A-Z][\w'’-]+\s?){1,3}(?:and\s(?:[A-Z][\w'’-]+\s?){1,3})?")
CLAUSE_BREAK = re.compile(
    r"[,;:—–]|\b(?:but|while|whereas|after|before|since|because|although|which|when)\b"
    r"|\band (?=(?:is|are|was|were|will|would|has|had|then)\b)",  # "met Lavrov on Wednesday and is due in Lviv"
    re.I,
)
PRONOUN_SUBJECT = re.compile(r"\b(?:he|she)\s+(?:said|says|told|added|confirmed|claimed|noted|urged|called)\b", re.I)
STATE_SUBJECT = re.compile(
    r"^(?:\w+,\s+)?(?:Ukraine|Russia|Moscow|Kyiv|Kiev|the Kremlin|Kremlin"
    r"|The (?:two )?(?:delegations|sides)|Both sides)\s+(?:\w+\s+)?\w+ed\b"
)
PRESENT_PERFECT = re.compile(r"\b(?:have|has)\s+(?:been\s+)?\w+ed\b|\bhave\s+(?:held|met|sent|engaged)\b", re.I)
TYPE_PRIORITY = (
    "ministerial",  # "the foreign ministers are to hold their first meeting": ministers, not the delegations
    "round",
    "proposal",
    "prisoners",
    "atrocity",
    "humanitarian",
    "aid",
    "military",
    "diplomacy",
    "statement",
)
RECENT_TYPES = {"statement", "humanitarian", "atrocity", "prisoners", "aid", "proposal", "diplomacy"}
STRONG_TYPES = {"aid", "humanitarian", "prisoners", "atrocity", "proposal"}
BACKGROUND_YEARS = 3


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
    quote_open: bool = False  # the sentence before ended inside a quotation
    recent_round: EventMention | None = None  # the last round reported, for "The meeting took place in ..."
    news_session: DateRange | None = None  # the day of the talks held on the article's day or the day before
    paragraph_week: tuple[DateRange, date | None] | None = None  # a past week the paragraph told of, a day in it
    dated_names: dict[str, DateRange] = field(default_factory=dict)  # person or place -> its last dated day
    surnames: dict[str, str] = field(default_factory=dict)  # "johnson" -> the Boris Johnson the article named
    retrospective: bool = False  # no day is told relative to the article's ('on Friday', 'yesterday', 'last week')
    narrative_year: int | None = None  # the year of the last full date: a retrospective's year-less dates are in it


def strip_quotes(text: str) -> str:
    """The text with its quotations blanked out, character for character: positions found in the text (a date's)
    stay valid in it."""
    return QUOTE_SPAN.sub(lambda quote: " " * len(quote.group(0)), text)


@lru_cache(maxsize=4096)
def classify(text: str) -> str | None:
    """The event type whose cue words match first, by the priority in TYPE_PRIORITY."""
    type_cues = cues().types
    text = SINCE_THE_WAR.sub(" ", text)  # "the highest-level contact since the invasion": background, not fighting
    return next((t for t in TYPE_PRIORITY if t in type_cues and type_cues[t].search(text)), None)


def round_number(text: str) -> int | None:
    for m in ROUND_ORDINAL.finditer(text):
        noun = m.group("noun").lower()
        if noun != "round" and LEADERS_MEETING.match(text, m.end()):
            continue  # "the first meeting of the two ministers": not a round of the delegations
        if COMPARED_ROUND.search(text, 0, m.start()):
            continue  # "met on Monday at the same venue as the second round": another round, named to compare
        if m.group("ord").lower() in {"first", "1st"} and SINCE_AFTER.match(text, m.end()):
            continue  # "the first in-person round since March 7": the first for a while, not round one
        if noun == "round" or cues().talks.search(text) or "delegation" in text.lower():
            return ORDINALS[m.group("ord").lower()]
    if (nth := MET_NTH_TIME.search(text)) and DELEGATION_WORD.search(text):
        return ORDINALS[nth.group("ord").lower()]  # "the delegations, which met for a third time on Monday"
    return None


def find_places(text: str) -> list[Place]:
    return list(dict.fromkeys(place for _, _, place in place_gazetteer().find(text)))


def find_people(text: str) -> list[Person]:
    """The people a text names, in the order it first names them."""
    return list(dict.fromkeys(person for _, _, person in people_gazetteer().find(text)))


LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|outside|on the outskirts of|visit|visits|visited|travell?ed to|flew to|arrived in)\s+"
    r"(?:the\s+)?(?:[A-Z][\w-]+['’]s\s+)?"
    r"(?:western\s+|eastern\s+|southern\s+|northern\s+)?"
    r"(?:(?:[A-Z][\w-]+\s+)?(?:resort\s+|port\s+|coastal\s+|border\s+)?(?:city|town|resort|region) of\s+)?$",
    re.I,
)
TALK_NOUN = re.compile(r"\b(?:talks|negotiations|round)\b", re.I)  # not "a meeting": anyone can meet


def located_places(text: str) -> list[Place]:
    """Places the text puts something in ('in the Brest region', 'at Dolmabahçe'), plus video formats."""
    found = [
        place
        for start, _, place in place_gazetteer().find(text)
        if place.kind == "online" or LOCATIVE.search(text[max(0, start - 40) : start])
    ]
    return list(dict.fromkeys(found))


def pick_venue(text: str, event_type: str) -> str | None:
    if event_type not in {"round", "ministerial", "diplomacy"}:
        return None
    rank = {"online": 0, "venue": 1, "region": 1, "city": 2, "country": 3}
    found = located_places(text)
    met_there = [place for start, _, place in place_gazetteer().find(text) if MET_AT.search(text[:start])]
    if met_there and event_type != "diplomacy":
        found = met_there  # "after weeks of haggling by video link, the delegations met in Istanbul": there
    if event_type == "diplomacy":
        found = [p for p in found if p.kind in {"city", "venue"}]
    return min(found, key=lambda p: rank.get(p.kind, 4)).slug if found else None


def sentence_venue(unquoted: str, event_type: str) -> str | None:
    """A round's venue named elsewhere in its sentence: a meeting place, region or country, not a city
    the sentence merely mentions."""
    if event_type != "round":
        return None
    found = [p for p in located_places(unquoted) if p.kind in {"venue", "online", "region", "country"}]
    return found[0].slug if found else None


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
    right = min([b for b, _ in breaks if b >= end] or [len(sentence)])
    clause = sentence[left:right]
    if len(clause.split()) <= 4:
        earlier = [b for b, _ in breaks if b < left]
        following = [b for b, _ in breaks if b > right]
        clause = sentence[earlier[-1] if earlier else 0 : right] if not following else sentence[left : following[0]]
    return clause


def is_event_anchor(mention: TimeMention, sentence: str, published: date) -> bool:
    if mention.kind == "year" or mention.range.end < date(published.year - BACKGROUND_YEARS, 1, 1):
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


def _reported_outcomes(unquoted: str) -> list[tuple[str, str]]:
    """What a statement reports the sides agreed ('the sides had agreed an exchange of prisoners') or put
    forward ('Moscow had proposed short truces', 'Russia offered to hand over bodies')."""
    if SIDES_AGREED.search(unquoted):
        return [(outcome, "what the sides agreed") for outcome in _agreed_outcomes(unquoted)]
    if SIDE_PUT_FORWARD.search(unquoted):
        offered = next((t for t in ("prisoners", "humanitarian") if cues().types[t].search(unquoted)), "proposal")
        return [(offered, "what a side put forward")]
    return []


def _outcomes(unquoted: str, event_type: str | None) -> list[str]:
    """What a session of talks agreed or exchanged: prisoners to swap, corridors to open, documents."""
    return _agreed_outcomes(unquoted) if event_type in SESSION_TYPES else []


def _agreed_outcomes(unquoted: str) -> list[str]:
    if not AGREED_OR_EXCHANGED.search(unquoted):
        return []
    return [t for t in OUTCOME_TYPES if cues().types[t].search(unquoted)]


def _numbered_session_beside(unquoted: str, clause: str, times: list[TimeMention]) -> str | None:
    """The rest of a sentence beside its dated clause, when it reports a numbered round held (not one to come)
    and names no date of its own."""
    if len(times) != 1:
        return None
    if AT_NUMBERED_ROUND.search(unquoted) and not cues().future.search(unquoted):
        return unquoted  # "At the second round, on June 2, the two sides exchanged memorandums"
    rest = unquoted.replace(clause, " ", 1)
    if round_number(rest) is None or classify(rest) != "round":
        return None
    if cues().future.search(rest) or PROSPECTIVE_SESSION.search(rest) or ARRANGED.search(rest):
        return None
    return rest


def _since(mention: TimeMention, sentence: str) -> bool:
    return bool(SINCE_BEFORE.search(sentence[: mention.start]))


def _status(mention: TimeMention | None, clause: str, published: date, rng: DateRange) -> str:
    if rng.start > published:
        return "planned"
    if mention is not None and mention.forward and rng.end >= published:
        return "planned"
    return "occurred"


FIRST_TENSE = re.compile(
    r"\b(?P<present>says|tells|warns|insists|claims|announces|confirms|is|are)\b"
    r"|\b(?:said|told|was|were|had|did|\w{3,}ed)\b",
    re.I,
)


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


# "to meet Putin, his spokesperson said": the name is the object of a verb, the speaker is someone else
NAME_AS_OBJECT = re.compile(
    r"\b(?:meet|met|meeting|with|to|by|for|against|told|urged|called|visit|visited|and)\s+"
    r"(?:(?:[A-Z][\w.-]*|the|his|her)\s+){0,3}$"
)
NAME_ENDS_CLAUSE = re.compile(r"\s*(?:[,.;:]|$)")
SAID_NAME = re.compile(r"\b(?:said|says|according to)\s+(?:\w+\s+){0,4}$", re.I)
AGREED_TO = re.compile(
    r"\b(?:agreed|agreement|agree|plans?|planned|ready|offered|proposed|wants?|intends?|hopes?)\b[^.]{0,90}"
    r"\b(?P<plan>(?:to|would|will) (?:hold|meet|resume|continue|start|host|organi[sz]e|arrange|send))\b",
    re.I,
)
IN_A_CALL = re.compile(r"\b(?:in|during|over) (?:a|an|his|her|their) (?:tele)?phone (?:call|conversation)\b", re.I)
MEETING_REFERENCE_SENTENCES = 2  # wire copy puts each sentence in a paragraph of its own
THE_MEETING = re.compile(
    r"^(?:The|That|This)\s+(?:[\w-]+\s+){0,3}(?:meeting|talks|session|round)\b"
    r"|\b(?:at|during) (?:that|this) (?:meeting|session|round)\b"  # "The two sides agreed at that meeting to ..."
    r"|^The (?:two )?(?:delegations|negotiators|sides) met\b"  # "The delegations met for five hours at a lodge"
)
SAME_PLACE_AS_BEFORE = re.compile(
    r"\bsame (?:location|venue|place) as (?:the )?(?:previous|last|earlier|prior) (?:talks|round|meeting|session)", re.I
)
# "Russia said on Tuesday ..., as negotiators meeting in Istanbul reported progress": the talks are that day's too
SESSION_UNDER_WAY = re.compile(
    r"\b(?:negotiators|delegations|delegates|the two sides|both sides)\s+(?:meeting|gathered|assembled)\s+"
    r"(?P<where>(?:in|at)\s+[^,.;]{3,60})",
    re.I,
)
TALKS_AT_PLACE = re.compile(
    r"\b(?:talks|negotiations|round|delegations)\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w-]+[,\s]*(?:(?:in|on)\s+)?$"
)
LATER = re.compile(
    r"\b(?P<gap>a day|the next day|days|a few days|two days|three days|a week|weeks|a month|two weeks) later\b", re.I
)
LATER_DAYS = {
    "a day": (1, 1),
    "the next day": (1, 1),
    "two days": (2, 2),
    "three days": (3, 3),
    "days": (2, 9),
    "a few days": (2, 6),
    "a week": (5, 9),
    "two weeks": (12, 16),
    "weeks": (10, 45),
    "a month": (25, 35),
}
UNDATED_ROUND = "a numbered round with no date of its own"
ROUNDS_IN_GENERAL = re.compile(r"\b(?:rounds|several|many|previous|earlier|last|past)\b", re.I)
SINCE_THEN = re.compile(r"\b(?:since then|ever since)\b", re.I)
PLANNED = re.compile(
    r"\b(?:will|would|next|to meet|to hold|near future|coming days|is due to|are due to|expected|scheduled|soon"
    r"|(?:could|may|might) (?:take place|be held|meet|resume|start)"
    r"|(?:a |any |an exact |no )?date (?:for|of) (?:the|a|an))\b",  # "gave no date for the second round": to come
    re.I,
)
SAID_THEN_WORDS = 7  # "said in a video address late on Monday": how far a verb of saying may stand from its date
TOLD_WHOM_WORDS = 3
VERB_LIKE = re.compile(r"\b(?:would|will|had|has|have|was|were|is|are|could|should|might|may|\w+ed)\b", re.I)
HOW_SAID = re.compile(r"\s*(?:(?:in|at|to|on|during|via|over|through)\b|(?:late|early)\s*$)", re.I)
NEW_CLAUSE = re.compile(r"[,;:]|\b(?:that|which|who|and|but|after|before|when|while)\b", re.I)
FRONTED = 6  # an anchor in a sentence's first words sets the scene for the sentences after it


SUBJECT_CHARS = 40  # a name this near the start of a sentence is its subject
SAYING_AFTER_CLAUSE = re.compile(r",\s+(?:saying|telling|adding)\b", re.I)


def speaker(unquoted: str, sentence: str, state: ArticleState) -> str | None:
    """The named person who says something in the sentence ('Umerov said', 'said Putin', 'He said').

    A name right before its verb wins ('..., with Lukashenko, Putin says'); then a name set off by commas
    ('Medinsky, the head of the delegation, said'), or after the verb ('..., said Putin.')."""
    vocab = cues()
    names = people_gazetteer().find(unquoted)
    for _, end, person in names:
        after = unquoted[end : end + 70]
        verb = vocab.speech.search(after)
        if verb and verb.start() < 12 and "," not in after[: verb.start()]:
            return person.slug
    for start, end, person in names:
        after = unquoted[end : end + APPOSITIVE_CHARS]
        verb = vocab.speech.search(after)
        if (
            verb
            and after.startswith(",")
            and after[: verb.start()].count(",") <= 2
            and not NAME_AS_OBJECT.search(unquoted[max(0, start - 40) : start])
        ):
            return person.slug
        if SAID_NAME.search(unquoted[max(0, start - 30) : start]) and NAME_ENDS_CLAUSE.match(unquoted[end:]):
            return person.slug  # "..., said Putin." but not "He said Putin is ..."
    if names and names[0][0] <= SUBJECT_CHARS and SAYING_AFTER_CLAUSE.search(unquoted, names[0][1]):
        # "Erdogan opened the session with a short speech, telling the delegates ...": the participle's subject
        return names[0][2].slug
    if PRONOUN_SUBJECT.search(unquoted) and state.last_person:
        return state.last_person
    return None


def _actors(sentence: Sentence, who: str | None) -> tuple[str, ...]:
    found = [p.slug for p in find_people(sentence.text)]
    return tuple(dict.fromkeys([who, *found] if who else found))


def _earlier_in_week_before(mention: TimeMention, week: tuple[DateRange, date | None]) -> TimeMention:
    """'... said last week that talks were held on Friday. Earlier in the week, the Kremlin said ...': the
    days of that week before the day it named, not of the article's week."""
    if mention.kind != "earlier_period" or "week" not in mention.text.lower():
        return mention
    span, named_day = week
    end = named_day - timedelta(days=1) if named_day and named_day > span.start else span.end
    how = f"earlier in the week named before it ({span.start.isoformat()} to {span.end.isoformat()})"
    return replace(mention, range=DateRange(span.start, end, "range"), explanation=how)


def _both_sides(actors: tuple[str, ...], role: re.Pattern[str]) -> bool:
    """Whether people of both Ukraine and Russia in this role (ministers, negotiators) are among the actors."""
    sides = {person.side for slug in actors if (person := person_by_slug().get(slug)) and role.search(person.role)}
    return {"UA", "RU"} <= sides


def _keywords(text: str) -> tuple[str, ...]:
    return tuple(sorted({p.slug for p in find_places(text)}))


def mentions_in_sentence(
    sentence: Sentence, article_id: str, published: date, state: ArticleState
) -> list[EventMention]:
    text = sentence.text
    if sentence.paragraph != state.paragraph:
        state.paragraph, state.paragraph_anchor, state.paragraph_type = sentence.paragraph, None, None
        state.paragraph_week, state.quote_open = None, False
    quoting = state.quote_open or text.lstrip().startswith(('"', "“"))
    state.quote_open = _ends_inside_quote(text, state.quote_open)
    context = state.paragraph_anchor.range if state.paragraph_anchor else None
    # a retrospective that has named an earlier year: what it tells without a date is of then, not of its own days
    telling_the_past = (
        state.retrospective and state.narrative_year is not None and state.narrative_year < published.year
    )
    told_before = context
    if (
        state.last_anchor is not None
        and sentence.paragraph - state.last_anchor_paragraph <= 1
        and SAME_DAY.search(text)
    ):
        # "By May 2022 ... began surrendering on May 16. The next day, ...": the date just told, in this paragraph
        # or the last
        told_before = state.last_anchor.range
    told_just_before = (
        state.last_anchor
        if state.last_anchor is not None and sentence.paragraph - state.last_anchor_paragraph <= 1
        else None
    )
    found = find_time_mentions(
        text,
        published,
        told_before,
        narrative=state.retrospective,
        narrative_year=state.narrative_year,
        ref_is_published=True,
        told_just_before=told_just_before,
    )
    told_years = [
        t.range.end.year
        for t in found
        if sets_narrative_year(t.kind, text, t.start, t.range.end.year, published) or THIS_YEAR.fullmatch(t.text)
    ]
    if explicit_years := told_years:
        state.narrative_year = explicit_years[-1]
    elif str(published.year) in YEAR_NUMBERS.findall(text):
        state.narrative_year = published.year  # "How the 2025 talks unfolded": the text is back in its own year
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
    if any(t.range.precision != "year" for t in times):
        # "agreed on July 23 ..., but their third meeting this year": the year counts meetings, the day dates one
        times = [t for t in times if t.range.precision != "year"]
    unquoted = strip_quotes(text)
    who = speaker(unquoted, text, state)
    actors = _actors(sentence, who)
    number = round_number(unquoted)
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
    ) -> None:
        involved = actors if people is None else people
        round_no = (ordinal if ordinal is not None else number) if event_type == "round" else None
        if round_no is None and (rng.end - rng.start).days > WIDEST_EVENT_DAYS:
            return  # "talks held between February and April", "in the spring of 2022": a summary, not a happening
        if event_type == "statement" and not involved and not cues().talks.search(text):
            # words of no one we know, about something other than the talks: what they report, if anything
            reported = next((t for t in TYPE_PRIORITY if t != "statement" and cues().types[t].search(unquoted)), None)
            if reported is None:
                return
            event_type = reported
        results.append(
            EventMention(
                article_id=article_id,
                sentence_index=sentence.index,
                quote=text,
                type=event_type,
                status=status or _status(anchor, clause, published, rng),
                range=rng,
                date_text=anchor.text if anchor else "",
                explanation=how,
                venue_slug=pick_venue(clause if anchor else unquoted, event_type)
                or sentence_venue(unquoted, event_type),
                round_number=round_no,
                actor_slugs=involved,
                keywords=_keywords(unquoted),
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
        event_type = _type_for(unquoted, unquoted, None, number, who)
        if event_type is not None and rng.start <= rng.end:
            how = f"'{later.group(0)}': after '{state.last_anchor.text}' ({base.isoformat()})"
            emit(rng, None, event_type, how, True, unquoted, status="occurred")
    elif anchor is None and (counted := _counted_from_named(unquoted, state)) is not None:
        # "Three days after Johnson left Kyiv, Putin said ...": counted from the day the article gave that
        rng, how = counted
        event_type = _type_for(unquoted, unquoted, None, number, who)
        if event_type is not None and rng.start <= published:
            emit(DateRange(rng.start, min(rng.end, published), rng.precision), None, event_type, how, True, unquoted)
    elif anchor is None and state.last_anchor is not None and SINCE_THEN.search(unquoted):
        since = state.last_anchor
        if since.range.end < published:
            event_type = _type_for(unquoted, unquoted, None, number, who)
            if event_type is not None:
                rng = DateRange(since.range.end + timedelta(days=1), published, "range")
                how = f"'since then': after '{since.text}' ({since.range.end.isoformat()}), up to the article's date"
                emit(rng, None, event_type, how, True, unquoted, status="occurred")
    if anchor is not None:
        state.last_anchor, state.last_anchor_paragraph = anchor, sentence.paragraph
        clause = clause_around(unquoted, anchor.start, anchor.end) if anchor.start < len(unquoted) else unquoted
        if _since(anchor, text) and (when := WHEN_CLAUSE.match(text, anchor.end)):
            clause = when.group("clause")  # "the first since June 2, when the two sides met in Istanbul"
            if (nth := MET_NTH_TIME.search(clause)) and DELEGATION_WORD.search(unquoted):
                # "the first session between the two delegations since March 7, when they met for a third time":
                # the number is the earlier meeting's, not the one the sentence begins with
                number = ORDINALS[nth.group("ord").lower()]
        event_type = _type_for(clause, unquoted, anchor, number, who)
        if (
            event_type in {None, "diplomacy"}
            and MET.search(clause)
            and not PROSPECTIVE_SESSION.search(clause)
            and not ARRANGED.search(clause)
        ):
            event_type = _sides_meeting(clause, who) or event_type
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
            earlier_type = _type_for(earlier_clause, unquoted, earlier, number, who)
            # "the talks, which began on Monday, would continue on Tuesday": a session held, and one to come;
            # "Zelensky responded the same day that he would wait for Putin on Thursday": words, and a plan
            held_then_planned = earlier_type == event_type and anchor.forward and not earlier.forward
            # "resumed negotiations by video link on Friday, following the in-person round on Tuesday": two sessions
            two_sessions = earlier_type == event_type in SESSION_TYPES and not earlier.range.overlaps(anchor.range)
            if (earlier_type != event_type or held_then_planned or since_when or two_sessions) and (
                earlier_type in {"round", "ministerial", "proposal"}
                or (earlier_type == "statement" and who)
                or (held_then_planned and earlier_type == "diplomacy")
            ):
                how = f"'{earlier.text}' ({earlier.explanation}), article of {published.isoformat()}"
                emit(earlier.range, earlier, earlier_type, how, True, earlier_clause)
        if (
            event_type == "statement"
            and (anchor.forward or anchor.range.start > published)
            and not _said_then(unquoted[: anchor.start])
        ):
            # "Umerov said Kyiv had proposed a meeting of the presidents before the end of August": the date is of
            # what is to come; the saying is dated by an earlier date in the sentence, or like undated words
            said_earlier = any(m.type == "statement" for m in results)
            if not said_earlier:
                when_said, how = _undated_report(unquoted, published, sentence, state, context, telling_the_past, who)
                emit(when_said, None, event_type, how, False, clause)
            planned = (_sides_meeting(clause, None) if MET.search(clause) else None) or classify(clause)
            if planned in {"round", "ministerial", "diplomacy"} or said_earlier:
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
            for outcome in _outcomes(unquoted, event_type):
                # "agreed Friday to exchange 1,000 prisoners each at their first direct talks": the talks and
                # what they agreed are two happenings of the day
                how = f"'{anchor.text}' ({anchor.explanation}): agreed at the talks that day"
                emit(anchor.range, anchor, outcome, how, True, clause, status="occurred")
            if event_type in OUTCOME_TYPES and (session := _numbered_session_beside(unquoted, clause, times)):
                # "agreed on July 23 to exchange prisoners, but their third round of talks lasted 40 minutes": the
                # agreement and the round it was made at, on the one day
                how = f"'{anchor.text}' ({anchor.explanation}): the numbered round the sentence reports"
                emit(anchor.range, anchor, "round", how, True, session)
                for outcome in _outcomes(unquoted, "round"):
                    if outcome != event_type:  # "... exchanged memorandums, and agreed to release the wounded"
                        emit(anchor.range, anchor, outcome, f"{how}: agreed there", True, clause, status="occurred")
            _relative_event(text, anchor, published, emit)
            _main_clause_after(unquoted, clause, anchor, event_type, published, emit)
            under_way = SESSION_UNDER_WAY.search(unquoted) if event_type != "round" else None
            if under_way and sentence_venue(under_way.group("where"), "round"):
                how = f"'{anchor.text}' ({anchor.explanation}): talks under way that day"
                emit(anchor.range, anchor, "round", how, True, under_way.group(0))
        saying = cues().speech.search(unquoted, 0, anchor.start) if who else None
        if (
            saying is not None
            and anchor.forward
            and not any(m.type == "statement" for m in results)
            and not _said_then(unquoted[: anchor.start])
            and not cues().future.search(unquoted, 0, saying.start())
        ):
            # "Umerov said Kyiv proposed a meeting of the presidents before the end of August": the plan has the
            # day to come; the saying, a day of its own
            when_said, how = _undated_report(unquoted, published, sentence, state, context, telling_the_past, who)
            emit(when_said, None, "statement", how, False, unquoted)
        if anchor.start < len(" ".join(text.split()[:FRONTED])):
            # "On Tuesday, ...", and "By Wednesday, the mood had cooled.": the day the paragraph goes on to tell of
            state.paragraph_anchor, state.paragraph_type = anchor, event_type
    words_before = state.last_words
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
        and THE_MEETING.search(unquoted)
        and number in {None, state.recent_round.round_number}  # not "The second round ..." after the third
        and (agreed := _agreed_outcomes(unquoted))
    ):
        # "That meeting ... produced an agreement to exchange 1,000 prisoners each": what the round just told agreed
        previous = state.recent_round
        for outcome in agreed:
            emit(previous.range, None, outcome, "agreed at the round named before it", False, unquoted, "occurred")
    elif number is not None:
        if PLANNED.search(unquoted):
            # a future round with no date: placed where it was announced, never on an invented day
            rng = context or DateRange(published - timedelta(days=1), published, "range")
            how = f"announced without a date for the round, in an article of {published.isoformat()}"
            emit(rng, None, "round", how, False, unquoted, status="planned")
            if who and cues().speech.search(unquoted):
                # "Medinsky told state television that a second round would take place in the coming days": the
                # round to come, and the words that announced it
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
        and state.paragraph_type == _type_for(unquoted, unquoted, None, None, who)
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
        _type_for(unquoted, unquoted, None, None, who) == "round"
        and sentence_venue(unquoted, "round")
        and not ROUNDS_IN_GENERAL.search(unquoted)
        and (PRESENT_PERFECT.search(unquoted) or ((first := FIRST_TENSE.search(unquoted)) and first.group("present")))
    ):
        # a live report: "The delegations have finished their talks in Istanbul", told on the day
        recent, how = _recent(unquoted, published, sentence.stamped_days_back)
        emit(recent, None, "round", f"{how} in an article of {published.isoformat()}", False, unquoted)
    elif (
        (event_type := _type_for(unquoted, unquoted, None, None, who))
        and (who or STATE_SUBJECT.search(unquoted) or (actors and event_type in STRONG_TYPES))
        and event_type in RECENT_TYPES
        and not (PRESENT_PERFECT.search(unquoted) and not who)
        and (context is not None or not telling_the_past)  # a retrospective's undated lines are not today's news
    ):
        recent, how = _undated_report(unquoted, published, sentence, state, context, telling_the_past, who)
        emit(recent, None, event_type, how, False, unquoted)
    for said in [m for m in results if m.type == "statement"][-1:]:  # once for the sentence, on its saying
        others = tuple(slug for slug in actors if slug != who)  # the speaker tells of it, not in it
        # "Umerov said the sides had agreed an exchange of prisoners", "Medinsky said Moscow had proposed short
        # truces": what the sides agreed or put forward is news of its own
        dated_here = {m.type for m in results if m.anchored and m is not said}
        for outcome, how in _reported_outcomes(unquoted):
            if outcome in dated_here:
                continue  # "Ukraine presented the draft on Wednesday, Lavrov said on Thursday": dated already
            how = f"{said.explanation}: {how}"
            emit(said.range, None, outcome, how, said.anchored, unquoted, status="occurred", people=others)
        if (
            said.status == "occurred"
            and MET_BEFORE_SAYING.search(unquoted)
            and _both_sides(actors, LEADING_ROLE)
            and not PROSPECTIVE_SESSION.search(unquoted)
        ):
            # "Kuleba said there had been no progress after he met his Russian counterpart, Lavrov": the meeting
            how = f"{said.explanation}: the ministers' meeting the speaker reports"
            emit(said.range, None, "ministerial", how, said.anchored, unquoted, status="occurred")
    if len(text.split()) >= LEDE_MIN_WORDS and not sentence.is_caption and not BYLINE_LINE.match(text):
        state.lede_sentences += 1  # credits, bylines and 'NO RESALES.' before the lede do not count
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
            None,
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
    state.recent_round = next((m for m in reversed(results) if m.type == "round"), state.recent_round)
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


def _ends_inside_quote(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence ('"Negotiations.' opens one)."""
    opened = open_before
    for mark in QUOTE_MARK.findall(text):
        opened = {"“": True, "”": False}.get(mark, not opened)
    return opened


WIDEST_EVENT_DAYS = 62  # what is dated more loosely than two months is background (unless a numbered round)
TOLD_AS_NEWS = re.compile(
    rf"\b(?:{WEEKDAY}|yesterday|today|tonight|tomorrow|(?:last|this|next) (?:week|weekend|month))\b", re.I
)
# what a main clause can report as having come after a dated happening ("bodies were found ... after ...");
# not meetings or documents: "the prospect of a meeting stalled after ..." reports none
HAPPENINGS = {"atrocity", "military", "humanitarian", "prisoners", "aid"}
WHEN_CLAUSE = re.compile(r"\s*,\s*when\s+(?P<clause>[^.;]+)", re.I)
# "played down the prospects of a meeting between the presidents": words about a session, not one held
PROSPECTIVE_SESSION = re.compile(
    r"\b(?:(?:prospects?|possibility|chances?|hopes?) (?:of|for) (?:a |an |any )?|(?:possible|potential|proposed) )"
    r"(?:(?:new|further|direct) )?(?:meeting|summit|talks|round)\b"
    r"|\b(?:challenged?|challenges|urged?|invited?|dared)\b[^.;]{0,40}\bto meet\b",  # "challenged Putin to meet him"
    re.I,
)
MET_AT = re.compile(
    r"\b(?:met|held|took place|gathered)\s+(?:(?:again|face to face|in person)\s+)?(?:in|at)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
DELEGATIONS_MET = re.compile(r"\b(?:the two |both )?(?:delegations|negotiators) (?:\w+ )?met\b", re.I)
ARRANGED = re.compile(r"\b(?:was|were) (?:arranged|agreed|planned|scheduled|announced)\b", re.I)  # not held yet
MET_BEFORE_SAYING = re.compile(r"\b(?:after|when|since) \w+ (?:had )?met\b", re.I)  # "after he met"
MET = re.compile(r"\b(?:met|meet|meets|meeting|held talks|hosted)\b", re.I)
LEADING_ROLE = re.compile(r"^(?:(?:Foreign|Defence|Defense|Prime) )?Minister\b|^President of\b")
NEGOTIATOR_ROLE = re.compile(r"\b(?:delegation|negotiator)\b", re.I)
LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|,?\s+as well as)\s+(?:on\s+|in\s+)?", re.I)


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


SESSION_NOUN = r"(?:talks|meeting|session|round|negotiations)"
AT_OR_AFTER_THE_SESSION = re.compile(
    rf"\b(?:afterwards|after the {SESSION_NOUN}|after (?:it|they) (?:ended|finished)"
    rf"|opened the {SESSION_NOUN}|at the (?:opening|start|end) of the {SESSION_NOUN})\b",
    re.I,
)


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
        context is None and state.news_session is not None and recent.contains(state.news_session) and _negotiator(who)
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


def _negotiator(slug: str | None) -> bool:
    person = person_by_slug().get(slug) if slug else None
    return person is not None and bool(NEGOTIATOR_ROLE.search(person.role))


def _sides_meeting(clause: str, who: str | None) -> str | None:
    """A meeting of the two sides' ministers or negotiators, by who the clause names or who speaks in it
    ("Cavusoglu met Lavrov in Moscow on Wednesday and is due to see Kuleba on Thursday": neither)."""
    met = tuple(dict.fromkeys([*([who] if who else []), *(p.slug for p in find_people(clause))]))
    if _both_sides(met, LEADING_ROLE):
        return "ministerial"  # "Kuleba and Lavrov met in Antalya": ministers of the two sides
    if _both_sides(met, NEGOTIATOR_ROLE):
        return "round"  # "Medinsky met Arakhamia in Istanbul": the two delegations
    return None


def _said_then(before_anchor: str) -> bool:
    """Whether the words just before a date are a saying it dates: a verb of saying, then nothing or a phrase
    of how, where or to whom ('in a video address late', 'told reporters'), not what was said ('he said Russia
    had submitted ... on April 15')."""
    words = " ".join(before_anchor.split()[-SAID_THEN_WORDS:])
    said = list(cues().speech.finditer(words))
    if not said:
        return False
    between = words[said[-1].end() :]
    if NEW_CLAUSE.search(between):
        return False
    if VERB_LIKE.search(between):
        return False  # "said in Moscow talks resumed on Monday": the date is what was said
    return len(between.split()) <= TOLD_WHOM_WORDS or bool(HOW_SAID.match(between))  # "told reporters"


def _type_for(
    clause: str, unquoted: str, anchor: TimeMention | None, number: int | None, who: str | None
) -> str | None:
    if anchor is not None and _said_then(unquoted[: anchor.start]):
        return "statement"  # "said on Monday", "said Wednesday", "said in a video address late on Monday"
    if number is not None and classify(clause) in {None, "round", "statement", "diplomacy"}:
        return "round"  # "the second round", "the delegations, which met for a third time on Monday"
    if anchor is not None and TALKS_AT_PLACE.search(unquoted[max(0, anchor.start - 60) : anchor.start]):
        return "round"  # "... agreed during talks in Turkey, late in March": the date is the talks'"
    if (
        anchor is not None
        and anchor.start < 20
        and who
        and not TALK_NOUN.search(unquoted[: anchor.start])  # "The talks on March 29 were ..., Peskov said"
        and cues().speech.search(" ".join(unquoted[anchor.end :].split()[:10]))
    ):
        return "statement"  # "On Wednesday, Macron told ..."
    verb = cues().speech.search(unquoted) if anchor is None and who else None
    if verb and classify(unquoted[: verb.start()]) in {None, "statement", "military"}:
        return "statement"  # undated words reported: the saying is what the article dates, not what was said
    if agreed := AGREED_TO.search(clause):
        # an agreement or plan to hold talks is news about talks, not a session; what was done in making it
        # ("spoke with Zelensky by phone and offered to host ...") is what happened
        # ("agreed in a phone call with Lukashenko that a delegation would meet ...": the call)
        made_in = clause[: agreed.start("plan")]
        done = next(
            (t for t in TYPE_PRIORITY if t in HAPPENINGS | {"diplomacy"} and cues().types[t].search(made_in)), None
        )
        if done is None and IN_A_CALL.search(clause, agreed.end("plan")):
            done = "diplomacy"  # "had agreed to host the round in a phone call with Putin on Sunday": the call
        return done or "statement"
    said = cues().speech.search(unquoted) if who and classify(clause) is None else None
    said_after = said is not None and said.start() > (anchor.end if anchor else 0)
    if said is not None and said_after and classify(unquoted[: said.start()]) in {None, "statement"}:
        return "statement"  # "poured cold water on it the same day, saying the draft was not ready": words
    found = classify(clause) or classify(unquoted)
    if found in SESSION_TYPES and anchor is not None and not anchor.forward and PROPOSED_SESSION.search(clause):
        return "proposal"  # "Zelensky proposed the new round on Saturday": the proposal's day, not the round's
    if found == "round" and number is None and RECEIVED.search(clause) and not DELEGATION_WORD.search(clause):
        found = "diplomacy"  # "the Russian leader received Bennett in the Kremlin for talks": a visit, not a round
    if found == "ministerial" and DELEGATIONS_MET.search(clause):
        found = "round"  # "after a meeting of foreign ministers in Antalya ..., the two delegations met in Istanbul"
    if found in SESSION_TYPES and PROSPECTIVE_SESSION.search(clause):
        found = "statement" if who or STATE_SUBJECT.search(unquoted) else None
    if who and found in {None, "diplomacy", "statement"}:
        return "statement"  # a named person speaking is a statement, whatever the medium
    if found is None and any(
        TALK_NOUN.search(clause[max(0, clause.find(p.name) - 30) : max(0, clause.find(p.name))])
        for p in located_places(clause)
        if p.name in clause
    ):
        return "round"  # "talks in Turkey"
    return found


def extract_mentions(article: CleanArticle, published: PublishedDate) -> list[EventMention]:
    """Every event mention in the article, in reading order; none for an undated article."""
    if published.day is None:
        return []
    state = ArticleState(retrospective=not TOLD_AS_NEWS.search(article.text))
    found: list[EventMention] = []
    for sentence in article.sentences:
        if sentence.stamped_days_back and published.basis == "inferred":
            # a live report dated by what it tells, not by a stamp: its day is that of its news, whichever side
            # of midnight the reporter's clock was on (an Australian page's evening is Europe's morning)
            sentence = replace(sentence, stamped_days_back=0)
        found.extend(mentions_in_sentence(sentence, article.raw.content_hash, published.day, state))
    return _undated_rounds_on_the_day_the_article_dates(found)


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
