"""`pressconv serve` against a process per request: the pressconv command and pandoc, in the same run.

    python benchmarks/serve.py            # the full table, a few minutes on 2 cores
    python benchmarks/serve.py --quick    # fewer requests per cell, for a look

For each input set (the seed alone; every text fixture in turn) and each format (html, docx, epub,
pdf), at concurrency 1 and 8: requests per second (requests ÷ wall time of the cell) and p50/p99
latency of (a) `pressconv serve` over HTTP (keep-alive connections, one per client thread), (b)
`python -m pressconv convert … -o FILE` run once per request, and (c) pandoc run once per request
(`pandoc in.md -s -o out.FORMAT`, what most pandoc web wrappers do), given the already-cleaned
release as Markdown, so it does less work than pressconv. pandoc writes PDF only through a PDF
engine (LaTeX, wkhtmltopdf, WeasyPrint, Typst); where none is installed its PDF cells say so.
It also checks `pandoc server`, and measures /health while hostile requests occupy the workers.

Clients run on the same machine and take CPU from the server, as a CMS on the same host would.
Shared machines are noisy: read the ratios, and rerun before trusting a single figure.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import platform
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
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

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] * 1000

    def describe(self) -> str:
        return f"{self.rate:.1f} | {self.percentile(0.5):.0f} | {self.percentile(0.99):.0f}"


def measure(task: Callable[[int], None], *, requests: int, concurrency: int) -> Cell:
    """Run `task(n)` for n in range(requests) on `concurrency` threads; wall time and each task's latency."""
    latencies: list[float] = []
    lock = threading.Lock()

    def timed(number: int) -> None:
        started = time.perf_counter()
        task(number)
        elapsed = time.perf_counter() - started
        with lock:
            latencies.append(elapsed)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(timed, number) for number in range(requests)]:
            future.result()
    return Cell(requests, time.perf_counter() - started, tuple(latencies))


# ---------------------------------------------------------------------------------------------- the service


@contextlib.contextmanager
def service(*flags: str, worker_ms: list[float]) -> Iterator[tuple[str, int]]:
    """The service on a free port; `worker_ms` receives the worker time of every conversion it logs, in order."""
    command = [*PRESSCONV, "serve", "--port", "0", *flags]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines: queue.Queue[dict[str, object]] = queue.Queue()

    def read() -> None:
        assert process.stderr is not None
        for raw in process.stderr:  # drained to the end, or the server would block on a full pipe
            with contextlib.suppress(ValueError):
                record = json.loads(raw)
                if "event" in record:
                    lines.put(record)
                elif "worker_ms" in record:
                    worker_ms.append(float(record["worker_ms"]))

    threading.Thread(target=read, daemon=True).start()
    try:
        port = 0
        while True:
            record = lines.get(timeout=120)
            if record["event"] == "listening":
                port = int(str(record["port"]))
            if record["event"] == "ready":
                break
        yield "127.0.0.1", port
    finally:
        process.terminate()
        process.wait(120)


class Connections(threading.local):
    """One keep-alive HTTP connection per client thread."""

    def __init__(self, host: str, port: int) -> None:
        self.connection = http.client.HTTPConnection(host, port, timeout=120)


def post(connections: Connections, path: str, body: bytes) -> tuple[int, bytes]:
    connection = connections.connection
    connection.request("POST", path, body=body, headers={"Content-Type": "text/plain"})
    response = connection.getresponse()
    return response.status, response.read()


def get(host: str, port: int, path: str) -> float:
    """Seconds for one GET on a fresh connection (what a health checker does)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 200, response.status
    return time.perf_counter() - started


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

    host: str
    port: int
    work: Path
    pandoc: str | None
    engine: str | None
    scale: float
    worker_ms: list[float]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer requests per cell")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="service workers (default: one per core)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="formats to measure (default: all four)")
    parser.add_argument("--seed-only", action="store_true", help="only the seed, not the fixtures")
    args = parser.parse_args()
    fixtures = [SEED, *sorted(path for path in (ROOT / "fixtures").glob("*.txt") if path != SEED)]
    sets = {"seed": [SEED]} if args.seed_only else {"seed": [SEED], f"fixtures ({len(fixtures)})": fixtures}
    pandoc = pandoc_path()
    load = os.getloadavg()[0]
    rows: list[str] = []
    checks: list[str] = []
    worker_ms: list[float] = []
    serving = service("--workers", str(args.workers), "--max-queue", "256", worker_ms=worker_ms)
    with tempfile.TemporaryDirectory() as folder, serving as (host, port):
        setting = Setting(host, port, Path(folder), pandoc, pdf_engine(), 0.25 if args.quick else 1.0, worker_ms)
        for set_name, paths in sets.items():
            inputs = prepare(setting.work, set_name, paths)
            for fmt in args.formats.split(","):
                for concurrency in CONCURRENCY:
                    rows.append(cell(setting, set_name, inputs, fmt=fmt, concurrency=concurrency, checks=checks))
                    print(rows[-1], flush=True)
        health = hostile_health(host, port)
    server_note = pandoc_server_works(pandoc) if pandoc else "pandoc not found"
    print()
    print(f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {load:.1f} when the run began "
          f"and {os.getloadavg()[0]:.1f} at its end; the service with {args.workers} workers")  # fmt: skip
    print()
    print("| input | format | clients | serve req/s | p50 ms | p99 ms | `pressconv` per request req/s | p50 ms | p99 ms "
          "| pandoc per request req/s | p50 ms | p99 ms | serve ÷ command | serve ÷ pandoc |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    print()
    for check in checks:
        print(f"- {check}")
    print(f"- /health while hostile requests occupy every worker: {health}")
    print(f"- `pandoc server` ({pandoc}): {server_note}")
    return 0


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


def cell(setting: Setting, set_name: str, inputs: list[tuple[bytes, Path, Path]], *, fmt: str, concurrency: int,
         checks: list[str]) -> str:  # fmt: skip
    """One row: the service, the command and pandoc on the same inputs, format and concurrency."""
    connections = Connections(setting.host, setting.port)
    work = setting.work

    def over_http(number: int) -> None:
        status, _ = post(connections, f"/v1/convert?to={fmt}", inputs[number % len(inputs)][0])
        assert status == 200, status

    def command(number: int) -> None:
        text = inputs[number % len(inputs)][1]
        subprocess.run([*PRESSCONV, "convert", str(text), "--to", fmt, "-o", str(work / f"c{number}.{fmt}"), "-q", "--force"],
                       check=True)  # fmt: skip

    def with_pandoc(number: int) -> None:
        md = inputs[number % len(inputs)][2]
        subprocess.run([str(setting.pandoc), str(md), "-s", "-o", str(work / f"p{number}.{fmt}")], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip

    fast = max(len(inputs), int((400 if concurrency > 1 else 200) * setting.scale))
    slow = max(8, int((48 if concurrency > 1 else 24) * setting.scale))
    measure(over_http, requests=min(fast, 40), concurrency=concurrency)  # warm every worker and connection
    logged = len(setting.worker_ms)
    ours = measure(over_http, requests=fast, concurrency=concurrency)
    worker = Cell(fast, 1.0, tuple(ms / 1000 for ms in _logged(setting.worker_ms, logged, fast)))
    cli = measure(command, requests=max(8, slow // 2), concurrency=concurrency)  # ~1 s each: the fewest that say something
    theirs = None
    if setting.pandoc and (fmt != "pdf" or setting.engine):
        theirs = measure(with_pandoc, requests=slow, concurrency=concurrency)
    if concurrency == 8 and fmt in ("html", "docx", "epub") and theirs:
        checks.append(f"{set_name} → {fmt}, 8 clients: {ours.rate / theirs.rate:.1f}× pandoc-per-request's req/s "
                      f"(goal ≥ 10×: {'met' if ours.rate >= 10 * theirs.rate else 'NOT met'})")  # fmt: skip
    if set_name == "seed" and fmt == "docx" and concurrency == 8:
        checks.append(f"seed → docx, 8 clients: p99 {ours.percentile(0.99):.0f} ms "
                      f"(goal < 100 ms: {'met' if ours.percentile(0.99) < 100 else 'NOT met'}); of which the conversion "
                      f"in its worker: p50 {worker.percentile(0.5):.0f} ms, p99 {worker.percentile(0.99):.0f} ms")  # fmt: skip
    ratio = f"{ours.rate / theirs.rate:.1f}×" if theirs else "—"
    pandoc_cells = theirs.describe() if theirs else ("no PDF engine | — | —" if setting.pandoc else "not found | — | —")
    return (f"| {set_name} | {fmt} | {concurrency} | {ours.describe()} | {cli.describe()} | {pandoc_cells} "
            f"| {ours.rate / cli.rate:.1f}× | {ratio} |")  # fmt: skip


def _logged(worker_ms: list[float], start: int, count: int) -> list[float]:
    """The worker times of the `count` conversions logged after index `start` (waiting, bounded, for the log)."""
    deadline = time.monotonic() + 30
    while len(worker_ms) < start + count and time.monotonic() < deadline:
        time.sleep(0.05)
    return worker_ms[start : start + count] or [0.0]


def hostile_health(host: str, port: int) -> str:
    """Occupy every worker with hostile requests and time /health (fresh connections) meanwhile."""
    huge_line = b"One enormous line\n12 March 2024\n" + b"word " * 1_000_000 + b"\n"
    nested = b"<html><body><h1>Deep</h1><p>12 March 2024</p>" + b"<div>" * 50_000 + b"x" + b"</div>" * 50_000 + b"</body></html>"
    timings: list[float] = []
    with ThreadPoolExecutor(4) as pool:
        connections = Connections(host, port)
        busy = [pool.submit(post, connections, "/v1/convert?to=html", body) for body in (huge_line, nested, huge_line)]
        while not all(future.done() for future in busy) and len(timings) < 400:
            timings.append(get(host, port, "/health"))
        for future in busy:
            future.result()
    probes = Cell(len(timings), 1.0, tuple(timings))
    return (f"{len(timings)} probes, p50 {probes.percentile(0.5):.1f} ms, p99 {probes.percentile(0.99):.1f} ms, "
            f"max {max(timings) * 1000:.1f} ms "
            f"(goal < 100 ms: {'met' if max(timings) < 0.1 else 'NOT met'})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
