"""What a line of a release is, for the readers and the cleaner alike: page chrome, or a copy of the title.

Both the readers and the cleaning steps must agree on these answers: the text
reader sets the page's own lines at the top aside before it reads the header
(`is_chrome`), the `page-chrome` step removes the same lines lower down, and the
`repeats` step removes a body line that is the title again (`is_title_copy`).
Kept here, outside both packages, so the flow stays one way — read, then
clean, then write — with neither package importing the other.

`is_title_copy` reads a copy's glued tail with the header's own part grammar
(`pressconv.readers.header`), so that a tail the header would read is the
tail a copy may carry: this module depends on the reader's grammar, never the
reverse.

Page chrome: a line is chrome only when *the whole line* is one of the shapes
in `CHROME_PATTERNS` (matched from its first character to its last), so a
sentence of the release is never chrome however much it mentions sharing,
printing or images — "Residents can share their views on Facebook until 3
May." stays, because it is more than a widget's label.
"""

from __future__ import annotations

import datetime
import functools
import re

from pressconv.readers import dates
from pressconv.readers.header import STRONG_LABEL, glued_parts, is_org_prefix, is_site_prefix
from pressconv.readers.patterns import lazy_pattern

#: Social networks and channels a share or follow widget names.
NETWORKS = (
    r"facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|pinterest|messenger|bluesky|instagram|youtube|tiktok|"
    r"flickr|telegram|mastodon|tumblr|xing|vk|weibo|wechat|sms|copy\s+link"
)
_N = rf"(?:{NETWORKS})"

#: One widget label; a line made only of them ("Share: Facebook | X | Email") is chrome.
WIDGETS: tuple[str, ...] = (
    rf"share(?:\s+(?:this|the)(?:\s+(?:page|article|story|post|news|release|item|link))?)?(?:\s+(?:on|via|to|by|with)\s+{_N})?",
    rf"{_N}",
    r"tweet(?:\s+this)?|like|print(?:\s+(?:this|the)\s+(?:page|article|story|post|release|news|item))?|print\s+page"
    r"|printer[- ]friendly(?:\s+version)?",
    r"e-?mail\s+(?:this|the)(?:\s+(?:page|article|story|post|release|news|item|link))?|e-?mail\s+(?:to\s+)?a\s+friend"
    r"|send\s+to\s+a\s+friend",
    rf"follow\s+us(?:\s+on\s+{_N})?|copy(?:\s+the)?\s+link|link\s+copied|bookmark(?:\s+this(?:\s+page)?)?",
    rf"click\s+to\s+(?:share|print|e-?mail)(?:\s+(?:on|via|to|this)\s+{_N})?|like\s+this|print\s+friendly,?\s+pdf\s+&\s+email",
    r"share\s+this\s+story,\s+choose\s+your\s+platform!?|opens\s+in\s+(?:a\s+)?new\s+(?:tab|window)|loading(?:\.{1,3}|…)?",
    r"download\s+(?:as\s+)?pdf|save\s+(?:as\s+)?pdf|listen(?:\s+to\s+this\s+(?:article|page|story))?|rss(?:\s+feed)?",
    # Welsh, French, German, Spanish.
    rf"rhannu(?:\s+ar\s+{_N})?|rhannwch(?:\s+y\s+dudalen\s+hon)?|argraffu|argraffwch(?:\s+y\s+dudalen\s+hon)?|dilynwch\s+ni",
    rf"partager(?:\s+sur\s+{_N}|\s+cette\s+page|\s+l['’]article)?|imprimer(?:\s+cette\s+page)?|envoyer\s+à\s+un\s+ami",
    r"suivez[- ]nous",
    rf"teilen|seite\s+teilen|auf\s+{_N}\s+teilen|drucken|seite\s+drucken|folgen\s+sie\s+uns|weiterempfehlen",
    r"per\s+e-?mail\s+(?:versenden|teilen|senden)",
    rf"compartir(?:\s+en\s+{_N})?|imprimir|síguenos|enviar\s+por\s+(?:correo|e-?mail)",
)

#: Whole lines that are the page around the release, by kind. Each is matched against the whole line.
CHROME_PATTERNS: tuple[tuple[str, str], ...] = (
    # A row of widget labels, each perhaps followed by "(opens in new tab)" as screen-reader text leaves it.
    (
        "widgets",
        # One repeated group whose first turn may not start with a separator: the same language as "label, then
        # (separator, label)*", with the long label alternation compiled once instead of twice.
        r"(?![\s|•·/,:\-–])(?:\s*[|•·/,:\-–]?\s*(?:{w})(?:\s*\(opens\s+in\s+(?:a\s+)?new\s+(?:tab|window)\))?)+".format(
            w="|".join(WIDGETS)
        ),
    ),
    (
        "navigation",
        r"back(?:\s+to\s+(?:the\s+)?(?:news(?:\s+index)?|top|press\s+releases|all\s+news|search\s+results|list|"
        r"previous\s+page|media\s+centre|newsroom|news\s+and\s+events|latest\s+news))?"
        r"|(?:next|previous|prev|older|newer)(?:\s+(?:article|story|post|page|item|news|release|press\s+release)s?)?"
        r"|(?:next|previous|prev)\s+(?:article|story|post|item|news|release)\s*:\s*.{1,150}"
        r"|related(?:\s+(?:stories|news|articles|links|content|topics|pages|items|posts|information|documents|releases))?"
        r"|see\s+also|more\s+news|latest\s+news|all\s+news|view\s+all\s+news|news\s+archive|more\s+(?:stories|articles|press\s+releases)"
        r"|(?:return|back|go)\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?|top\s+of\s+(?:the\s+)?page"
        r"|skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation)|skip\s+navigation|jump\s+to\s+(?:main\s+)?content"
        r"|main\s+menu|toggle\s+navigation|you\s+may\s+also\s+(?:like|be\s+interested\s+in)|read\s+more|show\s+more|load\s+more"
        r"|read\s+next|continue\s+reading|most\s+read|popular\s+(?:stories|articles)|in\s+this\s+section"
        # Breadcrumbs: "Home > News > Council agrees budget", "You are here: Home / News".
        r"|the\s+following\s+links\s+open\s+in\s+a\s+new\s+(?:tab|window)|contents|on\s+this\s+page"
        r"|view\s+(?:source|original)\s+version\s+on\s+\S+(?:\s*:\s*\S+)?"
        r"|(?:you\s+are\s+here\s*:?\s*)?home(?:\s*[>»›/|→•·]\s*[^>»›|→•·]{1,80}){1,8}|home(?:\s+page)?"
        r"|\w[\w\s,'’&()-]{0,40}(?:\s*[>»›]\s*\w[\w\s,'’&()-]{0,80}){2,6}"
        r"|yn\s+ôl(?:\s+i['’]r\s+newyddion)?|retour(?:\s+(?:aux\s+actualités|en\s+haut(?:\s+de\s+page)?|à\s+la\s+liste))?"
        r"|article\s+(?:suivant|précédent)|zurück(?:\s+zur\s+(?:übersicht|startseite))?|nach\s+oben|weitere\s+meldungen"
        r"|volver(?:\s+(?:a\s+(?:noticias|la\s+lista)|arriba))?|noticia\s+(?:siguiente|anterior)",
    ),
    (
        "tags",
        r"(?:tags?|tagged(?:\s+with)?|topics?|categories|category|filed\s+under|posted\s+in|keywords|labels)\s*:\s*[^.!?]{1,150}"
        r"|(?:filed|posted)\s+(?:in|under)\s+[^.!?]{1,80}",
    ),
    (
        "comments",
        r"(?:\d+\s+)?comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)|add\s+(?:a|your)\s+comment|post\s+a\s+comment"
        r"|comments\s+are\s+(?:closed|disabled)\.?|be\s+the\s+first\s+to\s+comment\.?|no\s+comments(?:\s+yet)?\.?"
        r"|log\s+in\s+to\s+(?:comment|reply)|\d+\s+repl(?:y|ies)|report\s+(?:this\s+)?comment"
        r"|was\s+this\s+(?:page|article|information)\s+(?:helpful|useful)\??(?:\s*yes\s*/?\s*no)?"
        r"|is\s+this\s+page\s+useful\??|yes\s*/?\s*no|report\s+a\s+problem(?:\s+with\s+this\s+page)?"
        r"|give\s+feedback(?:\s+(?:about|on)\s+this\s+page)?|rate\s+this\s+(?:page|article)"
        r"|maybe|(?:yes|no)\s+this\s+page\s+is(?:\s+not)?\s+useful|thank\s+you\s+for\s+your\s+feedback\.?"
        r"|help\s+us\s+improve\s+[\w.]{2,30}|what\s+were\s+you\s+doing\??|what\s+went\s+wrong\??|send|cancel|submit"
        r"|don['’]?t\s+include\s+personal\s+or\s+financial\s+information.{0,120}"
        r"|this\s+field\s+is\s+for\s+robots\s+only.{0,40}",
    ),
    (
        "cookies",
        # A banner says what the cookies are for: the site, your experience, analytics (not "We use cookies from local bakers").
        r"(?:we\s+use|this\s+(?:web)?site\s+uses|our\s+(?:web)?site\s+uses"
        # German, French, Spanish, Welsh: "Wir verwenden Cookies…", "Ce site utilise des cookies…", "Rydym yn defnyddio cwcis…".
        r"|wir\s+(?:verwenden|nutzen|setzen)|(?:diese|unsere)\s+(?:webseite|website|seite|internetseite)\s+(?:verwendet|nutzt)"
        r"|nous\s+utilisons|(?:ce|notre)\s+site(?:\s+web|\s+internet)?\s+utilise"
        r"|utilizamos|usamos|(?:este|nuestro)\s+sitio(?:\s+web)?\s+(?:utiliza|usa)|esta\s+web\s+(?:utiliza|usa)"
        r"|rydym\s+yn\s+defnyddio|mae['’]r\s+wefan\s+(?:hon\s+)?yn\s+defnyddio)"
        r"\s+(?:[\w-]+\s+){0,3}(?:cookies|cwcis)\b"
        # …and says what they are for: the site, your experience, analytics (not "We use cookies from local bakers").
        r"(?=.*\b(?:website|site|experience|brows\w*|analytics|cookie\s+(?:policy|settings)|consent|preferences|traffic|"
        r"advertis\w*|personali[sz]\w*|work|services"
        r"|webseite|website|seite|nutzererlebnis|erlebnis|analyse\w*|einwilligung|zustimmung|datenschutz\w*|funktion\w*"
        r"|expérience|navigation|audience|statistiques|consentement|fonctionnement|publicit\w*|personnalis\w*"
        r"|sitio|web|experiencia|navegación|análisis|analíticas|consentimiento|servicios|publicidad|personaliz\w*"
        r"|gwefan|profiad|dadansodd\w*|caniatâd|gwasanaethau|hysbysebu)\b).*"
        r"|by\s+continuing\s+to\s+(?:use|browse)\s+(?:this|our|the)\s+(?:web)?site.*"
        r"|cookies\s+on\s+(?:the\s+)?[\w.\s]{1,60}"
        r"|(?:accept|reject|allow|manage|refuse|decline)(?:\s+(?:all|optional|analytics|additional|necessary))?\s+cookies"
        r"|cookie\s+(?:settings|preferences|policy|notice|consent|banner)|accept\s+all|reject\s+all|i\s+accept"
        r"|ok,?\s+i\s+agree|got\s+it|hide\s+(?:this\s+)?message|change\s+(?:your\s+)?cookie\s+settings"
        # Buttons and links of the banner in German, French, Spanish, Welsh.
        r"|alle(?:\s+cookies)?\s+(?:akzeptieren|ablehnen|zulassen)|(?:nur\s+)?notwendige\s+cookies(?:\s+akzeptieren)?"
        r"|cookie-?\s*einstellungen|einstellungen\s+(?:verwalten|anpassen)"
        r"|tout\s+(?:accepter|refuser)|(?:accepter|refuser)\s+(?:tous\s+les\s+|les\s+)?cookies"
        r"|(?:paramètres|gestion|préférences)\s+des\s+cookies|personnaliser"
        r"|(?:aceptar|rechazar)\s+(?:todo|todas|todas\s+las\s+cookies|cookies)|configuración\s+de\s+(?:las\s+)?cookies"
        r"|(?:derbyn|gwrthod)\s+(?:y\s+cyfan|pob\s+cwci|cwcis(?:\s+ychwanegol)?)|gosodiadau\s+cwcis|cwcis\s+ar\s+[\w.\s]{1,60}",
    ),
    (
        "captions",
        r"(?:image|photo|photograph|picture|pic|caption|credit|(?:image|photo|picture)\s+(?:credit|courtesy(?:\s+of)?|caption)"
        r"|alt\s+text|image\s+description|video|pictured|(?:pictured\s+)?(?:l-r|l\s+to\s+r|left\s+to\s+right|from\s+left)"
        # German, French, Spanish, Welsh: "Foto: …", "Bild: …", "Légende : …", "Imagen: …", "Llun: …".
        r"|foto|fotos|bild|bilder|bildnachweis|bildquelle|bildunterschrift|fotonachweis|fotografie"
        r"|légende|crédits?(?:\s+photos?)?|photos?\s+de|image\s+de"
        r"|imagen|imágenes|fotografía|pie\s+de\s+foto|crédito(?:\s+de\s+la\s+foto)?"
        r"|llun|lluniau|delwedd|capsiwn|(?:llun|delwedd)\s+gan)"
        r"\s*:\s*.{1,300}"
        r"|[\[(](?:image|photo|picture|video|graphic|img|embedded\s+content)\b[^\])]{0,120}[\])]"
        r"|(?:image|photo|picture)\s+caption|(?:image|photo|picture|video|graphic)"
        r"|(?:photo|photograph|image|picture)s?\s+(?:by|courtesy\s+of|credit)\s+[^.!?]{1,80}|watch\s+(?:the\s+)?video"
        r"|click\s+(?:here\s+)?to\s+enlarge|enlarge\s+(?:this\s+)?image|view\s+(?:larger\s+|full[- ]size\s+)?image"
        r"|download\s+(?:this\s+|the\s+)?(?:high[- ]res(?:olution)?\s+)?(?:image|photo|picture)s?|play\s+video"
        r"|[\w\-.()]{1,80}\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp|heic)(?:\s*\([^)]{0,30}\))?",
    ),
    (
        "copyright",
        r"(?:copyright\s*)?(?:©|\(c\)(?=\s*(?:\d{4}|crown|copyright)))\s*.{1,150}|copyright\s+(?:©\s*)?(?:\d{4}|crown).{0,150}"
        r"|.{0,100}(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés"
        r"|todos\s+los\s+derechos\s+reservados|cedwir\s+pob\s+hawl)\.?"
        r"|hawlfraint\s+(?:©\s*)?(?:\d{4}|y\s+goron).{0,150}",
    ),
    (
        "site-notices",
        r"(?:this\s+)?page\s+(?:was\s+)?last\s+(?:reviewed|updated|modified)(?:\s+on)?\s*:?.{0,60}|next\s+review\s+due\s*:?.{0,40}"
        r"|you\s+are\s+using\s+an?\s+(?:outdated|old|unsupported|out\s+of\s+date)\s+browser.*"
        r"|(?:javascript|js)\s+(?:is\s+)?(?:disabled|required|not\s+enabled|turned\s+off).*|(?:please\s+)?enable\s+javascript.*"
        r"|your\s+browser\s+does\s+not\s+support.*|loading\.{0,3}|sign\s+up\s+(?:to|for)\s+(?:our\s+)?(?:email|e-mail|newsletter)s?"
        r"(?:\s+(?:updates|alerts))?|subscribe\s+to\s+(?:our\s+)?(?:newsletter|email\s+updates|news\s+alerts|rss\s+feed)",
    ),
)

_LONG_KINDS = frozenset({"cookies", "site-notices"})
#: A line longer than `_SHORT` can match a long-kind pattern only if it holds one of these (see `is_chrome`).
_LONG_LINE_WORDS = ("cookie", "cwci", "continuing", "browser", "javascript", "js")
_SHORT = 160
_LONGEST = 600
_TRIM = " \t:|›»>•·-–—"


@functools.lru_cache(maxsize=2)
def _compiled(long_lines: bool) -> re.Pattern[str]:
    """Every pattern, or (`long_lines`) only those a long line may match; each compiled on first use.

    Compiling the alternation takes milliseconds; `import pressconv` (and so
    `pressconv --help`) should not pay for it, nor should a release with no
    long line pay for the long-line patterns.
    """
    # Long lines are chrome only as a cookie banner or a browser warning: test those alone.
    kinds = [pattern for kind, pattern in CHROME_PATTERNS if not long_lines or kind in _LONG_KINDS]
    return re.compile("|".join(f"(?:{pattern})" for pattern in kinds), re.IGNORECASE)


def is_chrome(text: str) -> bool:
    """True when the whole of `text` is a line of the web page (a widget, navigation, banner, caption…)."""
    line = text.strip(_TRIM)
    if not line or len(line) > _LONGEST:
        return False
    if len(line) > _SHORT:
        # Only a cookie banner or a browser notice runs this long, and every such pattern names one of these
        # words: a sentence of the release without them is no chrome, and needs no regular expression.
        folded = line.casefold()
        if not any(word in folded for word in _LONG_LINE_WORDS):
            return False
        return _compiled(True).fullmatch(line) is not None
    return _compiled(False).fullmatch(line) is not None


_COPY_PREFIX = lazy_pattern(r"(?:\[[^\]]{1,60}\]|(?:fwd?|re|fw)\s*:)\s*", re.IGNORECASE)
_COPY_LABEL = lazy_pattern(rf"{STRONG_LABEL}\s*[:|\-–—]\s*", re.IGNORECASE)
_MAX_COPY_EXTRA = 200
_COPY_SEPARATORS = " |•·;,–—-:/([)]"


def is_title_copy(text: str, title: str, date: datetime.date | None, *, key: str, title_key: str) -> bool:
    """True when a body line is the title again: in another letter case (an ALL-CAPS copy), with its date
    marker glued on (the whole title line scraped twice), or behind a list, site or date prefix
    ("[press-list] Title", "14.02.2023: Title", "Site name | Title"). `key` and `title_key` are the
    typographic keys of `text` and `title`. Cheap: most lines fail the length test or the substring test."""
    if not title_key or len(key) < len(title_key) or len(key) > len(title_key) + _MAX_COPY_EXTRA:
        return False
    folded, folded_title = key.casefold(), title_key.casefold()
    at = folded.find(folded_title)
    if at < 0:
        return False
    aligned = len(folded) == len(key) and len(folded_title) == len(title_key)
    source = key if aligned else folded
    prefix, rest = source[:at], source[at + len(folded_title) :]
    if prefix and not _is_copy_prefix(prefix, date):
        return False
    if not rest:
        return True
    # Glued on, a tail starts a new word by its case ("depotPublished", "DEPOTPublished"); else the title is
    # only the start of a longer sentence ("… depots across the county").
    case_change = rest[:1].isupper() and (not title_key[-1:].isupper() or rest[1:2].islower())
    if rest[:1].isalnum() and title_key[-1:].isalnum() and not case_change:
        return False
    start = len(rest) - len(rest.lstrip(_COPY_SEPARATORS))  # keys keep no space beside a dash: "Title-Site"
    parts = glued_parts(rest, start)
    if parts is None:
        return False
    dated = [part for part in parts if part.kind == "date" and part.found is not None]
    if not dated:
        return all(part.kind in ("byline", "label", "issuer", "updated") for part in parts)
    read, _ = dates.read_match(dated[0].found, month_first=False) if dated[0].found else (None, [])
    if date is None or read is None or read == date:
        return True
    month_first_read, _ = dates.read_match(dated[0].found, month_first=True) if dated[0].found else (None, [])
    return month_first_read == date


def _is_copy_prefix(prefix: str, date: datetime.date | None) -> bool:
    """A list tag ("[press-list] "), a forward marker, a date ("14.02.2023: ") or a site name ("Site | ")."""
    pos = 0
    tag = _COPY_PREFIX().match(prefix) or _COPY_LABEL().match(prefix)
    if tag is not None:
        pos = tag.end()
        if pos == len(prefix):
            return True
    found = dates.match_date(prefix, pos, partial=False)
    if found is not None:
        rest = prefix[found.end :]
        if rest.strip(" :|-–—,") == "":
            read, _ = dates.read_match(found)
            read_us, _ = dates.read_match(found, month_first=True)
            return date is None or date in (read, read_us) or read is None
        return False
    site = prefix[pos:]
    if site.endswith((" | ", "|")) and len(site.split()) <= 7:
        return is_site_prefix(site)
    name = site.rstrip(" -–—:")
    # "Northshire Council - Title": behind a dash, only an organisation's name.
    return name != site and is_org_prefix(name)
