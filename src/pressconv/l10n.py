"""What a reader of the release's language expects to see: dates (CLDR, through Babel) and fixed labels.

Writers never spell a date or a label themselves: they ask here, with the
release's language tag, so `--lang cy` changes every word pressconv adds.

- Dates come from the Unicode CLDR through Babel, so each language gets its own
  long date form ("7 March 2014", "March 7, 2014", "7. März 2014", "2014年3月7日").
- Labels come from gettext catalogues in `pressconv/locale/<lang>/LC_MESSAGES/pressconv.mo`,
  compiled from the `.po` files beside them by `scripts/compile_catalogues.py`.
  Each label is looked up by its key as the gettext context and its English text
  as the message id, so translators see the English and a label missing from a
  catalogue reads in English rather than failing.
- Language tags are BCP 47 ("en-GB", "cy", "zh-Hant-TW"). A tag that is malformed or
  unknown is shortened one subtag at a time (RFC 4647 lookup: "en-GB-u-ca-x" →
  "en-GB"), then falls back to British English; nothing here raises for a bad tag,
  because one odd ``--lang`` must not stop a batch.

The long date form and the writing direction come from `pressconv.cldr_dates`, a
table generated from Babel by `scripts/build_cldr_dates.py` (the Babel version it was
built from is recorded there and the tests compare the two for every locale under that
version). The table is authoritative: a tag CLDR names directly ("en-GB", "cy", "fr",
"zh-Hant-TW") is read from it without importing Babel, whose import and locale data
cost about 30 ms a one-release conversion should not pay to spell one date. Any other
tag (an alias such as "iw", a region CLDR folds into a script such as "zh-TW") is
resolved by Babel, imported inside the functions that need it, and the locale Babel
resolves it to is again read from the table when the table has it; only a locale the
table lacks is spelled by Babel itself. So a newer Babel with newer CLDR data changes
no output until the table is rebuilt from it. gettext too is imported where needed.
The caches are bounded `lru_cache`s of pure functions of their arguments, so output
never depends on what the process did before.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import gettext

    from babel import Locale

#: Where the compiled catalogues live (shipped inside the package).
LOCALE_DIR = Path(__file__).parent / "locale"
#: The gettext domain: every catalogue is `<lang>/LC_MESSAGES/pressconv.mo`.
DOMAIN = "pressconv"
#: The language used when a tag names nothing CLDR knows.
DEFAULT_LANGUAGE = "en-GB"

#: The labels pressconv writes into documents, in English; catalogues translate them.
#: The key is the gettext context (msgctxt), the English text the message id (msgid).
LABELS: dict[str, str] = {
    "press-release": "Press release",
    "page-n-of-m": "Page {page} of {pages}",
    "contents": "Contents",
    "notes-to-editors": "Notes to editors",
    "media-contact": "Media contact",
    "published": "Published",
    "updated": "Updated",
    "by": "By {author}",
    "press-releases": "Press releases",
    "end-of-release": "End of release",
    "cover": "Cover",
    # A whole phrase, not "Published" + date: French wants "Publié le 7 mars 2014",
    # German "Veröffentlicht am 7. März 2014", Irish a colon.
    "published-on": "Published {date}",
    "updated-on": "Updated {date}",
    # The name of a release that has no title of its own (`untitled_name`), a whole phrase for the same reason.
    "press-release-dated": "Press release, {date}",
}

#: Scripts written right to left (ISO 15924). An explicit script subtag decides direction on
#: its own: Babel drops a script it has no data for ("ar-Latn" parses as plain "ar").
_RTL_SCRIPTS = frozenset({"Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"})
#: Right-to-left languages, for tags CLDR does not know at all.
_RTL_LANGUAGES = frozenset({"ar", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ku", "ps", "rhg", "sd", "syr", "ug", "ur", "yi"})
#: Tags that say "no particular language"; CLDR would read them as American English.
_UNDETERMINED = frozenset({"und", "mul", "mis", "zxx"})


def format_date(value: datetime.date, language: str = DEFAULT_LANGUAGE) -> str:
    """The date as a reader of `language` expects it ("7 March 2014", "March 7, 2014").

    CLDR's "long" date form: "7 Mawrth 2014" in Welsh, "7. März 2014" in German,
    "2014年3月7日" in Japanese. Unknown tags fall back (see the module docstring).
    """
    locale = _locale(language) or _locale(DEFAULT_LANGUAGE)
    if isinstance(locale, _TableLocale):
        return locale.format_long_date(value)
    from babel.dates import format_date as cldr_format_date

    return cldr_format_date(value, "long", locale=locale)


def label(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """A fixed label in `language`, falling back to English; `values` fill its {placeholders}.

    Numbers are filled in plainly ("Page 12 of 140"), never grouped or in
    another digit set, so page furniture stays the same width in every language.
    """
    try:
        english = LABELS[key]
    except KeyError:
        raise KeyError(f"no label {key!r}; the labels are {', '.join(LABELS)}") from None
    translated = _translations(language).pgettext(key, english)
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        # A catalogue with a mistyped placeholder must not break a document: say it in English.
        return english.format(**values)


def dated_phrase(key: str, value: datetime.date, language: str = DEFAULT_LANGUAGE) -> tuple[str, str, str]:
    """A label phrase around a date ("Updated {date}", "Mis à jour le {date}"), as (before, date, after).

    Split so that a writer can mark the date up on its own (HTML's `<time>`) while the words around
    it stay the translator's: never "label + space + date", which is wrong in French, German, Spanish
    and Irish. A catalogue that dropped `{date}` from the phrase gets the English one.
    """
    marker = "\ue000"
    phrase = label(key, language, date=marker)
    if marker not in phrase:
        phrase = LABELS[key].format(date=marker)
    before, _, after = phrase.partition(marker)
    return before, format_date(value, language), after


def untitled_name(date: datetime.date | None, language: str = DEFAULT_LANGUAGE) -> str:
    """What a release with no title is called where a document must have a name (an HTML `<title>`, EPUB
    `dc:title`, PDF `/Title` and XMP `dc:title`, DOCX core properties, a contents entry, a file name):
    "Press release, 7 March 2014", or "Press release" when the date is unknown too, in `language`.

    The one place every writer asks, so no writer takes a line of the body for a title: the model keeps
    `Release.title` None and never invents one (`document_title` is the usual caller; `shown_title` names the
    heading, beside which the date already stands).
    """
    if date is None:
        return label("press-release", language)
    return label("press-release-dated", language, date=format_date(date, language))


def document_title(title: str | None, date: datetime.date | None, language: str = DEFAULT_LANGUAGE) -> str:
    """A release's name for a document's metadata: its title, or `untitled_name` when it has none."""
    return title if title is not None else untitled_name(date, language)


def shown_title(title: str | None, language: str = DEFAULT_LANGUAGE) -> str:
    """What stands where a release's title is shown with its date beside or below it (the top heading, a
    contents entry): the title, or for a release with none the kind of document ("Press release"), never a line
    of its text. Every format needs that first, top-level heading (axe's page-has-heading-one, PDF/UA's H1
    first, an EPUB navigation entry); the date stands in the dateline, as under a title."""
    return title if title is not None else label("press-release", language)


@functools.lru_cache(maxsize=128)
def text_direction(language: str) -> Literal["ltr", "rtl"]:
    """Right-to-left ("rtl") for Arabic, Hebrew, Persian, Urdu…; else left-to-right ("ltr").

    An explicit script subtag decides ("pa-Arab" is right to left, "ar-Latn" left
    to right); otherwise CLDR's character order for the language; otherwise a
    short list of right-to-left languages.
    """
    subtags = _subtags(language)
    if not subtags:
        return "ltr"
    if len(subtags) > 1 and len(subtags[1]) == 4 and subtags[1].isalpha():  # BCP 47: a script follows the language
        return "rtl" if subtags[1] in _RTL_SCRIPTS else "ltr"
    locale = _locale(language)
    if isinstance(locale, _TableLocale):
        return "rtl" if locale.right_to_left else "ltr"
    if locale is not None:
        return "rtl" if locale.character_order == "right-to-left" else "ltr"
    return "rtl" if subtags[0] in _RTL_LANGUAGES else "ltr"


def _subtags(language: str) -> tuple[str, ...]:
    """The tag's subtags in their conventional case ("EN_gb" → "en", "GB"); () for a malformed tag.

    A BCP 47 tag is ASCII letters and digits in runs of one to eight, joined by "-" (POSIX "_"
    accepted). Anything else is never looked up, which also keeps odd strings such as
    "../x" out of the catalogue paths gettext builds.
    """
    first, *rest = parts = language.replace("_", "-").split("-")
    if not all(part.isascii() and part.isalnum() and len(part) <= 8 for part in parts):
        return ()
    return (first.lower(), *(subtag.title() if len(subtag) == 4 and subtag.isalpha() else
                             subtag.upper() if len(subtag) == 2 else subtag.lower() for subtag in rest))  # fmt: skip


def _candidates(language: str) -> tuple[tuple[str, ...], ...]:
    """The tag, then ever shorter prefixes of it (RFC 4647 lookup), for trying one after another.

    A prefix ending in a single-letter subtag (an extension or private-use marker
    such as "-u" or "-x") is skipped, as RFC 4647 says.
    """
    subtags = _subtags(language)
    if not subtags or subtags[0] in _UNDETERMINED:
        return ()
    return tuple(subtags[:end] for end in range(len(subtags), 0, -1) if len(subtags[end - 1]) > 1)


@dataclass(frozen=True, slots=True)
class _TableLocale:
    """What pressconv needs of one CLDR locale, read from `pressconv.cldr_dates` instead of Babel."""

    template: str
    wide_months: tuple[str, ...]
    abbreviated_months: tuple[str, ...]
    era: str
    right_to_left: bool

    def format_long_date(self, value: datetime.date) -> str:
        """The date in the locale's long form, exactly as `babel.dates.format_date(value, "long")` spells it."""
        month = value.month - 1
        return self.template.format(
            d=value.day, dd=f"{value.day:02d}", M=value.month, MM=f"{value.month:02d}", y=value.year, G=self.era,
            MMMM=self.wide_months[month], MMM=self.abbreviated_months[month] if self.abbreviated_months else "",
        )  # fmt: skip


def _table_locale(tag: str) -> _TableLocale | None:
    """The tag's entry in the generated CLDR table, if it has one."""
    from pressconv import cldr_dates

    row = cldr_dates.LOCALES.get(tag)
    if row is None:
        return None
    template, wide, abbreviated, era, right_to_left = row
    return _TableLocale(
        cldr_dates.TEMPLATES[template], cldr_dates.MONTHS[wide], cldr_dates.MONTHS[abbreviated] if abbreviated >= 0 else (),
        era, right_to_left,
    )  # fmt: skip


@functools.lru_cache(maxsize=128)
def _locale(language: str) -> _TableLocale | Locale | None:
    """The CLDR locale for the tag or its longest known prefix; None when there is none.

    Each candidate is looked up in the generated table first (no Babel import), then
    resolved by Babel ("iw" → "he", "zh-TW" → "zh-Hant-TW"), and what Babel resolved it
    to is read from the table again where the table has it: the table, not the installed
    Babel's data, decides every date it can.
    """
    for candidate in _candidates(language):
        tag = "-".join(candidate)
        known = _table_locale(tag)
        if known is not None:
            return known
        from babel import Locale, UnknownLocaleError

        try:
            locale = Locale.parse(tag, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
        return _table_locale("-".join(_subtags(str(locale)))) or locale
    return None


@functools.lru_cache(maxsize=64)
def _translations(language: str) -> gettext.NullTranslations:
    """The label catalogues for the tag and its prefixes, then English; the bare English labels when none exists."""
    import gettext

    names = ["_".join(candidate) for candidate in _candidates(language)]
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[*names, "en"], fallback=True)
