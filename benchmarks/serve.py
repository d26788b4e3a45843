"""`pressconv serve` against a process per request: the pressconv command and pandoc, in the same run.

    python benchmarks/serve.py            # the full table, a few minutes on 2 cores
    python benchmarks/serve.py --quick    # fewer requests per cell, for a look

For each input set (the seed alone; every text fixture in turn) and each format (html, docx, epub,
pdf), at concurrency 1 and 8: requests per second (requests ÷ wall time of the cell) and p50/p99
latency of (a) `pressconv serve` over HTTP (keep-alive connections, one per client), (b)
`python -m pressconv convert … -o FILE` run once per request, and (c) pandoc run once per request
(`pandoc in.md -s -o out.FORMAT`, what most pandoc web wrappers do), given the already-cleaned
release as Markdown, so it does less work than pressconv. pandoc writes PDF only through a PDF
engine (LaTeX, wkhtmltopdf, WeasyPrint, Typst); where none is installed its PDF cells say so.
It also checks `pandoc server`, and measures /health while hostile requests occupy the workers.

The clients are coroutines on one asyncio loop, the same for all three contenders: a minimal keep-alive
HTTP/1.1 client for the service, asyncio subprocesses for the commands. They run on the same machine and
take CPU from the contenders, as a CMS on the same host would; the CPU table says how much. Each cell
also reports the CPU every contender spent per request (for the service: its own process, its workers,
the client) and the cores other processes kept busy meanwhile (the machine's other load). CPU per
request does not move with that load the way requests per second do: on a shared machine, read it.

    python benchmarks/serve.py --cost-curve   # req/s and CPU per request from a tiny release to the seed
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "blue-light-integration.txt"
sys.path.insert(0, str(ROOT / "src"))

import pressconv  # noqa: E402

FORMATS = ("html", "docx", "epub", "pdf")
CONCURRENCY = (1, 8)
PRESSCONV = [sys.executable, "-m", "pressconv"]


@dataclass(frozen=True)
class Cell:
    requests: int
    seconds: float
    latencies: tuple[float, ...]
    #: CPU seconds of the whole cell: the contender's (the server's, or the processes run per request), the
    #: benchmark's own client, and everything else on the machine (other users' load).
    contender_cpu: float = 0.0
    #: Of the contender's CPU, the server's own process (its event loop: HTTP, the worker hop, logging).
    main_cpu: float = 0.0
    client_cpu: float = 0.0
    other_cpu: float = 0.0

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] * 1000

    def describe(self) -> str:
        return f"{self.rate:.1f} | {self.percentile(0.5):.0f} | {self.percentile(0.99):.0f}"

    def per_request(self, seconds: float) -> str:
        return f"{seconds / self.requests * 1000:.2f}"

    @property
    def others(self) -> float:
        """Cores' worth of CPU that other processes used during the cell (the machine's load, not ours)."""
        return self.other_cpu / self.seconds


# ---------------------------------------------------------------------------------------------- CPU accounting


TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        return handle.read().rsplit(")", 1)[1].split()


def tree_cpu(pid: int) -> tuple[float, float]:
    """CPU seconds used by `pid` itself and by it with all its descendants, dead (reaped) ones included (Linux
    /proc; 0 elsewhere)."""
    if not os.path.exists("/proc/self/stat"):
        return 0.0, 0.0
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                children.setdefault(int(_stat(int(entry))[1]), []).append(int(entry))
    own, total, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = _stat(current)
            # utime, stime, cutime, cstime: a process's own CPU and that of its children it has reaped
            total += sum(int(value) for value in fields[11:15])
            own = own or sum(int(value) for value in fields[11:13])
            stack.extend(children.get(current, []))
    return own / TICK, total / TICK


def machine_cpu() -> float:
    """CPU seconds every core has spent busy since boot (Linux /proc/stat; 0 elsewhere)."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(value) for value in handle.readline().split()[1:]]
    except OSError:
        return 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle, iowait
    return (sum(fields[:8]) - idle) / TICK


def own_cpu() -> tuple[float, float]:
    """(this process's CPU seconds, its reaped children's): the client, and the processes run per request."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


async def measure(task: Callable[[int], Awaitable[None]], *, requests: int, concurrency: int, server: int | None = None) -> Cell:
    """Run `task(n)` for n in range(requests) on `concurrency` client coroutines; wall time, each task's latency,
    and the CPU the contender (the server `server` and its workers, or the child processes), this client and
    the rest of the machine used meanwhile."""
    latencies: list[float] = []
    numbers = iter(range(requests))

    async def client() -> None:
        for number in numbers:
            started = time.perf_counter()
            await task(number)
            latencies.append(time.perf_counter() - started)

    main_before, server_before = tree_cpu(server) if server else (0.0, 0.0)
    machine_before, (client_before, children_before) = machine_cpu(), own_cpu()
    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    seconds = time.perf_counter() - started
    machine_after, (client_after, children_after) = machine_cpu(), own_cpu()
    main_after, server_after = tree_cpu(server) if server else (0.0, 0.0)
    contender = server_after - server_before if server else children_after - children_before
    client_cpu = client_after - client_before
    others = max(0.0, machine_after - machine_before - contender - client_cpu)
    return Cell(requests, seconds, tuple(latencies), contender, main_after - main_before, client_cpu, others)


# ---------------------------------------------------------------------------------------------- the service


@dataclass
class Service:
    host: str
    port: int
    pid: int
    log: Path

    def worker_ms(self, start: int, count: int) -> list[float]:
        """The worker times of the `count` conversions logged after the `start`-th (waiting, bounded, for the log)."""
        deadline = time.monotonic() + 30
        while True:
            times = [float(str(record["worker_ms"])) for record in _records(self.log) if "worker_ms" in record]
            if len(times) >= start + count or time.monotonic() > deadline:
                return times[start : start + count] or [0.0]
            time.sleep(0.05)

    def logged(self) -> int:
        return sum(1 for record in _records(self.log) if "worker_ms" in record)


def _records(log: Path) -> Iterator[dict[str, object]]:
    with open(log, encoding="utf-8") as handle:
        for line in handle:
            with contextlib.suppress(ValueError):
                yield json.loads(line)


@contextlib.contextmanager
def service(work: Path, *flags: str) -> Iterator[Service]:
    """The service on a free port, logging to a file (read between cells, so the client never parses it while
    it measures)."""
    log = work / "serve.log"
    command = [*PRESSCONV, "serve", "--port", "0", *flags]
    with open(log, "wb") as sink:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=sink)
    try:
        deadline = time.monotonic() + 120
        port = 0
        while time.monotonic() < deadline and process.poll() is None:
            events = {str(record.get("event")): record for record in _records(log)}
            if "listening" in events:
                port = int(str(events["listening"]["port"]))
            if "ready" in events and port:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"the service did not start: {log.read_text(encoding='utf-8')[-2000:]}")
        yield Service("127.0.0.1", port, process.pid, log)
    finally:
        process.terminate()
        process.wait(120)


class Connection:
    """A minimal keep-alive HTTP/1.1 client on asyncio streams: the cheapest client Python has, so the
    benchmark's own CPU per request stays far below the service's (httpx costs about a millisecond a
    request, http.client on threads about half that plus the GIL's switching)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"", content_type: str = "text/plain") -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port, limit=1 << 20)
        assert self.reader is not None
        head = (f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode("ascii")  # fmt: skip
        self.writer.write(head + body if len(body) < 65536 else head)
        if len(body) >= 65536:
            self.writer.write(body)
        header = await self.reader.readuntil(b"\r\n\r\n")
        lines = header.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length, close = 0, False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                close = True
        content = await self.reader.readexactly(length)
        if close:
            await self.close()
        return status, content

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def get(host: str, port: int, path: str) -> float:
    """Seconds for one GET on a fresh connection (what a health checker does)."""
    started = time.perf_counter()
    connection = Connection(host, port)
    status, _ = await connection.request("GET", path)
    await connection.close()
    assert status == 200, status
    return time.perf_counter() - started


async def run_process(command: list[str]) -> None:
    """One process per request, started from the event loop and waited for."""
    quiet = asyncio.subprocess.DEVNULL
    process = await asyncio.create_subprocess_exec(*command, stdin=quiet, stdout=quiet, stderr=quiet)
    assert await process.wait() == 0, command


# ---------------------------------------------------------------------------------------------- pandoc


def pandoc_path() -> str | None:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


def pdf_engine() -> str | None:
    engines = ("pdflatex", "xelatex", "lualatex", "wkhtmltopdf", "weasyprint", "typst")
    return next((name for name in engines if shutil.which(name)), None)


def markdown(release: pressconv.Release) -> str:
    header = f"---\ntitle: {json.dumps(release.title)}\ndate: {release.date}\nlang: {release.language}\n---\n\n"
    return header + "\n\n".join(release.paragraphs) + "\n"


def pandoc_server_works(pandoc: str) -> str:
    """Start `pandoc server` on a free port and send it one conversion; say what happened."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([pandoc, "server", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(50):  # up to 5 s for it to listen
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
            time.sleep(0.1)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("POST", "/", body=json.dumps({"text": "# hi", "from": "markdown", "to": "html"}),
                               headers={"Content-Type": "application/json"})  # fmt: skip
            response = connection.getresponse()
            return f"answered {response.status}: {response.read()[:60]!r}"
        except (OSError, http.client.HTTPException) as error:
            process.kill()
            output = (process.communicate(timeout=10)[0] or b"").decode("utf-8", "replace")
            reason = next((line for line in output.splitlines() if "threaded" in line or "error" in line.lower()), output[:120])
            return f"fails on its first request ({type(error).__name__}); pandoc says: {reason.strip()}"
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)


# ---------------------------------------------------------------------------------------------- the run


@dataclass(frozen=True)
class Setting:
    """What every cell of the run shares."""

    service: Service
    work: Path
    pandoc: str | None
    engine: str | None
    scale: float


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer requests per cell")
    parser.add_argument("--workers", type=int, default=None, help="service workers (default: the service's own choice)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="formats to measure (default: all four)")
    parser.add_argument("--seed-only", action="store_true", help="only the seed, not the fixtures")
    parser.add_argument("--cost-curve", action="store_true",
                        help="only the service and pandoc at 8 clients, on inputs of rising conversion cost")  # fmt: skip
    args = parser.parse_args()
    # asyncio's own loop for the client, whatever the service runs on: the same client for every contender and
    # for every run, so runs with and without the serve extra's uvloop compare.
    return asyncio.run(run(args))


async def run(args: argparse.Namespace) -> int:
    fixtures = [SEED, *sorted(path for path in (ROOT / "fixtures").glob("*.txt") if path != SEED)]
    sets = {"seed": [SEED]} if args.seed_only else {"seed": [SEED], f"fixtures ({len(fixtures)})": fixtures}
    pandoc = pandoc_path()
    load = os.getloadavg()[0]
    rows: list[str] = []
    costs: list[str] = []
    checks: list[str] = []
    flags = ["--max-queue", "256", *(["--workers", str(args.workers)] if args.workers else [])]
    with tempfile.TemporaryDirectory() as folder, service(Path(folder), *flags) as server:
        workers = next(int(str(r["workers"])) for r in _records(server.log) if r.get("event") == "ready")
        setting = Setting(server, Path(folder), pandoc, pdf_engine(), 0.25 if args.quick else 1.0)
        if args.cost_curve:
            for line in await cost_curve(setting):
                print(line, flush=True)
            return 0
        for set_name, paths in sets.items():
            inputs = prepare(setting.work, set_name, paths)
            for fmt in args.formats.split(","):
                for concurrency in CONCURRENCY:
                    row, cost = await cell(setting, set_name, inputs, fmt=fmt, concurrency=concurrency, checks=checks)
                    rows.append(row)
                    costs.append(cost)
                    print(row, flush=True)
        health = await hostile_health(server.host, server.port)
    server_note = pandoc_server_works(pandoc) if pandoc else "pandoc not found"
    print()
    print(f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {load:.1f} when the run began "
          f"and {os.getloadavg()[0]:.1f} at its end; the service with {workers} workers, {stack()}")  # fmt: skip
    print()
    print("| input | format | clients | serve req/s | p50 ms | p99 ms | `pressconv` per request req/s | p50 ms | p99 ms "
          "| pandoc per request req/s | p50 ms | p99 ms | serve ÷ command | serve ÷ pandoc |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    print()
    print("CPU ms per request (all processes of the contender, on any core) and other processes' load during the "
          "cell (cores busy with work not the benchmark's):")  # fmt: skip
    print()
    print("| input | format | clients | serve: server process | serve: workers | serve: client | others' load "
          "| `pressconv` per request | pandoc per request | pandoc: client | pandoc: others' load |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for cost in costs:
        print(cost)
    print()
    for check in checks:
        print(f"- {check}")
    print(f"- /health while hostile requests occupy every worker: {health}")
    print(f"- `pandoc server` ({pandoc}): {server_note}")
    return 0


def stack() -> str:
    """The server's event loop and HTTP parser, as uvicorn picks them (uvloop and httptools when installed)."""
    names = []
    for module, fallback in (("uvloop", "asyncio"), ("httptools", "h11")):
        try:
            __import__(module)
            names.append(module)
        except ImportError:
            names.append(fallback)
    return " + ".join(names)


def prepare(work: Path, set_name: str, paths: list[Path]) -> list[tuple[bytes, Path, Path]]:
    """Each input's bytes, its file (for the command) and its cleaned Markdown (for pandoc)."""
    inputs = []
    for number, path in enumerate(paths):
        body = path.read_bytes()
        text = work / f"in-{set_name[:4]}-{number}.txt"
        text.write_bytes(body)
        md = work / f"in-{set_name[:4]}-{number}.md"
        md.write_text(markdown(pressconv.clean(pressconv.parse(body)).release), encoding="utf-8")
        inputs.append((body, text, md))
    return inputs


def contenders(setting: Setting, inputs: list[tuple[bytes, Path, Path]], fmt: str, concurrency: int) -> tuple[
        Callable[[int], Awaitable[None]], Callable[[int], Awaitable[None]], Callable[[int], Awaitable[None]]]:  # fmt: skip
    """The three ways to convert request `n`: over HTTP, the command per request, pandoc per request."""
    connections = [Connection(setting.service.host, setting.service.port) for _ in range(concurrency)]
    free = list(connections)
    work = setting.work

    async def over_http(number: int) -> None:
        connection = free.pop()  # one keep-alive connection per client coroutine at a time
        try:
            status, _ = await connection.request("POST", f"/v1/convert?to={fmt}", inputs[number % len(inputs)][0])
        finally:
            free.append(connection)
        assert status == 200, status

    async def command(number: int) -> None:
        text = inputs[number % len(inputs)][1]
        await run_process([*PRESSCONV, "convert", str(text), "--to", fmt, "-o", str(work / f"c{number}.{fmt}"), "-q",
                           "--force"])  # fmt: skip

    async def with_pandoc(number: int) -> None:
        md = inputs[number % len(inputs)][2]
        await run_process([str(setting.pandoc), str(md), "-s", "-o", str(work / f"p{number}.{fmt}")])

    return over_http, command, with_pandoc


async def cell(setting: Setting, set_name: str, inputs: list[tuple[bytes, Path, Path]], *, fmt: str, concurrency: int,
               checks: list[str]) -> tuple[str, str]:  # fmt: skip
    """One row: the service, the command and pandoc on the same inputs, format and concurrency; and its CPU row."""
    over_http, command, with_pandoc = contenders(setting, inputs, fmt, concurrency)
    server = setting.service
    fast = max(len(inputs), int((400 if concurrency > 1 else 200) * setting.scale))
    slow = max(8, int((48 if concurrency > 1 else 24) * setting.scale))
    await measure(over_http, requests=min(fast, 40), concurrency=concurrency)  # warm every worker and connection
    logged = server.logged()
    ours = await measure(over_http, requests=fast, concurrency=concurrency, server=server.pid)
    worker = Cell(fast, 1.0, tuple(ms / 1000 for ms in server.worker_ms(logged, fast)))
    cli = await measure(command, requests=max(8, slow // 2), concurrency=concurrency)  # ~1 s each: the fewest that say something
    theirs = None
    if setting.pandoc and (fmt != "pdf" or setting.engine):
        theirs = await measure(with_pandoc, requests=slow, concurrency=concurrency)
    if concurrency == 8 and fmt in ("html", "docx", "epub") and theirs:
        checks.append(f"{set_name} → {fmt}, 8 clients: {ours.rate / theirs.rate:.1f}× pandoc-per-request's req/s "
                      f"(goal ≥ 10×: {'met' if ours.rate >= 10 * theirs.rate else 'NOT met'}); CPU per request, clients "
                      f"included: {ours.per_request(ours.contender_cpu + ours.client_cpu)} ms against pandoc's "
                      f"{theirs.per_request(theirs.contender_cpu + theirs.client_cpu)} ms "
                      f"({_cpu_ratio(theirs, ours):.1f}×)")  # fmt: skip
    if set_name == "seed" and fmt == "docx" and concurrency == 8:
        checks.append(f"seed → docx, 8 clients: p99 {ours.percentile(0.99):.0f} ms "
                      f"(goal < 100 ms: {'met' if ours.percentile(0.99) < 100 else 'NOT met'}); of which the conversion "
                      f"in its worker: p50 {worker.percentile(0.5):.0f} ms, p99 {worker.percentile(0.99):.0f} ms")  # fmt: skip
    ratio = f"{ours.rate / theirs.rate:.1f}×" if theirs else "—"
    pandoc_cells = theirs.describe() if theirs else ("no PDF engine | — | —" if setting.pandoc else "not found | — | —")
    row = (f"| {set_name} | {fmt} | {concurrency} | {ours.describe()} | {cli.describe()} | {pandoc_cells} "
           f"| {ours.rate / cli.rate:.1f}× | {ratio} |")  # fmt: skip
    pandoc_cpu = (f"{theirs.per_request(theirs.contender_cpu)} | {theirs.per_request(theirs.client_cpu)} | {theirs.others:.2f}"
                  if theirs else "— | — | —")  # fmt: skip
    cost = (f"| {set_name} | {fmt} | {concurrency} | {ours.per_request(ours.main_cpu)} "
            f"| {ours.per_request(ours.contender_cpu - ours.main_cpu)} | {ours.per_request(ours.client_cpu)} "
            f"| {ours.others:.2f} | {cli.per_request(cli.contender_cpu)} | {pandoc_cpu} |")  # fmt: skip
    return row, cost


def _cpu_ratio(theirs: Cell, ours: Cell) -> float:
    """How many times the service's CPU per request (clients included) theirs costs: the req/s ratio on idle cores."""
    mine = (ours.contender_cpu + ours.client_cpu) / ours.requests
    return (theirs.contender_cpu + theirs.client_cpu) / theirs.requests / mine


#: Releases of rising conversion cost for --cost-curve: a three-line release, the seed, and the seed four times over.
TINY = b"Tiny release\n12 March 2024\nOne short paragraph of a tiny release.\n"


async def cost_curve(setting: Setting) -> list[str]:
    """The service and pandoc at 8 clients on inputs of rising conversion cost, from a tiny release to json up to
    the seed to docx: what a cheaper reader would buy. Besides req/s (which the machine's other load moves), the
    CPU each contender spends per request, client included, and what that CPU would allow on idle cores."""
    seed = SEED.read_bytes()
    cores = os.cpu_count() or 1
    lines = [
        "| input | format | serve req/s | pandoc req/s | serve ÷ pandoc | serve CPU ms/req: server process + workers "
        f"+ client = total | pandoc CPU ms/req (with its client) | serve ÷ pandoc in CPU | serve on {cores} idle cores, "
        "req/s (estimate) | others' load |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for name, body in (("tiny", TINY), ("seed", seed)):
        text, md = setting.work / f"{name}.txt", setting.work / f"{name}.md"
        text.write_bytes(body)
        md.write_text(markdown(pressconv.clean(pressconv.parse(body)).release), encoding="utf-8")
        inputs = [(body, text, md)]
        for fmt in ("json", "html", "docx"):
            over_http, _, with_pandoc = contenders(setting, inputs, fmt, 8)
            await measure(over_http, requests=40, concurrency=8)
            ours = await measure(over_http, requests=int(800 * setting.scale), concurrency=8, server=setting.service.pid)
            total = (ours.contender_cpu + ours.client_cpu) / ours.requests
            serve_cpu = (f"{ours.per_request(ours.main_cpu)} + {ours.per_request(ours.contender_cpu - ours.main_cpu)} + "
                         f"{ours.per_request(ours.client_cpu)} = {total * 1000:.2f}")  # fmt: skip
            theirs = None
            if setting.pandoc and fmt != "json":  # pandoc's json is its own AST, not a release model: no counterpart
                theirs = await measure(with_pandoc, requests=int(48 * setting.scale), concurrency=8)
            if theirs:
                pandoc_total = (theirs.contender_cpu + theirs.client_cpu) / theirs.requests
                versus = (f"{theirs.rate:.1f} | {ours.rate / theirs.rate:.1f}× | {serve_cpu} | {pandoc_total * 1000:.1f} "
                          f"| {pandoc_total / total:.1f}×")  # fmt: skip
            else:
                versus = f"— | — | {serve_cpu} | — | —"
            lines.append(f"| {name} | {fmt} | {ours.rate:.1f} | {versus} | {cores / total:.0f} | {ours.others:.2f} |")
            print(lines[-1], flush=True)
    return lines


async def hostile_health(host: str, port: int) -> str:
    """Occupy every worker with hostile requests and time /health (fresh connections) meanwhile."""
    huge_line = b"One enormous line\n12 March 2024\n" + b"word " * 1_000_000 + b"\n"
    nested = b"<html><body><h1>Deep</h1><p>12 March 2024</p>" + b"<div>" * 50_000 + b"x" + b"</div>" * 50_000 + b"</body></html>"
    timings: list[float] = []
    busy = [asyncio.ensure_future(Connection(host, port).request("POST", "/v1/convert?to=html", body))
            for body in (huge_line, nested, huge_line)]  # fmt: skip
    await asyncio.sleep(0.05)  # let the hostile requests reach their workers
    while not all(future.done() for future in busy) and len(timings) < 400:
        timings.append(await get(host, port, "/health"))
    await asyncio.gather(*busy)
    probes = Cell(len(timings), 1.0, tuple(timings))
    return (f"{len(timings)} probes, p50 {probes.percentile(0.5):.1f} ms, p99 {probes.percentile(0.99):.1f} ms, "
            f"max {max(timings) * 1000:.1f} ms "
            f"(goal < 100 ms: {'met' if max(timings) < 0.1 else 'NOT met'})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
