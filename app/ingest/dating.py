"""Find time expressions in a sentence and resolve them against the article's own date.

Candidates are spotted with compiled patterns; dateparser is used only to normalise a month name
it is handed. Every result is a DateRange with its precision: a range stays a range.
"""

import bisect
import calendar
import re
from contextlib import suppress
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

import dateparser

from app.ingest.types import DateRange, TimeMention
from app.ingest.vocab import cues

MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
AFTER_MONTH = r"(?:\s+|(?<=\.))"  # 'Feb. 28', and 'Feb.28' run together after the abbreviation's dot
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"  # "On Wednesday evening, July 23"
SHORT_WEEKDAY = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"


def numbered_weekday(groups: dict[str, str | None]) -> tuple[int, int]:
    """The weekday (0 for Monday) and the day of the month a weekday_numbered match gives, in either of its forms."""
    name = groups.get("weekday") or groups.get("short_weekday") or ""
    day = groups.get("day") or groups.get("short_day") or "0"
    return next(i for i, weekday in enumerate(WEEKDAYS) if weekday.startswith(name[:3].lower())), int(day)


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
SEASON_NAMES = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
ORDINAL_WORD = "|".join(ORDINAL_WORDS)  # for patterns: "the (first|second|...) round"
# a day of the war told in words: 'when the conflict enters its nineteenth day'
DAY_ORDINAL_WORDS = (
    *ORDINAL_WORDS, "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
DAY_ORDINAL_WORD = "|".join(DAY_ORDINAL_WORDS)
UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEEN_WORDS = (
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"
)  # fmt: skip
TEN_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS = (
    {"a": 1, "an": 1}
    | {word: n for n, word in enumerate(UNIT_WORDS, 1)}
    | {word: n for n, word in enumerate(TEEN_WORDS, 10)}
    | {"several": 3, "a few": 3, "few": 3}
)
# a count in figures or words, up to 'ninety-nine': "Twenty-one months into the full-scale invasion"
COUNT = (
    rf"\d{{1,3}}|(?:{'|'.join(TEN_WORDS)})(?:[- ](?:{'|'.join(UNIT_WORDS)})\b)?"
    rf"|{'|'.join(TEEN_WORDS)}|{'|'.join(UNIT_WORDS)}|an?"
)


def count_value(text: str) -> int:
    """The number a COUNT match says: '21', 'twenty-one', 'twelve', 'a'."""
    words = re.split(r"[- ]", text.lower())
    if words[0] in TEN_WORDS:
        return 10 * (TEN_WORDS.index(words[0]) + 2) + (NUMBER_WORDS[words[1]] if len(words) > 1 else 0)
    return NUMBER_WORDS.get(words[0]) or int(words[0])


VAGUE_NUMBERS = {"a few", "several"}
NUMBER = r"(?:\d{1,2}|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
PART = r"(?P<part>early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of)"
SPAN_TO = r"(?:and|to|through|till|until|-|–)"  # "from March 28 to 30", "between 11 and 13 March"

# Order matters: the first pattern to claim a span keeps it. The letters say what a sentence must hold for the
# pattern to match at all (the SIGNS below: M a month's name, W a weekday's, D a digit, ...), so that the others
# are not run: most sentences hold few of them, and a pattern run over a sentence costs as much as a dozen signs.
PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, needs, re.compile(pattern, re.I))
    for kind, needs, pattern in (
        (
            "full_date",
            "MD",
            rf"\b(?P<month>{MONTH_NAMES}){AFTER_MONTH}(?P<day>\d{{1,2}})(?:\s*[-–]\s*(?P<day_end>\d{{1,2}}))?(?:st|nd|rd|th)?"
            r"(?:,\s*|\s+)(?P<year>(?:19|20)\d\d)\b",
        ),
        (
            "full_date",
            "MD",
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<day_end>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
            rf"(?P<month>{MONTH_NAMES}),?\s+(?P<year>(?:19|20)\d\d)\b",
        ),
        # 2022-03-29, 2022.03.29, 29.03.2022: numbers only where their order is not in doubt
        ("full_date", "D", r"\b(?P<year>(?:19|20)\d\d)[-./](?P<month_num>[01]\d)[-./](?P<day>[0-3]\d)\b"),
        ("full_date", "D", r"\b(?P<day>[0-3]?\d)\.(?P<month_num>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
        ("full_date", "MD", rf"\b(?P<day>[0-3]?\d)-(?P<month>{MONTH_NAMES})-(?P<year>(?:19|20)\d\d)\b"),  # 30-Mar-2022
        # "on Monday (28)", and a forum's "Yesterday (Wed 20th)"
        (
            "weekday_numbered",
            "WD",
            rf"\b(?P<weekday>{WEEKDAY})\s*\((?P<day>\d{{1,2}})\)"
            rf"|\((?P<short_weekday>{SHORT_WEEKDAY})\.?\s+(?P<short_day>\d{{1,2}})(?:st|nd|rd|th)?\)",
        ),
        (
            "weekday_date",
            "WMD",
            rf"\b(?P<weekday>{WEEKDAY}){PART_OF_DAY},?\s+\(?(?:of\s+)?(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})\b"
            r"(?!,?\s*\d{4})",
        ),
        (
            "weekday_date",
            "WMD",
            rf"\b(?P<weekday>{WEEKDAY}){PART_OF_DAY},?\s+\(?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<month>{MONTH_NAMES})\b(?!,?\s*\d{{4}})",
        ),
        # "On March 29th last year": a day of a year counted from the article's
        (
            "month_day_of_year",
            "MD",
            rf"\b(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:of\s+)?(?P<which>last|this)\s+year\b",
        ),
        # "between June 20 and June 30", "from 11 to 13 March": one span of days, not two days
        (
            "month_day",
            "MD",
            rf"\b(?:between|from)\s+(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{SPAN_TO}\s+"
            r"(?:(?P=month)\s+)?(?P<day_end>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)"
            r"(?!\s*(?:%|percent|million|billion))",
        ),
        (
            "month_day",
            "MD",
            rf"\b(?:between|from)\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{SPAN_TO}\s+(?P<day_end>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\s+(?:of\s+)?(?P<month>{MONTH_NAMES})\b(?!,?\s*(?:19|20)\d\d)",
        ),
        (
            "month_day",
            "MD",
            rf"\b(?P<month>{MONTH_NAMES}){AFTER_MONTH}(?P<day>\d{{1,2}})(?:\s*[-–]\s*(?P<day_end>\d{{1,2}}))?(?:st|nd|rd|th)?\b"
            r"(?!,?\s*(?:19|20)\d\d)(?!\s*(?:%|percent|million|billion))",
        ),
        (
            "month_day",
            "MD",
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<day_end>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
            rf"(?P<month>{MONTH_NAMES})\b(?!,?\s*(?:19|20)\d\d)",
        ),
        ("month_part", "M", rf"\b{PART}[- ](?:in\s+|of\s+)?(?P<month>{MONTH_NAMES})(?:\s+(?P<year>(?:19|20)\d\d))?\b"),
        ("month_part_rel", "P", rf"\b{PART}\s+(?P<which>last|this|next) month\b"),
        (
            "month_span",
            "MD",
            rf"\b(?:between|from)\s+(?P<month>{MONTH_NAMES})\s+(?:and|to|through|until)\s+"
            rf"(?P<month_end>{MONTH_NAMES})\s+(?P<year>(?:19|20)\d\d)\b",
        ),
        ("season", "D", rf"\b(?:the\s+)?(?P<season>{SEASON_NAMES})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b"),
        # "in March 2022", "since March, 2022"
        ("month_year", "MD", rf"\b(?:in\s+)?(?P<month>{MONTH_NAMES}),?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b"),
        # "in June last year", "in June of this year", "last November": a month of a year counted from the article's
        (
            "month_of_year",
            "M",
            rf"\b(?:in|since|by|until|during)\s+(?P<month>{MONTH_NAMES})\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b",
        ),
        (
            "month_last",
            "M",
            r"\blast\s+(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b",
        ),
        (
            "month",
            "M",
            r"\b(?:in|since|by|until|during|through|from)\s+(?P<month>January|February|March|April|June|July|August|September|October|November|December)\b",
        ),
        (
            "coming_period",
            "P",
            r"\b(?:in|over|within) the (?:coming|next) "
            r"(?P<unit>(?:few )?days|week|(?:few )?weeks|month|(?:few )?months)\b",
        ),
        ("earlier_period", "P", r"\b(?:earlier|previously) (?:this|in the) (?P<unit>week|month)\b"),
        ("later_period", "P", r"\blater (?:this|in the) (?P<unit>week|month)\b"),
        # "three years ago today": the day that many years before the article's, which the text goes on telling of
        (
            "years_ago",
            "A",
            rf"\b(?P<n>{NUMBER})\s+years?\s+ago\s+(?:(?P<today>today)|this\s+(?P<unit>week|month)"
            rf"|(?:on\s+)?(?P<weekday>{WEEKDAY}))\b",
        ),
        (
            "past_period",
            "P",
            r"\b(?:over |in |during )?the (?:past|last) (?P<unit>week|month|few days|several days|two weeks)\b",
        ),
        # "late last week": the days of the week the part names ("late last month" is month_part_rel's)
        ("relative_period", "P", rf"\b(?:{PART}\s+)?(?P<which>last|this|next) (?P<unit>week|month|year|weekend)\b"),
        # "Over the weekend, journalists saw the bodies": the weekend just gone, or (told ahead) the coming one
        ("relative_period", "P", r"\b(?:over|during|at) the (?P<unit>weekend)\b(?!\s+of\b)"),
        # "Two years ago, in the first weeks of the invasion, ...", "Two springs ago, ...": the year the text goes on
        # telling of
        # (only opening the sentence: 'inflation rose from a year ago' names no year the story is in)
        (
            "years_back",
            "A",
            rf"^\W*(?P<n>{NUMBER})\s+(?:years?|springs?|summers?|autumns?|falls?|winters?)\s+ago\b(?=\s*,)",
        ),
        ("ago", "A", rf"\b(?P<n>{NUMBER})\s+(?P<unit>days?|weeks?|months?)\s+ago\b"),
        (
            "weekday",
            "W",
            rf"\b(?:(?P<prep>on|this|last|next|from|by|until|since|as early as|before|after|spent|on the night of)\s+)?(?P<weekday>{WEEKDAY})(?:\s+(?P<time>night|morning|evening|afternoon))?\b"  # noqa: E501
            rf"(?!,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAMES}|,?\s+{MONTH_NAMES}\s+\d"
            # (nor its date in brackets: 'on Saturday (May 21, 2022)', 'on Friday (1.4.2022)')
            rf"|\s*\((?:{MONTH_NAMES}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAMES}|\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)\d\d))",
        ),
        (
            "day_word",
            "Y",
            r"\b(?P<word>yesterday|today|tomorrow|tonight|this (?:morning|afternoon|evening)"
            r"|(?:earlier|later) today)\b",
        ),
        (
            "same_day",
            "T",
            r"\b(?:the same day|earlier (?:in )?(?:the|that) day"
            r"|later (?:in )?(?:the|that) day|that day|the next day"
            r"|the following day|the day before|the previous day|a day earlier"
            r"|at (?:almost |about |nearly )?the same hour)\b",  # "At almost the same hour, ...": that day
        ),
        # "that night", "three days later": from the date told before it, as "the next day" is
        (
            "days_later",
            "L",
            # (not 'said that night attacks had killed 20': 'that' opening what was said)
            r"\b(?<!said )(?<!says )(?<!added )(?<!warned )(?<!claimed )(?<!reported )(?<!announced )"
            r"(?:that (?:night|evening|morning|afternoon)"
            rf"|(?P<n>{COUNT}) (?P<unit>day|week)s? (?:later|afterwards))\b",
        ),
        ("since_then", "S", r"\bsince then\b"),
        ("year", "D", r"\b(?:in|since|by|of|from)\s+(?P<year>(?:19|20)\d\d)\b"),
    )
)
# with no date before it, "earlier in the day" is the article's own day
SAME_DAY_AS_TODAY = re.compile(r"(?:earlier|later) (?:in )?the day", re.I)
# how far ahead "in the coming ..." reaches, in days
COMING_DAYS = {"days": 7, "few days": 5, "week": 7, "weeks": 21, "few weeks": 21}
COMING_DAYS |= {"month": 31, "months": 92, "few months": 92}
# Every pattern above needs one of these: a sentence without any has no time expression to look for.
TIME_WORD = re.compile(
    rf"\d|\b(?:{MONTH_NAMES}|{WEEKDAY}|yesterday|today|tomorrow|tonight|this (?:morning|afternoon|evening)|week"
    r"|weekend|month|year|ago|since then|day|coming|same hour|that (?:night|evening|morning|afternoon))",
    re.I,
)
NAMED_MONTH = re.compile(rf"\b(?:{MONTH_NAMES})", re.I)
NAMED_WEEKDAY = re.compile(rf"\b{WEEKDAY}", re.I)
DIGIT = re.compile(r"\d")
# what each letter of PATTERNS' second field asks a sentence to hold: a word every match of the pattern contains
SIGNS = {
    "M": NAMED_MONTH,
    "W": NAMED_WEEKDAY,
    "D": DIGIT,
    "P": re.compile(r"week|month|year|days", re.I),  # a period: 'last week', 'in the coming days'
    "A": re.compile(r"ago", re.I),
    "Y": re.compile(r"yesterday|today|tomorrow|tonight|this (?:morning|afternoon|evening)", re.I),
    "T": re.compile(r"day|same hour", re.I),  # 'the same day', 'at the same hour'
    "L": re.compile(r"later|afterwards|that (?:night|evening|morning|afternoon)", re.I),
    "S": re.compile(r"since then", re.I),
}
QUOTED = re.compile(r"[\"“][^\"“”]{3,}?[\"”]|‘[^‘’]{12,}?’")
SOON_DAYS = 62  # a year-less day this soon after the article is more likely meant than the one a year before it
YEAR_AGO_DAYS = 300  # ... when that one lies more than this far back
PAST_TOLD_AHEAD_DAYS = 31  # ... unless told in the past tense and more than this far ahead
WEEKDAY_DATE_DAYS = 120  # how far from the article a weekday with its date may lie the other way than the tense says
REPORTED_THAT = re.compile(r"\bthat\b", re.I)
# "are expected to resume ... after Monday's session was paused": that Monday's session is told in the past
POSSESSIVE_PAST = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}(?:was|were|had|did)\b", re.I)
PAST_VERB = re.compile(r"\b(?:had|was|were|did)\b", re.I)
DAY_OPENING = re.compile(r"(?:[^,;]{1,60},\s*)?(?:on|by)?\s*", re.I)  # what may come before a fronted day
# a verb in the past tense: the auxiliaries, common irregular verbs of news, and regular ones
PAST_TENSE = re.compile(
    r"\b(?:had|was|were|did|met|held|took|began|sat|made|gave|went|came|saw|left|told|said|sent|won|lost|"
    r"broke|fell|struck|brought|fought|flew|ran|spoke|wrote|led|drew|withdrew|found|got|kept|stood|"
    r"\w{2,}ed)\b",
    re.I,
)
SINCE_WORD = re.compile(r"\bsince\b", re.I)
DAY_THE_CLAUSE_DEFINES = re.compile(r"(?<!\bsaid )(?<!\bsays )(?<!\btold )(?<!\bwrote )\bon\s+$", re.I)
CLAUSE_AFTER = re.compile(r"\s+(?:that|when|as|on which)\b", re.I)
SAID_REACH = 40  # how far before the time words were said on their verb may stand
SAID_JUST_BEFORE = re.compile(
    r"\b(?:said|told(?: [\w-]+){0,2}|wrote|announced|stated)\s+(?:(?:on|in|at|during|late|early)\s+)?$", re.I
)
AFTER_A_HAPPENING = re.compile(r"\bafter (?:a|an|the|his|her|their|its)\b", re.I)  # "after a phone call on Sunday"
BY_CLAUSE_REACH = 60  # characters after 'by mid-May' (within a sentence) in which its clause's verb tells the tense
CLAUSE_END = re.compile(r"[,;:]")
DAY_WORD = re.compile(rf"(?:{MONTH_NAMES}|{WEEKDAY}|\d)\W*$", re.I)  # 'mid-May', 'Friday', '15th
FRONTED_DAY = re.compile(r"[^,;]{1,25},\s+")  # "On Saturday, " opening a sentence
FRONTED_FUTURE_REACH = 40  # characters after it within which the clause's verb comes: "Ukrainians will mark"
TOLD_OR_DONE = re.compile(r"\b(?:said|says|told|tells|\w+ed|that|which|who)\b", re.I)
FORWARD_PREPOSITIONS = {"from", "next", "by", "until", "as early as"}
WEEK_PART_DAYS = {"early": (0, 2), "beginning": (0, 2), "start": (0, 2), "mid": (1, 3), "late": (3, 6), "end": (4, 6)}
PART_DAYS = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, 31),
    "the end of": (24, 31),
    "end of": (24, 31),
    "the beginning of": (1, 7),
    "beginning of": (1, 7),
    "the start of": (1, 7),
    "start of": (1, 7),
}


@lru_cache(maxsize=256)
def month_number(name: str) -> int:
    """The month of a name such as 'Feb.' or 'September' (dateparser normalises the spelling)."""
    parsed = dateparser.parse(f"1 {name.rstrip('.')} 2001", languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise ValueError(f"not a month: {name}")
    return parsed.month


def month_range(year: int, month: int) -> DateRange:
    return DateRange(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")


def week_of(day: date) -> DateRange:
    monday = day - timedelta(days=day.weekday())
    return DateRange(monday, monday + timedelta(days=6), "week")


def weekday_on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_on_or_after(ref: date, weekday: int) -> date:
    return ref + timedelta(days=(weekday - ref.weekday()) % 7)


def nearest_year(month: int, day: int, ref: date, forward: bool) -> date | None:
    """The month/day in the year that makes it the nearest past (or, looking forward, future) day."""
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if forward:
        later = [c for c in candidates if c >= ref]
        return min(later) if later else None
    earlier = [c for c in candidates if c <= ref]
    return max(earlier) if earlier else None


CLAUSE_REACH = 1000  # characters: longer than any clause before its day


WEEKDAY_JUST_BEFORE_COMMA = re.compile(rf"\b{WEEKDAY},$", re.I)
WEEKDAY_APPOSITION_CHARS = 12  # 'Wednesday,'


def looks_forward(sentence: str, start: int, prep: str | None) -> bool:
    """Whether the clause around a weekday or month looks ahead ('is due to', 'will', 'from Tuesday')."""
    if prep and prep.lower() == "by":
        # "By Wednesday, the mood had cooled", "but by mid-May negotiators were saying ...": told in the past, a
        # day already passed; "a deal by Friday", "will decide by May": a deadline to come
        return not _clause_after_told_in_the_past(sentence, start)
    if prep and prep.lower() in FORWARD_PREPOSITIONS:
        return True
    if prep and prep.lower() in {"last", "since", "spent"}:
        return False
    if not sentence[:start].strip() and (fronted := FRONTED_DAY.match(sentence, start)):
        # "On Saturday, Ukrainians will mark two years since ...": the clause after a fronted day looks ahead
        # (not "On Monday, officials said they would ...")
        # the clause's own verb: not one in a clause within it ("the talks, which will resume next week, were ...")
        clause = CLAUSE_END.split(sentence[fronted.end() : fronted.end() + FRONTED_FUTURE_REACH], 1)[0]
        ahead = cues().future.search(clause)
        return ahead is not None and not TOLD_OR_DONE.search(clause, 0, ahead.start())
    # (a clause's words before the day, no further back than a clause reaches: a sentence of thousands of dates
    # would otherwise be read again for each)
    clause_start = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start), start - CLAUSE_REACH, 0)
    if not sentence[clause_start + 1 : start].strip() and WEEKDAY_JUST_BEFORE_COMMA.search(
        sentence, max(0, clause_start - WEEKDAY_APPOSITION_CHARS), clause_start + 1
    ):
        # 'to be held in Istanbul on next Monday, June 2, 2025': a date in apposition to a weekday is in its clause
        before = clause_start
        clause_start = max(sentence.rfind(",", 0, before), sentence.rfind(";", 0, before), start - CLAUSE_REACH, 0)
    window = sentence[clause_start:start]
    future = [m.end() for m in cues().future.finditer(window)]
    # "will say what had been agreed on March 29": a past verb after the future one dates the past, and so does
    # "since" ("will sit down for the first time since their third round on March 7")
    # and so does what came before the plan ("agreed to meet near the border after a phone call on Sunday")
    return bool(future) and not any(
        pattern.search(window, future[-1]) for pattern in (PAST_VERB, SINCE_WORD, AFTER_A_HAPPENING)
    )


def inside_quote(sentence: str, start: int) -> bool:
    return any(m.start() < start < m.end() for m in QUOTED.finditer(sentence))


def _resolve_part(part: str, year: int, month: int) -> DateRange:
    first, last = PART_DAYS[part.lower()]
    last = min(last, calendar.monthrange(year, month)[1])
    return DateRange(date(year, month, first), date(year, month, last), "range")


DEADLINE_BEFORE = re.compile(r"\b(?:before|by|until|till)\s+(?:the\s+)?$", re.I)


def _clause_after_told_in_the_past(sentence: str, start: int) -> bool:
    """Whether the clause of a day after 'by' is told in the past ('By Wednesday, the mood had cooled', 'but by
    mid-May negotiators were saying ...'), so that the day has gone by, not one to come ('a deal by Friday')."""
    opening = not DEADLINE_BEFORE.sub("", sentence[:start]).strip()  # 'By mid-May, ...' opens the sentence
    if opening:
        # the sentence after the fronted day ('By mid-May, Podolyak, one of the negotiators, was saying ...'), not an
        # attribution closing it ('By Friday, the delegations want to meet again, Peskov told reporters')
        parts = CLAUSE_END.split(sentence[start:])
        if len(parts) > 2 and cues().said.search(parts[-1]):
            parts = parts[:-1]
        after = "".join(parts)
    else:
        after = CLAUSE_END.split(sentence[start : start + BY_CLAUSE_REACH], 1)[0]
    past = min(filter(None, (PAST_VERB.search(after), cues().said.search(after))), key=re.Match.start, default=None)
    if past is None or cues().future.search(after):
        return False
    # the day is the verb's subject's deadline when the verb follows it at once ('a deal by mid-May was possible')
    before_verb = after[: past.start()].split()
    return opening or not (before_verb and DAY_WORD.search(before_verb[-1]))


def _fronted_day_of_a_past_clause(sentence: str, start: int) -> bool:
    """'On Feb. 28, the two delegations met on the border', 'Four days after the invasion, on Feb. 28, they met': a
    day opening the sentence (after a phrase of its own, perhaps), whose clause is told in the past, is gone by."""
    if not DAY_OPENING.fullmatch(sentence[:start]) or not (fronted := FRONTED_DAY.match(sentence, start)):
        return False
    clause = CLAUSE_END.split(sentence[fronted.end() : fronted.end() + FRONTED_FUTURE_REACH], 1)[0]
    return bool(PAST_TENSE.search(clause)) and not cues().future.search(clause)


def _deadline_ahead(sentence: str, start: int, month: int, ref: date) -> bool:
    """'before the end of August' in May is this August, not last year's: a deadline whose month, read
    backwards, would lie more than two months back looks ahead, unless its clause is told in the past."""
    return (
        bool(DEADLINE_BEFORE.search(sentence[:start]))
        and (ref.month - month) % 12 > 2
        and not _clause_after_told_in_the_past(sentence, start)
    )


def _month_year(month: int, ref: date, forward: bool) -> int:
    if forward:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _count(word: str) -> int:
    """'three', '3', 'a': how many."""
    return NUMBER_WORDS.get(word) or (int(word) if word.isdigit() else 1)


def _years_ago(g: dict[str, str | None], ref: date) -> tuple[DateRange | None, bool, str]:
    """'three years ago today' (that day), 'a year ago Thursday' (that Thursday's date a year before), 'two years
    ago this week' (that week), '... this month' (that month)."""
    n = str(g["n"]).lower()
    if n in VAGUE_NUMBERS:
        return None, False, ""  # "several years ago this month": no year to count back to
    years = _count(n)
    if weekday := g.get("weekday"):
        ref = weekday_on_or_before(ref, WEEKDAYS.index(weekday.lower()))
    try:
        then = ref.replace(year=ref.year - years)
    except ValueError:  # February 29
        then = ref.replace(year=ref.year - years, day=28)
    span = f"{years} year{'s' if years != 1 else ''}"
    if g.get("today") or g.get("weekday"):
        return (
            DateRange(then, then, "day"),
            False,
            f"{span} to the day before the article's {g.get('weekday') or 'day'}",
        )
    if g.get("unit") == "week":
        return week_of(then), False, f"the same week {span} before the article"
    return month_range(then.year, then.month), False, f"the same month {span} before the article"


def resolve(
    kind: str, m: re.Match[str], sentence: str, ref: date, context: DateRange | None, ref_is_published: bool = False
) -> tuple[DateRange | None, bool, str]:
    """The range a matched expression allows, whether it looks forward, and how it was read."""
    g = m.groupdict()
    forward = False
    if kind == "full_date":
        try:
            month = int(g["month_num"]) if g.get("month_num") else month_number(g["month"])
            day = date(int(g["year"]), month, int(g["day"]))
            last = day.replace(day=int(g["day_end"])) if g.get("day_end") else day
        except ValueError:
            return None, False, ""  # "February 30": not a day
        # "the forum, which will be held on 11-13 March 2022": a date to come, not one the article is after
        forward = looks_forward(sentence, m.start(), None)
        if last > day:
            return DateRange(day, last, "range"), forward, "explicit dates"
        return DateRange(day, day, "day"), forward, "explicit date"
    if kind in {"month_day", "weekday_date"}:
        forward = looks_forward(sentence, m.start(), None)
        try:
            found = nearest_year(month_number(g["month"]), int(g["day"]), ref, forward)
        except ValueError:
            return None, False, ""
        if (
            ref_is_published
            and kind == "weekday_date"
            and found is not None
            and found.weekday() != WEEKDAYS.index(g["weekday"].lower())
        ):
            # "had agreed to meet on Thursday, March 10": the weekday says which of the two it is
            other = nearest_year(month_number(g["month"]), int(g["day"]), ref, not forward)
            if other is not None and abs((other - ref).days) <= WEEKDAY_DATE_DAYS:
                found, forward = other, not forward
        if found is None:
            return None, False, ""
        how = f"year taken from the article's date ({ref.isoformat()})"
        day_end = g.get("day_end") if kind == "month_day" else None
        if day_end and int(day_end) > found.day:  # "March 29-30": both days, as a range
            try:
                return DateRange(found, found.replace(day=int(day_end)), "range"), forward, how
            except ValueError:
                return None, False, ""
        return DateRange(found, found, "day"), forward, how
    if kind == "weekday_numbered":
        weekday, target_day = numbered_weekday(g)
        for offset in range(-10, 11):
            cand = ref + timedelta(days=offset)
            if cand.weekday() == weekday and cand.day == target_day:
                return DateRange(cand, cand, "day"), offset > 0, "weekday with its day of the month"
        return None, False, ""
    if kind == "month_part":
        month = month_number(g["month"])
        forward = looks_forward(sentence, m.start(), None) or _deadline_ahead(sentence, m.start(), month, ref)
        year = int(g["year"]) if g.get("year") else _month_year(month, ref, forward)
        return _resolve_part(g["part"], year, month), forward, f"'{g['part']}' of the month"
    if kind == "month_part_rel":
        shift = {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        first = (ref.replace(day=1) + timedelta(days=32 * shift)).replace(day=1) if shift else ref.replace(day=1)
        if shift < 0:
            first = (ref.replace(day=1) - timedelta(days=1)).replace(day=1)
        return _resolve_part(g["part"], first.year, first.month), shift > 0, "part of a month"
    if kind == "month_span":
        year, opening, closing = int(g["year"]), month_number(g["month"]), month_number(g["month_end"])
        if opening > closing:
            return None, False, ""
        months = DateRange(month_range(year, opening).start, month_range(year, closing).end, "range")
        return months, False, "months and year"
    if kind == "season":
        opening, closing = SEASONS[g["season"].lower()]
        year = int(g["year"])
        begins = date(year - 1 if opening > closing else year, opening, 1)  # "the winter of 2022": from December 2021
        return DateRange(begins, month_range(year, closing).end, "range"), False, "season and year"
    if kind == "month_year":
        return month_range(int(g["year"]), month_number(g["month"])), False, "month and year"
    if kind == "month_day_of_year":
        year = ref.year - (1 if g["which"].lower() == "last" else 0)
        try:
            day = date(year, month_number(g["month"]), int(g["day"]))
        except ValueError:
            return None, False, ""
        return DateRange(day, day, "day"), day > ref, f"a day of {g['which'].lower()} year"
    if kind == "month_of_year":
        year = ref.year + {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        rng = month_range(year, month_number(g["month"]))
        return rng, rng.start > ref, f"month of {g['which'].lower()} year"
    if kind == "month_last":
        month = month_number(g["month"])
        return month_range(ref.year if month < ref.month else ref.year - 1, month), False, "the last such month"
    if kind == "month":
        month = month_number(g["month"])
        forward = looks_forward(sentence, m.start(), None) or _deadline_ahead(sentence, m.start(), month, ref)
        return month_range(_month_year(month, ref, forward), month), forward, "month named without a year"
    if kind == "earlier_period":
        start = week_of(ref).start if g["unit"].lower() == "week" else ref.replace(day=1)
        end = max(start, ref - timedelta(days=1))
        return DateRange(start, end, "range"), False, f"earlier in the {g['unit']} of the article"
    if kind == "coming_period":
        days = COMING_DAYS[g["unit"].lower()]
        return DateRange(ref + timedelta(days=1), ref + timedelta(days=days), "range"), True, f"the coming {g['unit']}"
    if kind == "later_period":
        end = week_of(ref).end if g["unit"].lower() == "week" else month_range(ref.year, ref.month).end
        return DateRange(min(ref + timedelta(days=1), end), end, "range"), True, f"later in the {g['unit']}"
    if kind == "past_period":
        span = {"week": 7, "month": 30, "few days": 4, "several days": 5, "two weeks": 14}[g["unit"].lower()]
        return DateRange(ref - timedelta(days=span), ref, "range"), False, f"the past {g['unit']}"
    if kind == "relative_period":
        which = g.get("which") or ("this" if looks_forward(sentence, m.start(), None) else "last")
        period, ahead, how = _relative_period(which.lower(), g["unit"].lower(), ref)
        if g["unit"].lower() == "weekend" and which.lower() == "this" and ref.weekday() >= 5:
            # the weekend the article is written in: to come or gone by as the clause tells ('will be held', 'met')
            ahead = looks_forward(sentence, m.start(), None)
        elif which.lower() == "this" and g["unit"].lower() in {"week", "month"}:
            # "will meet ... this week": the days of it still to come ("met this week": those gone by)
            ahead = looks_forward(sentence, m.start(), None)
        if period is not None and g.get("part") and g["unit"].lower() == "week":
            from_day, to_day = WEEK_PART_DAYS[g["part"].lower().removeprefix("the ").removesuffix(" of")]
            period = DateRange(period.start + timedelta(days=from_day), period.start + timedelta(days=to_day), "range")
            how = f"'{g['part']}' {how}"
        return period, ahead, how
    if kind == "ago":
        n = NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            day = ref - timedelta(days=n)
            return DateRange(day, day, "day"), False, f"{n} days before the article"
        if unit == "week":
            mid = ref - timedelta(days=7 * n)
            return DateRange(mid - timedelta(days=3), mid + timedelta(days=3), "week"), False, "weeks ago"
        if unit == "month":
            mid = ref - timedelta(days=30 * n)
            return DateRange(mid - timedelta(days=10), mid + timedelta(days=10), "month"), False, "months ago"
        return None, False, ""
    if kind == "years_ago":
        return _years_ago(g, ref)
    if kind == "years_back":
        counted = str(g["n"]).lower()
        if counted in VAGUE_NUMBERS:
            return None, False, ""
        year = ref.year - _count(counted)
        return DateRange(date(year, 1, 1), date(year, 12, 31), "year"), False, f"'{m.group(0)}' (the year {year})"
    if kind == "weekday":
        return _resolve_weekday(g, m, sentence, ref, context)
    if kind == "day_word":
        offset = {"yesterday": -1, "tomorrow": 1}.get(g["word"].lower(), 0)  # this morning, later today: today
        day = ref + timedelta(days=offset)
        forward = offset > 0 or g["word"].lower().startswith("later")
        return DateRange(day, day, "day"), forward, g["word"].lower()
    if (
        kind == "same_day"
        and DAY_THE_CLAUSE_DEFINES.search(sentence, 0, m.start())
        and CLAUSE_AFTER.match(sentence, m.end())
    ):
        # "to be held on the same day that the final version is pre-approved": a day the clause defines, not one told
        # before (but "Podolyak said on the same day that he expected results": the day told before, and his words)
        return None, False, ""
    if kind == "same_day" and context is None and SAME_DAY_AS_TODAY.fullmatch(m.group(0)):
        return DateRange(ref, ref, "day"), False, "earlier or later on the article's day"
    if kind == "same_day" and context is not None:
        text = m.group(0).lower()
        if "next" in text or "following" in text:
            day = context.start + timedelta(days=1)
            return DateRange(day, context.end + timedelta(days=1), context.precision), False, "the day after"
        if "before" in text or "previous" in text or text == "a day earlier":
            return (
                DateRange(context.start - timedelta(days=1), context.end - timedelta(days=1), context.precision),
                False,
                "the day before",
            )
        return context, False, "the same day as the date before it"
    if kind == "days_later" and context is not None:
        if not g.get("n"):
            return context, False, "the same day as the date before it"
        n = count_value(g["n"])
        if g["unit"].lower() == "week":  # 'a week later': about so many weeks, a day either way
            start, end = context.start + timedelta(weeks=n, days=-1), context.end + timedelta(weeks=n, days=1)
            return DateRange(start, end, "range"), False, f"{n} week(s) after the date before it"
        shifted = DateRange(context.start + timedelta(days=n), context.end + timedelta(days=n), context.precision)
        return shifted, False, f"{n} day(s) after the date before it"
    if kind == "since_then" and context is not None and context.end < ref:
        return DateRange(context.end + timedelta(days=1), ref, "range"), False, "since the date before it"
    if kind == "year":
        year = int(g["year"])
        return DateRange(date(year, 1, 1), date(year, 12, 31), "year"), False, "year"
    return None, False, ""


def _relative_period(which: str, unit: str, ref: date) -> tuple[DateRange | None, bool, str]:
    if unit == "week":
        base = week_of(ref)
        shift = {"last": -7, "this": 0, "next": 7}[which]
        rng = DateRange(base.start + timedelta(days=shift), base.end + timedelta(days=shift), "week")
        return rng, which == "next", f"{which} week"
    if unit == "weekend":
        if which == "this" and ref.weekday() >= 5:
            # written on a Saturday or Sunday: 'this weekend' is the one the article is written in
            saturday = weekday_on_or_before(ref, 5)
            return DateRange(saturday, saturday + timedelta(days=1), "range"), False, "this weekend (the article's)"
        saturday = weekday_on_or_before(ref, 5) if which == "last" else weekday_on_or_after(ref, 5)
        return DateRange(saturday, saturday + timedelta(days=1), "range"), which != "last", f"{which} weekend"
    if unit == "month":
        first = ref.replace(day=1)
        if which == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        elif which == "next":
            first = (first + timedelta(days=32)).replace(day=1)
        return month_range(first.year, first.month), which == "next", f"{which} month"
    if unit == "year":
        year = ref.year + {"last": -1, "this": 0, "next": 1}[which]
        return DateRange(date(year, 1, 1), date(year, 12, 31), "year"), which == "next", f"{which} year"
    return None, False, ""


def _resolve_weekday(
    g: dict, m: re.Match[str], sentence: str, ref: date, context: DateRange | None
) -> tuple[DateRange | None, bool, str]:
    weekday = WEEKDAYS.index(g["weekday"].lower())
    prep = (g.get("prep") or "").lower() or None
    if context is not None and context.precision == "week" and context.days >= 7:
        # "said last week that ... on Friday": the Friday of that week
        day = weekday_on_or_after(context.start, weekday)
        if day <= context.end:
            return DateRange(day, day, "day"), False, "weekday within the week named before it"
    if prep == "last":
        day = weekday_on_or_before(ref - timedelta(days=1), weekday)
        return DateRange(day, day, "day"), False, "last weekday before the article"
    if prep == "next":
        day = weekday_on_or_after(ref + timedelta(days=1), weekday)
        return DateRange(day, day, "day"), True, "next weekday after the article"
    if looks_forward(sentence, m.start(), prep) and not POSSESSIVE_PAST.match(sentence, m.end()):
        day = weekday_on_or_after(ref, weekday)
        if prep == "by":
            return DateRange(ref, day, "range"), True, "by a weekday: no later than it"
        return DateRange(day, day, "day"), True, "the coming weekday (the sentence looks ahead)"
    day = weekday_on_or_before(ref, weekday)
    return DateRange(day, day, "day"), False, "the latest such weekday up to the article's date"


NARRATIVE_YEARS_BACK = 3  # a year named this long before the article's may be the year its background is told in
OWN_NEWS_DAYS = 14  # a day without its year this close to the article is its own news, whatever was told before
STORY_STEP_DAYS = 92  # a story told in order moves on by weeks, not by years
OF_THIS_YEAR = re.compile(r",?\s+(?:of\s+)?this\s+year\b", re.I)
NEWS_HORIZON_DAYS = 60  # a month and day this recent is this year's news, whatever year was named before it
YEARLESS_KINDS = {"month_day", "weekday_date", "month_part", "month"}  # a month named without its year
# what sets the year a narrative is in
COUNTED_BACK_KINDS = {"month_day_of_year", "month_of_year"}  # "on March 10 last year", "in June last year"
EXPLICIT_YEAR_KINDS = {
    "full_date",
    "month_year",
    "month_span",
    "season",
    "years_ago",
    "years_back",
    *COUNTED_BACK_KINDS,
}
SINCE_JUST_BEFORE = re.compile(r"\bsince\s+$", re.I)
SINCE_REACH = 16  # 'since' and the spaces after it: all of the sentence before a date need not be read
# "invoking Pearl Harbor and the Sept. 11 attacks": a happening named by its day, not a date the text tells of
NAMED_BY_ITS_DAY = re.compile(r"\s+(?:terror(?:ist)? )?attacks\b", re.I)
THE_JUST_BEFORE = re.compile(r"\bthe\s+$", re.I)
BARE_YEAR_KINDS = {"year", "years_back"}  # a whole year named ('in 2014', 'two years ago'): background, no event's date


YEAR_DIGITS = re.compile(r"\b(?:19|20)\d\d\b")
FULL_DATE_YEAR = re.compile(
    rf"(?:(?P<month>{MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_after>{MONTH_NAMES}),?\s+)"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
LIST_REACH = 120  # characters from a year-less day to the full date that ends its list
LIST_DAYS = 62  # how far before the list's last date its other days may lie
# what may stand between a listed day and the list's last date: other days, commas, 'and', and where each was
# ('..., and in the Belovezhskaya Pushcha on March 3 and'), but no verb or other words ('Russia and Ukraine had')
# (possessive, and a capitalised word, month names included, read by one branch only: a long run of names that
# fails to match gives up at once instead of trying every way of splitting it)
LIST_BETWEEN = re.compile(
    # ... and the span's other end: "28 February – 17 May 2022", "from 28 February to 17 May 2022"
    r"(?:\b[A-Z][\w'’.-]*|[\s,–—-]+|\b(?:and|to|through|until|on|in|at|near|the|then|finally|region)\b"
    r"|\d{1,2}(?:st|nd|rd|th)?\b)*+"
)
SPAN_DAYS = 366  # a span's start is less than a year before its end
LIST_LINK = re.compile(r" and |\s[–—-]\s|\b(?:to|through|until)\b")  # a list's 'and', a span's dash or 'to'
YEAR_NAMED = re.compile(r"\b((?:19|20)\d\d)\b")
THAT_YEAR_AFTER = re.compile(r",?\s*(?:of )?that year\b", re.I)
YEARS_AGO_AFTER = re.compile(
    rf",?\s*(?P<qual>more than|over|nearly|almost|about|some|just over)?\s*(?P<n>{NUMBER})\s+years?\s+ago\b", re.I
)


def _years_back(rng: DateRange, ago: re.Match[str], ref: date) -> DateRange:
    """The month and day of `rng` in the year that lies `n` years before ref ('more than three years ago': the
    year before that, if the day would otherwise come less than three years back)."""
    years = _count(ago.group("n").lower())
    year = ref.year - years
    qualifier = (ago.group("qual") or "").lower()
    if qualifier in {"more than", "over", "just over"} and (rng.start.month, rng.start.day) > (ref.month, ref.day):
        year -= 1  # "more than three years ago", told in May of a March day: three years and some
    if qualifier in {"nearly", "almost"} and (rng.start.month, rng.start.day) <= (ref.month, ref.day):
        year += 1  # "almost three years ago", told in June of a March day: two years and some
    try:
        start = rng.start.replace(year=year)
        end = rng.end.replace(year=year)
    except ValueError:  # February 29
        return rng
    return DateRange(start, end, rng.precision)


def sets_narrative_year(kind: str, sentence: str, start: int, year: int, ref: date) -> bool:
    """Whether a date sets the year the text goes on telling of: a full date does, but not the start of a state
    of things ('under house arrest since May 2021'), nor a year long before ('in December 1991')."""
    return (
        kind in EXPLICIT_YEAR_KINDS
        and ref.year - year <= NARRATIVE_YEARS_BACK
        and not SINCE_JUST_BEFORE.search(sentence, max(0, start - SINCE_REACH), start)
    )


def _told_in_the_present(told_just_before: TimeMention | None, ref: date, days_back: int) -> bool:
    """Whether the text, having just told of days of the article's own year, goes on in it: 'Zelensky spoke on
    Monday. ... Putin proposed talks on May 11' is this May, not one of the year the text told of further up; a day
    more than some months back is of that year ('last Friday ... The high point came on March 29', in November)."""
    return told_just_before is not None and told_just_before.range.end.year == ref.year and days_back <= YEAR_AGO_DAYS


def _story_goes_on(told_just_before: TimeMention | None, told_year: int) -> bool:
    """Whether the date told just before was in the year the text tells of (one with that year, one without a
    year read in it, 'the same day' as one of them), not in the article's own days."""
    return told_just_before is not None and told_just_before.range.end.year == told_year


def _in_year_of_list(sentence: str, end: int, rng: DateRange) -> DateRange | None:
    """A year-less day in the year of the full date that ends the list or span it is in ('in the Gomel region on
    February 28, and in the Belovezhskaya Pushcha on March 3 and March 7, 2022', '28 February – 17 May 2022'): the
    days listed before it, in order, share it."""
    last = FULL_DATE_YEAR.search(sentence, end, end + LIST_REACH)
    if last is None or not LIST_BETWEEN.fullmatch(sentence, end, last.start()):
        return None
    link = LIST_LINK.search(sentence, end, last.start())
    if link is None:
        return None
    reach = LIST_DAYS if link.group(0) == " and " else SPAN_DAYS
    year = int(last.group("year"))
    with suppress(ValueError):  # February 29, or a day no month has
        month = month_number(last.group("month") or last.group("month_after"))
        last_day = date(year, month, int(last.group("day") or last.group("day_first")))
        listed = DateRange(rng.start.replace(year=year), rng.end.replace(year=year), rng.precision)
        if 0 <= (last_day - listed.start).days <= reach:
            return listed
    return None


def _in_narrative_year(
    kind: str, m: re.Match[str], sentence: str, ref: date, narrative_year: int
) -> tuple[DateRange | None, bool, str]:
    """A year-less date in the year the text's last full date is in ("On March 29, 2022, ... through April"),
    when that is a year before the article's and the date is no later than the article."""
    if OF_THIS_YEAR.match(sentence, m.end()):
        return None, False, ""  # "on 11 April this year": the article's year, whatever year the text told before
    rng, _, _ = resolve(kind, m, sentence, date(narrative_year, 12, 31), None)
    if rng is None or rng.end > ref or rng.start.year != narrative_year:
        return None, False, ""
    if kind == "weekday_date" and rng.start.weekday() != WEEKDAYS.index(m.group("weekday").lower()):
        return None, False, ""  # "Friday, May 16" is of a year in which the 16th is a Friday
    return rng, False, f"year taken from the year the text tells of ({narrative_year})"


@lru_cache(maxsize=4096)
def spot_time_expressions(sentence: str, skip_quotes: bool = True) -> tuple[tuple[str, re.Match[str]], ...]:
    """The time expressions in a sentence, by kind, in reading order, before any is resolved: the same for
    every date the sentence is read against (an article is read against several while it is being dated)."""
    if not TIME_WORD.search(sentence):
        return ()
    present = "".join(letter for letter, sign in SIGNS.items() if sign.search(sentence))
    claimed = _Spans()  # what earlier patterns matched: a later one may not overlap it
    quotes = _Spans([(q.start(), q.end()) for q in QUOTED.finditer(sentence)] if skip_quotes else [])
    found: list[tuple[str, re.Match[str]]] = []
    for kind, needs, pattern in PATTERNS:
        if any(letter not in present for letter in needs):
            continue
        for m in pattern.finditer(sentence):
            if claimed.overlaps(m.start(), m.end()) or quotes.strictly_inside(m.start()):
                continue
            claimed.add(m.start(), m.end())
            found.append((kind, m))
    found.sort(key=lambda item: item[1].start())
    return tuple(found)


def _said_on(mentions: list[TimeMention], sentence: str, at: int, ref: date) -> date | None:
    """The last day of the time words were said on, told earlier in the sentence ('said in April that', 'In July,
    Arakhamia said'), when that is before `ref`."""
    said = next((m for m in reversed(mentions) if not m.forward), None)
    if said is None or said.range.end >= ref or said.range.precision == "year":
        return None
    # the verb just before the time ('said on March 1 that', 'told reporters in April'), or the time opening the
    # sentence before it ('In July, Arakhamia said'): not another happening's time ('the talks, which began on
    # Monday, would continue on Tuesday')
    verb_before = SAID_JUST_BEFORE.search(sentence, max(0, said.start - SAID_REACH), said.start)
    fronted = not sentence[: said.start].strip(" \"“'‘(") and cues().said.search(sentence, said.end, at)
    return said.range.end if verb_before or fronted else None


class _Spans:
    """Spans of a text that do not overlap, kept in order: whether a span overlaps one of them, or a place lies
    inside one, is found by bisection (a sentence of thousands of dates would otherwise take quadratic time)."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.starts = [start for start, _ in spans or []]
        self.ends = [end for _, end in spans or []]

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self.starts, start)
        return (at > 0 and self.ends[at - 1] > start) or (at < len(self.starts) and self.starts[at] < end)

    def strictly_inside(self, place: int) -> bool:
        at = bisect.bisect_left(self.starts, place)  # a span starting before the place
        return at > 0 and place < self.ends[at - 1]

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_right(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def find_time_mentions(
    sentence: str,
    ref: date,
    context: DateRange | None = None,
    *,
    skip_quotes: bool = True,
    narrative: bool = False,
    narrative_year: int | None = None,
    ref_is_published: bool = False,
    told_just_before: TimeMention | None = None,
    months_in_narrative: bool = True,
) -> list[TimeMention]:
    """Every time expression in sentence, resolved against ref, in reading order.

    A week-long range found earlier in the sentence becomes the context of a later weekday. In a
    `narrative` (a retrospective telling of an earlier year), a month named without a year is in the year of
    the last full date (`narrative_year`, then the sentence's own), when that is before ref's. With
    `ref_is_published` (ref being the article's known date, not a probe), a month and day told in the past
    tense that would lie almost a year back, but within two months ahead the other way, is the one ahead, and
    a weekday with its date ('Thursday, March 10') is in the year whose calendar fits it. A month and day that
    follows, within weeks, a year-less date `told_just_before` in the narrative year goes on in that year ('Zelensky
    visited Bucha on April 4. ... On April 15, Russia sent a draft'). Without `months_in_narrative`, a month alone
    ('In June') is not read in the narrative year."""
    mentions: list[TimeMention] = []
    local_context = context
    told_at: int | None = None  # where in the sentence the date that sets the local context ends
    counted_back_to = -1  # where 'on March 29, three years ago' ends: its 'three years ago' is not read again
    for kind, m in spot_time_expressions(sentence, skip_quotes):
        named_by_its_day = (
            kind == "month_day"
            and THE_JUST_BEFORE.search(sentence, max(0, m.start() - 5), m.start())
            and NAMED_BY_ITS_DAY.match(sentence, m.end())
        )
        if m.start() < counted_back_to or named_by_its_day:
            continue
        rng: DateRange | None = None
        yearless = kind in YEARLESS_KINDS and not m.groupdict().get("year")
        told_year = (
            narrative_year
            if narrative_year is not None
            and 0 < ref.year - narrative_year <= NARRATIVE_YEARS_BACK
            and (months_in_narrative or kind != "month")
            else None
        )
        if yearless and narrative and told_year is not None:
            rng, forward, how = _in_narrative_year(kind, m, sentence, ref, told_year)
        in_narrative_year = rng is not None
        if rng is None:
            nested = local_context
            if (
                kind == "weekday"
                and told_at is not None
                and local_context is not None
                and local_context.precision == "week"
                and not REPORTED_THAT.search(sentence, told_at, m.start())
            ):
                # "said last week that ... on Friday" is that week's Friday, but "since the invasion last week,
                # meeting ... on Monday" is this Monday: only what was said then is nested in that week
                nested = context
            rng, forward, how = resolve(kind, m, sentence, ref, nested, ref_is_published)
            if (
                rng is not None
                and yearless
                and told_year is not None
                and not forward
                and (ref - rng.end).days > NEWS_HORIZON_DAYS
                and not _told_in_the_present(told_just_before, ref, (ref - rng.end).days)
            ):
                # news with background: "Last Friday, Arakhamia said ... The first meeting took place on
                # February 28, 2022 ... Two more rounds followed on March 3 and March 7": not this year's March
                told = _in_narrative_year(kind, m, sentence, ref, told_year)
                if told[0] is not None:
                    rng, forward, how = told
                    in_narrative_year = True
        if rng is None:
            continue
        # the date told just before: earlier in this sentence ("on 28 February 2022 ... and finally, on 29 March":
        # the year is not repeated; "On Friday, ... talks held in early May": this May), or before it
        story_before = mentions[-1] if mentions else told_just_before
        if (
            yearless
            and not forward
            and not in_narrative_year
            and told_year is not None
            and story_before is not None
            and _story_goes_on(story_before, told_year)
        ):
            told = _in_narrative_year(kind, m, sentence, ref, told_year)
            fits = told[0] is not None and (
                kind != "weekday_date" or told[0].start.weekday() == WEEKDAYS.index(m.group("weekday").lower())
            )
            if told[0] is not None and fits and (ref - rng.end).days > OWN_NEWS_DAYS:
                # the story goes on from the day told before it, or anywhere in the whole year it named ('Two
                # springs ago, ... It was March 29th')
                step = 0 if story_before.range.contains(told[0]) else (told[0].start - story_before.range.end).days
                # or, within one sentence, back from it ('on March 29, 2022, after three rounds between February 28
                # and March 7': the year is not repeated)
                back_in_sentence = bool(mentions) and -STORY_STEP_DAYS <= step < 0
                if 0 <= step <= STORY_STEP_DAYS or back_in_sentence:
                    rng, forward, how = told[0], told[1], f"the year of the date told just before it ({told_year})"
                    in_narrative_year = True
        if (
            kind == "month_day"
            and yearless
            and not forward
            and (listed := _in_year_of_list(sentence, m.end(), rng)) is not None
            and listed.start.year != rng.start.year
            and listed.start.year <= ref.year
        ):
            rng, in_narrative_year = listed, True
            how = f"the year of the date that ends its list ({listed.start.year})"
        if (
            ref_is_published
            and not in_narrative_year
            and kind == "month_day"
            and not forward
            and (ref - rng.start).days > YEAR_AGO_DAYS
        ):
            # "proposed another round between June 20 and June 30", told on June 2: this June, not last year's
            # (but "On Feb. 28, the two delegations met on the border", told on December 28, is the day gone by: told
            # in the past, a day over a month ahead is not meant; within a month, the article's date may be off)
            ahead = nearest_year(rng.start.month, rng.start.day, ref, True)
            told_done = ahead is not None and (ahead - ref).days > PAST_TOLD_AHEAD_DAYS
            if (
                ahead is not None
                and (ahead - ref).days <= SOON_DAYS
                and not (told_done and _fronted_day_of_a_past_clause(sentence, m.start()))
            ):
                rng = DateRange(ahead, ahead + (rng.end - rng.start), rng.precision)
                forward, how = True, "the day soon to come, not a year before"
        if kind in {"month_day", "month"} and THAT_YEAR_AFTER.match(sentence, m.end()):
            # "met in 2022, ... in Istanbul on March 29 of that year", "in March of that year": the year named before
            that_year = next((t.range.start.year for t in reversed(mentions) if t.range.precision == "year"), None)
            # ... or one named as a word's attribute: "the last round of the 2022 talks, on March 29 of that year"
            named = [int(y) for y in YEAR_NAMED.findall(sentence, 0, m.start()) if int(y) <= ref.year]
            that_year = that_year or (named[-1] if named else None)
            that_year = that_year or (narrative_year if narrative_year and narrative_year < ref.year else None)
            later = FULL_DATE_YEAR.search(sentence, m.end()) if that_year is None else None
            if later and 0 <= ref.year - int(later.group("year")) <= NARRATIVE_YEARS_BACK:
                that_year = int(
                    later.group("year")
                )  # "after the first meeting on Feb. 28 of that year, ... March 29, 2022"
            if that_year is not None and kind == "month":
                rng, kind, forward = month_range(that_year, rng.start.month), "month_year", False
                how = f"'of that year' ({that_year}, named before it)"
            elif that_year is not None:
                try:
                    rng = DateRange(rng.start.replace(year=that_year), rng.end.replace(year=that_year), rng.precision)
                except ValueError:  # February 29
                    pass
                else:
                    kind, forward, how = "full_date", False, f"'of that year' ({that_year}, named before it)"
        if kind == "month_day" and (ago := YEARS_AGO_AFTER.match(sentence, m.end())):
            # "on March 29, more than three years ago": the year is counted back from the article's
            rng, kind, forward, counted_back_to = _years_back(rng, ago, ref), "full_date", False, ago.end()
            how = f"'{ago.group(0).strip(' ,')}' (counted back from the article's date)"
        if forward and (yearless or kind == "weekday") and (said_on := _said_on(mentions, sentence, m.start(), ref)):
            # "Peskov said on March 1 that a second round could take place on Wednesday": to come when it was said,
            # not after the article ('said in April that talks would resume after May 9' is that May)
            again, still_ahead, _ = resolve(kind, m, sentence, said_on, None, False)
            if again is not None and still_ahead and again.start < rng.start:
                rng, how = again, f"to come when it was said ({said_on.isoformat()})"
        mentions.append(TimeMention(m.group(0), m.start(), m.end(), kind, rng, forward, how))
        if sets_narrative_year(kind, sentence, m.start(), rng.end.year, ref):
            narrative_year = rng.end.year
        if rng.precision == "week" or kind not in BARE_YEAR_KINDS:
            local_context, told_at = rng, m.end()
    return _with_two_days_by_weekday(sentence, _with_days_sharing_the_month(sentence, mentions))


DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
# "on 3 and 7 March", "between 28, 29 and 30 March": days before the one that names the month
DAYS_BEFORE_MONTH = re.compile(rf"\b(?:on|between|of)\s+((?:{DAY_NUMBER},\s*)*{DAY_NUMBER})\s*,?\s+and\s+$", re.I)
# "on March 3 and 7", "March 3, 7 and 10,": days after it, when nothing that could be counted follows ('and 7 people')
DAYS_AFTER_MONTH = re.compile(
    rf"((?:,\s*{DAY_NUMBER})*)\s*,?\s+and\s+({DAY_NUMBER})(?!\s*,?\s*\d)"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:in|at|when|respectively)\b))",
    re.I,
)
DAY_DIGITS = re.compile(r"\d{1,2}")
DAYS_LIST_REACH = 80  # how far before a day-first date its list of days may begin ('on 28, 29 and 30 March')


def _with_days_sharing_the_month(sentence: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """The mentions, with a mention for each day listed with a month named once ('on 3 and 7 March', 'on
    March 3 and 7'): each day is a day of that month."""
    shared: list[TimeMention] = []
    spans: dict[int, TimeMention] = {}  # by the start of the mention a two days' span replaces
    for mention in mentions:
        if mention.kind not in {"month_day", "full_date"} or mention.range.precision != "day":
            continue
        if mention.range.start != mention.range.end:
            continue
        if mention.text[:1].isdigit():
            listed = DAYS_BEFORE_MONTH.search(sentence, max(0, mention.start - DAYS_LIST_REACH), mention.start)
            offset = listed.start(1) if listed else 0
            days = [(offset + d.start(), d.group(0)) for d in DAY_DIGITS.finditer(listed.group(1))] if listed else []
        elif mention.kind == "month_day" and (listed := DAYS_AFTER_MONTH.match(sentence, mention.end)):
            days = [(mention.end + d.start(), d.group(0)) for d in DAY_DIGITS.finditer(listed.group(0))]
        else:
            continue
        numbers = sorted({int(digits) for _, digits in days} | {mention.range.start.day})
        if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) == 2:
            # "on 15 and 16 June": one happening over two days, as '15-16 June' would be
            first = min(mention.start, *(at for at, _ in days))
            last = max(mention.end, *(at + len(d) for at, d in days))
            with suppress(ValueError):
                span = DateRange(
                    mention.range.start.replace(day=numbers[0]), mention.range.start.replace(day=numbers[-1]), "day"
                )
                spans[mention.start] = replace(mention, text=sentence[first:last], start=first, end=last, range=span)
            continue
        for at, digits in days:
            try:
                day = mention.range.start.replace(day=int(digits))
            except ValueError:
                continue
            how = f"day {digits} of the month of '{mention.text}', listed with it"
            shared.append(
                replace(
                    mention,
                    text=digits,
                    start=at,
                    end=at + len(digits),
                    range=DateRange(day, day, "day"),
                    explanation=how,
                )
            )
    if not shared and not spans:
        return mentions
    taken = {m.start for m in mentions}
    kept = [spans.get(m.start, m) for m in mentions]
    return sorted([*kept, *(m for m in shared if m.start not in taken)], key=lambda m: m.start)


WEEKDAYS_LINKED = re.compile(r"\s*(?:and|to|through|-|–)\s*", re.I)  # between 'on Wednesday' and 'Thursday'


def _with_two_days_by_weekday(sentence: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """The mentions, with two days running named by their weekdays ('NATO foreign ministers meet in Brussels on
    Wednesday and Thursday') as one happening over both, as 'on 15 and 16 June' is."""
    joined: list[TimeMention] = []
    for mention in mentions:
        before = joined[-1] if joined else None
        if (
            before is not None
            and before.kind == mention.kind == "weekday"
            and before.range.start == before.range.end
            and mention.range.start == mention.range.end == before.range.end + timedelta(days=1)
            and WEEKDAYS_LINKED.fullmatch(sentence, before.end, mention.start)
        ):
            span = DateRange(before.range.start, mention.range.end, "day")
            joined[-1] = replace(before, text=sentence[before.start : mention.end], end=mention.end, range=span)
            continue
        joined.append(mention)
    return joined
