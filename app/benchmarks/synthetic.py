"""Synthetic news articles from the benchmark's own templates, so every article is new work for the ingestion.

Each article has a publication day somewhere in 2022–2025, a dateline in one of several shapes (or none, so
the day must be inferred from the text), 15–40 sentences in short paragraphs, scraped boilerplate lines, and
sentences drawn from a dozen templates: rounds of talks at a venue on a date, statements "said on Monday",
written proposals, humanitarian corridors, prisoner exchanges, ministerial meetings, third-party calls, aid,
withdrawals, plans for the next round, and undated background. Venues and people come from the project's
vocabularies (`app/vocab/places.json`, `app/vocab/people.json`). The output is deterministic for a seed, and
no two articles have the same content hash.
"""

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

VOCAB = Path(__file__).resolve().parent.parent / "vocab"
FIRST_DAY = date(2022, 2, 24)
LAST_DAY = date(2025, 12, 15)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "next", "new"]
AGENCIES = ["Reuters", "AP", "AFP"]
TOPICS = [
    "security guarantees",
    "Ukraine's neutral status",
    "a ceasefire along the front line",
    "the status of Crimea",
    "the exchange of prisoners",
    "grain exports through the Black Sea",
    "the withdrawal of troops",
    "the protection of nuclear plants",
]
CLAIMS = [
    "the talks had made no progress",
    "a deal was still possible",
    "the other side was stalling the negotiations",
    "security guarantees remained the main obstacle",
    "the delegations would keep working by video",
    "a meeting of the two presidents was not yet on the table",
    "the humanitarian questions had to come first",
    "there would be no agreement while the shelling continued",
    "the draft treaty was nearly ready",
    "the positions of the two sides had moved closer",
]
OPINIONS = [
    "We are ready to talk, but not to surrender",
    "Every day of delay costs lives",
    "The proposals are on the table and we are waiting for an answer",
    "Nobody should expect a quick result",
    "We have hope, although the talks are extremely hard",
    "The ball is now in their court",
]
BACKGROUND = [
    "The war has forced millions of people to leave their homes.",
    "Western governments have imposed sweeping sanctions on Moscow.",
    "Both sides accuse each other of violating earlier agreements.",
    "Analysts say neither army is close to a decisive victory.",
    "Energy prices in Europe have risen sharply since the fighting began.",
    "The United Nations has called repeatedly for a negotiated settlement.",
    "Shelling continued in several eastern towns, local officials said.",
    "Aid agencies say food and medicine are running short in besieged cities.",
    "The talks are closely watched by governments across Europe.",
    "Diplomats cautioned that any agreement would take months to implement.",
]
BOILERPLATE = [
    "Story continues below advertisement",
    "Advertisement",
    "Read more: What we know about the peace talks so far",
    "Click to play video: 'Ukraine peace talks explained'",
    "Sign up for our daily newsletter",
    "Share this article",
]
THIRD_PARTY_COUNTRIES = ["Germany", "France", "Britain", "the United States", "Canada", "Poland", "Japan"]
ATROCITY_VERBS = ["were found", "were discovered", "were reported"]


@dataclass(frozen=True)
class Person:
    name: str
    side: str
    role: str


@lru_cache
def vocabulary() -> tuple[list[Person], list[str], list[str]]:
    """(people, meeting places, towns) from the project's vocabularies."""
    people = [
        Person(p["name"], p["side"], p.get("role", ""))
        for p in json.loads((VOCAB / "people.json").read_text(encoding="utf-8"))["people"]
    ]
    places = json.loads((VOCAB / "places.json").read_text(encoding="utf-8"))["places"]
    venues = [p["name"] for p in places if p["kind"] in ("venue", "city") and p["country"] not in ("UA",)]
    towns = [p["name"] for p in places if p["country"] == "UA"] + ["Chernihiv", "Kharkiv", "Sumy", "Irpin"]
    return people, venues, towns


def day_text(day: date, with_year: bool, rng: random.Random) -> str:
    """'March 7', '7 March 2022' or 'March 7, 2022'."""
    if rng.random() < 0.5:
        return f"{MONTHS[day.month - 1]} {day.day}" + (f", {day.year}" if with_year else "")
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if with_year else "")


class Writer:
    """The sentences of one article, dated relative to its publication day."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published
        self.people, self.venues, self.towns = vocabulary()

    def person(self, sides: tuple[str, ...] = ("UA", "RU")) -> Person:
        return self.rng.choice([p for p in self.people if p.side in sides])

    def third_party(self) -> Person:
        return self.rng.choice([p for p in self.people if p.side not in ("UA", "RU")])

    def past_when(self) -> str:
        """A past time expression: a weekday of the last week, a named day, 'last week', 'earlier this month'."""
        rng, pub = self.rng, self.published
        choice = rng.random()
        if choice < 0.35:
            day = pub - timedelta(days=rng.randint(1, 6))
            return f"on {WEEKDAYS[day.weekday()]}"
        if choice < 0.65:
            day = pub - timedelta(days=rng.randint(1, 40))
            return f"on {day_text(day, day.year != pub.year or rng.random() < 0.3, rng)}"
        if choice < 0.75:
            day = pub - timedelta(days=rng.randint(1, 6))
            return f"on {WEEKDAYS[day.weekday()]} ({day.day})"
        if choice < 0.85:
            return "last week"
        if choice < 0.93 and pub.day > 10:
            return "earlier this month"
        previous = (pub.replace(day=1) - timedelta(days=1)).month
        return f"late in {MONTHS[previous - 1]}"

    def future_when(self) -> str:
        rng, pub = self.rng, self.published
        if rng.random() < 0.5:
            return "next week"
        day = pub + timedelta(days=rng.randint(1, 6))
        return f"on {WEEKDAYS[day.weekday()]}"

    def round_held(self) -> str:
        ordinal = self.rng.choice(ORDINALS[:7])
        return (
            f"Delegations from Ukraine and Russia held a {ordinal} round of talks in {self.rng.choice(self.venues)} "
            f"{self.past_when()}."
        )

    def round_video(self) -> str:
        p = self.person()
        return f"The two delegations met via video link {self.past_when()}, {p.name} said."

    def ministerial(self) -> str:
        ru, ua = self.person(("RU",)), self.person(("UA",))
        return f"{ru.name} and {ua.name} met in {self.rng.choice(self.venues)} {self.past_when()}, officials said."

    def proposal(self) -> str:
        side = self.rng.choice(["Ukraine", "Russia", "The Ukrainian delegation", "The Russian side"])
        return (
            f"{side} handed over a written proposal on {self.rng.choice(TOPICS)} {self.past_when()}, "
            f"according to {self.person().name}."
        )

    def statement(self) -> str:
        p = self.person()
        return f"{p.name} said {self.past_when()} that {self.rng.choice(CLAIMS)}."

    def quoted(self) -> str:
        p = self.person()
        role = f", {p.role}," if p.role else ""
        return f"“{self.rng.choice(OPINIONS)},” {p.name}{role} told reporters {self.past_when()}."

    def corridor(self) -> str:
        n = self.rng.randint(2, 400) * 25
        return (
            f"A humanitarian corridor out of {self.rng.choice(self.towns)} opened {self.past_when()}, "
            f"and about {n:,} civilians were evacuated."
        )

    def prisoners(self) -> str:
        n = self.rng.randint(4, 300)
        return (
            f"Ukraine and Russia exchanged {n} prisoners of war {self.past_when()}, {self.person(('UA',)).name} said."
        )

    def atrocity(self) -> str:
        n = self.rng.randint(3, 120)
        return (
            f"The bodies of {n} civilians {self.rng.choice(ATROCITY_VERBS)} in {self.rng.choice(self.towns)} "
            f"{self.past_when()}, and prosecutors said they were investigating possible war crimes."
        )

    def military(self) -> str:
        return f"Russian forces withdrew from the area around {self.rng.choice(self.towns)} {self.past_when()}."

    def diplomacy(self) -> str:
        return (
            f"{self.third_party().name} spoke with {self.person().name} by phone {self.past_when()} "
            "and offered to mediate between the two sides."
        )

    def aid(self) -> str:
        n = self.rng.randint(5, 900) * 10
        country = self.rng.choice(THIRD_PARTY_COUNTRIES)
        return (
            f"{country[0].upper()}{country[1:]} announced a further {n} million dollars in military aid "
            f"to Ukraine {self.past_when()}."
        )

    def planned(self) -> str:
        return (
            f"The next round of talks is expected to take place in {self.rng.choice(self.venues)} {self.future_when()}."
        )

    def background(self) -> str:
        return self.rng.choice(BACKGROUND)

    def templates(self) -> list[tuple[Callable[[], str], int]]:
        """The sentence templates with their weights."""
        return [
            (self.round_held, 3),
            (self.round_video, 1),
            (self.ministerial, 1),
            (self.proposal, 2),
            (self.statement, 5),
            (self.quoted, 3),
            (self.corridor, 2),
            (self.prisoners, 1),
            (self.atrocity, 1),
            (self.military, 1),
            (self.diplomacy, 2),
            (self.aid, 1),
            (self.planned, 1),
            (self.background, 6),
        ]

    def sentence(self) -> str:
        makers, weights = zip(*self.templates(), strict=True)
        return self.rng.choices(makers, weights=weights)[0]()


def header(rng: random.Random, published: date, title: str) -> tuple[list[str], str]:
    """The lines above the body and the prefix of its first paragraph: a dateline in one of several shapes."""
    shape = rng.random()
    stamp = f"{MONTHS[published.month - 1]} {published.day}, {published.year}"
    if shape < 0.3:
        city = rng.choice(["KYIV", "MOSCOW", "ISTANBUL", "LVIV", "WARSAW", "GENEVA"])
        return [title], f"{city}, {stamp} ({rng.choice(AGENCIES)}) - "
    if shape < 0.5:
        return [title, f"Published {stamp} at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} pm"], ""
    if shape < 0.6:
        return [title, f"By Staff Writer | {WEEKDAYS[published.weekday()]}, {stamp}"], ""
    if shape < 0.75:
        return [title, f"WATCH: {title} – {MONTHS[published.month - 1][:3]} {published.day}, {published.year}"], ""
    return [title], ""  # no dateline: the day must be inferred from the text


def article_text(index: int, seed: int = 7) -> str:
    """The text of synthetic article number `index`: the same for the same (index, seed)."""
    rng = random.Random(f"{seed}:{index}")
    published = FIRST_DAY + timedelta(days=rng.randint(7, (LAST_DAY - FIRST_DAY).days))
    writer = Writer(rng, published)
    person = writer.person()
    title = rng.choice(
        [
            f"{person.name} says {rng.choice(CLAIMS)}",
            f"Ukraine and Russia hold talks in {rng.choice(writer.venues)}",
            f"Humanitarian corridor opens in {rng.choice(writer.towns)} as talks continue",
            f"Negotiators trade proposals on {rng.choice(TOPICS)}",
        ]
    )
    top, prefix = header(rng, published, title)
    sentences = [writer.sentence() for _ in range(rng.randint(15, 40))]
    paragraphs: list[str] = []
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        del sentences[:take]
        if rng.random() < 0.12:
            paragraphs.append(rng.choice(BOILERPLATE))
    paragraphs[0] = prefix + paragraphs[0]
    return "\n\n".join([*top, *paragraphs]) + "\n"


def content_hash(text: str) -> str:
    """The ingestion's article id for this text (the same digest as `app.ingest.read`)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def iter_articles(count: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(filename, text) of `count` articles with pairwise distinct content hashes."""
    seen: set[str] = set()
    index = 0
    while len(seen) < count:
        text = article_text(index, seed)
        digest = content_hash(text)
        if digest not in seen:
            seen.add(digest)
            yield f"synthetic_{len(seen):05d}.txt", text
        index += 1


def write_articles(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` distinct articles into `folder` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in iter_articles(count, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
