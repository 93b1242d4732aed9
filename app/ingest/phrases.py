"""The phrasings extraction reads, compiled once and named for what they find, and its thresholds."""

import re

from app.ingest.dating import MONTH_NAMES, NUMBER, ORDINAL_WORD, ORDINAL_WORDS, PATTERNS, WEEKDAY

ORDINALS = {word: n for n, word in enumerate(ORDINAL_WORDS, 1)} | {
    f"{n}{suffix}": n for n, suffix in enumerate(("st", "nd", "rd", "th", "th", "th", "th", "th"), 1)
}
ROUND_ORDINAL = re.compile(
    rf"\b(?P<ord>{ORDINAL_WORD}|[1-8](?:st|nd|rd|th))"
    r"(?:\s+(?:full|face-to-face|in-person|video|direct))?\s+(?P<noun>round|meeting|session)\b",
    re.I,
)
# "the delegation held talks in Kyiv with Ukrainian President Volodymyr Zelensky": a visit to a leader, not a round
TALKS_WITH_LEADER = re.compile(
    r"\b(?:talks|negotiations)\b[^.;]{0,30}\bwith (?:the )?(?:[A-Z][\w-]+ )?"
    r"(?:President|Prime Minister|Chancellor|Crown Prince|King|Emir|Pope)\b"
)
BOTH_DELEGATIONS = re.compile(r"\b(?:delegations|negotiators|(?:two|both) sides)\b", re.I)
# "the first round of the presidential election": a vote, not talks
ELECTION_ROUND = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:elections?|vote|voting|polls|ballot)\b", re.I)
ELECTION_WORD = re.compile(r"\b(?:elections?|electoral|presidential race|runoff|run-off)\b", re.I)
# "France's election: Le Pen closes in on Macron ahead of Sunday's first round" (a headline on an election), "the
# election's first round": the election's round, not the talks'
ELECTION_TOPIC_ROUND = re.compile(
    rf"{ELECTION_WORD.pattern}\s*:(?:(?!\b(?:talks|negotiat\w*|delegations?)\b)[^.;])*?\bround\b"
    rf"|{ELECTION_WORD.pattern}['’]s (?:first|second|final|1st|2nd) round\b",
    re.I,
)
AT_A_ROUND = re.compile(
    rf"\b(?:at|during) (?:the|their|its) "
    rf"(?:{ROUND_ORDINAL.pattern})|\b(?:at|during) their (?:previous|last|earlier) (?:round|meeting|session)",
    re.I,
)  # "At the second round, on June 2", "At their previous meeting last Thursday": the round of that day
ROUND_BESIDE_DATE_CHARS = 12  # "At the second round, on June 2": the round phrase and its date side by side
HELD = re.compile(r"\b(?:lasted|ended|took place|(?:was|were) held|opened|produced|yielded|broke up)\b", re.I)
# a draft handed over: "had handed over a draft agreement on Wednesday", "what Kyiv had offered in Istanbul on
# March 29" (not one only discussed: "discussed the draft on Monday")
DRAFT_WORD = re.compile(
    r"\b(?:offered|handed over|handed|submitted|tabled|presented|put forward|sent|delivered|agreed)\b", re.I
)
DRAFT_REACH = 60  # characters before a date within which the draft it dates is named
# "made no progress in their second round", "at a brief second round": one held
HELD_AT_BEFORE = re.compile(r"\b(?:in|at) (?:their|a|the)(?:\s+(?:brief|short|long|lengthy|tense))?\s+$", re.I)
ANNOUNCED_THING = re.compile(
    r"\b(?:announced|declared|ordered|unveiled|pledged)\s+(?:(?:a|an|the|new|its|his|their|another|more)\b|[$€£]|\d)",
    re.I,
)
FRONTED_SPEAKING = re.compile(r"^\W*Speaking\b", re.I)  # "Speaking on Tuesday at the cosmodrome, Putin accused ..."
READY_TO = re.compile(r"\b(?:ready|willing|prepared|offered|offers|offering)\s+to\b", re.I)  # "ready to host"
HOPED_FOR = re.compile(r"\b(?:hopes?|hoped|wants?|wanted|expects?|expected|plans?|aims?|seeks?) (?:for|to)\b", re.I)
NAMED_BEFORE_ROUND = re.compile(r"\b(?:since|unlike|had|during|discussed|than)\b[^,;]*$", re.I)
SINCE_AFTER = re.compile(r"[^.;,]{0,60}?\b(?=since\b)", re.I)  # where "since" begins, in the same clause
# "the first face-to-face meeting between the delegations in more than three weeks": the first for a while
IN_A_WHILE_AFTER = re.compile(
    r"[^.;,]{0,60}?\bin (?:more than |over |nearly |almost |about )?(?:a|an|\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|many) (?:weeks|months|years)\b",
    re.I,
)
COMPARED_ROUND = re.compile(r"\bas (?:the|at the|in the)\s+$", re.I)  # "the same venue as the second round"
# talks on another matter, or with third parties at the table: "quadrilateral negotiations ... on the export of grain"
OTHER_TRACK = re.compile(r"\b(?:grain|food exports?|fertili[sz]ers?|quadrilateral|four-(?:way|party|sided))\b", re.I)
# "ended ... with the hope of meeting again for a third session": a round hoped for, in a sentence on another one
HOPED_FOR_ROUND = re.compile(r"\b(?:hopes?|hoping|prospects?|chances?|possibility)\s+(?:of|for)\b[^.;,]{0,30}$", re.I)
LEADERS_MEETING = re.compile(r"\s+(?:of|between) the (?:two )?(?:[\w-]+ )?(?:ministers|presidents|leaders)\b", re.I)
# "met for a third time"; not "for the first time since", which names no round
DELEGATION_WORD = re.compile(r"delegation", re.I)
PROPOSED_SESSION = re.compile(
    # ('has proposed to Russia holding a meeting between ... Putin and ... Zelenskyy')
    r"\b(?:proposed|suggested|called for)\s+(?:to\s+(?-i:[A-Z])[\w'’-]+\s+)?"
    r"(?:(?:a|the|another|new|fresh|holding|resuming|direct)\s+)*"
    r"(?:round|meeting|talks|summit|negotiations)\b",
    re.I,
)
RECEIVED = re.compile(r"\b(?:received|welcomed)\b", re.I)
# "President approved the composition of the delegation for talks with Russia", "appointed Umerov to head the
# delegation": a delegation formed, not a session held (unless the sentence tells it met)
DELEGATION_FORMED = re.compile(
    r"\b(?:approved|appointed|appointing|named|formed|forming|set up|composition of)\b[^.;]{0,50}?\bdelegation\b"
    r"(?![^.;]{0,80}\b(?:met|meet|meeting|held|took place|arrived)\b)",
    re.I,
)
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
# a quotation (not a word in scare quotes: 'handed over a so-called "memorandum"')
QUOTE_SPAN = re.compile(r"[\"“](?![\w'’-]+[\"”])[^\"“”]*[\"”]|‘[^‘’]{12,}’")
# a quotation whose opening mark was lost, and who said it: words up to a closing mark with none before it, and the
# attribution after it ('... this process,” Kremlin spokesperson Dmitry Peskov told reporters')
QUOTED_FROM_THE_START = re.compile(r"^[^\"“”]{12,}”(?=,?\s+\w)")
# 'the next day', 'that day', 'that night', 'three days later': a day counted from the date told before it
SAME_DAY = re.compile("|".join(p.pattern for kind, _, p in PATTERNS if kind in {"same_day", "days_later"}), re.I)
# how a text tells that the war began: "Russia invaded", "Putin launched his invasion", "troops poured into"
WAR_LAUNCHED = (
    r"(?:invaded|(?:launched|began|started|waged) (?:its|his|the|a) (?:full-scale )?(?:invasion|war)"
    r"|(?:sent|ordered) (?:its |his |in )?(?:troops|forces|tanks) (?:into|across)"
    r"|(?:poured|rolled|crossed|swept|marched) (?:into|across|over)"
    r"|crossed the border|entered Ukraine)"
)
# who starts the war in a sentence telling it ('..., Russian troops crossed into Ukraine', 'On February 24, Russia
# invaded Ukraine'): what follows a date told as the start
WAR_SUBJECT = r",?\s+(?:Russia|Moscow|(?:Vladimir\s+)?Putin|Russian\s+(?:troops|forces|tanks))\s+"
SINCE_THE_WAR = re.compile(
    r"\bsince (?:the (?:start of the )?|Russia['’]s )?(?:full-scale )?(?:Russian )?(?:invasion|war)"
    r"(?: (?:began|started|broke out))?\b"
    # "the first talks since Vladimir Putin launched his invasion", "since Moscow sent troops into Ukraine"
    rf"|\bsince (?:[\w'’-]+ ){{0,4}}?{WAR_LAUNCHED}(?: Ukraine| its neighbou?r| the country)?\b",
    re.I,
)
# "since March 7", and "for the first time since the talks in Belarus in early March": what the day is compared with
SINCE_BEFORE = re.compile(
    r"\b(?:since|until|through)\s+$|\bsince\s+(?:the|their|its|an?)\s+(?:[\w'’-]+\s+){0,6}?(?:in|on)\s+$", re.I
)
# "the largest attack since the full-scale invasion began in February 2022", "the highest-level talks since
# Russia invaded on 24 February": the war's start, compared with
SINCE_WAR_BEGAN = re.compile(
    # (and "since Vladimir Putin, president of Russia, ordered troops into the neighbouring country late last month")
    rf"\bsince (?:[\w'’-]+ ){{0,4}}?(?:[\w'’-]+,[^,.;]{{1,40}}, )?"
    rf"(?:(?:war|invasion|conflict|fighting) (?:began|started|broke out)|{WAR_LAUNCHED})"
    r"(?: of| on| against)?(?: Ukraine| Kyiv| its neighbou?r| the (?:neighbou?ring )?country| the border"
    r"| neighbou?ring Ukraine)?(?: in| on)?\s+$",  # ('since Moscow invaded neighboring Ukraine on Feb. 24')
    re.I,
)
# "a little more than a month into the full-scale invasion", "four days after the invasion began", "a few days after
# the launch of the Russian offensive": the war's age, a time told, not a happening of the sentence
WAR_AGE = re.compile(
    r"\b(?:days?|weeks?|months?) (?:into|after) (?:the |Russia['’]s )?"
    r"(?:(?:launch|start|beginning|outbreak) of (?:the |its |Russia['’]s )?)?"
    r"(?:full-scale )?(?:Russian )?(?:invasion|war|offensive|(?:special )?military operation)\b"
    # "Within days of the full-scale invasion, the two sides opened talks", "in the first weeks of the war"
    r"|\b(?:within|in) (?:the )?(?:(?:first|opening) )?(?:days|weeks) of (?:the |Russia['’]s )?(?:full-scale )?"
    r"(?:Russian )?(?:invasion|war)\b",
    re.I,
)
THIS_YEAR = re.compile(r"this year", re.I)  # "the first retelling of the story this year. In June, ...": now
YEAR_HEADING = re.compile(r"\s*(?P<year>(?:19|20)\d\d)\s*:?\s*")  # a timeline's section heading: '2022'
# a list's heading that names a year, a few words with no full stop: 'FACTBOX: The 2022 talks', 'Timeline of 2022'
LIST_HEADING_YEAR = re.compile(
    # (not a month's heading, 'June 2023', which a timeline's day headings read)
    rf"(?!.*\b(?:{MONTH_NAMES})\b)(?:[\w&'’:-]+\s+){{0,6}}?(?:the\s+)?(?P<year>(?:19|20)\d\d)(?:\s+[\w&'’-]+){{0,3}}:?",
    re.I,
)
BULLET = re.compile(r"\s*[-–•·*]\s+")  # a list's item
OLD_ACCORD_TYPES = {"proposal"}  # what an undated sentence with a year long before tells of: an old document
SINCE_OPENING = re.compile(r"\W*since\b", re.I)  # "Since March 14, the talks have continued by video"
# "..., a version of which the Journal published earlier this year", "..., the same venue that hosted the last talks
# in March 2022": a relative clause, telling of something else
WHO_CLAUSE = re.compile(r",[^,;]{0,40}?\bwho\b[^,;]*$", re.I)  # "Medinsky, who also headed the team in ..."
IN_RELATIVE_CLAUSE = re.compile(
    r",(?:[^,;]{0,40}?\b(?:which|whom|whose)\b|\s*(?:the|a|an)\s+(?:(?!\b(?:said|says|told|tells|added|stated|"
    r"announced|reported|claimed|warned|noted|insisted)\b)[^,;]){0,40}?\b(?:that|where)\b)[^,;]*$",
    re.I,
)
WHOM_BEFORE = re.compile(r"\b(?:whom|who was|who had)\b[^,]*$", re.I)
AGREED_OR_EXCHANGED = re.compile(
    r"\b(?:agreed|agree|agreeing|agreements?|exchanged|swapped|handed over|presented|submitted|tabled)\b", re.I
)
SIDES_AGREED = re.compile(
    r"\b(?:the (?:two )?sides|both sides|the (?:two )?delegations|the parties|Russia and Ukraine|Ukraine and Russia"
    r"|Moscow and (?:Kyiv|Kiev)|(?:Kyiv|Kiev) and Moscow)\b[^.;]{0,30}?"
    # 'had agreed', 'have reached a tentative agreement to organize safe corridors'
    r"\b(?:(?:had |have )?agreed|(?:had |have )?reached (?:an? |the )?(?:\w+ )?(?:agreement|understanding|deal))\b",
    re.I,
)
# an exchange of prisoners words report as going on or done ('Medinsky announced that 250 prisoners from each side
# are being exchanged'), or agreed ('with an agreement to exchange at least 1,200 more prisoners')
SWAP_REPORTED = re.compile(
    r"\b(?:prisoners|POWs|captives)\b[^.;]{0,60}?\b(?:are being|were|have been|had been) (?:exchanged|swapped)\b"
    r"|\ban agreement to (?:exchange|swap)\b",
    re.I,
)
# a negotiator's own words on what the talks agreed: '"We agreed to exchange all-for-all seriously wounded ...
# prisoners of war"', '"The parties have reached an understanding on the joint creation of humanitarian corridors"'
QUOTED_AGREEMENT = re.compile(
    r"[“\"]\s*(?:We|The (?:two )?(?:sides|parties|delegations))\s+(?:have\s+|had\s+)?"
    r"(?:agreed|reached\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:agreement|understanding))\b[^”\"]*",
    re.I,
)
SIDE_PUT_FORWARD = re.compile(
    # ('Ukrainian delegates have given Russian negotiators a list of hundreds of Ukrainian children')
    r"\b(?:Moscow|Kyiv|Kiev|Russia|Ukraine|(?:the )?(?:Russian|Ukrainian) (?:side|delegation|delegates|negotiators))\b"
    r"(?:[^.;,]{0,20}?\b(?:proposed|offered|suggested|requested|asked for|pressed for|handed|presented|tabled"
    r"|put forward|gave(?! up)|(?:had |have |has )given"
    r"|(?:would|will) (?:also )?(?:hand over|return|release)"
    r"|(?:was|is|were|are) (?:also )?(?:ready|prepared) to (?:hand over|return|transfer))"
    # ('Russia has returned the bodies of 7,000 soldiers and is prepared to return 3,000 more')
    r"|[^.;]{0,90}?\band (?:has |had |is |was )?(?:also )?"
    r"(?:offered|proposed|(?:ready|prepared) to (?:hand over|return|transfer)))\b",
    re.I,
)
OUTCOME_TYPES = ("prisoners", "humanitarian", "proposal")
NEGATION = r"not|never|no"
NEGATED = re.compile(rf"\b(?:{NEGATION})\b", re.I)
# talks going on since a day: 'have been negotiating', 'have continued', 'had talked'; not stopped or refused
GOING_ON = re.compile(r"\b(?:ha(?:ve|s|d) been \w+ing|continu\w+|kept|ha(?:ve|s|d) (?:talked|negotiated))\b", re.I)
NOT_GOING_ON = re.compile(rf"\b(?:{NEGATION}|refused|stopped|halted|suspended|broke off|ceased)\b", re.I)
SINCE_START_KINDS = {"full_date", "month_day", "weekday", "weekday_date", "month_part"}  # a day, or days, to start on
# what a side put forward after a round, not at it: 'Russia has since offered', 'later proposed', 'has not proposed'
# where a clause of its own may open: the sentence's start, or after a comma or semicolon and a joining word
CLAUSE_OPENING = re.compile(r"(?:^\s*|[,;]\s*(?:(?:while|whereas|and|but)\s+)?)$", re.I)
LATER_OR_NOT = re.compile(rf"\b(?:since|later|afterwards|subsequently|{NEGATION})\b", re.I)
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
# "NATO foreign ministers met in Antalya", "a meeting of EU defence ministers", "the foreign ministers of the G7
# met": a group's ministers meeting, not those of the two sides
GROUP = r"(?-i:NATO|EU|G7|G20|OSCE|ASEAN|European Union|European|Nordic|Baltic|Arab)"
GROUP_MINISTERS = re.compile(
    rf"\b{GROUP}(?:['’]s)? (?:(?:foreign(?: affairs)?|defen[cs]e|finance) )?ministers['’]?\s+"
    r"(?:(?:also |again |informally )?(?:met|meet|meets|gathered)|(?:informal )?meeting)\b"
    rf"|\bmeeting of (?:the )?{GROUP} (?:(?:foreign(?: affairs)?|defen[cs]e|finance) )?ministers\b"
    rf"|\bministers of (?:the )?{GROUP}\b[^.;]{{0,20}}\b(?:met|meet|meeting|gathered)\b",
    re.I,
)
NOUN_BEFORE_COMMA = re.compile(r"(?:[\w'’-]+\s+){0,2}[\w'’-]+\s*$")  # the last words before a comma
ADJUNCT_START = re.compile(r"\s*(?:in|at|near|on)\b")
APPOSITIVE_NAME = re.compile(r"\s*(?:[A-Z][\w'’-]+\s?){1,3}(?:and\s(?:[A-Z][\w'’-]+\s?){1,3})?")
CLAUSE_BREAK = re.compile(
    r"[,;:—–]|(?<=\s)-(?=\s)|\b(?:but|while|whereas|after|before|since|because|although|which|when)\b"
    r"|\band (?=(?:is|are|was|were|will|would|has|had|then)\b)",  # "met Lavrov on Wednesday and is due in Lviv"
    re.I,
)
# the words just before given to someone: 'This was stated by Secretary of the National Security and Defense Council
# Rustem Umerov at a press conference', 'This was announced by the spokesman of the Kremlin, Dmitry Peskov'
STATED_BY = re.compile(
    r"^\s*(?:This|That|It)\s+(?:was|has been)\s+(?:stated|said|announced|reported|declared|noted|told)\s+by\s+", re.I
)
STATED_BY_NAME_CHARS = 100  # how far after 'by' the person's name may come, after their title
# a headline's attribution after a colon: ': President Zelensky', ': Kremlin spokesman Peskov'
ATTRIBUTED_AT_END = re.compile(r":\s+(?:[\w'’.-]+\s+){0,4}[A-Z][\w'’.-]+\s*$")
PRONOUN_SUBJECT = re.compile(
    r"\b(?:he|she)\s+(?:(?:also|later|then|further|again|earlier|separately|previously)\s+)?"  # 'He also said'
    r"(?:said|says|told|added|confirmed|claimed|noted|urged|called|announced|stated|declared|wrote"
    r"|stressed)\b"
    r"|\baccording to (?:him|her)\b",  # 'According to him, the Russian side prepared documents ...'
    re.I,
)
# a person named before, told again by a description ('..., the Russian presidential aide said'); the words naming
# a side ('Russian', 'Kremlin') must fit the person's
DESCRIBED_SUBJECT = re.compile(
    r"\bthe (?P<description>(?:[\w-]+ ){0,3}?)(?P<noun>aide|adviser|advisor|negotiator|spokes(?:man|woman|person)"
    r"|diplomat|minister|official|envoy|president|prime minister|chancellor)\s+(?:(?:also|later|then|further)\s+)?"
    r"(?:said|says|told|added|noted|stressed|emphasi[sz]ed|explained|stated)\b",
    re.I,
)
# the titles of one office: a description by one ('the Russian president explained') is of the person who holds it
OFFICE_TITLES = {"president", "prime minister", "chancellor"}
SIDE_WORDS = {
    "RU": re.compile(r"\b(?:Russian|Kremlin|Moscow)\b", re.I),
    "UA": re.compile(r"\b(?:Ukrainian|Kyiv|Kiev)\b", re.I),
}
STATE_SUBJECT = re.compile(
    r"^(?:[A-Z][A-Z .'’-]{2,30}\s+\([^()\n]{2,40}\)\s*[-–—]\s*)?"  # after a wire's opening: 'MOSCOW (Reuters) -'
    r"(?:\w+,\s+)?(?:Ukraine|Russia|Moscow|Kyiv|Kiev|(?:[Tt]he )?Kremlin"
    r"|The (?:two )?(?:delegations|sides)|(?:The|A) (?:Russian|Ukrainian) (?:delegation|side)|Both sides"
    # "Ukraine's chief negotiator said": a side's office, unnamed
    r"|(?:Ukraine|Russia|Moscow|Kyiv|Kiev)['’]s (?:chief |lead |top |main )?(?:negotiator|delegation|delegate)"
    # a side's ministry: 'The Russian Ministry of Defense has declared'
    r"|(?:The )?(?:Russian|Ukrainian) (?:Ministry of (?:Defen[cs]e|Foreign Affairs)|(?:Defen[cs]e|Foreign) Ministry))"
    # ('The Kremlin on Thursday accused', 'Russia, meanwhile, pledged')
    r"(?:,\s+(?:meanwhile|however|in turn|for its part),)?"
    r"\s+(?:\w+\s+|on\s+\w+day\s+)?(?:\w+ed|said|told|met|held|made|took|reached)\b"
)
# "in light of a new round of in-person peace talks being held in Istanbul": a session going on as it is written
HELD_NOW = re.compile(
    # ('Negotiations between the delegations ... continue via video link'; not 'will continue')
    # ('Peace talks between Russia and Ukraine in Istanbul are over': just ended, told on the day)
    r"\b(?:talks|negotiations|round|meeting)\b[^.;]{0,60}?\b(?:being held|under ?way|(?<!will )(?<!to )continues?\b"
    r"|(?:is|are)\s+(?:now\s+)?over\b)",
    re.I,
)
PRESENT_PERFECT = re.compile(  # ('this fourth round of negotiations has been held by videoconference')
    r"\b(?:have|has)\s+(?:been\s+)?(?:\w+ed|held|begun)\b|\bhave\s+(?:held|met|sent|engaged)\b", re.I
)
# a drawdown a side announces ('will significantly decrease military activities', 'two steps to de-escalate')
MILITARY_DRAWDOWN = re.compile(
    # ('was drastically reducing its military operations in some parts of Ukraine')
    r"\b(?:reduc|decreas|cut|scal)\w*(?: back| down)? (?:\w+ ){0,2}military (?:activit\w*|operations\b)"
    r"|\bsteps? to de-?escalate\b"
    r"|\b(?:stop|halt|cease|end)\s+(?:its\s+)?(?:military\s+)?operations\s+(?:around|near|in)\b",
    re.I,
)
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
LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|outside|on the outskirts of|visit|visits|visited|(?:visits?|journey) to"
    r"|travel(?:s|l?ed|l?ing)? to|flew to|arrived in|on the sidelines of)\s+"
    # "in a gilded hall of Istanbul's Dolmabahce Palace"
    r"(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:halls?|rooms?|ballroom|building|residence|offices?|lodge)\s+of\s+)?"
    r"(?:the\s+)?(?:[A-Z][\w-]+['’]s\s+)?"
    r"(?:western\s+|eastern\s+|southern\s+|northern\s+)?"
    r"(?:(?:[A-Z][\w-]+\s+)?(?:resort\s+|port\s+|coastal\s+|border\s+)?(?:city|town|resort|region) of\s+)?$",
    re.I,
)
SINCE_BEFORE_PLACE = re.compile(
    r"\bsince (?:the |their )?(?:(?:first|second|third|fourth|fifth|sixth|last|previous) )?"
    r"(?:talks|meeting|round|negotiations|session)\b[^,;.]{0,25}$",
    re.I,
)
# a place among several named in a row ('a ceasefire in Kyiv, Kharkiv, Sumy and Mariupol'): where something is
# happening across the country, not where two delegations meet ('in Gomel, Belarus' is one place, no 'and')
NAME = r"[A-Z][\w'’-]+"
LISTED_AFTER = re.compile(rf",\s+{NAME}(?:,\s+{NAME})*,?\s+(?:and|or)\s+{NAME}")
TALK_NOUN = re.compile(r"\b(?:talks|negotiations|round)\b", re.I)  # not "a meeting": anyone can meet
# "Russia has announced it will ...": words told as news of the day, like "says" (not "has repeatedly said", nor
# "the delegations have held talks")
SAID_PRESENT_PERFECT = r"(?:has|have) (?:said|told|stated|announced|confirmed|declared)"
SAID_AS_NEWS = re.compile(rf"\b{SAID_PRESENT_PERFECT}\b", re.I)
FIRST_TENSE = re.compile(
    rf"\b(?P<present>says|tells|warns|insists|claims|announces|confirms|is|are|{SAID_PRESENT_PERFECT})\b"
    r"|\b(?:said|told|was|were|had|did|\w{3,}ed)\b",
    re.I,
)
# "to meet Putin, his spokesperson said": the name is the object of a verb, the speaker is someone else
NAME_AS_OBJECT = re.compile(
    r"\b(?:meet|met|meeting|with|to|by|for|against|told|urged|called|visit|visited|and)\s+"
    r"(?:(?:[A-Z][\w.-]*|the|his|her)\s+){0,3}$"
)
NAME_ENDS_CLAUSE = re.compile(r"\s*(?:[,.;:]|$)")
# ('..., said Putin.', '..., announced Ukrainian presidential adviser Mykhaylo Podolyak.')
SAID_NAME = re.compile(r"\b(?:said|says|announced|added|stated|according to)\s+(?:\w+\s+){0,4}$", re.I)
SAID_NAME_CHARS = 50  # how far before a name its verb of saying may come
AGREED_TO = re.compile(
    r"\b(?:agreed|agreement|agree|plans?|planned|ready|offered|proposed|wants?|intends?|hopes?)\b[^.]{0,90}"
    r"\b(?P<plan>(?:to|would|will) (?:hold|meet|resume|continue|start|host|organi[sz]e|arrange|send))\b",
    re.I,
)
IN_A_CALL = re.compile(r"\b(?:in|during|over) (?:a|an|his|her|their) (?:tele)?phone (?:call|conversation)\b", re.I)
# "It was the second meeting between the delegations; the first, on Monday, was held in the Gomel region": the date
# after an ordinal standing for the round is that round's
ORDINAL_BEFORE_DATE = re.compile(rf"[;,]\s+the (?P<ord>{ORDINAL_WORD}),\s+(?:on |in )?$", re.I)
ELLIPTIC_ORDINAL = re.compile(
    rf"\W*The (?P<ord>{ORDINAL_WORD}), (?:held )?(?:on|in) ", re.I
)  # "The second, on June 2,"
MEETING_REFERENCE_SENTENCES = 2  # wire copy puts each sentence in a paragraph of its own
THE_MEETING = re.compile(
    # (adjectives between: not "The Russian delegation at talks with Ukraine", which tells of the delegation)
    r"^(?-i:The|That|This)\s+(?:(?!(?:at|with|in|on|of|for|to|from|by|about)\b)[\w-]+\s+){0,3}"
    r"(?:meeting|talks|session|round)\b"
    r"|\b(?:at|during) (?:that|this) (?:meeting|session|round)\b"  # "At that meeting, the two sides agreed to ..."
    # "The delegations met for five hours at a lodge"; not "met again" or "met for a second time": another round
    r"|^The (?:two )?(?:delegations|negotiators|sides) met\b(?! again\b| for an? \w+ time\b)",
    re.I,
)
# "At the second round, on June 2, ... They agreed to swap all severely wounded prisoners": what was agreed there
# "They agreed to ...", "The sides exchanged memoranda": what the round just told of agreed or did
THEY_AGREED = re.compile(
    r"^(?:They|The (?:two )?(?:sides|delegations)|Both sides) (?:also |had )?(?:agreed\b|(?:exchanged|swapped)\s+"
    r"(?:[\w-]+\s+){0,3}(?:prisoners|memorand|documents|drafts|proposals|bodies|lists))",
    re.I,
)
# between a round's ordinal and its date, a phrase set off by a comma that is not the round's own ('The second round,
# announced by Russia on Tuesday, took place on Thursday'); ', held at the palace on' and ', on' are its own
OTHER_COMMA_PHRASE = re.compile(r",\s*(?!(?:held|on|in|at)\b)\w", re.I)
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
# "agreements reached at Monday's talks in Istanbul": the day before it is the talks'
DAYS_TALKS = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiations|round)\b", re.I)
# "said no progress was made in talks on Thursday with his Russian counterpart": the day is the talks'
DURING_BEFORE = re.compile(r"\b(?:in|at|during)\s+$", re.I)  # "During Thursday's talks": the talks' day after it
IN_TALKS_ON = re.compile(r"\b(?:in|at|during|after)\s+(?:the\s+|their\s+)?(?:talks|negotiations)\s+$", re.I)
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
    r"\b(?:will|would|next|to meet|(?<!had agreed )to hold|near future|coming days|is due to|are due to|expected"
    r"|scheduled|soon"
    r"|(?:could|may|might) (?:take place|be held|meet|resume|start)"
    # "gave no date for the second round", "the date of a fourth round has not been announced": one to come
    r"|(?:a|any|an exact|no) date (?:for|of) (?:the|a|an)|no date has (?:yet )?been (?:set|announced|fixed|agreed)"
    r"|date (?:for|of) (?:the|a|an) [\w -]{0,40}"
    r"(?:has|had|have) (?:not|yet to) (?:yet )?(?:been )?(?:set|announced|fixed|agreed|be set|be announced))\b",
    re.I,
)
# "said in a video address late on Monday", "said in an interview with the Associated Press on April 10": how far a
# verb of saying may stand from its date
SAID_THEN_WORDS = 9
TOLD_WHOM_WORDS = 3
# (a name is no verb: 'told the Associated Press')
VERB_LIKE = re.compile(r"\b(?:would|will|had|has|have|was|were|is|are|could|should|might|may|(?-i:[a-z]\w*ed))\b", re.I)
HOW_SAID = re.compile(r"\s*(?:(?:in|at|to|on|during|via|over|through)\b|(?:late|early)\s*$)", re.I)
NEW_CLAUSE = re.compile(r"[,;:]|\b(?:that|which|who|and|but|after|before|when|while)\b", re.I)
FRONTED = 6  # an anchor in a sentence's first words sets the scene for the sentences after it
FRONTED_PHRASE = re.compile(
    r"^(?:In|After|During|With|Following|At|On|Before|Speaking|Meeting|Unlike)\b[^,]{0,80},\s*"
)  # "After meeting Lavrov, ...": a phrase before the subject
SUBJECT_CHARS = 40  # a name this near the start of a sentence is its subject
# "Erdogan opened the session ..., telling the delegates", "Putin on Tuesday called the war a tragedy but insisted
# that ...": the subject's words, after a clause of its own
SAYING_AFTER_CLAUSE = re.compile(
    r",\s+(?:saying|telling|adding)\b"
    r"|\s+(?:but|and)\s+(?:also\s+)?(?:said|insisted|added|warned|stressed|noted|argued|claimed|told)\b",
    re.I,
)
WIDEST_EVENT_DAYS = 62  # what is dated more loosely than two months is background (unless a numbered round)
TOLD_AS_NEWS = re.compile(
    rf"\b(?:{WEEKDAY}|yesterday|today|tonight|tomorrow|(?:last|this|next) (?:week|weekend|month))\b", re.I
)
# what a main clause can report as having come after a dated happening ("bodies were found ... after ...");
# not meetings or documents: "the prospect of a meeting stalled after ..." reports none
HAPPENINGS = {"atrocity", "military", "humanitarian", "prisoners", "aid"}
# "..., starting on May 15": after an offer made on its own day ('offered on Sunday to resume talks ..., starting
# on Thursday'), the day the offered talks were to start, not the one the sentence tells of (not 'proposed talks on
# February 27, and then, starting on March 14, talked by video')
STARTING_ON = re.compile(r"\b(?:starting|beginning)\s+(?:(?:on|from)\s+)?$", re.I)
OFFERED = re.compile(r"\b(?:offer(?:ed|s)?|propos(?:ed|es)|suggest(?:ed|s)|invit(?:ed|es)|called for)\b", re.I)
STARTING_REACH = 20
WHEN_CLAUSE = re.compile(r"\s*,\s*when\s+(?P<clause>[^.;]+)", re.I)
# "played down the prospects of a meeting between the presidents": words about a session, not one held
PROSPECTIVE_SESSION = re.compile(
    r"\b(?:(?:prospects?|possibility|chances?|hopes?) (?:of|for) (?:a |an |any )?|(?:possible|potential|proposed) )"
    r"(?:(?:new|further|direct) )?(?:meeting|summit|talks|round)\b"
    r"|\b(?:challenged?|challenges|urged?|invited?|dared)\b[^.;]{0,40}\bto meet\b",  # "challenged Putin to meet him"
    re.I,
)
# "Dmitry Peskov on Tuesday told reporters", "Dmytro Kuleba on March 28 said": a day between a name and its verb
MONTH_DAY_WORDS = rf"(?:{MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAMES})"
DAY_BEFORE_VERB = re.compile(
    rf"\s*,?\s*(?:(?:late|early)\s+)?(?:on\s+)?(?:{WEEKDAY}(?:,?\s+{MONTH_DAY_WORDS})?|{MONTH_DAY_WORDS})"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?"
)
# the delegations of more parties than the two sides ('The delegations of Ukraine, Russia, Turkey, and the UN will meet
# again'): a meeting of many, not a round of the two
DELEGATIONS_OF_MANY = re.compile(
    r"\bdelegations (?:of|from) (?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*)?,\s+(?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*)?,\s+"
    r"(?:and\s+)?(?:the )?[A-Z]"
)
# a sentence opening the next point of a list ('Secondly, Ukraine requested ...', 'Thirdly, the parties agreed ...')
NEXT_POINT = re.compile(r"\s*(?:Secondly|Thirdly|Fourthly|Fifthly|Second|Third|Fourth|Fifth|Lastly)\s*,", re.I)
# where a speaker said it, between the name and the verb ('Podoliak at an interim briefing in Turkey said')
OCCASION_BEFORE_VERB = re.compile(
    r"\s+(?:at|in|during)\s+(?:an?|the|his|her)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:briefing|press conference|news conference|interview|speech|address|statement)"
    r"(?:\s+(?:in|to|with|on)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
)
# "returned to their capitals for consultations before a second round of talks", "ahead of the third round": a round
# still to come, which the sentence dates no more than it says when (not "Before the third round, the sides had ...")
ROUND_TO_COME = re.compile(
    r"\b(?:(?:ahead of|in preparation for|to prepare for)\s+(?:a|the|their|its)|before\s+a)\s+(?:new\s+|next\s+)?"
    r"(?:[\w-]+\s+)?round\b",
    re.I,
)
MET_AT = re.compile(
    r"\b(?:met|held|took place|gathered)\s+(?:(?:again|face to face|in person)\s+)?(?:in|at)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# "Negotiators for Ukraine and Russia agreed", "The Russian and Ukrainian delegations have agreed": at talks
NEGOTIATORS_AGREED = re.compile(
    r"^(?:[\w'’-]+\s+){0,4}?(?:negotiators|delegations|delegates)\b[^.;,]{0,40}?\s(?:have\s+|had\s+)?agreed\b", re.I
)
BOTH_SIDES_MET = re.compile(
    r"\b(?:Russian and Ukrainian|Ukrainian and Russian) (?:officials|negotiators|delegates|representatives)\s+"
    r"(?:\w+\s+)?met\b",
    re.I,
)
DELEGATIONS_MET = re.compile(r"\b(?:the two |both )?(?:delegations|negotiators) (?:\w+ )?met\b", re.I)
ARRANGED = re.compile(r"\b(?:was|were) (?:arranged|agreed|planned|scheduled|announced)\b", re.I)  # not held yet
MET_BEFORE_SAYING = re.compile(  # "after he met", "during the talks with", "after his trilateral meeting with"
    r"\b(?:after|when|since) \w+ (?:had )?met\b"
    r"|\b(?:after|during|at|following) (?:the |his |her |their )?(?:\w+ )?(?:talks|meeting|negotiations) with\b"
    # "The talks between Ukrainian Foreign Minister Dmytro Kuleba and Russia Foreign Minister Sergey Lavrov in Turkey
    # ... failed to yield any progress, ... Kuleba said on Thursday"
    r"|(?:^|[:—–]\s*)(?:the )?(?:\w+ )?(?:talks|meeting|negotiations) between\b",  # (after a date line's colon)
    re.I,
)
MET = re.compile(r"\b(?:met|meet|meets|meeting|held talks|hosted)\b", re.I)
LEADING_ROLE = re.compile(r"^(?:(?:Foreign|Defence|Defense|Prime) )?Minister\b|^President of\b")
NEGOTIATOR_ROLE = re.compile(r"\b(?:delegation|negotiator)\b", re.I)
LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|,?\s+as well as)\s+(?:on\s+|in\s+)?", re.I)
SESSION_NOUN = r"(?:talks|meeting|session|round|negotiations)"
# "following negotiations with the Ukrainian delegation in Istanbul", "after Tuesday's talks in Istanbul": a
# session told of as over
# talks told as held or ended: 'The second round of talks ... has ended', 'the talks took place in Istanbul'
SESSION_HELD = re.compile(
    r"\b(?:round|talks|negotiations)\b[^.;]{0,60}?\b(?:(?:has|have|had)\s+)?"
    r"(?:ended|concluded|finished|took place|(?:was|were) held)\b"
    r"|\b(?:after|following)\s+(?:the\s+)?(?:talks|negotiations)\s+with\b",  # '... following negotiations with'
    re.I,
)
AFTER_A_SESSION = re.compile(
    rf"\b(?:after|following)\s+(?:the\s+|their\s+|today['’]s\s+|\w+day['’]s\s+)?(?:[\w-]+\s+){{0,2}}?{SESSION_NOUN}\b",
    re.I,
)
# "First outcomes of Ukrainian-Russian talks in Istanbul were announced": a session told of as held by its results
OUTCOMES_OF_A_SESSION = re.compile(
    rf"\b(?:outcomes?|results?)\s+(?:[\w-]+\s+){{0,2}}?of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{SESSION_NOUN}\b", re.I
)
# "have continued to meet online since the Istanbul round", "the first time since the talks in Belarus": a session
# told of as held, with the place it was held at (the words before the noun, or 'in'/'at' a place after it)
SINCE_A_SESSION = re.compile(
    rf"\bsince\s+(?:the\s+|their\s+)?(?:[\w'’-]+\s+){{0,3}}?{SESSION_NOUN}\b"
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?",
    re.I,
)
# a day told as an earlier session's: '... for a second round of peace talks after initial discussions Monday'
EARLIER_SESSION_JUST_BEFORE = re.compile(
    r"\bafter (?:the |their )?(?:initial|first|earlier|previous) "
    r"(?:talks|discussions|negotiations|round|meeting|session)s?(?: (?:in|at|near) [^,.;]{1,25}?)?(?: on)?\s+$",
    re.I,
)
# "..., Moscow's top negotiator said on Tuesday, after a new round of talks in Istanbul": words said just after a
# session (not "suffered symptoms ... after a meeting in Kyiv": what came after it is not the saying)
SAID_AFTER_A_SESSION = re.compile(
    r"\b(?:said|says|told reporters|announced|stated|declared)\b[^.;]{0,25}?,?\s+(?:after|following)\s+"
    r"(?:the\s+|a\s+|their\s+)?(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:talks|negotiations|round)\b",
    re.I,
)
# "Tete-a-tete negotiations between ... have begun in Istanbul, a diplomatic source said on Tuesday": the session, on
# the day the words were said
SESSION_TOLD_AS_BEGUN = re.compile(
    r"\b(?:talks|negotiations|round|consultations)\b[^.;\"“”]{0,120}?\b(?:have|has)\s+"
    r"(?:just\s+)?(?:begun|started|resumed|ended|finished|concluded|opened|kicked off)\b[^.;,]{0,40}",
    re.I,
)
# "described the latest round of talks with the Russians, held via videoconference, as ...": a session told of as held
SESSION_DESCRIBED = re.compile(
    r"\b(?:described|characteri[sz]ed)\s+the\s+(?:latest|last|recent|previous|\w+day['’]s)\s+(?:round|session)\s+of\s+"
    r"(?:talks|negotiations)\b[^.;]{0,60}",
    re.I,
)
# "announced on Friday the start of this new round of talks": a session the words tell has begun (not 'the start of
# talks tomorrow', which looks ahead: the caller checks)
SESSION_START_ANNOUNCED = re.compile(
    r"\b(?:announced|confirmed|reported)\b(?:[^.;\"“”]|(?<=\d)\.(?=\d)){0,40}?\b(?:the\s+)?(?:start|beginning|opening|resumption)\s+of\s+"
    r"(?:the\s+|a\s+|this\s+)?(?:new\s+|latest\s+|next\s+)?(?:round\s+of\s+)?(?:peace\s+)?(?:talks|negotiations)\b",
    re.I,
)
AT_OR_AFTER_THE_SESSION = re.compile(
    rf"\b(?:afterwards|after the {SESSION_NOUN}|after (?:it|they) (?:ended|finished)"
    rf"|opened the {SESSION_NOUN}|at the (?:opening|start|end) of the {SESSION_NOUN})\b",
    re.I,
)

# "the March 17 text", "the April 15 draft", "The document, dated April 15, 2022": the day a document bears, which
# dates the document (put forward that day), not the happening of the clause it is named in
DOCUMENT_NOUN = r"(?:draft|text|document|treaty|communiqu[ée]|memorand(?:um|a)|proposals?|version|paper)"
# ('treaty drafts dated March 17 and April 15, 2022': each day of the list a draft bears)
DATED_DOCUMENT_BEFORE = re.compile(
    rf"(?:\b(?:the|a|an|its|their)\s+|\b{DOCUMENT_NOUN}s?,?\s+dated\s+(?:[\w ]{{3,20}}?(?:,\s+|\s+and\s+)){{0,3}})$",
    re.I,
)
DOCUMENT_AFTER = re.compile(rf"\s+(?:[\w-]+\s+)?{DOCUMENT_NOUN}\b", re.I)

# "A few days later", "Two weeks later", "Then", "Days after that": a time before the date that fronts the sentence
FRONTED_TIME = re.compile(
    r"\W*(?:(?:a few|several|two|three|four|five|six|\d+)\s+(?:days|weeks|months)\s+(?:later|after(?:\s+that)?)"
    r"|(?:days|weeks|months)\s+(?:later|after(?:\s+that)?)|later|then|soon after|shortly after)\s*$",
    re.I,
)
# "confirmed that he will meet his Russian counterpart ... this week": a meeting still to come in a span that runs on
WILL_MEET = re.compile(
    r"\b(?:will|(?:is|are) (?:due|expected|set|scheduled) to)\s+(?:meet|hold|resume|sit down|gather|set out for)\b",
    re.I,
)
