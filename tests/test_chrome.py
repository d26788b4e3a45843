"""The page-chrome step: the web page's widgets go, every sentence of the release stays."""

from __future__ import annotations

import datetime

import pytest

import pressconv
from pressconv.lines import CHROME_PATTERNS, is_chrome
from pressconv.model import ContactBlock, EndMark, Heading, ListBlock, Paragraph, Release, Text

CHROME = [
    # Share, print, follow.
    "Share this page", "Share", "Share on Facebook", "Share on X", "Share on LinkedIn", "Share via email", "Tweet", "Print",
    "Print this page", "Email this page", "Follow us", "Follow us on Twitter", "Share: Facebook | X | LinkedIn | Email",
    "Facebook Twitter LinkedIn", "Share on Facebook (opens in new tab)", "Copy link", "Print this release", "Email this story",
    "Email this release",
    # Navigation.
    "Back to news", "Next article", "Previous article", "Related stories", "Related news", "Related links", "Return to top",
    "Skip to main content", "Home > News > Council agrees budget", "Home / News / 2024", "You are here: Home » News",
    "News › Press releases › 2024", "Read more", "More news",
    # Cookies, comments, feedback.
    "We use cookies to make this website work. By continuing you agree to our cookie policy.", "Accept all cookies",
    "Cookie settings", "Leave a comment", "Comments (0)", "No comments yet", "Is this page useful?", "Yes No",
    "Report a problem with this page",
    # Captions and alt text.
    "Image: Eastford Library reading room", "Photo: Northshire Police", "Picture caption", "[image]",
    "(Image credit: Getty Images)",
    "Pictured: Cllr Smith with pupils", "IMG_1234.jpg", "Click to enlarge",
    # Copyright and site notices.
    "© 2024 Northshire Council. All rights reserved.", "Copyright © 2024 Acme Inc.", "© Crown copyright",
    "This page was last reviewed on 3 May 2024", "You are using an outdated browser. Please upgrade to improve your experience.",
    "JavaScript is disabled in your browser.", "Tags: budget, council tax",
    # Welsh, French, German, Spanish.
    "Rhannu ar Facebook", "Argraffu", "Partager sur Facebook", "Imprimer", "Suivez-nous", "Retour aux actualités",
    "Auf Facebook teilen", "Drucken", "Nach oben", "Compartir en Twitter", "Imprimir", "Volver a noticias",
    # Cookie banners and their buttons, captions and copyright lines in Welsh, French, German and Spanish.
    "Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Webseite zu ermöglichen.",
    "Diese Website verwendet Cookies zu Analysezwecken. Mit Ihrer Einwilligung helfen Sie uns.",
    "Ce site utilise des cookies pour améliorer votre expérience de navigation.",
    "Nous utilisons des cookies pour mesurer l'audience du site.",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios y su experiencia.",
    "Este sitio web utiliza cookies para analizar la navegación.",
    "Rydym yn defnyddio cwcis i wneud i'r wefan hon weithio ac i gasglu gwybodaeth dadansoddi.",
    "Cwcis ar LLYW.CYMRU",
    "Alle akzeptieren", "Alle Cookies akzeptieren", "Alle ablehnen", "Cookie-Einstellungen", "Tout accepter", "Tout refuser",
    "Accepter les cookies", "Paramètres des cookies", "Aceptar todo", "Rechazar todas", "Configuración de cookies",
    "Derbyn y cyfan", "Gwrthod y cyfan", "Derbyn cwcis ychwanegol", "Gosodiadau cwcis",
    "Foto: Stadt Neustadt", "Bild: Polizei Nordstadt", "Bildnachweis: dpa", "Légende : le maire à l'inauguration",
    "Crédit photo : Ville de Lyon", "Imagen: Ayuntamiento de Sevilla", "Pie de foto: el alcalde", "Llun: Cyngor Caerdydd",
    "Delwedd: Heddlu Gogledd Cymru",
    "© 2024 Stadt Neustadt. Alle Rechte vorbehalten.", "Alle Rechte vorbehalten", "Tous droits réservés",
    "© Ville de Lyon – Tous droits réservés", "Todos los derechos reservados",
    "© 2024 Ayuntamiento. Todos los derechos reservados.",
    "Cedwir pob hawl", "Hawlfraint y Goron", "© 2024 Cyngor Caerdydd. Cedwir pob hawl.",
    "Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Webseite zu ermöglichen, und um Zugriffe zu analysieren. "
    "Mit Klick auf „Alle akzeptieren“ stimmen Sie dem zu. Details finden Sie in unserer Datenschutzerklärung.",
    "Rydym yn defnyddio cwcis hanfodol i wneud i'r wefan hon weithio. Hoffem osod cwcis ychwanegol i ddeall sut rydych yn "
    "defnyddio'r wefan, cofio eich gosodiadau a gwella gwasanaethau'r llywodraeth. Rydym hefyd yn defnyddio cwcis.",
    # A bullet or a separator before a widget does not hide it.
    "• Share on Facebook", "| Print |",
]  # fmt: skip

RELEASE_SENTENCES = [
    "Residents can share their views on Facebook until 3 May.",
    "Print copies of the plan are available at every library.",
    "The image of the town has changed over the last decade.",
    "Photo opportunities will be available at the opening.",
    "The council will share the data with the police.",
    "Follow the guidance at www.northshire.gov.uk/flu.",
    "Next steps",
    "Back pain clinic opens in Eastford",
    "Copyright law is changing.",
    "(c) the council will review the plan",
    'if a < b && c > d then ]]> "quoted"',
    "Tweets from the event were widely shared.",
    "Home to 300 families, the estate is over 40 years old.",
    "The library will print your documents for 10p a page.",
    "Cookies were on sale at the fair.",
    "Share prices rose by 4 per cent.",
    "We use cookies from local bakers in every hamper.",
    "Line",
    "Threads",
    # Release sentences in the other languages that mention cookies, photos, images or rights.
    "Wir verwenden Cookies aus der Bäckerei am Markt für jeden Präsentkorb.",
    "Nous utilisons des cookies de la boulangerie locale dans chaque panier.",
    "Utilizamos cookies de la panadería local en cada cesta.",
    "Rydym yn defnyddio cwcis o'r becws lleol ym mhob hamper.",
    "Das Foto zeigt die neue Brücke über den Fluss.",
    "La photo de classe sera prise le 3 mai.",
    "La imagen del puerto ha cambiado en diez años.",
    "Mae'r llun yn dangos y bont newydd.",
    "Die Rechte der Mieter bleiben unberührt.",
    "Tous les droits des locataires sont préservés par la loi.",
    "Los derechos de los vecinos están garantizados por el reglamento.",
    "Alle Bürgerinnen und Bürger sind eingeladen.",
]


@pytest.mark.parametrize("line", CHROME)
def test_lines_of_the_web_page_are_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize("line", RELEASE_SENTENCES)
def test_sentences_of_the_release_are_never_chrome(line: str) -> None:
    assert not is_chrome(line)


def test_patterns_are_data_with_one_name_per_kind() -> None:
    names = [name for name, _ in CHROME_PATTERNS]
    assert len(names) == len(set(names))
    assert {"widgets", "navigation", "cookies", "captions", "copyright", "site-notices"} <= set(names)


def make(*blocks: object) -> Release:
    return Release("Libraries open longer", datetime.date(2024, 7, 1), blocks)  # type: ignore[arg-type]


def test_chrome_is_removed_and_reported_with_its_place_and_text() -> None:
    release = make("Share this page", "Libraries will open for longer.", "Back to news")
    cleaned, removed = pressconv.clean(release)
    assert cleaned.paragraphs == ("Libraries will open for longer.",)
    assert [(r.paragraph, r.reason, r.text, r.duplicate_of) for r in removed] == [
        (1, "page-chrome", "Share this page", None),
        (3, "page-chrome", "Back to news", None),
    ]
    assert removed[0].message == "paragraph 1 is part of the web page, not the release ('Share this page')"


def test_chrome_goes_from_headings_lists_and_contact_blocks_but_end_marks_stay() -> None:
    release = make(
        Paragraph("Libraries will open for longer."),
        Heading("Related stories"),
        ListBlock((Text("Share on Facebook"), Text("Longer hours on Sundays"))),
        EndMark("ENDS"),
        ContactBlock((Text("Tel: 01632 960123"), Text("Follow us")), heading="Media contact:"),
    )
    cleaned = pressconv.clean(release).release
    assert cleaned.blocks == (
        Paragraph("Libraries will open for longer."),
        ListBlock((Text("Longer hours on Sundays"),)),
        EndMark("ENDS"),
        ContactBlock((Text("Tel: 01632 960123"),), heading="Media contact:"),
    )


def test_one_word_labels_in_a_list_are_items_of_the_release() -> None:
    channels = ListBlock((Text("Facebook"), Text("Instagram"), Text("Print")))
    release = make(Paragraph("Follow the campaign on:"), channels, Paragraph("Print"))
    cleaned = pressconv.clean(release).release
    assert cleaned.blocks == (Paragraph("Follow the campaign on:"), channels)


def test_one_word_items_after_a_widget_heading_are_widgets_too() -> None:
    release = make(
        Paragraph("Libraries will open for longer."),
        Paragraph("Share this:"),
        ListBlock((Text("Twitter"), Text("Facebook"))),
        Paragraph("Like this:"),
    )
    assert pressconv.clean(release).release.blocks == (Paragraph("Libraries will open for longer."),)


def test_keep_chrome_skips_the_step() -> None:
    release = make("Share this page", "Libraries will open for longer.")
    assert pressconv.clean(release, skip={"page-chrome"}).release.paragraphs == release.paragraphs


def test_a_repeated_widget_is_reported_as_chrome_not_as_a_repeat() -> None:
    release = make("Print", "Libraries will open for longer.", "Print")
    assert [r.reason for r in pressconv.clean(release).removed] == ["page-chrome", "page-chrome"]


def test_cleaning_twice_removes_nothing_more() -> None:
    once = pressconv.clean(make(*CHROME[:10], *RELEASE_SENTENCES)).release
    assert once.paragraphs == tuple(RELEASE_SENTENCES)
    assert pressconv.clean(once).removed == ()
