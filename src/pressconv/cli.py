"""The `pressconv` command: argument parsing, progress, messages and exit codes over the library.

No conversion logic lives here. `main(argv)` returns the exit status so
tests run the command in-process.

Exit status: 0 everything converted (duplicates and existing outputs skipped
count as success); 1 nothing could be converted, or a fatal error; 2 the
command line was wrong; 3 some inputs failed and the rest were converted;
130 interrupted.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from pressconv import __version__
from pressconv.api import atomic_output, read_input, render, writer_errors
from pressconv.cleaning import clean
from pressconv.decoding import DEFAULT_MAX_BYTES
from pressconv.errors import PressconvError
from pressconv.model import DEFAULT_LANGUAGE, Release
from pressconv.parsing import check_language, parse
from pressconv.writers import Writer, available_formats, get_writer, make_options
from pressconv.writers.base import CollectionWriter

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from pressconv.batch import Outcome

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

# Notices that are facts of life rather than warnings: shown only with --verbose.
_QUIET_NOTICES = {"date-ambiguous"}
# Batches this small list every release's outputs and notes; larger ones show progress and a summary.
_LIST_EACH_UP_TO = 20

_EPILOG = """\
examples:
  pressconv convert release.txt --to docx --output release.docx
  pressconv convert archive/ --to html,pdf --output out/        # a whole directory, on all cores
  pressconv convert corpus.jsonl.gz --to epub -o out/ --name "{date}-{slug}" --report report.json
  pressconv convert release.txt --to json --output -           # JSON on stdout, for scripts
  pressconv bundle archive/2014/ --to epub -o 2014.epub --title "Press releases 2014"

The input is a raw scraped release: the title on the first line with its
publication date ("…Published 07/03/2014"), then one paragraph per line.
Repeated paragraphs are removed (--no-clean keeps them); every removal is
reported in the JSON output and, with --verbose, on stderr.

exit status: 0 all converted, 1 nothing converted, 2 usage error,
3 some inputs failed (see the messages or --report), 130 interrupted.
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
        print("pressconv: interrupted; files already written are complete, rerun with --skip-existing to resume", file=sys.stderr)
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
        help="convert raw releases (files, directories, JSON Lines corpora) to one or more formats",
        description="Parse, clean and write raw releases: one output file per release and format.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_inputs(convert)
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
        help="a file (one input, one format), a directory (files named after each input), "
        "or - for standard output (default: the current directory)",
    )
    convert.add_argument("-f", "--force", action="store_true", help="replace output files that exist already")
    batch = convert.add_argument_group("batches")
    batch.add_argument("-j", "--jobs", type=_positive, metavar="N", help="worker processes (default: one per core)")
    batch.add_argument(
        "--name",
        default="{stem}",
        metavar="TEMPLATE",
        help='output names from {stem} {slug} {date} {year} {record} {index}, e.g. "{date}-{slug}" '
        "(default: {stem}); a name taken twice gets -2, -3…",
    )
    batch.add_argument("--skip-existing", action="store_true", help="leave releases whose outputs exist (resume a run)")
    batch.add_argument(
        "--keep-duplicates",
        action="store_true",
        help="write every release, even one that repeats an earlier release of the batch",
    )
    batch.add_argument("--report", type=Path, metavar="FILE.json", help="write a JSON row per input: status, outputs, error")
    batch.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run on a Dask distributed cluster (needs pressconv[dask]); outputs go to --output",
    )
    _add_reading(convert)
    _add_writer_options(convert)
    _add_messages(convert)
    convert.set_defaults(command="convert", run=run_convert)

    bundle = commands.add_parser(
        "bundle",
        help="write many releases into one EPUB, DOCX, PDF or HTML collection",
        description="Collect releases (files, directories, corpora) into one document: a chapter per release, "
        "ordered by date then title, with a table of contents.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_inputs(bundle)
    bundle.add_argument("-t", "--to", required=True, metavar="FORMAT", help="epub, docx, pdf, html or json")
    bundle.add_argument("-o", "--output", required=True, metavar="FILE", help="the collection file to write")
    bundle.add_argument("--title", required=True, help="the collection's title")
    bundle.add_argument("-f", "--force", action="store_true", help="replace the output file if it exists")
    bundle.add_argument("--keep-duplicates", action="store_true", help="keep releases that repeat an earlier one")
    _add_reading(bundle)
    _add_writer_options(bundle)
    _add_messages(bundle)
    bundle.set_defaults(command="bundle", run=run_bundle)

    listing = commands.add_parser(
        "formats",
        help="list the output formats, plugins included",
        description="List every output format: built-ins and installed plugins.",
    )
    listing.set_defaults(command="formats", run=run_formats)
    return parser


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="release files, directories (searched recursively), .jsonl[.gz] corpora, or - for standard input",
    )
    parser.add_argument("--glob", default="*.txt", metavar="PATTERN", help="files to take from directories (default: *.txt)")
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="FIELD",
        help="JSON Lines field holding the raw release (default: text); url and timestamp are kept too",
    )


def _add_reading(parser: argparse.ArgumentParser) -> None:
    reading = parser.add_argument_group("reading")
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


def _add_writer_options(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_argument_group("output options (each format uses those it knows)")
    formats.add_argument("--css", type=Path, metavar="FILE", help="html, epub: stylesheet instead of the built-in one")
    formats.add_argument("--author", metavar="NAME", help="author recorded in the document properties (default: none)")
    formats.add_argument(
        "--paper",
        choices=["a4", "letter"],
        type=str.lower,
        help="docx, pdf: page size (default: a4, or the reference document's)",
    )
    formats.add_argument(
        "--reference-doc",
        type=Path,
        metavar="FILE.docx",
        help="docx: use this document's styles, fonts, margins, headers and footers (not its text)",
    )
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


def _add_messages(parser: argparse.ArgumentParser) -> None:
    messages = parser.add_argument_group("messages")
    messages.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    messages.add_argument("-v", "--verbose", action="store_true", help="also list every removed paragraph and minor notices")
    messages.add_argument("--debug", action="store_true", help="show a traceback on errors")


def _writer_settings(args: argparse.Namespace) -> dict[str, object]:
    return {
        "css": args.css, "reference_doc": args.reference_doc, "paper": args.paper, "author": args.author,
        "font": args.font, "font_bold": args.font_bold, "fallback_fonts": tuple(args.fallback_font) or None,
        "cover": args.cover, "identifier": args.identifier, "publisher": args.publisher,
    }  # fmt: skip


def run_formats(args: argparse.Namespace) -> int:
    for info in available_formats():
        origin = "" if info.origin == "built-in" else f"  [{info.origin}]"
        print(f"{info.name:<8} {info.extension:<7} {info.description}{origin}")
    return EXIT_OK


def run_convert(args: argparse.Namespace) -> int:
    check_language(args.lang)
    writers = [get_writer(name) for name in args.to.split(",") if name.strip()]
    if not writers:
        raise PressconvError("--to names no format; e.g. --to html or --to docx,pdf")
    settings = _writer_settings(args)
    for writer in writers:
        make_options(writer, settings, strict=False)  # a bad option fails before any input is read
    from pressconv.naming import check_template

    check_template(args.name)
    console = _Console(sys.stderr, quiet=args.quiet, verbose=args.verbose)
    if _one_document(args, writers):
        return _convert_one(args, writers[0], settings, console)
    return _convert_batch(args, writers, settings, console)


def _one_document(args: argparse.Namespace, writers: list[Writer]) -> bool:
    """One input to one named file or to stdout: no batch machinery, no process pool."""
    from pressconv.sources import is_corpus

    single_input = len(args.inputs) == 1 and (
        args.inputs[0] == "-" or not (Path(args.inputs[0]).is_dir() or is_corpus(Path(args.inputs[0])))
    )
    if args.output == "-":
        if not single_input or len(writers) > 1:
            raise PressconvError("--output - writes one document to standard output; give one input file and one format")
        return True
    # With several outputs, or any option that only makes sense for a batch, --output is a directory.
    batch_options = args.name != "{stem}" or args.report or args.skip_existing or args.scheduler
    names_a_file = args.output is not None and not args.output.endswith(("/", "\\")) and not Path(args.output).is_dir()
    return names_a_file and single_input and len(writers) == 1 and not batch_options


def _convert_one(args: argparse.Namespace, writer: Writer, settings: dict[str, object], console: _Console) -> int:
    source = args.inputs[0]
    name = "<stdin>" if source == "-" else source
    try:
        data = sys.stdin.buffer.read(args.max_size + 1) if source == "-" else read_input(Path(source), max_bytes=args.max_size)
        release = parse(
            data,
            month_first=args.month_first,
            language=args.lang,
            encoding=args.encoding,
            max_bytes=args.max_size,
            source_name=name,
        )
        if args.clean:
            release = clean(release).release
        console.report(name, release)
        options = make_options(writer, settings, strict=False)
        if args.output == "-":
            # Render fully before printing, so a failure never leaves half a document on stdout.
            buffer = io.BytesIO()
            render(writer, release, buffer, options)
            sys.stdout.buffer.write(buffer.getvalue())
            sys.stdout.buffer.flush()
        else:
            with atomic_output(Path(args.output), overwrite=args.force) as stream:
                render(writer, release, stream, options)
            console.info(f"wrote {args.output}")
    except PressconvError as error:
        if args.debug:
            raise
        console.error(name, str(error))
        return EXIT_FAILED
    return EXIT_OK


def _convert_batch(args: argparse.Namespace, writers: list[Writer], settings: dict[str, object], console: _Console) -> int:
    from pressconv.batch import CONVERTED, DUPLICATE, FAILED, SKIPPED, BatchPlan, run_batch
    from pressconv.sources import count_files, iter_sources

    plan = BatchPlan(
        formats=tuple(writer.name for writer in writers), output_dir=args.output or ".", settings=settings,
        remove_duplicates=args.clean, month_first=args.month_first, language=args.lang, encoding=args.encoding,
        max_bytes=args.max_size, name_template=args.name, skip_existing=args.skip_existing, overwrite=args.force,
        keep_duplicates=args.keep_duplicates,
    )  # fmt: skip
    # A second walk of the directories, on purpose: the total gives the progress bar its ETA, runs a
    # batch of one inline (no pool), and lists each release of a small batch. It stops at a corpus.
    total = count_files(args.inputs, glob=args.glob)
    counts = {CONVERTED: 0, FAILED: 0, DUPLICATE: 0, SKIPPED: 0}
    started = time.monotonic()
    with ExitStack() as stack:
        executor = _executor(args, total, stack)
        report = stack.enter_context(_Report(args.report)) if args.report else None
        progress = stack.enter_context(_Progress(console, total))
        sources = iter_sources(args.inputs, glob=args.glob, text_field=args.text_field)
        for outcome in run_batch(sources, plan, executor, window=max(8, 4 * (args.jobs or _cores()))):
            counts[outcome.status] += 1
            if outcome.status == FAILED:
                progress.clear()
                console.error(outcome.source, outcome.error or "failed")
            elif console.verbose or (total is not None and total <= _LIST_EACH_UP_TO):
                progress.clear()
                console.outcome(outcome)
            if report is not None:
                report.add(outcome.as_row())
            progress.advance(counts)
    elapsed = time.monotonic() - started
    done = counts[CONVERTED] + counts[DUPLICATE] + counts[SKIPPED]
    console.info(
        f"{counts[CONVERTED]} converted, {counts[FAILED]} failed, {counts[DUPLICATE]} duplicates skipped, "
        f"{counts[SKIPPED]} already done, in {elapsed:.1f} s"
    )
    if counts[FAILED] == 0:
        return EXIT_OK
    return EXIT_PARTIAL if done else EXIT_FAILED


def _cores() -> int:
    from pressconv.sources import default_jobs

    return default_jobs()


def _executor(args: argparse.Namespace, total: int | None, stack: ExitStack) -> Executor:
    """Dask when asked, a local process pool for real batches, inline for a batch of one."""
    from pressconv.batch import InlineExecutor

    if args.scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise PressconvError("--scheduler needs Dask: pip install 'pressconv[dask]'") from None
        try:
            client_class: Any = Client  # distributed is not typed
            client = stack.enter_context(client_class(args.scheduler, timeout=30))
        except OSError as error:
            raise PressconvError(f"cannot reach the Dask scheduler at {args.scheduler}: {error}") from None
        return client.get_executor()  # type: ignore[no-any-return]
    jobs = args.jobs or _cores()
    if jobs == 1 or total == 1:
        return InlineExecutor()
    from concurrent.futures import ProcessPoolExecutor

    return stack.enter_context(ProcessPoolExecutor(max_workers=jobs))


def run_bundle(args: argparse.Namespace) -> int:
    from pressconv.collection import build_collection
    from pressconv.sources import iter_sources

    check_language(args.lang)
    writer = get_writer(args.to)
    options = make_options(writer, _writer_settings(args), strict=False)
    if not isinstance(writer, CollectionWriter):
        raise PressconvError(f"the {writer.name} writer cannot write collections; use epub, docx, pdf, html or json")
    console = _Console(sys.stderr, quiet=args.quiet, verbose=args.verbose)
    sources = iter_sources(args.inputs, glob=args.glob, text_field=args.text_field)
    collection, failures = build_collection(
        sources, title=args.title, language=args.lang, remove_duplicates=args.clean, keep_duplicates=args.keep_duplicates,
        month_first=args.month_first, encoding=args.encoding, max_bytes=args.max_size,
    )  # fmt: skip
    for name, error in failures:
        console.error(name, error)
    if not collection.releases:
        raise PressconvError("no release could be read, so there is nothing to bundle")
    with atomic_output(Path(args.output), overwrite=args.force) as stream, writer_errors(writer):
        writer.write_collection(collection, stream, options)
    console.info(f"wrote {args.output}: {len(collection.releases)} releases")
    return EXIT_PARTIAL if failures else EXIT_OK


class _Console:
    """Everything the command says goes through here, to stderr, so stdout stays the document."""

    def __init__(self, stream: TextIO, *, quiet: bool, verbose: bool) -> None:
        self.stream, self.quiet, self.verbose = stream, quiet, verbose

    def error(self, source: str, message: str) -> None:
        print(f"pressconv: error: {source}: {message}", file=self.stream)

    def info(self, message: str) -> None:
        if not self.quiet:
            print(f"pressconv: {message}", file=self.stream)

    def outcome(self, outcome: Outcome) -> None:
        """One line per release of a small batch: what was written, what was removed, what to know."""
        if self.quiet:
            return
        if outcome.status == "duplicate":
            self.info(f"{outcome.source}: same release as {outcome.duplicate_of}; not written again")
            return
        verb = "already written" if outcome.status == "skipped" else "wrote"
        removed = (
            f" (removed {outcome.removed} repeated paragraph{'s' if outcome.removed != 1 else ''})" if outcome.removed else ""
        )
        self.info(f"{outcome.source}: {verb} {', '.join(outcome.outputs)}{removed}")
        for code, message in outcome.notices:
            if self.verbose or code not in _QUIET_NOTICES:
                print(f"pressconv: {outcome.source}: note: {message}", file=self.stream)

    def report(self, source: str, release: Release) -> None:
        if self.quiet:
            return
        for notice in release.notices:
            if self.verbose or notice.code not in _QUIET_NOTICES:
                print(f"pressconv: {source}: note: {notice.message}", file=self.stream)
        if release.removed:
            count = len(release.removed)
            print(f"pressconv: {source}: removed {count} repeated paragraph{'s' if count != 1 else ''}", file=self.stream)
        if self.verbose:
            for removal in release.removed:
                print(f"pressconv: {source}:   {removal.message}", file=self.stream)


class _Progress:
    """A live bar (count, rate, ETA) on a terminal; a plain line every few seconds otherwise; nothing with --quiet."""

    def __init__(self, console: _Console, total: int | None) -> None:
        self.console, self.total = console, total
        self.done, self.started, self.last_line = 0, time.monotonic(), time.monotonic()
        self.bar: Any = None
        if not console.quiet and console.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="release", file=console.stream, dynamic_ncols=True, leave=False)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def clear(self) -> None:
        if self.bar is not None:
            self.bar.clear()

    def advance(self, counts: dict[str, int]) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(failed=counts["failed"], refresh=False)
            return
        now = time.monotonic()
        if not self.console.quiet and now - self.last_line >= 10:
            self.last_line = now
            rate = self.done / max(now - self.started, 1e-9)
            of = f"/{self.total}" if self.total else ""
            self.console.info(f"{self.done}{of} done, {counts['failed']} failed, {rate:.0f} releases/s")


class _Report:
    """The --report file, a JSON array streamed one row at a time so memory stays flat."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows = 0
        self._file: IO[str] | None = None

    def __enter__(self) -> _Report:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("w", encoding="utf-8")
        except OSError as error:
            raise PressconvError(f"cannot write the report {self.path}: {error.strerror or error}") from None
        self._file.write("[")
        return self

    def add(self, row: dict[str, Any]) -> None:
        assert self._file is not None
        self._file.write(("\n  " if self.rows == 0 else ",\n  ") + json.dumps(row, ensure_ascii=False))
        self.rows += 1

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.write("\n]\n")
            self._file.close()


def _size(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", text, re.IGNORECASE)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; use bytes or a suffix, e.g. 500K or 20M")
    power: int = " kmg".index(match[2].lower() or " ")
    return int(match[1]) << (10 * power)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)
