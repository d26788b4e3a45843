"""The html reader: saved pages of several CMS families read to the release a person sees on the page.

Each fixture in fixtures/html/ is a page with everything a real site puts
around a release (navigation, breadcrumbs, cookie banners, share widgets,
related lists, comment forms, sidebars with other dates); its JSON says the
model it must give and the site text that must not get in.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pressconv
from conftest import ROOT
from pressconv.errors import PressconvError
from pressconv.model import ContactBlock, EndMark, Heading, ListBlock, NotesSection, Paragraph, Release
from pressconv.options import ReadOptions
from pressconv.readers import choose_reader
from pressconv.readers.html import HtmlReader
from pressconv.writers.json import block_to_dict
from readback import shown_paragraphs

FIXTURES = ROOT / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))
HTML = ReadOptions(reader="html")


def expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_suffix(".json").read_text("utf-8"))
    return data


def read(markup: str | bytes, **options: Any) -> Release:
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return HtmlReader().read(data, ReadOptions(**options))


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


PROSE = "This sentence is long enough, with a comma or two, to read as a paragraph of the release itself."


@pytest.mark.parametrize("path", PAGES, ids=[path.stem for path in PAGES])
def test_fixture_reads_to_its_expected_model(path: Path) -> None:
    want = expected(path)
    result = pressconv.convert(path, to="json", read_options=HTML)
    release = result.release
    assert release is not None
    assert release.title == want["title"]
    assert (release.date.isoformat() if release.date else None) == want["date"]
    assert (release.updated.isoformat() if release.updated else None) == want["updated"]
    for field in ("byline", "issuer", "label", "language", "source_url"):
        assert getattr(release, field) == want[field], field
    assert [block_to_dict(block) for block in release.blocks] == want["blocks"]


@pytest.mark.parametrize("path", PAGES, ids=[path.stem for path in PAGES])
def test_fixture_leaves_nothing_for_the_cleaner_and_none_of_the_site(path: Path) -> None:
    want = expected(path)
    result = pressconv.convert(path, to="json", read_options=HTML)
    assert [[removal.paragraph, removal.reason] for removal in result.removed] == want["removed"] == []
    assert result.release is not None
    text = "\n".join((result.release.title, *result.release.paragraphs))
    for phrase in want["absent"]:
        assert phrase not in text
    left_out = {removal.text for removal in result.release.removed if removal.reason in ("outside-release", "page-furniture")}
    for block in want.get("left_out", []):  # what the reader leaves out is reported, not lost
        assert block in left_out


@pytest.mark.parametrize("path", PAGES, ids=[path.stem for path in PAGES])
def test_fixture_text_is_single_spaced_and_safe(path: Path) -> None:
    release = pressconv.parse(path.read_bytes(), reader="html")
    for text in (release.title, *release.paragraphs):
        assert text == text.strip()
        assert "  " not in text and "\u00a0" not in text and "\n" not in text
        assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in text)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "epub", "html", "json"])
def test_every_format_is_written_from_a_page(fmt: str, tmp_path: Path) -> None:
    source = tmp_path / "release.html"
    source.write_bytes((FIXTURES / "govuk-department.html").read_bytes())
    result = pressconv.convert(source, to=fmt, output=tmp_path / f"out.{fmt}")  # chosen by the .html extension
    assert result.release is not None and result.release.title == "Funding boost for rural bus services"
    written = (tmp_path / f"out.{fmt}").read_bytes()
    assert len(written) > 200
    if fmt == "html":
        from readback import read_html

        reading = read_html(written.decode("utf-8"))
        assert reading.lang == "en"
        assert "Rural communities will benefit from more reliable bus services" in " ".join(reading.paragraphs)
        assert not any("Cookies on GOV.UK" in text for text in reading.paragraphs)


def test_the_reader_is_chosen_by_extension_and_by_content() -> None:
    assert choose_reader(None, filename="page.HTM").name == "html"
    assert choose_reader(None, filename="x", head=b"\xef\xbb\xbf<!doctype html><html>").name == "html"
    assert choose_reader(None, filename="x", head=b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>").name == "html"
    assert choose_reader(None, filename="x", head=b"Council approves budgetPublished 07/03/2014").name == "text"


# Title, dates and metadata.


def test_the_title_is_the_headline_not_the_title_element_with_its_site_suffix() -> None:
    release = read(page(f"<h1>Budget approved</h1><p>{PROSE}</p>", "<title>Budget approved | Northshire Council</title>"))
    assert release.title == "Budget approved"
    no_h1 = read(page(f"<div><p>{PROSE}</p></div>", "<title>Budget approved | Northshire Council</title>"))
    assert no_h1.title == "Budget approved"
    site_named = read(
        page(
            f"<div><p>{PROSE}</p></div>",
            "<title>Northshire Council - Budget approved for next year</title>"
            "<meta property='og:site_name' content='Northshire Council'>",
        )
    )
    assert site_named.title == "Budget approved for next year"


def test_the_headline_h1_is_chosen_over_a_logo_h1() -> None:
    body = f"<header><h1><a href='/'>Northshire</a></h1></header><article><h1>Budget approved</h1><p>{PROSE}</p></article>"
    release = read(page(body, "<meta property='og:title' content='Budget approved'>"))
    assert release.title == "Budget approved"
    assert release.paragraphs == (PROSE,)


def test_dates_come_in_order_of_trust_and_never_from_the_sidebar() -> None:
    sidebar = "<aside><h2>Latest</h2><p>Posted on 1 January 2020</p><time datetime='2020-01-01'>1 Jan</time></aside>"
    body = f"{sidebar}<article><h1>Title</h1><p>{PROSE}</p></article>"
    assert read(page(body)).date is None
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-07T23:30:00-05:00"}</script>'
    meta = "<meta property='article:published_time' content='2024-02-01'>"
    assert read(page(body, ld + meta)).date.isoformat() == "2024-03-07"  # type: ignore[union-attr]
    assert read(page(body, meta)).date.isoformat() == "2024-02-01"  # type: ignore[union-attr]
    timed = f"{sidebar}<article><h1>Title</h1><time datetime='2024-04-02T09:00'>2 April</time><p>{PROSE}</p></article>"
    assert read(page(timed)).date.isoformat() == "2024-04-02"  # type: ignore[union-attr]
    visible = f"{sidebar}<article><h1>Title</h1><p>Published: 5 May 2024 | Updated: 6 May 2024</p><p>{PROSE}</p></article>"
    release = read(page(visible))
    assert (release.date.isoformat(), release.updated.isoformat()) == ("2024-05-05", "2024-05-06")  # type: ignore[union-attr]
    assert release.paragraphs == (PROSE,)


def test_a_missing_date_is_said_not_invented() -> None:
    release = read(page(f"<article><h1>Title</h1><p>{PROSE}</p></article>"))
    assert release.date is None
    assert "date-missing" in {notice.code for notice in release.notices}


def test_byline_issuer_language_and_canonical_url() -> None:
    head = (
        "<link rel='canonical' href='/news/budget'><base href='https://council.example/'>"
        "<meta property='og:locale' content='cy_GB'><meta property='og:site_name' content='Northshire Council'>"
    )
    markup = f"<html><head>{head}</head><body><article><h1>Title</h1><p>By Jane Smith</p><p>{PROSE}</p></article></body></html>"
    release = read(markup)
    assert release.byline == "Jane Smith"
    assert release.issuer == "Northshire Council"
    assert release.language == "cy-GB"
    assert release.source_url == "https://council.example/news/budget"
    assert read(markup, language="en-US").language == "en-US"


# The body.


def test_blocks_headings_lists_and_levels() -> None:
    body = (
        f"<article><h1>Title</h1><p>{PROSE}</p><h3>First part</h3><p>{PROSE}</p><h1>An h1 in the body</h1>"
        "<ol start='4' reversed><li>four</li><li>five<ul><li>five a</li></ul></li></ol><h5>Deep</h5><ul><li>x</li></ul></article>"
    )
    blocks = read(page(body)).blocks
    assert blocks[1] == Heading("First part", 2)
    assert Heading("An h1 in the body", 2) in blocks
    assert ListBlock(tuple(pressconv.model.Text(item) for item in ("four", "five", "five a")), True, 4) in blocks
    assert Heading("Deep", 3) in blocks  # never a skipped level


def test_notes_contacts_and_end_marks() -> None:
    body = (
        f"<article><h1>Title</h1><p>{PROSE}</p><p>-ENDS-</p><h2>Notes to editors</h2><p>Background.</p>"
        "<h3>About the council</h3><p>It serves 300,000 people.</p>"
        "<p><strong>Media contact:</strong><br>Jane Smith<br>"
        "<a href='mailto:jane@council.example'>jane@council.example</a></p></article>"
    )
    blocks = read(page(body)).blocks
    assert blocks[1] == EndMark("-ENDS-")
    assert blocks[2] == NotesSection(
        "Notes to editors", (Paragraph("Background."), Heading("About the council", 3), Paragraph("It serves 300,000 people."))
    )
    contact = blocks[3]
    assert isinstance(contact, ContactBlock) and contact.heading == "Media contact:"
    assert [line.text for line in contact.lines] == ["Jane Smith", "jane@council.example"]
    assert contact.lines[1].links[0].href == "mailto:jane@council.example"


def test_links_resolve_and_unusable_ones_are_dropped() -> None:
    head = "<link rel='canonical' href='https://council.example/news/x'>"
    body = (
        "<article><h1>Title</h1><p>See <a href='/report.pdf'>the report</a>, <a href='javascript:void(0)'>this</a>, "
        "<a href='#top'>top</a>, <a href='tel:+441632960000'>call</a> and <a href='mailto:a@b.example'>mail us</a>, "
        "which is long enough to be a paragraph.</p></article>"
    )
    paragraph = read(page(body, head)).blocks[0]
    assert isinstance(paragraph, Paragraph)
    spans = [(paragraph.text[link.start : link.end], link.href) for link in paragraph.links]
    assert spans == [("the report", "https://council.example/report.pdf"), ("mail us", "mailto:a@b.example")]


def test_br_separated_and_div_only_bodies_become_paragraphs() -> None:
    body = f"<div class='x'>{PROSE}<br><br>Second {PROSE}<br/><br/>Third<br>line two</div>"
    assert read(page(f"<h1>Title</h1>{body}")).paragraphs == (PROSE, f"Second {PROSE}", "Third line two")
    divs = f"<h1>Title</h1><div><div>{PROSE}</div><div>Another {PROSE}</div></div>"
    assert read(page(divs)).paragraphs == (PROSE, f"Another {PROSE}")


def test_text_is_what_the_page_shows() -> None:
    body = (
        "<article><h1>Caf&eacute; &amp; bar</h1><p>Type &lt;script&gt;alert(1)&lt;/script&gt; into   the\n box,"
        " said&nbsp;the officer, <span class='sr-only'>hidden words</span>which is long enough here.</p></article>"
    )
    release = read(page(body))
    assert release.title == "Café & bar"
    assert release.paragraphs == ("Type <script>alert(1)</script> into the box, said the officer, which is long enough here.",)


def test_captions_and_figures_are_left_out_unless_they_are_text() -> None:
    body = (
        f"<article><h1>Title</h1><p>{PROSE}</p><figure><img src='a.jpg'><figcaption>Photo: council</figcaption></figure>"
        "<figure><blockquote>A quotation that is part of the text.</blockquote></figure></article>"
    )
    assert read(page(body)).paragraphs == (PROSE, "A quotation that is part of the text.")


def test_the_densest_block_wins_without_any_semantic_markup() -> None:
    links = "".join(f"<a href='/n{n}'>Other story {n}</a><br>" for n in range(30))
    body = f"<table><tr><td>{links}</td><td><b>Title here</b><p>{PROSE}</p><p>Second {PROSE}</p></td></tr></table>"
    release = read(page(body, "<title>Title here - Site</title>"))
    assert release.title == "Title here"
    assert release.paragraphs == (PROSE, f"Second {PROSE}")


# Encodings.


@pytest.mark.parametrize(
    ("head", "data_prefix"),
    [
        ("<meta charset='windows-1252'>", b""),
        ("<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>", b""),
        ("", b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n"),
        ("", b""),  # no declaration, not UTF-8: Windows-1252
    ],
)
def test_windows_1252_pages_read_right(head: str, data_prefix: bytes) -> None:
    markup = f"<html><head>{head}</head><body><h1>Caf\u00e9 \u201copens\u201d</h1><p>{PROSE} \u2013 \u00a35</p></body></html>"
    release = read(data_prefix + markup.encode("cp1252"))
    assert release.title == "Caf\u00e9 \u201copens\u201d"
    assert release.paragraphs == (f"{PROSE} \u2013 \u00a35",)


def test_a_bom_wins_over_a_wrong_declaration() -> None:
    markup = f"<html><head><meta charset='windows-1252'></head><body><h1>Caf\u00e9</h1><p>{PROSE}</p></body></html>"
    assert read(b"\xef\xbb\xbf" + markup.encode("utf-8")).title == "Caf\u00e9"


def test_empty_and_textless_pages_are_input_errors() -> None:
    for data in (b"", b"   ", b"<html><body><script>x()</script></body></html>"):
        with pytest.raises(PressconvError):
            read(data)


def test_a_deeply_nested_page_is_read_or_refused_cleanly() -> None:
    markup = "<html><body>" + "<div>" * 20000 + f"<h1>Deep</h1><p>{PROSE}</p>" + "</div>" * 20000 + "</body></html>"
    try:
        release = read(markup)
    except PressconvError:
        return
    assert release.title == "Deep"


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<ul><li>", "</li>", "<br>", "<a href='/x'>", "</a>",
     "<table><tr><td>", "<b>", "<article>", "<script>", "</script>", "&amp;", "&#0;", "\x00", "\ufffd"]
)  # fmt: skip
_HTMLISH = st.lists(st.one_of(_TAGS, st.text(max_size=30), st.binary(max_size=8).map(lambda b: b.decode("latin-1"))), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=_HTMLISH, raw=st.binary(max_size=64))
def test_any_bytes_give_a_release_or_a_pressconv_error(parts: list[str], raw: bytes) -> None:
    for data in ("".join(parts).encode("utf-8", errors="surrogatepass"), raw, b"<html>" + raw):
        try:
            release = HtmlReader().read(data, ReadOptions())
        except PressconvError:
            continue
        assert release.title


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Release, Path]]:
    """Every page converted to HTML, EPUB, PDF and DOCX once: (its release, the outputs' path without suffix), by name."""
    directory = tmp_path_factory.mktemp("pages")
    outputs = {}
    for path in PAGES:
        result = pressconv.convert(path, to=["html", "epub", "pdf", "docx"], output=directory, read_options=HTML)
        assert result.release is not None
        outputs[path.stem] = (result.release, directory / path.stem)
    return outputs


@pytest.mark.xdist_group("html-pages")
def test_axe_finds_nothing_on_the_page_made_from_any_page(converted: dict[str, tuple[Release, Path]]) -> None:
    import judges

    found = judges.axe_violations_many([stem.with_suffix(".html") for _, stem in converted.values()])
    assert {name: findings for name, findings in found.items() if findings} == {}


@pytest.mark.xdist_group("html-pages")
@pytest.mark.parametrize("name", [path.stem for path in PAGES])
def test_the_pdf_and_docx_made_from_every_page_are_accessible(converted: dict[str, tuple[Release, Path]], name: str) -> None:
    import docx

    import judges

    release, stem = converted[name]
    assert judges.pdf_ua_failures(stem.with_suffix(".pdf")) == []
    document = docx.Document(str(stem.with_suffix(".docx")))
    shown = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert release.title in shown
    assert all(text in shown for text in shown_paragraphs(release))


@pytest.mark.slow  # not grouped: each book is its own Ace start, so the workers share them (converting costs less)
@pytest.mark.parametrize("name", [path.stem for path in PAGES])
def test_ace_finds_nothing_in_the_book_made_from_any_page(converted: dict[str, tuple[Release, Path]], name: str) -> None:
    import judges

    assert judges.ace_violations(converted[name][1].with_suffix(".epub")) == []


def test_metadata_and_links_with_unwritable_characters_are_cleaned_not_fatal() -> None:
    head = "<meta property='og:title' content='Budget\u2028approved\x01 today'><meta name='author' content='Jane\u0085Smith'>"
    body = f"<div><p>{PROSE} <a href='https://a.example/x\u2028y'>link</a> <a href='mailto:a@b.example\u2029'>mail</a></p></div>"
    release = read(page(body, head))
    assert release.title == "Budget approved today"
    assert release.byline == "Jane Smith"
    # Line separators in a URL are dropped, as browsers drop newlines in href values.
    assert [link.href for link in release.blocks[0].links] == ["https://a.example/xy", "mailto:a@b.example"]  # type: ignore[union-attr]


def test_a_time_in_the_body_text_is_an_event_not_the_publication_date() -> None:
    body = f"<article><h1>Title</h1><p>{PROSE}</p><p>The fair opens on <time datetime='2024-06-01'>1 June</time>.</p></article>"
    assert read(page(body)).date is None
    marked = f"<article><h1>Title</h1><p>{PROSE}</p><p class='posted-on'><time datetime='2024-05-02'>2 May</time></p></article>"
    assert read(page(marked)).date == datetime.date(2024, 5, 2)


def test_the_date_in_the_address_is_the_last_resort() -> None:
    head = "<link rel='canonical' href='https://news.example/2023/11/30/budget-approved'>"
    release = read(page(f"<article><h1>Title</h1><p>{PROSE}</p></article>", head))
    assert release.date == datetime.date(2023, 11, 30)
    assert "date-from-page" in {notice.code for notice in release.notices}


def test_a_script_rendered_page_is_read_from_its_json_ld_article_body() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget approved",'
        ' "datePublished": "2024-03-07",'
        ' "articleBody": "First paragraph of the release.\\nSecond paragraph, with more."}</script>'
    )
    release = read(page("<div id='root'><h1>Budget approved</h1></div>", ld))
    assert (release.title, release.paragraphs) == (
        "Budget approved",
        ("First paragraph of the release.", "Second paragraph, with more."),
    )


def test_an_xml_declaration_names_the_encoding_of_an_xhtml_page() -> None:
    declaration = '<?xml version="1.0" encoding="ISO-8859-2"?>\n'
    markup = (
        f'{declaration}<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>\u0141\u00f3d\u017a</h1><p>{PROSE}</p></body></html>'
    )
    assert read(markup.encode("iso-8859-2")).title == "\u0141\u00f3d\u017a"  # read as Windows-1252 it would be "£ód\u0178"


def test_an_item_of_several_paragraphs_is_one_item_and_preformatted_text_keeps_its_paragraphs() -> None:
    body = f"<article><h1>Title</h1><p>{PROSE}</p><ul><li><p>One.</p><p>Still one.</p></li><li>Two</li></ul></article>"
    [_, items] = read(page(body)).blocks
    assert [item.text for item in items.items] == ["One. Still one.", "Two"]  # type: ignore[union-attr]
    pre = f"<h1>Title</h1><pre>{PROSE}\nwrapped here.\n\nSecond paragraph\nof the release.</pre>"
    assert read(page(pre)).paragraphs == (f"{PROSE} wrapped here.", "Second paragraph of the release.")


def test_a_label_before_the_headline_is_data() -> None:
    release = read(page(f"<article><h1><span>Press release:</span> Budget approved</h1><p>{PROSE}</p></article>"))
    assert (release.title, release.label) == ("Budget approved", "Press release")


WIDGET_LINES = ["Print this page", "Facebook", "Share this page", "Share on LinkedIn", "Tweet", "Email this page"]


@pytest.mark.parametrize("widget", WIDGET_LINES)
def test_widget_lines_in_the_article_go_to_the_page_chrome_step_and_are_reported(widget: str) -> None:
    # The reader keeps them (nothing is dropped silently); the cleaner removes and reports them,
    # and --keep-chrome (skipping that step) keeps them, as with the text reader.
    body = f"<article><h1>Title</h1><p>{PROSE}</p><p>{widget}</p><p>Second {PROSE}</p></article>"
    data = page(body).encode()
    assert widget in read(page(body)).paragraphs
    cleaned = pressconv.convert(data, to="json", read_options=HTML)
    assert [(removal.reason, removal.text) for removal in cleaned.removed] == [("page-chrome", widget)]
    assert cleaned.release is not None and widget not in cleaned.release.paragraphs
    kept = pressconv.convert(data, to="json", read_options=ReadOptions(reader="html", keep_chrome=True))
    assert not kept.removed and kept.release is not None and widget in kept.release.paragraphs


def test_a_widget_line_above_the_dateline_does_not_hide_it() -> None:
    body = f"<article><h1>Title</h1><p>Print this page</p><p>LONDON, 12 March 2019 – {PROSE}</p></article>"
    assert read(page(body)).date == datetime.date(2019, 3, 12)


def _converted(markup: str, **options: Any) -> pressconv.Result:
    return pressconv.convert(markup.encode(), to="json", read_options=ReadOptions(reader="html", **options))


def test_back_links_at_the_ends_of_the_article_go_to_the_page_chrome_step_and_are_reported() -> None:
    # Link-only lines at the start and end were trimmed by the reader without a Removal; now the reader keeps
    # them, the page-chrome step removes and reports what is plainly the site, and --keep-chrome keeps them.
    back, top = (f"<p><a href='https://www.example.org/{href}'>{text}</a></p>" for href, text in
                 (("media-centre", "Back to news"), ("#top", "Back to top")))  # fmt: skip
    attachment = "<p><a href='https://www.example.org/budget-2024.pdf'>Budget 2024 to 2025 in full</a></p>"
    body = f"<article><h1>Title</h1>{back}<p>{PROSE}</p><p>Second {PROSE}</p>{attachment}{top}</article>"
    assert {"Back to news", "Back to top"} <= set(read(page(body)).paragraphs)
    cleaned = _converted(page(body))
    assert [(removal.reason, removal.text) for removal in cleaned.removed] == [
        ("page-chrome", "Back to news"),
        ("page-chrome", "Back to top"),
    ]
    assert cleaned.release is not None and not {"Back to news", "Back to top"} & set(cleaned.release.paragraphs)
    # A link-only line that is not plainly the web site (a document of the release) is the release's text.
    assert "Budget 2024 to 2025 in full" in cleaned.release.paragraphs
    kept = _converted(page(body), keep_chrome=True)
    assert not kept.removed and kept.release is not None
    assert {"Back to news", "Back to top"} <= set(kept.release.paragraphs)


def test_without_a_headline_a_line_of_the_web_page_is_never_the_title_and_is_not_lost() -> None:
    # The first body block was taken as the title even when it was "Print this page"; now the first block that is
    # not a line of the web page is, and the page line stays in the body for the page-chrome step, as the text reader does.
    body = f"<article><p>Print this page</p><p>Council approves budget</p><p>{PROSE}</p></article>"
    release = read(page(body))
    assert release.title == "Council approves budget"
    assert release.paragraphs == ("Print this page", PROSE)
    assert "title-from-body" in {notice.code for notice in release.notices}
    cleaned = _converted(page(body))
    assert cleaned.release is not None and cleaned.release.title == "Council approves budget"
    assert [(removal.reason, removal.text) for removal in cleaned.removed] == [("page-chrome", "Print this page")]
    kept = _converted(page(body), keep_chrome=True)
    assert not kept.removed and kept.release is not None and kept.release.paragraphs == ("Print this page", PROSE)
    text = pressconv.parse(b"Print this page\nCouncil approves budget\n" + PROSE.encode(), reader="text")
    assert (text.title, text.paragraphs) == (release.title, release.paragraphs)  # the text reader agrees


def test_a_page_of_nothing_but_web_page_lines_and_no_headline_is_refused() -> None:
    with pytest.raises(PressconvError, match="web page"):
        read(page("<article><p>Print this page</p><p>Share this page</p></article>"))


#: Lines that name a release part, and the block each opens; both readers must agree (they share the recognisers).
RELEASE_PARTS = [
    ("Notes to editors", "notes"), ("Notes to Editors:", "notes"), ("Nodiadau i olygyddion", "notes"),
    ("Information for editors", "notes"), ("Notas para los editores", "notes"), ("Hinweise für die Redaktion", "notes"),
    ("Notes aux rédactions", "notes"), ("Editor's notes", "notes"), ("Background information for editors", "notes"),
    ("Media contact", "contact"), ("Press office", "contact"), ("Pressestelle", "contact"), ("Investor relations", "contact"),
    ("Ymholiadau'r cyfryngau", "contact"), ("Contacto de prensa", "contact"), ("Media enquiries:", "contact"),
    ("ENDS", "end"), ("-ends-", "end"), ("Diwedd", "end"), ("End of press release", "end"), ("###", "end"),
    ("-30-", "end"), ("Ende", "end"), ("Fin", "end"),
    ("30", "paragraph"), ("xxx", "paragraph"), ("About 300 people came", "paragraph"),
]  # fmt: skip
_KINDS = {NotesSection: "notes", ContactBlock: "contact", EndMark: "end", Paragraph: "paragraph", Heading: "heading"}


@pytest.mark.parametrize(("line", "kind"), RELEASE_PARTS)
def test_the_text_and_html_readers_agree_on_release_parts(line: str, kind: str) -> None:
    after = ["Jane Smith", "020 7946 0000"] if kind == "contact" else ["A note that is short."]
    text_release = pressconv.parse("\n".join(["Title", PROSE, line, *after]).encode(), reader="text")
    element = "p" if kind in ("end", "paragraph") else "h2"
    markup = f"<article><h1>Title</h1><p>{PROSE}</p><{element}>{line}</{element}><p>{'<br>'.join(after)}</p></article>"
    html_release = read(page(markup))
    text_kind = _KINDS[type(text_release.blocks[1])]
    html_kind = _KINDS[type(html_release.blocks[1])]
    if kind == "paragraph":  # no release part (the text reader may take a short line for a subheading)
        assert text_kind in ("paragraph", "heading") and html_kind == "paragraph"
    else:
        assert (text_kind, html_kind) == (kind, kind)


@pytest.mark.parametrize("line", ["About the Council", "About Helio Energy", "Background"])
def test_about_headings_after_the_end_mark_open_the_notes_in_both_readers(line: str) -> None:
    text_release = pressconv.parse("\n".join(["Title", PROSE, "ENDS", line, "It serves 300,000 people."]).encode(), reader="text")
    html_release = read(
        page(f"<article><h1>Title</h1><p>{PROSE}</p><p>ENDS</p><h2>{line}</h2><p>It serves 300,000 people.</p></article>")
    )
    for release in (text_release, html_release):
        assert isinstance(release.blocks[2], NotesSection) and release.blocks[2].heading == line


@pytest.mark.parametrize(
    ("dateline", "when"),
    [
        ("LONDON, 12 March 2019 –", datetime.date(2019, 3, 12)),
        ("WASHINGTON (October 2, 2023) —", datetime.date(2023, 10, 2)),
        ("SPRINGFIELD, Ill., March 7, 2014 /PRNewswire/ --", datetime.date(2014, 3, 7)),
        ("NEW YORK, March 7, 2014 /PRNewswire/ --", datetime.date(2014, 3, 7)),
        ("12 March 2019 –", datetime.date(2019, 3, 12)),
        ("CARDIFF, 12 March 2019:", datetime.date(2019, 3, 12)),
    ],
)
def test_the_html_reader_reads_every_dateline_the_text_reader_reads(dateline: str, when: datetime.date) -> None:
    text_release = pressconv.parse(f"Title\n{dateline} {PROSE}".encode(), reader="text")
    html_release = read(page(f"<article><h1>Title</h1><h2>A subheading</h2><p>{dateline} {PROSE}</p></article>"))
    assert text_release.date == html_release.date == when
    assert html_release.paragraphs[-1] == f"{dateline} {PROSE}"  # the text stays


def test_a_date_line_at_the_foot_is_read_as_the_page_s_dates_and_one_that_disagrees_is_kept() -> None:
    """GOV.UK and others repeat when the page was published and updated at its foot: that is read into the
    release's dates (an update date is kept, not lost); a date that contradicts the header's stays as text."""
    head = f"<article><h1>Council approves budget</h1><p>7 March 2024</p><p>{PROSE}</p><p>Second {PROSE}</p>"
    agreeing = _converted(page(head + "<p>Published 7 March 2024</p><p>Last updated 9 March 2024</p></article>"))
    assert agreeing.release is not None and not agreeing.removed
    assert (agreeing.release.date, agreeing.release.updated) == (datetime.date(2024, 3, 7), datetime.date(2024, 3, 9))
    assert agreeing.release.paragraphs == (PROSE, f"Second {PROSE}")
    disagreeing = _converted(page(head + "<p>Published 1 January 2020</p></article>"))
    assert disagreeing.release is not None and disagreeing.release.date == datetime.date(2024, 3, 7)
    assert disagreeing.release.paragraphs == (PROSE, f"Second {PROSE}", "Published 1 January 2020")
