"""What a clause reports: its event type, the round it numbers, and what a session agreed."""

import re
from functools import lru_cache

from app.ingest.dating import PAST_TENSE, WEEKDAY
from app.ingest.phrases import (
    AGREED_OR_EXCHANGED,
    AGREED_TO,
    ANNOUNCED_THING,
    ARRANGED,
    AT_A_ROUND,
    BOTH_DELEGATIONS,
    BOTH_SIDES_MET,
    COMPARED_ROUND,
    DAY_BEFORE_VERB,
    DAYS_TALKS,
    DELEGATION_FORMED,
    DELEGATION_WORD,
    DELEGATIONS_MET,
    DELEGATIONS_OF_MANY,
    DURING_BEFORE,
    ELECTION_ROUND,
    ELECTION_TOPIC_ROUND,
    FRONTED_SPEAKING,
    GROUP_MINISTERS,
    HAPPENINGS,
    HELD,
    HELD_AT_BEFORE,
    HOPED_FOR,
    HOPED_FOR_ROUND,
    IN_A_CALL,
    IN_A_WHILE_AFTER,
    IN_TALKS_ON,
    LEADERS_MEETING,
    LEADING_ROLE,
    MET_NTH_TIME,
    NAMED_BEFORE_ROUND,
    NEGOTIATOR_ROLE,
    ORDINALS,
    OTHER_TRACK,
    OUTCOME_TYPES,
    PROPOSED_SESSION,
    PROSPECTIVE_SESSION,
    QUOTED_AGREEMENT,
    READY_TO,
    RECEIVED,
    ROUND_BESIDE_DATE_CHARS,
    ROUND_ORDINAL,
    SESSION_TOLD_AS_BEGUN,
    SIDE_PUT_FORWARD,
    SIDES_AGREED,
    SINCE_AFTER,
    SINCE_THE_WAR,
    STATE_SUBJECT,
    SWAP_REPORTED,
    TALK_NOUN,
    TALKS_AT_PLACE,
    TALKS_WITH_LEADER,
    TYPE_PRIORITY,
    WAR_SUBJECT,
)
from app.ingest.speakers import attributed_at_end, find_people, said_then
from app.ingest.types import SESSION_TYPES, TimeMention
from app.ingest.venues import located_places
from app.ingest.vocab import cues, people_gazetteer, person_by_slug

WORDS_DAY = re.compile(rf"\b(?:{WEEKDAY}|yesterday|today)\b", re.I)  # a day of a speaker's words before another

# between the words that name the war's start and the day they give it: 'invade Ukraine on', 'the war began on',
# 'launched its war on Ukraine on', 'the military operation in Ukraine was launched on' (not 'the military operation
# would continue until March 25', nor 'four days after the invasion, on February 28')
START_TO_DAY = re.compile(
    r"[\"”’']?(?:\s+(?:(?:of|in|on|against|into|across)\s+)?(?:Ukraine|its neighbou?r|the country|the border))?"
    # ('on' may begin the date; 'on the 24th of February'; 'Russia's invasion, launched on 24 February')
    r"(?:\s+(?:was launched|was started|began|started)|,\s+(?:which\s+)?(?:began|started|was launched|launched))?"
    r"(?:\s+(?:on|in))?\s+(?:the\s+)?",
    re.I,
)
# 'since Russia's Feb. 24 invasion', 'the February 24 invasion': a day naming the invasion it comes before
BEFORE_ATTRIBUTIVE_DAY = re.compile(r"\b(?:Russia['’]s|Moscow['’]s|Putin['’]s|the)\s+$", re.I)
ATTRIBUTIVE_START = re.compile(r"\s+(?:full-scale\s+)?invasion\b", re.I)
# 'sanctioned over the invasion on March 10', 'a meeting after the invasion on ...': the date is another happening's
NOT_THE_START = re.compile(
    r"\b(?:over|for|after|before|against|because of|despite)\s+(?:the|its|Russia['’]s)\s+$", re.I
)
# a dated entry of a chronology whose words are the start: '- Feb. 24: Russia launches its full-scale invasion.',
# '24.02.2022 – Russia invades Ukraine' (not '- March 16: the theatre in Mariupol is bombed during the invasion',
# nor 'April 18: Russia launches its offensive in the Donbas')
ENTRY_OPENING = re.compile(r"^[\s*•·–—-]*$")
STARTED_ENTRY = re.compile(
    r"\s*[:–—-]\s+(?:[\w'’.-]+\s+){1,3}?"
    r"(?:(?:launch|begin|start)(?:s|es|ed)?\s+(?:(?:its|his|the|a)\s+)?"
    r"(?:(?:full-scale\s+)?(?:invasion|war)|(?:special\s+)?military\s+operation)"
    r"|invade[sd]?)\b",
    re.I,
)
# a sentence opening on the day it tells the war began: 'On February 24, Russia invaded Ukraine' (not 'On February
# 28, Russian troops invaded Kherson')
FRONTED_OPENING = re.compile(r"^\W*(?:On\s+)?$", re.I)
STARTED_FRONTED = re.compile(
    rf"{WAR_SUBJECT}(?:invaded\s+Ukraine|(?:launched|began|started)\s+(?:its|his|a|the)\s+(?:full-scale\s+)?"
    r"invasion)\b",
    re.I,
)
ANNIVERSARY = re.compile(r"\banniversary\b", re.I)
STARTED = re.compile(r"\b(?:began|started|was launched|was started)\b", re.I)
THE_TWO_SIDES = re.compile(
    r"\b(?:Russian and Ukrainian|Ukrainian and Russian|the two|both) (?:delegations|negotiators|sides)\b", re.I
)
START_NOUN = re.compile(r"invasion|full-scale|military operation|beginning of the war", re.I)
WEEKDAY_TEXT = re.compile(rf"^(?:on\s+)?{WEEKDAY}$", re.I)


def war_start_cue(text: str, date_text: str) -> re.Match[str] | None:
    """The words that give a date with its day as the day the war began ('troops to invade Ukraine on Feb. 24',
    'launched its invasion on 24 February', 'invaded Ukraine on Thursday'), if the text has them right before it;
    not an anniversary's day."""
    at = text.find(date_text) if date_text else -1
    numbered = any(ch.isdigit() for ch in date_text)
    if at < 0 or not (numbered or WEEKDAY_TEXT.match(date_text.strip())) or ANNIVERSARY.search(text):
        return None
    before = text[:at]
    after = at + len(date_text)
    if ENTRY_OPENING.match(before) and (entry := STARTED_ENTRY.match(text, after)):
        return entry
    if numbered and FRONTED_OPENING.match(before) and (fronted := STARTED_FRONTED.match(text, after)):
        return fronted
    if numbered and BEFORE_ATTRIBUTIVE_DAY.search(before) and (attributive := ATTRIBUTIVE_START.match(text, after)):
        return attributive
    return next(
        (
            cue
            for cue in cues().conflict_start.finditer(before)
            if (to_day := START_TO_DAY.fullmatch(before, cue.end()))
            # ('six weeks after the invasion began on 24 February' does tell it)
            and (STARTED.search(to_day.group(0)) or not NOT_THE_START.search(before, 0, cue.start()))
            # a weekday only after a verb: 'the first talks since the start of the invasion on Monday' are Monday's
            and (numbered or not START_NOUN.fullmatch(cue.group(0)))
        ),
        None,
    )


@lru_cache(maxsize=4096)
def classify(text: str) -> str | None:
    """The event type whose cue words match first, by the priority in TYPE_PRIORITY."""
    type_cues = cues().types
    text = SINCE_THE_WAR.sub(" ", text)  # "the highest-level contact since the invasion": background, not fighting
    text = ELECTION_TOPIC_ROUND.sub(" ", text)
    found = next((t for t in TYPE_PRIORITY if t in type_cues and type_cues[t].search(text)), None)
    if found in SESSION_TYPES and OTHER_TRACK.search(text):
        # "quadrilateral negotiations were held in Turkey regarding the safe export of Ukrainian grain": talks with
        # third parties on another matter, not a session of the two sides' peace talks
        return "diplomacy"
    return found


@lru_cache(maxsize=4096)
def round_ordinal(text: str) -> re.Match[str] | None:
    """Where the text numbers a round of the delegations ('the second round', 'met for a third time'), if it
    does: its `ord` group holds the ordinal."""
    for m in ROUND_ORDINAL.finditer(text):
        noun = m.group("noun").lower()
        if noun != "round" and LEADERS_MEETING.match(text, m.end()):
            continue  # "the first meeting of the two ministers": not a round of the delegations
        if ELECTION_ROUND.match(text, m.end()):
            continue  # "The first round of the presidential election takes place on Sunday"
        if COMPARED_ROUND.search(text, 0, m.start()):
            continue  # "met on Monday at the same venue as the second round": another round, named to compare
        if HOPED_FOR_ROUND.search(text, max(0, m.start() - 60), m.start()) and PAST_TENSE.search(text, 0, m.start()):
            continue  # "the second day of negotiations ended ... with the hope of meeting again for a third session"
        since = SINCE_AFTER.match(text, m.end()) if m.group("ord").lower() in {"first", "1st"} else None
        if since and not SINCE_THE_WAR.match(text, since.end()):
            continue  # "the first in-person round since March 7": the first for a while, not round one
        if (
            m.group("ord").lower() in {"first", "1st"}
            and IN_A_WHILE_AFTER.match(text, m.end())
            and not cues().future.search(text)
        ):
            continue  # "the first face-to-face meeting in more than three weeks": so too
        if ELECTION_TOPIC_ROUND.search(text, 0, m.end()):
            continue  # "France's election: Le Pen closes in on Macron ahead of Sunday's first round"
        if noun == "round" or cues().talks.search(text) or "delegation" in text.lower():
            return m
    if (nth := MET_NTH_TIME.search(text)) and DELEGATION_WORD.search(text):
        return nth  # "the delegations, which met for a third time on Monday"
    return None


def _announced_happening(text: str) -> bool:
    """Whether a speech verb's object is a happening of another kind ('announced a special military operation',
    'announced a new package of military aid'): what was announced, not words about the talks."""
    announced = ANNOUNCED_THING.search(text)
    return announced is not None and classify(text[announced.end() :]) in HAPPENINGS


def _day_between_name_and_verb(unquoted: str, anchor: TimeMention) -> bool:
    """'Dmytro Kuleba on March 28 said ...': the day stands between a person's name and a verb of saying."""
    return any(
        (day := DAY_BEFORE_VERB.match(unquoted, end)) is not None
        and day.end() >= anchor.end
        and cues().speech.match(unquoted[day.end() :].lstrip())
        for _, end, _ in people_gazetteer().find(unquoted[: anchor.start])
    )


def _round_to_come_in_words(unquoted: str, anchor: TimeMention) -> bool:
    """Whether the round the sentence numbers is one a speaker, saying it on the anchor's day, told of as still to
    come ('said that Türkiye was ready to host the third round', 'said the third round would be held')."""
    ordinal = round_ordinal(unquoted)
    if ordinal is None or ordinal.start() < anchor.end:
        return False
    verb = cues().speech.search(unquoted, anchor.end, ordinal.start())
    if verb is None:
        return False
    between = unquoted[verb.end() : ordinal.start()]
    return bool(READY_TO.search(between) or cues().future.search(between))


def round_number(text: str) -> int | None:
    ordinal = round_ordinal(text)
    return ORDINALS[ordinal.group("ord").lower()] if ordinal else None


def reported_outcomes(unquoted: str) -> list[tuple[str, str]]:
    """What a statement reports the sides agreed ('the sides had agreed an exchange of prisoners') or put
    forward ('Moscow had proposed short truces', 'Russia offered to hand over bodies'), or an exchange of prisoners
    going on or agreed ('250 prisoners from each side are being exchanged')."""
    if SIDES_AGREED.search(unquoted):
        # ('Russia and Ukraine reached a preliminary understanding that cease-fires will be observed in areas where
        # the safe corridors are established')
        return [(outcome, "what the sides agreed") for outcome in _outcomes_named(unquoted)]
    if SIDE_PUT_FORWARD.search(unquoted):
        offered = next((t for t in ("prisoners", "humanitarian") if cues().types[t].search(unquoted)), "proposal")
        return [(offered, "what a side put forward")]
    if SWAP_REPORTED.search(unquoted):
        return [("prisoners", "the exchange of prisoners the words report")]
    return []


def quoted_outcomes(text: str) -> list[str]:
    """What a negotiator's quoted words say the talks agreed ('"We agreed to exchange all-for-all seriously
    wounded prisoners of war"'): the words of the quotation that tell the agreement, not the rest of the text."""
    return [outcome for agreed in QUOTED_AGREEMENT.finditer(text) for outcome in _outcomes_named(agreed.group())]


def session_outcomes(unquoted: str, event_type: str | None) -> list[str]:
    """What a session of talks agreed or exchanged: prisoners to swap, corridors to open, documents."""
    return agreed_outcomes(unquoted) if event_type in SESSION_TYPES else []


def agreed_outcomes(unquoted: str) -> list[str]:
    return _outcomes_named(unquoted) if AGREED_OR_EXCHANGED.search(unquoted) else []


def _outcomes_named(unquoted: str) -> list[str]:
    """The outcomes of talks a sentence names: prisoners to swap, corridors to open, documents."""
    return [t for t in OUTCOME_TYPES if cues().types[t].search(unquoted)]


def session_beside(unquoted: str, clause: str, times: list[TimeMention]) -> str | None:
    """The round a sentence reports held beside its dated clause: one named with the date ('At their previous
    meeting last Thursday, ...'), or a numbered one the rest of the sentence tells was held (not one to come, not
    one named for comparison) with no date of its own."""
    if len(times) != 1:
        return None
    at_round = AT_A_ROUND.search(unquoted)
    if at_round and abs(times[0].start - at_round.end()) <= ROUND_BESIDE_DATE_CHARS:
        # "At the second round, on June 2, the two sides exchanged memorandums": the round is the date's
        return None if cues().future.search(unquoted) else unquoted
    rest = unquoted.replace(clause, " ", 1)
    numbered = ROUND_ORDINAL.search(rest)
    if (
        numbered is None
        or round_number(rest) is None
        # "... their third round of talks lasted 40 minutes", "... but failed to agree in their second round"
        or not (
            HELD.search(rest, numbered.end())
            or (HELD_AT_BEFORE.search(rest, 0, numbered.start()) and not HOPED_FOR.search(rest, 0, numbered.start()))
        )
    ):
        return None  # "... the first since their second round of talks": named, not reported held
    if NAMED_BEFORE_ROUND.search(rest, 0, numbered.start()):
        return None  # "unlike at their second round", "a step first discussed during the third round"
    if cues().future.search(rest) or PROSPECTIVE_SESSION.search(rest) or ARRANGED.search(rest):
        return None
    return rest


THE_SIDES = {"UA", "RU"}


def _third_party_meeting(clause: str) -> bool:
    """Whether the leaders a clause names as meeting are of one side and a third country, not of the two sides."""
    people = find_people(clause)
    sides = {person.side for person in people}
    return len(people) >= 2 and not sides >= THE_SIDES and bool(sides - THE_SIDES)


PLACE_NEXT = re.compile(r"\s+(?:in|at)\s", re.I)  # "Tuesday's talks in Istanbul": the talks' own place
PLACE_NEXT_CHARS = 40


def _one_side_with_a_third(clause: str) -> bool:
    """Whether the delegations a clause names are one side's and a third country's ('Rubio and Lavrov led their
    delegations'), not the two sides' with a host ('the Russian and Ukrainian delegations, hosted by Erdogan'): a
    stricter test than a meeting's, as a round's hosts are often named."""
    sides = {person.side for person in find_people(clause)}
    return len(sides & THE_SIDES) == 1 and bool(sides - THE_SIDES) and not THE_TWO_SIDES.search(clause)


def _opens_with_two_sides_talks(clause: str, anchor: TimeMention) -> bool:
    """Whether a sentence opens with its day's talks at their place, and names no third party in them ('Tuesday's
    talks in Istanbul signaled progress'; not 'Monday's talks with Erdogan were useful', nor 'Friday's talks came
    three days after the last meeting, in Turkey': that place is the other meeting's)."""
    talks = DAYS_TALKS.match(clause, anchor.end)
    if clause[: anchor.start].strip() or talks is None or not PLACE_NEXT.match(clause, talks.end()):
        return False
    if not located_places(clause[talks.end() : talks.end() + PLACE_NEXT_CHARS]):
        return False
    sides = {person.side for person in find_people(clause)}
    return not (sides - THE_SIDES) or bool(THE_TWO_SIDES.search(clause))


def both_sides(actors: tuple[str, ...], role: re.Pattern[str]) -> bool:
    """Whether people of both Ukraine and Russia in this role (ministers, negotiators) are among the actors."""
    sides = {person.side for slug in actors if (person := person_by_slug().get(slug)) and role.search(person.role)}
    return {"UA", "RU"} <= sides


def is_negotiator(slug: str | None) -> bool:
    person = person_by_slug().get(slug) if slug else None
    return person is not None and bool(NEGOTIATOR_ROLE.search(person.role))


def sides_meeting(clause: str, who: str | None) -> str | None:
    """A meeting of the two sides' ministers or negotiators, by who the clause names or who speaks in it
    ("Cavusoglu met Lavrov in Moscow on Wednesday and is due to see Kuleba on Thursday": neither)."""
    met = tuple(dict.fromkeys([*([who] if who else []), *(p.slug for p in find_people(clause))]))
    if both_sides(met, LEADING_ROLE):
        return "ministerial"  # "Kuleba and Lavrov met in Antalya": ministers of the two sides
    if both_sides(met, NEGOTIATOR_ROLE):
        return "round"  # "Medinsky met Arakhamia in Istanbul": the two delegations
    return None


FRONTED_SUBJECT = re.compile(r",\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}\s+", re.I)


def _said_just_after(unquoted: str, anchor: TimeMention) -> bool:
    """Whether a fronted day is followed by its subject and a verb of saying ('On Tuesday, the Kremlin said ...')."""
    subject = FRONTED_SUBJECT.match(unquoted, anchor.end)
    return subject is not None and cues().speech.match(unquoted, subject.end()) is not None


SAID_OF_IT = re.compile(r"\b(?:is|are|was|were)\s+(?:said|reported|believed|thought)\s+to\b", re.I)


def type_for_clause(
    clause: str, unquoted: str, anchor: TimeMention | None, number: int | None, who: str | None
) -> str | None:
    if anchor is not None and said_then(unquoted[: anchor.start]):
        return "statement"  # "said on Monday", "said Wednesday", "said in a video address late on Monday"
    if who and attributed_at_end(unquoted):
        return "statement"  # '... talks will continue despite Bucha atrocities: President Zelensky': his words
    if (
        anchor is not None
        and DAYS_TALKS.match(unquoted, anchor.end)
        and not anchor.forward
        and who
        and WORDS_DAY.search(unquoted, 0, anchor.start)
    ):
        # "Peskov said on Tuesday that agreements reached at Monday's talks in Istanbul were important": the day is
        # the talks', of the two sides unless one meets a third ("Tuesday's talks with Erdogan"); when the words have
        # no day of their own ("Podolyak reported that an agreement has been reached ... in Thursday's
        # negotiations"), it dates them
        if met := sides_meeting(unquoted[anchor.start :], who):
            return met
        if not _one_side_with_a_third(unquoted):
            return "round"
    if (
        anchor is not None
        and who
        and _day_between_name_and_verb(unquoted, anchor)
        and not _announced_happening(unquoted[anchor.end :])
    ):
        return "statement"  # "Ukrainian Foreign Minister Dmytro Kuleba on March 28 said ...": the saying's day
    if (
        anchor is not None
        and who
        and FRONTED_SPEAKING.match(unquoted[: anchor.start])
        and (anchor.forward or "," not in unquoted[: anchor.start])
    ):
        # "Speaking on Tuesday at the cosmodrome, Putin accused Kyiv of ...": his words; so too "Speaking to reporters,
        # Medinsky said the sides would exchange prisoners in the coming days" (what is to come is dated apart), but
        # not "Speaking to reporters, Peskov said the third round was held on Monday": that round
        return "statement"
    if number is not None and anchor is not None and who and _round_to_come_in_words(unquoted, anchor):
        return "statement"  # "Last Friday, Erdogan said that Türkiye was ready to host the third round": the words
    if number is not None and anchor is not None and _said_just_after(unquoted, anchor):
        # "On Tuesday, the Kremlin said it was too early to draw conclusions from the first round": the words
        return "statement"
    if number is not None and classify(clause) in {None, "round", "statement", "diplomacy"}:
        return "round"  # "the second round", "the delegations, which met for a third time on Monday"
    if (
        anchor is not None
        and IN_TALKS_ON.search(unquoted, 0, anchor.start)
        and (met := sides_meeting(unquoted[anchor.start :], who))
    ):
        return met  # "Kuleba said no progress was made in talks on Thursday with his Russian counterpart Lavrov"
    if (
        anchor is not None
        and not who
        and (
            IN_TALKS_ON.search(unquoted, 0, anchor.start)
            or (
                (DURING_BEFORE.search(unquoted, 0, anchor.start) or _opens_with_two_sides_talks(unquoted, anchor))
                and DAYS_TALKS.match(unquoted, anchor.end)
            )
        )
    ):
        # "Russia and Ukraine discussed military issues during talks on Thursday", "During Thursday's talks, ...",
        # "Tuesday's talks in Istanbul signaled the first signs of progress": the talks were held that day, between
        # the two sides unless one meets a third
        return "diplomacy" if _one_side_with_a_third(unquoted) else "round"
    if anchor is not None and TALKS_AT_PLACE.search(unquoted[max(0, anchor.start - 60) : anchor.start]):
        return "round"  # "... agreed during talks in Turkey, late in March": the date is the talks'"
    if (
        anchor is not None
        and anchor.start < 20
        and (who or STATE_SUBJECT.search(unquoted))  # ('The Kremlin on Thursday accused ...': a side's words)
        and not TALK_NOUN.search(unquoted[: anchor.start])  # "The talks on March 29 were ..., Peskov said"
        and cues().speech.search(" ".join(unquoted[anchor.end :].split()[:10]))
        and not _announced_happening(unquoted[anchor.end :])
    ):
        return "statement"  # "On Wednesday, Macron told ..."
    # ('Ukraine's chief negotiator said Kyiv was still demanding ... the withdrawal of Russian troops': a side's words)
    # (not 'The Russian delegation is said to have left Minsk': what others report of it)
    sides_voice = bool(STATE_SUBJECT.search(unquoted)) and not SAID_OF_IT.search(unquoted)
    verb = cues().speech.search(unquoted) if anchor is None and (who or sides_voice) else None
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
        if done == "ministerial" and _third_party_meeting(made_in):
            done = "diplomacy"
        return done or "statement"
    said = cues().speech.search(unquoted) if who and classify(clause) is None else None
    said_after = said is not None and said.start() > (anchor.end if anchor else 0)
    if (
        said is not None
        and said_after
        and classify(unquoted[: said.start()]) in {None, "statement"}
        and not _announced_happening(unquoted[said.start() :])
    ):
        return "statement"  # "poured cold water on it the same day, saying the draft was not ready": words
    # a date whose own clause names nothing takes what the sentence told before it ('Earlier rounds took place in
    # Belarus, on Feb. 28, March 3 and March 7, and the foreign ministers met in Antalya on March 10'), then the rest
    found = classify(clause) or (classify(unquoted[: anchor.end]) if anchor is not None else None) or classify(unquoted)
    if found in SESSION_TYPES and anchor is not None and not anchor.forward and PROPOSED_SESSION.search(clause):
        return "proposal"  # "Zelensky proposed the new round on Saturday": the proposal's day, not the round's
    if found == "round" and number is None and RECEIVED.search(clause) and not DELEGATION_WORD.search(clause):
        found = "diplomacy"  # "the Russian leader received Bennett in the Kremlin for talks": a visit, not a round
    if found == "round" and number is None and DELEGATION_FORMED.search(clause):
        found = "statement"  # "President approved the composition of the delegation for talks with Russia"
    if (
        found == "round"
        and number is None
        and TALKS_WITH_LEADER.search(clause if classify(clause) else unquoted)
        and not BOTH_DELEGATIONS.search(unquoted)  # "The delegations resumed talks with President Erdogan opening ..."
    ):
        found = "diplomacy"  # "the delegation held talks in Kyiv with President Zelensky": a visit, not a round
    if found == "round" and number is None and DELEGATIONS_OF_MANY.search(unquoted):
        found = "diplomacy"  # "The delegations of Ukraine, Russia, Turkey, and the UN will meet again next week"
    if found == "ministerial" and DELEGATIONS_MET.search(clause):
        found = "round"  # "after a meeting of foreign ministers in Antalya ..., the two delegations met in Istanbul"
    if found == "diplomacy" and BOTH_SIDES_MET.search(clause):
        found = "round"  # "Russian and Ukrainian officials met on Monday on the border"
    if found == "ministerial" and GROUP_MINISTERS.search(clause if classify(clause) else unquoted):
        found = "diplomacy"  # "NATO foreign ministers met in Antalya": an alliance's ministers, not the two sides'
    meeting = clause if classify(clause) else unquoted
    if (found == "ministerial" and _third_party_meeting(meeting)) or (
        found == "round" and number is None and _one_side_with_a_third(meeting)
    ):
        # "a heated Oval Office meeting between Presidents Donald Trump and Volodymyr Zelensky", "Rubio and Lavrov
        # led their delegations at talks in Riyadh": one side and a third country
        found = "diplomacy"
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
    if found is None and (begun := SESSION_TOLD_AS_BEGUN.search(clause)) and located_places(begun.group()):
        return "round"  # "Negotiations between Russia and Ukraine have begun in the Gomel region"
    return found
