"""The `pressconv` command: argument parsing, progress, messages and exit codes over the public API.

No conversion logic lives here: one document goes through `pressconv.convert`,
many through `pressconv.batch.run.run_batch`, a bundle through `pressconv.bundle`'s
parts. Writer and reading flags are generated from the options dataclasses'
metadata, so a plugin writer's options appear here without this module
knowing the plugin. `main(argv)` returns the exit status so tests run the
command in-process.

Exit status: 0 everything converted (duplicates and existing outputs skipped
count as success); 1 nothing could be converted, or a fatal error; 2 the
command line was wrong (wherever that is found); 3 some inputs failed and the
rest were converted; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from pressconv import __version__
from pressconv.errors import OptionError, PressconvError, UsageError

if TYPE_CHECKING:
    from pressconv.api import Result
    from pressconv.batch.run import Outcome
    from pressconv.options import OptionSpec, ReadOptions
    from pressconv.writers import Writer

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 3, 130, 143

# Batches this small list every release's outputs and notes; larger ones show progress and a summary.
_LIST_EACH_UP_TO = 20
_COMMANDS = ("convert", "bundle", "formats")

_CONVERT_EPILOG = """\
examples:
  pressconv convert release.txt --to docx --output release.docx
  pressconv convert archive/ --to html,pdf --output out/        # a whole directory, on all cores
  pressconv convert corpus.jsonl.gz --to epub -o out/ --name "{date}-{slug}" --report report.json
  pressconv convert crawl.warc.gz --to html,json -o out/        # every press release page in a web archive
  pressconv convert page.html --to docx,pdf -o out/             # a saved web page
  pressconv convert release.txt --to json --output -           # JSON on stdout, for scripts
  cat release.txt | pressconv convert - --to epub -o release.epub

The input is a raw scraped release (the title and its publication date, then
one paragraph, list item or subheading per line) or a saved web page.
Repeated paragraphs and lines of the web page (share buttons, navigation) are
removed (--no-clean, --keep-chrome keep them); every removal is reported in
the JSON output and, with --verbose, on stderr.

exit status: 0 all converted, 1 nothing converted, 2 usage error,
3 some inputs failed (see the messages or --report), 130 interrupted, 143 terminated.
"""

_BUNDLE_EPILOG = """\
examples:
  pressconv bundle archive/2014/ --to epub -o 2014.epub --title "Press releases 2014"
  pressconv bundle a.txt b.txt c.txt --to pdf -o spring.pdf --title "Spring 2024" --lang cy
  pressconv bundle corpus.jsonl.gz --to docx -o all.docx --title "Archive" -v   # -v lists duplicates left out

Releases are ordered by date, then title (undated last); a release that
repeats an earlier one is left out once and counted (--keep-duplicates keeps it).

exit status: 0 bundled, 1 nothing could be read, 2 usage error, 3 some inputs failed.
"""


class _Terminated(KeyboardInterrupt):
    """SIGTERM, delivered as an interruption so every `finally` and context manager runs."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = next((item for item in arguments if not item.startswith("-")), None)
    command = command if command in _COMMANDS else None
    try:
        args = _parse(arguments, command)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command is None:
        build_parser(None).print_help()
        return EXIT_USAGE
    previous = _on_sigterm()
    try:
        return int(args.run(args))
    except _Terminated:
        print("pressconv: terminated; files already written are complete, rerun with --skip-existing to resume", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("pressconv: interrupted; files already written are complete, rerun with --skip-existing to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    except PressconvError as error:
        if args.debug:
            raise
        print(f"pressconv: error: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, UsageError) else EXIT_FAILED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _parse(arguments: list[str], command: str | None) -> argparse.Namespace:
    """Parse with the built-in formats' flags; look plugins up (≈20 ms of package metadata) only when the
    command line needs them: help, a flag the built-ins do not know, or a format that is not built in."""
    if any(item in ("-h", "--help") for item in arguments) or command not in ("convert", "bundle"):
        return build_parser(command, plugins=True).parse_args(arguments)
    from pressconv.writers import WRITERS

    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument("-t", "--to", default="html")
    known, _ = quiet.parse_known_args(arguments[arguments.index(command) + 1 :])
    built_in = all(name in WRITERS.built_in for name in _formats(known.to or ""))
    if built_in:
        parser = build_parser(command, plugins=False)
        with contextlib.redirect_stderr(io.StringIO()):
            try:
                args, unknown = parser.parse_known_args(arguments)
            except SystemExit:
                unknown = ["?"]
        if not unknown:
            return args
    return build_parser(command, plugins=True).parse_args(arguments)


def _on_sigterm() -> Any:
    """Turn SIGTERM into `_Terminated` for this call (main thread only), so it stops like Ctrl-C."""

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    try:
        return signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        return None


# ---------------------------------------------------------------------------------------------- parser


def build_parser(command: str | None = None, *, plugins: bool = True) -> argparse.ArgumentParser:
    """The argument parser; the option flags of `command` (convert, bundle) are generated only when it is asked for,
    so `pressconv --help` loads no writer."""
    parser = argparse.ArgumentParser(
        prog="pressconv",
        description="Turn raw scraped press releases and saved press-release pages into clean DOCX, PDF, EPUB, HTML and JSON.",
        epilog=_CONVERT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pressconv {__version__}")
    parser.set_defaults(command=None, debug=False)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert releases (files, directories, JSON Lines corpora, web archives) to one or more formats",
        description="Read, clean and write releases: one output file per release and format.",
        epilog=_CONVERT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.set_defaults(command="convert", run=run_convert)
    bundle = commands.add_parser(
        "bundle",
        help="write many releases into one EPUB, DOCX, PDF, HTML or JSON collection",
        description="Collect releases (files, directories, corpora) into one document: a chapter per release, "
        "ordered by date then title, with a table of contents.",
        epilog=_BUNDLE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    bundle.set_defaults(command="bundle", run=run_bundle)
    listing = commands.add_parser(
        "formats",
        help="list the input and output formats, plugins included",
        description="List every reader and writer: built-ins and installed plugins.",
    )
    listing.set_defaults(command="formats", run=run_formats)
    if command == "convert":
        _add_convert_arguments(convert, plugins=plugins)
    elif command == "bundle":
        _add_bundle_arguments(bundle, plugins=plugins)
    return parser


def _add_convert_arguments(convert: argparse.ArgumentParser, *, plugins: bool) -> None:
    _add_inputs(convert)
    convert.add_argument(
        "-t", "--to", default="html", metavar="FORMAT[,FORMAT…]",
        help="output formats, comma-separated (default: html; see `pressconv formats`)",
    )  # fmt: skip
    convert.add_argument(
        "-o", "--output", metavar="PATH|DIR/|-",
        help="a file (one input, one format), a directory (files named after each input; end it with / if it does "
        "not exist yet), or - for standard output (default: the current directory)",
    )  # fmt: skip
    convert.add_argument("-f", "--force", action="store_true", help="replace output files that exist already")
    batch = convert.add_argument_group("batches")
    batch.add_argument("-j", "--jobs", type=_positive, metavar="N", help="worker processes (default: one per core)")
    batch.add_argument(
        "--name", default="{stem}", metavar="TEMPLATE",
        help='output names from {stem} {slug} {date} {year} {record} {index}, e.g. "{date}-{slug}" '
        "(default: {stem}); a name taken twice gets -2, -3…",
    )  # fmt: skip
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
    _add_writer_options(convert, plugins=plugins)
    _add_messages(convert)


def _add_bundle_arguments(bundle: argparse.ArgumentParser, *, plugins: bool) -> None:
    _add_inputs(bundle)
    bundle.add_argument("-t", "--to", required=True, metavar="FORMAT", help="epub, docx, pdf, html or json")
    bundle.add_argument("-o", "--output", required=True, metavar="FILE", help="the collection file to write")
    bundle.add_argument("--title", required=True, help="the collection's title")
    bundle.add_argument("-f", "--force", action="store_true", help="replace the output file if it exists")
    bundle.add_argument("--keep-duplicates", action="store_true", help="keep releases that repeat an earlier one")
    _add_reading(bundle)
    _add_writer_options(bundle, plugins=plugins)
    _add_messages(bundle)


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="release files, saved pages, directories (searched recursively), .jsonl[.gz] corpora, "
        ".warc[.gz] web archives, or - for standard input",
    )  # fmt: skip
    parser.add_argument(
        "--glob", default=None, metavar="PATTERN",
        help="files to take from directories (default: *.txt, *.html and *.htm)",
    )  # fmt: skip
    parser.add_argument(
        "--text-field", default="text", metavar="FIELD",
        help="JSON Lines field holding the raw release (default: text); url and timestamp are kept too",
    )  # fmt: skip


def _add_reading(parser: argparse.ArgumentParser) -> None:
    from pressconv.options import ReadOptions, option_specs

    group = parser.add_argument_group("reading")
    for spec in option_specs(ReadOptions):
        _add_flag(group, spec, f"read_{spec.name}", spec.info.help, keep_default=True)


def _add_writer_options(parser: argparse.ArgumentParser, *, plugins: bool = True) -> None:
    """One flag per writer option, shared by the formats that have an option of that name."""
    from pressconv.options import option_specs
    from pressconv.writers import WRITERS

    group = parser.add_argument_group("output options (each applies to the formats named before its help)")
    by_name: dict[str, tuple[OptionSpec, list[str]]] = {}
    for writer, _origin in WRITERS.items(plugins=plugins):
        for spec in option_specs(writer.options_type):
            by_name.setdefault(spec.name, (spec, []))[1].append(writer.name)
    for name, (spec, formats) in by_name.items():
        _add_flag(group, spec, f"write_{name}", f"{', '.join(formats)}: {spec.info.help}")
    parser.set_defaults(
        writer_option_names=tuple(by_name),
        writer_option_formats={name: tuple(formats) for name, (_, formats) in by_name.items()},
        writer_option_switches={name: spec.default for name, (spec, _) in by_name.items() if spec.info.switch},
    )


def _add_flag(group: Any, spec: OptionSpec, dest: str, help_text: str, *, keep_default: bool = False) -> None:
    info = spec.info
    if info.switch:
        action = "store_false" if spec.default is True else "store_true"
        group.add_argument(spec.flag, dest=dest, action=action, default=spec.default, help=help_text)
        return
    kwargs: dict[str, Any] = {"dest": dest, "help": help_text, "default": spec.default if keep_default else None}
    if info.metavar:
        kwargs["metavar"] = info.metavar
    if info.choices:
        kwargs["choices"] = info.choices
        kwargs["type"] = str.lower
    if info.parse is not None:
        kwargs["type"] = _argument_type(info.parse)
    if info.repeatable:
        kwargs["action"] = "append"
    group.add_argument(spec.flag, **kwargs)


def _argument_type(parse: Any) -> Any:
    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = getattr(parse, "__name__", "value")
    return convert


def _add_messages(parser: argparse.ArgumentParser) -> None:
    messages = parser.add_argument_group("messages")
    messages.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    messages.add_argument("-v", "--verbose", action="store_true", help="also list every removal, duplicate and minor notice")
    messages.add_argument("--debug", action="store_true", help="show a traceback on errors")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


# ---------------------------------------------------------------------------------------------- requests


@dataclass(frozen=True, slots=True)
class _Request:
    """What the command line asks for, checked: the formats, their options, and how to read."""

    writers: list[Writer]
    settings: dict[str, Any]
    read: ReadOptions


def _request(args: argparse.Namespace, format_names: list[str]) -> _Request:
    """Formats, reading options and writer options, all checked before any input is read (usage errors → exit 2)."""
    from pressconv.api import prepare_writers
    from pressconv.options import ReadOptions, option_specs
    from pressconv.writers import get_writer

    if not format_names:
        raise UsageError("--to names no format; e.g. --to html or --to docx,pdf")
    writers = [get_writer(name) for name in format_names]
    if args.read_reader:
        from pressconv.readers import get_reader

        get_reader(args.read_reader)
    read = ReadOptions(**{spec.name: getattr(args, f"read_{spec.name}") for spec in option_specs(ReadOptions)})
    settings: dict[str, Any] = {}
    for name in args.writer_option_names:
        value = getattr(args, f"write_{name}")
        if value is None or value == [] or (name in args.writer_option_switches and value == args.writer_option_switches[name]):
            continue
        settings[name] = tuple(value) if isinstance(value, list) else value
    chosen = {writer.name for writer in writers}
    for name in settings:
        takers = args.writer_option_formats[name]
        if not chosen & set(takers):
            flag = "--" + name.replace("_", "-")
            raise UsageError(
                f"{flag} applies to {', '.join(takers)}, not to {', '.join(sorted(chosen))}; drop it or add a format"
            )
    prepare_writers(writers, settings, strict=False)  # unreadable option files, bad reference documents: once, up front
    return _Request(writers, settings, read)


def _formats(text: str) -> list[str]:
    return list(dict.fromkeys(name.strip().lower() for name in text.split(",") if name.strip()))


# ---------------------------------------------------------------------------------------------- commands


def run_formats(args: argparse.Namespace) -> int:
    from pressconv.readers import READERS
    from pressconv.writers import WRITERS

    print("input formats (--from):")
    for reader, origin in READERS.items():
        where = "" if origin == "built-in" else f"  [{origin}]"
        print(f"  {reader.name:<8} {' '.join(reader.extensions):<16} {reader.description}{where}")
    print("output formats (--to):")
    for writer, origin in WRITERS.items():
        where = "" if origin == "built-in" else f"  [{origin}]"
        print(f"  {writer.name:<8} {writer.extension:<16} {writer.description}{where}")
    return EXIT_OK


def run_convert(args: argparse.Namespace) -> int:
    from pressconv.batch.naming import check_template

    request = _request(args, _formats(args.to))
    check_template(args.name)
    console = _Console(sys.stderr, quiet=args.quiet, verbose=args.verbose)
    if _one_document(args, request.writers):
        return _convert_one(args, request, console)
    return _convert_batch(args, request, console)


def _one_document(args: argparse.Namespace, writers: list[Writer]) -> bool:
    """One input to one named file or to stdout: no batch machinery, no process pool.

    `-o FILE` (a name with an extension that is not a directory) with several
    formats or inputs is refused, never turned into a directory of that name.
    """
    from pressconv.batch.sources import is_collection_file

    inputs = args.inputs
    single_input = len(inputs) == 1 and (
        inputs[0] == "-" or not (Path(inputs[0]).is_dir() or is_collection_file(Path(inputs[0])))
    )
    if args.output == "-":
        if not single_input or len(writers) > 1:
            raise UsageError("--output - writes one document to standard output; give one input file and one format")
        return True
    if args.output is None:
        return False
    output = Path(args.output)
    is_directory = args.output.endswith(("/", os.sep)) or output.is_dir()
    if is_directory:
        return False
    names_a_file = output.suffix != ""
    batch_options = args.name != "{stem}" or args.report or args.skip_existing or args.scheduler
    if names_a_file and (not single_input or len(writers) > 1 or batch_options):
        what = "several formats" if len(writers) > 1 else "several inputs" if not single_input else "batch options"
        raise UsageError(f"--output {args.output} names one file, but {what} need a directory; end it with / (e.g. out/)")
    return names_a_file


def _convert_one(args: argparse.Namespace, request: _Request, console: _Console) -> int:
    import pressconv

    source = args.inputs[0]
    name = "<stdin>" if source == "-" else source
    try:
        if source == "-":
            data = sys.stdin.buffer.read(request.read.max_bytes + 1)
            origin: Any = data
        else:
            origin = Path(source)
        output = None if args.output == "-" else Path(args.output)
        result = pressconv.convert(
            origin, to=request.writers[0], output=output, read_options=request.read, overwrite=args.force,
            name=None if source != "-" else name, **request.settings,
        )  # fmt: skip
        if output is None:
            # Rendered fully before printing, so a failure never leaves half a document on stdout.
            sys.stdout.buffer.write(result.data)
            sys.stdout.buffer.flush()
        console.result(name, result)
        if output is not None:
            console.info(f"wrote {output}")
    except UsageError:
        raise
    except PressconvError as error:
        if args.debug:
            raise
        console.error(name, str(error))
        return EXIT_FAILED
    return EXIT_OK


def _convert_batch(args: argparse.Namespace, request: _Request, console: _Console) -> int:
    from pressconv.batch.run import CONVERTED, DUPLICATE, FAILED, PARTIAL, SKIPPED, BatchPlan, jobs_for, make_executor, run_batch
    from pressconv.batch.sources import count_files, default_jobs, iter_sources

    output_dir = args.output or "."
    if args.output is None:
        console.info("no --output given: writing into the current directory")
    formats = tuple(writer.name for writer in request.writers)
    _check_report_path(args.report, output_dir, request.writers)
    plan = BatchPlan(
        formats=formats, output_dir=output_dir, settings=request.settings, read=request.read, name_template=args.name,
        skip_existing=args.skip_existing, overwrite=args.force, keep_duplicates=args.keep_duplicates,
    )  # fmt: skip
    # A second walk of the directories, on purpose: the total gives the progress bar its ETA, runs a
    # batch of one inline (no pool), and lists each release of a small batch. It stops at a corpus.
    total = count_files(args.inputs, glob=args.glob)
    counts = {CONVERTED: 0, PARTIAL: 0, FAILED: 0, DUPLICATE: 0, SKIPPED: 0}
    started = time.monotonic()
    report_failed: str | None = None
    jobs = args.jobs or default_jobs()
    with ExitStack() as stack:
        executor = make_executor(
            stack, jobs=jobs_for(args.jobs, jobs, total), scheduler=args.scheduler, formats=formats, read=request.read
        )  # fmt: skip
        report = stack.enter_context(_Report(args.report)) if args.report else None
        progress = stack.enter_context(_Progress(console, total))
        sources = iter_sources(args.inputs, glob=args.glob, text_field=args.text_field, max_bytes=request.read.max_bytes)
        try:
            for outcome in run_batch(sources, plan, executor, window=max(8, 4 * jobs)):
                counts[outcome.status] += 1
                if outcome.status in (FAILED, PARTIAL):
                    progress.clear()
                    console.error(outcome.source, outcome.error or "failed")
                if console.verbose or (total is not None and total <= _LIST_EACH_UP_TO):
                    progress.clear()
                    console.outcome(outcome)
                if report is not None:
                    report_failed = report.add(outcome.as_row()) or report_failed
                progress.advance(counts)
        except KeyboardInterrupt:
            _stop(executor)
            raise
    if report is not None and report.error:
        console.error(str(args.report), report.error)
    elapsed = time.monotonic() - started
    done = counts[CONVERTED] + counts[DUPLICATE] + counts[SKIPPED] + counts[PARTIAL]
    partial = f"{counts[PARTIAL]} partly converted, " if counts[PARTIAL] else ""
    console.info(
        f"{counts[CONVERTED]} converted, {partial}{counts[FAILED]} failed, {counts[DUPLICATE]} duplicates skipped, "
        f"{counts[SKIPPED]} already done, in {elapsed:.1f} s; outputs in {output_dir}"
    )
    if counts[FAILED] == 0 and counts[PARTIAL] == 0 and not (report is not None and report.error):
        return EXIT_OK
    return EXIT_PARTIAL if done else EXIT_FAILED


def _stop(executor: Any) -> None:
    """On Ctrl-C or SIGTERM: drop queued work and let running writes finish (they are atomic)."""
    try:
        executor.shutdown(wait=True, cancel_futures=True)
    except TypeError:  # executors without cancel_futures (Dask's)
        executor.shutdown(wait=False)


def _check_report_path(report: Path | None, output_dir: str, writers: list[Writer]) -> None:
    """Refuse a --report path an output could take (it would be replaced, or replace an output)."""
    if report is None:
        return
    extensions = {writer.extension.lower() for writer in writers}
    inside = Path(os.path.abspath(report)).is_relative_to(os.path.abspath(output_dir))
    if inside and report.suffix.lower() in extensions:
        raise UsageError(f"--report {report} could collide with an output in {output_dir}; write the report elsewhere")


def run_bundle(args: argparse.Namespace) -> int:
    from pressconv.api import write_bundle
    from pressconv.batch.collection import collect
    from pressconv.batch.sources import iter_sources
    from pressconv.writers import CollectionWriter

    request = _request(args, _formats(args.to))
    if len(request.writers) != 1:
        raise UsageError("bundle writes one format; name one with --to")
    writer = request.writers[0]
    if not isinstance(writer, CollectionWriter):
        raise UsageError(f"the {writer.name} writer cannot write collections; use epub, docx, pdf, html or json")
    output = Path(args.output)
    if not args.force and output.exists():
        raise OptionError(f"{output} exists already; use --force to replace it")
    console = _Console(sys.stderr, quiet=args.quiet, verbose=args.verbose)
    from pressconv.writers import make_options

    options = make_options(writer, request.settings, strict=False)
    sources = iter_sources(args.inputs, glob=args.glob, text_field=args.text_field, max_bytes=request.read.max_bytes)
    gathered = collect(sources, request.read, title=args.title, keep_duplicates=args.keep_duplicates)
    for name, error in gathered.failures:
        console.error(name, error)
    if console.verbose:
        for name, first in gathered.duplicates:
            console.info(f"{name}: same release as {first}; left out")
    result = write_bundle(writer, options, gathered, output, overwrite=args.force)
    console.notices(args.output, result.notices)
    duplicates = f", {len(gathered.duplicates)} duplicates left out" if gathered.duplicates else ""
    failed = f", {len(gathered.failures)} could not be read" if gathered.failures else ""
    console.info(f"wrote {args.output}: {len(gathered.collection.releases)} releases{duplicates}{failed}")
    return EXIT_PARTIAL if gathered.failures else EXIT_OK


# ---------------------------------------------------------------------------------------------- output


class _Console:
    """Everything the command says goes through here, to stderr, so stdout stays the document."""

    def __init__(self, stream: TextIO, *, quiet: bool, verbose: bool) -> None:
        self.stream, self.quiet, self.verbose = stream, quiet, verbose

    def error(self, source: str, message: str) -> None:
        print(f"pressconv: error: {source}: {message}", file=self.stream)

    def info(self, message: str) -> None:
        if not self.quiet:
            print(f"pressconv: {message}", file=self.stream)

    def notices(self, source: str, notices: Iterator[Any] | Sequence[Any]) -> None:
        if self.quiet:
            return
        for item in notices:
            code, message = (item.code, item.message) if hasattr(item, "code") else item
            if self.verbose or code not in _quiet_codes():
                print(f"pressconv: {source}: note: {message}", file=self.stream)

    def outcome(self, outcome: Outcome) -> None:
        """One line per release of a small batch: what was written, what was removed, what to know."""
        if self.quiet:
            return
        if outcome.status == "duplicate":
            self.info(f"{outcome.source}: same release as {outcome.duplicate_of}; not written again")
            return
        if outcome.status == "failed":
            return
        verb = "already written" if outcome.status == "skipped" else "wrote"
        removed = (
            f" (removed {outcome.removed} repeated or page line{'s' if outcome.removed != 1 else ''})" if outcome.removed else ""
        )
        self.info(f"{outcome.source}: {verb} {', '.join(outcome.outputs)}{removed}")
        self.notices(outcome.source, outcome.notices)

    def result(self, source: str, result: Result) -> None:
        if self.quiet:
            return
        self.notices(source, result.notices)
        if result.removed:
            count = len(result.removed)
            print(f"pressconv: {source}: removed {count} repeated or page line{'s' if count != 1 else ''}", file=self.stream)
        if self.verbose:
            for removal in result.removed:
                print(f"pressconv: {source}:   {removal.message}", file=self.stream)


def _quiet_codes() -> frozenset[str]:
    from pressconv.notices import QUIET

    return QUIET


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
    """The --report file, a JSON array streamed one row at a time so memory stays flat.

    Written to a temporary file beside it and moved into place at the end; a
    row that cannot be written (a full disk) stops the report, never the batch.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows = 0
        self.error: str | None = None
        self._file: IO[str] | None = None
        self._temporary = path.with_name(f".{path.name}.{os.urandom(6).hex()}.part")

    def __enter__(self) -> _Report:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self._temporary.open("w", encoding="utf-8", errors="replace")
            self._file.write("[")
        except OSError as error:
            raise OptionError(f"cannot write the report {self.path}: {error.strerror or error}") from None
        return self

    def add(self, row: dict[str, Any]) -> str | None:
        if self._file is None or self.error:
            return self.error
        try:
            self._file.write(("\n  " if self.rows == 0 else ",\n  ") + json.dumps(_sanitised(row), ensure_ascii=False))
        except (OSError, ValueError) as error:
            self.error = f"cannot write the report: {getattr(error, 'strerror', None) or error}; the conversion went on"
            return self.error
        self.rows += 1
        return None

    def __exit__(self, *exc: object) -> None:
        if self._file is None:
            return
        try:
            if not self.error:
                self._file.write("\n]\n")
            self._file.close()
            os.replace(self._temporary, self.path)
        except OSError as error:
            self.error = self.error or f"cannot write the report: {error.strerror or error}"
            with suppress(OSError):
                self._temporary.unlink()


def _sanitised(value: Any) -> Any:
    """Report values that JSON and UTF-8 can carry: lone surrogates become U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(value) else value
    if isinstance(value, dict):
        return {key: _sanitised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_sanitised(item) for item in value]
    return value


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)
