"""Work out when an article was published: dateline, metadata, or inference from the text's cues.

Inference treats every cue as a constraint on the publication day D and scores each candidate day:
hard constraints (a dated caption, 'Monday (28)', a past 'late in March') rule days out, soft ones
(recency of the latest dated reference, 'nearly three months since the war began') rank the rest.
"""

import calendar
import itertools
import re
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from app.ingest.classify import round_number, war_start_cue
from app.ingest.clean import SLASHED_CITY_DATELINE, URL_DAY
from app.ingest.dating import (
    COUNT,
    DAY_ORDINAL_WORD,
    DAY_ORDINAL_WORDS,
    EXPLICIT_YEAR_KINDS,
    MONTH_NAMES,
    ORDINAL_WORD,
    ORDINAL_WORDS,
    PAST_TENSE,
    PATTERNS,
    WEEKDAY,
    WEEKDAY_DATE_DAYS,
    WEEKDAYS,
    YEAR_DIGITS,
    count_value,
    find_time_mentions,
    inside_quote,
    looks_forward,
    month_number,
    nearest_year,
    numbered_weekday,
    weekday_on_or_before,
)
from app.ingest.offices import OfficeNamed, floor_of, offices_named
from app.ingest.phrases import LEDE_SENTENCES, SESSION_HELD, WAR_LAUNCHED, WAR_SUBJECT
from app.ingest.types import CleanArticle, CorpusContext, DateRange, PublishedDate, TimeMention, ToldStart
from app.ingest.vocab import cues as cue_words

LAST_YEAR = re.compile(r"\blast year\b", re.I)
YEAR_AFTER_TOLD = "year_after_told"  # a cue's kind: 'last year, on April 9, 2022' (the article is of 2023)
THIS_YEAR_WORDS = re.compile(r"\bthis year\b", re.I)
PAST_MONTH = re.compile(r"(?:in|since)\b", re.I)
LAST_YEAR_KINDS = {"month_day_of_year", "month_of_year"}  # "March 29th last year", "in June last year"
# "head of the delegation during last year's talks", "the talks held in Istanbul last year": the story the other
# articles tell was the year before this one
TALKS_LAST_YEAR = re.compile(
    r"\blast year['’]s\s+(?:[\w-]+\s+){0,2}(?:talks|negotiations|rounds?)\b"
    r"|\b(?:talks|negotiations)\b(?:(?!\bwith\b)[^.;]){0,50}?\blast year\b(?!['’])",
    re.I,
)
HARD = 100.0
ROUNDS_OUT_OF_ORDER = 10.0  # per pair of numbered rounds a day would put out of order
YEARLESS_REACH_DAYS = 240  # a year-less date is rarely from more than eight months before the article
WINDOW_TOLERANCE = 1.0
STAMP_AHEAD = 2 * WINDOW_TOLERANCE  # the day before a full date named: only when nothing else fits (never in a window)
# the day a period is to open on ('a ceasefire starting May 12', 'effective from March 8'): schedules name it by date
OPENS_A_PERIOD = re.compile(r"\b(?:starting|beginning|effective)\s+(?:on\s+|from\s+)?$", re.I)
YEAR_TOLD_KINDS = {"year", "month_year", "season"}  # a year named without a day: 'in 2022', 'in March 2022'
YEAR_GONE_BY_PENALTY = 2.0  # a day in the war's first year when the text tells it as gone by
# the preposition a year told as a time is read with ('in 2022', 'since March 2022'), not a page's stamp ('4th Friday,
# March 2022 - 09:30 UTC')
TIME_PREPOSITION = r"\b(?:in|since|during|from|until|through|throughout|by|after|before)\s"
YEAR_AS_A_TIME = re.compile(rf"{TIME_PREPOSITION}+$", re.I)  # before the year found: '... the talks in 2022'
YEAR_TOLD_AS_A_TIME = re.compile(TIME_PREPOSITION, re.I)  # or opening it: 'in March 2022'
RETROSPECTIVE_YEARS = 4  # how many years after the latest year it names a text may have been written
YEAR_AWAY = 5.0  # per year a year-less article lies after the corpus's usual year, when its calendar allows
CANDIDATE_MONTHS_AFTER = 75  # days after a named date within which a publication day is looked for
WEEKDAY_NUMBERED = next(p for kind, _, p in PATTERNS if kind == "weekday_numbered")
QUALIFIER = r"nearly|almost|more than|over|about|around|some|just over|less than|exactly"
DURATION = re.compile(
    rf"\b(?P<qual>{QUALIFIER})?\s*"
    rf"(?P<n>{COUNT})(?P<half>[- ]and[- ]a[- ]half)?[- ](?:full )?"  # "Twelve full weeks into the war"
    r"(?P<unit>day|week|month|year)s?"
    rf"(?:\s+and\s+(?P<more>{COUNT})\s+days?)?"  # "five weeks and a day into the war": counted to the day
    r"(?:-long| long|-old| old)?\s+"
    r"(?:(?:since|(?P<after>after)) (?:the |(?P<whose>(?:Russia|Moscow)['’]s) )?"
    r"(?:(?:start|beginning|outbreak) of (?:the |(?:Russia|Moscow)['’]s )?)?(?:full-scale )?"  # "since the start of"
    r"(?:war|conflict|invasion|fighting)"
    r"(?:\s+(?:began|started|broke out))?"
    # "two years since Russia launched its full-scale invasion", "a month after Moscow sent troops into Ukraine"
    rf"|(?:since|(?P<after_invaded>after)) (?:Russia|Moscow|Russian (?:forces|troops)|(?:Vladimir )?Putin) "
    rf"{WAR_LAUNCHED}"
    # ('nearly two months of Russia's military campaign', 'three weeks of the special military operation')
    r"|(?:of|(?P<into>into)) (?:the |(?:Russia|Moscow)['’]s )?(?:full-scale )?"
    r"(?:war|conflict|fighting|invasion|(?:special )?military (?:campaign|operation))"
    r"|(?:war|conflict|invasion))\b",
    re.I,
)
# "their first face-to-face peace talks in three years", "the situation has changed little in more than three
# years": the story told of, no earlier than its start, lies so long back (not 'the first talks in Geneva in 60
# years': counted from talks long before the story)
STORY_AGE = re.compile(
    r"\bfirst\b(?:(?!\b(?:since|after|before)\b)[^.;]){0,50}?\b(?:talks|negotiations)\b"
    rf"(?:(?!\b(?:since|after|before)\b)[^.;]){{0,50}}?\b(?:in|for) (?:(?P<qual>{QUALIFIER}) )?(?P<n>{COUNT})[- ]"
    r"(?P<unit>year|month)s\b"
    rf"|\b(?:talks|negotiations|negotiators|delegations)\b[^.;]{{0,60}}?\bfor the first time in "
    rf"(?:(?P<qual2>{QUALIFIER}) )?(?P<n2>{COUNT})[- ](?P<unit2>year|month)s\b"
    # a present perfect counted up to now: "has changed little in more than three years"
    rf"|\b(?:has|have)\s+(?:(?:not|barely|hardly|little|much|scarcely)\s+)?(?:changed|moved|shifted|progressed)\b"
    rf"[^.;]{{0,20}}?\bin (?:the (?:past|last) )?(?:(?P<qual3>{QUALIFIER}) )?(?P<n3>{COUNT})[- ]"
    r"(?P<unit3>year|month)s\b",
    re.I,
)
STORY_DATE_KINDS = {"year", "full_date", "month_year", "month_span"}  # the days of a story told by the calendar
PROBE = date(2000, 7, 1)  # a day of no year in particular: for whether a text gives the war's start, not when
# "Russia launched its full-scale invasion on Feb. 24. In the 40 days since, ...": counted from the sentence before
COUNT_SINCE_THEN = re.compile(
    rf"(?:In|During|Over) the (?P<n>{COUNT})[- ](?P<unit>day|week|month)s since(?=[,;])",
    re.I,
)
# "the first round was on the 28th of February 2022, four days after the full-scale invasion": the start, counted
# back
DAYS_AFTER_START = re.compile(
    # (after a place told between: 'on the 28th of February 2022, in the Gomel region, four days into the invasion')
    rf",?\s+(?:[^.;\d]{{0,60}}?,\s+)?(?:just\s+|only\s+)?(?P<n>{COUNT}) days? (?:after|into) (?:the |Russia['’]s )?"
    r"(?:full-scale |large-scale )?(?:Russian )?"
    # ('February 28, four days into the large-scale military operation launched by Moscow')
    r"(?:invasion|war (?:began|started)|(?:special )?military operation)\b",
    re.I,
)
# "Three months ago today, Russian troops crossed into Ukraine": the war's age to the day
AGO_TODAY = re.compile(rf"\b(?P<n>{COUNT}) (?P<unit>week|month|year)s? ago today\b", re.I)
# ... when what it tells is the start ('..., Russian troops crossed into Ukraine'; not '..., the delegations met')
STARTED_AFTER = re.compile(rf"{WAR_SUBJECT}(?:[\w'’-]+\s+){{0,2}}?{WAR_LAUNCHED}", re.I)
# a newsletter's headline: "Day 90: the talks are 'on pause'" (the war's day, in a text about the war)
TITLE_DAY = re.compile(r"^\W*Day (?P<n>\d{1,4})\s*(?::|[—–]|\s-\s)", re.I)
DAY_AGO = re.compile(
    rf"\b(?P<month>{MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}}),?\s+"
    rf"(?:(?P<qual>{QUALIFIER})\s+)?"
    rf"(?P<n>{COUNT})\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.I,
)
# "since Russia's invasion began a month ago", "Russia invaded Ukraine nearly three months ago": the war's age now
WAR_BEGAN_AGO = re.compile(
    r"\b(?:(?:war|invasion|conflict|fighting|offensive)\s+(?:began|started|broke out|was launched)"
    # 'since the start of the Moscow offensive exactly two weeks ago'
    r"|(?:start|beginning|outbreak)\s+of\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:war|invasion|conflict|offensive)"
    rf"|(?:Russia|Moscow|(?:Vladimir\s+)?Putin|Russian\s+(?:troops|forces|tanks))\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"{WAR_LAUNCHED}(?:\s+(?:of\s+|into\s+)?(?:Ukraine|its neighbou?r|the country))?)"
    rf"\s+(?:(?P<qual>{QUALIFIER})\s+)?(?P<n>{COUNT})\s+(?P<unit>day|week|month|year)s?\s+ago\b(?!\s+today)",
    re.I,
)
# "Two years on, the communiqué of March 2022 has become ...": a sentence that opens with a count 'on' is told
# that long after the month or day it names (not 'two weeks later' or '166 years ago', counted from other things)
TIME_ON = re.compile(
    rf"^\W*(?:(?P<qual>{QUALIFIER})\s+)?(?P<n>{COUNT})[- ](?P<unit>week|month|year)s? on\b",
    re.I,
)
TIME_ON_ANCHORS = {"full_date", "month_year", "year", "season"}  # a day, month or season with its year
MONTH_DAYS = 31
COUNTED_ON_MOST = 20  # a count 'on' misread costs no more than a day the text rules out (HARD) would
TOLD_BACK_REACH_DAYS = 31  # how far before a date told in full a year-less day may go back in its year
UNMARKED_AHEAD_DAYS = 31  # how far ahead a weekday with its date may lie when no word says it is to come
AHEAD_KINDS = {"full_date", "month_day", "weekday_date"}
AHEAD_PASSED = 3  # a day told as to come that would have passed
# references that name a day only from the article's own ('on Monday', 'today', 'two weeks ago'), not by the calendar
RELATIVE_ONLY_KINDS = {
    "weekday",
    "nested_weekday",
    "day_word",
    "same_day",
    "ago",
    "relative_period",
    "past_period",
    "coming_period",
    "earlier_period",
    "later_period",
    "days_later",
    "since_then",
    "talks_last_year",
}
EDITION_AFTER = re.compile(r",?\s+(?:print\s+)?(?:edition|issue)\b", re.I)
MODIFIED_BEFORE = re.compile(r"\b(?:last\s+)?(?:modified|updated|edited)(?:\s+on)?\s*:?\s*$", re.I)
MODIFIED = "modified"  # the day a page was last changed: it was published then or before
MODIFIED_PULL = 0.01  # per day a page would have been published before it was last changed
YESTERDAYS_NEWS = 0.3  # the latest day named, for a text that tells its news as yesterday's: rather the day after
EDITION_AHEAD_DAYS = 10  # a magazine's issue is dated up to so many days after its articles go online
THIS_WEEK = re.compile(r"\b(?:this (?:coming )?(?:weekend|week)|later this week)\b", re.I)
BANNER_AFTER_DAYS = 7  # a site's banner this many days after a year-less date line gives it its year
DATELINE_SLACK_DAYS = 7  # a date line this far before a day its text tells of with the year is not its date
CAPTION_LATE_MOST = 60  # an archive photo: its caption's day says the article is no earlier, not that it is soon after
# "The war, now seven weeks old, has shifted ...": its age as the article is written
WAR_NOW_AGED = re.compile(
    rf"\b(?:war|invasion),?\s+(?:which is\s+)?now\s+(?:(?P<qual>{QUALIFIER})\s+)?"
    rf"(?P<n>{COUNT})[- ](?P<unit>day|week|month|year)s?[- ]old\b",
    re.I,
)
# "the protracted conflict that has persisted for over three years": the war's age now, told in the present perfect
WAR_HAS_LASTED = re.compile(
    r"\b(?:war|conflict|invasion|fighting),?\s+(?:that|which)\s+has\s+(?:now\s+)?"
    r"(?:persisted|lasted|raged|gone on|continued|dragged on)\s+for\s+"
    rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<n>{COUNT})[- ](?P<unit>day|week|month|year)s?\b",
    re.I,
)
# "the month-old conflict", "the week-old war": one such unit
WAR_OF_ONE_UNIT = re.compile(
    rf"\b(?:the|a|its|this)\s+(?:(?P<qual>{QUALIFIER})\s+)?(?P<unit>week|month|year)-(?:old|long)\s+"
    r"(?:war|conflict|invasion|fighting)\b",
    re.I,
)
# a verb in the present and none in the past: before a mid-sentence 'six weeks after the invasion began', or after
# a fronted 'Three years after Russia's invasion,': what is going on as the article is written
PRESENT_NOT_PAST = re.compile(
    r"^(?!.*\b(?:was|were|had|did|held|met|began|came|took|said|told)\b).*\b(?:is|are|appears?|seems?|remains?)\b",
    re.I,
)
NAMED_DAY = re.compile(rf"\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{MONTH_NAMES})\b", re.I)
# a bare weekday just before, its happening told with no other clause between: "Thursday's meeting came eight days
# after ..." (not "said on Thursday that the first talks, which were held four days after ...")
WEEKDAY_JUST_BEFORE = re.compile(rf"\b{WEEKDAY}\b(?:(?!\b(?:which|that|who|when|said|says|told)\b)[^,;.\d])*$", re.I)
WEEKDAY_REACH = 40
WEEK_DAYS = 6
# "A Russian missile has struck ...": news of the day, told in the present perfect
NEWS_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:just\s+)?(?:been\s+)?(?:\w+ed|struck|hit|met|held|begun|taken|seen|shot|sent|won|lost"
    r"|fallen|broken|come|gone|left|made|told|said)\b",
    re.I,
)
WAR_DAY_GONE_BY = "war_day_gone_by"  # a cue: 'on the eighth day of the war', told of a day gone by
# a cue: 'talks were held ... more than a month after Russia launched a full-scale invasion', a time gone by
GONE_BY_AFTER_THE_START = "gone_by_after_the_start"
OFFICE = "office"  # a cue: a post named with a person ('US Secretary of State Marco Rubio'), which dates its taking
# said of an article 'on day 34 of the war' with its 'Tuesday': its weekdays are days of the calendar
DATED_BY_THE_WARS_AGE = "dated to within days by the age of the war"
WARS_AGE_TO_THE_DAY = 3  # the widest span of days a war's age told 'to the day' allows ('day 34', 'eight-day-old')
DAY_JUST_AFTER = re.compile(rf",?\s+(?:on\s+)?(?:{NAMED_DAY.pattern})", re.I)
# "will mark two years since", "marks", "is marking": the anniversary at hand (not "marked" one in the past)
MARKS_BEFORE = re.compile(r"\b(?:mark|marks|marking)(?:\s+exactly)?\s*$", re.I)
ANNIVERSARY_DAYS = 7  # how far from an anniversary 'marks two years since' may be told
WAR_ANNIVERSARY = re.compile(
    rf"(?:\b(?P<after_n>{COUNT})\s+(?P<after_unit>day|week)s?\s+after\s+|\b(?P<ahead>ahead of)\s+"
    r"|\b(?P<eve>on the eve of)\s+|\b(?P<on>on)\s+)?"
    rf"\bthe\s+(?P<nth>{ORDINAL_WORD}|[1-9](?:st|nd|rd|th))\s+anniversary\s+of\s+(?:the\s+|Russia['’]s\s+)?"
    r"(?:full-scale\s+)?(?:Russian\s+)?(?:invasion|war)\b",
    re.I,
)
DAY_IN_APPOSITION_BEFORE = re.compile(rf"(?:\d(?:st|nd|rd|th)?|\b{WEEKDAY}),\s*$", re.I)
# 'with the first anniversary approaching', 'the anniversary is approaching later this month': up to a month before
APPROACHING = re.compile(r"\s+(?:(?:is|was)\s+)?(?:approaching|approaches|nearing|looming)\b", re.I)
ANNIVERSARY_AHEAD_DAYS = 31
WARS_AGE_YEAR = 180  # a war's age told within so many days tells the article's year
AGE_TOLD_CLOSE_DAYS = 3  # a war's age told this closely dates its start from an article's own date
DAY_OF_WAR = re.compile(
    # "day 35 of the war", "on day six of the invasion"
    rf"\b(?:day (?P<n>\d{{1,4}}|(?!an?\b|one\b)(?:{COUNT}))"  # (not 'since day one of the war': from its start)
    rf"|the (?P<nth>\d{{1,4}})(?:st|nd|rd|th) day|the (?P<day_of_word>{DAY_ORDINAL_WORD}) day)"
    r" of (?:(?:the |Russia['’]s )?(?:Russian )?(?:full-scale )?(?:war|invasion|conflict|fighting)\b"
    r"|our (?:defen[cs]e|resistance)\b(?![\w -]))"  # "the 34th day of our defense" (Kyiv's count; no 'defence summit')
    # "on the fifth day since Vladimir Putin launched his invasion": counted up to now (not "on the first day of
    # the invasion, Russian troops seized ...": a day of the past)
    rf"|\bthe (?:(?P<since_nth>\d{{1,4}})(?:st|nd|rd|th)|(?P<nth_word>{DAY_ORDINAL_WORD})) day since "
    rf"(?:(?:the |Russia['’]s )?(?:Russian )?(?:full-scale )?(?:war|invasion) (?:began|started)\b"
    rf"|(?:[\w'’-]+ ){{1,3}}?{WAR_LAUNCHED})"
    # a live page's heading: "UKRAINE WAR LATEST — DAY 22", "Russia-Ukraine war: key events, day 22",
    # "Russia's War Against Ukraine, Day 41"
    r"|\b(?:war|invasion)\b[^.\n]{0,25}?(?::|\s[—–-]|,)\s*(?:[\w ,]{0,25}?\s)?day (?P<heading_n>\d{1,4})\s*$"
    # "Ukraine War, Day 83: Kyiv and Moscow Say Peace Talks Are on Hold", "LIVE: Russia-Ukraine war Day 34 — Talks ..."
    r"|^\W*(?:[\w'’][\w'’-]*:? ){0,3}(?:war|invasion),? day (?P<titled_n>\d{1,4})\s*(?::|[—–]|\s-\s)"
    # "The war, now in its ninth day, has driven ...", "as the invasion enters its 35th day", "the war passes its
    # 100th day", a headline's "As Invasion Enters 12th Day", "as the invasion continues on its 15th day"; "On Friday,
    # the war passed its 100th day": that day is gone by (the article up to a week after it)
    # ('when the conflict enters its nineteenth day', 'The war is now in its ninth day')
    rf"|\b(?:war|invasion|conflict)\b(?:\s+(?:of|in|on|against)\s+Ukraine)?,?\s+(?:is\s+)?(?:now\s+)?"
    r"(?:in\s+its|(?:continues|continuing)\s+(?:on|into)\s+its"
    r"|(?:enters|entering|entered|passes|marks|reaches|(?P<passed>passed|marked|reached))(?:\s+its)?)\s+"
    rf"(?:(?P<its_nth>\d{{1,4}})(?:st|nd|rd|th)|(?P<its_word>{DAY_ORDINAL_WORD}))\s+day\b",
    re.I,
)
# 'before the war reaches its 100th day', 'If the war passes its 100th day': not its age when the text is written
# a numbered round named by its day: 'after the first round of talks on February 28', 'the second round, on March 3,'
# 'On February 28, the first round of talks took place': the day fronted, its round right after it
ROUND_AFTER_ITS_DAY = re.compile(
    rf",?\s+the\s+(?:{ORDINAL_WORD}|[1-9](?:st|nd|rd|th))\s+(?:round|meeting|session)\b", re.I
)
ROUND_BY_ITS_DAY = re.compile(
    rf"\b(?:{ORDINAL_WORD}|[1-9](?:st|nd|rd|th))\s+(?:round|meeting|session)(?:\s+of\s+(?:[\w-]+\s+)?(?:talks|negotiations))?"
    r",?(?:\s+(?:held|which\s+took\s+place|that\s+took\s+place))?\s+on\s+$",
    re.I,
)
# "delegations met for peace talks in Istanbul on March 29": a session at a place, named by its day
SESSION_AT_A_PLACE_BY_ITS_DAY = re.compile(
    r"\b(?:talks|negotiations|meeting)\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+on\s+$",
    re.I,
)
# "Earlier, in the previous two rounds of talks held ... on 16 May and 2 June": news older than the article's own
EARLIER_NEWS = re.compile(
    r"^\s*(?:Earlier|Previously)\b|\bprevious\s+(?:\w+\s+)?(?:rounds?|sessions?|meetings?)\b", re.I
)
CONDITION_BEFORE = re.compile(r"\b(?:before|if|until|unless|once|by the time|when)\b[^,.;]*$", re.I)
CONDITION_REACH = 40
LONG_GONE_AFTER = re.compile(
    rf"\s+(?:last\s+(?:week|month)|earlier|in\s+(?:{MONTH_NAMES})|(?:[\w-]+\s+){{1,2}}ago)\b", re.I
)
ORDINAL_MONTH = re.compile(
    # "the war, now in its seventh week"; "as the war entered its fourth month" (as it is written)
    rf"\b(?:enters?|entering|in|(?<=\bas the war )entered) (?:its )?"
    rf"(?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<word>{ORDINAL_WORD})) (?P<unit>week|month|year)\b",
    re.I,
)
# "Their visit comes amid the second year of the ongoing conflict": so too, told of now
ORDINAL_PERIOD_OF_WAR = re.compile(
    rf"\b(?:amid|now in|entering|enters|into) the (?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<word>{ORDINAL_WORD})) "
    r"(?P<unit>week|month|year) of (?:the |this )?(?:ongoing )?(?:full-scale )?(?:war|conflict|invasion|fighting)\b",
    re.I,
)
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
PUBLISHED_WORD = re.compile(r"\b(?:Published|Posted)\b", re.I)
SLASHED_DATE = re.compile(r"\b([0-3]?\d)([/-])([0-3]?\d)\2((?:19|20)\d\d|\d\d(?=\s+(?:at\s+)?\d{1,2}[:.]\d\d))\b")
ISO_DATE = re.compile(r"(?:^|\s)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class Cue:
    kind: str
    text: str
    mention: TimeMention | None = None
    target: tuple[float, float] | None = None  # days after the conflict start: allowed span
    numbered: tuple[int, int, bool] | None = None  # weekday, day of month, looks forward
    lede_weekdays: tuple[int, ...] = ()  # the weekdays a wire story's first sentence names
    past: bool = False  # "last Friday, June 3": a day gone by, never one to come
    # "talks began on Monday, 7 March": told in the past tense, so not a day to come (it may be the article's own)
    told_past: bool = False
    anniversary: bool = False  # "will mark two years since ...": the war's age to the week, no other
    counted_from: tuple[int, int] | None = None  # "on February 24, nearly two months ago": that month and day
    # the first days of the full dates and months of a year ('February 28, 2022', 'in March 2022') the text has told
    # before the cue: what a year-less day after them may go on from
    told_after: tuple[date, ...] = ()
    # 'has changed little in more than three years': the days of the story (full dates, months, spans and years of
    # it) the text told before the cue, the earliest of which the story's age counts from
    story_days_before: tuple[date, ...] = ()
    photo_day: bool = False  # a photo's day at the end of its caption ('... in Bucha, April 4'), or in a credited one
    stands_alone: bool = False  # a day that is a whole line ('10 March' under a related link), not told in a sentence
    opens_a_period: bool = False  # 'a ceasefire starting May 12': a schedule's day, named by its date however near
    war_start: bool = False  # the day the war began, told as such ('launched a military offensive ... on February 24')
    of_a_round: bool = False  # a day told with a numbered round ('after the first round of talks on February 28')
    year_beside: bool = False  # a year told in the same sentence ('in Istanbul in March and April 2022')
    counted_on_from: date | None = None  # "Two years on, the communiqué of March 2022 ...": the target counts from it
    soon: bool = False  # a date to come told as this week's or this weekend's ('This weekend, ... on 15 and 16 June')
    # older news told as such: 'Earlier, in the previous two rounds of talks held in Istanbul on 16 May and 2 June'
    earlier: bool = False
    months_ago_today: int | None = None  # "Three months ago today, Russian troops crossed into Ukraine"
    # "A third round ... finished on Monday": the round the sentence numbers, the sentence and where its day is told
    # in it, read again for each day the article may be from
    round_told: tuple[int, str, int] | None = None
    office: OfficeNamed | None = None  # the post an OFFICE cue names
    # 'the negotiations in 2022', 'Putin said in March 2022': a year told in the past without a day; the war's first
    # year told so is over (within it writers say 'this year', 'in March'), while a later one ('in April 2024') is
    # named so by writers in it as often as after it
    year_gone_by: bool = False

    def tells_the_war_year_gone_by(self, ctx: CorpusContext) -> bool:
        """Whether the cue tells the war's first year as a time gone by ('the failed talks in 2022')."""
        return self.year_gone_by and self.mention is not None and self.mention.range.start.year == _war_year(ctx)

    def office_floor(self, ctx: CorpusContext) -> date | None:
        """The day an OFFICE cue's post says the article is no earlier than."""
        if self.kind != OFFICE or self.office is None:
            return None
        story_began = ctx.conflict_start or ctx.earliest_published  # (before the war, a title tells nothing)
        floor = floor_of(self.office, story_began)
        return floor if floor is not None and (story_began is None or floor > story_began) else None

    def counts_the_wars_age(self, ctx: CorpusContext) -> bool:
        """A duration cue that tells how long the war has gone on: one counted from the day it began."""
        start = ctx.conflict_start
        return (
            self.kind == "duration"
            and self.target is not None
            and start is not None
            and (self.counted_from is None or self.counted_from == (start.month, start.day))
        )


def published_from_metadata(meta: dict[str, str]) -> PublishedDate | None:
    for key in ("published", "date", "published_at", "pubdate"):
        if key in meta and (m := ISO_DATE.match(meta[key])):
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return PublishedDate(day, day, "metadata", (f"{key}: {meta[key]}",))
    return None


def published_from_dateline(article: CleanArticle) -> PublishedDate | None:
    if not article.dateline:
        return None
    if stamp := ISO_DATE.search(article.dateline) or URL_DAY.search(article.dateline):
        with suppress(ValueError):  # 'example.com/2022/02/29/...': no such day, so no date from it
            day = date(int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3)))
            return PublishedDate(day, day, "dateline", (f"dateline: {article.dateline}",))
    if short := SLASHED_CITY_DATELINE.match(article.dateline):
        with suppress(ValueError):  # "Baku/10.03.22/": day, month and the year's last two digits
            day_of_month, month, year = (int(part) for part in short.group("date").split("."))
            day = date(2000 + year, month, day_of_month)
            return PublishedDate(day, day, "dateline", (f"dateline: {article.dateline}",))
    published_part = PUBLISHED_WORD.split(article.dateline, maxsplit=1)[-1]  # "Updated: ... | Published: ..."
    mentions = [m for m in find_time_mentions(published_part, date(2000, 1, 1)) if m.kind == "full_date"]
    if mentions:
        day = mentions[0].range.start
        return PublishedDate(day, day, "dateline", (f"dateline: {article.dateline}",))
    return _dated_by_the_banner(article)


def _dated_by_the_banner(article: CleanArticle) -> PublishedDate | None:
    """A year-less date line in the year of the site's banner above the headline, when the banner's day is a few days
    after it ('ISTANBUL, July 23 —' under 'Sunday, July 27, 2025'): a page is most often scraped within days of
    being published, and seldom within days of the same day of another year. A banner months away says nothing."""
    if not (article.banner and article.dateline):
        return None
    banners = [m for m in find_time_mentions(article.banner, PROBE) if m.kind == "full_date"]
    days = [m for m in find_time_mentions(article.dateline, PROBE) if m.kind == "month_day"]
    if not (banners and days):
        return None
    banner_day, told = banners[0].range.start, days[0].range.start
    with suppress(ValueError):  # (29 February in a year without it)
        day = told.replace(year=banner_day.year)
        if 0 <= (banner_day - day).days <= BANNER_AFTER_DAYS:
            evidence = (f"dateline: {article.dateline}", f"its year from the site's banner above it: {article.banner}")
            return PublishedDate(day, day, "dateline", evidence)
    return None


def published_from_slashed_dateline(article: CleanArticle, ctx: CorpusContext) -> PublishedDate | None:
    """'Published on 03/06/2025': day first in most of the world, month first in the United States. When both
    readings are days, the one the text's own cues fit better ('Monday's session', 'on 16 May') is taken."""
    stamp = SLASHED_DATE.search(article.dateline or "")
    if stamp is None:
        return None
    first, second, year = int(stamp.group(1)), int(stamp.group(3)), int(stamp.group(4))
    year += 2000 if year < 100 else 0  # '03/30/22 11:42 AM ET'
    readings = []
    for month, day_of_month in ((second, first), (first, second)):  # day first, then month first
        with suppress(ValueError):
            readings.append(date(year, month, day_of_month))
    readings = list(dict.fromkeys(readings))
    if not readings:
        return None
    evidence = [f"dateline: {article.dateline}"]
    if len(readings) > 1:
        probe = date(year, 7, 1)
        constraints = Constraints.of(_collect_cues(article, probe), ctx)
        fits = {day: _penalty(day, constraints, ctx, True) for day in readings}
        readings.sort(key=lambda day: fits[day])  # stable: day first when the cues cannot tell
        other = readings[1]
        evidence.append(f"read as {readings[0].isoformat()}, not {other.isoformat()}: the text's dates fit it better")
    return PublishedDate(readings[0], readings[0], "dateline", tuple(evidence))


def _at_sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(" \t")
    return not before or before[-1] in ".!?\n"


def _told_of_now(text: str, at: int) -> bool:
    """'its forces appear to be regrouping ... nearly six weeks after the invasion began': what is going on as the
    article is written, how long after the war began; not 'talks were held on Feb. 28, four days after ...'."""
    return bool(PRESENT_NOT_PAST.search(text, 0, at)) and not NAMED_DAY.search(text, 0, at)


def _anniversary_cues(text: str) -> list[Cue]:
    """'on the second anniversary of the full-scale invasion', 'a week after the third anniversary of the war',
    'ahead of the first anniversary of the invasion': the war's age, so many years (and days) to the calendar day,
    unless the sentence gives the anniversary a year of its own (then it may be told from any time after)."""
    if "anniversar" not in text.lower() or YEAR_DIGITS.search(text):
        return []
    cues = []
    for m in WAR_ANNIVERSARY.finditer(text):
        if DAY_IN_APPOSITION_BEFORE.search(text, 0, m.start()):
            continue  # 'published on February 24, the first anniversary of the invasion': that day's, told after it
        nth = m.group("nth").lower()
        years = ORDINAL_WORDS.index(nth) + 1 if nth in ORDINAL_WORDS else int(nth[:-2])
        days = years * UNIT_DAYS["year"]
        if after := m.group("after_n"):
            later = count_value(after) * UNIT_DAYS[m.group("after_unit").lower()]
            cues.append(Cue("duration", m.group(0), target=(days + later - 1.5, days + later + 1.5)))
        elif m.group("eve"):  # the day before it, told that day or soon after
            cues.append(Cue("duration", m.group(0), target=(days - 1.5, days - 1 + ANNIVERSARY_DAYS), anniversary=True))
        elif m.group("ahead") or APPROACHING.match(text, m.end()):
            cues.append(Cue("duration", m.group(0), target=(days - ANNIVERSARY_AHEAD_DAYS, days + 0.5)))
        elif m.group("on"):  # what happened on it: the article that day or soon after
            cues.append(Cue("duration", m.group(0), target=(days - 0.5, days + ANNIVERSARY_DAYS), anniversary=True))
        else:
            span = (days - ANNIVERSARY_DAYS, days + ANNIVERSARY_DAYS)
            cues.append(Cue("duration", m.group(0), target=span, anniversary=True))
    return cues


def day_of_war_number(m: re.Match[str]) -> int:
    """The day of the war a `DAY_OF_WAR` match tells: 'day 35', 'the eighth day', 'now in its ninth day'."""
    if word := m.group("day_of_word") or m.group("nth_word") or m.group("its_word"):
        return DAY_ORDINAL_WORDS.index(word.lower()) + 1
    if m.group("n"):
        return count_value(m.group("n"))
    told = m.group("nth") or m.group("since_nth") or m.group("heading_n") or m.group("titled_n") or m.group("its_nth")
    return int(told)


def _duration_cues(text: str) -> list[Cue]:
    cues = _anniversary_cues(text)
    for m in DURATION.finditer(text):
        after = m.group("after") or m.group("after_invaded")
        weekday_then = False
        if after and not _at_sentence_start(text, m.start()) and not _told_of_now(text, m.start()):
            if not WEEKDAY_JUST_BEFORE.search(text, max(0, m.start() - WEEKDAY_REACH), m.start()):
                # "on Feb. 28, four days after the invasion began", "in-person talks were held in Istanbul more than a
                # month after Russia launched a full-scale invasion": when that was, not the war's age now; a day gone
                # by, which the article is no earlier than
                span = _duration_span(_counted_days(m), (m.group("qual") or "").lower(), m.group("unit"))
                cues.append(Cue(GONE_BY_AFTER_THE_START, m.group(0).strip(), target=span))
                continue
            # "Thursday's meeting came eight days after Putin sent his troops across the border": that weekday is
            # that long after the war began, and the article no more than a week after the weekday
            weekday_then = True
        if m.group("whose") and after and not PRESENT_NOT_PAST.search(text[m.end() :]):
            continue  # "Two weeks after Russia's invasion, the ministers met": so too; "..., diplomacy is back": now
        if m.group("into") and (NAMED_DAY.search(text, 0, m.start()) or DAY_JUST_AFTER.match(text, m.end())):
            # "The first meeting was held on February 28, ..., four days into the war", "The talks began four
            # days into the war, on February 28, 2022": so too
            continue
        days = _counted_days(m)
        qual = (m.group("qual") or "").lower()
        anniversary = m.group("unit").lower() == "year" and not qual and bool(MARKS_BEFORE.search(text, 0, m.start()))
        if anniversary:
            span = (days - ANNIVERSARY_DAYS, days + ANNIVERSARY_DAYS)  # "will mark two years since ...": a day
        else:
            span = _duration_span(days, qual, "day" if m.group("more") else m.group("unit"))
        if weekday_then:
            span = (span[0], span[1] + WEEK_DAYS)
        cues.append(Cue("duration", m.group(0).strip(), target=span, anniversary=anniversary))
    for m in (*WAR_NOW_AGED.finditer(text), *WAR_HAS_LASTED.finditer(text)):
        cues.append(Cue("duration", m.group(0), target=_counted_span(m)))
    for m in WAR_OF_ONE_UNIT.finditer(text):
        unit = m.group("unit").lower()
        span = _duration_span(UNIT_DAYS[unit], (m.group("qual") or "").lower(), unit)
        cues.append(Cue("duration", m.group(0), target=span))
    if cue_words().conflict_start.search(text):
        for m in filter(lambda m: STARTED_AFTER.match(text, m.end()), AGO_TODAY.finditer(text)):
            days = _counted_days(m)
            months = count_value(m.group("n")) * (12 if m.group("unit").lower() == "year" else 1)
            exact = (
                months if m.group("unit").lower() != "week" else None
            )  # to the calendar day, once the start is known
            cues.append(Cue("duration", m.group(0), target=(days - 3, days + 3), months_ago_today=exact))
    for m in WAR_BEGAN_AGO.finditer(text):
        cues.append(Cue("duration", m.group(0), target=_counted_span(m)))
    for m in DAY_AGO.finditer(text):
        # "Russia launched its invasion on February 24, nearly two months ago": the article is that long after it
        span = _counted_span(m)
        counted_from = (month_number(m.group("month")), int(m.group("day")))
        cues.append(Cue("duration", m.group(0).strip(), target=span, counted_from=counted_from))
    for m in DAY_OF_WAR.finditer(text):
        weekday_then = False
        if m.group("day_of_word"):
            # "Thursday's talks took place on the eighth day of the invasion": that weekday was the day, and the
            # article no more than a week after it (not "on the first day of the invasion, troops seized ...")
            weekday_then = bool(WEEKDAY_JUST_BEFORE.search(text, max(0, m.start() - WEEKDAY_REACH), m.start()))
            if not weekday_then and not NEWS_PERFECT.search(text, 0, m.start()):
                # "The second round ... took place ... on the eighth day of the war": a day gone by, which the
                # article is no earlier than (not "A Russian missile has struck ... on the sixth day of Russia's
                # invasion": news of the day, the war's age now)
                n = day_of_war_number(m)
                cues.append(Cue(WAR_DAY_GONE_BY, m.group(0), target=(n - 1.1, n - 0.9)))
                continue
        if (m.group("its_nth") or m.group("its_word")) and (
            CONDITION_BEFORE.search(text, max(0, m.start() - CONDITION_REACH), m.start())
            or LONG_GONE_AFTER.match(text, m.end())
        ):
            continue  # 'before the war reaches its 100th day', 'The war passed its 100th day last month'
        weekday_then = weekday_then or bool(m.group("passed"))
        n = day_of_war_number(m)
        # day 1 is the war's first day, so day n is n - 1 days after it; a day off (an outlet counting in
        # another time zone) costs about as much as a weekday the article would have to tell a day late
        cues.append(Cue("duration", m.group(0), target=(n - 1.1, n - 0.9 + (WEEK_DAYS if weekday_then else 0))))
    for m in (*ORDINAL_MONTH.finditer(text), *ORDINAL_PERIOD_OF_WAR.finditer(text)):
        n = int(m.group("n")) if m.group("n") else ORDINAL_WORDS.index(m.group("word").lower()) + 1
        unit = UNIT_DAYS[m.group("unit").lower()]
        # "in its 22nd month": 21 to 22 months of calendar time (months of 28 to 31 days: a day or two of slack)
        slack = 2 if m.group("unit").lower() == "month" else 0
        cues.append(Cue("duration", m.group(0), target=((n - 1) * unit - slack, n * unit + slack)))
    return cues


def _ago_today_on(text: str, mentions: list[TimeMention]) -> list[Cue]:
    """'Exactly a year ago today, on 28 February 2022, two delegations met': the article is of that day so many
    years, months or weeks on (its day of the month, and the time since the date)."""
    cues = []
    full_dates = {m.start: m for m in mentions if m.kind == "full_date"}
    for counted in AGO_TODAY.finditer(text):
        apposition = AGO_TODAY_ON.match(text, counted.end())
        dated = full_dates.get(apposition.end()) if apposition else None
        if dated is None:
            continue
        since, n, unit = dated.range.start, count_value(counted.group("n")), counted.group("unit").lower()
        day = since + timedelta(weeks=n) if unit == "week" else _months_on(since, n * 12 if unit == "year" else n)
        told = f"{counted.group(0)!r} is {dated.text!r} in: {text[:90]}"
        days = float((day - since).days)
        cues.append(Cue("dateline_day", told, mention=replace(dated, range=DateRange(day, day, "day"))))
        cues.append(Cue("time_on", told, target=(days - 0.1, days + 0.1), counted_on_from=since))
    return cues


def _months_on(day: date, months: int) -> date:
    """The same day of the month so many months after `day`, or that month's last day when it has no such day (a
    year after 29 February 2024 is 28 February 2025; a month after 31 March, 30 April)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if year > date.max.year:
        raise OverflowError(f"{months} months after {day} lies past the calendar's end")
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _counted_days(m: re.Match[str]) -> float:
    """The days a matched count ('(?P<n>seven) (?P<unit>week)s', 'five weeks and (?P<more>a) day',
    'three(?P<half>-and-a-half)-year-long') stands for."""
    more, half = m.groupdict().get("more"), m.groupdict().get("half")
    units = count_value(m.group("n")) + (0.5 if half else 0)
    return units * UNIT_DAYS[m.group("unit").lower()] + (count_value(more) if more else 0)


def _counted_span(m: re.Match[str]) -> tuple[float, float]:
    """The days a matched count with its qualifier ('nearly six weeks') allows."""
    return _duration_span(_counted_days(m), (m.group("qual") or "").lower(), m.group("unit"))


def _duration_span(days: float, qual: str, unit: str) -> tuple[float, float]:
    """The days a duration of about `days` allows, by its qualifier."""
    if qual in {"nearly", "almost", "less than"}:
        # "nearly six weeks": a few days short; "nearly 28 months": within the 28th month, not two months short;
        # "nearly one week": a day or three short, not more short than the time itself
        short_most = max(min(10.0, days / 2), min(days * 0.12, UNIT_DAYS[unit.lower()]))
        return (days - short_most, days - min(3.0, max(1.0, days * 0.1)))
    if qual in {"more than", "over", "just over"}:
        return (days + 1, days + max(14.0, days * 0.2))
    if qual == "exactly":
        return (days - 1.1, days + 0.1)  # 'exactly two weeks ago': to the day (a day less when the first counts)
    if unit.lower() == "day":
        # 'the 13-day-old conflict', '13 days into the war': counted in days, exact (a day less when the first day
        # counts as one)
        return (days - 1.1, days + 0.1)
    # a round count is loose ('two years'), a count in the unit's own steps no looser than its unit ('Twenty-one
    # months into the invasion': the 22nd month, not two months either way)
    step = UNIT_DAYS[unit.lower()]
    return (days - max(4.0, min(days * 0.08, step / 2)), days + max(7.0, min(days * 0.1, step)))


LAST_NIGHT_BEFORE = re.compile(r"\b(?:last night|yesterday|overnight)\b", re.I)
LAST_NIGHT_REACH = 30
MONTH_SURE_DAYS = 28  # every month has a day after the 27th
# "last Friday, June 3", "This past Saturday, February 4": a day gone by
LAST_JUST_BEFORE = re.compile(r"\b(?:last|this past)\s+$", re.I)
# a caption's closing day, after a comma and with no full stop: "A woman pulls a cart along a road in Bucha, April 4"
PHOTO_DAY_AT_END = re.compile(rf"^(?:{MONTH_NAMES})\.?\s+\d{{1,2}}$|^\d{{1,2}}\s+(?:{MONTH_NAMES})$", re.I)


# "Yesterday, March 16, Lavrov held talks", "held a meeting today (10 March 2022)": the article's own day, told
DAY_WORD_OFFSETS = {"yesterday": 1, "today": 0, "tomorrow": -1}  # the article is so many days after the date
DATE_IN_APPOSITION = re.compile(r"\s*[,(]\s*|\s+")  # 'tomorrow, 8 March', 'tomorrow (8 March)', 'tomorrow 8 March'
AGO_TODAY_ON = re.compile(r"\s*[,(]\s*(?:on\s+)?", re.I)  # 'a year ago today, on 28 February 2022'
AGO_JUST_BEFORE = re.compile(r"\bago\s+$", re.I)
DAY_BEFORE_OR_AFTER = re.compile(r"\bday (?:before|after)\s+$", re.I)


def _day_words_with_their_dates(text: str, mentions: list[TimeMention]) -> list[Cue]:
    cues = []
    for word, dated in itertools.pairwise(mentions):
        offset = DAY_WORD_OFFSETS.get(word.text.lower())
        if (
            offset is not None
            and not DAY_BEFORE_OR_AFTER.search(text, max(0, word.start - 20), word.start)  # 'the day before yesterday'
            and not AGO_JUST_BEFORE.search(text, max(0, word.start - 10), word.start)  # 'six months ago today (...)'
            and dated.kind in {"month_day", "full_date", "weekday_date"}
            and DATE_IN_APPOSITION.fullmatch(text, word.end, dated.start)
        ):
            day = dated.range.start + timedelta(days=offset)
            told = replace(dated, range=DateRange(day, day, "day"))
            cues.append(Cue("dateline_day", f"{word.text!r} is {dated.text!r} in: {text[:90]}", mention=told))
    return cues


def _counted_since_the_start_before(text: str, previous: str) -> list[Cue]:
    """'In the 40 days since, ...' after a sentence that gives the war's start ('Russia launched its full-scale
    invasion on Feb. 24.'): the war's age as the article is written."""
    m = COUNT_SINCE_THEN.match(text)
    told = find_time_mentions(previous, PROBE) if m else []
    # the last day told before it, not another day after the start ('... on Feb. 24, and the delegations last met
    # in Istanbul on March 29. In the 40 days since, ...' counts from March 29)
    if m is None or not told or not war_start_cue(previous, told[-1].text):
        return []
    return [Cue("duration", m.group(0), target=_duration_span(_counted_days(m), "", m.group("unit")))]


def _story_age_cues(text: str, told_before: tuple[date, ...]) -> list[Cue]:
    """'the first direct talks in three years', 'has changed little in more than three years': what the text tells
    of lies at least so long back, so the article is at least that long after the story's start (the anchor is set
    once the start, or the story's year, is known)."""
    cues = []
    for m in STORY_AGE.finditer(text):
        n = next(m.group(g) for g in ("n", "n2", "n3") if m.group(g))
        unit = next(m.group(g) for g in ("unit", "unit2", "unit3") if m.group(g)).lower()
        qual = next((m.group(g) for g in ("qual", "qual2", "qual3") if m.group(g)), "").lower()
        days = count_value(n) * UNIT_DAYS[unit]
        if days > (RETROSPECTIVE_YEARS + 1) * UNIT_DAYS["year"]:
            continue
        low = _duration_span(days, qual, unit)[0] if qual else days  # 'more than three years': not three to the day
        told = f"{m.group(0)!r} in: {text[:90]}"
        cues.append(Cue("story_age", told, target=(low, low + UNIT_DAYS["year"]), story_days_before=told_before))
    return cues


def _year_after_the_one_told(sentence: str, mentions: list[TimeMention]) -> list[Cue]:
    """'Boris Johnson visited Kyiv in early April last year, on April 9, 2022': the article is of the year after the
    one the sentence names with 'last year'."""
    last_year = next((m for m in mentions if m.kind == "relative_period" and LAST_YEAR.search(m.text)), None)
    told = {m.range.start.year for m in mentions if m.kind in {"full_date", "month_year", "season"} and not m.forward}
    if last_year is None or len(told) != 1:
        return []
    year = told.pop() + 1
    following = replace(last_year, kind="year", range=DateRange(date(year, 1, 1), date(year, 12, 31), "year"))
    return [Cue(YEAR_AFTER_TOLD, f"{last_year.text!r} with {year - 1} in: {sentence[:90]}", mention=following)]


ROUND_DAY_KINDS = frozenset({"month_day", "full_date", "weekday", "weekday_date", "relative_period", "day_word"})


def _round_day(sentence: str, mentions: list[TimeMention]) -> list[Cue]:
    """'A third round of talks finished on Monday', 'at the second round of talks last week': the one day or week
    a sentence gives the round it numbers. Rounds are held in their order, so a later one's day cannot come before
    an earlier one's: a day that would put them out of order is an unlikely day for the article."""
    if len(mentions) != 1 or mentions[0].forward or mentions[0].kind not in ROUND_DAY_KINDS:
        return []
    number = round_number(sentence)
    if number is None:
        return []
    told = mentions[0]
    return [Cue("round_day", f"{told.text!r} in: {sentence[:90]}", round_told=(number, sentence, told.start))]


QUOTED_DAY_KINDS = frozenset({"month_day", "full_date"})


def _quoted_past_days(text: str, probe: date) -> list[TimeMention]:
    """The calendar days a quote tells of in the past ('adding that "all Russian units withdrew from Bucha on 30
    March."'): the article is written after them, as after any day it tells of itself. A day a quote looks ahead
    to, or tells of in the present, says nothing of when the article was written."""
    if "“" not in text and '"' not in text:
        return []
    return [
        m
        for m in find_time_mentions(text, probe, skip_quotes=False)
        if m.kind in QUOTED_DAY_KINDS and not m.forward and inside_quote(text, m.start) and _told_as_past(text, m)
    ]


def _collect_cues(article: CleanArticle, probe: date) -> list[Cue]:
    cues: list[Cue] = []
    previous = ""
    told: tuple[date, ...] = ()  # the full dates and months of a year told so far (not a photo's: the news's own)
    story_told: tuple[date, ...] = ()  # and its spans and years: the earliest day of the story told before a sentence
    # "Kuleba late Monday confirmed that he will meet Lavrov ... this week": the lede's news is of the week, and the
    # day to come the text names for it ('both sides were expected in Antalya on March 10') is that week's
    lede_this_week = any(
        THIS_WEEK.search(s.text) and cue_words().future.search(s.text) for s in article.sentences[:LEDE_SENTENCES]
    )
    for sentence in article.sentences:
        mentions = find_time_mentions(sentence.text, probe) + _quoted_past_days(sentence.text, probe)
        cues.extend(_day_words_with_their_dates(sentence.text, mentions))
        cues.extend(_ago_today_on(sentence.text, mentions))
        for mention in mentions:
            if mention.kind in {"full_date", "month_year"} and not mention.forward and not sentence.is_caption:
                told += (mention.range.start,)
            if mention.kind == "weekday_numbered":
                continue  # read below, independently of the probe date
            kind = "caption" if sentence.is_caption and mention.kind == "full_date" else mention.kind
            if kind == "full_date" and EDITION_AFTER.match(sentence.text, mention.end):
                kind = "edition"  # 'From the March 12th 2022 edition': the issue's date, not news the article reports
            if kind == "full_date" and MODIFIED_BEFORE.search(sentence.text, 0, mention.start):
                kind = MODIFIED  # 'This post was last modified on April 6, 2022': published no later than that
            if kind == "weekday" and "within the week" in mention.explanation:
                kind = "nested_weekday"
            if (
                kind == "relative_period"
                and LAST_YEAR.fullmatch(mention.text)
                and TALKS_LAST_YEAR.search(sentence.text)
            ):
                kind = "talks_last_year"
            past = kind == "weekday_date" and bool(LAST_JUST_BEFORE.search(sentence.text, 0, mention.start))
            told_past = kind == "weekday_date" and (
                _told_as_past(sentence.text, mention) or _fronted_and_past(sentence.text, mention)
            )
            text = f"{mention.text!r} in: {sentence.text[:90]}"
            # a photo's day at the end of its caption, or any day of a caption ('... on April 12 ... (Video: Reuters)')
            photo_day = kind == "month_day" and (
                sentence.is_caption
                or (
                    sentence.text[: mention.start].rstrip().endswith(",")
                    and bool(PHOTO_DAY_AT_END.match(sentence.text[mention.start :]))
                )
            )
            soon = mention.forward and (lede_this_week or bool(THIS_WEEK.search(sentence.text)))
            cues.append(
                Cue(
                    kind,
                    text,
                    mention=mention,
                    past=past,
                    told_past=told_past,
                    # (not 'On May 16th, the delegations resumed direct talks ... for the first time in more than
                    # three years': the day the story's age is counted to, not one going on from its first year)
                    told_after=() if STORY_AGE.search(sentence.text) else told,
                    photo_day=photo_day,
                    stands_alone=sentence.text.strip() == mention.text.strip(),
                    opens_a_period=kind == "month_day" and bool(OPENS_A_PERIOD.search(sentence.text, 0, mention.start)),
                    war_start=kind == "month_day" and bool(war_start_cue(sentence.text, mention.text)),
                    of_a_round=kind == "month_day"
                    and bool(
                        ROUND_BY_ITS_DAY.search(sentence.text, 0, mention.start)
                        or SESSION_AT_A_PLACE_BY_ITS_DAY.search(sentence.text, 0, mention.start)
                        or ROUND_AFTER_ITS_DAY.match(sentence.text, mention.end)
                    ),
                    year_beside=bool(YEAR_DIGITS.search(sentence.text)),
                    earlier=bool(EARLIER_NEWS.search(sentence.text, 0, mention.start)),
                    soon=soon,
                    year_gone_by=_year_gone_by(sentence.text, mention) and not sentence.is_caption,
                )
            )
        dated = [m for m in mentions if m.kind in TIME_ON_ANCHORS and not m.forward]
        for m in TIME_ON.finditer(sentence.text) if len(dated) == 1 else ():
            if m.group("unit").lower() != "year" and dated[0].range.days > MONTH_DAYS:
                continue  # weeks or months are not counted from a whole year
            if _counted_days(m) > (RETROSPECTIVE_YEARS + 1) * UNIT_DAYS["year"]:
                continue  # 'Eighty years on, ...': history, not the time since the talks
            span = _counted_span(m)
            text = f"{m.group(0)!r} after {dated[0].text!r} in: {sentence.text[:90]}"
            cues.append(Cue("time_on", text, target=span, counted_on_from=dated[0].range.start))
        for m in WEEKDAY_NUMBERED.finditer(sentence.text):
            forward = looks_forward(sentence.text, m.start(), None)
            weekday, day_number = numbered_weekday(m.groupdict())
            if LAST_NIGHT_BEFORE.search(sentence.text, max(0, m.start() - LAST_NIGHT_REACH), m.start()) and (
                day_number < MONTH_SURE_DAYS
            ):
                # "announced late last night - Wednesday (21) -": the article is of the day after
                weekday, day_number = (weekday + 1) % 7, day_number + 1
            cues.append(
                Cue(
                    "weekday_numbered",
                    f"{m.group(0)!r} in: {sentence.text[:90]}",
                    numbered=(weekday, day_number, forward),
                )
            )
        cues.extend(_year_after_the_one_told(sentence.text, mentions))
        cues.extend(_round_day(sentence.text, mentions))
        cues.extend(_duration_cues(sentence.text))
        cues.extend(_story_age_cues(sentence.text, story_told))
        story_told += tuple(m.range.start for m in mentions if m.kind in STORY_DATE_KINDS and not m.forward)
        cues.extend(_counted_since_the_start_before(sentence.text, previous))
        cues.extend(Cue(OFFICE, named.text, office=named) for named in offices_named(sentence.text))
        previous = sentence.text
    cues.extend(_duration_cues(article.title))  # "what we know on day 50 of the invasion"
    titled = TITLE_DAY.match(article.title)
    if titled and int(titled.group("n")) > 0 and cue_words().conflict_start.search(article.text):
        n = int(titled.group("n"))
        cues.append(Cue("duration", titled.group(0), target=(n - 1.1, n - 0.9)))
    cues = _distinct(cues)
    captions = [c for c in cues if c.kind == "caption" and c.mention]
    if captions:
        newest = max(captions, key=lambda c: c.mention.range.start if c.mention else date.min)
        cues = [c for c in cues if c.kind != "caption" or c is newest]
        cues += [Cue("older_caption", c.text, mention=c.mention) for c in captions if c is not newest]
    return cues


# a wire story's opening with its city and agency but no day: 'ISTANBUL, TURKEY | Xinhua | ', 'ANTALYA, Turkey
# (Reuters) – ', 'MOSCOW (AP) — '
WIRE_CITY_OPENING = re.compile(
    r"^(?-i:[A-Z][A-Z .'’-]{2,30})(?:,\s+[A-Za-z .'’-]{2,30}?)?\s*"
    r"(?:\((?-i:[A-Z])[\w/ ]{1,20}\)\s*[-–—:]|\|\s*(?-i:[A-Z])[\w ]{1,20}?\s*\|)\s*(?-i:[A-Z])"
)


def _dateline_cues(article: CleanArticle, probe: date) -> list[Cue]:
    """A dateline without a year ('ISTANBUL, March 29 (Reuters)') fixes the day and month; the year is inferred. A
    wire story's lede, under a dateline with or without its day ('ISTANBUL, TURKEY | Xinhua | Delegations ...
    concluded their meeting ... on Friday'), tells the day's news."""
    days = [m for m in find_time_mentions(article.dateline, probe) if m.kind == "month_day"] if article.dateline else []
    if days and article.dateline:
        cues = [Cue("dateline_day", f"dateline without a year: {article.dateline}", mention=days[0])]
        # (a date line of its own, above the story: its first sentence is the lede)
        lede = next((s.text for s in article.sentences if article.dateline in s.text), _first_text(article))
    elif not article.dateline and article.sentences and WIRE_CITY_OPENING.match(article.sentences[0].text):
        cues, lede = [], article.sentences[0].text
    else:
        return []
    weekdays = [m for m in find_time_mentions(lede, probe) if m.kind == "weekday" and not m.forward]
    weekday_numbers = {n for m in weekdays if (n := _weekday_of(m)) is not None}
    if weekday_numbers:
        # wire copy tells the day's news: the latest weekday of its lede is the dateline's day or the one before
        cues.append(Cue("lede_weekday", f"the lede's weekdays: {lede[:90]}", lede_weekdays=tuple(weekday_numbers)))
    return cues


def _first_text(article: CleanArticle) -> str:
    return article.sentences[0].text if article.sentences else ""


def _distinct(cues: list[Cue]) -> list[Cue]:
    """One cue per distinct constraint ('late February' three times constrains the day once), first kept."""
    seen: dict[tuple[object, ...], Cue] = {}
    for cue in cues:
        key = (
            cue.kind,
            cue.mention and (cue.mention.range, cue.mention.forward),
            cue.target,
            cue.numbered,
            cue.counted_on_from,
            cue.round_told,
            cue.office and cue.office.terms,
            cue.year_beside,  # ('in March and April 2022' does not stand for a year-less 'since March')
        )
        seen.setdefault(key, cue)
    return list(seen.values())


def _resolved_explicit(cue: Cue, day: date) -> date | None:
    """The latest day an explicit reference names, resolved as if the article were from `day`."""
    m = cue.mention
    if m is None or m.forward:
        return None
    if cue.kind in {"full_date", "caption"}:
        return m.range.end
    if cue.kind in {"month_day", "weekday_date"}:
        return _latest_on_or_before(m.range.start.month, m.range.start.day, day)
    if cue.kind == "month":  # "accepted a proposal in March": March has begun
        start = date(day.year, m.range.start.month, 1)
        return start if start <= day else start.replace(year=day.year - 1)
    if cue.kind == "month_of_year":  # "In April this year, a reconstruction appeared": April of the article's year
        return date(day.year, m.range.start.month, 1)
    if cue.kind == "month_part":
        for year in (day.year, day.year - 1):
            last_day = calendar.monthrange(year, m.range.end.month)[1]  # "late February" ends on the 28th or 29th
            end = date(year, m.range.end.month, min(m.range.end.day, last_day))
            if end < day:
                return end
    return None


def _weekday_date_ahead(mention: TimeMention, day: date) -> bool:
    """Whether 'Thursday, March 10' names a day soon after `day` that is that weekday: within months when its clause
    looks ahead ('agreed to meet on Thursday, March 10'), within weeks when nothing in it does ('Lavrov and Kuleba
    meet on Thursday, March 10'; not 'an interview broadcast on Friday, November 24' four months later)."""
    start = mention.range.start
    ahead = nearest_year(start.month, start.day, day, True)
    reach = WEEKDAY_DATE_DAYS if mention.forward else UNMARKED_AHEAD_DAYS
    return ahead is not None and ahead.weekday() == _weekday_of(mention) and (ahead - day).days <= reach


def _wars_age_told(cue: Cue, ctx: CorpusContext) -> tuple[float, float]:
    """The days since the war began a cue allows: 'Three months ago today' to the calendar day."""
    assert cue.target is not None
    start = ctx.conflict_start
    if cue.months_ago_today is None or start is None:
        return cue.target
    days = (_months_on(start, cue.months_ago_today) - start).days
    return (days - 0.1, days + 0.1)


def _war_year(ctx: CorpusContext) -> int | None:
    return ctx.conflict_start.year if ctx.conflict_start else None


def _year_gone_by(sentence: str, mention: TimeMention) -> bool:
    """Whether a year is told as a time gone by, without a day: 'the negotiations in 2022', 'Putin said in March
    2022', 'in the spring of 2022'; not one to come ('will end in 2022') nor a stamp ('Friday, March 2022')."""
    if mention.kind not in YEAR_TOLD_KINDS or looks_forward(sentence, mention.start, None):
        return False
    return (
        mention.kind == "season"
        or bool(YEAR_AS_A_TIME.search(sentence, 0, mention.start))
        or bool(YEAR_TOLD_AS_A_TIME.match(mention.text))
    )


def _names_its_year(cue: Cue) -> bool:
    """A part of a month told with its year ('in early March 2022'), not one without ('in early March')."""
    return cue.kind == "month_part" and cue.mention is not None and bool(YEAR_DIGITS.search(cue.mention.text))


def _day_to_come(mention: TimeMention, day: date) -> date | None:
    """The day a date told as to come names, for an article of `day`: its own when it has its year, else the
    next such day."""
    if mention.kind == "full_date":
        return mention.range.start
    start = mention.range.start
    return nearest_year(start.month, start.day, day, True)


def _latest_on_or_before(month: int, day_of_month: int, day: date) -> date | None:
    """The latest month/day on or before `day` (in its year or the one before; 29 February only in a leap year)."""
    for year in (day.year, day.year - 1):
        if day_of_month <= calendar.monthrange(year, month)[1] and (found := date(year, month, day_of_month)) <= day:
            return found
    return nearest_year(month, day_of_month, day, False)  # two years back at most: 29 February


def _numbered_fit(day: date, weekday: int, target: int, forward: bool) -> tuple[bool, tuple[date, ...]]:
    """Whether 'Monday (28)' fits an article of `day` (a Monday the 28th within the week after or before it),
    and, looking back, the days of that week that are the 28th (the news peg)."""
    numbered = _day_numbered_within_week(day, target, forward)
    fits = numbered is not None and numbered.weekday() == weekday
    return fits, () if forward or numbered is None else (numbered,)


def _day_numbered_within_week(day: date, target: int, forward: bool) -> date | None:
    """The day of the month `target` among the six days after `day` (or before it) and `day` itself: at most
    one, as months are longer than a week."""
    if forward:
        month_end = calendar.monthrange(day.year, day.month)[1]
        gap = target - day.day if target >= day.day else month_end - day.day + target
        numbered = day + timedelta(days=gap)
    else:
        previous_month_end = (day.replace(day=1) - timedelta(days=1)).day
        gap = day.day - target if target <= day.day else day.day + previous_month_end - target
        numbered = day - timedelta(days=gap)
    return numbered if gap <= 6 and numbered.day == target else None


@lru_cache(maxsize=1024)
def _weekday_of(mention: TimeMention) -> int | None:
    """The weekday a mention names: its last word ('on Friday'), else its first ('Tuesday, March 11')."""
    words = [w for w in re.findall(r"[a-z]+", mention.text.lower()) if w in WEEKDAYS]
    if not words:
        return None
    last = mention.text.lower().split()[-1].strip(",.")
    return WEEKDAYS.index(last if last in WEEKDAYS else words[0])


@dataclass(frozen=True)
class Constraints:
    """The cues sorted once by what they ask of the publication day, so that each candidate day is scored
    without going through every cue's kind again."""

    fixed_latest: date | None  # the latest full date or caption the text names (not looking ahead)
    yearless: tuple[Cue, ...]  # dates without a year, resolved per day: their latest and their penalties
    captions: tuple[date, ...]
    not_before: tuple[date, ...]  # full dates and older captions: the article is no earlier
    dateline_days: tuple[tuple[int, int], ...]
    numbered: tuple[tuple[int, int, bool], ...]
    weekdays: tuple[tuple[int, int], ...]  # a bare weekday, and the days before the article it lies at least
    durations: tuple[tuple[float, float], ...]
    # "Two years on, the communiqué of March 2022": the days after a date the article lies
    counted_on: tuple[tuple[date, float, float], ...]
    anniversaries: tuple[tuple[date, date], ...]  # the days an anniversary the text marks allows, and no others
    years: tuple[int, ...]
    lede_weekdays: tuple[tuple[int, ...], ...] = ()
    editions: tuple[date, ...] = ()  # the date of the issue the article appeared in: on it or days before
    soon: tuple[TimeMention, ...] = ()  # dates to come told as this week's ('This weekend, ... on 15 and 16 June')
    ahead: tuple[TimeMention, ...] = ()  # other dates to come ('will meet in Antalya on Thursday, March 10')
    rounds_told: tuple[tuple[int, str, int], ...] = ()  # a numbered round, its sentence, where its day is told in it
    years_gone_by: frozenset[int] = frozenset()  # years told in the past without a day ('the talks in 2022')
    modified: tuple[date, ...] = ()  # the days the page was last changed on: it is no later
    # for a text that tells its news as yesterday's, the latest day a caption or sentence names (not a date line's
    # own): the article is rather of the day after it
    yesterdays_news: date | None = None

    @property
    def pins_calendar(self) -> bool:
        """Whether weekdays tied to days of the month ('Tuesday, March 11', a lede's weekday under a dateline)
        or the war's age ('now in its fourth year') say which years the text fits."""
        return (
            bool(self.lede_weekdays)
            or bool(self.durations)  # "the war, now in its fourth year"
            or any(c.kind == "weekday_date" for c in self.yearless)
        )

    @classmethod
    def of(cls, cues: list[Cue], ctx: CorpusContext) -> "Constraints":
        past = [c for c in cues if c.mention is not None and not c.mention.forward]
        fixed = [c.mention.range.end for c in past if c.mention and c.kind in {"full_date", "caption"}]
        weekdays = [
            (weekday, int(c.mention.text.lower().startswith("last ")))  # "last Thursday": not the article's day
            for c in past
            if c.mention and c.kind == "weekday" and (weekday := _weekday_of(c.mention)) is not None
        ]
        return cls(
            fixed_latest=max(fixed, default=None),
            yearless=tuple(
                c
                for c in past
                if c.kind in {"month_day", "weekday_date", "month_part"}
                or (c.kind == "month" and c.mention and PAST_MONTH.match(c.mention.text))  # not "by June"
                or (c.kind == "month_of_year" and c.mention and THIS_YEAR_WORDS.search(c.mention.text))
            ),
            captions=tuple(c.mention.range.start for c in cues if c.mention and c.kind == "caption"),
            not_before=tuple(  # "talks held in Istanbul in March 2022": the article is no earlier than that
                c.mention.range.start
                for c in past
                if c.mention and c.kind in {"full_date", "older_caption", "month_year", "season"}
            )
            + tuple(  # "US Secretary of State Marco Rubio": nor than the day he took the post
                floor for c in cues if (floor := c.office_floor(ctx)) is not None
            )
            + tuple(  # "took place ... on the eighth day of the war": nor than that day
                ctx.conflict_start + timedelta(days=round(c.target[0]))
                for c in cues
                if c.kind in {WAR_DAY_GONE_BY, GONE_BY_AFTER_THE_START} and c.target and ctx.conflict_start
            ),
            dateline_days=tuple(
                (c.mention.range.start.month, c.mention.range.start.day)
                for c in cues
                if c.mention and c.kind == "dateline_day"
            ),
            numbered=tuple(c.numbered for c in cues if c.kind == "weekday_numbered" and c.numbered),
            weekdays=tuple(weekdays),
            durations=tuple(_wars_age_told(c, ctx) for c in cues if c.target and c.counts_the_wars_age(ctx)),
            counted_on=tuple(
                (c.counted_on_from, *c.target) for c in cues if c.counted_on_from is not None and c.target is not None
            ),
            anniversaries=tuple(
                (ctx.conflict_start + timedelta(days=c.target[0]), ctx.conflict_start + timedelta(days=c.target[1]))
                for c in cues
                if c.anniversary and c.target and ctx.conflict_start
            ),
            years=tuple(c.mention.range.start.year for c in cues if c.mention and c.kind in {"year", YEAR_AFTER_TOLD}),
            lede_weekdays=tuple(c.lede_weekdays for c in cues if c.kind == "lede_weekday"),
            soon=tuple(c.mention for c in cues if c.soon and c.mention and c.kind in AHEAD_KINDS),
            ahead=tuple(
                c.mention for c in cues if c.mention and c.mention.forward and not c.soon and c.kind in AHEAD_KINDS
            ),
            editions=tuple(c.mention.range.start for c in cues if c.mention and c.kind == "edition"),
            modified=tuple(c.mention.range.start for c in cues if c.mention and c.kind == MODIFIED),
            yesterdays_news=_yesterdays_news(past),
            rounds_told=_rounds_told(cues),
            years_gone_by=frozenset(
                c.mention.range.start.year for c in past if c.mention and c.tells_the_war_year_gone_by(ctx)
            ),
        )


def _yesterdays_news(past: list[Cue]) -> date | None:
    """For a text that tells its news as yesterday's, the latest day a caption or a sentence names, not a date line
    opening the text ('June 18, 2023 (EIRNS)—Meeting yesterday ...'): the article is rather of the day after it."""
    if not any(c.kind == "day_word" and c.mention and c.mention.text.lower() == "yesterday" for c in past):
        return None
    named = [
        c.mention.range.start
        for c in past
        if c.mention and (c.kind == "caption" or (c.kind == "full_date" and c.mention.start > 0))
    ]
    return max(named, default=None)


def _rounds_told(cues: list[Cue]) -> tuple[tuple[int, str, int], ...]:
    """The numbered rounds the text gives a day, when it gives days to at least two different ones."""
    told = [c.round_told for c in cues if c.round_told]
    return tuple(told) if len({number for number, _, _ in told}) > 1 else ()


def _rounds_out_of_order(day: date, k: Constraints) -> int:
    """How many pairs of numbered rounds the article's days would put out of order were it written on `day`: a
    third round 'on Monday' no later than the first one 'On February 28'."""
    held: list[tuple[int, DateRange]] = []
    for number, sentence, start in k.rounds_told:
        told = next((m for m in find_time_mentions(sentence, day) if m.start == start), None)
        if told is not None:
            held.append((number, told.range))
    return sum(
        1
        for (first, first_days), (later, later_days) in itertools.permutations(held, 2)
        if first < later and later_days.end <= first_days.start
    )


def _hard_floor(day: date, k: Constraints) -> float:
    """The part of `_penalty` that rules days out on cheap checks alone: the penalty starts from it, so a day
    whose floor is already worse than the best day found is not worth scoring."""
    # a page's stamp may be a day ahead of its dateline (another time zone: 'ISTANBUL, March 29 (Xinhua)' under
    # 'Source: Xinhua | 2022-03-30 00:41:17'): a day before a full date costs a little, earlier days are ruled out
    floor = sum(
        HARD if day < start - timedelta(days=1) else STAMP_AHEAD
        for start in (*k.not_before, *k.captions)
        if day < start
    )
    floor += HARD * sum(1 for month_day in k.dateline_days if (day.month, day.day) != month_day)
    floor += HARD * sum(1 for year in k.years if day.year < year)
    floor += HARD * sum(1 for changed in k.modified if day > changed)
    floor += HARD * sum(1 for first, last in k.anniversaries if not first <= day <= last)
    misfits = sum(1 for weekday, target, forward in k.numbered if not _numbered_fit(day, weekday, target, forward)[0])
    return floor + HARD * misfits


def _told_back(cue: Cue, resolved: date, day: date, told_from: date = date.min) -> bool:
    """Whether a year-less day may go on from a date of an earlier year the text has told in full before it ('held
    on February 28, 2022, ...; the second round followed on March 3'), or lie just before it ('on April 9, 2022,
    less than two weeks after the delegations met on March 29'), one no earlier than `told_from`: then it is no
    sign of the article's age."""
    for start in cue.told_after:
        if told_from <= start and start.year < day.year:
            with suppress(ValueError):  # February 29
                if resolved.replace(year=start.year) >= start - timedelta(days=TOLD_BACK_REACH_DAYS):
                    return True
    return False


def _names_a_recent_day_by_date(cue: Cue, days_before: int) -> bool:
    """Whether a year-less day of the month lies in the week before the article (not the day before: a story dated
    just after midnight names yesterday's), or is the article's own day told in a sentence, not as a line of its
    own (a related link's '10 March' under a story of that day)."""
    if days_before == 0:
        return not cue.stands_alone
    return 1 < days_before <= WEEK_DAYS  # the other days of its week


def _may_go_on_from_the_war(cue: Cue, resolved: date, day: date, k: Constraints, ctx: CorpusContext) -> bool:
    """Whether a year-less day, however recent, may go on from a date of the war's earlier years (a 2025 essay's
    'Two more rounds followed, on March 3 and March 7' after 'on February 28, 2022'): then it need not be news
    the article's bare weekdays are newer than. Not under a year-less dateline: a wire story's year-less days
    are its news."""
    return (
        not k.dateline_days
        and ctx.conflict_start is not None
        and _told_back(cue, resolved, day, told_from=ctx.conflict_start)
    )


def _penalty(day: date, k: Constraints, ctx: CorpusContext, has_year: bool) -> float:
    """How badly a publication on `day` fits the cues: >= HARD means ruled out."""
    score = _hard_floor(day, k)
    if day.year in k.years_gone_by:
        score += YEAR_GONE_BY_PENALTY
    latest = k.fixed_latest
    # what a bare weekday is newer than: 'March 10', not 'Wednesday, March 30', nor a full date ('March 29, 2022'
    # under a photo names the talks' day, and 'on Sunday' the call before them)
    named_latest: date | None = None
    pegs: list[date] = []
    resolved_yearless = []
    for cue in k.yearless:
        resolved = _resolved_explicit(cue, day)
        resolved_yearless.append(resolved)
        if resolved is None or ((day - resolved).days > YEARLESS_REACH_DAYS and _told_back(cue, resolved, day)):
            continue
        if cue.earlier and resolved < day:
            continue  # older news told as such: no sign of how recent the article is
        if latest is None or resolved > latest:
            latest = resolved
        if cue.kind == "weekday_date" or _may_go_on_from_the_war(cue, resolved, day, k, ctx):
            continue
        if resolved == day and (day.month, day.day) in k.dateline_days and k.fixed_latest is None:
            # the dateline's own day ('Moscow, April 13 (IANS)'): the weekdays under it may be of days before (when no
            # stamp with its year tells the year: 'Source: Xinhua | 2022-03-30' over 'ISTANBUL, March 29 (Xinhua)')
            continue
        if named_latest is None or resolved > named_latest:
            named_latest = resolved
    # captions, dates the article is no earlier than, a dateline's day, years and 'Monday (28)': in the floor
    score += sum(min(CAPTION_LATE_MOST, max(0, (day - start).days - 1)) for start in k.captions if day >= start)
    if day == k.yesterdays_news:
        # 'During a meeting with African leaders yesterday' under a photo of it dated June 17: written on the 18th
        score += YESTERDAYS_NEWS
    for cue, resolved in zip(k.yearless, resolved_yearless, strict=True):
        if cue.kind == "weekday_date":
            if resolved is not None and cue.mention and resolved.weekday() != _weekday_of(cue.mention):
                if not cue.past and not cue.told_past and _weekday_date_ahead(cue.mention, day):
                    continue  # "agreed to meet on Thursday, March 10": a day to come, which is a Thursday
                score += HARD  # "Tuesday, March 11" is a Tuesday: not a year in which the 11th is another day
            if cue.past and resolved is not None and resolved >= day:
                score += HARD  # "last Friday, June 3" is before the article's day
            if resolved is not None:
                pegs.append(resolved)  # a weekday with its date: news the article reports, like a bare weekday
            continue
        if resolved is None or resolved > day:
            score += HARD  # a past date the article names is no later than the article
        elif (day - resolved).days > YEARLESS_REACH_DAYS and not cue.war_start and not _told_back(cue, resolved, day):
            # a year-less date is rarely from more than eight months before (one told with its year, 'in early
            # March 2022', may be from any time before)
            score += 0 if _names_its_year(cue) else 20
        elif cue.kind == "month" and not cue.year_beside and (resolved.year, resolved.month) == (day.year, day.month):
            # 'talks have stalled since March' is not written in March (but 'since the start of the month'), nor 'At
            # the peace talks ... in Istanbul in March' (but 'earlier this month')
            score += 1
        elif cue.war_start and resolved == day:
            score += 1  # 'the war started on Feb. 24', told by its date: written after that day
        elif cue.kind == "month_part" and (day - resolved).days < 7:
            score += 1  # within a week writers say "last week" or name the day, not "late in March"
        elif (
            cue.kind == "month_day"
            and k.weekdays
            and not cue.opens_a_period
            and _names_a_recent_day_by_date(cue, (day - resolved).days)
        ):
            if (
                _may_go_on_from_the_war(cue, resolved, day, k, ctx)
                or cue.photo_day
                or ((cue.war_start or cue.of_a_round) and resolved < day)
            ):
                # (and a photo's caption gives its day by date, whatever the text does, and the war's start is
                # background: 'The invasion began on 24 February' in a report of the Monday after, not of that day;
                # a numbered round is named by its day: 'after the first round of talks on February 28')
                continue
            # and a text that names recent days by their weekday ("on Monday") would name one of the past week
            # so, not "on July 14", nor its own day ('had left the town on 29 March' in a report of March 29); one
            # that names none so (a weekly: "On June 30th ...") names them all by date
            score += 1
    if k.rounds_told:
        score += ROUNDS_OUT_OF_ORDER * _rounds_out_of_order(day, k)
    for weekday, target, forward in k.numbered:
        pegs.extend(_numbered_fit(day, weekday, target, forward)[1])
    bare_days = [weekday_on_or_before(day - timedelta(days=back), weekday) for weekday, back in k.weekdays]
    pegs.extend(bare_days)
    if named_latest is not None and bare_days and max(bare_days) < named_latest:
        # bare weekdays name days of the past week: newer than dated references. (When the latest of them is, the
        # others may be older: 'on the evening of 16 May' in a report of Tuesday the 17th that also says 'on Sunday')
        score += 10 * sum(resolved < named_latest for resolved in bare_days)
    if k.durations and ctx.conflict_start:
        age = (day - ctx.conflict_start).days
        for low, high in k.durations:
            score += max(0.0, low - age, age - high)
    for since, low, high in k.counted_on:
        score += min(COUNTED_ON_MOST, max(0.0, low - (day - since).days, (day - since).days - high))
    for weekdays in k.lede_weekdays:
        if min((day - weekday_on_or_before(day, w)).days for w in weekdays) > 1:
            score += HARD  # the lede's latest weekday is neither the dateline's day nor the day before
    for changed in k.modified:
        # a page is last changed soon after it appears, more often than long after ('This page was last edited on 22
        # April 2024': that version's day, unless the text's own news is older)
        score += MODIFIED_PULL * max(0, (changed - day).days)
    for issue in k.editions:
        if day > issue:
            score += HARD  # an article is online by the date of the issue it is printed in
        else:
            score += max(0, (issue - day).days - EDITION_AHEAD_DAYS)
    for mention in k.soon:
        # 'This weekend, ... will gather ... on 15 and 16 June': the week before it, not after it
        if (to_come := _day_to_come(mention, day)) is not None:
            score += max(0, (to_come - day).days - WEEK_DAYS, (day - to_come).days)
    for mention in k.ahead:
        # 'will meet in Antalya on March 10, 2022': a day to come, not one gone by (a year-less one is the next such
        # day; how far ahead is not weighed: a retrospective's 'on 15-16 June' is months off)
        if (to_come := _day_to_come(mention, day)) is not None:
            score += AHEAD_PASSED if to_come < day else 0
    if pegs:
        # the news peg: an article appears on, or the day after, the latest weekday it reports
        score += 0.5 * max(0, (day - max(pegs)).days - 1)
        # and bare weekdays are recent: the past days they name cluster just before it
        score += 0.05 * sum((day - peg).days for peg in pegs)
    if latest is not None:
        score += 0.01 * max(0, (day - latest).days - 30)
    # the corpus's usual year, or the year after one the text tells as gone by ('the talks in 2022')
    usual = (
        max(ctx.default_year, max(k.years_gone_by) + 1) if ctx.default_year and k.years_gone_by else ctx.default_year
    )
    if not has_year and usual is not None and day.year != usual and day.year not in k.years_gone_by:
        # unless a year-less dateline and its lede's weekday, or a year gone by, let the calendar go further
        later = day.year > usual and (k.pins_calendar or bool(k.years_gone_by))
        score += YEAR_AWAY * (day.year - usual) if later else HARD
    return score


def years_named(article: CleanArticle) -> frozenset[int]:
    """The years the article's headline and text name ('the talks in Istanbul in March 2022'): what the run's
    articles name most is the year their story is of, and that of its articles that name none."""
    texts = (article.title, *(s.text for s in article.sentences))
    return frozenset(int(year) for text in texts for year in YEAR_DIGITS.findall(text))


def told_war_start(article: CleanArticle) -> ToldStart | None:
    """The war's start as the article gives it ('The invasion began on the 24th of February'), with its year when
    named, for the other articles of its corpus to count the war's days from when no stored article has told it."""
    told = _war_start_mention(article, PROBE)
    if told is None:
        return None
    day = told.range.start
    return ToldStart(day.month, day.day, day.year if told.kind in EXPLICIT_YEAR_KINDS else None)


def war_start_from_its_age(article: CleanArticle) -> ToldStart | None:
    """The war's start counted back from the article's own stated date by the age it gives the war, told to within
    a few days ('day 43 of the invasion', 'a week after the second anniversary of the full-scale invasion'): for the
    run's other articles to count from when none of them tells the start."""
    stated = published_as_stated(article) or published_from_slashed_dateline(article, CorpusContext())
    if stated is None or stated.day is None:
        return None
    spans = [
        cue.target
        for text in (article.title, *(s.text for s in article.sentences))
        for cue in _duration_cues(text)
        if cue.kind == "duration"
        and cue.target
        and cue.counted_from is None
        and cue.target[1] - cue.target[0] <= AGE_TOLD_CLOSE_DAYS
    ]
    if not spans:
        return None
    days_since = sum((low + high) / 2 for low, high in spans) / len(spans)
    with suppress(OverflowError):
        start = stated.day - timedelta(days=round(days_since))
        return ToldStart(start.month, start.day, start.year, counted=True)
    return None


def _war_start_told(article: CleanArticle, probe: date) -> date | None:
    """The day the article itself gives as the war's start ('since the invasion began on 24 February'), read in
    the corpus's usual year when it has none."""
    told = _war_start_mention(article, probe)
    return told.range.start if told else None


def _war_start_mention(article: CleanArticle, probe: date) -> TimeMention | None:
    """The day the article gives as the war's start: told as such, or counted back from a day told so long after
    it ('on the 28th of February 2022, four days after the full-scale invasion')."""
    for sentence in article.sentences:
        if cue_words().conflict_start.search(sentence.text):
            for m in find_time_mentions(sentence.text, probe):
                if m.range.precision != "day" or m.forward:
                    continue
                if war_start_cue(sentence.text, m.text):
                    return m
                if after := DAYS_AFTER_START.match(sentence.text, m.end):
                    start = m.range.start - timedelta(days=count_value(after.group("n")))
                    return replace(m, range=DateRange(start, start, "day"))
    return None


def _story_age_counted_from(cues: list[Cue], ctx: CorpusContext) -> list[Cue]:
    """'the first talks in three years', 'has changed little in more than three years': counted from the earliest
    day of the story told before it, no earlier than the war's start ('Between March and May 2022, the effort
    failed. ... the situation has changed little in more than three years'; not the day of the sentence itself: 'On
    May 16, 2025, the delegations met for the first time in three years'), else from the war's start, else from the
    start of the earliest year the text names ('since the start of the war in 2022'); dropped when none is known."""
    if not any(c.kind == "story_age" for c in cues):
        return cues
    floor = ctx.conflict_start or date(ctx.default_year - RETROSPECTIVE_YEARS if ctx.default_year else 1900, 1, 1)
    named = [
        c.mention.range.start.year
        for c in cues
        if c.mention and c.mention.kind in STORY_DATE_KINDS and c.mention.range.start.year >= floor.year
    ]
    fallback = ctx.conflict_start or (date(min(named), 1, 1) if named else None)
    counted = []
    for cue in cues:
        if cue.kind == "story_age":
            before = [day for day in cue.story_days_before if day >= floor.replace(month=1, day=1)]
            anchor = max(min(before), ctx.conflict_start or date.min) if before else fallback
            if anchor is None:
                continue
            cue = replace(cue, counted_on_from=anchor)
        counted.append(cue)
    return counted


def _tells_of_talks_held(article: CleanArticle, war_began: date) -> bool:
    """Whether the text tells of talks held or ended (not of talks of a year before the war: 'the Minsk talks were
    held in 2015')."""
    return any(
        SESSION_HELD.search(s.text) and not any(int(year) < war_began.year for year in YEAR_DIGITS.findall(s.text))
        for s in article.sentences
    )


def infer_published(article: CleanArticle, ctx: CorpusContext) -> PublishedDate:
    """Best day and window for an article with no dateline, from the constraints its text gives."""
    probe = date(ctx.default_year or 2000, 7, 1)
    start_told_here = ctx.conflict_start is None and ctx.default_year is not None
    if start_told_here:
        # no stored article has told when the war began: this one may ('day 35 of the invasion ... since the
        # invasion began on 24 February')
        ctx = replace(ctx, conflict_start=_war_start_told(article, probe))
    cues = _story_age_counted_from(_collect_cues(article, probe) + _dateline_cues(article, probe), ctx)
    years = [
        c.mention.range.start.year
        for c in cues
        if c.mention
        and (
            c.kind in {"full_date", "caption", "month_year", "season", "edition", YEAR_AFTER_TOLD} or _names_its_year(c)
        )
    ]
    # "Ukrainian Defense Minister Rustem Umerov": the year he took the post counts as a year the text names
    office_floors = [floor for c in cues if (floor := c.office_floor(ctx)) is not None]
    years += [floor.year for floor in office_floors]
    if ctx.conflict_start is not None:
        # a year before the story began ('registered on April 2, 1999', 'the 1994 memorandum') is background
        years = [year for year in years if year >= ctx.conflict_start.year]
    elif ctx.default_year is not None:
        # and, before the other articles have told when it began, a year long before theirs ('its first restaurant
        # opened in January 1990')
        years = [year for year in years if year >= ctx.default_year - RETROSPECTIVE_YEARS]
    # "more than three years after the spring of 2022": a year the text tells by counting
    counted_on = [c.counted_on_from + timedelta(days=c.target[1]) for c in cues if c.counted_on_from and c.target]
    # "day 43 of the invasion", "21 months into the war": counted from a start whose year is known, a year too
    wars_age = [
        ctx.conflict_start + timedelta(days=_wars_age_told(c, ctx)[0])
        for c in cues
        if ctx.conflict_start and c.counts_the_wars_age(ctx) and c.target and c.target[1] - c.target[0] < WARS_AGE_YEAR
    ]
    has_year = bool(years) or bool(counted_on) or bool(wars_age)
    told_last_year = [
        c
        for c in cues
        if c.mention
        and (c.kind == "talks_last_year" or (c.mention.kind in LAST_YEAR_KINDS and LAST_YEAR.search(c.mention.text)))
    ]
    if not has_year and ctx.default_year is not None and told_last_year:
        # "On March 29th last year": what the other articles tell of happened the year before this one
        ctx = replace(ctx, default_year=ctx.default_year + 1)
    if not has_year and ctx.default_year is None:
        return PublishedDate(None, None, "undated", ("no year can be worked out from the text",))
    if not any(c.mention for c in cues) and not any(
        c.kind in {"duration", WAR_DAY_GONE_BY, "weekday_numbered"} for c in cues
    ):
        return PublishedDate(None, None, "undated", ("no date cues in the text",))
    first_year = max(years) if years else min(wars_age).year if wars_age else ctx.default_year or probe.year
    lo = date(first_year, 1, 1)
    explicit = [
        c.mention.range.end for c in cues if c.mention and not c.mention.forward and c.kind in {"full_date", "caption"}
    ]
    if explicit:
        lo = max(explicit) - timedelta(days=1)  # a day before a page's stamp: its dateline's day in another time zone
    # (a year told as gone by, 'the negotiations in 2022', lets the years after it in)
    later_years = has_year or any(c.tells_the_war_year_gone_by(ctx) for c in cues)
    hi = max([date(first_year + (RETROSPECTIVE_YEARS if later_years else 0), 12, 31), *counted_on])
    constraints = Constraints.of(cues, ctx)
    # (a year long before the story, 'where in 1991 an agreement was signed', is background: it names no day)
    names_no_day = all(
        c.kind in RELATIVE_ONLY_KINDS or (c.kind == "year" and c.mention.range.start.year < first_year - 1)
        for c in cues
        if c.mention
    )
    if ctx.conflict_start and (names_no_day or cue_words().conflict_start.search(article.text)):
        # a text that tells of the war ('Zelenskyy went to Bucha on Monday', 'since the invasion') is written after
        # it began, however few dates it gives; and so is one of the run that names days only from its own
        # ("who took part in Monday's talks", "today"): nothing in it says it is older than the story the run
        # follows, and the first such weekday of the year would be a guess with nothing behind it
        constraints = replace(constraints, not_before=(*constraints.not_before, ctx.conflict_start))
    elif (
        names_no_day
        and ctx.earliest_published
        and ctx.earliest_published.year == first_year
        and calendar_named(article) == 0
    ):
        # when no article tells when the war began, the story is known to have begun by the earliest day an
        # article read so far is dated to (only what names no calendar day or year at all leans on it)
        constraints = replace(constraints, not_before=(*constraints.not_before, ctx.earliest_published))
    if ctx.conflict_start and _tells_of_talks_held(article, ctx.conflict_start):
        # 'The second round of talks ... has ended', 'announced ... following negotiations with the Ukrainian
        # delegation in Istanbul': talks the war led to, held after its first day
        constraints = replace(constraints, not_before=(*constraints.not_before, ctx.conflict_start + timedelta(days=1)))
    if ctx.held_by is not None:
        constraints = replace(constraints, not_before=(*constraints.not_before, ctx.held_by))
    if not has_year and constraints.pins_calendar:
        # weekdays tied to days of the month fit only some years: look at the usual one and those after it
        # (reporting on a story goes on after it began; the years before it are the likelier misfit)
        hi = date(first_year + RETROSPECTIVE_YEARS, 12, 31)
    hi = max(lo, min(hi, date.today()))  # nothing is published after today
    scored: list[tuple[float, date]] = []
    best_score = float("inf")
    for day in _candidate_days(cues, ctx, lo, hi, max(office_floors, default=None)):
        if _hard_floor(day, constraints) > best_score + WINDOW_TOLERANCE:
            continue  # ruled out already: neither the best day nor in the window
        score = round(_penalty(day, constraints, ctx, has_year), 3)
        best_score = min(best_score, score)
        scored.append((score, day))
    # the window: every day that fits the cues almost as well as the best one
    feasible = [d for s, d in scored if s <= best_score + WINDOW_TOLERANCE]
    durations = [c for c in cues if c.counts_the_wars_age(ctx)]
    # the best fit; among equals the earliest, as news is written soon after what it reports
    best = min(scored)[1]
    end = best
    while end + timedelta(days=1) in set(feasible) and (end - best).days < 30:
        end += timedelta(days=1)
    start = best
    feasible_set = set(feasible)
    while start - timedelta(days=1) in feasible_set and (best - start).days < 30:
        start -= timedelta(days=1)
    evidence = tuple(
        sorted(
            {
                c.text
                for c in cues
                if c.kind
                in {
                    YEAR_AFTER_TOLD,
                    "caption",
                    "dateline_day",
                    "weekday_numbered",
                    "duration",
                    "time_on",
                    "month_part",
                    "full_date",
                    "month_day",
                    "weekday",
                    "story_age",
                    WAR_DAY_GONE_BY,
                }
                and (c.kind != "duration" or c.counts_the_wars_age(ctx))
            }
        )
    )[:8]
    evidence += tuple(
        f"{c.text[:90]}: the post dates it no earlier than {floor.isoformat()}"
        for c in cues
        if (floor := c.office_floor(ctx)) is not None
    )[:2]
    if ctx.conflict_start:
        evidence += tuple(
            f"'{c.text}': a time gone by, no earlier than {ctx.conflict_start + timedelta(days=round(c.target[0]))}"
            for c in cues
            if c.kind == GONE_BY_AFTER_THE_START and c.target
        )[:2]
    if durations:
        evidence += (
            (
                f"the war began {ctx.conflict_start.isoformat()} "
                + ("(as the article says)" if start_told_here else "(from other articles)"),
            )
            if ctx.conflict_start
            else ()
        )
        if ctx.conflict_start and (end - start).days <= WARS_AGE_TO_THE_DAY and tells_the_wars_age_to_the_day(article):
            evidence += (DATED_BY_THE_WARS_AGE,)
    if not has_year and ctx.default_year and best.year != ctx.default_year:
        evidence += (f"no year in the text: its weekdays fall on the days of the month it names in {best.year}",)
    elif not has_year and ctx.default_year and told_last_year:
        last = told_last_year[0].mention.text if told_last_year[0].mention else "last year"
        evidence += (f"no year in the text: '{last}' puts the other articles' year, {ctx.default_year - 1}, before it",)
    elif not has_year and ctx.default_year:
        evidence += (f"no year in the text: the year of the other articles, {ctx.default_year}",)
    return PublishedDate(
        best, max(end, best), "inferred", (f"window {start.isoformat()} to {end.isoformat()}", *evidence)
    )


def rules_out(article: CleanArticle, day: date, ctx: CorpusContext) -> bool:
    """Whether the article's own cues rule a day out as its date (one before a date it names, or before a post named
    with someone was taken): what moving it onto a shared happening must not do."""
    cues = _collect_cues(article, day) + _dateline_cues(article, day)
    return _hard_floor(day, Constraints.of(cues, ctx)) >= HARD


def _days(lo: date, hi: date) -> list[date]:
    return [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]


def _candidate_days(cues: list[Cue], ctx: CorpusContext, lo: date, hi: date, floor: date | None = None) -> list[date]:
    """The days worth scoring: the few months after each date the text names (news is written soon after
    what it reports; the recency penalty rules out later days anyway) and the spans that 'N weeks into the
    war' allows. With no such cue, every day from lo to hi."""
    spans: list[tuple[date, date]] = []
    after_spans: list[tuple[date, date]] = []  # 'the talks in 2022': the start of the year after, beside the others
    for cue in cues:
        m = cue.mention
        if m is not None and cue.tells_the_war_year_gone_by(ctx):  # 'the talks in 2022': and the year after it
            after = date(m.range.start.year + 1, 1, 1)
            after_spans.append((after, after + timedelta(days=CANDIDATE_MONTHS_AFTER)))
        if m is not None and not m.forward and cue.kind == "month_part" and not _names_its_year(cue):
            # 'said in late September': of any year the article may be from, not just the probe's
            length = m.range.end - m.range.start
            for year in range(lo.year, hi.year + 1):
                with suppress(ValueError):  # February 29
                    start = m.range.start.replace(year=year)
                    spans.append((start, start + length + timedelta(days=CANDIDATE_MONTHS_AFTER)))
        elif (
            m is not None
            and not m.forward
            and cue.kind in {"full_date", "caption", "month_part", "month_year", "season"}
        ):
            spans.append((m.range.start, m.range.end + timedelta(days=CANDIDATE_MONTHS_AFTER)))
        elif m is not None and not m.forward and cue.kind in {"month_day", "weekday_date", "dateline_day"}:
            for year in range(lo.year, hi.year + 1):
                named = _latest_on_or_before(m.range.start.month, m.range.start.day, date(year, 12, 31))
                if named is not None:
                    spans.append((named, named + timedelta(days=CANDIDATE_MONTHS_AFTER)))
        elif m is not None and cue.kind == MODIFIED:  # the months before the page was last changed
            spans.append((m.range.start - timedelta(days=CANDIDATE_MONTHS_AFTER), m.range.start))
        elif m is not None and cue.kind in {"year", YEAR_AFTER_TOLD}:
            spans.append((m.range.start, m.range.end + timedelta(days=CANDIDATE_MONTHS_AFTER)))
        elif cue.target and ctx.conflict_start and cue.counts_the_wars_age(ctx):
            low, high = cue.target
            spans.append((ctx.conflict_start + timedelta(days=low), ctx.conflict_start + timedelta(days=high + 1)))
        elif cue.target and cue.counted_on_from:  # "more than three years after the spring of 2022"
            low, high = cue.target
            spans.append((cue.counted_on_from + timedelta(days=low), cue.counted_on_from + timedelta(days=high + 1)))
    # (and none before a post named with someone was taken: 'Ukrainian Defense Minister Rustem Umerov')
    lo = max(lo, floor) if floor else lo
    if not spans:
        return _days(lo, hi)
    days = {d for start, end in spans + after_spans for d in _days(max(start, lo), min(end, hi))}
    return sorted(days) or _days(lo, hi)


def tells_the_wars_age_to_the_day(article: CleanArticle) -> bool:
    """Whether the text says to within days how long the war has gone on ('the eight-day-old war', 'on day 34 of
    the war', not 'the two-week-old war'): a cue that dates the article by itself, once the war's start is known."""
    return any(
        cue.kind == "duration"
        and cue.target is not None
        and cue.counted_on_from is None
        and cue.target[1] - cue.target[0] <= WARS_AGE_TO_THE_DAY
        for text in (article.title, *(s.text for s in article.sentences))
        for cue in _duration_cues(text)
    )


def calendar_named(article: CleanArticle) -> int:
    """How much of the calendar the text names: 2 a day of a month ('on March 29'), 1 only a year or a month of a
    year ('in March 2022'), 0 neither (only days counted from its own: 'in Monday's talks', 'on the 35th day of the
    war')."""
    if NAMED_DAY.search(article.text):
        return 2
    return 1 if YEAR_DIGITS.search(article.text) else 0


def published_as_stated(article: CleanArticle) -> PublishedDate | None:
    """The date metadata or an unambiguous dateline states: it owes nothing to the rest of the corpus. A date line
    the text contradicts (it tells of days with their year well after it: 'Created Feb 11, 2009' in a forum's side
    panel, under posts about March 2022) is no publication date."""
    stated = published_from_metadata(article.raw.metadata)
    if (
        stated is None
        and (dated := published_from_dateline(article))
        and not _told_later(article, dated)
        and not _numbered_days_misfit(article, dated)
    ):
        stated = dated
    return stated


def _numbered_days_misfit(article: CleanArticle, published: PublishedDate) -> bool:
    """Whether every weekday the text tells with its day of the month ('talk again this Monday (14)', 'this Sunday
    (13)') misfits the week of a date line: the site's later display date ('September 28, 2022' over news of
    March), not the article's."""
    day = published.day
    if day is None:
        return False
    fits = [
        _numbered_fit(day, *numbered_weekday(m.groupdict()), looks_forward(sentence.text, m.start(), None))[0]
        for sentence in article.sentences
        if not sentence.is_caption
        for m in WEEKDAY_NUMBERED.finditer(sentence.text)
    ]
    return bool(fits) and not any(fits)


def _told_later(article: CleanArticle, published: PublishedDate) -> bool:
    """Whether the text tells of a day, with its year, that had passed well after the date it would be published."""
    day = published.day
    if day is None:
        return False
    latest = day + timedelta(days=DATELINE_SLACK_DAYS)
    for sentence in article.sentences:
        if not any(int(year) >= latest.year for year in YEAR_DIGITS.findall(sentence.text)):
            continue  # (no year late enough: nothing to read)
        for m in find_time_mentions(sentence.text, day):
            if m.kind == "full_date" and not m.forward and m.range.start > latest and _told_as_past(sentence.text, m):
                return True
    return False


FRONTED_REACH = 4  # 'On ' before a date that opens its sentence
FRONTED_CLAUSE_CHARS = 80  # how far after a fronted date its clause's verb is looked for


def _fronted_and_past(text: str, mention: TimeMention) -> bool:
    """Whether a date opening its sentence is told in the past by the clause after it ('On Tuesday, April 12, Putin
    made his comments')."""
    if mention.start > FRONTED_REACH:
        return False
    clause_end = min(len(text), mention.end + FRONTED_CLAUSE_CHARS)
    return bool(PAST_TENSE.search(text, mention.end, clause_end)) and not cue_words().future.search(
        text, mention.end, clause_end
    )


def _told_as_past(text: str, mention: TimeMention) -> bool:
    """Whether the clause a date is in tells of it in the past ('the delegations met in Istanbul on March 29,
    2022'), not in the present ('his term ends on May 20, 2024', 'the lease runs to May 28, 2042')."""
    clause_start = max(text.rfind(",", 0, mention.start), text.rfind(";", 0, mention.start), mention.start - 150, 0)
    return bool(PAST_TENSE.search(text, clause_start, mention.start))


def work_out_published(article: CleanArticle, ctx: CorpusContext) -> PublishedDate:
    try:
        return (
            published_as_stated(article)
            or published_from_slashed_dateline(article, ctx)
            or infer_published(article, ctx)
        )
    except OverflowError:  # a day counted past the calendar's end (a war said to begin in 9999)
        return PublishedDate(None, None, "undated", ("a day the text counts to lies outside the calendar",))


__all__ = [
    "DATED_BY_THE_WARS_AGE",
    "day_of_war_number",
    "month_number",
    "tells_the_wars_age_to_the_day",
    "work_out_published",
]
