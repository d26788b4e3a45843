"""Synthetic releases with known line roles, for training the role labeller on the shapes the project promises.

The annotated corpus holds real page shapes, but few of the plain, short header shapes every scraper produces
and the text reader has always read ("Title" + "Published 12/03/2019" + body; a label above the title; a date
glued to it; a byline; two-line releases). These are generated here from parts — invented titles and
sentences, CLDR's long dates in each language (`pressconv.l10n`), numeric spellings, marker words — with a
fixed seed, so training stays deterministic. They teach the model the grammar's own shapes; the corpus
teaches it the web's.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

from pressconv.l10n import format_date

#: Invented headlines and sentences by language (no real release's words).
TITLES = {
    "en": [
        "Council opens new recycling depot",
        "Police appeal after town centre burglary",
        "University wins funding for flood research",
        "Hospital trust extends visiting hours",
        "Charity launches winter coat drive",
        "Club confirms new head coach",
        "Minister announces rural broadband plan",
        "Record numbers visit county museum",
    ],
    "fr": [
        "La mairie ouvre une nouvelle déchetterie",
        "Appel à témoins après un cambriolage",
        "Le département renforce les transports scolaires",
    ],
    "de": ["Stadt eröffnet neuen Wertstoffhof", "Polizei sucht Zeugen nach Einbruch", "Landkreis erweitert Busverbindungen"],
    "es": [
        "El Ayuntamiento abre un nuevo punto limpio",
        "La Policía busca testigos de un robo",
        "La universidad recibe fondos para investigar",
    ],
    "cy": ["Cyngor yn agor depo ailgylchu newydd", "Heddlu yn apelio am wybodaeth"],
    "nl": ["Gemeente opent nieuw milieupark", "Politie zoekt getuigen van inbraak"],
    "it": ["Il Comune apre una nuova isola ecologica", "La Polizia cerca testimoni dopo un furto"],
    "sv": ["Kommunen öppnar ny återvinningscentral", "Polisen söker vittnen efter inbrott"],
    "fi": ["Kaupunki avaa uuden kierrätysaseman", "Poliisi pyytää havaintoja murrosta"],
    "pt": ["Câmara abre novo ecoponto", "Polícia procura testemunhas de assalto"],
}
SENTENCES = {
    "en": [
        "The depot will open on Monday and accept garden waste, wood and electrical items.",
        "Residents can book a slot online or by calling the council's contact centre.",
        "A spokesperson said: “We are grateful to everyone who took part in the consultation.”",
        "The work is expected to be finished by the end of the year, subject to the weather.",
        "Anyone with information is asked to call 101, quoting the reference number.",
        "The scheme has been funded by a grant of £2 million from the regional fund.",
        "More details are available on the council's website and in local libraries.",
    ],
    "fr": [
        "Le site sera ouvert du lundi au samedi et acceptera les déchets verts.",
        "Les habitants peuvent prendre rendez-vous en ligne.",
        "Les travaux devraient être terminés avant la fin de l'année.",
    ],
    "de": [
        "Der Hof ist ab Montag geöffnet und nimmt Grünschnitt und Holz an.",
        "Bürgerinnen und Bürger können online einen Termin buchen.",
        "Die Arbeiten sollen bis Ende des Jahres abgeschlossen sein.",
    ],
    "es": [
        "El punto limpio abrirá el lunes y aceptará restos de poda y muebles.",
        "Los vecinos pueden pedir cita por internet.",
        "Las obras terminarán antes de que acabe el año.",
    ],
    "cy": ["Bydd y depo yn agor ddydd Llun ac yn derbyn gwastraff gardd.", "Gall trigolion archebu slot ar-lein."],
    "nl": [
        "Het milieupark gaat maandag open en neemt groenafval en hout aan.",
        "Inwoners kunnen online een tijdslot reserveren.",
    ],
    "it": ["L'isola ecologica aprirà lunedì e accetterà rifiuti verdi e legno.", "I cittadini possono prenotare online."],
    "sv": ["Centralen öppnar på måndag och tar emot trädgårdsavfall och trä.", "Invånare kan boka en tid på nätet."],
    "fi": ["Asema avataan maanantaina, ja sinne voi tuoda puutarhajätettä.", "Asukkaat voivat varata ajan verkossa."],
    "pt": [
        "O ecoponto abre na segunda-feira e aceita resíduos verdes e madeira.",
        "Os moradores podem marcar hora pela internet.",
    ],
}
MARKERS = {
    "en": ["Published", "Published:", "Posted on", "Date:", "Released", "Issued:"],
    "fr": ["Publié le"],
    "de": ["Veröffentlicht am"],
    "es": ["Publicado el", "Fecha:"],
    "cy": ["Cyhoeddwyd"],
    "nl": ["Gepubliceerd op"],
    "it": ["Pubblicato il"],
    "sv": ["Publicerad"],
    "fi": ["Julkaistu"],
    "pt": ["Publicado em"],
}
UPDATED = {"en": ["Last updated", "Updated:"], "fr": ["Mis à jour le"], "de": ["Aktualisiert am"], "es": ["Actualizado el"]}
LABELS = [
    "PRESS RELEASE",
    "FOR IMMEDIATE RELEASE",
    "News",
    "Media release",
    "Pressemitteilung",
    "Communiqué de presse",
    "Nota de prensa",
    "Datganiad i'r wasg",
    "Persbericht",
    "Tiedote",
]
CHROME = [
    "Home",
    "News",
    "Share this page",
    "Print",
    "Back to news",
    "Home > News > Press releases",
    "Facebook",
    "Twitter",
    "Email this page",
    "Accueil",
    "Startseite",
    "Inicio",
    "Partager",
    "Teilen",
    "Compartir",
    "Skip to main content",
]
NAMES = ["Jane Smith", "Alex Moreno", "Priya Shah", "Tom Hughes", "Marie Dupont", "Jonas Berg"]
END_MARKS = ["ENDS", "-ends-", "###", "-30-", "Ends", "FIN", "Ende", "Diwedd"]
NOTES = ["Notes to editors", "Notes for editors", "Nodiadau i olygyddion", "Hinweise für die Redaktion", "Note aux rédactions"]
CONTACT_HEADINGS = ["Media contact:", "Media enquiries", "For more information, contact:", "Pressestelle", "Contact presse :"]
SUBHEADINGS = [
    "What happens next",
    "Key dates",
    "Background",
    "How to take part",
    "Ce qui change",
    "Nächste Schritte",
    "Próximos pasos",
]
ITEMS = [
    "garden waste and wood",
    "electrical items and batteries",
    "furniture in good condition",
    "a new library in Eastford",
    "free parking on Sundays",
    "£2m for road repairs",
    "extra buses at weekends",
]
NOTE_LINES = [
    "The council serves 320,000 residents across 14 towns.",
    "Photographs are available on request from the press office.",
    "The full report is published on the council's website.",
]
ISSUERS = [
    "Ministry of Transport",
    "Eastshire County Council",
    "Department for Rural Affairs",
    "Harbour Fire and Rescue Service",
    "Stadtverwaltung Neustadt",
    "Mairie de Valbonne",
    "Ayuntamiento de Torrealta",
    "Office of the Mayor",
]
PLACES = ["LONDON", "CARDIFF", "NEW YORK", "BRUSSELS", "Leeds", "Madrid"]
#: A site's menu, as scrapers pick it up above the release: a run of one- and two-word lines, in many languages.
MENU = [
    "Home",
    "News",
    "About us",
    "Contact",
    "Services",
    "Media centre",
    "Inicio",
    "Noticias",
    "Startseite",
    "Aktuelles",
    "Accueil",
    "Actualités",
    "Hafan",
    "Newyddion",
    "Etusivu",
    "Uutiset",
    "Hem",
    "Nyheter",
    "Início",
    "Notícias",
    "Nieuws",
    "Home page",
    "Presse",
    "Sala de prensa",
    "ホーム",
    "ニュース",
    "首页",
    "新闻中心",
    "홈",
    "보도자료",
    "Главная",
    "Новости",
]
#: A section label or site name above a headline (the page's, not the release's).
SECTIONS = [
    "Press releases",
    "Latest news",
    "News and events",
    "Actualités",
    "Aktuelle Meldungen",
    "Ajankohtaista",
    "Persberichten",
    "Últimas noticias",
    "Notícias",
    "報道発表",
    "新闻发布",
    "Пресс-центр",
]
#: Share and print widgets between the header and the body, as words or shouted words.
WIDGETS = [
    "Share",
    "SHARE",
    "Share on Facebook",
    "Tweet",
    "LinkedIn",
    "WhatsApp",
    "Email",
    "Print",
    "PRINT",
    "Compartir",
    "Partager",
    "Teilen",
    "Drucken",
    "Condividi",
    "Dela",
    "Jaa",
    "Delen",
    "Rhannu",
    "Imprimir",
    "Imprimer",
    "A+ A-",
    "Listen",
    "Facebook",
    "X",
    "Copy link",
    "Tags: transport, roads",
    "Category: Environment",
]
#: The heading of a block of links to other releases below the body.
RELATED = [
    "Related news",
    "Related articles",
    "You may also like",
    "Noticias relacionadas",
    "À lire aussi",
    "Das könnte Sie auch interessieren",
    "Leia também",
    "Lees ook",
    "Läs också",
    "Lue myös",
    "Newyddion cysylltiedig",
    "Altre notizie",
]
#: Decks: a second, smaller headline under the title, by language (no sentence's end).
DECKS = {
    "en": [
        "Garden waste, wood and electrical items accepted from Monday",
        "Officers want to hear from anyone who saw the van",
        "Three-year project to map flood risk across the valley",
        "New rules apply from the first of the month",
    ],
    "fr": ["Le site accueillera les déchets verts dès lundi", "Les enquêteurs lancent un appel à témoins"],
    "de": ["Grünschnitt und Holz werden ab Montag angenommen", "Hinweise nimmt jede Dienststelle entgegen"],
    "es": ["Las instalaciones admitirán restos de poda desde el lunes", "Los agentes piden colaboración ciudadana"],
    "pt": ["Novo espaço recebe resíduos verdes a partir de segunda-feira"],
    "it": ["Da lunedì si possono conferire sfalci e legno"],
}
#: List markers of many kinds, and how the n-th item is numbered with each.
MARKERS_LIST = ["• ", "- ", "* ", "1. ", "■ ", "– ", "◆ ", "a) ", "(1) ", "① ", "一、", "1) ", "▶ "]
_CIRCLED = "①②③④⑤"
_CJK_NUMBERS = "一二三四五"


def _marker(bullet: str, item: int) -> str:
    """The marker of the `item`-th (0-based) entry of a list whose first marker is `bullet`."""
    if bullet == "1. ":
        return f"{item + 1}. "
    if bullet == "1) ":
        return f"{item + 1}) "
    if bullet == "(1) ":
        return f"({item + 1}) "
    if bullet == "a) ":
        return f"{'abcde'[item]}) "
    if bullet == "① ":
        return _CIRCLED[item] + " "
    if bullet == "一、":
        return _CJK_NUMBERS[item] + "、"
    return bullet


def _numeric(day: datetime.date, rng: random.Random) -> str:
    return rng.choice([f"{day:%d/%m/%Y}", f"{day.day}.{day.month}.{day.year}", day.isoformat(), f"{day:%d.%m.%Y}"])


def _date_text(day: datetime.date, language: str, rng: random.Random) -> str:
    return format_date(day, language) if rng.random() < 0.6 else _numeric(day, rng)


def synthetic_release(rng: random.Random) -> tuple[list[str], list[str]]:  # noqa: PLR0915
    """One release: its lines and the role of each."""
    language = rng.choice(list(TITLES))
    day = datetime.date(rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28))
    date = _date_text(day, language, rng)
    marker = rng.choice(MARKERS[language])
    lines: list[tuple[str, str]] = []
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        lines.append((rng.choice(CHROME), "chrome"))
    if rng.random() < 0.15:
        lines.extend((item, "chrome") for item in rng.sample(MENU, rng.randint(3, 6)))
    if rng.random() < 0.15:
        lines.append((rng.choice(SECTIONS), "chrome"))
    issuer = rng.choice(ISSUERS) if rng.random() < 0.2 else None
    if issuer and rng.random() < 0.5:
        lines.append((issuer, "label"))  # a letterhead above the title
        issuer = None
    label = rng.choice(LABELS) if rng.random() < 0.3 else None
    label_place = rng.choice(["above", "above", "below", "prefix", "suffix"])
    if label and label_place == "above":
        lines.append((label, "label"))
    title = rng.choice(TITLES[language])
    title = {0: title.upper(), 1: title.title()}.get(rng.randrange(8), title)
    if label and label_place == "prefix":
        title = label + rng.choice([": ", " – ", " | "]) + title
    if rng.random() < 0.1:
        date = date.rsplit(" ", 1)[0] if " " in date and date[-4:].isdigit() else date  # a day with no year
    if rng.random() < 0.15:
        lines.append((f"{marker} {date}", "date"))
    shape = rng.random()
    if shape < 0.4:
        glue = rng.choice(["", " ", " – ", " | ", " - "])
        byline = f"By {rng.choice(NAMES)} | " if rng.random() < 0.15 else ""
        spelled = f"{marker} {date}" if marker and (rng.random() < 0.6 or not glue) else date
        title_line = f"{title}{glue}{byline}{spelled}"
        if label and label_place == "suffix":
            title_line += f" | {label}"
        lines.append((title_line, "title+date"))
    else:
        lines.append((title + (f" | {label}" if label and label_place == "suffix" else ""), "title"))
        if shape < 0.8:
            lines.append((f"{marker} {date}" if rng.random() < 0.8 else date, "date"))
    if label and label_place == "below":
        lines.append((label, "label"))
    if issuer:
        lines.append((issuer, "label"))
    if rng.random() < 0.2 and language in UPDATED:
        lines.append(
            (
                f"{rng.choice(UPDATED[language])} {_date_text(day + datetime.timedelta(days=rng.randint(1, 9)), language, rng)}",
                "date",
            )
        )
    if rng.random() < 0.2:
        lines.append((f"By {rng.choice(NAMES)}", "byline"))
    if language in DECKS and rng.random() < 0.15:
        deck = (rng.choice(DECKS[language]), "subheading")
        lines.insert(next(index for index, (_, role) in enumerate(lines) if role in ("title", "title+date")) + 1, deck)
    if rng.random() < 0.2:
        lines.extend((widget, "chrome") for widget in rng.sample(WIDGETS, rng.randint(1, 3)))
    sentences = SENTENCES[language]
    body = rng.sample(sentences, rng.randint(1, len(sentences)))
    if rng.random() < 0.15 and shape >= 0.8:
        body[0] = f"{rng.choice(PLACES)}, {date} – {body[0]}"
        lines.append((body[0], "dateline-paragraph"))
        body = body[1:]
    for index, sentence in enumerate(body):
        if index == 1 and rng.random() < 0.2:
            lines.append((rng.choice(SUBHEADINGS), "subheading"))
        if index == 1 and rng.random() < 0.2:
            bullet = rng.choice(MARKERS_LIST)
            for item, text in enumerate(rng.sample(ITEMS, rng.randint(2, 4))):
                lines.append((_marker(bullet, item) + text, "list-item"))
        lines.append((sentence, "quote" if sentence.startswith("“") else "paragraph"))
    if rng.random() < 0.3:
        lines.append((rng.choice(END_MARKS), "end-mark"))
    if rng.random() < 0.25:
        lines.append((rng.choice(NOTES), "notes-heading"))
        lines.extend((note, "notes") for note in rng.sample(NOTE_LINES, rng.randint(1, 2)))
    if rng.random() < 0.25:
        lines.append((rng.choice(CONTACT_HEADINGS), "notes-heading" if rng.random() < 0.5 else "contact"))
        lines.append((f"{rng.choice(NAMES)}, Press Officer", "contact"))
        lines.append((rng.choice(["Tel: 01632 960123", "press@example.org", "+44 20 7946 0000"]), "contact"))
    if rng.random() < 0.15:
        lines.append((rng.choice(RELATED), "chrome"))
        others = [other for other in TITLES[rng.choice(list(TITLES))] if other != title]
        lines.extend((other, "chrome") for other in rng.sample(others, min(len(others), rng.randint(1, 3))))
    for _ in range(rng.choice([0, 0, 1, 2])):
        lines.append((rng.choice(CHROME), "chrome"))
    seen: dict[str, int] = {}
    texts, roles = [], []
    for text, drawn_role in lines:
        # The same sentence drawn twice is a repeat, as an annotator would mark it.
        repeated = text in seen and drawn_role not in ("chrome", "contact", "end-mark", "date", "label")
        seen.setdefault(text, len(texts))
        texts.append(text)
        roles.append("repeat" if repeated else drawn_role)
    return texts, roles


def synthetic_releases(count: int, seed: int = 7) -> Iterator[tuple[list[str], list[str]]]:
    rng = random.Random(seed)
    for _ in range(count):
        yield synthetic_release(rng)
