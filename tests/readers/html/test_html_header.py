"""The HTML reader's header lines: the text reader's marker words and dates, in every language both know."""

from __future__ import annotations

import datetime
import itertools

import pytest

from pressconv.readers.header import split_header
from pressconv.readers.html.header import is_lead_in, read_meta_line

WHEN = datetime.date(2024, 3, 7)

#: Marker words by kind, in the languages the text reader knows; each is tried with every date spelling.
PUBLISHED = ["Published", "Published on", "Posted on", "First published:", "Date published:", "Release date:",
             "Veröffentlicht am", "Publié le", "Publicado el", "Pubblicato il", "Gepubliceerd op", "Cyhoeddwyd",
             "Publicerad", "Publiceret", "Publisert", "Julkaistu"]  # fmt: skip
UPDATED = ["Updated", "Last updated", "Last updated:", "Modified", "Aktualisiert am", "Zuletzt aktualisiert",
           "Mis à jour le", "Actualizado el", "Atualizado em", "Aggiornato il", "Bijgewerkt op", "Oppdatert",
           "Uppdaterad", "Opdateret", "Päivitetty", "Diweddarwyd", "Diweddarwyd ddiwethaf"]  # fmt: skip
#: 7 March 2024 as pages spell it, in English and in the languages whose month names the date reader knows.
SPELLINGS = ["7 March 2024", "March 7, 2024", "07.03.2024", "7/3/2024", "2024-03-07", "7. März 2024", "7 mars 2024",
             "7 de marzo de 2024", "7 mrt 2024", "7 marzo 2024", "7 Mawrth 2024", "7. marts 2024"]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Aktualisiert am 03.07.2024", None, datetime.date(2024, 7, 3)),
        ("Bijgewerkt op 7 mrt 2024", None, WHEN),
        ("Actualizado el 3/7/2024", None, datetime.date(2024, 7, 3)),
        ("Publié le 7 mars 2024", WHEN, None),
        ("Published 7 March 2024 | Last updated 8 March 2024", WHEN, datetime.date(2024, 3, 8)),
    ],
)
def test_foreign_update_markers_give_the_update_not_the_publication(
    line: str, published: datetime.date | None, updated: datetime.date | None
) -> None:
    meta = read_meta_line(line)
    assert (meta.published, meta.updated, meta.is_meta) == (published, updated, True)


def _pairs(markers: list[str]) -> list[tuple[str, str]]:
    """Each marker once, the spellings in turn so each is used too (the spellings themselves are test_dates.py's subject)."""
    assert len(markers) >= len(SPELLINGS)
    return list(zip(markers, itertools.cycle(SPELLINGS), strict=False))


@pytest.mark.parametrize(("marker", "spelling"), _pairs(PUBLISHED))
def test_every_publication_marker_gives_the_publication_date(marker: str, spelling: str) -> None:
    meta = read_meta_line(f"{marker} {spelling}")
    assert (meta.published, meta.updated, meta.is_meta) == (WHEN, None, True)


@pytest.mark.parametrize(("marker", "spelling"), _pairs(UPDATED))
def test_every_update_marker_gives_the_update_date(marker: str, spelling: str) -> None:
    meta = read_meta_line(f"{marker} {spelling}")
    assert (meta.published, meta.updated, meta.is_meta) == (None, WHEN, True)


@pytest.mark.parametrize("marker", [*PUBLISHED, *UPDATED])
def test_the_text_reader_and_the_html_reader_read_a_marker_the_same_way(marker: str) -> None:
    line = f"{marker} 7 March 2024"
    header = split_header(["Council opens new depot", line, "The council opened its new depot today, it said."])
    meta = read_meta_line(line)
    assert (header.date, header.updated) == (meta.published, meta.updated)


@pytest.mark.parametrize("marker", [*PUBLISHED, *UPDATED, "From:", "By"])
def test_a_marker_alone_on_its_line_leads_into_the_next(marker: str) -> None:
    assert is_lead_in(marker)


@pytest.mark.parametrize("line", ["Date", "Council opens new depot", "7 March 2024"])
def test_other_lines_are_no_lead_in(line: str) -> None:
    assert not is_lead_in(line)
