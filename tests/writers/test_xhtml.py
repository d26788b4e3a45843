"""Structure in HTML and EPUB, read back with bs4: every block type, links, byline and issuer, bundles, rtl, literal text."""

from __future__ import annotations

import dataclasses
import datetime
import io
import itertools
import json
import zipfile
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

import pressconv
from pressconv.l10n import format_date, label
from pressconv.model import (
    Block,
    Collection,
    ContactBlock,
    EndMark,
    Heading,
    Link,
    ListBlock,
    NotesSection,
    Paragraph,
    Release,
    Text,
    iter_texts,
)
from pressconv.writers import get_writer
from pressconv.writers.base import heading_text
from readback import read_html
from samples import URL, structured_release
from strategies import releases


def html_of(release: Release) -> BeautifulSoup:
    buffer = io.BytesIO()
    pressconv.write(release, "html", buffer)
    return BeautifulSoup(buffer.getvalue(), "html.parser")


def epub_chapter_of(release: Release) -> BeautifulSoup:
    buffer = io.BytesIO()
    pressconv.write(release, "epub", buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as book:
        return BeautifulSoup(book.read("EPUB/release.xhtml"), "lxml-xml")


def bundle_of(releases: tuple[Release, ...], fmt: str, title: str = "Releases") -> bytes:
    buffer = io.BytesIO()
    get_writer(fmt).write_collection(Collection(title, releases, "en-GB"), buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _text(tag: Any) -> str:
    return str(tag.get_text())


READERS = {"html": html_of, "epub": epub_chapter_of}
#: Characters a Release may hold (no controls, surrogates, line separators or non-characters).
WRITABLE = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\ufffe\uffff")


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_every_block_type_is_its_own_element(fmt: str) -> None:
    release = structured_release()
    soup = READERS[fmt](release)
    article = soup.find("article")
    assert soup.find("main") is not None or fmt == "epub"
    header = article.find("header")
    assert _text(header.find("h1")) == release.title
    assert header.find("time")["datetime"] == "2024-02-21"
    assert _text(header.find("time")) == format_date(datetime.date(2024, 2, 21), "en-GB")
    assert _text(header.find(class_="byline")) == label("by", "en-GB", author="Jane Smith")
    assert _text(header.find(class_="issuer")) == "Northshire Council"

    # Lists: a bulleted list, and a numbered one that starts at 3.
    bullets = article.find("ul", recursive=False)
    assert [_text(li) for li in bullets.find_all("li")] == [
        "£2m for road repairs",
        "a new library in Eastford",
        "free parking on Sundays",
    ]
    numbered = article.find_all("ol", recursive=False)
    assert len(numbered) == 1 and numbered[0]["start"] == "3"
    assert [_text(li) for li in numbered[0].find_all("li")] == ["Bills are posted.", "Payments start in April."]
    # The subheading is an h2 under the h1.
    assert [_text(h) for h in article.find_all("h2", recursive=False)] == ["What happens next"]
    # The end mark is a quiet paragraph of its own.
    end = article.find(class_="end-mark")
    assert end.name == "p" and _text(end) == "ENDS"
    # Notes: a section named by its own heading, holding its list (numbered from 1) and paragraph.
    notes = article.find("section", class_="notes")
    heading = notes.find("h2")
    assert _text(heading) == "Notes to editors" and notes["aria-labelledby"] == heading["id"]
    assert notes.find("ol").get("start") is None and len(notes.find_all("li")) == 2
    assert _text(notes.find("p")) == "About Northshire: a <script>alert(1)</script> county in the north."
    # Contact: an <address> in a section named by its heading, the e-mail a mailto: link.
    contact = article.find("section", class_="contact")
    assert _text(contact.find("h2")) == "Media contact" and contact["aria-labelledby"] == contact.find("h2")["id"]
    lines = [_text(p) for p in contact.find("address").find_all("p")]
    assert lines == ["Jane Smith, Press Officer", "Tel: 01234 567890", "press@northshire.gov.uk"]
    mail = contact.find("a")
    assert mail["href"] == "mailto:press@northshire.gov.uk" and _text(mail) == "press@northshire.gov.uk"
    # The web link covers exactly its span of the text, and the paragraph's text is unchanged.
    lede = article.find("p", recursive=False)
    link = lede.find("a")
    assert link["href"] == URL and _text(link) == "www.northshire.gov.uk/budget"
    assert _text(lede) == release.blocks[0].text  # type: ignore[union-attr]
    # Document order is the model's order.
    order = [tag.name for tag in article.find_all(["p", "ul", "ol", "h2", "section"], recursive=False)]
    assert order == ["p", "p", "ul", "h2", "p", "ol", "p", "section", "section"]


def test_every_text_reads_back_in_order() -> None:
    release = structured_release()
    assert read_html(_html_text(release)).paragraphs == list(release.paragraphs)


def _html_text(release: Release) -> str:
    buffer = io.BytesIO()
    pressconv.write(release, "html", buffer)
    return buffer.getvalue().decode("utf-8")


def test_contact_without_heading_is_a_bare_address_and_headings_never_skip_a_level() -> None:
    release = Release("T", None, (Heading("Deep", level=4), ContactBlock((Text("Press office"), Text("01234 567890")))))
    soup = html_of(release)
    assert soup.find("h2") is not None and soup.find("h3") is None and soup.find("h4") is None
    address = soup.find("address")
    assert address["class"] == ["contact"] and [_text(p) for p in address.find_all("p")] == ["Press office", "01234 567890"]


def test_json_ld_and_epub_metadata_carry_byline_and_issuer() -> None:
    release = structured_release()
    soup = html_of(release)
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["author"] == {"@type": "Person", "name": "Jane Smith"}
    assert ld["publisher"] == {"@type": "Organization", "name": "Northshire Council"}
    opf = _opf(release)
    assert ">Jane Smith</dc:creator>" in opf and "<dc:publisher>Northshire Council</dc:publisher>" in opf
    opf = _opf(release, author="Press Office", publisher="County Hall")
    assert "Jane Smith" not in opf.split("<manifest")[0] and ">Press Office</dc:creator>" in opf and ">County Hall<" in opf
    plain = _opf(Release("T", None, ("x",)))
    assert "dc:creator" not in plain and "dc:publisher" not in plain


def _opf(release: Release, **options: object) -> str:
    buffer = io.BytesIO()
    pressconv.write(release, "epub", buffer, **options)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as book:
        return book.read("EPUB/content.opf").decode("utf-8")


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_right_to_left_languages_get_dir_rtl(fmt: str) -> None:
    soup = READERS[fmt](structured_release("ar"))
    assert soup.find("html")["dir"] == "rtl" and soup.find("body")["dir"] == "rtl"
    assert READERS[fmt](structured_release("en-GB")).find("html").get("dir") is None


MARKUP = '<b>bold</b> & <script>alert("x")</script> &amp; ]]> <!-- c --> </article>'


def _markup_release() -> Release:
    link_text = f"{MARKUP} link"
    return Release(
        title=f"Title {MARKUP}",
        date=None,
        blocks=(
            Paragraph(f"Paragraph {MARKUP}"),
            Heading(f"Heading {MARKUP}"),
            ListBlock((Text(f"Item {MARKUP}"),)),
            Paragraph(link_text, (Link(0, len(link_text), "https://example.org/?a=1&b=<2>"),)),
            NotesSection(f"Notes {MARKUP}", (Paragraph(f"Note {MARKUP}"),)),
            ContactBlock((Text(f"Contact {MARKUP}"),), heading=f"Contact {MARKUP}"),
            EndMark(f"End {MARKUP}"),
        ),
        byline=f"Author {MARKUP}",
        issuer=f"Issuer {MARKUP}",
    )


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_markup_looking_text_stays_literal_everywhere(fmt: str) -> None:
    release = _markup_release()
    soup = READERS[fmt](release)
    assert soup.find("b") is None and soup.find("article").find("script") is None
    assert _text(soup.find("h1")) == release.title and _text(soup.find("title")) == release.title
    texts = [_text(tag) for tag in soup.find("article").find_all(["p", "li", "h2", "h3"])]
    for unit in release.paragraphs:
        assert unit in texts
    link = soup.find("article").find("a")
    assert _text(link) == f"{MARKUP} link" and link["href"] == "https://example.org/?a=1&b=<2>"
    assert _text(soup.find(class_="issuer")) == release.issuer


def test_links_that_are_not_web_or_mail_stay_plain_text() -> None:
    text = "Click here for more."
    release = Release("T", None, (Paragraph(text, (Link(0, 10, "javascript:alert(1)"),)),))
    soup = html_of(release)
    assert soup.find("article").find("a") is None and _text(soup.find("article").find("p")) == text


def _bundle_releases() -> tuple[Release, ...]:
    first = structured_release()
    twin = dataclasses.replace(first, date=datetime.date(2024, 3, 1))  # same title, another day
    welsh = dataclasses.replace(structured_release("cy"), title="Cyngor yn cytuno", date=datetime.date(2024, 3, 2))
    return first, twin, welsh


def test_html_bundle_is_a_book_with_shifted_headings_and_dated_contents() -> None:
    releases = _bundle_releases()
    soup = BeautifulSoup(bundle_of(releases, "html", "Northshire <2024>"), "html.parser")
    main = soup.find("main")
    assert [_text(h) for h in main.find_all("h1")] == ["Northshire <2024>"]
    chapters = main.find_all("article")
    assert [_text(chapter.find("h2")) for chapter in chapters] == [r.title for r in releases]
    assert all("chapter" in chapter["class"] for chapter in chapters)
    assert [_text(h) for h in chapters[0].find_all("h3")] == ["What happens next", "Notes to editors", "Media contact"]
    assert chapters[2]["lang"] == "cy" and chapters[0].get("lang") is None
    # Contents: each entry links to its chapter and says title and date, so same-titled releases differ.
    entries = soup.find("nav").find_all("a")
    assert [entry["href"] for entry in entries] == [f"#{chapter['id']}" for chapter in chapters]
    assert [entry.find("time")["datetime"] for entry in entries] == [r.date.isoformat() for r in releases if r.date]
    assert len({_text(entry) for entry in entries}) == 3 and _text(entries[0]).startswith(releases[0].title)
    # Every id is unique, and every aria-labelledby points at ids that exist.
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for tag in soup.find_all(attrs={"aria-labelledby": True}):
        assert all(soup.find(id=ident) for ident in tag["aria-labelledby"].split())


def test_epub_bundle_contents_show_title_and_date() -> None:
    releases = _bundle_releases()
    with zipfile.ZipFile(io.BytesIO(bundle_of(releases, "epub"))) as book:
        nav = BeautifulSoup(book.read("EPUB/nav.xhtml"), "lxml-xml")
        chapter = BeautifulSoup(book.read("EPUB/release-0003.xhtml"), "lxml-xml")
    entries = [_text(a) for a in nav.find("nav").find_all("a")]
    # One date style on the contents page: the bundle's language, whatever each release's (issue 27).
    assert entries == [f"{r.title} — {format_date(r.date, 'en-GB')}" for r in releases if r.date]
    assert _text(nav.find("h2")) == label("contents", "en-GB")
    assert chapter.find("html")["lang"] == "cy" and _text(chapter.find("h1")) == "Cyngor yn cytuno"


@settings(max_examples=40, deadline=None)
@given(st.text(WRITABLE, min_size=1, max_size=60), st.data())
def test_links_never_change_the_text(text: str, data: st.DataObject) -> None:
    """Whatever spans are linked, the paragraph reads back as the same text, with each link's span as its text."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    release = Release("T", None, (Paragraph(text, (Link(start, end, "https://example.org/x"),)),))
    for fmt, reader in READERS.items():
        paragraph = reader(release).find("article").find("p", recursive=False)
        assert _text(paragraph) == text, fmt
        assert _text(paragraph.find("a")) == text[start:end], fmt


def test_an_updated_date_is_shown_with_its_label_and_in_json_ld() -> None:
    release = dataclasses.replace(structured_release(), updated=datetime.date(2024, 3, 4))
    soup = html_of(release)
    updated = soup.find("header").find(class_="updated")
    assert _text(updated) == f"{label('updated', 'en-GB')} {format_date(datetime.date(2024, 3, 4), 'en-GB')}"
    assert updated.find("time")["datetime"] == "2024-03-04"
    assert json.loads(soup.find("script", type="application/ld+json").string)["dateModified"] == "2024-03-04"
    assert read_html(_html_text(release)).time == ("2024-02-21", format_date(datetime.date(2024, 2, 21), "en-GB"))


def _as_set(blocks: tuple[Block, ...]) -> list[str]:
    """The body's texts as every writer sets them: `release.paragraphs`, with section headings ("Media contact:")
    shown without their closing colon (`heading_text`)."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, ContactBlock):
            texts += [heading_text(block.heading)] if block.heading else []
            texts += [line.text for line in block.lines]
        elif isinstance(block, NotesSection):
            texts += [heading_text(block.heading), *_as_set(block.blocks)]
        else:
            texts += iter_texts((block,))
    return texts


@settings(max_examples=40, deadline=None)
@given(releases)
@example(Release("0", None, (ContactBlock((Text("0", ()),), "0:"),)))  # a contact heading is set without its colon
def test_any_release_reads_back_as_its_text_in_order(release: Release) -> None:
    """Every block type, nested or not, with or without links: the page's body text is the model's, in order,
    headings never skip a level, and ids are unique."""
    markup = _html_text(release)
    assert read_html(markup).paragraphs == _as_set(release.blocks)
    soup = BeautifulSoup(markup, "html.parser")
    assert _text(soup.find("h1")) == release.title
    levels = [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels))
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    chapter = epub_chapter_of(release)
    assert [_text(tag) for tag in chapter.find("article").find_all(["p", "li", "h2", "h3", "h4", "h5", "h6"])
            if not tag.find_parent("header")] == _as_set(release.blocks)  # fmt: skip
