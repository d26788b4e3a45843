"""Where the release is on the page: the article container, found before anything is taken from it.

Two views that check each other:

1. **The densest text block.** Every paragraph gives a score (one point, one
   per comma, one per hundred characters up to three) to the element around
   it, half to the next one out and a third to the one after — readability's
   measure, which needs no markup conventions. Link-heavy elements lose in
   proportion to their link text; class and id names that mean "content" or
   "furniture" on most sites nudge the score by ±25, never more.
2. **What the page declares**: an `<article>`, a schema.org `Article`-like
   itemscope, `role="article"`, `itemprop="articleBody"`, `<main>` or
   `role="main"`.

The container is the innermost declared article around the densest block
(so a notes section or contact block beside the body text comes too); else
`<main>` around it; else a declared article elsewhere that scores at least a
third as well (the densest block was a comment thread); else the densest block
with those of its siblings that read as content (readability's sibling rule,
plus any sibling that starts the notes, the contacts or an end mark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pressconv.readers.html.page import PageTree, attribute, first_line, is_tag, iter_tags, own_text
from pressconv.readers.structure import contact_heading, is_about_heading, is_end_mark, is_notes_heading

#: An article element with this much text is an article's body, however much text the densest block has.
_ARTICLE_TEXT = 1000
_ARTICLE_TYPE = re.compile(r"schema\.org/(?:\w*Article|BlogPosting|SocialMediaPosting|Report|PressRelease)\b", re.I)


@dataclass(frozen=True, slots=True)
class Container:
    """The elements that hold the release (in order), the densest block among them, and how it was decided."""

    roots: tuple[Any, ...]
    densest: Any
    how: str
    #: The container is a <main>, which often holds a sidebar column too (see `around_headline`).
    main: bool = False


def around_headline(container: Container, headline: Any) -> Container:
    """Inside a <main>, the element that holds both the headline and the densest text: the main column,
    without the sidebar column beside it. An <article> is kept whole (its author drew its bounds)."""
    if not container.main or headline is None:
        return container
    root = container.roots[0]
    around_densest = {id(container.densest), *(id(tag) for tag in _ancestors(container.densest, root))}
    for tag in [headline, *_ancestors(headline, root)]:
        if tag is root:
            return container
        if id(tag) in around_densest:
            return Container((tag,), container.densest, f"{container.how}, the part around the headline ({_describe(tag)})")
    return container


def find_container(tree: PageTree, headline: Any = None) -> Container:
    """The release's container. `headline`, when the page's headline element is already known, rules out
    blocks that end before it: a release never comes before its own headline (a left column's "About us")."""
    body = tree.body
    first_h1 = headline if headline is not None else next((h1 for h1 in body.find_all("h1", limit=1)), None)
    unlikely = _unlikely(tree, body, first_h1)
    scored = [tag for tag in iter_tags(body) if tree.of(tag).score > 0]
    candidates = [tag for tag in scored if id(tag) not in unlikely] or scored
    if headline is not None:
        after = _not_before(body, headline)
        candidates = [tag for tag in candidates if id(tag) in after] or candidates
    if not candidates:
        return Container((body,), body, "the whole page (no paragraph stands out)")
    densest = max(candidates, key=tree.final_score)
    best = tree.final_score(densest)
    lineage = [densest, *_ancestors(densest, body)]
    for tag in lineage:
        if _is_article(tag):
            # An articleBody holds the body text only; the article around it also holds the notes and contacts.
            outer = next((up for up in _ancestors(tag, body) if _is_article(up)), None) if _is_body(tag) else None
            chosen = outer if outer is not None else tag
            own = _headline_article(tree, body, headline, chosen, best)
            if own is not None:
                return Container((own,), densest, f"the article element around the headline ({_describe(own)})")
            return Container((chosen,), densest, f"the article element around the densest text ({_describe(chosen)})")
    for tag in lineage:
        if _is_main(tag):
            return Container((tag,), densest, f"the main element around the densest text ({_describe(tag)})", main=True)
    declared = [tag for tag in iter_tags(body) if _is_article(tag) and id(tag) not in unlikely]
    if declared:
        best_inside = _best_inside(tree, body)
        scored = [(best_inside[id(tag)], tag) for tag in declared]
        score, article = max(scored, key=lambda pair: pair[0])
        # Not a short article that is a fraction of the densest text (a teaser card, the headline's box over the body).
        if score >= best / 3 and (tree.of(article).text * 2 >= tree.of(densest).text or tree.of(article).text >= _ARTICLE_TEXT):
            return Container((article,), densest, f"the declared article ({_describe(article)})")
    holder = _widest_wrapper(tree, densest, body)
    return Container(_with_siblings(tree, holder, best, headline), densest, f"the densest text block ({_describe(densest)})")


def _headline_article(tree: PageTree, body: Any, headline: Any, chosen: Any, best: float) -> Any:
    """The declared article around the page's headline, when the article around the densest text is another
    one: a list of teaser cards (each an <article>, or all in one) outweighs a short post, but the post is
    the article that carries the page's headline. Only when that article has text of its own (a tenth of the
    densest block's score inside it), so a headline's lone <header> article never wins."""
    if headline is None or chosen in headline.parents:
        return None
    own = next((tag for tag in headline.parents if _is_article(tag)), None)
    if own is None or own is body or own in chosen.parents or not _teaser_list(tree, chosen):
        return None
    return own if _best_inside(tree, own)[id(own)] >= best / 10 else None


def _teaser_list(tree: PageTree, article: Any) -> bool:
    """An article element that reads as a list of teasers: it holds two or more articles of its own, or is a
    quarter links. An article of plain prose beside the headline's own (a podcast's description under its
    cover) is the page's text, whichever holds the headline."""
    if tree.of(article).link_density >= 0.25:
        return True
    return sum(1 for tag in iter_tags(article) if _is_article(tag)) >= 2


#: Readability's "unlikely candidates": class and id names of what holds text but is never the article
#: (a comment thread, a related-stories box, a sidebar), unless the name also says content (`_MAYBE`).
# Each name ends a word (its plural allowed): "PageBuilder-pageRow" is no "pager", "relatedArticles" is "related".
_UNLIKELY = re.compile(
    r"(?:-ad-|banner|breadcrumbs|combx|comment|community|disqus|extra|gdpr|legends|menu|related|remark|replies|rss"
    r"|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|modal|dialog|login)s?(?-i:(?![a-z]))",
    re.I,
)
_MAIN_COLUMN = re.compile(r"(?<![a-z])main(?![a-z])", re.I)
_DIALOG = re.compile(r"(?:modal|dialog|login|popup)s?(?-i:(?![a-z]))", re.I)
_TAXONOMY = ("tag-", "category-", "post_tag-", "post_format-", "format-", "topic-", "section-")
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow", re.I)


def _unlikely(tree: PageTree, root: Any, headline: Any) -> set[int]:
    """The elements inside an unlikely candidate (ids), handed down in one walk: a reader-comment thread denser
    than the article never wins the densest-block vote while the article is a candidate. An element around the
    page's headline is a wrapper whatever its name ("off-canvas-menu__target"), never set aside."""
    found: set[int] = set()
    around = {id(parent) for parent in headline.parents} if headline is not None else set()
    # An element that holds most of the page's text and a main column is the layout, whatever its name
    # ("lay-sidebar" around "sidebar__main"); a comment thread holding most of the text has no main column.
    layout = tree.of(root).text * 0.6
    stack: list[tuple[Any, bool]] = [(child, False) for child in root.contents if is_tag(child)]
    while stack:
        tag, inside = stack.pop()
        if not inside and tag.name in ("article", "main"):
            # An article's own names are what it is about; a dialog's ("registration-modal") say it is no article.
            inside = _DIALOG.search(f"{attribute(tag, 'class')} {attribute(tag, 'id')}") is not None and id(tag) not in around
        elif not inside:
            # A post's taxonomy classes ("tag-insurance_health_social", "category-news") say what it is about,
            # not what the element is.
            kept = [word for word in attribute(tag, "class").split() if not word.startswith(_TAXONOMY)]
            words = f"{' '.join(kept)} {attribute(tag, 'id')}"
            inside = (
                bool(words.strip())
                and _UNLIKELY.search(words) is not None
                and _MAYBE.search(words) is None
                and id(tag) not in around
                and not (tree.of(tag).text >= layout and tag.find(class_=_MAIN_COLUMN) is not None)
            )
        if inside:
            found.add(id(tag))
        stack.extend((child, inside) for child in tag.contents if is_tag(child))
    return found


def _best_inside(tree: PageTree, root: Any) -> dict[int, float]:
    """Each element's best score among itself and everything inside it, in one pass from the leaves up
    (scoring each declared article's whole inside in turn is quadratic when articles nest)."""
    best: dict[int, float] = {}
    for tag in reversed([root, *iter_tags(root)]):
        best[id(tag)] = max([tree.final_score(tag), *(best[id(child)] for child in tag.children if id(child) in best)])
    return best


def _not_before(body: Any, headline: Any) -> set[int]:
    """The elements that hold the headline or start after it (ids)."""
    around = {id(parent) for parent in headline.parents}
    found: set[int] = set()
    seen = False
    for tag in iter_tags(body):
        if tag is headline:
            seen = True
        if seen or id(tag) in around:
            found.add(id(tag))
    return found


def _widest_wrapper(tree: PageTree, tag: Any, body: Any) -> Any:
    """The outermost element that holds (almost) nothing but `tag`: site builders wrap each section of a page in
    three or four divs, and the section's siblings — the rest of the release — sit beside the outermost one."""
    text = tree.of(tag).text
    while tag.parent is not None and tag.parent is not body and tag.parent.name not in ("html", "[document]"):
        if tree.of(tag.parent).text * 0.9 > text:
            break
        tag = tag.parent
    return tag


def _ancestors(tag: Any, root: Any) -> list[Any]:
    found = []
    for ancestor in tag.parents:
        found.append(ancestor)
        if ancestor is root:
            break
    return found


def _is_article(tag: Any) -> bool:
    if tag.name == "article" or attribute(tag, "role").lower() == "article":
        return True
    if "articleBody" in attribute(tag, "itemprop").split():
        return True
    return "itemscope" in tag.attrs and _ARTICLE_TYPE.search(attribute(tag, "itemtype")) is not None


def _is_body(tag: Any) -> bool:
    return "articleBody" in attribute(tag, "itemprop").split()


def _is_main(tag: Any) -> bool:
    return tag.name == "main" or attribute(tag, "role").lower() == "main"


def _with_siblings(tree: PageTree, densest: Any, best: float, headline: Any = None) -> tuple[Any, ...]:
    parent = densest.parent
    if parent is None or densest.name in ("body", "html"):
        return (densest,)
    kept = []
    threshold = max(10.0, best * 0.2)
    for sibling in parent.children:
        if sibling is densest or (is_tag(sibling) and _reads_as_content(tree, sibling, threshold, headline)):
            kept.append(sibling)
    return tuple(kept)


def _reads_as_content(tree: PageTree, tag: Any, threshold: float, headline: Any = None) -> bool:
    stats = tree.of(tag)
    if not stats.text:
        return False
    if (headline is None or tag not in headline.parents) and (_is_article(tag) or tag.find(_is_article) is not None):
        # Another article (a teaser card beside a body that declares none) is never this one's continuation;
        # the article around the headline (its box over the body) is.
        return False
    if tree.final_score(tag) >= threshold:
        return True
    if _starts_release_part(first_line(tag)):
        return True
    text = own_text(tag) or tag.get_text(" ", strip=True)[:200]
    # Readability keeps a <p> sibling of 80 characters; div-only pages put their paragraphs in <div>s.
    return tag.name in ("p", "div", "section", "blockquote") and len(text) >= 80 and stats.link_density < 0.25


def _starts_release_part(line: str) -> bool:
    """The notes, an "About …" section, a contact block or an end mark starts here: the text reader's recognisers
    (`pressconv.readers.structure`), asked of the element's first line, so both readers agree on the release's parts."""
    return bool(line) and (
        is_end_mark(line) or is_notes_heading(line) or is_about_heading(line) or contact_heading(line) is not None
    )


def _describe(tag: Any) -> str:
    ident = attribute(tag, "id")
    classes = attribute(tag, "class").split()
    return f"<{tag.name}" + (f' id="{ident}"' if ident else "") + (f' class="{classes[0]}"' if classes else "") + ">"
