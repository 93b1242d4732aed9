"""Who speaks in a sentence, who else it names, and where its quotations are."""

import re

from app.ingest.phrases import (
    APPOSITIVE_CHARS,
    ATTRIBUTED_AT_END,
    DAY_BEFORE_VERB,
    DESCRIBED_SUBJECT,
    FRONTED_PHRASE,
    HOW_SAID,
    NAME_AS_OBJECT,
    NAME_ENDS_CLAUSE,
    NEW_CLAUSE,
    OCCASION_BEFORE_VERB,
    OFFICE_TITLES,
    PRONOUN_SUBJECT,
    QUOTE_MARK,
    QUOTE_SPAN,
    QUOTED_FROM_THE_START,
    SAID_NAME,
    SAID_NAME_CHARS,
    SAID_THEN_WORDS,
    SAYING_AFTER_CLAUSE,
    SIDE_WORDS,
    SUBJECT_CHARS,
    TOLD_WHOM_WORDS,
    VERB_LIKE,
)
from app.ingest.types import Sentence
from app.ingest.vocab import Person, cues, people_gazetteer, person_by_slug


def strip_quotes(text: str, opening_lost: bool = False) -> str:
    """The text with its quotations blanked out, character for character: positions found in the text (a date's)
    stay valid in it. With `opening_lost` (no quotation was left open before the sentence), so too one whose opening
    mark was lost ('The talks are not progressing ...,” Kremlin spokesperson Dmitry Peskov told reporters')."""
    return QUOTE_SPAN.sub(_blanked, QUOTED_FROM_THE_START.sub(_blanked, text) if opening_lost else text)


def _blanked(quote: re.Match[str]) -> str:
    return " " * len(quote.group(0))


def find_people_spans(text: str) -> list[tuple[int, int, Person]]:
    """Where the text names each person, in order."""
    return list(people_gazetteer().find(text))


def find_people(text: str) -> list[Person]:
    """The people a text names, in the order it first names them."""
    return list(dict.fromkeys(person for _, _, person in find_people_spans(text)))


def speaker(unquoted: str, last_person: str | None = None) -> str | None:
    """The named person who says something in the sentence ('Umerov said', 'said Putin', 'He said').

    A name right before its verb wins ('..., with Lukashenko, Putin says'); then a name set off by commas
    ('Medinsky, the head of the delegation, said'), or after the verb ('..., said Putin.')."""
    vocab = cues()
    names = people_gazetteer().find(unquoted)
    for _, end, person in names:
        # "Kuleba on March 28 said", "Podoliak at an interim briefing in Turkey said"
        between = DAY_BEFORE_VERB.match(unquoted, end) or OCCASION_BEFORE_VERB.match(unquoted, end)
        verb_from = between.end() if between else end
        after = unquoted[verb_from : verb_from + 70]
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
        said_before = SAID_NAME.search(unquoted[max(0, start - SAID_NAME_CHARS) : start])
        if said_before and NAME_ENDS_CLAUSE.match(unquoted[end:]):
            return person.slug  # "..., said Putin." but not "He said Putin is ..."
    fronted = FRONTED_PHRASE.match(unquoted)  # "In a call with Erdogan, Zelensky thanked ...": not Erdogan
    subjects = [n for n in names if not fronted or n[0] >= fronted.end()]
    subject_before = SUBJECT_CHARS + (fronted.end() if fronted else 0)
    if subjects and subjects[0][0] <= subject_before and SAYING_AFTER_CLAUSE.search(unquoted, subjects[0][1]):
        # "Erdogan opened the session with a short speech, telling the delegates ...": the participle's subject
        return subjects[0][2].slug
    if PRONOUN_SUBJECT.search(unquoted) and last_person:
        return last_person  # "He said": the person last named
    if not names and last_person and (described := DESCRIBED_SUBJECT.search(unquoted)):
        return last_person if _fits(described.group("description"), described.group("noun"), last_person) else None
    if (
        names
        and (attributed := ATTRIBUTED_AT_END.search(unquoted))
        and names[-1][0] >= attributed.start()
        and not unquoted[names[-1][1] :].strip(" .")  # the name ends it ('...: Roman Abramovich's Strange War' not)
    ):
        return names[-1][2].slug  # a headline's words and who said them: '... despite Bucha atrocities: Zelensky'
    return None


def _fits(description: str, noun: str, slug: str) -> bool:
    """Whether a description ('the Russian presidential aide', 'the Russian president') can be of the person: it
    names no side, or theirs; and a title of one office ('president') only the one who holds it."""
    person = person_by_slug().get(slug)
    named = [side for side, words in SIDE_WORDS.items() if words.search(description)]
    if named and (person is None or person.side not in named):
        return False
    return noun.lower() not in OFFICE_TITLES or (person is not None and noun.lower() in person.role.lower())


def attributed_at_end(unquoted: str) -> bool:
    """Whether the words end with who said them, after a colon ('... will continue despite atrocities: President
    Zelensky'): a headline that reports words."""
    return bool(ATTRIBUTED_AT_END.search(unquoted))


def actors_of(sentence: Sentence, who: str | None) -> tuple[str, ...]:
    found = [p.slug for p in find_people(sentence.text)]
    return tuple(dict.fromkeys([who, *found] if who else found))


def ends_inside_quote(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence ('"Negotiations.' opens one)."""
    opened = open_before
    for mark in QUOTE_MARK.findall(text):
        opened = {"“": True, "”": False}.get(mark, not opened)
    return opened


def said_then(before_anchor: str) -> bool:
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
