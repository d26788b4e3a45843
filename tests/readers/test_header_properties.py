"""Headers built from parts — title × marker × date spelling × position × label × byline × issuer — are taken
apart again: the right title, date (unknown when the spelling names no year), byline, issuer, label and
update date, and the body exactly as written.

The generator is general on purpose: titles are drawn from word lists (some ending in numbers and years,
some in Title Case or capitals), dates are any real day rendered in one of many spellings, and each part
is placed in any of the positions scrapers put it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pressconv

PLACES = ["Northshire", "Eastmoor", "Kingsbridge", "Larne", "Tauranga", "Halden", "Westbury", "Ashby", "Kendal", "Yate"]
SUBJECTS = ["Council", "{place} Council", "Police", "Minister", "University", "Hospital trust", "Charity", "{place} Rovers",
            "Fire service", "Ministry", "Mayor", "Port authority", "Library service", "Health board"]  # fmt: skip
VERBS = ["opens", "approves", "launches", "welcomes", "announces", "backs", "confirms", "unveils", "completes", "funds"]
OBJECTS = ["new recycling depot", "town centre plan", "record funding for schools", "flood defences", "cycle lanes",
           "budget 2015", "plan for 2030", "phase 2 of bypass", "2024/25 budget", "top 10 walks", "winter appeal",
           "bridge repairs", "youth strategy", "route 66 upgrade", "new chief executive"]  # fmt: skip
FIRST_NAMES = ["Jane", "Tom", "Aroha", "Priya", "Tomasz", "Maria", "Siobhan", "Kwame", "Li", "Ahmed", "Ingrid", "José"]
SURNAMES = ["Smith", "Okafor", "Ngata", "Desai", "Nowak", "Lopez", "O'Brien", "Smith-Jones", "Chen", "de la Cruz", "MacLeod"]
ORGANISATIONS = ["Ministry of Transport", "Department for Education", "Office of the Mayor", "{place} City Council",
                 "{place} Police", "University of {place}", "{place} Fire and Rescue Service", "Regional Press Office",
                 "{place} Harbour Authority", "Acme Robotics Ltd"]  # fmt: skip
LABELS = ["PRESS RELEASE", "FOR IMMEDIATE RELEASE", "News release", "Media statement", "News Update", "Media Release",
          "Press Statement", "MEDIA ADVISORY"]  # fmt: skip
MARKERS = ["Published ", "Published: ", "Posted on ", "Posted On: ", "First published ", "Release date: ", "Date: ",
           "Issued: ", "PUBLISHED ", "published ", "Date published: ", "Published on "]  # fmt: skip
BODY = [
    "The council said the work would be finished by the end of the year.",
    "Residents can find out more at the library or online.",
    "A spokesperson said: “We are grateful to everyone who took part.”",
    "The scheme is funded by a grant of £2.4 million from the government.",
    "Officers would like to hear from anyone who saw what happened.",
    "The consultation closes on 3 May 2019 and all responses will be published.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
          "December"]  # fmt: skip
MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember"]  # fmt: skip
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
         "diciembre"]  # fmt: skip
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TIMES = ["", " at 9.30am", " 6:10PM", " | 11:00 GMT", " - 9:00", ", 10:00 BST", " 14:30", " at 2pm"]


def _ordinal(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _short(month: str) -> str:
    return month[:3]


def _dotted(month: str) -> str:
    return "May" if month == "May" else ("Sept." if month == "September" else f"{month[:3]}.")


# Each spelling renders a real day; `complete` says whether it names the year.
SPELLINGS: dict[str, tuple[bool, str]] = {
    "d Month Y": (True, "{d} {Month} {Y}"),
    "dth Month Y": (True, "{d}{ord} {Month} {Y}"),
    "dth of Month Y": (True, "{d}{ord} of {Month} {Y}"),
    "Weekday d Month Y": (True, "{Weekday} {d} {Month} {Y}"),
    "Wkd d Mon Y": (True, "{Wkd} {d} {Mon} {Y}"),
    "Weekday, Month d, Y": (True, "{Weekday}, {Month} {d}, {Y}"),
    "Month d, Y": (True, "{Month} {d}, {Y}"),
    "Mon. d, Y": (True, "{Mon.} {d}, {Y}"),
    "MONTH d, Y": (True, "{MONTH} {d}, {Y}"),
    "d Month, Y": (True, "{d} {Month}, {Y}"),
    "dd-Mon-Y": (True, "{dd}-{Mon}-{Y}"),
    "d. Month Y": (True, "{d}. {Month} {Y}"),
    "MONTH dTH. Y.": (True, "{MONTH} {d}{ORD}. {Y}."),
    "RFC 2822": (True, "{Wkd}, {dd} {Mon} {Y} 10:11:13 +0000"),
    "RFC 2822 zone name": (True, "{Wkd}, {dd} {Mon} {Y} 10:11:13 -0500 (EST)"),
    "ISO": (True, "{Y}-{mm}-{dd}"),
    "ISO T zone": (True, "{Y}-{mm}-{dd}T09:30:00+02:00"),
    "ISO T Z": (True, "{Y}-{mm}-{dd}T09:30:00Z"),
    "dd/mm/Y": (True, "{dd}/{mm}/{Y}"),
    "dd.mm.Y": (True, "{dd}.{mm}.{Y}"),
    "dd / mm / Y": (True, "{dd} / {mm} / {Y}"),
    "German d. Monat Y": (True, "{d}. {Monat} {Y}"),
    "Spanish d de mes de Y": (True, "{d} de {mes} de {Y}"),
    "French d mois Y": (True, "{d} {mois} {Y}"),
    "d Month": (False, "{d} {Month}"),
    "Mon. d": (False, "{Mon.} {d}"),
}


def render(day: datetime.date, spelling: str) -> str:
    month = MONTHS[day.month - 1]
    weekday = WEEKDAYS[day.weekday()]
    values = {
        "d": day.day, "dd": f"{day.day:02d}", "mm": f"{day.month:02d}", "Y": day.year, "ord": _ordinal(day.day),
        "ORD": _ordinal(day.day).upper(), "Month": month, "MONTH": month.upper(), "Mon": _short(month),
        "Mon.": _dotted(month), "Weekday": weekday, "Wkd": weekday[:3], "Monat": MONATE[day.month - 1],
        "mes": MESES[day.month - 1], "mois": MOIS[day.month - 1],
    }  # fmt: skip
    template = SPELLINGS[spelling][1]
    for key in sorted(values, key=len, reverse=True):  # "{Mon.}" before "{Mon}", "{dd}" before "{d}"
        template = template.replace("{" + key + "}", str(values[key]))
    return template


@dataclass
class Built:
    """A generated release and what the parser should find in it."""

    lines: list[str]
    title: str
    date: datetime.date | None
    body: list[str]
    byline: str | None = None
    issuer: str | None = None
    label: str | None = None
    updated: datetime.date | None = None


@st.composite
def titles(draw: st.DrawFn) -> str:
    place = draw(st.sampled_from(PLACES))
    words = [draw(st.sampled_from(SUBJECTS)).format(place=place), draw(st.sampled_from(VERBS)), draw(st.sampled_from(OBJECTS))]
    title = " ".join(words)
    title = title[0].upper() + title[1:]
    case = draw(st.sampled_from(["sentence", "sentence", "sentence", "title", "upper"]))
    if case == "title":
        title = " ".join(word[:1].upper() + word[1:] for word in title.split())
    elif case == "upper":
        title = title.upper()
    return title


@dataclass
class Parts:
    """The drawn parts of one header, before they are put on lines."""

    title: str
    day: datetime.date
    complete: bool
    date_text: str
    marker: str
    position: str
    label: str | None
    label_position: str
    byline: str | None
    byline_position: str
    issuer: str | None
    issuer_position: str
    updated: datetime.date | None
    body: list[str]


people = st.builds(lambda first, last: f"{first} {last}", st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES))


@st.composite
def dated(draw: st.DrawFn, spellings: tuple[str, ...]) -> tuple[datetime.date, bool, str]:
    """A real day, whether its spelling names the year, and the spelling (with a time of day, sometimes)."""
    day = draw(st.dates(datetime.date(1995, 1, 1), datetime.date(2030, 12, 31)))
    spelling = draw(st.sampled_from(spellings))
    text = render(day, spelling)
    complete = SPELLINGS[spelling][0]
    if complete and not spelling.startswith(("RFC", "ISO T")) and not text.endswith("."):
        text += draw(st.sampled_from(TIMES))
    return day, complete, text


@st.composite
def header_parts(draw: st.DrawFn, spellings: tuple[str, ...] = tuple(sorted(SPELLINGS))) -> Parts:
    title = draw(titles())
    day, complete, date_text = draw(dated(spellings))
    marker = draw(st.sampled_from(["", "", *MARKERS]))
    position = draw(st.sampled_from(["glued", "space", " - ", " – ", " | ", "below", "above"]))
    if not complete and not marker and position not in ("below", "above"):
        marker = "Published "  # a day with no year is only ever a date behind a marker or on a line of its own
    if position == "glued" and not marker:
        # "Budget 201512 March 2019" cannot be taken apart by anyone; nor can "DEPOTTUESDAY".
        assume(not title[-1].isdigit() and not (title.isupper() and date_text[:1].isalpha()))
    place = draw(st.sampled_from(PLACES))
    return Parts(
        title=title,
        day=day,
        complete=complete,
        date_text=date_text,
        marker=marker,
        position=position,
        label=draw(st.none() | st.sampled_from(LABELS)),
        label_position=draw(st.sampled_from(["above", "below", "prefix: ", "prefix – ", "prefix | ", "suffix | ", "suffix - "])),
        byline=draw(st.none() | people),
        byline_position=draw(st.sampled_from(["line", "with-date"])),
        issuer=draw(st.none() | st.sampled_from(ORGANISATIONS).map(lambda name: name.format(place=place))),
        issuer_position=draw(st.sampled_from(["below", "above", "by"])),
        updated=draw(st.none() | st.dates(day, datetime.date(2031, 12, 31))) if complete else None,
        body=draw(st.lists(st.sampled_from(BODY), min_size=1, max_size=3, unique=True)),
    )


def date_line(parts: Parts) -> str:
    """The date with its marker, and what scrapers put on the same line: the update date, the issuer, the byline."""
    text = parts.marker + parts.date_text
    if parts.updated is not None:
        text += " | Last updated " + render(parts.updated, "d Month Y")
    if parts.issuer is not None and parts.issuer_position == "by":
        text += f" by {parts.issuer}"  # "Posted On: 14 NOV 2023 6:10PM by Regional Press Office"
    if parts.byline is not None and parts.byline_position == "with-date":
        text = f"By {parts.byline} | {text}"
    return text


def assemble(parts: Parts) -> Built:
    """The header lines the parts make, in the positions drawn, then the body."""
    title_line = parts.title
    if parts.label and parts.label_position.startswith("prefix"):
        title_line = parts.label + parts.label_position.removeprefix("prefix") + title_line
    own_line = parts.position in ("below", "above")
    if not own_line:
        joint = {"glued": "", "space": " "}.get(parts.position, parts.position)
        if parts.byline is not None and parts.byline_position == "with-date" and joint == " ":
            joint = ""  # "TitleBy Jane Smith | Published …": a byline glued on, as scrapers do
        title_line += joint + date_line(parts)
    if parts.label and parts.label_position.startswith("suffix"):
        title_line += parts.label_position.removeprefix("suffix").rstrip() + " " + parts.label
    lines = [
        *([parts.issuer] if parts.issuer and parts.issuer_position == "above" else []),
        *([parts.label] if parts.label and parts.label_position == "above" else []),
        *([date_line(parts)] if parts.position == "above" else []),
        title_line,
        *([parts.label] if parts.label and parts.label_position == "below" else []),
        *([parts.issuer] if parts.issuer and parts.issuer_position == "below" else []),
        *([f"By {parts.byline}"] if parts.byline and parts.byline_position == "line" else []),
        *([date_line(parts)] if parts.position == "below" else []),
    ]
    return Built(
        lines + parts.body,
        parts.title,
        parts.day if parts.complete else None,
        parts.body,
        byline=parts.byline,
        issuer=parts.issuer,
        label=parts.label,
        updated=parts.updated,
    )


def headers(spellings: tuple[str, ...] = tuple(sorted(SPELLINGS))) -> st.SearchStrategy[Built]:
    return header_parts(spellings).map(assemble)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(headers())
def test_a_header_built_from_parts_is_taken_apart_again(built: Built) -> None:
    release = pressconv.parse("\n".join(built.lines) + "\n")
    found = {
        "title": release.title,
        "date": release.date,
        "byline": release.byline,
        "issuer": release.issuer,
        "label": release.label,
        "updated": release.updated,
        "body": list(release.paragraphs),
    }
    expected = {
        "title": built.title,
        "date": built.date,
        "byline": built.byline,
        "issuer": built.issuer,
        "label": built.label,
        "updated": built.updated,
        "body": built.body,
    }
    assert found == expected, "\n".join(built.lines)


@settings(max_examples=100, deadline=None)
@given(titles(), st.dates(datetime.date(1995, 1, 1), datetime.date(2030, 12, 31)), st.sampled_from(sorted(SPELLINGS)),
       st.lists(st.sampled_from(BODY), min_size=1, max_size=3, unique=True))  # fmt: skip
def test_a_date_inside_a_body_sentence_is_never_the_publication_date(
    title: str, day: datetime.date, spelling: str, body: list[str]
) -> None:
    """A date an editor reads as part of a sentence ("… closes on 3 May 2019 …") is the sentence's, wherever it
    stands. (A marker line of its own, "Published 3 May 2019", is the page's date even below the first paragraph,
    as on pages that print it at the foot: see the corpus's date-at-the-end releases.)"""
    sentence = f"The consultation will close on {render(day, spelling)} and every response will be read."
    lines = [title, body[0], sentence, *body[1:]]
    release = pressconv.parse("\n".join(lines) + "\n")
    assert (release.title, release.date) == (title, None)
    assert list(release.paragraphs) == lines[1:]


NO_YEAR = tuple(name for name, (complete, _) in SPELLINGS.items() if not complete)


@settings(max_examples=100, deadline=None)
@given(headers(NO_YEAR))
def test_a_day_with_no_year_is_never_completed(built: Built) -> None:
    release = pressconv.parse("\n".join(built.lines) + "\n")
    assert release.date is None
    assert "date-no-year" in {notice.code for notice in release.notices}


COPY_FORMS = ["{t}", "{T}", "[press-list] {t}", "[press-list] {T}", "{d}: {t}", "{t} | {site}", "{site} | {t}",
              "{t}Published {d}", "{T} PUBLISHED {d}", "Fwd: {t}"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(titles(), st.dates(datetime.date(1995, 1, 1), datetime.date(2030, 12, 31)), st.sampled_from(COPY_FORMS),
       st.sampled_from(PLACES), st.sampled_from(BODY))  # fmt: skip
def test_title_copies_go_and_body_sentences_stay(title: str, day: datetime.date, form: str, place: str, sentence: str) -> None:
    copy = form.format(t=title, T=title.upper(), d=render(day, "dd.mm.Y"), site=f"{place} Council")
    release = pressconv.clean(pressconv.parse(f"{title}\nPublished {render(day, 'd Month Y')}\n{sentence}\n{copy}\n")).release
    assert list(release.paragraphs) == [sentence]
    assert [removal.reason for removal in release.removed] == ["repeats-title"]
