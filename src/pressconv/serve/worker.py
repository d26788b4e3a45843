"""The conversion worker: a process of its own that reads jobs from a socket and answers each with a document.

Everything that costs CPU or memory in a request happens here, never in the server's event loop: reading,
cleaning, writing, zipping several formats. The worker calls only pressconv's public API. It limits its own
address space (`resource.setrlimit(RLIMIT_AS)`), so a hostile input exhausts this process and not the
machine; it answers at most `recycle_after` jobs and then exits, so a slow leak in a library never grows
without bound. It ignores SIGINT and SIGTERM: the server kills it on a timeout, and it exits by itself
when the server's end of its socket closes.

The wire between the server and a worker is a Unix socket pair carrying frames (`FRAME`): two lengths,
a small pickle (the job's options, or the answer without its body) and the bytes of the release or the
document as they are. The bytes are never pickled, so a release or a document is copied no more than
the socket needs, and the server's end is read by its event loop directly (no thread, no executor).
Pickle is safe here: both ends are this program, and a request's bytes are never unpickled.
"""

from __future__ import annotations

import contextlib
import io
import json
import pickle
import signal
import socket
import struct
import zipfile
from dataclasses import dataclass
from typing import Any

from pressconv.batch.naming import slugify  # the batch's {slug}: one name for a document however it was made
from pressconv.l10n import document_title

#: What a worker sends (as a frame's options) once it has started and warmed up, before its first job.
READY = "ready"
#: The X-Pressconv-Notices header is cut below this many characters (proxies refuse headers of 8 KiB and more).
NOTICES_HEADER_LIMIT = 6000
#: A frame's head: the length of its pickled part and of its bytes.
FRAME = struct.Struct("!IQ")
#: Bytes from which a frame's data is sent as a piece of its own rather than copied after its head.
LARGE = 64 * 1024

#: Failure kinds, each answered with its own HTTP status by the app.
INPUT, OPTION, OUTPUT, MEMORY, INTERNAL = "input", "option", "output", "memory", "internal"



@dataclass(frozen=True, slots=True)
class Limits:
    """What a worker process is allowed: its address space in bytes (0: unlimited) and its number of jobs."""

    memory_bytes: int
    recycle_after: int
    #: Warm up before saying READY; off when the worker is forked from a fork server that has warmed up already.
    warm_up: bool = True


@dataclass(frozen=True, slots=True)
class Job:
    """One conversion: the release's bytes and what to make of them, all already checked by the app."""

    data: bytes
    formats: tuple[str, ...]
    #: `ReadOptions` fields as (name, value) pairs.
    reading: tuple[tuple[str, Any], ...]
    #: Writer options as (name, value) pairs; file options hold bytes, never a path.
    settings: tuple[tuple[str, Any], ...]
    #: The part's file name, if the client gave one (chooses the reader by extension, and is the fallback name).
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Done:
    """A finished conversion: the response body, its media type and file name, and what the client should know."""

    body: bytes
    media_type: str
    filename: str
    #: The X-Pressconv-Notices header: the notices and removals as ASCII JSON (made here, off the event loop).
    notices: str
    #: The worker exits after this answer (it has served its `recycle_after` jobs).
    retiring: bool = False


@dataclass(frozen=True, slots=True)
class Failed:
    """A conversion that could not be done: one of the kinds above and pressconv's one-line message."""

    kind: str
    message: str
    retiring: bool = False


def serve(channel: socket.socket, limits: Limits) -> None:
    """The worker's whole life: limit itself, warm up, say READY, answer jobs until the server closes its end
    or the worker has served `recycle_after` jobs."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if limits.memory_bytes:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    if limits.warm_up:
        warm()
    channel.setblocking(True)
    try:
        send(channel, encode(READY))
        served = 0
        while True:
            head = channel.recv(FRAME.size, socket.MSG_WAITALL)
            if not head:  # the server closed its end: it is stopping this worker, or it is gone
                return
            if len(head) < FRAME.size:
                raise EOFError
            options_size, data_size = FRAME.unpack(head)
            formats, reading, settings, name = pickle.loads(_exactly(channel, options_size))
            job = Job(_exactly(channel, data_size), formats, reading, settings, name)
            served += 1
            answer = convert(job, retiring=served >= limits.recycle_after)
            send(channel, encode_answer(answer))
            if answer.retiring:
                return
    except (EOFError, OSError):  # the server is gone
        return


def encode(options: Any, data: bytes = b"") -> tuple[bytes, ...]:
    """One frame as pieces to send in order: its head with the pickled `options`, and `data` as it is. A small
    frame is one piece (one copy is cheaper than a second system call); a large one keeps its bytes apart."""
    pickled = pickle.dumps(options, protocol=pickle.HIGHEST_PROTOCOL)
    head = FRAME.pack(len(pickled), len(data)) + pickled
    return (head + data,) if len(data) < LARGE else (head, data)


def encode_job(job: Job) -> tuple[bytes, ...]:
    return encode((job.formats, job.reading, job.settings, job.name), job.data)


def send(channel: socket.socket, pieces: tuple[bytes, ...]) -> None:
    """Send a frame's pieces (one gathered system call for two pieces, however large)."""
    if len(pieces) == 1:
        channel.sendall(pieces[0])
        return
    sent, total = channel.sendmsg(pieces), sum(len(piece) for piece in pieces)
    if sent < total:  # a signal cut it short: send the rest
        channel.sendall(memoryview(b"".join(pieces))[sent:])


def encode_answer(answer: Done | Failed) -> tuple[bytes, ...]:
    # Tuples, not the dataclasses: unpickling a slotted dataclass walks its fields, on the event loop's side.
    if isinstance(answer, Done):
        return encode((True, answer.media_type, answer.filename, answer.notices, answer.retiring), answer.body)
    return encode((False, answer.kind, answer.message, answer.retiring))


def decode_answer(options: bytes, data: bytes) -> Done | Failed:
    done, *fields = pickle.loads(options)
    return Done(data, *fields) if done else Failed(*fields)


def _exactly(channel: socket.socket, size: int) -> bytes:
    """`size` bytes from the socket (EOFError if it closes first)."""
    if size == 0:
        return b""
    data = channel.recv(size, socket.MSG_WAITALL)
    if len(data) == size:
        return data
    parts, got = [data], len(data)
    while got < size:
        chunk = channel.recv(min(size - got, 1 << 20))
        if not chunk:
            raise EOFError
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def convert(job: Job, *, retiring: bool = False) -> Done | Failed:
    """Run one job through `pressconv.convert`; every failure becomes a `Failed` with its kind."""
    import pressconv

    try:
        read_options = pressconv.ReadOptions(**dict(job.reading))
        result = pressconv.convert(job.data, to=list(job.formats), read_options=read_options, name=job.name,
                                   **dict(job.settings))  # fmt: skip
        return _done(job, result, retiring=retiring)
    except pressconv.PressconvError as error:
        # pressconv reports a reader's or writer's library failing as an input or output error, MemoryError
        # included; here that is the worker's limit, not the input's fault.
        if isinstance(error.__cause__, MemoryError):
            return _out_of_memory()
        if isinstance(error, pressconv.UsageError):
            return Failed(OPTION, str(error), retiring)
        return Failed(OUTPUT if isinstance(error, pressconv.OutputError) else INPUT, str(error), retiring)
    except MemoryError:
        return _out_of_memory()
    except RecursionError:
        return Failed(INPUT, "the input is nested too deeply to convert", retiring=True)
    except Exception as error:  # noqa: BLE001 — a library's bug on a strange input: this request fails, the server goes on
        return Failed(INTERNAL, f"{type(error).__name__}: {error}", retiring=True)


def _out_of_memory() -> Failed:
    # Whatever half-built state the failed allocation left, this process is not trusted with another job.
    return Failed(MEMORY, "the conversion needed more memory than a worker may use (the server's --memory)", retiring=True)


def _done(job: Job, result: Any, *, retiring: bool) -> Done:
    import pressconv

    release = result.release
    named = document_title(release.title, release.date, release.language) if release is not None else job.name or "release"
    stem = slugify(named)
    notices = notices_header(
        tuple((notice.code, notice.message) for notice in result.notices),
        tuple((removal.paragraph, removal.reason, removal.duplicate_of) for removal in result.removed),
    )
    if len(result.outputs) == 1:
        writer = pressconv.get_writer(result.outputs[0].format)
        return Done(result.data, writer.media_type, stem + writer.extension, notices, retiring)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for output in result.outputs:
            writer = pressconv.get_writer(output.format)
            archive.writestr(stem + writer.extension, output.data or b"")
    return Done(buffer.getvalue(), "application/zip", stem + ".zip", notices, retiring)


def notices_header(notices: tuple[tuple[str, str], ...], removed: tuple[tuple[int, str, int | None], ...]) -> str:
    """The notices and removals as ASCII JSON, cut (with "truncated": true) to fit a header: removals go first,
    then notices from the end, so what is kept is the start of each list."""
    items: dict[str, list[dict[str, Any]]] = {
        "notices": [{"code": code, "message": message} for code, message in notices],
        "removed": [{"paragraph": number, "reason": reason, "duplicate_of": of} for number, reason, of in removed],
    }
    whole = _compact(items)
    if len(whole) <= NOTICES_HEADER_LIMIT:  # nearly always: one encoding, no cutting
        return whole
    budget = NOTICES_HEADER_LIMIT - len('{"notices":[],"removed":[],"truncated":true}')
    kept: dict[str, list[str]] = {"notices": [], "removed": []}
    for key in ("notices", "removed"):
        for item in (_compact(entry) for entry in items[key]):
            if len(item) + 1 > budget:
                break
            kept[key].append(item)
            budget -= len(item) + 1
    return f'{{"notices":[{",".join(kept["notices"])}],"removed":[{",".join(kept["removed"])}],"truncated":true}}'


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


#: A small release in the raw format, converted once to every built-in format by each new worker (or once by the
#: fork server, whose children inherit the result): templates parsed, fonts registered, patterns compiled.
_WARM_UP = b"Warm-up release\n12 March 2024\nA paragraph of the warm-up release.\n- a list item\n"


def warm() -> None:
    """Convert a small release and a small page to every built-in format, so a worker's first request does not pay
    first-use costs. The reader is left to be chosen, as most requests leave it: choosing looks up reader plugins
    (package metadata, a few hundred milliseconds once per process)."""
    import pressconv

    page = b"<html><body><h1>Warm-up</h1><p>12 March 2024</p><p>Text.</p></body></html>"
    for data in (_WARM_UP, page):
        # A plugin or a broken install failing here: the first real request says what is wrong.
        with contextlib.suppress(pressconv.PressconvError):
            pressconv.convert(data, to=["html", "json", "docx", "epub", "pdf"])
