"""The reader's page tree (Beautiful Soup on lxml) and its fast whole-page normalising: the same answers as before."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressconv.readers.decoding import normalise
from pressconv.readers.html.decoding import normalise_page
from pressconv.readers.html.page import is_tag, is_text, iter_tags, parse_html, strip_invisible

# Every character class `normalise` treats apart, mixed with plain text, so runs and mixtures are drawn often.
_SPECIAL = "\r\n\t\x0b\x0c\x00\x07\x1c\x7f\x85\x9f\u00a0\u1680\u2000\u2001\u2009\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"
_PIECES = st.sampled_from([*_SPECIAL, " ", "  ", "a", "é", "e\u0301", "Å", "\u212b", "x y", "\ud800", "\ufffe"])


@given(st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=60))
def test_normalise_page_gives_exactly_what_normalise_gives(text: str) -> None:
    assert normalise_page(text) == normalise(text)


def test_whitespace_only_strings_shrink_outside_pre_and_stay_inside() -> None:
    soup = parse_html("<html><body><div>\n\n   <p>One</p>   <pre>a\n\n  <b>b</b>\n   </pre></div></body></html>")
    div = soup.find("div")
    assert div is not None
    assert [str(node) for node in div.contents if is_text(node)] == ["\n", " "]
    pre = soup.find("pre")
    assert pre is not None
    assert [str(node) for node in pre.contents if is_text(node)] == ["a\n\n  ", "\n   "]


def test_get_text_leaves_out_code_but_a_script_gives_its_own() -> None:
    soup = parse_html('<html><head><script type="application/ld+json">{"a": 1}</script></head>'
                      "<body><div>Hello <script>var x;</script><style>p{}</style>world</div></body></html>")  # fmt: skip
    div, script = soup.find("div"), soup.find("script")
    assert div is not None and script is not None
    assert div.get_text() == "Hello world"
    assert script.get_text() == '{"a": 1}'


def test_parents_and_removal_keep_the_tree_whole() -> None:
    soup = parse_html('<html><body><div><p>Kept</p><p hidden>Gone</p><p style="display: none">Gone too</p></div></body></html>')
    strip_invisible(soup)
    paragraphs = [tag for tag in iter_tags(soup) if tag.name == "p"]
    assert [tag.get_text() for tag in paragraphs] == ["Kept"]
    assert [parent.name for parent in paragraphs[0].parents] == ["div", "body", "html", "[document]"]
    assert all(is_tag(child) for child in paragraphs[0].parent.contents)


def test_an_empty_page_is_an_empty_document() -> None:
    soup = parse_html("")
    assert soup.name == "[document]" and soup.contents == []
