"""Options as data: one `ReadOptions` for every place that reads, and the metadata writers' options carry.

Each option is a dataclass field whose `metadata` holds an `OptionInfo`
(help text, metavar, whether the value names a file…). The CLI *generates*
its flags from that metadata, so a plugin writer's options appear in
`pressconv convert --help` and work without the CLI knowing the plugin.

Options that name a file (a stylesheet, a reference document, a cover, a
font) also accept the file's bytes, so a service embedding pressconv never
has to hand it server paths.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressconv.errors import OptionError

DEFAULT_LANGUAGE = "en-GB"
#: Large enough for any real press release (the longest seen are ~200 KB),
#: small enough that a mistaken path to a video file fails fast.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")

#: A value for an option that names a file: a path, or the file's content itself.
FileValue = Path | str | bytes


@dataclass(frozen=True, slots=True)
class OptionInfo:
    """What the command line needs to know about one option field."""

    help: str
    metavar: str | None = None
    #: The value names a file (or is its bytes): checked once before any work, read as bytes.
    file: bool = False
    #: The flag may be given several times; the field holds a tuple.
    repeatable: bool = False
    #: An on/off switch; `flag` is then the switch that turns the default *off* when the default is True.
    switch: bool = False
    choices: tuple[str, ...] | None = None
    #: Turns the command-line string into the field's value (int, a size…); default: keep the string.
    parse: Callable[[str], Any] | None = None
    #: The flag; default `--` plus the field name with dashes.
    flag: str | None = None


def option(help: str, **info: Any) -> dict[str, OptionInfo]:
    """Field metadata for an option: `css: … = field(default=None, metadata=option("…", file=True))`."""
    return {"pressconv": OptionInfo(help, **info)}


@dataclass(frozen=True, slots=True)
class OptionSpec:
    name: str
    flag: str
    info: OptionInfo
    default: Any


def option_names(options_type: type[Any] | None) -> frozenset[str]:
    """Every option an options dataclass takes, API-only ones included; none for a writer whose
    `options_type` is None (a writer without options need not declare an empty dataclass)."""
    if options_type is None or not dataclasses.is_dataclass(options_type):
        return frozenset()
    return frozenset(item.name for item in dataclasses.fields(options_type))


def option_specs(options_type: type[Any] | None) -> Iterator[OptionSpec]:
    """The options of a dataclass that carry `OptionInfo` metadata (others are API-only); none for None."""
    if options_type is None or not dataclasses.is_dataclass(options_type):
        return
    for item in dataclasses.fields(options_type):
        info = item.metadata.get("pressconv")
        if isinstance(info, OptionInfo):
            default = item.default if item.default is not dataclasses.MISSING else None
            yield OptionSpec(item.name, info.flag or "--" + item.name.replace("_", "-"), info, default)


def read_option_file(value: FileValue, what: str, *, max_bytes: int = 64 * 1024 * 1024) -> bytes:
    """The content of a file option: its bytes as given, or read (at most `max_bytes`) from its path."""
    if isinstance(value, bytes):
        return value
    try:
        with open(value, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise OptionError(f"cannot read the {what} {str(value)!r}: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise OptionError(f"the {what} {str(value)!r} is over {max_bytes:,} bytes; is it the right file?")
    return data


def parse_size(text: str) -> int:
    """ "500K", "20M", "1G" or plain bytes."""
    match = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text, re.IGNORECASE)
    if match is None:
        raise ValueError(f"{text!r} is not a size; use bytes or a suffix, e.g. 500K or 20M")
    power: int = " kmg".index(match[2].lower() or " ")
    return int(match[1]) << (10 * power)


def check_language(language: str) -> str:
    """Accept a BCP 47 tag ("en-GB", "cy", "pt-BR"); reject anything writers could not put in metadata."""
    if not isinstance(language, str) or not _LANGUAGE_TAG.fullmatch(language):
        raise OptionError(f"language {language!r} is not a language tag; use one like en-GB, fr or pt-BR")
    return language


def check_encoding(encoding: str) -> str:
    """Accept a text encoding Python knows; refuse unknown names and bytes-to-bytes codecs (hex, base64, rot13)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise OptionError(f"unknown encoding {encoding!r}; use a name such as utf-8 or cp1252") from None
    if not getattr(info, "_is_text_encoding", True):
        raise OptionError(f"{encoding!r} is not a text encoding; use a name such as utf-8 or cp1252")
    return encoding


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read and clean releases: the one options object for every place that reads.

    Frozen and picklable, so a batch sends it to worker processes as it is.
    """

    language: str | None = field(
        default=None,
        metadata=option(
            "language of the releases, a BCP 47 tag such as en-US or cy (default: what the input says, else en-GB)",
            metavar="TAG", flag="--lang",
        ),
    )  # fmt: skip
    month_first: bool = field(
        default=False,
        metadata=option(
            "read 03/07/2014 as March 7 (US sources); default is day first. "
            "A date that only reads one way (03/15/2014) is always read that way",
            switch=True,
        ),
    )
    encoding: str | None = field(
        default=None, metadata=option("input encoding (default: detect UTF-8, else Windows-1252)", metavar="NAME")
    )
    max_bytes: int = field(
        default=DEFAULT_MAX_BYTES,
        metadata=option("refuse inputs larger than this, e.g. 20M (default: 10M)", metavar="BYTES", parse=parse_size,
                        flag="--max-size"),
    )  # fmt: skip
    clean: bool = field(default=True, metadata=option("keep repeated paragraphs (no cleaning at all)", switch=True,
                                                      flag="--no-clean"))  # fmt: skip
    structure: bool = field(
        default=True,
        metadata=option("keep the body as flat paragraphs (no lists, headings, notes or contacts)", switch=True,
                        flag="--no-structure"),
    )  # fmt: skip
    keep_chrome: bool = field(
        default=False, metadata=option("keep lines that belong to the web page (share buttons, navigation)", switch=True)
    )
    #: The reader to use; None chooses by file name, then content, then "text".
    reader: str | None = field(
        default=None, metadata=option("input format (default: by extension, then content, else text)", metavar="FORMAT",
                                      flag="--from"),
    )  # fmt: skip

    def __post_init__(self) -> None:
        if self.language is not None:
            check_language(self.language)
        if self.encoding is not None:
            check_encoding(self.encoding)
        if not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise OptionError(f"the size limit must be a positive number of bytes, not {self.max_bytes!r}")

    @property
    def language_or_default(self) -> str:
        return self.language or DEFAULT_LANGUAGE

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> ReadOptions:
        """From loose keywords, including the old spellings (`remove_duplicates`) the API once took."""
        renamed = {"remove_duplicates": "clean"}
        known = {item.name for item in dataclasses.fields(cls)}
        values = {renamed.get(key, key): value for key, value in settings.items()}
        unknown = sorted(set(values) - known)
        if unknown:
            raise OptionError(f"no reading option {unknown[0]!r}; reading options: {', '.join(sorted(known))}")
        return cls(**values)
