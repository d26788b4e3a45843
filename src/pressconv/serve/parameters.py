"""Query parameters and multipart parts → a checked conversion request, named like the command line's flags.

The catalogue is generated from the same option metadata the CLI generates its flags from
(`pressconv.options.option_specs` over `ReadOptions` and each writer's options type), so a plugin
writer's options are service parameters too. `--lang` is `lang=`, `--month-first` is `month_first=true`
(or `month-first=true`), `--no-clean` is `no_clean=true`. Options that name a file (`--css`,
`--reference-doc`, `--cover`, `--font`, `--fallback-font`) are taken only as parts of a
multipart/form-data request, as bytes: a query value for one is refused, so no request can make the
server read a path of its own machine. `--max-size` is the server's `--max-bytes`, not the client's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pressconv
from pressconv.options import OptionSpec, option_specs

READ, WRITE = "read", "write"
#: Parameters of /v1/convert that are not options.
FORMATS_PARAMETER = "to"
RELEASE_PART = "release"
#: Reading options the server decides, not the client.
_SERVER_ONLY = frozenset({"max_bytes"})
_TRUE = frozenset({"", "1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


class ParameterError(Exception):
    """A parameter the service does not take, or a bad value for one (→ 422)."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One option as the service takes it."""

    #: The name in a query or a part: the CLI flag without its dashes, with underscores ("month_first").
    name: str
    kind: str  # READ or WRITE
    spec: OptionSpec
    #: The formats whose writers take it (empty for reading options).
    formats: tuple[str, ...] = ()

    @property
    def is_file(self) -> bool:
        return self.spec.info.file


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every parameter the service takes, and the formats and readers it knows."""

    parameters: Mapping[str, Parameter]
    formats: tuple[str, ...]

    @classmethod
    def build(cls) -> Catalogue:
        parameters: dict[str, Parameter] = {}
        for spec in option_specs(pressconv.ReadOptions):
            if spec.name not in _SERVER_ONLY:
                parameters[_name(spec)] = Parameter(_name(spec), READ, spec)
        formats = []
        for info in pressconv.available_formats():
            formats.append(info.name)
            for spec in option_specs(pressconv.get_writer(info.name).options_type):
                known = parameters.get(_name(spec))
                taken_by = (*known.formats, info.name) if known is not None else (info.name,)
                parameters[_name(spec)] = Parameter(_name(spec), WRITE, spec if known is None else known.spec, taken_by)
        return cls(parameters, tuple(formats))

    def field(self, field_name: str) -> Parameter:
        """The writer parameter that sets the options field `field_name`."""
        return next(item for item in self.parameters.values() if item.kind == WRITE and item.spec.name == field_name)

    def lookup(self, name: str) -> Parameter:
        parameter = self.parameters.get(name.replace("-", "_").lower())
        if parameter is None:
            if name.replace("-", "_").lower() in {_name(spec) for spec in option_specs(pressconv.ReadOptions)}:
                raise ParameterError(f"{name!r} is set by the server (its --max-bytes), not by a request")
            raise ParameterError(f"no option {name!r}; the options are listed at /v1/formats")
        return parameter


@dataclass(frozen=True, slots=True)
class Request:
    """A conversion request, checked: formats, reading options and writer options (file options as bytes)."""

    formats: tuple[str, ...]
    reading: dict[str, Any]
    settings: dict[str, Any]


def parse_formats(text: str | None, catalogue: Catalogue) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(part.strip().lower() for part in (text or "html").split(",") if part.strip()))
    if not names:
        raise ParameterError("'to' names no format; e.g. to=html or to=docx,pdf")
    for name in names:
        if name not in catalogue.formats:
            raise ParameterError(f"no output format {name!r}; formats: {', '.join(catalogue.formats)}")
    return names


def parse_request(
    query: Iterable[tuple[str, str]],
    catalogue: Catalogue,
    *,
    fields: Iterable[tuple[str, str]] = (),
    files: Iterable[tuple[str, bytes]] = (),
) -> Request:
    """Check the query (and a multipart request's text fields and option files); raise `ParameterError` on the first fault."""
    query = list(query)
    formats = parse_formats(next((value for key, value in query if key == FORMATS_PARAMETER), None), catalogue)
    reading: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    for key, value in [*query, *fields]:
        if key == FORMATS_PARAMETER:
            continue
        parameter = catalogue.lookup(key)
        if parameter.is_file:
            raise ParameterError(
                f"{key!r} names a file: send the file itself as a part named {parameter.name!r} of a "
                "multipart/form-data request (the service never reads a path of its own machine)"
            )
        _store(parameter, _value(parameter, value), reading, settings)
    for key, data in files:
        parameter = catalogue.lookup(key)
        if not parameter.is_file:
            raise ParameterError(f"{key!r} is not a file option; give it as a query parameter")
        _store(parameter, data, reading, settings)
    chosen = set(formats)
    for parameter in {catalogue.field(name) for name in settings}:
        if not chosen & set(parameter.formats):
            raise ParameterError(
                f"{parameter.name!r} applies to {', '.join(parameter.formats)}, not to {', '.join(formats)}; "
                "drop it or add a format"
            )
    if "reader" in reading:
        try:
            pressconv.get_reader(reading["reader"])
        except pressconv.UnknownFormatError as error:
            raise ParameterError(str(error)) from None
    try:
        pressconv.ReadOptions(**reading)
    except pressconv.OptionError as error:
        raise ParameterError(str(error)) from None
    return Request(formats, reading, settings)


def _name(spec: OptionSpec) -> str:
    return spec.flag.lstrip("-").replace("-", "_")


def _value(parameter: Parameter, text: str) -> Any:
    spec = parameter.spec
    info = spec.info
    if info.switch:
        lowered = text.strip().lower()
        if lowered not in _TRUE | _FALSE:
            raise ParameterError(f"{parameter.name!r} is true or false, not {text!r}")
        given = lowered in _TRUE
        # A switch flag turns its default around: no_clean=true sets clean to False.
        return (not spec.default) if given else spec.default
    if info.choices:
        lowered = text.strip().lower()
        if lowered not in info.choices:
            raise ParameterError(f"{parameter.name!r} is one of {', '.join(info.choices)}, not {text!r}")
        return lowered
    if info.parse is not None:
        try:
            return info.parse(text)
        except ValueError as error:
            raise ParameterError(f"{parameter.name!r}: {error}") from None
    return text


def _store(parameter: Parameter, value: Any, reading: dict[str, Any], settings: dict[str, Any]) -> None:
    target = reading if parameter.kind == READ else settings
    field = parameter.spec.name
    if parameter.spec.info.repeatable:
        target[field] = (*target.get(field, ()), value)
    elif field in target:
        raise ParameterError(f"{parameter.name!r} is given twice")
    else:
        target[field] = value
