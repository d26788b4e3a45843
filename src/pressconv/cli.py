"""The `pressconv` command: argument parsing, progress, messages and exit codes over the public API.

No conversion logic lives here: one document goes through `pressconv.convert`,
many through `pressconv.batch.run.run_batch`, a bundle through `pressconv.bundle`;
this module parses the command line once, calls them and prints their `Result`s.
Writer and reading flags are generated from the options dataclasses' metadata,
so a plugin writer's options appear here without this module knowing the
plugin. Subcommands are the rows of `COMMANDS`; a subcommand's flags are built
only when it is the one named, so `pressconv --help` loads no writer.
`main(argv)` returns the exit status so tests run the command in-process.

Exit status: 0 everything converted (duplicates and existing outputs skipped
count as success); 1 nothing could be converted, or a fatal error; 2 the
command line was wrong (wherever that is found); 3 some inputs failed and the
rest were converted; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from pressconv import __version__
from pressconv.errors import OutputError, PressconvError, UsageError

if TYPE_CHECKING:
    from pressconv.model import Notice
    from pressconv.options import OptionSpec, ReadOptions
    from pressconv.registry import FormatInfo
    from pressconv.results import Result

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 3, 130, 143

# Batches this small list every release's outputs and notes; larger ones show progress and a summary.
_LIST_EACH_UP_TO = 20


@dataclass(frozen=True, slots=True)
class Command:
    """One subcommand: its help, the function that adds its flags (called only when it is the command
    named, or for its --help), and the function that runs it with the parsed arguments."""

    name: str
    help: str
    description: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    epilog: str | None = None


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
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except PressconvError as error:  # a plugin that breaks while its flags are made, say
        print(f"pressconv: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
        parser.print_help()
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


def _on_sigterm() -> Any:
    """Turn SIGTERM into `_Terminated` for this call (main thread only), so it stops like Ctrl-C."""

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated

    try:
        return signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        return None


# ---------------------------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """argparse, with a hint after the errors a newcomer makes first."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}{_hint(message)}\n")


def _hint(message: str) -> str:
    """What to do instead, for the usual slips: a file named without `convert`, pandoc's `--format`."""
    import re

    choice = re.search(r"invalid choice: '([^']*)'", message)
    if choice is not None and choice[1] not in {command.name for command in COMMANDS}:
        given = choice[1]
        if os.path.exists(given) or Path(given).suffix or given == "-":
            return f"\n  (name the command first: pressconv convert {given} --to FORMAT)"
    if re.search(r"unrecognized arguments:.*(^|\s)(-f|--format|--from-format|--output-format|-w|--write)(\s|=|$)", message):
        return "\n  (the output format is --to FORMAT, e.g. --to pdf; the input format is --from)"
    return ""


class _Subcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subparsers whose flags are added only for the subcommand named on the command line (argparse calls
    this action with it), so the command line is parsed once and `pressconv --help` builds no writer flags."""

    commands: dict[str, Command]

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option_string: Any = None
    ) -> None:
        command = self.commands.get(values[0]) if values else None
        subparser = self._name_parser_map.get(values[0]) if values else None
        if command is not None and subparser is not None and not subparser.get_default("built"):
            command.arguments(subparser)
            subparser.set_defaults(built=True)
        super().__call__(parser, namespace, values, option_string)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subparser per row of `COMMANDS`, each filled in when it is used."""
    parser = _Parser(
        prog="pressconv",
        description="Turn raw scraped press releases and saved press-release pages into clean DOCX, PDF, EPUB, HTML and JSON.",
        epilog=_CONVERT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pressconv {__version__}")
    parser.set_defaults(command=None, debug=False)
    parser.register("action", "parsers", _Subcommands)
    subcommands = parser.add_subparsers(title="commands", metavar="COMMAND")
    assert isinstance(subcommands, _Subcommands)
    subcommands.commands = {command.name: command for command in COMMANDS}
    for command in COMMANDS:
        subparser = subcommands.add_parser(
            command.name, help=command.help, description=command.description, epilog=command.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )  # fmt: skip
        subparser.set_defaults(command=command.name, run=command.run, built=False)
    return parser


def _convert_arguments(convert: argparse.ArgumentParser) -> None:
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
    _add_writer_options(convert)
    _add_messages(convert)


def _bundle_arguments(bundle: argparse.ArgumentParser) -> None:
    _add_inputs(bundle)
    bundle.add_argument(
        "-t", "--to", required=True, metavar="FORMAT[,FORMAT…]",
        help="epub, docx, pdf, html, json or a plugin's format; several, comma-separated, write one file each",
    )  # fmt: skip
    bundle.add_argument(
        "-o", "--output", required=True, metavar="FILE|DIR/",
        help="the collection file to write; for several formats a directory (files named after --title)",
    )  # fmt: skip
    bundle.add_argument("--title", required=True, help="the collection's title")
    bundle.add_argument("-f", "--force", action="store_true", help="replace the output file if it exists")
    bundle.add_argument("--keep-duplicates", action="store_true", help="keep releases that repeat an earlier one")
    _add_reading(bundle)
    _add_writer_options(bundle)
    _add_messages(bundle)


def _formats_arguments(listing: argparse.ArgumentParser) -> None:
    """`pressconv formats` takes no flags."""


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="release files, saved pages, directories (searched recursively), .jsonl[.gz] corpora, "
        ".warc[.gz] web archives, or - for standard input",
    )  # fmt: skip
    parser.add_argument(
        "--glob", default=None, metavar="PATTERN",
        help="files to take from directories (default: every extension a reader takes: *.txt, *.html, *.htm…)",
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


def _add_writer_options(parser: argparse.ArgumentParser) -> None:
    """One flag per writer option, shared by the formats that have an option of that name."""
    from pressconv.options import option_specs
    from pressconv.writers import available_formats

    group = parser.add_argument_group("output options (each applies to the formats named before its help)")
    by_name: dict[str, tuple[OptionSpec, list[str]]] = {}
    for info in available_formats():
        for spec in option_specs(info.options_type):
            by_name.setdefault(spec.name, (spec, []))[1].append(info.name)
    flags: dict[str, str] = {}
    for name, (shared, formats) in by_name.items():
        spec = shared
        if spec.flag in parser._option_string_actions:
            # A plugin's option named like one of ours (--encoding, --output): its own flag, named after its
            # format, rather than argparse's "conflicting option string" crashing every command.
            spec = dataclasses.replace(spec, flag=f"--{formats[0]}-{name.replace('_', '-')}")
        flags[name] = spec.flag
        _add_flag(group, spec, f"write_{name}", f"{', '.join(formats)}: {spec.info.help}")
    parser.set_defaults(
        writer_option_flags=flags,
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

    formats: tuple[FormatInfo, ...]
    settings: dict[str, Any]
    read: ReadOptions

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(info.name for info in self.formats)


def _request(args: argparse.Namespace) -> _Request:
    """Formats, reading options and writer options, all checked before any input is read (usage errors → exit 2)."""
    import pressconv
    from pressconv.options import ReadOptions, option_specs

    names = _format_names(args.to)
    if not names:
        raise UsageError("--to names no format; e.g. --to html or --to docx,pdf")
    known = {info.name: info for info in pressconv.available_formats()}
    for name in names:
        if name not in known:
            pressconv.get_writer(name)  # raises, naming the formats there are (or why a plugin did not load)
            raise UsageError(f"the output format {name!r} is not listed; see `pressconv formats`")
    formats = tuple(known[name] for name in names)
    if args.read_reader:
        pressconv.get_reader(args.read_reader)
    read = ReadOptions(**{spec.name: getattr(args, f"read_{spec.name}") for spec in option_specs(ReadOptions)})
    settings: dict[str, Any] = {}
    for name in args.writer_option_names:
        value = getattr(args, f"write_{name}")
        if value is None or value == [] or (name in args.writer_option_switches and value == args.writer_option_switches[name]):
            continue
        settings[name] = tuple(value) if isinstance(value, list) else value
    chosen = {info.name for info in formats}
    for name in settings:
        takers = args.writer_option_formats[name]
        if not chosen & set(takers):
            flag = args.writer_option_flags[name]
            raise UsageError(
                f"{flag} applies to {', '.join(takers)}, not to {', '.join(sorted(chosen))}; drop it or add a format"
            )
    return _Request(formats, settings, read)


def _format_names(text: str) -> list[str]:
    """The format names of a `--to` value ("DOCX, pdf,docx" → ["docx", "pdf"]): lower case, once each."""
    return list(dict.fromkeys(name.strip().lower() for name in text.split(",") if name.strip()))


# ---------------------------------------------------------------------------------------------- commands


def run_formats(args: argparse.Namespace) -> int:
    from pressconv.readers import available_readers
    from pressconv.writers import available_formats

    readers = [(info, " ".join(info.extensions)) for info in available_readers(broken=True)]
    writers = [(info, info.extension) for info in available_formats(broken=True)]
    # Columns as wide as their longest entry, so a reader with several extensions never pushes its row out.
    name_width = max(len(info.name) for info, _ in (*readers, *writers))
    extension_width = max(len(extensions) for _, extensions in (*readers, *writers))
    print("input formats (--from):")
    for info, extensions in readers:
        print(_format_row(info, extensions, name_width, extension_width))
    print("output formats (--to):")
    for info, extensions in writers:
        print(_format_row(info, extensions, name_width, extension_width))
    return EXIT_OK


def _format_row(info: FormatInfo, extensions: str, name_width: int, extension_width: int) -> str:
    if info.error is not None:
        return f"  {info.name:<{name_width}}  {'':<{extension_width}}  could not be loaded: {info.error}  [{info.origin}]"
    where = "" if info.origin == "built-in" else f"  [{info.origin}]"
    return f"  {info.name:<{name_width}}  {extensions:<{extension_width}}  {info.description}{where}"


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    from pressconv.serve import add_arguments

    add_arguments(parser)


def run_serve(args: argparse.Namespace) -> int:
    from pressconv.serve import main

    return main(args)


def run_convert(args: argparse.Namespace) -> int:
    request = _request(args)
    console = _Console(sys.stderr, quiet=args.quiet, verbose=args.verbose, dates_settled=_dates_settled(args))
    if _one_document(args, request):
        return _convert_one(args, request, console)
    return _convert_batch(args, request, console)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


def _dates_settled(args: argparse.Namespace) -> bool:
    """The user said how to read numeric dates: --month-first, or a language (--lang)."""
    return bool(args.read_month_first or args.read_language)


def _one_document(args: argparse.Namespace, request: _Request) -> bool:
    """One input to one named file or to stdout: no batch machinery, no process pool.

    `-o FILE` (a name with an extension that is not a directory) with several
    formats or inputs is refused, never turned into a directory of that name.
    """
    from pressconv.batch.sources import is_collection_file

    inputs = args.inputs
    single_input = len(inputs) == 1 and (
        inputs[0] == "-" or not (Path(inputs[0]).is_dir() or is_collection_file(Path(inputs[0])))
    )
    several = len(request.formats) > 1
    if args.output == "-":
        if not single_input or several:
            raise UsageError("--output - writes one document to standard output; give one input file and one format")
        binary = not (
            request.formats[0].media_type.startswith("text/") or request.formats[0].media_type.endswith(("json", "xml"))
        )
        if binary and _is_terminal(sys.stdout):
            name = request.formats[0].name
            raise UsageError(
                f"--output - would write a binary {name.upper()} to the terminal; redirect it (> out.{name}) or use -o FILE"
            )
        return True
    if args.output is None:
        return False
    output = Path(args.output)
    is_directory = args.output.endswith(("/", os.sep)) or output.is_dir()
    if is_directory:
        return False
    # A name with an extension, or anything there already that is not a directory (a file, /dev/null).
    names_a_file = output.suffix != "" or os.path.exists(output)
    batch_options = args.name != "{stem}" or args.report or args.skip_existing or args.scheduler
    if names_a_file and (not single_input or several or batch_options):
        what = "several formats" if several else "several inputs" if not single_input else "batch options"
        raise UsageError(f"--output {args.output} names one file, but {what} need a directory; end it with / (e.g. out/)")
    return names_a_file


def _convert_one(args: argparse.Namespace, request: _Request, console: _Console) -> int:
    import pressconv

    source = args.inputs[0]
    name = "<stdin>" if source == "-" else source
    try:
        origin: bytes | Path = sys.stdin.buffer.read(request.read.max_bytes + 1) if source == "-" else Path(source)
        output = None if args.output == "-" else Path(args.output)
        result = pressconv.convert(
            origin, to=list(request.names), output=output, read_options=request.read, overwrite=args.force,
            name=name if source == "-" else None, **request.settings,
        )  # fmt: skip
        if output is None:
            # Rendered fully before printing, so a failure never leaves half a document on stdout.
            _to_stdout(result.data)
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


def _to_stdout(data: bytes) -> None:
    """The document on standard output; a full disk or a closed pipe is one error line, not a traceback."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as error:
        # What is still buffered would fail again when the interpreter exits ("Exception ignored…"): drop it.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise OutputError(f"cannot write to standard output: {error.strerror or error}") from None


def _convert_batch(args: argparse.Namespace, request: _Request, console: _Console) -> int:
    from pressconv.batch.report import BatchReport
    from pressconv.batch.run import BatchPlan, check_plan, jobs_for, make_executor, report_row, run_batch
    from pressconv.batch.sources import count_files, default_jobs, iter_sources
    from pressconv.results import Status

    output_dir = args.output or "."
    _check_report_path(args.report, output_dir, request)
    plan = BatchPlan(
        formats=request.names, output_dir=output_dir, settings=request.settings, read=request.read, name_template=args.name,
        skip_existing=args.skip_existing, overwrite=args.force, keep_duplicates=args.keep_duplicates,
    )  # fmt: skip
    check_plan(plan)
    if args.output is None:
        console.info("no --output given: writing into the current directory")
    # A second walk of the directories, on purpose: the total gives the progress bar its ETA, runs a
    # small batch inline (no pool), and lists each release of a small batch. It stops at a corpus.
    total = count_files(args.inputs, glob=args.glob)
    counts = dict.fromkeys(Status, 0)
    started = time.monotonic()
    jobs = args.jobs or default_jobs()
    with ExitStack() as stack:
        sources = iter_sources(args.inputs, glob=args.glob, text_field=args.text_field, max_bytes=request.read.max_bytes)
        executor = make_executor(
            stack, jobs=jobs_for(args.jobs, jobs, total), scheduler=args.scheduler, formats=request.names, read=request.read
        )
        results = run_batch(sources, plan, executor, window=max(8, 4 * jobs))  # checks the plan before any work
        report = stack.enter_context(BatchReport(args.report)) if args.report else None
        progress = stack.enter_context(_Progress(console, total))
        try:
            for index, (source, result) in enumerate(results):
                counts[result.status] += 1
                if result.status in (Status.FAILED, Status.PARTIAL):
                    progress.clear()
                    console.error(source.name, result.error or "failed")
                if console.verbose or (total is not None and total <= _LIST_EACH_UP_TO):
                    progress.clear()
                    console.outcome(result)
                else:
                    console.ambiguous_dates(source.name, result.notices)
                if report is not None:
                    report.add(report_row(index, source, result))
                progress.advance(counts[Status.FAILED])
        except KeyboardInterrupt:
            _stop(executor)
            raise
    if report is not None and report.error:
        console.error(str(args.report), report.error)
    elapsed = time.monotonic() - started
    done = sum(count for status, count in counts.items() if status.done)
    partial = f"{counts[Status.PARTIAL]} partly converted, " if counts[Status.PARTIAL] else ""
    console.info(
        f"{counts[Status.CONVERTED]} converted, {partial}{counts[Status.FAILED]} failed, "
        f"{counts[Status.DUPLICATE]} duplicates skipped, {counts[Status.SKIPPED]} already done, in {elapsed:.1f} s; "
        f"outputs in {output_dir}"
    )
    if counts[Status.FAILED] == 0 and counts[Status.PARTIAL] == 0 and not (report is not None and report.error):
        return EXIT_OK
    return EXIT_PARTIAL if done else EXIT_FAILED


def _stop(executor: Any) -> None:
    """On Ctrl-C or SIGTERM: drop queued work and let running writes finish (they are atomic)."""
    try:
        executor.shutdown(wait=True, cancel_futures=True)
    except TypeError:  # executors without cancel_futures (Dask's)
        executor.shutdown(wait=False)


def _check_report_path(report: Path | None, output_dir: str, request: _Request) -> None:
    """Refuse a --report path an output could take (it would be replaced, or replace an output)."""
    if report is None:
        return
    extensions = {info.extension.lower() for info in request.formats}
    inside = Path(os.path.abspath(report)).is_relative_to(os.path.abspath(output_dir))
    if inside and report.suffix.lower() in extensions:
        raise UsageError(f"--report {report} could collide with an output in {output_dir}; write the report elsewhere")


def run_bundle(args: argparse.Namespace) -> int:
    import pressconv
    from pressconv.batch.sources import iter_sources

    request = _request(args)
    several = len(request.formats) > 1
    if several and not (args.output.endswith(("/", os.sep)) or Path(args.output).is_dir()):
        raise UsageError(f"--output {args.output} names one file, but several formats need a directory; end it with /")
    console = _Console(sys.stderr, quiet=args.quiet, verbose=args.verbose, dates_settled=_dates_settled(args))
    sources = iter_sources(args.inputs, glob=args.glob, text_field=args.text_field, max_bytes=request.read.max_bytes)
    result = pressconv.bundle(
        sources, to=list(request.names), output=Path(args.output), title=args.title, read_options=request.read,
        keep_duplicates=args.keep_duplicates, overwrite=args.force, **request.settings,
    )  # fmt: skip
    for name, error in result.failures:
        console.error(name, error)
    if console.verbose:
        for name, first in result.duplicates:
            console.info(f"{name}: same release as {first}; left out")
    console.notices(args.output, result.notices)
    duplicates = f", {len(result.duplicates)} duplicates left out" if result.duplicates else ""
    failed = f", {len(result.failures)} could not be read" if result.failures else ""
    count = len(result.collection.releases) if result.collection else 0
    written = ", ".join(output.path or output.format for output in result.outputs)
    console.info(f"wrote {written}: {count} releases{duplicates}{failed}")
    return EXIT_PARTIAL if result.failures else EXIT_OK


#: The subcommands, in the order `pressconv --help` lists them. A new one is one more row.
COMMANDS: tuple[Command, ...] = (
    Command(
        "convert",
        "convert releases (files, directories, JSON Lines corpora, web archives) to one or more formats",
        "Read, clean and write releases: one output file per release and format.",
        _convert_arguments,
        run_convert,
        _CONVERT_EPILOG,
    ),
    Command(
        "bundle",
        "write many releases into one EPUB, DOCX, PDF, HTML or JSON collection",
        "Collect releases (files, directories, corpora) into one document: a chapter per release, "
        "ordered by date then title, with a table of contents.",
        _bundle_arguments,
        run_bundle,
        _BUNDLE_EPILOG,
    ),
    Command(
        "formats",
        "list the input and output formats, plugins included",
        "List every reader and writer: built-ins and installed plugins.",
        _formats_arguments,
        run_formats,
    ),
    Command(
        "serve",
        "run the conversion service over HTTP (needs pressconv[serve]; see docs/service.md)",
        "A resident conversion service: POST a release to /v1/convert, get the document back.",
        _serve_arguments,
        run_serve,
    ),
)


# ---------------------------------------------------------------------------------------------- output


class _Console:
    """Everything the command says goes through here, to stderr, so stdout stays the document."""

    def __init__(self, stream: TextIO, *, quiet: bool, verbose: bool, dates_settled: bool = False) -> None:
        self.stream, self.quiet, self.verbose = stream, quiet, verbose
        #: --month-first or --lang was given: a date that reads both ways is read as the user asked.
        self.dates_settled = dates_settled
        self._told_ambiguous = False

    def ambiguous_dates(self, source: str, notices: Sequence[Notice]) -> None:
        """The first date of the run that reads both ways (07/03/2014), once, at the default verbosity:
        a US user would otherwise get the wrong dates without a word. -v lists every one."""
        if self.quiet or self.verbose or self.dates_settled or self._told_ambiguous:
            return
        from pressconv.notices import Code

        for notice in notices:
            if notice.code == Code.DATE_AMBIGUOUS:
                self._told_ambiguous = True
                print(f"pressconv: {source}: note: {notice.message}; told once per run (-v lists every one)", file=self.stream)
                return

    def error(self, source: str, message: str) -> None:
        print(f"pressconv: error: {source}: {message}", file=self.stream)

    def info(self, message: str) -> None:
        if not self.quiet:
            print(f"pressconv: {message}", file=self.stream)

    def notices(self, source: str, notices: Sequence[Notice]) -> None:
        if self.quiet:
            return
        from pressconv.notices import QUIET

        for notice in notices:
            if self.verbose or notice.code not in QUIET:
                print(f"pressconv: {source}: note: {notice.message}", file=self.stream)
        self.ambiguous_dates(source, notices)

    def outcome(self, result: Result) -> None:
        """One line per release of a small batch: what was written, what was removed, what to know."""
        from pressconv.results import Status

        source = result.source or "input"
        if self.quiet or result.status is Status.FAILED:
            return
        if result.status is Status.DUPLICATE:
            self.info(f"{source}: same release as {result.duplicate_of}; not written again")
            return
        verb = "already written" if result.status is Status.SKIPPED else "wrote"
        count = len(result.release.removed) if result.release else 0
        removed = f" (removed {count} repeated or page line{'s' if count != 1 else ''})" if count else ""
        written = ", ".join(output.path or output.format for output in result.outputs if output.error is None)
        self.info(f"{source}: {verb} {written}{removed}")
        self.notices(source, result.notices)

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

    def advance(self, failed: int) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(failed=failed, refresh=False)
            return
        now = time.monotonic()
        if not self.console.quiet and now - self.last_line >= 10:
            self.last_line = now
            rate = self.done / max(now - self.started, 1e-9)
            of = f"/{self.total}" if self.total else ""
            self.console.info(f"{self.done}{of} done, {failed} failed, {rate:.0f} releases/s")
