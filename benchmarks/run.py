"""Measure pressconv against its targets, the plain libraries and pandoc; write docs/performance.md.

    python benchmarks/run.py                 # every row, a few minutes on 2 cores
    python benchmarks/run.py --corpus 100000 # also the flat-memory corpus run (issue: archives)

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

import pressconv  # noqa: E402
from baselines import PLAIN  # noqa: E402

FORMATS = ("docx", "pdf", "epub", "html")
PRESSCONV = [sys.executable, "-m", "pressconv"]


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
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()

    rows: list[tuple[str, str, str, str, str]] = []  # what, plain, pressconv, target, verdict
    raw = SEED.read_bytes()
    release = pressconv.clean(pressconv.parse(raw)).release
    writers = {name: pressconv.get_writer(name) for name in FORMATS}
    targets = {"docx": 3.0, "pdf": 10.0, "epub": 1.5, "html": 0.5}
    warm: dict[str, float] = {}
    for name in FORMATS:
        ours = median_ms(lambda name=name: writers[name].write(release, io.BytesIO()))
        plain = median_ms(lambda name=name: PLAIN[name](release))
        warm[name] = ours
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

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "in").mkdir()
        for number in range(args.releases):
            (work / "in" / f"r{number:05d}.txt").write_text(varied_release(number), encoding="utf-8")
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
        rows.append((f"{args.releases:,} releases × 4 formats, {cores} cores", f"{plain_seconds:.1f} s",
                     f"{seconds:.1f} s = {args.releases / seconds:.0f} releases/s ({_ratio(plain_seconds, seconds)})",
                     "≤ 8 s", _verdict(seconds <= 8 * args.releases / 1000)))  # fmt: skip
        print(rows[-1], flush=True)

        memory = {}
        for count in (args.releases, 3 * args.releases):
            loop = [sys.executable, str(Path(__file__).with_name("memory_loop.py")), str(count)]
            memory[count] = tree_peak_rss_mib(loop)[1]
        plain_memory = tree_peak_rss_mib([*loop[:2], str(args.releases), "--plain"])[1]
        rows.append((f"peak memory, {args.releases:,} releases × 4 formats in one process", f"{plain_memory:.0f} MiB",
                     f"{memory[args.releases]:.0f} MiB; {memory[3 * args.releases]:.0f} MiB for {3 * args.releases:,}",
                     "≤ 100 MiB, flat", _verdict(max(memory.values()) <= 100)))  # fmt: skip
        print(rows[-1], flush=True)

        pandoc = _pandoc()
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
        many_ours, many_pandoc, count = _many_releases(work, pandoc)
        rows.append((f"{count} releases → docx, epub, html (one command)",
                     f"pandoc, {3 * count} processes: {many_pandoc:.2f} s" if many_pandoc else "pandoc not found",
                     f"{many_ours:.3f} s" + (f" ({many_pandoc / many_ours:.1f}× pandoc's speed)" if many_pandoc else ""),
                     "≥ 10× pandoc", _verdict(many_pandoc is not None and many_pandoc >= 10 * many_ours)))  # fmt: skip
        for row in rows[-4:]:
            print(row, flush=True)

        corpus_line = ""
        if args.corpus:
            corpus = work / "corpus.jsonl.gz"
            with gzip.open(corpus, "wt", encoding="utf-8") as out:
                for number in range(args.corpus):
                    out.write(json.dumps({"text": varied_release(number), "url": f"https://example.org/{number}"}) + "\n")
            command = [*PRESSCONV, "convert", str(corpus), "--to", "json,html", "-o", str(work / "corpus-out"), "-q"]
            seconds, peak = tree_peak_rss_mib(command)
            corpus_line = (f"\nCorpus: {args.corpus:,} JSON Lines records (gzip) → JSON + HTML on {cores} cores: "
                           f"{seconds:.0f} s ({args.corpus / seconds:.0f} records/s), peak RSS of the whole process tree "
                           f"{peak:.0f} MiB.\n")  # fmt: skip
            print(corpus_line, flush=True)

    _write_report(args.output, rows, corpus_line, warm)
    return 0


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


def _write_report(path: Path, rows: list[tuple[str, str, str, str, str]], corpus_line: str, warm: dict[str, float]) -> None:
    table = ["| what | plain use of the libraries | pressconv | target | |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    measured = "\n".join(table)
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
