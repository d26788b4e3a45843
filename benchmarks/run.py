"""Measure pressconv against its targets, the plain libraries and pandoc; print the table.

    python benchmarks/run.py                          # every row: 5-6 minutes on a quiet 2-core machine,
                                                      # 10 or more on a busy one
    python benchmarks/run.py --only cold,many         # the cold-start rows and the 29-release batch (≈ 1 min)
    python benchmarks/run.py --output /tmp/perf.md    # also write the table into that file
    python benchmarks/run.py --write-docs             # the maintainer's run: rewrite docs/performance.md
    python benchmarks/run.py --corpus 100000          # also the flat-memory corpus run (issue: archives)

Groups of rows (`--only`): warm (in-process writers), batch (1,000 releases × 4 formats), memory,
cold (`--help`, one release cold against pandoc), many (29 releases against pandoc).

Warm rows are medians of in-process `perf_counter` loops after a warm-up;
cold rows are hyperfine means where it is installed (medians of repeated
runs otherwise); memory is the peak RSS summed over the whole process tree.
Shared machines are noisy: read medians and ratios, not single figures.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "blue-light-integration.txt"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import PLAIN  # noqa: E402

import pressconv  # noqa: E402

FORMATS = ("docx", "pdf", "epub", "html")
PRESSCONV = [sys.executable, "-m", "pressconv"]
GROUPS = ("warm", "batch", "memory", "cold", "many")


def median_ms(function, *, repeat: int = 200, warmup: int = 20) -> float:
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def command_ms(commands: list[str], *, runs: int = 15) -> list[float]:
    """Mean wall time of each shell command: hyperfine if installed, else a median of runs."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as export:
            subprocess.run(["hyperfine", "-N", "-w", "3", "-r", str(runs), "--export-json", export.name, *commands],
                           check=True, capture_output=True)  # fmt: skip
            return [result["mean"] * 1000 for result in json.loads(Path(export.name).read_text())["results"]]
    results = []
    for command in commands:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, shell=True, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        results.append(statistics.median(times) * 1000)
    return results


def varied_release(number: int) -> str:
    lines = SEED.read_text("utf-8").splitlines()
    lines[0] = f"Release {number} on blue light integrationPublished {1 + number % 28:02d}/{1 + number % 12:02d}/2014"
    lines[1] = f"{lines[1]} (Release {number}.)"
    return "\n".join(lines) + "\n"


def tree_peak_rss_mib(command: list[str], **kwargs) -> tuple[float, float]:
    """(seconds, peak RSS in MiB summed over the process and all its descendants), sampled every 20 ms."""
    process = subprocess.Popen(command, **kwargs)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.perf_counter()
    sampler.start()
    process.wait()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{command} failed with {process.returncode}")
    return elapsed, peak / 1024


def _tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, parent = int(entry.name), int(fields.get("PPid", "0").strip())
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next(
        line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    from importlib.metadata import version

    libraries = ", ".join(
        f"{name} {version(name)}" for name in ("python-docx", "reportlab", "rl_accel", "ebooklib", "beautifulsoup4")
    )
    return (f"{cpu}; {len(os.sched_getaffinity(0))} cores; {memory} RAM; Python {platform.python_version()} on "
            f"{platform.system()} {platform.release()}; {libraries}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=int, default=0, metavar="N", help="also convert an N-record JSON Lines corpus")
    parser.add_argument("--releases", type=int, default=1000, help="batch size for the throughput and memory rows")
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="FILE.md",
        help="also write the table into this file (between its measured markers, if it has them)",
    )
    parser.add_argument("--write-docs", action="store_true", help="rewrite docs/performance.md (the maintainer's run)")
    parser.add_argument(
        "--only",
        default=",".join(GROUPS),
        metavar="GROUP[,GROUP…]",
        help=f"run only these groups of rows: {', '.join(GROUPS)} (default: all)",
    )
    args = parser.parse_args()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    if only - set(GROUPS):
        parser.error(f"unknown group(s) {', '.join(sorted(only - set(GROUPS)))}; choose from {', '.join(GROUPS)}")
    output = ROOT / "docs" / "performance.md" if args.write_docs else args.output

    rows: list[tuple[str, str, str, str, str]] = []  # what, plain, pressconv, target, verdict
    raw = SEED.read_bytes()
    release = pressconv.clean(pressconv.parse(raw)).release
    started_all = time.perf_counter()
    if "warm" in only:
        rows += _warm_rows(raw, release)
    corpus_line = ""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        if "batch" in only or "memory" in only:
            (work / "in").mkdir()
            for number in range(args.releases):
                (work / "in" / f"r{number:05d}.txt").write_text(varied_release(number), encoding="utf-8")
        if "batch" in only:
            rows.append(_batch_row(work, args.releases))
        if "memory" in only:
            rows.append(_memory_row(args.releases))
        pandoc = _pandoc()
        if "cold" in only:
            rows += _cold_rows(work, release, pandoc)
        if "many" in only:
            many_ours, many_pandoc, count = _many_releases(work, pandoc)
            rows.append((f"{count} releases → docx, epub, html (one command)",
                         f"pandoc, {3 * count} processes: {many_pandoc:.2f} s" if many_pandoc else "pandoc not found",
                         f"{many_ours:.3f} s" + (f" ({many_pandoc / many_ours:.1f}× pandoc's speed)" if many_pandoc else ""),
                         "≥ 10× pandoc", _verdict(many_pandoc is not None and many_pandoc >= 10 * many_ours)))  # fmt: skip
            print(rows[-1], flush=True)
        if args.corpus:
            corpus_line = _corpus_line(work, args.corpus)
            print(corpus_line, flush=True)
    elapsed = time.perf_counter() - started_all
    print(f"\n(measured in {elapsed / 60:.1f} min)")
    _write_report(output, rows, corpus_line)
    return 0


def _warm_rows(raw: bytes, release: pressconv.Release) -> list[tuple[str, str, str, str, str]]:
    rows = []
    writers = {name: pressconv.get_writer(name) for name in FORMATS}
    targets = {"docx": 3.0, "pdf": 10.0, "epub": 1.5, "html": 0.5}
    for name in FORMATS:
        ours = median_ms(lambda name=name: writers[name].write(release, io.BytesIO()))
        plain = median_ms(lambda name=name: PLAIN[name](release))
        rows.append((f"{name.upper()}, warm, one release", f"{plain:.2f} ms", f"{ours:.2f} ms ({_ratio(plain, ours)})",
                     f"≤ {targets[name]} ms", _verdict(ours <= targets[name])))  # fmt: skip
        print(rows[-1], flush=True)

    def all_four() -> None:
        cleaned = pressconv.clean(pressconv.parse(raw)).release
        for writer in writers.values():
            writer.write(cleaned, io.BytesIO())

    def all_four_plain() -> None:
        for function in PLAIN.values():
            function(release)

    four, four_plain = median_ms(all_four, repeat=100), median_ms(all_four_plain, repeat=100)
    rows.append(("all four formats, warm, one release (parse + clean + write)", f"{four_plain:.1f} ms",
                 f"{four:.1f} ms ({_ratio(four_plain, four)})", "≤ 13 ms", _verdict(four <= 13)))  # fmt: skip
    print(rows[-1], flush=True)
    return rows


def _batch_row(work: Path, releases: int) -> tuple[str, str, str, str, str]:
    batch = [*PRESSCONV, "convert", str(work / "in"), "--to", "docx,pdf,epub,html", "-o", str(work / "out"), "-q", "--force"]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(batch, check=True)
        times.append(time.perf_counter() - started)
    seconds = statistics.median(times)
    plain_batch = [sys.executable, str(Path(__file__).with_name("plain_batch.py")), str(work / "in")]
    started = time.perf_counter()
    subprocess.run(plain_batch, check=True)
    plain_seconds = time.perf_counter() - started
    cores = len(os.sched_getaffinity(0))
    row = (f"{releases:,} releases × 4 formats, {cores} cores", f"{plain_seconds:.1f} s",
           f"{seconds:.1f} s = {releases / seconds:.0f} releases/s ({_ratio(plain_seconds, seconds)})",
           "≤ 8 s", _verdict(seconds <= 8 * releases / 1000))  # fmt: skip
    print(row, flush=True)
    return row


def _memory_row(releases: int) -> tuple[str, str, str, str, str]:
    memory = {}
    for count in (releases, 3 * releases):
        loop = [sys.executable, str(Path(__file__).with_name("memory_loop.py")), str(count)]
        memory[count] = tree_peak_rss_mib(loop)[1]
    plain_memory = tree_peak_rss_mib([*loop[:2], str(releases), "--plain"])[1]
    row = (f"peak memory, {releases:,} releases × 4 formats in one process", f"{plain_memory:.0f} MiB",
           f"{memory[releases]:.0f} MiB; {memory[3 * releases]:.0f} MiB for {3 * releases:,}",
           "≤ 100 MiB, flat", _verdict(max(memory.values()) <= 100))  # fmt: skip
    print(row, flush=True)
    return row


def _cold_rows(work: Path, release: pressconv.Release, pandoc: str | None) -> list[tuple[str, str, str, str, str]]:
    rows = []
    seed_md = work / "seed.md"
    seed_md.write_text(_markdown(release), encoding="utf-8")
    one = f"{' '.join(PRESSCONV)} convert {SEED} -q --force"
    cold = command_ms([
        f"{' '.join(PRESSCONV)} --help",
        f"{one} --to html -o {work / 'c.html'}",
        f"{one} --to docx,epub,html -o {work / 'cold'}/",
    ])  # fmt: skip
    rows.append(("`pressconv --help`, cold", "—", f"{cold[0]:.0f} ms", "≤ 60 ms", _verdict(cold[0] <= 60)))
    rows.append(("one file → html, cold", "—", f"{cold[1]:.0f} ms", "≤ 200 ms", _verdict(cold[1] <= 200)))
    pandoc_ms = None
    if pandoc:
        three = " && ".join(f"{pandoc} {seed_md} -s -o {work / ('p.' + fmt)}" for fmt in ("docx", "epub", "html"))
        pandoc_ms = command_ms([f"sh -c '{three}'"])[0]
    rows.append(("one release → docx, epub, html, cold (one command)",
                 f"pandoc, 3 processes: {pandoc_ms:.0f} ms" if pandoc_ms else "pandoc not found",
                 f"{cold[2]:.0f} ms" + (f" ({pandoc_ms / cold[2]:.2f}× pandoc's speed)" if pandoc_ms else ""),
                 "≥ 1.0× pandoc", _verdict(pandoc_ms is not None and cold[2] <= pandoc_ms)))  # fmt: skip
    for row in rows:
        print(row, flush=True)
    return rows


def _corpus_line(work: Path, records: int) -> str:
    corpus = work / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        for number in range(records):
            out.write(json.dumps({"text": varied_release(number), "url": f"https://example.org/{number}"}) + "\n")
    command = [*PRESSCONV, "convert", str(corpus), "--to", "json,html", "-o", str(work / "corpus-out"), "-q"]
    seconds, peak = tree_peak_rss_mib(command)
    cores = len(os.sched_getaffinity(0))
    return (f"\nCorpus: {records:,} JSON Lines records (gzip) → JSON + HTML on {cores} cores: "
            f"{seconds:.0f} s ({records / seconds:.0f} records/s), peak RSS of the whole process tree "
            f"{peak:.0f} MiB.\n")  # fmt: skip


def _many_releases(work: Path, pandoc: str | None, *, runs: int = 5) -> tuple[float, float | None, int]:
    """The seed and 28 other fixtures → docx, epub, html: pressconv in one command against one pandoc process per
    release and format (pandoc gets the already-clean Markdown, so it does less work). Medians of `runs` each."""
    fixtures = [SEED, *[path for path in sorted((ROOT / "fixtures").glob("*.txt")) if path != SEED][:28]]
    folder = work / "many"
    folder.mkdir()
    for path in fixtures:
        (folder / path.name).write_bytes(path.read_bytes())
    command = [*PRESSCONV, "convert", str(folder), "--to", "docx,epub,html", "-o", str(work / "many-out"), "-q", "--force"]
    ours = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True)
        ours.append(time.perf_counter() - started)
    if pandoc is None:
        return statistics.median(ours), None, len(fixtures)
    markdown = work / "many-md"
    markdown.mkdir()
    for path in fixtures:
        release = pressconv.clean(pressconv.parse(path.read_bytes())).release
        (markdown / f"{path.stem}.md").write_text(_markdown(release), encoding="utf-8")
    theirs = []
    for _ in range(max(2, runs // 2)):
        started = time.perf_counter()
        for source in sorted(markdown.glob("*.md")):
            for fmt in ("docx", "epub", "html"):
                subprocess.run([pandoc, str(source), "-s", "-o", str(work / f"pandoc.{fmt}")], check=True)
        theirs.append(time.perf_counter() - started)
    return statistics.median(ours), statistics.median(theirs), len(fixtures)


def _ratio(plain: float, ours: float) -> str:
    return f"{plain / ours:.1f}× faster than plain" if ours <= plain else f"{ours / plain:.1f}× slower than plain"


def _verdict(met: bool) -> str:
    return "met" if met else "**not met**"


def _pandoc() -> str | None:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


def _markdown(release: pressconv.Release) -> str:
    header = f"---\ntitle: {json.dumps(release.title)}\ndate: {release.date}\nlang: {release.language}\n---\n\n"
    return header + "\n\n".join(release.paragraphs) + "\n"


def _write_report(path: Path | None, rows: list[tuple[str, str, str, str, str]], corpus_line: str) -> None:
    """Print the table; with a path, also put it there (between the measured markers of a file that has them)."""
    table = ["| what | plain use of the libraries | pressconv | target | |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    measured = "\n".join(table)
    if path is None:
        print(measured)
        return
    text = path.read_text("utf-8") if path.exists() else ""
    marker_start, marker_end = "<!-- measured:start -->", "<!-- measured:end -->"
    block = (f"{marker_start}\nMeasured {datetime.date.today()} with `python benchmarks/run.py` on: {machine()}\n\n"
             f"{measured}\n{corpus_line}{marker_end}")  # fmt: skip
    if marker_start in text:
        text = text[: text.index(marker_start)] + block + text[text.index(marker_end) + len(marker_end) :]
    else:
        text = "# Performance\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"\nwrote {path}")
    print(measured)


if __name__ == "__main__":
    raise SystemExit(main())
