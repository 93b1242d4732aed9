"""Whatever scrapers leave on disk, `python -m app.ingest` gives each file a one-line verdict naming it, stores
the good files, exits 0 / 1 / 2 as DESIGN.md says, and never prints a traceback.

Each test calls the CLI in process on a fresh database (the `empty_db` fixture) next to a small good article,
so a bad file that took the run down, or a good one that was lost, fails the test.
"""

import codecs
import os
import signal
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from app.config import get_settings
from app.db import get_engine
from app.ingest.__main__ import main
from app.ingest.read import read_article
from app.ingest.types import ArticleRejected
from app.models import Article

GOOD_NAME = "good.txt"
GOOD = "Talks in Minsk\n\nMarch 1, 2022\n\nThe delegations met in Belarus on Monday, Medinsky said.\n"
ACCENTED = (
    "Pourparlers à Genève\n\nMarch 29, 2022\n\n"
    "Les délégations se sont réunies à Istanbul mardi. Medinsky a déclaré que les négociations étaient utiles.\n"
)
CYRILLIC = (
    "Переговоры в Стамбуле\n\nMarch 29, 2022\n\n"
    "Делегации России и Украины встретились в Стамбуле. Мединский заявил, что переговоры были конструктивными.\n"
)
ENGLISH = "Talks in Istanbul\n\nMarch 29, 2022\n\nThe delegations met in Istanbul on Tuesday, Medinsky said.\n"
HTML_PAGE = """<!doctype html>
<html><head><title>Talks in Istanbul</title>
<style>body { color: red } .secret-style { display: none }</style>
<script>var secretScript = "</div>"; if (a < b) { alert(1) }</script>
<!-- a comment
     over two lines -->
</head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Talks in Istanbul</h1><p>March 29, 2022</p>
<p>The delegations met in Istanbul on Tuesday, <b>Medinsky</b> said.</p>
<noscript>Enable JavaScript</noscript></article>
<script src="/tracker.js"></script>
</body></html>
"""
UNDATED = (
    "Negotiators keep talking\n\n"
    "Negotiators from both sides met again and said that progress was slow. Medinsky said the talks were useful.\n"
)
LINE = "The delegations met in Istanbul on Tuesday, Medinsky said."


def table_count(table: str) -> int:
    with Session(get_engine()) as session:
        return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def stored_titles() -> set[str]:
    with Session(get_engine()) as session:
        return set(session.exec(select(Article.title)).all())


def stored_text(title: str) -> str:
    with Session(get_engine()) as session:
        return session.exec(select(Article.text).where(Article.title == title)).one()


def ingest(capsys: pytest.CaptureFixture[str], *paths: Path | str) -> tuple[int, str]:
    """Run the CLI in process; it must never print a traceback, whatever it was given."""
    code = main([os.fsdecode(p) for p in paths])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, out + err
    return code, out


def verdict(out: str, status: str, name: str) -> str:
    """The one verdict line for the file name with the given status (its reason follows the name)."""
    lines = [line for line in out.splitlines() if line.startswith(f"{status:8} {name}: ")]
    assert len(lines) == 1, f"expected one '{status}' line for {name!r} in:\n{out}"
    return lines[0]


class DeadlinePassed(BaseException):
    """Not an Exception (nor an OSError like TimeoutError), so the code under test cannot swallow it."""


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM interrupts even a blocking open() or a runaway regular expression."""

    def expire(_signum: int, _frame: object) -> None:
        raise DeadlinePassed(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A folder holding one good article, which every run must store whatever else is in the folder."""
    path = tmp_path / "articles"
    path.mkdir()
    (path / GOOD_NAME).write_text(GOOD)
    return path


@pytest.fixture()
def article_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A 64 KiB size limit, through the environment as a deployment would set it."""
    monkeypatch.setenv("MAX_ARTICLE_BYTES", str(64 * 1024))
    get_settings.cache_clear()
    yield 64 * 1024
    monkeypatch.delenv("MAX_ARTICLE_BYTES")
    get_settings.cache_clear()


running_as_root = pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading, so the file would not be unreadable",
)


# (file name, content, verdict, what the verdict says after the name, title the stored article must have)
FILE_CASES = [
    ("empty.txt", b"", "rejected", "the file is empty", None),
    ("blank.txt", b"  \n\t \r\n   \n", "rejected", "the file is empty (only whitespace)", None),
    ("archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary", "rejected", "binary data (NUL bytes)", None),
    ("controls.txt", b"\x01\x02\x1b\x07\x10" * 300 + b"Talks in Istanbul", "rejected", "binary data", None),
    ("latin-1.txt", ACCENTED.encode("latin-1"), "stored", "published 2022-03-29", "Pourparlers à Genève"),
    ("cp1252.txt", ACCENTED.replace("à", "à “").encode("cp1252"), "stored", "published", "Pourparlers à “ Genève"),
    ("cp1251.txt", CYRILLIC.encode("cp1251"), "stored", "published 2022-03-29", "Переговоры в Стамбуле"),
    ("utf-16-bom.txt", ENGLISH.encode("utf-16"), "stored", "published 2022-03-29", "Talks in Istanbul"),
    (
        "utf-16-be-bom.txt",
        codecs.BOM_UTF16_BE + CYRILLIC.encode("utf-16-be"),
        "stored",
        "published",
        "Переговоры в Стамбуле",
    ),
    ("utf-16-no-bom.txt", CYRILLIC.encode("utf-16-le"), "stored", "published 2022-03-29", "Переговоры в Стамбуле"),
    ("utf-8-bom.txt", codecs.BOM_UTF8 + CYRILLIC.encode(), "stored", "published 2022-03-29", "Переговоры в Стамбуле"),
    ("utf-32-bom.txt", ENGLISH.encode("utf-32"), "stored", "published 2022-03-29", "Talks in Istanbul"),
    ("crlf.txt", ENGLISH.replace("\n", "\r\n").encode(), "stored", "published 2022-03-29", "Talks in Istanbul"),
    ("page.html", HTML_PAGE.encode(), "stored", "published 2022-03-29", "Talks in Istanbul"),
    ("no date cues.txt", UNDATED.encode(), "stored", "stored as undated (no", "Negotiators keep talking"),
    ("name with spaces ünï — Київ.txt", ENGLISH.encode(), "stored", "published 2022-03-29", "Talks in Istanbul"),
]


@pytest.mark.parametrize(
    ("name", "content", "status", "reason", "title"), FILE_CASES, ids=[case[0] for case in FILE_CASES]
)
def test_each_file_gets_a_verdict_and_good_files_are_stored(
    empty_db: str,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    status: str,
    reason: str,
    title: str | None,
) -> None:
    (folder / name).write_bytes(content)
    code, out = ingest(capsys, folder)
    assert reason in verdict(out, status, name)
    assert code == (1 if status == "rejected" else 0)
    assert "Talks in Minsk" in stored_titles()  # the good article was stored all the same
    if title is not None:
        assert title in stored_titles()  # decoded, not rejected and not mojibake
    assert table_count("article") == (2 if status == "stored" else 1)


def test_an_html_page_keeps_its_text_and_loses_scripts_styles_and_comments(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "page.html").write_text(HTML_PAGE)
    assert ingest(capsys, folder)[0] == 0
    body = stored_text("Talks in Istanbul")
    assert LINE in body
    for leftover in ("<", "secretScript", "alert", "secret-style", "color: red", "a comment", "tracker", "Enable Java"):
        assert leftover not in body


def test_an_article_without_date_cues_is_stored_undated_with_no_events(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The documented choice (README, docs/security.md): stored, flagged undated, and no events read from it."""
    (folder / "undated.txt").write_text(UNDATED)
    code, out = ingest(capsys, folder)
    assert code == 0
    assert "stored as undated" in verdict(out, "stored", "undated.txt")
    with Session(get_engine()) as session:
        article = session.exec(select(Article).where(Article.filename == "undated.txt")).one()
        assert article.published is None and article.published_basis == "undated"
        sources = session.execute(text("SELECT count(*) FROM event_source WHERE article_id = :id"), {"id": article.id})
        assert sources.scalar_one() == 0


def test_duplicates_are_skipped_and_a_rerun_changes_nothing(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "copy of good.txt").write_text(GOOD)
    (folder / "same text, other line ends.txt").write_text(GOOD.replace("\n", "\r\n"))
    code, out = ingest(capsys, folder)
    assert code == 0
    assert "the same content as copy of good.txt" in verdict(out, "skipped", GOOD_NAME)
    verdict(out, "skipped", "same text, other line ends.txt")
    counts = {t: table_count(t) for t in ("article", "event", "event_source")}
    assert counts["article"] == 1
    code, out = ingest(capsys, folder)
    assert code == 0 and out.splitlines()[-1] == "0 stored, 3 already known, 0 rejected"
    assert {t: table_count(t) for t in counts} == counts


def test_file_names_that_are_not_text_are_shown_on_one_line(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name that is not UTF-8 (Latin-1 bytes) or holds a newline is escaped in the verdict and in the database."""
    (folder / "two\nlines.txt").write_text(ENGLISH)
    (Path(os.fsdecode(folder)) / os.fsdecode(b"caf\xe9.txt")).write_text(ACCENTED)
    code, out = ingest(capsys, folder)
    assert code == 0
    verdict(out, "stored", "two\\nlines.txt")
    verdict(out, "stored", "caf\\xe9.txt")
    with Session(get_engine()) as session:
        assert {"caf\\xe9.txt", "two\\nlines.txt", GOOD_NAME} == set(session.exec(select(Article.filename)).all())


def test_files_over_the_size_limit_are_rejected_without_being_read(
    empty_db: str, folder: Path, article_limit: int, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "long.txt").write_text(ENGLISH + "More text. " * (article_limit // 10))  # good text, only too long
    huge = folder / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(256 * 1024 * 1024)  # sparse: no disk used, but reading it all would need 256 MiB
    code, out = ingest(capsys, folder)
    assert code == 1
    assert f"over the {article_limit}-byte limit" in verdict(out, "rejected", "long.txt")
    assert f"over the {article_limit}-byte limit" in verdict(out, "rejected", "huge.txt")
    assert stored_titles() == {"Talks in Minsk"}
    tracemalloc.start()
    try:
        with pytest.raises(ArticleRejected, match="limit"):
            read_article(huge, article_limit)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * article_limit, f"{peak} bytes allocated to reject a file over the limit"


def test_a_fifo_is_refused_instead_of_waited_on(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block until a writer came
    with deadline(30):
        code, out = ingest(capsys, folder)
    assert code == 1
    assert "not a regular file" in verdict(out, "rejected", "pipe.txt")
    assert stored_titles() == {"Talks in Minsk"}


def test_symlink_loops_end_and_broken_links_are_named(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inner = folder / "inner"
    inner.mkdir()
    (inner / "istanbul.txt").write_text(ENGLISH)
    (inner / "back to the top").symlink_to("..")  # folder -> inner -> folder -> ...
    (inner / "itself").symlink_to("itself")
    (inner / "dangling.txt").symlink_to("no such file")
    with deadline(60):
        code, out = ingest(capsys, folder)
    assert code == 1  # the two broken links are rejected, the loop itself only skipped
    assert "symlink loop" in verdict(out, "skipped", "back to the top")
    assert "Too many levels of symbolic links" in verdict(out, "rejected", "itself")
    assert "cannot be read" in verdict(out, "rejected", "dangling.txt")
    assert stored_titles() == {"Talks in Minsk", "Talks in Istanbul"}
    assert table_count("article") == 2  # each article once, however many ways the loop reaches it


def test_a_symlink_loop_alone_does_not_fail_the_run(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "loop").symlink_to(".")
    code, out = ingest(capsys, folder)
    assert code == 0
    verdict(out, "skipped", "loop")
    verdict(out, "stored", GOOD_NAME)


@running_as_root
def test_an_unreadable_file_is_named_and_the_others_stored(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = folder / "locked.txt"
    locked.write_text(ENGLISH)
    locked.chmod(0)
    try:
        code, out = ingest(capsys, folder)
    finally:
        locked.chmod(0o644)
    assert code == 1
    assert "cannot be read (Permission denied)" in verdict(out, "rejected", "locked.txt")
    assert stored_titles() == {"Talks in Minsk"}


@running_as_root
def test_an_unreadable_folder_is_named_and_the_others_stored(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "istanbul.txt").write_text(ENGLISH)
    locked.chmod(0)
    try:
        code, out = ingest(capsys, folder)
    finally:
        locked.chmod(0o755)
    assert code == 1
    assert "folder cannot be read (Permission denied)" in verdict(out, "rejected", "locked")
    assert stored_titles() == {"Talks in Minsk"}


def test_a_broken_metadata_file_rejects_its_article_only(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "istanbul.txt").write_text(ENGLISH)
    (folder / "istanbul.txt.meta.json").write_bytes(b'{"published": "2022-03-\xff')
    code, out = ingest(capsys, folder)
    assert code == 1
    assert "unreadable metadata file istanbul.txt.meta.json" in verdict(out, "rejected", "istanbul.txt")
    assert stored_titles() == {"Talks in Minsk"}


HOSTILE_MARKUP = {
    "unclosed tags": "<a" * 200_000,
    "unclosed comments": "<!--" * 100_000,
    "stray comment starts": "!--" * 100_000,
    "initials without end": "A. " * 100_000,
    "a stamp word and a run of wide spaces": "Published" + "\u2003" * 40_000 + "x",
}


@pytest.mark.parametrize("content", HOSTILE_MARKUP.values(), ids=HOSTILE_MARKUP.keys())
def test_hostile_markup_is_read_in_linear_time(
    empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    """Inputs on which the old regular expressions and Python's HTMLParser took minutes to hours (quadratic)."""
    (folder / "hostile.txt").write_text(f"Hostile page\n\n{content}\n\n{LINE}\n")
    with deadline(30):
        code, out = ingest(capsys, folder)
    assert code == 0
    verdict(out, "stored", "hostile.txt")


@pytest.mark.parametrize(("module", "stage"), [("pipeline", "clean_article"), ("ahead", "extract_mentions")])
def test_a_bug_on_strange_input_is_one_line_not_a_traceback(
    empty_db: str,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    module: str,
    stage: str,
) -> None:
    """Should a stage still crash on some input, that file is rejected by name and the run goes on."""
    import importlib

    pipeline = importlib.import_module(f"app.ingest.{module}")  # where the stage is looked up
    real: Callable[..., object] = getattr(pipeline, stage)

    def crash_on_istanbul(article: object, *args: object) -> object:
        if "Istanbul" in str(getattr(article, "content", None) or getattr(article, "text", "")):
            raise RuntimeError("a bug")
        return real(article, *args)

    monkeypatch.setattr(pipeline, stage, crash_on_istanbul)
    (folder / "istanbul.txt").write_text(ENGLISH)
    code, out = ingest(capsys, folder)
    assert code == 1
    assert "(RuntimeError)" in verdict(out, "rejected", "istanbul.txt")
    assert stored_titles() == {"Talks in Minsk"}


def test_usage_errors_exit_2(empty_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["--no-such-option", "x"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_a_missing_path_is_named_and_exits_1(empty_db: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = ingest(capsys, folder, folder / "missing.txt")
    assert code == 1
    assert "no such file or folder" in verdict(out, "rejected", "missing.txt")
    verdict(out, "stored", GOOD_NAME)


def test_a_database_that_cannot_be_opened_is_one_line_and_exits_2(
    tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import use_database

    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    use_database(f"sqlite:///{not_a_folder / 'timeline.db'}")
    code, out = ingest(capsys, folder)
    assert code == 2
    assert out.startswith("cannot open the database named by DATABASE_URL") and len(out.splitlines()) == 1
