"""Fonts for the PDF writer: loading, which font sets which character, and what happens when none can.

reportlab's built-in fonts only know Latin-1, so pressconv embeds DejaVu Sans
(shipped in `pressconv/fonts`, with its licence) or the user's TrueType font.
A character the main font lacks is set in a fallback: the fonts the user
named, then the bundled DejaVu, then a font fontconfig finds on the system
(unless `system_fonts` is off). A character no font has is the missing-glyph
policy's business: a visible placeholder box, with the real character kept in
the text layer (/ActualText), and a notice — or, with policy "error", a refusal.

Fonts are embedded through `_EmbeddedFont`, a `TTFont` subclass whose
`addObjects` writes a correct ToUnicode CMap (no U+0000 for unused codes,
UTF-16 surrogate pairs above U+FFFF) and PDF/A's end-of-line before
`endstream`. It applies to pressconv's own font objects only: nothing in
reportlab is patched, so other reportlab users in the process are unaffected.

Caches (all bounded, all keyed by what fully determines the value):
`_font_from_path` (32 fonts by path: parsing a font costs ~10 ms; a font file
changed on disk during the process is not re-read), `_font_from_bytes` (8 fonts
given as bytes), `system_font_for` (4,096 code points: each miss runs fc-list),
`_font_class` (the subclass, built once so importing this module stays light).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import io
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pressconv.errors import OptionError, OutputError
from pressconv.options import FileValue
from pressconv.writers.pdf import DEFAULT_BOLD, DEFAULT_REGULAR, PLACEHOLDER

# How a run of text is drawn: as itself; not at all (format characters); as placeholder boxes; as itself but
# with /ActualText (private-use characters, whose meaning no ToUnicode map can carry: PDF/A-2a 6.2.11.7.3).
TEXT, HIDDEN, BOXED, PRIVATE = 0, 1, 2, 3
#: Drawn as HarfBuzz's glyphs with /ActualText (complex scripts: `shaping.py`); set by the composer, never by the chain.
SHAPED = 4
#: The kinds drawn in a marked-content sequence of their own that carries /ActualText.
SPELLED_OUT = frozenset({BOXED, PRIVATE})


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class LoadedFont:
    """A TrueType font ready to embed: its reportlab font object and what it covers."""

    name: str
    font: Any
    #: Code points the font can draw as plain text (format characters such as U+FEFF excluded: they are never
    #: drawn; private-use characters excluded: they are drawn with /ActualText).
    coverage: frozenset[int]
    #: The font's full name, for notices ("WenQuanYi Zen Hei").
    label: str
    where: str
    #: The font's index in a TrueType collection (0 for a plain .ttf): HarfBuzz needs it too.
    index: int = 0

    def width(self, text: str, size: float) -> float:
        return float(self.font.stringWidth(text, size))


@dataclasses.dataclass(frozen=True, slots=True)
class Run:
    """text[start:end] drawn in `font` one way: TEXT, HIDDEN, BOXED or PRIVATE (see above)."""

    start: int
    end: int
    font: LoadedFont
    kind: int = TEXT


@dataclasses.dataclass(slots=True)
class GlyphReport:
    """What one write had to do about fonts; becomes its notices. Lives for one write only."""

    #: Characters no font had, in order of first appearance (a dict as an ordered set).
    missing: dict[str, None] = dataclasses.field(default_factory=dict)
    #: System fallback font → the characters it set.
    fallback: dict[LoadedFont, dict[str, None]] = dataclasses.field(default_factory=dict)


def load_font(value: FileValue, index: int = 0) -> LoadedFont:
    """The font a font option names (a path, or the font file's bytes)."""
    if isinstance(value, bytes):
        return _font_from_bytes(value, index)
    return _font_from_path(str(value), index)


@functools.lru_cache(maxsize=32)
def _font_from_path(path: str, index: int) -> LoadedFont:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise OptionError(f"cannot read the font {path!r}: {error.strerror or error}") from None
    return _make_font(data, path, index)


@functools.lru_cache(maxsize=8)
def _font_from_bytes(data: bytes, index: int) -> LoadedFont:
    return _make_font(data, "the font given as bytes", index)


def _make_font(data: bytes, where: str, index: int) -> LoadedFont:
    """Parse and register a font. The name comes from the content, so two fonts never collide.

    Registration with reportlab's font registry is needed only because the
    canvas looks its initial font up by name; our drawing uses the object itself.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    name = f"pressconv-{hashlib.sha256(data).hexdigest()[:12]}-{index}"
    try:
        font = _font_class()(name, io.BytesIO(data), subfontIndex=index, asciiReadable=True)
    except (TTFError, ValueError, KeyError, IndexError, OSError) as error:
        raise OptionError(f"{where} is not a usable TrueType font: {error}") from None
    pdfmetrics.registerFont(font)
    coverage = frozenset(code for code in font.face.charToGlyph if unicodedata.category(chr(code)) not in ("Cf", "Co"))
    label = font.face.fullName
    label = label.decode("latin-1") if isinstance(label, bytes) else str(label)
    return LoadedFont(name, font, coverage, label, where, index)


def default_font(bold: bool = False) -> LoadedFont:
    return _font_from_path(str(DEFAULT_BOLD if bold else DEFAULT_REGULAR), 0)


@functools.lru_cache(maxsize=4096)
def system_font_for(codepoint: int) -> LoadedFont | None:
    """A font installed on this machine with a glyph for `codepoint`, found through fontconfig.

    Only TrueType-outline fonts qualify (reportlab cannot embed CFF/OpenType
    outlines); candidates are tried in path order so the choice is stable.
    """
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listing = subprocess.run(
            [fc_list, f":charset={codepoint:x}", "file", "index"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    candidates: list[tuple[str, int]] = []
    for line in listing.splitlines():
        path, _, index = line.partition(": :index=")
        path = path.rstrip(":").strip()
        if path.lower().endswith((".ttf", ".ttc")):
            candidates.append((path, int(index) if index.strip().isdigit() else 0))
    # Regular before Bold, Italic…: a fallback sets body text too (the bold chain falls back to it only if
    # nothing better is installed, as before).
    for font_path, font_index in sorted(candidates, key=lambda item: (_not_regular(item[0]), item)):
        try:
            font = _font_from_path(font_path, font_index)
        except OptionError:
            continue
        if codepoint in font.coverage:
            return font
    return None


def _not_regular(path: str) -> bool:
    stem = Path(path).stem.lower()
    return any(word in stem for word in ("bold", "italic", "oblique", "black", "light", "thin", "medium", "condensed"))


class FontChain:
    """Which font sets each character of a text, for one weight, in one write.

    `system` is the lookup for characters no given font has (fontconfig by
    default; a function returning None means "only the fonts given").
    """

    def __init__(
        self, primary: LoadedFont, fallbacks: tuple[LoadedFont, ...], *, system: Callable[[int], LoadedFont | None],
        policy: str, report: GlyphReport,
    ) -> None:  # fmt: skip
        self.primary, self.fallbacks, self.system, self.policy, self.report = primary, fallbacks, system, policy, report
        self.placeholder = default_font()
        self._choice: dict[str, tuple[LoadedFont, int]] = {}
        #: System fonts this chain has used: tried before asking fontconfig again (a CJK release has thousands
        #: of distinct characters, and each question to fc-list is a process).
        self._system_used: list[LoadedFont] = []

    def runs(self, text: str) -> list[Run]:
        """`text` cut into runs of one font and one way of drawing, covering it end to end."""
        if self.primary.coverage.issuperset(map(ord, text)):
            return [Run(0, len(text), self.primary)]  # the common case, checked in one pass at C speed
        runs: list[Run] = []
        choose = self._choose
        for position, char in enumerate(text):
            font, kind = choose(char)
            if runs and runs[-1].font is font and runs[-1].kind == kind:
                runs[-1] = Run(runs[-1].start, position + 1, font, kind)
            else:
                runs.append(Run(position, position + 1, font, kind))
        return runs

    def width(self, text: str, size: float) -> float:
        """The drawn width of `text` at `size`, fallbacks and placeholders included."""
        return sum(run_width(run, text, run.start, run.end, size) for run in self.runs(text))

    def _choose(self, char: str) -> tuple[LoadedFont, int]:
        found = self._choice.get(char)
        if found is None:
            found = self._choice[char] = self._find(char)
        font, kind = found
        # Recorded on every use, not only the first, so a report swapped in per release (bundles) is complete.
        if kind == BOXED:
            self.report.missing[char] = None
        elif font is not self.primary and font not in self.fallbacks:
            self.report.fallback.setdefault(font, {})[char] = None
        return found

    def _find(self, char: str) -> tuple[LoadedFont, int]:
        codepoint = ord(char)
        if codepoint in self.primary.coverage:
            return self.primary, TEXT
        category = unicodedata.category(char)
        if category == "Cf":
            return self.primary, HIDDEN  # joiners, marks, BOMs: invisible, and never a glyph in the text layer
        if category == "Co":
            for font in (self.primary, *self.fallbacks):
                if codepoint in font.font.face.charToGlyph:
                    return font, PRIVATE
        for fallback in self.fallbacks:
            if codepoint in fallback.coverage:
                return fallback, TEXT
        for used in self._system_used:
            if codepoint in used.coverage:
                return used, TEXT
        system = self.system(codepoint)
        if system is not None:
            self._system_used.append(system)
            return system, TEXT
        if self.policy == "error":
            raise OutputError(
                f"no font has a glyph for {char!r} (U+{codepoint:04X}); install a font that has it, "
                "or name one with --fallback-font FILE.ttf (or use --missing-glyphs placeholder)"
            )
        return self.placeholder, BOXED


class Encoder:
    """Text → the strings `Tj` shows, for one font in one document, as reportlab's `splitString` encodes it.

    `splitString` walks the text character by character in Python, for every
    piece of text drawn. A character's code in a document's subsets never
    changes once assigned, so this remembers each character's code as a
    translation table: text made only of characters seen before, all in the
    first subset (Latin text: the common case), is encoded by one `translate`
    at C speed; anything else goes through `splitString`, which assigns new
    codes exactly as before. Lives for one document (`Painter`).
    """

    def __init__(self, font: LoadedFont, document: Any) -> None:
        self.font, self.document = font.font, document
        self._codes: dict[int, str] = {}  # code point → its code, as a character (subset × 256 + byte)
        self._known: set[str] = set()
        self._names: dict[int, str] = {}  # subset → its font resource name ("/F1+0")

    def encode(self, text: str) -> list[tuple[str, bytes]]:
        """`text` (not empty) as (font resource name, bytes) chunks, one per run of characters in one subset."""
        if self._known.issuperset(text):
            coded = text.translate(self._codes)
            if max(coded) < "\u0100":
                return [(self._name(0), coded.encode("latin-1"))]
        chunks = self.font.splitString(text, self.document)
        assignments = self.font.state[self.document].assignments
        for char in set(text).difference(self._known):
            # As splitString reads them: no-break space is the space; a character the font lacks is code 0.
            self._codes[ord(char)] = chr(assignments.get(32 if char == "\xa0" else ord(char), 0))
            self._known.add(char)
        return [(self._name(subset), data) for subset, data in chunks]

    def _name(self, subset: int) -> str:
        name = self._names.get(subset)
        if name is None:
            name = self._names[subset] = self.font.getSubsetInternalName(subset, self.document)
        return name


def no_system_fonts(codepoint: int) -> LoadedFont | None:
    """The system lookup when system fonts are off: nothing is ever found."""
    return None


def run_width(run: Run, text: str, start: int, end: int, size: float) -> float:
    """The width of text[start:end], a stretch inside `run`."""
    if run.kind in (TEXT, PRIVATE):
        return run.font.width(text[start:end], size)
    if run.kind == SHAPED:
        from pressconv.writers.bidi import has_rtl
        from pressconv.writers.pdf.shaping import shaped_width

        return shaped_width(run.font, text, start, end, size, rtl=has_rtl(text[start:end]))
    if run.kind == BOXED:
        return (end - start) * run.font.width(PLACEHOLDER, size)
    return 0.0


def drawn_text(run: Run, text: str, start: int, end: int) -> str:
    """What is actually drawn for text[start:end] inside `run`."""
    if run.kind in (TEXT, PRIVATE, SHAPED):
        return text[start:end]
    if run.kind == BOXED:
        return PLACEHOLDER * (end - start)
    return ""


def to_unicode_cmap(name: str, subset: list[int], glyph_texts: dict[int, str] | None = None) -> str:
    """The ToUnicode CMap of one 256-code font subset.

    Unlike reportlab's: codes the subset does not use (reportlab maps them to
    U+0000) are left out, which PDF/A and PDF/UA require; characters above
    U+FFFF are written as UTF-16 surrogate pairs (reportlab writes five hex
    digits, so "🎉" extracted as "Ἰ" plus a digit); U+FEFF and U+FFFE never
    appear; entries come in blocks of at most 100, as the CMap format says.
    A shaped glyph with no character of its own (a negative key, see
    `glyph_codes`) maps to the characters it stands for (`glyph_texts`).
    """
    entries: list[str] = []
    for code, value in enumerate(subset):
        if value < 0 and glyph_texts and value in glyph_texts:
            entries.append(f"<{code:02X}> <{glyph_texts[value].encode('utf-16-be').hex().upper()}>")
            continue
        if value <= 0 or value in (0xFEFF, 0xFFFE) or 0xD800 <= value <= 0xDFFF:
            continue
        if value > 0xFFFF:
            high, low = 0xD800 + ((value - 0x10000) >> 10), 0xDC00 + ((value - 0x10000) & 0x3FF)
            entries.append(f"<{code:02X}> <{high:04X}{low:04X}>")
        else:
            entries.append(f"<{code:02X}> <{value:04X}>")
    blocks: list[str] = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        *blocks, "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])  # fmt: skip


@functools.lru_cache(maxsize=1)
def _font_class() -> type[Any]:
    """reportlab's TTFont, writing its subsets the way PDF/A and PDF/UA want (see the module docstring)."""
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont

    from pressconv.writers.pdf.objects import stream_class

    stream = stream_class()

    class EmbeddedFont(TTFont):  # type: ignore[misc]
        def addObjects(self, doc: Any) -> None:
            """Mirror of `TTFont.addObjects` with our CMap and streams; called once per document at save."""
            state = self._assignState(doc)
            state.frozen = 1
            for number, subset in enumerate(state.subsets):
                internal = self.getSubsetInternalName(number, doc)[1:]
                base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode("latin-1")
                pdf_font = pdfdoc.PDFTrueTypeFont()
                pdf_font.Name = internal
                pdf_font.BaseFont = base
                pdf_font.FirstChar = 0
                pdf_font.LastChar = len(subset) - 1
                glyph_widths: dict[int, float] = getattr(state, "glyph_widths", {})
                widths = [glyph_widths[code] if code < 0 else self.face.getCharWidth(code) for code in subset]
                pdf_font.Widths = pdfdoc.PDFArray(widths)
                texts = getattr(state, "glyph_texts", None)
                cmap = stream(content=to_unicode_cmap(base, subset, texts), filters=[pdfdoc.PDFZCompress])
                pdf_font.ToUnicode = doc.Reference(cmap, f"toUnicodeCMap:{self.fontName}:{base}")
                pdf_font.FontDescriptor = self._descriptor(doc, base, subset, getattr(state, "glyph_ids", {}))
                doc.Reference(pdf_font, internal)
                doc.idToObject["BasicFonts"].dict[internal] = pdf_font
            del self.state[doc]

        def glyph_codes(self, glyphs: list[tuple[int, str, float]], doc: Any) -> list[tuple[int, int]]:
            """(subset, code) of each shaped glyph (id, text, width), as `splitString` encodes characters.

            `text` is what the glyph stands for. A glyph the font maps that one character to is encoded as the
            character (it shares the plain text's code); any other (a contextual form, a ligature, a conjunct)
            gets a negative key per (glyph, text) in this document's subsets, whose ToUnicode entry is `text`
            and whose width is `width`. The font object shared by other documents is not changed.
            """
            state = self.state.get(doc)
            if state is None:
                state = self.state[doc] = TTFont.State(self._asciiReadable, self)
            if not hasattr(state, "glyph_keys"):
                state.glyph_keys, state.glyph_texts, state.glyph_widths, state.glyph_ids = {}, {}, {}, {}
            to_char = self.face.glyphToChar
            codes: list[tuple[int, int]] = []
            for gid, text, width in glyphs:
                if len(text) == 1 and ord(text) in to_char.get(gid, ()):
                    key = ord(text)
                else:
                    key = state.glyph_keys.get((gid, text))
                    if key is None:
                        key = state.glyph_keys[(gid, text)] = -len(state.glyph_keys) - 1
                        state.glyph_texts[key], state.glyph_widths[key], state.glyph_ids[key] = text, width, gid
                code = state.assignments.get(key)
                if code is None:
                    code = _assign(state, key, bool(self._asciiReadable))
                codes.append((code >> 8, code & 0xFF))
            return codes

        def _descriptor(self, doc: Any, base: str, subset: list[int], glyph_ids: dict[int, int]) -> Any:
            face = self.face
            if any(code < 0 for code in subset):
                # Shaped glyphs' keys stand for glyphs: a view of the face that maps them, for this subset only.
                face = copy.copy(face)
                face.charToGlyph = {**self.face.charToGlyph, **{code: glyph_ids[code] for code in subset if code < 0}}
            data = face.makeSubset(subset)
            font_file = stream(content=data, filters=[pdfdoc.PDFZCompress])
            font_file.dictionary["Length1"] = len(data)
            descriptor = pdfdoc.PDFDictionary({
                "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight, "Descent": face.descent,
                "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC, "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
                "FontFile2": doc.Reference(font_file, f"fontFile:{self.fontName}:{base}"), "MissingWidth": face.defaultWidth,
            })  # fmt: skip
            return doc.Reference(descriptor, f"fontDescriptor:{self.fontName}:{base}")

    return EmbeddedFont


def _assign(state: Any, key: int, ascii_readable: bool) -> int:
    """The next free code of a document's font subsets for `key`, by reportlab's own rules (`splitString`):
    code 32 of every subset is the space, code 0 of every subset after the first is .notdef."""
    if state.frozen:
        raise OutputError("internal error: a font was used after its subsets were written")
    code: int = state.nextCode
    if code & 0xFF == 32:
        if code != 32:
            state.subsets[code >> 8].append(32)
        state.nextCode += 1
        code = state.nextCode
    if code > 32:
        if not code & 0xFF:
            state.subsets.append([0])
            state.nextCode += 1
            code = state.nextCode
        state.subsets[code >> 8].append(key)
    else:
        if code == 31 and ascii_readable:
            state.nextCode = 127  # codes 32–127 are ASCII's own
        state.subsets[0][code] = key
    state.nextCode += 1
    state.assignments[key] = code
    return code
