"""Clean a raw article: strip markup and scraped boilerplate, find title and dateline, split sentences."""

import html
import itertools
import re
from html.parser import HTMLParser

from app.ingest.dating import MONTH_NAMES, WEEKDAY, month_number
from app.ingest.types import ArticleRejected, CleanArticle, RawArticle, Sentence
from app.ingest.vocab import cues

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
FULL_DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    rf"|[0-3]?\d\.[01]?\d\.(?:19|20)\d\d"
    rf"|[0-3]?\d-{MONTH}-(?:19|20)\d\d)"  # "30-Mar-2022"
)
# 03/06/2025, 29-03-2022: day or month first, as the site's country writes it
# (a stamp's short year only with its time after it: '03/30/22 11:42 AM ET', 'On 3/30/22 at 11:42 AM EDT')
SLASHED_DATE = (
    r"[0-3]?\d/[0-3]?\d/(?:19|20)\d\d|[0-3]?\d-[0-3]?\d-(?:19|20)\d\d"
    r"|(?:On\s+)?[0-3]?\d/[0-3]?\d/\d\d(?=\s+(?:at\s+)?\d{1,2}[:.]\d{2})"
)
DATELINE_PREFIX = (
    # (after how long ago the page was updated: "Updated 2 years ago · Published on 31 Mar 2022 9:00AM")
    r"(?:(?:Last\s+)?Updated\s+(?:\d{1,3}|an?)\s+(?:minute|hour|day|week|month|year)s?\s+ago\s*[·•|]\s*)?"
    r"(?:(?:(?:First\s+|Originally\s+|Last\s+)?(?:Published|Posted|Updated|Modified|Date|Dated|Publication|Issued)(?:\s+(?:on|date))?"
    # "From magazine issue: 20 April 2024"
    r"|From (?:the )?(?:magazine|print) (?:issue|edition)(?: of)?"
    # a parliament's record: "Volume 712: debated on Monday 25 April 2022"
    r"|(?:Volume\s+\d+:\s*)?Debated\s+on)\s*(?::\s*)?)?"
)
WEEKDAY_BEFORE_DATE = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\.?,?\s+"
WEEKDAY_PREFIX = rf"(?:{WEEKDAY_BEFORE_DATE})?"
CLOCK = (
    r"(?:,?\s*(?:[-–—]\s*)?(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:,?\s+[A-Z]{2,4}(?:[+-]\d+)?)?"
    r"(?:\s*\([A-Z][\w .-]{1,30}\))?)?"  # "16:52:00", "at 12:41 pm (Paris)", "6 AM ET", "09:05, UK"
)
ISO_STAMP = r"\d{4}[-./]\d{2}[-./]\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
# a byline before the date: "By Staff Writer |", or bare names when a weekday or a date follows
# ("Roman Romaniuk — Thursday", "Burak Demirel, Elena Teslova |16.05.2025")
BYLINE = (
    r"(?:(?:Story\s+|Words\s+)?By\s+[^|\n]{1,60}?\s*[|,·•—–-]\s*"
    # a city in capitals and its date: "ISTANBUL Mar 30, 2022 - 11:42 am GMT+3"
    rf"|(?-i:[A-Z][A-Z.'’-]{{2,30}}(?:\s[A-Z][A-Z.'’-]+){{0,2}})\s+(?=(?-i:{MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}})"
    # "by Oleksiy Tarasenko May 15, 2025 4:37 PM": a name, then the date
    rf"|By\s+(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,3}})\s+(?=(?-i:{MONTH})\s+\d)"
    r"|(?-i:[A-Z][A-Z.&' ]{2,40})\s+[-–—]\s+"  # an agency's name in capitals: "KYODO NEWS - Mar 1, 2022 - 04:37"
    # an outlet's one-word name and the date with its year: "Reuters 04 Apr, 2022", "NewsBharati  05-Mar-2022 15:08"
    rf"|(?-i:[A-Z][\w&'’.-]{{1,30}})\s+(?=(?-i:{FULL_DATE}))"
    # credits before a stamp word: "TOI-Online | Agencies / Updated: Jul 22, 2022, 21:47 IST"
    r"|[\w.-]+(?:\s*[|,]\s*[\w.-]+){0,3}\s*[/|]\s*(?=(?:Published|Posted|Updated)\b)"
    r"|(?-i:[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3}(?:(?:,\s*|,?\s+and\s+)[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})*)"
    # a date after a bar, or a weekday and its date after a dash ('Kateryna Tyshchenko - Monday, 28 February 2022')
    r"\s*(?:(?:[|·•—–]|\s-)\s*(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))|\|\s*(?=\d))"
    # a name (not a box's heading in capitals) and its outlet, a bar, the month: "John Smith, Reuters | Mar 30, 2022"
    r"|(?-i:[A-Z][a-z][\w'.-]*(?:\s+[A-Z][a-z][\w'.-]*){1,3})(?:,\s*(?-i:[A-Z][\w'.-]+))?"
    rf"\s*[|•]\s*(?=(?-i:{MONTH})\.?\s+\d))"
)
# "Updated 6:41 PM GMT, July 23", "Updated 1532 GMT (2332 HKT) March 29, 2022"
CLOCK_FIRST = (
    r"(?:(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}(?:[+-]\d{1,2})?)?|\d{4}\s+[A-Z]{2,4})"
    r"(?:\s*\(\d{1,2}[:.]?\d{2}\s+[A-Z]{2,4}\))?,?\s+)?"
)
CLOCK_LINE = re.compile(
    r"^(?:Posted at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?:(?P<half>[ap])\.?m\.?)?"
    r"(?:\s+[A-Z]{2,4}(?:[+-]\d+)?)?$",
    re.I,
)
SMALL_HOURS_END = 4 * 60  # a live report's clock going back from before this ...
LATE_EVENING_START = 20 * 60  # ... to after this has gone back past midnight
MENU_ITEM_WORDS = 3  # "World", "My News", "Support independent journalism"
# "By Marcus Lindqvist in Kyiv and Olga Vetrova in Riga"; not "By Wednesday, the mood had cooled"
BYLINE_LINE = re.compile(rf"^\s*By\s+(?!(?:{WEEKDAY}|{MONTH_NAMES})\b)[A-Z][^,]*$")
MENU_ITEM_EXCLUDES = re.compile(r"\d|^By\b")  # a byline or a time under a headline is not a menu
SITE_NAME_IN_CAPITALS = re.compile(r"[A-Z][A-Z&'’ .-]+")
LINK_SEPARATOR = re.compile(r"\||\s[>›»/]\s")  # between links in a row, or a breadcrumb's steps
URL_LINE = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\s*/\s*[^\s/]+)+/?$", re.I)
# a page's address with the day it was filed under: "site.com/2022/03/17/slug", "site.com / 2022 / 03 / 17 / slug"
URL_DAY = re.compile(r"\.[a-z]{2,}\s*/\s*(?:[a-z-]+\s*/\s*)?((?:19|20)\d\d)\s*/\s*([01]\d)\s*/\s*([0-3]\d)\s*/", re.I)
LONG_ROW_ITEM_WORDS = 5
BODY_LINE_WORDS = 30  # a line this long is the article's text, not part of the head of its page
SECTION_LABEL_WORDS = 2  # a section's name in capitals above the headline: 'WORLD', 'MIDDLE EAST'
HEAD_LINES = 20  # how far down a page its date line is looked for, below a headline
BRACKETED_LINKS = re.compile(r"^\[[^\]]*\](?:\s*\[[^\]]*\])*(?:\s*[^\[\]]{0,30})?$")  # '[Sign in] [Sign up] English'
SITE_BEFORE_MENU = re.compile(r"^[^|]*\|")  # what comes before a row's first bar
WORD = re.compile(r"[^\W_][\w'’.-]*")
SHARING = re.compile(r"\b(?:Share|Facebook|Twitter|WhatsApp|Telegram|E-?mail|Print|Copy link)\b", re.I)
MENU_RUN = 4  # so many menu items in a row under a line make it the site's name or tagline, not a headline
HEADLINE_MIN_WORDS_BELOW_MENU = 5
SITE_LINE_WORDS = 6
# "25 November, 14:10", "April 5 / 7:18 AM": a day without its year is a date line only with the time of day after it
YEARLESS_CLOCKED = (
    rf"(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+|\s*[/|·•]\s*)(?:at\s+)?\d{{1,2}}[:.]\d{{2}}"
    r"(?:\s*[ap]\.?m\.?)?"
)
# "March 17 (Mainichi Japan)": a day without its year, with the outlet that dated it
YEARLESS_SOURCED = rf"(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})\s*\((?-i:[A-Z])[\w .'-]{{1,30}}\)"
# a section's name before the stamp: "World  Apr 4, 2022 6:45 PM EDT"
# (or the site's name: "Hungary Today  2024.07.09.")
SECTION_WORD_BEFORE_STAMP = (
    rf"(?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:\s*[|•]\s*|\s+)"  # ('Ukraine | May 30, 2025, Friday // 14:48')
    rf"(?=(?-i:{MONTH})\s+\d{{1,2}},?\s+(?:19|20)\d\d\b|(?:19|20)\d\d[./]\d\d[./]\d\d\b)"
)
SECTION_BEFORE_STAMP = rf"(?:{SECTION_WORD_BEFORE_STAMP})?"
# a stamp after a word that is no stamp's ('Created Feb 11, 2009'): the page's, above its text; a side panel's below
SECTIONED_STAMP = re.compile(
    r"^\s*(?!(?:First |Last |Originally )?(?:Published|Posted|Updated|Modified|Dated?|Issued|Aired|Broadcast)\b"
    rf"|{WEEKDAY_BEFORE_DATE})"
    rf"{SECTION_WORD_BEFORE_STAMP}",
    re.I,
)
DATELINE_ONLY = re.compile(
    rf"^\s*(?:[•·]\s*)?{BYLINE}?{SECTION_BEFORE_STAMP}{DATELINE_PREFIX}{CLOCK_FIRST}{WEEKDAY_PREFIX}"
    rf"(?:(?:{FULL_DATE}(?:,\s*{WEEKDAY})?|{SLASHED_DATE}){CLOCK}|{ISO_STAMP}\.?|{YEARLESS_CLOCKED}|{YEARLESS_SOURCED})"
    # "16.05.2025 - Update : 16.05.2025", "30 Mar 2022 (updated: 30 Mar 2022)",
    # "Thu 10 Mar 2022 16:05 GMT First published on Thu 10 Mar 2022 06:31 GMT"
    rf"\s*(?:(?:[|/·•]|\s[-–—]\s?|,?\s*(?=(?:updated|modified|changed|(?:first\s+)?published)\b)).{{0,80}}"
    rf"|\((?:updated|modified|changed)\b[^)]{{0,60}}\)"
    rf"|\s{FULL_DATE}{CLOCK}"  # ... or the same stamp twice: "20 Apr 2022 20 Apr 2022"
    # ... or its author: "Posted on 1 December 2023 by Dr Jane Roe, Lecturer in Security"
    r"|\s+by\s+(?-i:[A-Z])[^|\n]{1,100}"
    r"|\s+\d{1,3}\s+min(?:ute)?s?\s+read"  # ... or how long it takes to read: "May 15, 2025 4:37 PM    6 min read"
    # ... or how often it was read: "May 18,2022 151", "Saturday, 23 April, 2022 at 12:00 AM  Count : 23"
    r"|\s+\d{1,7}(?:\s+views)?|\s+(?:Count|Views|Hits|Reads)\s*:\s*\d{1,7})?$",
    re.I,
)
# a year glued to what follows it: the same stamp again ('20 Apr 202220 Apr 2022'), the time ('March 29, 20225:03 PM')
GLUED_YEAR = re.compile(rf"\b((?:19|20)\d\d)(?=(?:\d{{1,2}}\s+)?{MONTH}\b|\d{{1,2}}:\d\d\b)")
# a date opening a line, glued to the first word of the story: 'March 7, 2022Negotiators from Ukraine ...'
GLUED_OPENING_DATE = re.compile(rf"^(\s*(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}),?\s+(?:19|20)\d\d)(?=[A-Z][a-z])")
# a stamp glued to what comes before it: '2 min readLast updated: January 23, 2026'
GLUED_STAMP = re.compile(
    r"(?<=[a-z])(?=(?:Last |First )(?i:updated|published|posted|modified)\b|(?:Updated|Published|Posted|Modified)\b)"
)
# a date glued to an author's social handle: 'Robert Dex @RobDexES24 March 2022'
GLUED_HANDLE = re.compile(rf"(@\w*?)(?=\d{{1,2}}\s+{MONTH}\s+(?:19|20)\d\d\b)")
# "18 March", "Published 18 March": a day without its year and nothing else, a date line only above the body (in a
# timeline, "February 28 - First round held" and a day heading over its entries are the text's own)
YEARLESS_DAY_LINE = re.compile(  # (and its time: '16 May. 14:00 (UTC+3 MSK)'; or its agency: 'June 17 (EP) –')
    rf"^\s*{DATELINE_PREFIX}(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})"
    r"(?:[.,]?\s+\d{1,2}:\d\d(?:\s*(?:\([^()\n]{1,20}\)|[A-Z]{2,5}))?|\s*\([^()\n]{0,20}\)\s*[-–—])?\s*$",
    re.I,
)
STAMP_WORD = r"^\s*(?:First\s+|Last\s+)?(?:Published|Posted|Updated)"
UPDATED_OR_PUBLISHED = re.compile(rf"{STAMP_WORD}\b", re.I)
STAMP_WORD_LINE = re.compile(rf"{STAMP_WORD}(?:\s+on)?:?$", re.I)  # the word alone, its date on the next line
UPDATED = re.compile(r"^\s*(?:Last\s+)?(?:Updated|Modified)\b", re.I)
CITY_STOP = r"[A-Z][A-Z'’ -]{2,30}\.\s+"  # 'MINSK. ' opening a date line
DATELINE_CITY = re.compile(
    # "BELOVEZHSKAYA PUSHCHA /Brest Region/, March 7.", "BELOVEZHSKAYA PUSHCHA (Belarus), March 3.",
    # "(ANSA) - ROME, MAR 10 - "
    r"^(?P<line>(?:\([A-Z]{2,10}\)\s*[-–—]\s*)?"
    r"(?:[A-Z][A-Z .'/-]+(?:/[A-Za-z .-]+/|\s*\([A-Z][A-Za-z .-]+\))?,\s+"
    r"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?"  # "KYIV, Ukraine, March 7"
    # a city not in capitals only with the agency after its date ("Minsk, 7 March (BelTA) - ", "Istanbul, Mar 29
    # (EFE).- "), or a colon ("Moscow, Mar 5: Evacuations began ...")
    # ("Kyiv/Moscow, 18 May 2022 (dpa/MIA) — ": two cities, two agencies; "Antalya [Turkey], March 10 (ANI): ")
    r"|[A-Z][a-z]+(?:[ /-][A-Z][a-z]+)?(?:\s\[[A-Z][a-z]+\])?,\s+"
    # ("Jerusalem, Feb 5 (IANS) Russia and Ukraine ...": an agency in capitals needs no dash after it)
    r"(?=[^\n]{3,20}?(?:(?:/\w+/|\((?-i:[A-Z])\w+\)|\(\w+/\w+\))\.?\s*[-–—:]|\((?-i:[A-Z]{2,10})\)\s+(?-i:[A-Z]))"
    rf"|(?i:{MONTH})\s+\d{{1,2}}\s?:\s|\d{{1,2}}\s+(?i:{MONTH})\s?:\s)"
    # a city in capitals and a full stop, with the agency after its day: "MINSK. May 24 (Interfax) - "
    rf"|{CITY_STOP}(?=(?i:{MONTH})\s+\d{{1,2}}\s*\((?-i:[A-Z]))"
    # no city, the day with its agency and a dash opening the story: "June 1 (Reuters) – Russia said on Wednesday"
    rf"|(?=(?:(?i:{MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?i:{MONTH}))\s*\((?-i:[A-Z])[\w/]{{1,15}}\)\s*[-–—]\s))"
    rf"(?P<date>(?i:{MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?i:{MONTH})(?:\s+\d{{4}})?)"
    r"\.?\s*(?:/\w+/|\(\w+(?:/\w+)?\))?\.?\s*[-–—:]?\s*)",
)
# "MOSCOW (UrduPoint News / Sputnik - 07th April, 2022) Ukraine presented ...": a city, then its sources and date
SOURCED_DATELINE = re.compile(
    r"^(?P<line>(?-i:[A-Z][A-Z .'’-]{2,30})\s+\((?P<source>[^()\n]{2,60}?)\s+[-–—]\s+"
    rf"(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{MONTH}),?\s+\d{{4}}|(?i:{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    r"\)\s*)"
)


# "Baku/10.03.22/ A trilateral meeting ...": a city and its day, month and short year between slashes
SLASHED_CITY_DATELINE = re.compile(r"^(?P<line>(?-i:[A-Z][a-z]+)/(?P<date>[0-3]\d\.[01]\d\.\d\d)/\s*)")


def wire_dateline(line: str) -> re.Match[str] | None:
    """A wire story's date line opening its first paragraph, its group 'line' the date line."""
    return DATELINE_CITY.match(line) or SOURCED_DATELINE.match(line) or SLASHED_CITY_DATELINE.match(line)


DATED_CAPTION = re.compile(rf"^(?:WATCH:\s*)?(?P<body>.+?)\s+[–—-]\s+(?P<date>{FULL_DATE})\s*$", re.I)
PHOTO_LABEL = re.compile(r"^(?:PHOTO|Photo|IMAGE|Image|PICTURE|Picture)\s*:\s")
# a line ending in the credit of its photo or video: '... said on April 12 that ... (Video: Reuters)', '... meet
# Tuesday in eastern Russia. (Mikhail Klimentyev/AFP/Getty Images)'
CREDITED_CAPTION = re.compile(
    r"\((?:(?:Photo|Video|Image|Picture)s?(?:\s+by)?\s*:\s*[^()]{2,60}"
    r"|[^()]{0,60}/(?:AFP|AP|Reuters|EPA|Getty Images|Sputnik|TASS|Anadolu)(?:/[^()]{1,30})?)\)\s*$"
)
# a block of links to other stories: its heading ('Read also', 'More from Europe', 'Related stories') and the
# headlines under it, and a headline filed under its section ('Europe category · Oil jumps as ...')
RELATED_HEADING = re.compile(
    r"^(?:Read (?:also|more|next)|Also read|See also"
    r"|Related(?: (?:stories|articles|news|coverage|content|reading|videos?))?"
    r"|More (?:from|on|in) [\w ,&'’-]{1,40}"
    r"|More (?:stories|news|coverage|transcripts|episodes|videos|podcasts)(?: (?:from|on|in|of) [\w ,&'’-]{1,40})?"
    r"|(?-i:MORE [A-Z][A-Z &'’-]{1,30})"  # a section's more: "MORE NATION & WORLD"
    r"|You (?:may|might) also (?:like|be interested in)"
    r"|Recommended(?: for you| stories| reading)?|Most (?:read|popular|viewed)|Top stories|What to read next"
    r"|Recent (?:posts|articles|stories)|Latest|Trending(?: now| stories)?"
    r"|Similar (?:threads|posts|articles|stories|topics)"  # a forum's: "Similar threads" / "Istanbul round · Mar 29"
    r"|(?:Blog )?Archives?|Categories)\s*:?\s*$",  # a blog's side panel: 'Archives' / 'May 2022' / 'April 2022'
    re.I,
)
BULLET_ITEM = re.compile(r"^[-–•·*]\s+")
# a link marked by its arrow: '- » Day 170 of the Invasion of Ukraine: ...', '› Ukraine stopped the transit ...'
ARROW_LINK = re.compile(r"^(?:[-–•·*]\s*)?[»›]\s*\S")
ARROW_LINKS_MIN = 2  # so many arrowed lines in a row make a list of links
SECTION_HEADLINE = re.compile(r"^[A-Z][\w&]*(?: [\w&]+)? category\s*·\s")
LINK_ITEM_WORDS = 25  # a headline under a related-links heading is short and ends without a full stop
LINK_BLOCK_LINES = 8  # the links a heading lists: no more than a handful
LINKS_AFTER_BODY_LINES = 3  # headlines with their days under them, after so many lines of text, are links
LINK_PAIR_GAP = 4  # a headline and its day, a section's label, the next headline
LINK_TEASER_WORDS = 60  # the sentence or two a link may show between its headline and its day
TEXT_ENDINGS = (".", "!", "?", ")", ":")  # how a line of the article's own text ends
CLOSING_QUOTES = (
    "\"”’'"  # ... also inside its closing quote ('he said: "We will."'), not a headline's 'reflected "outrage"'
)


VIDEO_LENGTH = re.compile(r"\s\(\d{1,2}:\d{2}\)$")  # "Zelensky: Neutrality 'on the table' (2:14)": a video's link
# "Pandor: SA will not take sides in Ukraine war (15/03/2022)": a link's day after its headline
LINK_DAY = re.compile(rf"\s\((?:{SLASHED_DATE}|{FULL_DATE})\)$", re.I)


def _ends_as_text(line: str) -> bool:
    if VIDEO_LENGTH.search(line) or LINK_DAY.search(line):
        return False
    return line.endswith(TEXT_ENDINGS) or (
        line.endswith(tuple(CLOSING_QUOTES)) and line.rstrip(CLOSING_QUOTES).endswith((".", "!", "?", ","))
    )


HEAD_PARAGRAPHS = 3  # a standfirst, a byline and a kicker may stand between a headline and its date line
BYLINE_WORDS = 25
HTML_HINT = re.compile(r"<(?:html|body|p|div|span|br|script|style|article|head|meta|a)\b", re.I)
STRAY_COMMENT = re.compile(r"!--[^\n]*?-->")  # a comment whose '<' the scraper lost
TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
# every kind of space within a line (em, ideographic, no-break) and zero-width ones: one space
SPACES = re.compile(r"[^\S\n]+|\u200b+")
# A sentence ends at . ! ? (and a closing quote) before whitespace and a capital, digit or quote.
QUOTATION_JOIN_CHARS = 240  # how long the rest of a quotation may run for its sentences to be kept together
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(\[]?[A-Z0-9])")
ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Maj|Sgt|Capt|Prof|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct"
    r"|Nov|Dec|No|vs|etc|Inc|Co|Jr|Sr)|\b[A-Z]|\b(?:U\.S|U\.K|U\.N|E\.U))\.$"
)
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "title",
    "figcaption",
}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "noscript", "template", "svg"}:
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "noscript", "template", "svg"}:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _drop_comments(text: str) -> str:
    """Text without its <!-- ... --> comments, in one pass (an unclosed one is left as it is)."""
    kept: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1 and (end := text.find("-->", start + 4)) != -1:
        kept.append(text[pos:start])
        pos = end + 3
    kept.append(text[pos:])
    return "".join(kept)


def _sub_per_line(pattern: re.Pattern[str], text: str, end: str) -> str:
    """pattern.sub("", ...) on each line up to its last `end`: a match must close there, and past it every start
    would scan to the end of the line and fail, which is quadratic on hostile input like '<a<a<a...'."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cut = line.rfind(end) + len(end)
        if cut >= len(end):
            lines[i] = pattern.sub("", line[:cut]) + line[cut:]
    return "\n".join(lines)


def _defuse_runs(text: str) -> str:
    """'<' escaped where a run without spaces or '>' holds several, as no tag can start there; Python's
    HTMLParser rescans such runs from every '<' (quadratic time on '<a<a<a...')."""
    pieces = re.split(r"([\s>]+)", text)
    for i, piece in enumerate(pieces):
        if piece.count("<") > 1:
            last = piece.rfind("<")
            pieces[i] = piece[:last].replace("<", "&lt;") + piece[last:]
    return "".join(pieces)


def strip_markup(text: str) -> str:
    """Plain text from an HTML page or from text with stray tags and comments."""
    text = _sub_per_line(STRAY_COMMENT, _drop_comments(text), "-->")
    if HTML_HINT.search(text):
        extractor = _TextExtractor()
        extractor.feed(_defuse_runs(text))
        extractor.close()
        text = "".join(extractor.parts)
    return html.unescape(_sub_per_line(TAG, text, ">"))


def is_boilerplate(line: str) -> bool:
    vocab = cues()
    if vocab.boilerplate.search(line):
        return True
    words = line.split()
    return (
        len(words) <= 12 and not line.rstrip().endswith((".", "?", "!", '"', "”")) and bool(vocab.credit.search(line))
    )


def _inside_short_quotation(paragraph: str, start: int, boundary: int) -> bool:
    """A sentence boundary inside a quotation that closes soon after it, before the paragraph ends."""
    so_far = paragraph[start:boundary]
    straight = so_far.count('"')
    if straight % 2 == 0 and so_far.count("“") <= so_far.count("”"):
        return False
    rest = paragraph[boundary : boundary + QUOTATION_JOIN_CHARS]
    return bool(re.search(r'["”]', rest))


CITY_STOP_OPENING = re.compile(rf"{CITY_STOP}$")


def split_sentences(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(paragraph):
        # only the last word can be an abbreviation: search just before the stop, not the whole candidate
        if ABBREVIATIONS.search(paragraph, max(start, match.start() - 12), match.start()):
            continue
        if start == 0 and CITY_STOP_OPENING.match(paragraph, 0, match.end()) and wire_dateline(paragraph):
            continue  # 'MINSK. May 24 (Interfax) - ...': the city of a date line, not a sentence
        if _inside_short_quotation(paragraph, start, match.end()):
            continue  # '"No, the talks are not continuing. Kyiv has withdrawn," Rudenko said': one saying
        pieces.append(paragraph[start : match.start()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def _lines(content: str) -> list[str]:
    lines = []
    # (a stamp glued to a word, '2 min readLast updated: ...', or to a handle, is a line of its own)
    text = GLUED_HANDLE.sub("\\1\n", strip_markup(content))
    for line in (part for raw in text.split("\n") for part in GLUED_STAMP.split(raw)):
        line = SPACES.sub(" ", line).strip()
        # a links heading that is boilerplate too ('MOST READ') stays for the links under it to be found
        if line and (RELATED_HEADING.match(line) or not is_boilerplate(line)):
            lines.append(line)
    return _without_related_links(lines)


def _without_related_links(lines: list[str]) -> list[str]:
    """The lines without the page's links to other stories: a heading such as 'Read also' and the headlines
    under it ('- Vereshchuk: Humanitarian corridors operating in Sumy'), and headlines filed under a section
    ('Europe category · Oil jumps as U.S. weighs a ban')."""
    kept: list[str] = []
    links_left = 0  # how many more lines under a heading may still be its links
    body_lines = 0  # lines of the article's text so far (a cookie notice alone is not its text)
    for line in lines:
        if RELATED_HEADING.match(line):
            links_left = LINK_BLOCK_LINES
            continue
        if SECTION_HEADLINE.match(line):
            continue
        headline = BULLET_ITEM.match(line) is not None or (
            len(line.split()) <= LINK_ITEM_WORDS and not _ends_as_text(line)
        )
        if links_left and headline and not (body_lines == 0 and DATELINE_ONLY.match(line)):
            links_left -= 1  # (a day under 'Latest' above the text is the page's own date line)
            continue
        links_left = 0  # the article's text goes on: what follows is its own, bullets and all
        kept.append(line)
        body_lines += len(line.split()) >= BODY_LINE_WORDS
    return _without_dated_headlines(_without_labelled_teasers(_without_arrowed_links(kept)))


def _without_arrowed_links(lines: list[str]) -> list[str]:
    """The lines without a list of links marked by arrows, with no heading above it ('- » Day 170 of the Invasion of
    Ukraine: ...' / '- » Day 169 of the Invasion of Ukraine: ...'): other stories, whatever days they name."""
    arrowed = [ARROW_LINK.match(line) is not None for line in lines]
    dropped: set[int] = set()
    start = 0
    for is_arrowed, run in itertools.groupby(arrowed):
        length = len(list(run))
        if is_arrowed and length >= ARROW_LINKS_MIN:
            dropped.update(range(start, start + length))
        start += length
    return [line for i, line in enumerate(lines) if i not in dropped]


def _without_labelled_teasers(lines: list[str]) -> list[str]:
    """The lines without a link to another story shown twice, as a headline and then under its box's label ('Joke
    of the Day for December 16, 2024: The best jokes' / 'Joke of the Day Joke of the Day for December 16, 2024: The
    best jokes'): a widget of the page, whatever day its headline names."""
    dropped: set[int] = set()
    for i, (line, after) in enumerate(itertools.pairwise(lines)):
        if _is_link_headline(line) and after != line and after.endswith(" " + line):
            dropped.update((i, i + 1))
    return [line for i, line in enumerate(lines) if i not in dropped]


def _without_dated_headlines(lines: list[str]) -> list[str]:
    """The lines without runs of headlines, each with its day under it, below the article's text ('Neutrality is
    not a security guarantee' / '12 March 2024' / 'Two years of war – what next?' / '22 February 2024'): links to
    other stories, whatever heading their block has. A teaser's sentence may stand between a headline and its day
    ('Ukraine: Russian airstrike hits military base' / 'Russian missiles struck a facility ...' / '03/13/2022'). One
    such pair alone may be a byline and its date."""
    pairs: list[tuple[int, int]] = []  # where each pair's headline and its day are
    body_lines = 0
    for i, line in enumerate(lines):
        if i > 0 and body_lines >= LINKS_AFTER_BODY_LINES and DATELINE_ONLY.match(line):
            if _is_link_headline(lines[i - 1]):
                pairs.append((i - 1, i))
            elif (
                i > 1
                and len(lines[i - 1].split()) <= LINK_TEASER_WORDS
                and _is_link_headline(lines[i - 2])
                and not DATELINE_ONLY.match(lines[i - 2])  # a live report's stamp and its entry: not a headline
            ):
                pairs.append((i - 2, i))
        body_lines += len(line.split()) >= BODY_LINE_WORDS
    runs: list[list[tuple[int, int]]] = []
    for headline, day in pairs:
        if runs and headline - runs[-1][-1][1] < LINK_PAIR_GAP:
            runs[-1].append((headline, day))
        else:
            runs.append([(headline, day)])
    dropped = {
        i
        for run in runs
        if len(run) > 1 and (all(day - headline == 1 for headline, day in run) or _under_a_heading(lines, run))
        for headline, day in run
        for i in range(headline, day + 1)
    }
    return [line for i, line in enumerate(lines) if i not in dropped]


def _under_a_heading(lines: list[str], run: list[tuple[int, int]]) -> bool:
    """Whether a run with teasers between its headlines and days stands under a heading of its own ('Explore
    more'): not under a paragraph of the text (entries each with its day after it), nor under a live report's
    stamp ('18:40 / Talks begin / The delegations met ... / 16:05 / ...')."""
    first_headline = run[0][0]
    above = lines[first_headline - 1] if first_headline > 0 else ""
    return _is_link_headline(above) and not DATELINE_ONLY.match(above)


def _is_link_headline(line: str) -> bool:
    return len(line.split()) <= LINK_ITEM_WORDS and (not _ends_as_text(line) or line.endswith("?"))


def _only_head_above(paragraphs: list[str]) -> bool:
    """Whether only a headline's standfirst, byline and kicker stand above a line ('The ghost of Istanbul' / ... /
    'Elena Marsh' / 'Jun 18'): a day alone there is the page's own date line, not a day the text tells of."""
    return len(paragraphs) <= HEAD_PARAGRAPHS and all(
        len(p.split()) <= BYLINE_WORDS and not p.endswith((".", "!", "?")) for p in paragraphs
    )


class EntryClock:
    """The clock times of a live report's entries. Most pages put the newest first; on those, going down the
    page from just after midnight to late in the evening ('00.38', then '23.58') goes back past midnight, and
    the entries from there on are of the day before the page's date."""

    def __init__(self, clocks: list[re.Match[str]]) -> None:
        minutes = [self._minutes(clock) for clock in clocks]
        steps = list(itertools.pairwise(minutes))
        self._newest_first = sum(later < earlier for earlier, later in steps) >= sum(
            later > earlier for earlier, later in steps
        )
        self.days_back: int | None = None
        self._previous: int | None = None

    @staticmethod
    def _minutes(clock: re.Match[str]) -> int:
        hour, half = int(clock.group("hour")), (clock.group("half") or "").lower()
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)  # "9.30 pm", "12.05 am"
        return hour * 60 + int(clock.group("minute"))

    def read(self, clock: re.Match[str]) -> None:
        minutes = self._minutes(clock)
        if self._previous is None:
            self.days_back = 0
        elif self._newest_first and self._previous < SMALL_HOURS_END and minutes > LATE_EVENING_START:
            self.days_back = 1
        self._previous = minutes


def _is_menu_item(line: str) -> bool:
    """A menu's entry ('Business & Economy'), a row of links, or a site's name in capitals ('THE WALL STREET
    JOURNAL.')."""
    if _is_piped_menu(line) or (len(line.split()) <= SITE_LINE_WORDS and SITE_NAME_IN_CAPITALS.fullmatch(line)):
        return True
    words = [word for word in line.split() if word not in {"&", "|", "and"}]
    return len(words) <= MENU_ITEM_WORDS and not MENU_ITEM_EXCLUDES.search(line)


def _is_piped_menu(line: str) -> bool:
    """'Français | English | Español', 'Subscribe | Log in', 'Home > Analysis > Ukraine war': links in a row, not
    a headline."""
    if URL_LINE.match(line):
        return True  # "euromaidanpress.com / 2022 / 03 / 17 / talks-with-russia": the page's address
    parts = LINK_SEPARATOR.split(line)
    if len(parts) > MENU_RUN and _is_link_row(SITE_BEFORE_MENU.sub("", line, count=1), MENU_ITEM_WORDS):
        return True  # the site's name and its menu on one line: 'Interfax - Russia & CIS | News | Business | ...'
    if len(parts) < 2 or len(WORD.findall(parts[0])) >= MENU_ITEM_WORDS:
        return False  # a headline with the site's name after it ("Talks end | DW")
    # a long row may hold a longer link: 'Get newsletter | Become an author | Sign up as a reader | Sign in'
    return _is_link_row(line, LONG_ROW_ITEM_WORDS if len(parts) >= MENU_RUN else MENU_ITEM_WORDS)


def _is_link_row(line: str, longest: int) -> bool:
    """Whether a line is parts of at most `longest` words between bars, and not a date or byline with a bar."""
    parts = [WORD.findall(part) for part in LINK_SEPARATOR.split(line)]  # 'Arts + Culture': two words
    if len(parts) < 2 or DATELINE_ONLY.match(line) or BYLINE_LINE.match(line):
        return False
    return all(len(words) <= longest for words in parts)


def _is_site_menu(line: str) -> bool:
    """A site's menu in a row ('News | Opinion | Explainers | Video'), not the row of sharing links under a
    headline ('Share: Facebook | Twitter | Email | Print')."""
    return (
        _is_piped_menu(line)
        and not URL_LINE.match(line)
        and len(LINK_SEPARATOR.split(line)) >= MENU_RUN
        and not SHARING.search(line)
    )


def _joined_stamps(lines: list[str]) -> list[str]:
    """'Published' on a line of its own and the date on the next ('Published' / '18 March'): one date line; a
    stamp scraped twice without a space ('20 Apr 202220 Apr 2022'): two dates; a year glued to the time
    ('March 29, 20225:03 PM ET'): the date and its time; a date glued to the story's first word ('March 7,
    2022Negotiators from ...'): the date line and the story."""
    joined: list[str] = []
    unglued = (part for line in lines for part in GLUED_OPENING_DATE.sub("\\1\n", line).split("\n"))
    for line in (GLUED_YEAR.sub(r"\1 ", line) for line in unglued):
        stamped = f"{joined[-1]} {line}" if joined else ""
        if (
            joined
            and STAMP_WORD_LINE.match(joined[-1])
            and (DATELINE_ONLY.match(stamped) or YEARLESS_DAY_LINE.match(stamped))
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _headline_index(lines: list[str]) -> int:
    """Where the headline is: the first line of a few words that is not a site's name or tagline above its
    menu ('Exclusive news, data and analytics …' then 'World', 'Business', 'Markets', …). Below other
    lines, a headline has some length: 'US & Canada' in a menu is not one."""
    for i, line in enumerate(lines):
        if DATELINE_ONLY.match(line) or YEARLESS_DAY_LINE.match(line):
            return i
        words = len(line.split())
        if words < 3 or (i >= 2 and words < HEADLINE_MIN_WORDS_BELOW_MENU) or _is_piped_menu(line):
            continue
        if BRACKETED_LINKS.match(line):
            continue  # '[Subscribe: 1 € the first month] [Log in]', '[Support independent journalism]'
        if i and _is_piped_menu(lines[i - 1]) and _is_link_row(line, MENU_ITEM_WORDS + 1):
            continue  # more of the site's links under its menu: 'Watch ABC News Live | Sign in'
        following = lines[i + 1 : i + 1 + MENU_RUN + 1]
        if following and len(following[0].split()) <= SITE_LINE_WORDS and not _is_menu_item(following[0]):
            following = following[1:]  # one more short line of the site's: 'Learn more about Refinitiv'
        if len(following) >= MENU_RUN and all(_is_menu_item(item) for item in following[:MENU_RUN]):
            continue
        # a site's name, or the tagline under it, above its menu: 'Middle East Eye' / 'News | Opinion | ...'; not a
        # headline with a row of topics under it ('World | Europe | Russia | Ukraine')
        site_line = len(line.split()) <= SITE_LINE_WORDS or (i == 1 and len(lines[0].split()) <= SITE_LINE_WORDS)
        if site_line and (
            (following and _is_site_menu(following[0])) or (len(following) > 1 and _is_site_menu(following[1]))
        ):
            continue
        return i
    return 0


def _headline_above_date_line(lines: list[str], found: int) -> int:
    """A short line taken for the headline is often the site's name ('Los Angeles Times', 'The Insider') above a
    menu run together without bars: the headline is then the line of some length nearest above the page's date
    line (skipping a photo's caption, ending in a full stop or a credit in brackets)."""
    if len(lines[found].split()) > SITE_LINE_WORDS:
        return found
    date_at = next((i for i, line in enumerate(lines[:HEAD_LINES]) if i > found and DATELINE_ONLY.match(line)), None)
    if date_at is None or any(len(line.split()) >= BODY_LINE_WORDS for line in lines[found:date_at]):
        return found  # no date line under the head of the page, or text of the article's body before it
    for i in range(date_at - 1, found, -1):
        line = lines[i]
        if (
            len(line.split()) >= HEADLINE_MIN_WORDS_BELOW_MENU
            and not line.endswith((".", ")", "]"))
            and not _is_piped_menu(line)
            and not line.isupper()
            and not line.startswith("By ")  # 'By Jessie Yeung, Adam Renton and ...'
        ):
            return i
    return found


# a trail of links from the site's home page: 'HomeWorld...' run together, or 'Home > World > ...'
BREADCRUMB = re.compile(r"^Home(?:[A-Z]|\s*[›>»/|])")
MONTH_AND_DAY = re.compile(
    rf"\b(?P<month>{MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})\b|\b(?P<day_first>\d{{1,2}})\s+(?P<month_after>{MONTH_NAMES})\b",
    re.I,
)


def _other_day(stamp: str, told: str) -> bool:
    """Whether a stamp and a wire story's date line name different days of the year (False when either names none)."""
    days = []
    for text in (stamp, told):
        m = MONTH_AND_DAY.search(text)
        if m is None:
            return False
        days.append(
            (month_number(m.group("month") or m.group("month_after")), int(m.group("day") or m.group("day_first")))
        )
    return days[0] != days[1]


def _is_navigation(line: str, headline: str) -> bool:
    """A line of the site's above the headline: links in brackets, a menu, a section's name in capitals ('WORLD'; not
    a site's name above a menu in capitals: 'DAILY SABAH' over 'TÜRKIYE  POLITICS  BUSINESS')."""
    section = line.isupper() and len(line) > 2 and len(line.split()) <= SECTION_LABEL_WORDS and not headline.isupper()
    return section or bool(BRACKETED_LINKS.match(line)) or _is_piped_menu(line)


def clean_article(raw: RawArticle) -> CleanArticle:
    """Title, dateline and numbered sentences of the article, with boilerplate removed."""
    lines = _joined_stamps(_lines(raw.content))
    banner: str | None = None
    if len(lines) > 2 and DATELINE_ONLY.match(lines[0]) and BREADCRUMB.match(lines[1]):
        # "Friday, June 2, 2023" over "HomeWorldRussia-Ukraine talks ...": the page's head, with the day it was
        # viewed, and the trail of links to the story: neither dates nor titles it
        banner, lines = lines[0], lines[2:]
    if not lines:
        raise ArticleRejected(f"{raw.filename}: no article text left after removing markup and boilerplate")
    headline_at = _headline_above_date_line(lines, _headline_index(lines))
    filed_under = next((line for line in lines if URL_LINE.match(line) and URL_DAY.search(line)), None)
    if headline_at >= 2 or (headline_at == 1 and _is_navigation(lines[0], lines[1])):
        lines = lines[headline_at:]  # section names above the headline ("World", "Europe"): site navigation
    dateline: str | None = None
    stamp_above_headline = False
    if (
        len(lines) > 1
        and (
            DATELINE_ONLY.match(lines[0])
            # or a day without its year, one alone among the lines ('16 May. 14:00 (UTC+3 MSK)'; not a timeline's first)
            or (YEARLESS_DAY_LINE.match(lines[0]) and not any(YEARLESS_DAY_LINE.match(line) for line in lines[1:]))
        )
    ):
        dateline, lines = lines[0], lines[1:]  # "7 March 2022 | 21:34" above the headline
        stamp_above_headline = True
    title = lines[0]
    body = lines[1:]
    seen: set[str] = {title}  # pages repeat their headline
    if len(title.split()) > 25 or title.endswith("."):
        # no headline: the first paragraph is body text (read, however short); its first sentence stands in as the
        # title
        body, seen = lines, set()
        first = split_sentences(title)[0]
        title = first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
    sentences: list[Sentence] = []
    paragraphs: list[str] = []
    entry_clock = EntryClock([clock for line in body if (clock := CLOCK_LINE.match(line))])
    # one day alone on its line under the headline dates the page; several are a timeline's headings
    yearless_day_lines = sum(1 for line in body if YEARLESS_DAY_LINE.match(line))
    text_lines = 0  # lines of the article's own text so far
    for line in body:
        if clock := CLOCK_LINE.match(line):
            entry_clock.read(clock)  # a live report's entries follow, each told on its clock's day
            continue
        if line in seen or _is_piped_menu(line):
            continue  # pages repeat their headline and captions; 'Share: X | Facebook | Email' is links
        seen.add(line)
        yearless_stamp = (
            dateline is None
            and YEARLESS_DAY_LINE.match(line)
            and (
                not sentences
                or (yearless_day_lines == 1 and _only_head_above(paragraphs))
                or UPDATED_OR_PUBLISHED.match(line)
            )
        )
        if DATELINE_ONLY.match(line) or yearless_stamp:
            # the first publication line wins; an "Updated" line only when nothing else dates the page; below the
            # text, a day after a word that is not a stamp's is the side panel's ('Created Feb 11, 2009')
            side_panel = text_lines >= LINKS_AFTER_BODY_LINES and SECTIONED_STAMP.match(line) is not None
            if not side_panel and (dateline is None or (UPDATED.match(dateline) and not UPDATED.match(line))):
                dateline = line
            continue
        if (m := wire_dateline(line)) and (
            dateline is None or (stamp_above_headline and not text_lines and _other_day(dateline, m.group("date")))
        ):
            # (a stamp above the headline that names another day than the story's own date line is the site's
            # banner of the day it was scraped: "Sunday, June 15, 2025" over "Istanbul, March 29 : Russia has ...")
            banner = dateline
            dateline = m.group("line").strip()
        paragraphs.append(line)
        text_lines += len(line.split()) >= BODY_LINE_WORDS
        caption = DATED_CAPTION.match(line)
        # "PHOTO: A woman walks past ... on Wednesday.", "... on April 12 that ... (Video: Reuters)"
        labelled = bool(PHOTO_LABEL.match(line) or CREDITED_CAPTION.search(line))
        for text in [line] if caption or labelled else split_sentences(line):
            sentences.append(
                Sentence(
                    len(sentences),
                    len(paragraphs) - 1,
                    text,
                    is_caption=bool(caption) or labelled,
                    stamped_days_back=entry_clock.days_back,
                )
            )
    if not sentences:
        sentences.append(Sentence(0, 0, title))
    if dateline is None and filed_under is not None:
        dateline = filed_under  # no date line but the page's address, with the day it was filed under
    text = "\n\n".join([title, *paragraphs])
    return CleanArticle(raw=raw, title=title, sentences=tuple(sentences), text=text, dateline=dateline, banner=banner)
