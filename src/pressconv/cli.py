"""The `pressconv` command: argument parsing, messages and exit codes over the public API.

No conversion logic lives here. `main(argv)` returns the exit status so
tests run the command in-process.

Exit status: 0 everything converted; 1 an input or output failed (the others
were still converted); 2 the command line was wrong; 130 interrupted.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pressconv import __version__
from pressconv.api import atomic_output, read_input, render
from pressconv.cleaning import clean
from pressconv.decoding import DEFAULT_MAX_BYTES
from pressconv.errors import PressconvError
from pressconv.model import DEFAULT_LANGUAGE, Release
from pressconv.parsing import check_language, parse
from pressconv.writers import Writer, available_formats, get_writer, make_options

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

# Notices that are facts of life rather than warnings: shown only with --verbose.
_QUIET_NOTICES = {"date-ambiguous"}

_EPILOG = """\
examples:
  pressconv convert release.txt --to docx --output release.docx
  pressconv convert archive/*.txt --to html,pdf --output out/
  pressconv convert release.txt --to json --output -      # JSON on stdout, for scripts
  curl -s URL | pressconv convert - --to epub --output release.epub

The input is a raw scraped release: the title on the first line with its
publication date ("…Published 07/03/2014"), then one paragraph per line.
Repeated paragraphs are removed (--no-clean keeps them); every removal is
reported in the JSON output and, with --verbose, on stderr.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("pressconv: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except PressconvError as error:
        if args.debug:
            raise
        print(f"pressconv: error: {error}", file=sys.stderr)
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pressconv",
        description="Turn raw scraped press releases into clean DOCX, PDF, EPUB, HTML and JSON.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pressconv {__version__}")
    parser.set_defaults(command=None, debug=False)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert raw releases to one or more formats",
        description="Parse, clean and write raw releases.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="raw release files; - reads standard input")
    convert.add_argument(
        "-t",
        "--to",
        default="html",
        metavar="FORMAT[,FORMAT…]",
        help="output formats, comma-separated (default: html; see `pressconv formats`)",
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="PATH|DIR|-",
        help="a file (one input, one format), a directory (named after each input), "
        "or - for standard output (default: the current directory)",
    )
    convert.add_argument("-f", "--force", action="store_true", help="replace output files that exist already")
    reading = convert.add_argument_group("reading")
    reading.add_argument("--no-clean", dest="clean", action="store_false", help="keep repeated paragraphs")
    reading.add_argument(
        "--month-first",
        action="store_true",
        help="read 03/07/2014 as March 7 (US sources); default is day first. "
        "A date that only reads one way (03/15/2014) is always read that way",
    )
    reading.add_argument(
        "--lang",
        default=DEFAULT_LANGUAGE,
        metavar="TAG",
        help=f"language of the releases, a BCP 47 tag such as en-US or cy (default: {DEFAULT_LANGUAGE})",
    )
    reading.add_argument("--encoding", metavar="NAME", help="input encoding (default: detect UTF-8, else Windows-1252)")
    reading.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="BYTES",
        help="refuse inputs larger than this, e.g. 20M (default: 10M)",
    )
    formats = convert.add_argument_group("output options (each format uses those it knows)")
    formats.add_argument("--css", type=Path, metavar="FILE", help="stylesheet for html and epub instead of the built-in one")
    formats.add_argument(
        "--reference-doc",
        type=Path,
        metavar="FILE.docx",
        help="docx: use this document's styles, fonts, margins, headers and footers (not its text)",
    )
    formats.add_argument(
        "--paper",
        choices=["a4", "letter"],
        type=str.lower,
        help="docx and pdf page size (default: a4, or the reference document's)",
    )
    formats.add_argument("--author", metavar="NAME", help="author recorded in the document properties (default: none)")
    formats.add_argument("--font", type=Path, metavar="FILE.ttf", help="pdf: TrueType font for the text (default: DejaVu Sans)")
    formats.add_argument("--font-bold", type=Path, metavar="FILE.ttf", help="pdf: TrueType font for the title (default: --font)")
    formats.add_argument(
        "--fallback-font",
        type=Path,
        action="append",
        default=[],
        metavar="FILE.ttf",
        help="pdf: font for characters the main font lacks (repeatable); fonts installed on the system are also tried",
    )
    formats.add_argument(
        "--cover",
        type=Path,
        metavar="IMAGE",
        help="epub: cover image (PNG, JPEG, GIF, WebP or SVG; default: a generated title card)",
    )
    formats.add_argument("--identifier", metavar="ID", help="epub: dc:identifier (default: a UUID derived from the content)")
    formats.add_argument("--publisher", metavar="NAME", help="epub: publisher (default: none)")
    messages = convert.add_argument_group("messages")
    messages.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    messages.add_argument("-v", "--verbose", action="store_true", help="also list every removed paragraph and minor notices")
    messages.add_argument("--debug", action="store_true", help="show a traceback on errors")
    convert.set_defaults(command="convert", run=run_convert)

    listing = commands.add_parser(
        "formats",
        help="list the output formats, plugins included",
        description="List every output format: built-ins and installed plugins.",
    )
    listing.set_defaults(command="formats", run=run_formats)
    return parser


def run_formats(args: argparse.Namespace) -> int:
    for info in available_formats():
        origin = "" if info.origin == "built-in" else f"  [{info.origin}]"
        print(f"{info.name:<8} {info.extension:<7} {info.description}{origin}")
    return EXIT_OK


@dataclass(frozen=True, slots=True)
class _Job:
    source: str
    writer: Writer
    destination: Path | None  # None: standard output


def run_convert(args: argparse.Namespace) -> int:
    check_language(args.lang)
    writers = [get_writer(name) for name in args.to.split(",") if name.strip()]
    if not writers:
        raise PressconvError("--to names no format; e.g. --to html or --to docx,pdf")
    settings = {
        "css": args.css,
        "reference_doc": args.reference_doc,
        "paper": args.paper,
        "author": args.author,
        "font": args.font,
        "font_bold": args.font_bold,
        "fallback_fonts": tuple(args.fallback_font) or None,
        "cover": args.cover,
        "identifier": args.identifier,
        "publisher": args.publisher,
    }
    options = {writer.name: make_options(writer, settings, strict=False) for writer in writers}
    jobs = _plan(args.inputs, writers, args.output)
    console = _Console(sys.stderr, quiet=args.quiet, verbose=args.verbose)
    failures = 0
    releases: dict[str, Release | None] = {}
    for job in jobs:
        if job.source not in releases:
            releases[job.source] = _read(job.source, args, console)
        release = releases[job.source]
        if release is None:
            failures += 1
            continue
        try:
            _write(release, job, options[job.writer.name], force=args.force)
        except PressconvError as error:
            if args.debug:
                raise
            console.error(job.source, str(error))
            failures += 1
            continue
        if job.destination is not None:
            console.info(f"wrote {job.destination}")
    return EXIT_FAILED if failures else EXIT_OK


def _plan(inputs: list[str], writers: list[Writer], output: str | None) -> list[_Job]:
    """Decide where each (input, format) goes; refuse plans that would overwrite their own outputs."""
    many = len(inputs) > 1 or len(writers) > 1
    if output == "-":
        if many:
            raise PressconvError("--output - writes one document to standard output; give one input and one format")
        return [_Job(inputs[0], writers[0], None)]
    if not many and output is not None and not output.endswith(("/", "\\")) and not Path(output).is_dir():
        return [_Job(inputs[0], writers[0], Path(output))]
    directory = Path(output or ".")
    jobs: list[_Job] = []
    claimed: dict[Path, str] = {}
    for source in inputs:
        stem = "stdin" if source == "-" else Path(source).stem or "release"
        for writer in writers:
            destination = directory / f"{stem}{writer.extension}"
            if destination in claimed:
                raise PressconvError(
                    f"{source} and {claimed[destination]} would both be written to {destination}; convert them separately"
                )
            claimed[destination] = source
            jobs.append(_Job(source, writer, destination))
    return jobs


def _read(source: str, args: argparse.Namespace, console: _Console) -> Release | None:
    try:
        data = sys.stdin.buffer.read(args.max_size + 1) if source == "-" else read_input(Path(source), max_bytes=args.max_size)
        release = parse(
            data,
            month_first=args.month_first,
            language=args.lang,
            encoding=args.encoding,
            max_bytes=args.max_size,
            source_name=source,
        )
    except PressconvError as error:
        if args.debug:
            raise
        console.error(source, str(error))
        return None
    if args.clean:
        release = clean(release).release
    console.report(source, release)
    return release


def _write(release: Release, job: _Job, options: object, *, force: bool) -> None:
    if job.destination is None:
        # Render fully before printing, so a failure never leaves half a document on stdout.
        buffer = io.BytesIO()
        render(job.writer, release, buffer, options)
        sys.stdout.buffer.write(buffer.getvalue())
        sys.stdout.buffer.flush()
        return
    with atomic_output(job.destination, overwrite=force) as stream:
        render(job.writer, release, stream, options)


class _Console:
    """Everything the command says goes through here, to stderr, so stdout stays the document."""

    def __init__(self, stream: TextIO, *, quiet: bool, verbose: bool) -> None:
        self.stream, self.quiet, self.verbose = stream, quiet, verbose

    def error(self, source: str, message: str) -> None:
        print(f"pressconv: error: {_display(source)}: {message}", file=self.stream)

    def info(self, message: str) -> None:
        if not self.quiet:
            print(f"pressconv: {message}", file=self.stream)

    def report(self, source: str, release: Release) -> None:
        if self.quiet:
            return
        name = _display(source)
        for notice in release.notices:
            if self.verbose or notice.code not in _QUIET_NOTICES:
                print(f"pressconv: {name}: note: {notice.message}", file=self.stream)
        if release.removed:
            count = len(release.removed)
            print(f"pressconv: {name}: removed {count} repeated paragraph{'s' if count != 1 else ''}", file=self.stream)
        if self.verbose:
            for removal in release.removed:
                print(f"pressconv: {name}:   {removal.message}", file=self.stream)


def _display(source: str) -> str:
    return "<stdin>" if source == "-" else source


def _size(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text, re.IGNORECASE)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; use bytes or a suffix, e.g. 500K or 20M")
    power: int = " kmg".index(match[2].lower() or " ")
    return int(match[1]) << (10 * power)
