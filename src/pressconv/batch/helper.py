"""The start-up helper: a process forked the moment the CLI knows the formats, to share a small batch.

Only the process plumbing lives here — fork, two pipes, pickled calls and
answers in order, stopping — so that importing it costs the CLI almost nothing
and the fork happens before the CLI builds its parser or imports the batch
driver. What the helper is given to do, and when, is `pressconv.batch.split`'s.
The helper itself imports the writers of its formats and writes a small release
in each (its warm-up), then answers calls until the call pipe closes.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any

#: What a writer costs before its first document in a fresh process (imports, templates, fonts), in ms,
#: measured on the development machine (docs/performance.md); a format not named costs `_UNKNOWN_COST_MS`.
START_COST_MS: dict[str, float] = {"pdf": 75.0, "docx": 40.0, "epub": 28.0, "html": 4.0, "json": 1.0}
_UNKNOWN_COST_MS = 10.0
#: What the helper pays before it can answer any call (the model, the batch stages).
_HELPER_BASE_MS = 16.0
#: What this process does between forking the helper and having a release to write (importing the
#: CLI, building the parser with every writer's flags, importing the batch driver and the readers,
#: reading and cleaning a release).
_READING_COST_MS = 75.0
#: Below this share, forking and pickling cost about what the helper would save.
_WORTHWHILE_MS = 15.0


def split_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The formats a helper should write: a greedy balance of start costs against this process's reading.

    Costliest first, each format goes to whichever side is less loaded; `()` when the
    helper's share would be too small to pay for a process.
    """
    here, there = _READING_COST_MS, _HELPER_BASE_MS
    helper: list[str] = []
    for name in sorted(formats, key=lambda name: -START_COST_MS.get(name, _UNKNOWN_COST_MS)):
        cost = START_COST_MS.get(name, _UNKNOWN_COST_MS)
        if there <= here:
            helper.append(name)
            there += cost
        else:
            here += cost
    if there - _HELPER_BASE_MS < _WORTHWHILE_MS:
        return ()
    return tuple(name for name in formats if name in helper)


def start_for(arguments: Sequence[str]) -> Helper | None:
    """The helper for a `pressconv convert` command line into a directory in formats slow to start; else None.

    Called before the CLI builds its parser (even before it is imported, from `pressconv.__main__`), so it
    is only a guess from the raw arguments: the batch uses the helper if its plan agrees, and the CLI stops
    it in every case (at once, if it was never given work). `--jobs` means the user chooses the processes.
    """
    if not can_split() or "convert" not in arguments or "-h" in arguments or "--help" in arguments:
        return None
    command = next((item for item in arguments if not item.startswith("-")), None)
    if command != "convert":
        return None
    import argparse

    sniff = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    sniff.add_argument("-t", "--to", default="html")
    sniff.add_argument("-j", "--jobs")
    sniff.add_argument("-o", "--output")
    try:
        known, _ = sniff.parse_known_args(arguments[arguments.index(command) + 1 :])
    except (argparse.ArgumentError, SystemExit):
        return None
    output = known.output
    into_directory = output is None or output.endswith(("/", os.sep)) or os.path.isdir(output)
    if known.jobs is not None or not into_directory:
        return None
    return Helper.start(split_formats(format_names(known.to or "")))


def format_names(text: str) -> list[str]:
    """The format names of a `--to` value ("DOCX, pdf,docx" → ["docx", "pdf"]): as the registry knows them, once each."""
    return list(dict.fromkeys(name.strip().lower() for name in text.split(",") if name.strip()))


def can_split() -> bool:
    """Linux with fork, and a second core for the helper to run on."""
    return sys.platform == "linux" and hasattr(os, "fork") and len(os.sched_getaffinity(0)) >= 2


class Helper:
    """The forked helper process and the two pipes to it: calls there, results back, pickled, in order.

    Start it as early as the formats are known (`start`): the earlier it forks, the more of its
    start-up overlaps this process's own.
    """

    def __init__(self, formats: tuple[str, ...], pid: int, calls: IO[bytes], results: IO[bytes]) -> None:
        self.formats, self.pid, self._calls, self._results = formats, pid, calls, results
        self._used = False
        self._stopped = False

    @classmethod
    def start(cls, formats: tuple[str, ...]) -> Helper | None:
        """Fork a helper that starts the writers of `formats`; None where that is not possible."""
        if not formats or not can_split():
            return None
        descriptors: list[int] = []
        try:
            call_read, call_write = os.pipe()
            descriptors += (call_read, call_write)
            result_read, result_write = os.pipe()
            descriptors += (result_read, result_write)
            _widen(call_write)
            _widen(result_write)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
        except OSError:
            for descriptor in descriptors:
                os.close(descriptor)
            return None
        if pid == 0:  # pragma: no cover - the child; it reports through the pipe and never returns
            status = 0
            try:
                os.close(call_write)
                os.close(result_read)
                _serve(formats, os.fdopen(call_read, "rb"), os.fdopen(result_write, "wb"))
            except BaseException:  # noqa: BLE001 - whatever happens here, the parent runs the calls itself
                status = 1
            finally:
                os._exit(status)  # never the parent's cleanup, atexit handlers or buffered output
        os.close(call_read)
        os.close(result_write)
        return cls(formats, pid, os.fdopen(call_write, "wb"), os.fdopen(result_read, "rb"))

    def send(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> bool:
        """Queue `fn(*args)` in the helper; False if it cannot take it (then run it here)."""
        self._used = True
        try:
            pickle.dump((fn, args), self._calls, protocol=pickle.HIGHEST_PROTOCOL)
            self._calls.flush()
        except Exception:  # noqa: BLE001 - a closed pipe, or a call that cannot be pickled
            return False
        return True

    def receive(self) -> tuple[bool, Any] | None:
        """The next result, in the order sent: (True, value) or (False, exception); None if the helper failed."""
        try:
            message = pickle.load(self._results)
        except Exception:  # noqa: BLE001 - a dead helper, a truncated or foreign message
            return None
        if not (isinstance(message, tuple) and len(message) == 2 and isinstance(message[0], bool)):
            return None
        return message

    def stop(self, *, kill: bool = False) -> None:
        """Close the pipes (the helper exits when it sees the end of the calls) and reap the process.

        A helper that was never sent a call has written nothing and is killed at once (a usage
        error should not wait for its warm-up); so is one that answered wrongly (`kill`).
        """
        if self._stopped:
            return
        self._stopped = True
        kill = kill or not self._used
        for stream in (self._calls, self._results):
            with contextlib.suppress(OSError):
                stream.close()
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError, InterruptedError):
            pass


def _widen(descriptor: int) -> None:
    """Let a pipe hold a few whole releases (Linux's default is 64 KiB), so neither side waits to send one."""
    import fcntl

    with contextlib.suppress(OSError):  # a smaller pipe only means a large release waits for the other side
        fcntl.fcntl(descriptor, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)


def _warm_up_release() -> Any:
    """A small release with each kind of block the writers lay out, written once by the helper to warm up."""
    from pressconv.model import ContactBlock, EndMark, Heading, Link, ListBlock, NotesSection, Paragraph, Release, Text

    return Release(
        "Warm-up",
        datetime.date(2014, 3, 7),
        (
            Paragraph("A paragraph at example.org.", (Link(13, 24, "https://example.org"),)),
            Heading("A heading"),
            ListBlock((Text("One"), Text("Two")), ordered=True),
            EndMark("ENDS"),
            NotesSection("Notes to editors", (Paragraph("A note."),)),
            ContactBlock((Text("Press office"), Text("press@example.org")), "Media contact"),
        ),
    )


def _serve(formats: tuple[str, ...], calls: IO[bytes], results: IO[bytes]) -> None:
    """In the helper: start the writers of `formats`, then answer each call, in order, until the call pipe closes.

    The readers are not warmed here: the helper never reads a release, it is sent them.
    """
    from pressconv.writers import get_writer, make_options

    release = _warm_up_release()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it then closes the pipe
    # SIGTERM too: `kill -- -PGID`, timeout(1) and systemd signal the whole group, and a helper killed mid-write
    # would leave a temporary file; the parent stops it by closing the pipes once its own cleanup has run.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for name in formats:
        with contextlib.suppress(Exception):  # only a warm-up: the real call reports whatever is wrong
            writer = get_writer(name)
            writer.write(release, io.BytesIO(), make_options(writer, {}))
    with contextlib.suppress(Exception):  # what the calls it will get need (not the whole batch driver)
        import pressconv.batch.writing  # noqa: F401
    while True:
        try:
            fn, args = pickle.load(calls)
        except EOFError:
            return
        try:
            answer: tuple[bool, Any] = (True, fn(*args))
        except Exception as error:  # noqa: BLE001 - sent back, raised in the parent as a pool would
            answer = (False, error)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # noqa: BLE001 - an answer that cannot travel: say so, in a form that can
            data = pickle.dumps((False, RuntimeError(f"the helper could not send its result: {error}")))
        results.write(data)
        results.flush()


__all__ = ["START_COST_MS", "Helper", "can_split", "split_formats", "start_for"]
