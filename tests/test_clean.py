from datetime import date

import pytest

from app.ingest.clean import clean_article, split_sentences, strip_markup
from app.ingest.published import work_out_published
from app.ingest.types import CorpusContext, RawArticle


def raw(text: str) -> RawArticle:
    return RawArticle(path="x.txt", filename="x.txt", content=text, content_hash="h")


@pytest.mark.parametrize(
    "line",
    [
        "Story continues below advertisement",
        "Read more: No Mariupol humanitarian corridor agreement with Russia yet, Ukraine says",
        "Leave a Reply",
        "Click to play video: 'Something' Something",
        "Kirill Kudryavtsev/Agence France-Presse — Getty Images",
        "David Guttenfelder for The New York Times",
        "IMAGE SOURCE: TASS",
        "!-- Google tag (gtag.js) -->",
        "Skip to main content",
        "Menu",
        "Left Menu",
        "Cookie settings",
        "Terms of use | Privacy policy",
        "This website uses cookies to deliver our services and to show you relevant ads.",
        "By using our website, you acknowledge that you have read and understand our Cookie Policy. | OK",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "spot_imgspot_img",  # a template's placeholder left in the text
        "Go to home page",
        "Share post:",
    ],
)
def test_boilerplate_line_is_removed(line: str) -> None:
    article = clean_article(raw(f"Headline\n\n{line}\n\nTalks resumed on Monday."))
    assert line not in article.text
    assert "Talks resumed on Monday." in article.text


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        (
            "Read also\n- Ukraine files application against Russia\n- Vereshchuk: Humanitarian corridors operating",
            "",
        ),
        ("More from Europe\n- Friedrich Merz's first weeks as chancellor\n- Romania elects a president", ""),
        ("Europe category · Ukraine's Zelenskiy says Russia planning to bomb Odesa", ""),
        ("Recent posts\n28 June 2024   Romania's snap election\n24 June 2024   The presidency ahead", ""),
        # links with their days in brackets after them; a 'Trending' list
        (
            "READ NEXT\nRomania: Vereshchuk will not take sides (15/03/2022)\nOdesa marks 100 days of war (03/06/2022)",
            "",
        ),
        ("TRENDING\n1. Gas prices in Odesa hit record\n2. Romania reports deaths, mask mandate to lift March 21", ""),
        ("Archives\nMay 2022\nApril 2022\nMarch 2022", ""),  # a blog's side panel
        # a forum's threads like this one
        ("Similar threads\nOdesa port reopens · Kestrel · Jul 22, 2022 · Replies 288", ""),
        # a heading's block ends where the article's text goes on
        ("Related stories\nTalks in Istanbul\nThe delegations met again on Tuesday.", "The delegations met again"),
        # a list of links marked by arrows, with no heading
        (
            "- » Day 170 of the Invasion of Ukraine: Odesa port reopens\n- » Romania Stopped the Transit of Oil",
            "",
        ),
        # a widget's link shown twice, the second time under its box's label
        (
            "Odesa for May 16, 2024: The best places to visit\nTravel Odesa for May 16, 2024: The best places to visit",
            "",
        ),
    ],
)
def test_links_to_other_stories_are_removed(block: str, kept: str) -> None:
    article = clean_article(raw(f"Headline\n\nTalks resumed on Monday.\n\n{block}\n\nThe end of the page."))
    assert "Talks resumed on Monday." in article.text and "The end of the page." in article.text
    assert not any(
        word in article.text for word in ("Vereshchuk", "Merz", "Odesa", "Romania", "Talks in Istanbul", "May 2022")
    )
    assert kept in article.text


def test_a_line_repeated_with_a_photo_credit_after_it_is_kept() -> None:
    line = "The delegations met in Istanbul on Tuesday morning."
    article = clean_article(raw(f"Headline\n\n{line}\n{line} © Agency\n\nThe end of the page."))
    assert line in article.text


def test_html_page_keeps_text_and_drops_scripts() -> None:
    text = strip_markup(
        "<html><head><script>alert(1)</script><style>p{}</style></head>"
        "<body><p>Talks resumed.</p><!-- note --></body></html>"
    )
    assert "Talks resumed." in text
    assert "alert" not in text and "note" not in text


def test_dateline_is_found_and_title_kept() -> None:
    article = clean_article(raw("Third round fails\n\nMarch 8, 2022\nThe talks ended."))
    assert article.title == "Third round fails"
    assert article.dateline == "March 8, 2022"


def test_section_names_above_the_headline_are_not_the_title() -> None:
    article = clean_article(raw("World\nEurope\nZelensky says talks are difficult\n\nTalks resumed on Friday."))
    assert article.title == "Zelensky says talks are difficult"
    assert "Europe" not in article.text


@pytest.mark.parametrize(
    ("page", "headline"),
    [
        # a site's tagline above its menu
        (
            "Exclusive news, data and analytics for professionals\nReuters home\nWorld\nBusiness\nMarkets\n"
            "Legal\n\nEurope\nNegotiators head home after first talks\nBy Reuters\n\nThe talks ended.",
            "Negotiators head home after first talks",
        ),
        # a site's name, a menu with entries of a few words, then the headline
        (
            "The Kyiv Independent\nSupport independent journalism\nBecome a member\nNews Feed\nUkraine\n"
            "US & Canada\nWar\nUkraine, Russia keep talking by video\nby Iryna Koval\n\nThe talks went on.",
            "Ukraine, Russia keep talking by video",
        ),
        # a tagline, one more line of the site's, then its menu
        (
            "Exclusive news, data and analytics for professionals\nLearn more about Refinitiv\nWorld\nBusiness\n"
            "Legal\nMarkets\n\nEurope\nUkraine and Russia hold first talks since invasion\n\nThe talks ended.",
            "Ukraine and Russia hold first talks since invasion",
        ),
        # menu entries joined by '&'
        (
            "TASS\nRussian News Agency\nRussian Politics & Diplomacy\nBusiness & Economy\nMilitary & Defense\n"
            "Science & Space\nAll news\nExpectations from third round of talks not met\n\nThe talks ended.",
            "Expectations from third round of talks not met",
        ),
        # a site's name above its menu in a row, then more links and a section name
        (
            "Middle East Eye\nNews | Opinion | Explainers | Investigations | Video | Podcasts\nSupport MEE | "
            "Subscribe | Log in\nNEWS\nRussia and Ukraine agree prisoner swap at second Istanbul meeting\n\n"
            "The talks ended.",
            "Russia and Ukraine agree prisoner swap at second Istanbul meeting",
        ),
        # a site's name and tagline above a row of links, one of them longer
        (
            "The Conversation\nAcademic rigour, journalistic flair\nArts + Culture | Business + Economy | Education | "
            "Health | World\nGet newsletter | Become an author | Sign up as a reader | Sign in\n\nCould the war in "
            "Ukraine have ended in 2022?\n\nThe talks ended.",
            "Could the war in Ukraine have ended in 2022?",
        ),
        # more of the site's links under its menu, and a breadcrumb
        (
            "ABC News\nVideo | Live | Shows | Politics | International\nWatch ABC News Live | Sign in\n\n"
            "Home > International > Ukraine war\n\nLavrov accuses Kyiv of backtracking on Istanbul proposals\n\n"
            "The talks ended.",
            "Lavrov accuses Kyiv of backtracking on Istanbul proposals",
        ),
        # the page's address above the headline
        (
            "Euromaidan Press\nHome | News | Analysis | Opinion\n\nexample.com / 2022 / 03 / 17 / talks-go-on\n\n"
            "Talks with Russia sound more realistic, Kyiv says\n\nThe talks went on.",
            "Talks with Russia sound more realistic, Kyiv says",
        ),
        # a headline with a row of topics, or the page's address, under it stays the headline
        (
            "Russia and Ukraine agree to hold talks in Istanbul next week\nWorld | Europe | Russia | Ukraine\n"
            "By John Smith\nMarch 25, 2022\nThe two delegations will meet in Istanbul on Tuesday, officials said.",
            "Russia and Ukraine agree to hold talks in Istanbul next week",
        ),
        (
            "Talks resume in Istanbul after a two-week pause\nexample.com / 2022 / 03 / 17 / talks-resume\n"
            "The delegations met.",
            "Talks resume in Istanbul after a two-week pause",
        ),
        # links in brackets, and a site's name above a menu without bars: the line above the page's date line
        (
            "[Subscribe: 1 € the first month] [Log in]\n\nAfter Bucha, can Kyiv still negotiate with Moscow?\n"
            "Published on 04/04/2022 at 19:32\n\nThe talks went on.",
            "After Bucha, can Kyiv still negotiate with Moscow?",
        ),
        (
            "Los Angeles Times\nSECTIONS California Politics World & Nation Business\nWORLD & NATION\n"
            "Russia and Ukraine sign deal to reopen Black Sea ports for grain exports\n"
            "Officials at the signing ceremony in Istanbul on Friday. (Associated Press)\nBY TIMES STAFF\n"
            "JULY 22, 2022 10:48 AM PT\n\nThe deal was signed.",
            "Russia and Ukraine sign deal to reopen Black Sea ports for grain exports",
        ),
        # a headline with a row of sharing links under it stays the headline
        (
            "Russia and Ukraine agree prisoner swap at second meeting\nShare: X | Facebook | WhatsApp | Email\n\n"
            "The talks ended.",
            "Russia and Ukraine agree prisoner swap at second meeting",
        ),
        # a headline with a byline and a time under it is kept
        (
            "Talks resume in Istanbul\nBy Jane Doe\nMarch 29, 2022\nUpdated 10:42\nShare\n\nThe talks began.",
            "Talks resume in Istanbul",
        ),
    ],
)
def test_the_headline_is_found_below_a_sites_name_and_menu(page: str, headline: str) -> None:
    assert clean_article(raw(page)).title == headline


def test_dated_caption_is_one_sentence() -> None:
    article = clean_article(raw("T\n\nWATCH: 'It is hard': negotiator speaks – Apr 27, 2022\nBody."))
    assert article.sentences[0].is_caption


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Mr. Medinsky said so. Talks ended.", 2),
        ("The U.S. Senate voted. It passed.", 2),
        ("President Vladimir V. Putin spoke on Feb. 24 about it.", 1),
        ("“We are ready,” he said. “Are you?”", 2),
    ],
)
def test_split_sentences_respects_abbreviations(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


def test_a_live_report_told_oldest_first_stays_on_its_day() -> None:
    text = "Live\n\nMarch 29, 2022\n\n09.00\n\nTalks began.\n\n12.30\n\nTalks paused.\n\n15.45\n\nTalks ended."
    assert [s.stamped_days_back for s in clean_article(raw(text)).sentences] == [0, 0, 0]


def test_a_caption_ending_in_a_date_after_a_dash_is_a_caption_not_a_dateline() -> None:
    article = clean_article(raw("Talks\n\nMarch 29, 2022\n\nPeace talks in Istanbul – 29 March 2022\n\nBody."))
    assert article.dateline == "March 29, 2022"
    assert any(s.is_caption for s in article.sentences)


def test_a_live_report_on_a_twelve_hour_clock_does_not_cross_midnight_at_noon() -> None:
    text = "Live\n\nMarch 29, 2022\n\n1.05\n\nTalks paused.\n\n12.50\n\nTalks began.\n\n9.30\n\nDelegates arrived."
    assert [s.stamped_days_back for s in clean_article(raw(text)).sentences] == [0, 0, 0]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            'Moscow blamed Kyiv. "No, the talks are not continuing. Ukraine has withdrawn," Rudenko was quoted.',
            [
                "Moscow blamed Kyiv.",
                '"No, the talks are not continuing. Ukraine has withdrawn," Rudenko was quoted.',
            ],
        ),
        (
            "“Negotiations. Quite difficult,” Podolyak wrote. “But there is room for compromise.”",
            ["“Negotiations. Quite difficult,” Podolyak wrote.", "“But there is room for compromise.”"],
        ),
        (
            '"We are ready. We have been ready for weeks. The other side is not. '
            + "It is not for us to say when the next meeting will be held, or where, or who will attend it. " * 3
            + 'Time will tell," he said.',
            None,
        ),
    ],
)
def test_a_quotation_that_closes_soon_with_its_attribution_stays_one_sentence(
    text: str, sentences: list[str] | None
) -> None:
    found = split_sentences(text)
    if sentences is None:
        assert len(found) > 2  # a long quotation is still read sentence by sentence
    else:
        assert found == sentences


def test_a_row_of_piped_links_above_the_headline_is_not_the_title() -> None:
    page = (
        "Français | English | Español | العربية\n\nEurope\n\n"
        "Russia, Ukraine agree new prisoner swap at brief Istanbul talks, still far apart on ceasefire\n\n"
        "Russian and Ukrainian negotiators agreed on Wednesday to exchange another 1,200 prisoners of war each."
    )
    assert clean_article(raw(page)).title.startswith("Russia, Ukraine agree new prisoner swap")


def test_a_sites_name_in_capitals_and_a_row_of_quotes_are_not_the_headline() -> None:
    page = (
        "DOW JONES, A NEWS CORP COMPANY\n\nDJIA | S&P 500 | Nasdaq | U.S. 10 Yr | Crude Oil | Euro\n\n"
        "THE WALL STREET JOURNAL.\n\nWorld\n\nU.S.\n\nPolitics\n\nEconomy\n\n"
        "Kremlin Says It Sent Kyiv a Written Peace Proposal\n\nKYIV, Ukraine - The Kremlin said it had handed "
        "Ukraine a written draft of a peace agreement."
    )
    assert clean_article(raw(page)).title == "Kremlin Says It Sent Kyiv a Written Peace Proposal"


def test_a_date_line_above_the_headline_is_the_dateline_and_the_line_below_the_title() -> None:
    page = (
        "BelTA - News from Belarus\n\nBelarusian Telegraph Agency\n\nБеларуская | Русский | English\n\n"
        "Home\n\nPresident\n\nPolitics\n\nEconomy\n\n7 March 2022 | 21:34\n\n"
        "Third round of Russia-Ukraine talks ends in Belovezhskaya Pushcha\n\nThe talks lasted three hours."
    )
    article = clean_article(raw(page))
    assert (article.title, article.dateline) == (
        "Third round of Russia-Ukraine talks ends in Belovezhskaya Pushcha",
        "7 March 2022 | 21:34",
    )


def test_a_line_labelled_photo_is_a_caption() -> None:
    page = "Headline\n\nPHOTO: A woman walks past a destroyed apartment building in Mariupol on Wednesday.\n\nText."
    assert clean_article(raw(page)).sentences[0].is_caption


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("Talks end without a deal | DW\n\nKyiv and Moscow ended talks.", "Talks end without a deal | DW"),
        ("Headline here today\n\n7 March 2022 | 21:34\n\nThe talks ended.", "Headline here today"),
    ],
)
def test_a_headline_or_a_date_with_a_bar_is_not_a_row_of_links(page: str, title: str) -> None:
    article = clean_article(raw(page))
    assert article.title == title


def test_dated_lines_of_a_timeline_stay_its_text() -> None:
    text = (
        "Timeline of the talks\n\nFebruary 28 - First round of talks held in the Gomel region.\n\n"
        "March 3 - Second round in the Brest region.\n\n7 March | Third round in Belovezhskaya Pushcha."
    )
    article = clean_article(RawArticle("a", "a", text, "h"))
    assert (article.dateline, len(article.sentences)) == (None, 3)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Talks resume by video link on Monday\n\n18 March\n\nThe talks resumed on Monday 14 March.", "18 March"),
        ("Talks resume by video link\n\nPublished\n\n18 March\n\nThe talks resumed on Monday.", "Published 18 March"),
        # a day heading further down a live page is an entry's day, not the page's
        ("Talks resume by video link\n\nThe talks resumed on Monday.\n\n20 March\n\nMore talks.", None),
    ],
)
def test_a_day_without_a_year_alone_on_its_line_dates_the_page_only_above_the_body(
    text: str, dateline: str | None
) -> None:
    assert clean_article(RawArticle("a", "a", text, "h")).dateline == dateline


def test_a_row_of_links_in_the_body_is_no_sentence() -> None:
    page = "Talks end in Istanbul\n\nShare: X | Facebook | WhatsApp | Email\n\nThe delegations met on Monday."
    assert [s.text for s in clean_article(raw(page)).sentences] == ["The delegations met on Monday."]


def test_the_articles_own_lines_after_a_related_link_are_kept() -> None:
    text = (
        "Talks in Istanbul end with hope\n\nRead more\n\nRussia and Ukraine resume talks in Istanbul\n\n"
        "He said: \u2018We are ready to talk, but not to surrender.\u2019\n\nKey points from the talks:\n\n"
        "- Russia pledged to scale back operations near Kyiv\n\n- Ukraine proposed a neutral status\n\n"
        "Mr Medinsky said a meeting of the presidents was possible once a treaty was ready."
    )
    article = clean_article(raw(text))
    assert "Russia and Ukraine resume talks in Istanbul" not in article.text  # the link
    for kept in ("ready to talk", "Key points from the talks:", "Russia pledged to scale back", "neutral status"):
        assert kept in article.text


def test_a_timelines_day_headings_are_not_the_pages_date_line() -> None:
    text = (
        "How the peace talks unfolded\n\nA timeline of the negotiations\n\nFebruary 28\n\n"
        "The first round of talks was held in the Gomel region.\n\nMarch 29\n\nDelegations met in Istanbul."
    )
    article = clean_article(raw(text))
    assert article.dateline is None and "February 28" in article.text


def test_a_live_pages_latest_news_summary_is_kept() -> None:
    text = (
        "Headline\n\nLatest news\nRussian and Ukrainian delegations meet in Istanbul for a second round on Monday\n"
        "Zelensky says Kyiv will hand over its memorandum at the meeting\n\nThe talks opened shortly after 1pm."
    )
    assert "delegations meet in Istanbul" in clean_article(raw(text)).text


def test_a_stamp_with_its_first_publication_after_it_is_the_dateline() -> None:
    page = (
        "Russia-Ukraine war live: ministers meet in Antalya\n\n"
        "Thu 10 Mar 2022 16:05 GMT   First published on Thu 10 Mar 2022 06:31 GMT\n\nThe ministers met today."
    )
    article = clean_article(raw(page))
    assert article.dateline == "Thu 10 Mar 2022 16:05 GMT First published on Thu 10 Mar 2022 06:31 GMT"
    assert [s.text for s in article.sentences] == ["The ministers met today."]


def test_a_last_updated_stamp_glued_to_the_reading_time_is_no_sentence_and_no_later_day_of_the_text() -> None:
    page = (
        "Kremlin awaits a reply\nPublished by Example Finance Review\nPosted on May 29, 2025\n"
        "2 min readLast updated: January 23, 2026\nThe Kremlin said on Thursday it was still waiting for a reply."
    )
    article = clean_article(raw(page))
    assert article.dateline == "Posted on May 29, 2025"
    assert [s.text for s in article.sentences] == ["The Kremlin said on Thursday it was still waiting for a reply."]
    published = work_out_published(article, CorpusContext(default_year=2025))
    assert (published.day, published.basis) == (date(2025, 5, 29), "dateline")


def test_a_date_glued_to_the_authors_social_handle_is_the_dateline() -> None:
    page = (
        "Ukraine and Russia exchange prisoners\n\nTroops are seen in Mariupol on Thursday\nREUTERS\n"
        "Robert Roe @RobRoeES24 March 2022\n\nUkraine and Russia have exchanged prisoners for the first time."
    )
    article = clean_article(raw(page))
    assert article.dateline == "24 March 2022"
    published = work_out_published(article, CorpusContext(default_year=2022))
    assert (published.day, published.basis) == (date(2022, 3, 24), "dateline")


def test_a_stamp_after_how_long_ago_the_page_was_updated_is_the_dateline() -> None:
    page = (
        "Nothing promising from the talks\n\nUpdated 2 years ago · Published on 31 Mar 2022 9:00AM\n\n"
        "The Kremlin played down hopes of a breakthrough."
    )
    published = work_out_published(clean_article(raw(page)), CorpusContext(default_year=2022))
    assert (published.day, published.basis) == (date(2022, 3, 31), "dateline")


def test_a_posted_on_line_with_its_author_is_the_dateline() -> None:
    page = (
        "Why Istanbul failed\n\nPosted on 1 December 2023 by Dr Jane Roe, Lecturer in International Security\n\n"
        "The talks of 2022 failed.\n\nJohn — 3 December 2023 at 11:02"
    )
    article = clean_article(raw(page))
    assert article.dateline == "Posted on 1 December 2023 by Dr Jane Roe, Lecturer in International Security"


def test_links_under_more_transcripts_go_even_when_a_headline_ends_in_a_quotation() -> None:
    page = (
        'Istanbul talks\n\nThe talks lasted three hours today.\n\nHe said: "We will see."\n\n'
        "MORE TRANSCRIPTS FROM WORLD TONIGHT\n\n"
        'Monday: Abramovich poisoning claims; Biden says Warsaw remark reflected "moral outrage"\n\n'
        "Friday: Russia says first phase of operation is complete\n\n"
        "Related Video\n\nZelensky: Neutrality 'on the table' (2:14)"
    )
    texts = [s.text for s in clean_article(raw(page)).sentences]
    assert texts == ["The talks lasted three hours today.", 'He said: "We will see."']


@pytest.mark.parametrize(
    "line",
    [
        '8. "Talks to resume Tuesday after technical pause". Ukrainska Pravda. 14 March 2022.',
        "Kremlin (2023) Meeting with delegation of African states, 17 June.",
        "Arakhamia, D. (2023) Interview with Natalia Moseichuk, 1+1, 24 November.",
        "Tags: Dmytro Kuleba · Sergei Lavrov · peace talks",
    ],
)
def test_references_and_tags_are_not_the_articles_text(line: str) -> None:
    page = f"Headline\n\nThe talks resumed on Monday.\n\n{line}"
    assert [s.text for s in clean_article(raw(page)).sentences] == ["The talks resumed on Monday."]


@pytest.mark.parametrize(
    "line",
    [
        "The talks in Istanbul (2022) were the last face-to-face round.",
        "Under the Budapest Memorandum (1994) Ukraine gave up its nuclear arsenal.",
        "Putin’s essay (2021) “On the Historical Unity of Russians and Ukrainians” set out the claims of March 29.",
    ],
)
def test_a_sentence_with_a_year_in_brackets_is_text(line: str) -> None:
    assert len(clean_article(raw(f"Headline\n\n{line}")).sentences) == 1


def test_links_under_a_boilerplate_heading_and_a_sections_more_go_too() -> None:
    page = (
        "Putin orders steel plant sealed off\n\nPutin on Thursday claimed victory in Mariupol.\n\n"
        "MORE NATION & WORLD\n\n- Oil prices rise as traders weigh Russian supply (April 20)\n\n"
        "MOST READ\n\n1. County board OKs road levy - April 20\n\n"
        "3. City sets spring cleanup days for May 7 and May 14 - April 18"
    )
    assert [s.text for s in clean_article(raw(page)).sentences] == ["Putin on Thursday claimed victory in Mariupol."]


def test_the_dates_of_links_under_latest_are_not_the_pages_date() -> None:
    text = (
        "Zelenskyy on Wednesday rejected calls from Western commentators to give up territory in exchange for peace, "
        "as the war entered its fourth month and negotiations with Moscow remained at a standstill."
    )
    page = (
        f"Zelenskyy rejects calls to give up territory\n\n{text}\n\n"
        "Latest\n\nRussia and Ukraine sign UN-backed deal to reopen Black Sea grain ports\n\n22/07/2022\n\n"
        "First grain ship leaves Odesa under UN-brokered deal\n\n01/08/2022"
    )
    article = clean_article(raw(page))
    assert article.dateline is None
    assert [s.text for s in article.sentences] == [text]


def test_a_day_under_latest_above_the_text_is_the_pages_date() -> None:
    page = "Russia-Ukraine talks live: delegations meet\n\nLatest\n\n29 March 2022\n\nThe delegations met today."
    assert clean_article(raw(page)).dateline == "29 March 2022"


@pytest.mark.parametrize(
    "foot",
    ['Medinsky said: "We will meet again."', "By Jonathan Landay and Tom Balmforth"],
)
def test_one_line_and_a_day_below_the_text_are_not_a_link(foot: str) -> None:
    body = " ".join(["The delegations met in Istanbul and agreed to keep talking about the drafts."] * 3)
    page = f"Talks\n\n{body}\n\n{body}\n\n{body}\n\n{foot}\n\nMarch 30, 2022"
    article = clean_article(raw(page))
    assert article.dateline == "March 30, 2022"
    assert foot in article.text


def test_headlines_with_their_days_below_the_text_are_links_whatever_their_heading() -> None:
    body = " ".join(["The delegations met in Istanbul and agreed to keep talking about the drafts."] * 3)
    page = (
        f"What the communique said\n\n{body}\n\n{body}\n\n{body}\n\nRELATED COMMENTARY\n"
        "Neutrality is not a security guarantee\n12 March 2024\n\n"
        "Ukraine war: What is the difference between a ceasefire and a de-escalation?\n29/03/2022"
    )
    article = clean_article(raw(page))
    assert article.dateline is None
    assert not any("Neutrality" in s.text or "ceasefire" in s.text for s in article.sentences)


def test_links_with_a_teaser_between_headline_and_day_below_the_text_are_links() -> None:
    body = " ".join(["The delegations met by video link and agreed to keep talking about the drafts."] * 3)
    page = (
        f"Talks resume after a pause\n\n{body}\n\n{body}\n\n{body}\n\nExplore more\n"
        "Ukraine: Russian airstrike hits military base near Polish border\n"
        "Russian missiles struck a military facility in western Ukraine used by foreign instructors.\n03/13/2022\n\n"
        "Ukraine and Russia agree to create humanitarian corridors\n"
        "The second round of talks in Belarus ended without a ceasefire.\n03/03/2022"
    )
    article = clean_article(raw(page))
    assert article.dateline is None
    assert not any("airstrike" in s.text or "corridors" in s.text for s in article.sentences)


@pytest.mark.parametrize(
    "entries",
    [
        # a live report's stamps, each above its entry's headline and text
        "4 Mar 2022 14:20 GMT\nNegotiators agree on corridors\nNegotiators agreed at the second round to set up "
        "corridors.\n4 Mar 2022 12:05 GMT\nZelenskyy asks for direct talks\nThe president said he was ready to meet "
        "Putin.\n4 Mar 2022 10:45 GMT\nLavrov expects a third round\nThe delegations would meet again next week.",
        # entries each with its day after it, straight after the text
        "Negotiators agree on corridors\nNegotiators agreed at the second round to set up corridors.\n3 Mar 2022\n"
        "Zelenskyy asks for direct talks\nThe president said he was ready to meet Putin.\n3 Mar 2022\n",
    ],
)
def test_a_live_reports_entries_with_their_days_are_not_links(entries: str) -> None:
    body = " ".join(["The delegations met by video link and agreed to keep talking about the drafts."] * 3)
    article = clean_article(raw(f"Talks live\n\n{body}\n\n{body}\n\n{body}\n\n{entries}"))
    assert any("corridors" in s.text for s in article.sentences)
    assert any("ready to meet Putin" in s.text for s in article.sentences)


def test_a_date_line_under_the_headline_stays_the_pages_date_after_a_long_cookie_notice() -> None:
    notice = " ".join(["We and our partners store and access information on a device, such as cookies."] * 3)
    page = f"{notice}\n\nRussia and Ukraine fail to agree a ceasefire\n\n10/03/2022\n\nThe ministers met on Thursday."
    assert clean_article(raw(page)).dateline == "10/03/2022"


def test_a_day_without_its_year_and_its_time_atop_the_page_is_its_date_line_not_its_headline() -> None:
    page = (
        "16 May. 14:00 (UTC+3 MSK)\n\nToday, Istanbul is hosting negotiations between Russia and Ukraine.\n\n"
        "The Russian delegation arrived the day before."
    )
    article = clean_article(raw(page))
    assert (article.dateline, article.title) == (
        "16 May. 14:00 (UTC+3 MSK)",
        "Today, Istanbul is hosting negotiations between Russia and Ukraine.",
    )


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("Minsk, 7 March (BelTA) - The third round of negotiations has come to an end.", "Minsk, 7 March (BelTA) -"),
        ("St Petersburg, June 17 /TASS/ - The forum opened.", "St Petersburg, June 17 /TASS/ -"),
        ("Istanbul, Mar 29 (EFE).- Russia will reduce its military activity.", "Istanbul, Mar 29 (EFE).-"),
        # a city, its country in brackets, the agency and a colon
        ("Antalya [Turkey], March 10 (ANI): The talks failed.", "Antalya [Turkey], March 10 (ANI):"),
        # two cities and two agencies
        ("Kyiv/Moscow, 18 May 2022 (dpa/MIA) — Talks were suspended.", "Kyiv/Moscow, 18 May 2022 (dpa/MIA) —"),
        # or a colon after its date
        ("Moscow, Mar 5: Evacuations began on Saturday morning.", "Moscow, Mar 5:"),
        # or an agency in capitals and no dash
        ("Jerusalem, Feb 5 (IANS) Russia and Ukraine might have come to terms.", "Jerusalem, Feb 5 (IANS)"),
        ("Kyiv, March 7 (Monday) Nobody came.", None),
        # a city not in capitals needs its agency: otherwise it is a sentence
        ("Kyiv, March 7, was quiet for once.", None),
        ("Kyiv, March 7 was quiet: nobody came.", None),
    ],
)
def test_an_agency_dateline_may_have_its_city_not_in_capitals(line: str, dateline: str | None) -> None:
    text = f"Third round of talks ends\n\n{line} Both sides said so."
    assert clean_article(RawArticle("a", "a", text, "h")).dateline == dateline


def test_a_short_lede_with_no_headline_above_it_is_read_as_text() -> None:
    """A page that opens with its lede: the lede stands in as the title and is read as the text's first sentence."""
    raw = "The delegations met in Istanbul on March 29.\n\nThey talked for three hours."
    article = clean_article(RawArticle("a.txt", "a.txt", raw, "h"))
    assert article.title == "The delegations met in Istanbul on March 29."
    assert [s.text for s in article.sentences] == [
        "The delegations met in Istanbul on March 29.",
        "They talked for three hours.",
    ]


def test_a_menu_named_by_its_side_above_the_headline_is_not_the_title() -> None:
    page = "Left Menu\n\nUkraine says Russia talks resumed online on Friday\n\nTalks resumed by video on Friday."
    assert clean_article(raw(page)).title == "Ukraine says Russia talks resumed online on Friday"


@pytest.mark.parametrize(
    ("page", "dateline"),
    [
        # a site's banner of the day it was scraped, above a story whose own date line names another day
        (
            "Sunday, June 15, 2025\n\nRussia calls Istanbul talks constructive\n\nIstanbul, March 29 :  Russia has "
            "agreed to meet Kiev half-way, Moscow's top negotiator said on Tuesday.",
            "Istanbul, March 29 :",
        ),
        # the same day: the stamp stays, with its year
        (
            "Tuesday, March 29, 2022\n\nRussia calls Istanbul talks constructive\n\nIstanbul, March 29 :  Russia has "
            "agreed to meet Kiev half-way, Moscow's top negotiator said on Tuesday.",
            "Tuesday, March 29, 2022",
        ),
        # a city and its day, month and short year between slashes
        (
            "Ministers meet in Antalya\n\nBaku/10.03.22/ A trilateral meeting of the foreign ministers is taking place "
            "in Antalya on Thursday.",
            "Baku/10.03.22/",
        ),
        # a blog's date and its author after a dash
        (
            "July 20, 2022 -Durt Fibo\n\nLavrov on the geography\n\nToday Lavrov spoke of the talks.",
            "July 20, 2022 -Durt Fibo",
        ),
        # an agency's city with its country in brackets, below a photo's caption
        (
            "Second round begins\nPrior to the talks, the delegates exchanged handshakes\nBELOVEZHSKAYA PUSHCHA "
            "(Belarus), March 3. /TASS/. The delegations have commenced a second round of negotiations.",
            "BELOVEZHSKAYA PUSHCHA (Belarus), March 3. /TASS/.",
        ),
        # a city in capitals and a full stop, its day and the agency: one date line, not a sentence of its own
        (
            "Talks possible\n\nMINSK. May 24 (Interfax) - A resumption of peace talks between Russia and Ukraine is "
            "possible, Russian President Vladimir Putin told journalists on Friday.",
            "MINSK. May 24 (Interfax) -",
        ),
        # no city: the day, the agency and a dash opening the story
        (
            "Talks stalled\n\nJune 1 (Reuters) – Russia said on Wednesday that it did not rule out a meeting between "
            "President Vladimir Putin and his Ukrainian counterpart.",
            "June 1 (Reuters) –",
        ),
        # an author, a dash, the weekday and the date
        (
            "Olena Marchuk - Monday, 28 February 2022, 01:05 AM\n\nThe delegations will meet at the border on Monday.",
            "Olena Marchuk - Monday, 28 February 2022, 01:05 AM",
        ),
    ],
)
def test_the_stories_own_date_line_is_found(page: str, dateline: str) -> None:
    assert clean_article(raw(page)).dateline == dateline


@pytest.mark.parametrize(
    "breadcrumb",
    ["HomeWorldRussia-Ukraine talks kick off in Belarus", "Home > World > Russia-Ukraine talks kick off in Belarus"],
)
def test_a_day_above_the_sites_breadcrumb_is_its_banner_not_the_storys_date(breadcrumb: str) -> None:
    """'Friday, June 2, 2023' over 'HomeWorld...': the page's head, showing the day it was viewed."""
    page = (
        f"Friday, June 2, 2023\n{breadcrumb}\n\nRussia-Ukraine talks kick off in Belarus\n\nA Russian delegation "
        "landed in Belarus on Sunday for discussions with Ukraine."
    )
    article = clean_article(raw(page))
    assert (article.dateline, article.banner) == (None, "Friday, June 2, 2023")
    assert article.title == "Russia-Ukraine talks kick off in Belarus"


def test_a_sections_name_in_capitals_above_the_headline_is_not_the_title() -> None:
    page = (
        "WORLD\n2 min read\nTalks with Ukraine yield progress but no quick end: Kremlin\nJune 3, 2025\n\n"
        "Peskov said on Tuesday that the talks were important."
    )
    assert clean_article(raw(page)).title == "Talks with Ukraine yield progress but no quick end: Kremlin"
    # a site's name in capitals above its menu in capitals: the menu is no headline
    page = (
        "DAILY SABAH\n TÜRKIYE  POLITICS  BUSINESS  WORLD  SPORTS  LIFE  ARTS  OPINION  GALLERY  PODCAST\n\n"
        "Istanbul talks bring first glimmer of hope as Kremlin plays down 'breakthrough'\n\nThe delegations met."
    )
    assert "POLITICS" not in clean_article(raw(page)).title
