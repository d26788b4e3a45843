"""The header recognisers, shape by shape: what the first lines give (title, dates, byline, issuer, label)
and where the body starts. Fixtures show whole releases; these pin each shape and its relatives."""

from __future__ import annotations

import datetime

import pytest

from pressconv.keys import typographic_key
from pressconv.lines import is_title_copy
from pressconv.readers import dates
from pressconv.readers.header import Header, dateline, split_header

BODY = "The council said the work would be finished by the end of the year."
MARCH_12 = datetime.date(2019, 3, 12)
TITLE = "Council opens new depot"


def read(text: str, **options: bool) -> Header:
    return split_header(text.split("\n"), **options)


def parts(header: Header) -> dict[str, object]:
    found = {"title": header.title, "date": header.date, "updated": header.updated, "byline": header.byline,
             "issuer": header.issuer, "label": header.label, "body_start": header.body_start}  # fmt: skip
    return {key: value for key, value in found.items() if value is not None}


def codes(header: Header) -> set[str]:
    return {notice.code for notice in header.notices}


@pytest.mark.parametrize(
    "text",
    [
        f"{TITLE}12 March 2019\n{BODY}",
        f"{TITLE}Tuesday 12 March 2019\n{BODY}",
        f"{TITLE} 12 March 2019\n{BODY}",
        f"{TITLE} – 12 March 2019\n{BODY}",
        f"{TITLE} - 12/03/2019\n{BODY}",
        f"{TITLE} | 12/03/2019\n{BODY}",
        f"{TITLE} (12 March 2019)\n{BODY}",
        f"{TITLE}, 12 March 2019\n{BODY}",
        f"{TITLE}Published 12/03/2019\n{BODY}",
        f"{TITLE} PUBLISHED 12 MARCH 2019\n{BODY}",
        f"{TITLE}Posted on 12 March 2019\n{BODY}",
        f"{TITLE} - Published: Tuesday, 12 March 2019 - 10:30am\n{BODY}",
        f"{TITLE}Date: 12/03/2019\n{BODY}",
        f"12 March 2019 | {TITLE}\n{BODY}",
        f"{TITLE} Published: 12/03/2019\n{BODY}",
        f"{TITLE} - Published on 12/03/2019\n{BODY}",
        f"{TITLE} published 12 March 2019\n{BODY}",
        f"{TITLE} Date published: 12/03/2019\n{BODY}",
        f"{TITLE} Release date: 12/03/2019\n{BODY}",
        f"{TITLE} Published date: 12 March 2019\n{BODY}",
    ],
)
def test_a_date_on_the_title_line(text: str) -> None:
    assert parts(read(text)) == {"title": TITLE, "date": MARCH_12, "body_start": 1}


@pytest.mark.parametrize(
    "date_line",
    ["12 March 2019", "Published 12 March 2019", "Posted on 12 March 2019", "Posted On: 12 MAR 2019 6:10PM",
     "First published 12 March 2019", "Release date: 12/03/2019", "Date: 12.03.2019", "Issued: 12 March 2019",
     "Date published: 2019-03-12", "Dated 12 March 2019", "PUBLISHED: 12/03/2019", "Tue 12 Mar 2019 | 11:00 GMT",
     "Tue, 12 Mar 2019 10:11:13 +0000", "2019-03-12T09:30:00+01:00", "Published on: March 12th, 2019 @ 10:30",
     "Date: 12/03/2019 Time: 10:00"],
)  # fmt: skip
def test_a_date_line_below_or_above_the_title(date_line: str) -> None:
    assert parts(read(f"{TITLE}\n{date_line}\n{BODY}")) == {"title": TITLE, "date": MARCH_12, "body_start": 2}
    assert parts(read(f"{date_line}\n{TITLE}\n{BODY}")) == {"title": TITLE, "date": MARCH_12, "body_start": 2}


@pytest.mark.parametrize(
    "label",
    ["PRESS RELEASE", "FOR IMMEDIATE RELEASE", "News release", "Media statement", "News Update", "Media Release",
     "MEDIA ADVISORY", "Statement", "NEWS", "Press release No. 45/2019", "Pressemitteilung", "Communiqué de presse",
     "EMBARGOED UNTIL 00:01 12 MARCH 2019"],
)  # fmt: skip
def test_a_label_is_never_the_title(label: str) -> None:
    for text in (f"{label}\n{TITLE}\n{BODY}", f"{TITLE}\n{label}\n{BODY}"):
        header = read(text)
        assert (header.title, header.label, header.body_start) == (TITLE, label, 2)
        assert "label-dropped" in codes(header)


@pytest.mark.parametrize(
    ("title_line", "label"),
    [
        (f"PRESS RELEASE: {TITLE}", "PRESS RELEASE"),
        (f"News release – {TITLE}", "News release"),
        (f"{TITLE} - Press Release", "Press Release"),
        (f"{TITLE} | News | 12 March 2019", "News"),
        (f"{TITLE} PRESS RELEASE", "PRESS RELEASE"),
        (f"UPDATE: {TITLE}", "UPDATE"),
    ],
)
def test_a_label_on_the_title_line(title_line: str, label: str) -> None:
    header = read(f"{title_line}\n{BODY}")
    assert (header.title, header.label) == (TITLE, label)


def test_a_title_that_only_starts_like_a_label_keeps_it() -> None:
    assert read(f"Update: road reopened after crash\n{BODY}").title == "Update: road reopened after crash"
    assert read(f"Statement from the Chief Constable\n{BODY}").title == "Statement from the Chief Constable"
    assert read(f"News from the allotments\n{BODY}").label is None


def test_the_update_date_is_kept_apart() -> None:
    header = read(f"{TITLE}\nPublished 12 March 2019 | Last updated 14 March 2019\n{BODY}")
    assert (header.date, header.updated) == (MARCH_12, datetime.date(2019, 3, 14))
    header = read(f"{TITLE}\nPublished: 12 March 2019 (updated 14 March 2019)\n{BODY}")
    assert (header.date, header.updated) == (MARCH_12, datetime.date(2019, 3, 14))
    header = read(f"{TITLE}\nLast modified on 14 March 2019\n{BODY}")
    assert (header.date, header.updated) == (None, datetime.date(2019, 3, 14))  # an update is not a publication


@pytest.mark.parametrize(
    ("published", "updated"),
    [("Cyhoeddwyd", "Diweddarwyd"), ("Cyhoeddwyd", "Diweddarwyd ddiwethaf"), ("Julkaistu", "Päivitetty")],
)
def test_publication_and_update_markers_come_in_pairs(published: str, updated: str) -> None:
    header = read(f"{TITLE}\n{published} 12/03/2019 | {updated} 14/03/2019\n{BODY}")
    assert (header.date, header.updated) == (MARCH_12, datetime.date(2019, 3, 14))


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        (f"{TITLE}\nBy Jane Smith\n{BODY}", "Jane Smith"),
        (f"{TITLE}\nBY JANE SMITH\n{BODY}", "JANE SMITH"),
        (f"{TITLE}\nBy Jane Smith, Health Correspondent\n{BODY}", "Jane Smith, Health Correspondent"),
        (f"{TITLE}\nAuthor: Siobhan O'Brien\n{BODY}", "Siobhan O'Brien"),
        (f"{TITLE}\nWritten by José de la Cruz\n{BODY}", "José de la Cruz"),
        (f"{TITLE}By Jane Smith\n{BODY}", "Jane Smith"),
        (f"{TITLE} By Jane Smith\n{BODY}", "Jane Smith"),
        (f"{TITLE} | By Jane Smith\n{BODY}", "Jane Smith"),
    ],
)
def test_bylines(text: str, byline: str) -> None:
    header = read(text)
    assert (header.title, header.byline, header.body_start) == (TITLE, byline, text.count("\n"))
    assert "byline-found" in codes(header)


@pytest.mark.parametrize(
    "text",
    [
        f"{TITLE}\nBy Jane Smith | Published: 2019-03-12\n{BODY}",
        f"{TITLE}By Jane Smith | Published: 2019-03-12\n{BODY}",
        f"{TITLE}\nBy Jane Smith, 12 March 2019\n{BODY}",
        f"{TITLE}\nPublished 12 March 2019 by Jane Smith\n{BODY}",
        f"{TITLE}\nJane Smith\n12 March 2019\n{BODY}",
        f"{TITLE}\nJane Smith | 12 March 2019\n{BODY}",
    ],
)
def test_a_byline_beside_the_date(text: str) -> None:
    header = read(text)
    assert (header.title, header.date, header.byline) == (TITLE, MARCH_12, "Jane Smith")


@pytest.mark.parametrize("title", ["Man Bitten By Dog", "Man Bitten By Stray Dog", "MAN BITTEN BY STRAY DOG"])
def test_by_in_a_title_case_headline_is_not_a_byline(title: str) -> None:
    assert (read(f"{title}\n{BODY}").title, read(f"{title}\n{BODY}").byline) == (title, None)


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (f"{TITLE}\nMinistry of Transport\n12 March 2019\n{BODY}", "Ministry of Transport"),
        (f"{TITLE}\nOffice of the Mayor\nPublished 12 March 2019\n{BODY}", "Office of the Mayor"),
        (f"{TITLE}\n12 March 2019\nNorthshire County Council\n{BODY}", "Northshire County Council"),
        (f"Avon and Somerset Police\n{TITLE}\n12 March 2019\n{BODY}", "Avon and Somerset Police"),
        (f"MINISTRY OF HEALTH\nPRESS RELEASE\n{TITLE}\n12 March 2019\n{BODY}", "MINISTRY OF HEALTH"),
        (f"{TITLE}\nFrom: Department for Transport\nPublished 12 March 2019\n{BODY}", "Department for Transport"),
        (f"{TITLE}\nPosted On: 12 MAR 2019 6:10PM by Regional Press Office\n{BODY}", "Regional Press Office"),
        (f"{TITLE}\nPosted On: 12 MAR 2019 6:10PM by PIB Delhi\n{BODY}", "PIB Delhi"),
        (f"{TITLE}\nPublished by Ministry of Transport on 12 March 2019\n{BODY}", "Ministry of Transport"),
        (f"{TITLE}\nMinistry of Transport | 12 March 2019\n{BODY}", "Ministry of Transport"),
    ],
)
def test_issuers(text: str, issuer: str) -> None:
    header = read(text)
    assert (header.title, header.date, header.issuer) == (TITLE, MARCH_12, issuer)
    assert "issuer-found" in codes(header)


@pytest.mark.parametrize(
    "text",
    [
        "Ministry of Defence\nThe ministry said today that it would go ahead.",
        "Record Numbers Visit Museum\nThe museum had 40,000 visitors in August.",
        "Funding Boost For Local Fire Service\nThe service gets £2m.",
        "COUNCIL OPENS NEW DEPOT\nThe depot opened today.",
        "About Northshire Council\nThe council runs services for 300,000 people.",
    ],
)
def test_an_organisation_looking_title_stays_the_title(text: str) -> None:
    header = read(text)
    assert (header.title, header.issuer, header.body_start) == (text.split("\n", maxsplit=1)[0], None, 1)


def test_an_organisation_line_above_a_title_is_the_issuer() -> None:
    header = read(f"Ministry of Transport\n{TITLE}\n{BODY}")
    assert (header.title, header.issuer, header.body_start) == (TITLE, "Ministry of Transport", 2)


@pytest.mark.parametrize(
    ("first", "day"),
    [
        ("LONDON, 12 March 2019 – The council opened a depot.", MARCH_12),
        ("WASHINGTON (October 2, 2023) — The agency said.", datetime.date(2023, 10, 2)),
        ("CARDIFF, 12 March 2019: The council opened a depot.", MARCH_12),
        ("CARDIFF, 12 March 2019. The council opened a depot.", MARCH_12),
        ("NEW YORK, March 7, 2014 /PRNewswire/ -- Acme Corp said.", datetime.date(2014, 3, 7)),
        ("ST. PAUL, Minn., March 7, 2014 -- Acme Corp said.", datetime.date(2014, 3, 7)),
        ("Washington, D.C. — March 7, 2014 — The agency said.", datetime.date(2014, 3, 7)),
        ("(LONDON, 12 March 2019) – The council opened a depot.", MARCH_12),
        ("BRUSSELS/LONDON, 12.03.2019 – The council opened a depot.", MARCH_12),
        ("LONDON 12 March 2019 – The council opened a depot.", MARCH_12),
        ("12 March 2019 – The council opened a depot.", MARCH_12),
        ("12 March 2019, London – The council opened a depot.", MARCH_12),
    ],
)
def test_a_dateline_gives_the_date_the_header_lacks(first: str, day: datetime.date) -> None:
    header = read(f"{TITLE}\n{first}\n{BODY}")
    assert (header.title, header.date, header.body_start) == (TITLE, day, 1)
    assert "date-from-dateline" in codes(header)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("LYON, le 4 févr. 2021 /Fil Presse/ - La société annonce un accord.", datetime.date(2021, 2, 4)),
        ("NANTES , le 9 nov. 2024 FPX - Après une année calme, la ville agrandit son port.", datetime.date(2024, 11, 9)),
        ("DENTON, TX / NEWSDESK / June 3, 2022 / Brightwell Inc. announced a merger.", datetime.date(2022, 6, 3)),
        ("Halifax, Nova Scotia--(Wirecast Corp. - May 5, 2021) - Harbour Ltd. said.", datetime.date(2021, 5, 5)),
        ("(newsportal) - Bremen, 14. Mai 2018 - Die Firma meldet einen Rekord.", datetime.date(2018, 5, 14)),
        ("Graz, 3. April 2012 (ABC-PD) \"Wir haben gewartet\", sagte sie.", datetime.date(2012, 4, 3)),
        ("Aarhus, 9 June 2016 Fjordline A/S announces results for the quarter.", datetime.date(2016, 6, 9)),
        ("Ourense, 2 de abril de 2016.- La Diputación informa a los vecinos.", datetime.date(2016, 4, 2)),
        ("03/05/2022 TRENTO – 12 persone sono state fermate nel corso della notte.", datetime.date(2022, 5, 3)),
        ("      JUN 4, 2001, Wire Services - Boston -- The association said.", datetime.date(2001, 6, 4)),
        ("Moncton, New Brunswick Wirenews – July 8, 2024 Acadia Ltd. (TSXV: ACD) said.", datetime.date(2024, 7, 8)),
    ],
)
def test_datelines_of_the_wires_and_of_other_languages(line: str, day: datetime.date) -> None:
    found = dateline(line)
    assert found is not None
    assert dates.read_match(found)[0] == day


@pytest.mark.parametrize(
    "line",
    [
        "The council said on 12 March 2019 that the depot would open.",
        "Copenhagen is lovely, 12 March 2019 was a sunny day.",
        "London, the council said - 12 March 2019 was the day.",
    ],
)
def test_a_date_in_a_sentence_is_no_dateline(line: str) -> None:
    assert dateline(line) is None


@pytest.mark.parametrize(
    "title",
    [
        "Procès-verbal du conseil syndical du 3 avril 2017",
        "PROCÈS-VERBAL DU CONSEIL SYNDICAL DU 3 avril 2017",
        "Rede des Landrats zur Kreistagssitzung am 3. April 2017",
        "Discours de la ministre à Rouen le 3 avril 2017",
        "ACTA DA SESSÃO PLENÁRIA DE 3 DE ABRIL DE 2017",
    ],
)
def test_a_date_a_title_leads_into_with_a_short_word_is_the_titles(title: str) -> None:
    header = read(f"{title}\n{BODY}")
    assert (header.title, header.date) == (title, None)


@pytest.mark.parametrize(
    "line",
    [
        "Dossier de presse, le 3 avril 2017",  # behind a comma: the kit's date stamp
        "Budget Day In The City 3 April 2017",  # a word in Title Case, not a preposition
        "Arrêté n°42 du 3 avril 2017",  # behind a number: the document's own date
    ],
)
def test_a_date_after_a_short_word_that_leads_into_nothing_is_the_headers(line: str) -> None:
    assert read(f"{line}\n{BODY}").date == datetime.date(2017, 4, 3)


def test_a_dateline_does_not_replace_the_header_date() -> None:
    header = read(f"{TITLE}\nPublished 14 March 2019\nLONDON, 12 March 2019 – The council opened a depot.")
    assert header.date == datetime.date(2019, 3, 14)
    assert "date-from-dateline" not in codes(header)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (f"{TITLE}\nPublished Nov. 3\n{BODY}", "date-no-year"),
        (f"{TITLE}\nTuesday 3 November\n{BODY}", "date-no-year"),
        (f"{TITLE}\nWASHINGTON, Nov. 3 — The agency said.\n{BODY}", "date-no-year"),
        (f"{TITLE}\nLONDON, March 12 (Reuters) - The council said.\n{BODY}", "date-no-year"),
        (f"{TITLE}\nPublished March 2019\n{BODY}", "date-unreadable"),
        (f"{TITLE}\nPublished 31/02/2019\n{BODY}", "date-invalid"),
        (f"{TITLE}\nThe consultation closes on 3 May 2019.\n{BODY}", "date-missing"),
        (f"{TITLE}\n{BODY}\nPublished 12 March 2019", "date-missing"),
        (f"{TITLE}\nIn London, 12 March 2019 – the council said.\n{BODY}", "date-missing"),
        (f"{TITLE}\nEMBARGOED UNTIL 00:01 12 MARCH 2019\n{BODY}", "date-missing"),
        (f"Roads closed until 12 March 2019\n{BODY}", "date-missing"),
        (f"Council to open depot in March 2019\n{BODY}", "date-missing"),
    ],
)
def test_never_guess(text: str, code: str) -> None:
    header = read(text)
    assert header.date is None
    assert code in codes(header)


@pytest.mark.parametrize(
    "title",
    ["Budget 2015", "Council sets 2024/25 budget", "Top 10 walks", "Plan for 2030", "Route 66 upgrade", "Phase 2"],
)
def test_a_title_ending_in_a_number_keeps_it_and_the_date_after_it_still_counts(title: str) -> None:
    assert (read(f"{title}\n{BODY}").title, read(f"{title}\n{BODY}").date) == (title, None)
    for joint in (" ", " - ", " | ", "Published "):
        header = read(f"{title}{joint}12/03/2019\n{BODY}")
        assert (header.title, header.date) == (title, MARCH_12)


def test_a_title_that_begins_with_a_date_keeps_it() -> None:
    assert read(f"7 March 2014 election results announced\n{BODY}").title == "7 March 2014 election results announced"


def test_the_title_line_again_below_the_title_is_header() -> None:
    header = read(f"{TITLE}\n{TITLE} Published 12 March 2019\n{BODY}")
    assert (header.title, header.date, header.body_start) == (TITLE, MARCH_12, 2)


def test_the_body_starts_at_the_first_line_that_is_not_header() -> None:
    lines = ["PRESS RELEASE", "Ministry of Transport", TITLE, "By Jane Smith", "Posted on 12 March 2019", BODY, BODY]
    header = split_header(lines)
    assert parts(header) == {"title": TITLE, "date": MARCH_12, "byline": "Jane Smith", "issuer": "Ministry of Transport",
                             "label": "PRESS RELEASE", "body_start": 5}  # fmt: skip


def test_what_follows_the_header_never_changes_it() -> None:
    short = [TITLE, "12 March 2019", BODY]
    long = [*short, *(["Published 1 January 2000", "By Somebody Else", "PRESS RELEASE", BODY] * 500)]
    assert split_header(short) == split_header(long)


def test_a_very_long_first_line_is_the_title() -> None:
    line = "word " * 20_000 + "Published 12/03/2019"
    header = split_header([line.strip(), BODY])
    assert header.date == MARCH_12


@pytest.mark.parametrize(
    ("text", "copy"),
    [
        (TITLE, TITLE.upper()),
        (TITLE, f"[press-list] {TITLE}"),
        (TITLE, f"[press-list] {TITLE.upper()}"),
        (TITLE, f"Fwd: {TITLE}"),
        (TITLE, f"14.02.2023: {TITLE}"),
        (TITLE, f"14 February 2023 - {TITLE}"),
        (TITLE, f"Northshire Council | {TITLE}"),
        (TITLE, f"Northshire Council – {TITLE}"),
        (TITLE, f"{TITLE} - Northshire Council"),
        (TITLE, f"{TITLE} | Northshire Council"),
        (TITLE, f"{TITLE}Published 14/02/2023"),
        (TITLE, f"{TITLE.upper()} PUBLISHED 14/02/2023"),
        (TITLE, f"{TITLE} By Jane Smith"),
        (TITLE, f"PRESS RELEASE: {TITLE}"),
    ],
)
def test_title_copies(text: str, copy: str) -> None:
    assert is_title_copy(copy, text, datetime.date(2023, 2, 14), key=typographic_key(copy), title_key=typographic_key(text))


@pytest.mark.parametrize(
    "line",
    [
        f"{TITLE}, says leader",
        f"{TITLE}s across the county",
        f"{TITLE} in Northshire and two more next year.",
        f"15.02.2023: {TITLE}",
        f"The {TITLE.lower()}",
        f"Leader says - {TITLE}",
        f"{TITLE} - Jane Smith",
        "Council opens",
        f"{TITLE} - Published 15/02/2023",
    ],
)
def test_not_title_copies(line: str) -> None:
    date = datetime.date(2023, 2, 14)
    assert not is_title_copy(line, TITLE, date, key=typographic_key(line), title_key=typographic_key(TITLE))


def test_month_first_reaches_every_date_in_the_header() -> None:
    header = read(f"{TITLE}\nPublished 03/12/2019 | Last updated 03/14/2019\n{BODY}", month_first=True)
    assert (header.date, header.updated) == (MARCH_12, datetime.date(2019, 3, 14))
    assert read(f"{TITLE}\nWASHINGTON, 03/12/2019 -- The agency said.", month_first=True).date == MARCH_12


def test_a_release_of_header_parts_only_is_not_refused() -> None:
    assert (read("By Jane Smith").title, read("By Jane Smith").body_start) == ("By Jane Smith", 1)
    assert read("PRESS RELEASE").title == "PRESS RELEASE"
    assert read("Published 07/03/2014").title == ""  # a date and nothing else: the reader refuses it


def test_a_dateline_below_a_subheading_still_opens_the_first_paragraph() -> None:
    subheading = "New product cuts energy use by 40 percent"
    header = read(f"{TITLE}\n{subheading}\nSPRINGFIELD, Ill., March 7, 2014 /PRNewswire/ -- Acme said.\n{BODY}")
    assert (header.date, header.body_start) == (datetime.date(2014, 3, 7), 1)
    # Below a sentence, it is the second paragraph: not read.
    assert read(f"{TITLE}\n{BODY}\nLONDON, 12 March 2019 – The council said.").date is None


def test_rules_inside_the_header_are_layout() -> None:
    assert parts(read(f"*****\n{TITLE}\n{BODY}")) == {"title": TITLE, "body_start": 2}
    assert parts(read(f"{TITLE}\n-----\nPublished 12 March 2019\n{BODY}")) == {"title": TITLE, "date": MARCH_12, "body_start": 3}
    assert parts(read(f"{TITLE}\n***\n{BODY}")) == {"title": TITLE, "body_start": 1}  # before the body: the body's
