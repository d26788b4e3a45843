"""How well pressconv reads the annotated corpus: ``python benchmarks/reading.py [--split dev|test]``.

For each release of a split, the text reader (``pressconv.parse`` + ``pressconv.clean``, the public API) is
compared with the annotation (`corpus/README.md`):

- **title** / **date**: exactly the annotated title (spacing folded) and publication date (`null` included);
- **chrome-free**: no line annotated as the web page's (chrome, caption) is left in the body;
- **nothing lost**: every annotated body paragraph is in the output;
- **exact**: the output's paragraphs are the annotated ones, in order;
- per-role precision / recall / F1 for the structural roles, each annotated line matched to the output
  block its text landed in.

Figures are printed per language and in total. The test split is for reporting only (docs/reading.md): tune
on train and dev. ``--rules`` also scores the rule-based reader the line-role model replaced (the package at
commit `RULES_COMMIT`, taken from git into a temporary directory and run in a subprocess), and prints the
headline figures of both side by side. ``--speed`` adds the seed's parse + clean time (median of warm runs) and
the role model's first load in a fresh process. To compare with any other version of the reader, run this file
with that version on the path (``PYTHONPATH=old/src python benchmarks/reading.py``).
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from train_roles import CORPUS, annotated  # noqa: E402

import pressconv  # noqa: E402
from pressconv.model import Block, ContactBlock, EndMark, Heading, ListBlock, NotesSection, Paragraph  # noqa: E402

#: The structural roles scored line by line (paragraphs are what is left; repeats and chrome are scored above).
STRUCTURAL = ("subheading", "list-item", "notes-heading", "notes", "contact", "end-mark")


#: A list marker a reader takes off an item ("• ", "2) ", "(b) ", "- "), to find the item's line.
_MARKER = re.compile(r"^\s*(?:[•·▪◦‣●○■□◆▸►➢✓\-–—*+>]|\(?(?:\d{1,3}|[A-Za-z]{1,4})[.)])\s*")


def collapse(text: str) -> str:
    """Text as compared: spacing folded, and a list marker taken off (the reader keeps it as list semantics)."""
    return " ".join(_MARKER.sub("", text, count=1).split())


def block_pieces(blocks: Sequence[Block], in_notes: bool = False) -> Iterator[tuple[str, str]]:
    """(role, text) of every piece of text in the output, in the corpus's role names. The scorer's own walk,
    independent of the reader it scores (so it also scores older versions of pressconv)."""
    for block in blocks:
        match block:
            case Paragraph(text=text):
                yield ("notes" if in_notes else "paragraph"), text
            case Heading(text=text):
                yield ("notes" if in_notes else "subheading"), text
            case ListBlock(items=items):
                for item in items:
                    yield ("notes" if in_notes else "list-item"), item.text
            case ContactBlock(heading=heading, lines=lines):
                if heading:
                    yield "contact", heading
                for line in lines:
                    yield "contact", line.text
            case EndMark(text=text):
                yield "end-mark", text
            case NotesSection(heading=heading, blocks=inner):
                yield "notes-heading", heading
                yield from block_pieces(inner, in_notes=True)


@dataclass
class Score:
    releases: int = 0
    title: int = 0
    #: Releases the annotation gives a title, and how many of those the reader titled right (a release with no
    #: title, the annotation's null, counts right above only when the reader names none).
    titled: int = 0
    titled_right: int = 0
    date: int = 0
    chrome_free: int = 0
    nothing_lost: int = 0
    exact: int = 0
    failed: int = 0
    roles: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)  # (kind, role)

    def add(self, other: Score) -> None:
        for name in ("releases", "title", "titled", "titled_right", "date", "chrome_free", "nothing_lost", "exact", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.roles.update(other.roles)

    def f1(self, role: str) -> tuple[float, float, float]:
        tp, fp, fn = self.roles["tp", role], self.roles["fp", role], self.roles["fn", role]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def score_release(lines: list[str], roles: list[str], truth: dict[str, object]) -> Score:
    score = Score(releases=1)
    try:
        release, _removed = pressconv.clean(pressconv.parse("\n".join(lines) + "\n"))
    except pressconv.PressconvError:
        score.failed = 1
        for role in roles:
            if role in STRUCTURAL:
                score.roles["fn", role] += 1
        return score
    # A release with no title (the annotation's null) is right only when the reader names none either.
    if release.title is None or truth["title"] is None:
        score.title = release.title is None and truth["title"] is None
    else:
        score.title = collapse(release.title) == collapse(str(truth["title"]))
    score.titled = truth["title"] is not None
    score.titled_right = score.titled and score.title
    score.date = (release.date.isoformat() if release.date else None) == truth["date"]
    output = [collapse(text) for text in release.paragraphs]
    expected = [collapse(text) for text in truth["paragraphs"]]  # type: ignore[attr-defined]
    page = {collapse(line) for line, role in zip(lines, roles, strict=True) if role in ("chrome", "caption")}
    score.chrome_free = not (page & set(output)) and (release.title is None or collapse(release.title) not in page)
    remaining = collections.Counter(output)
    if release.title is not None:
        remaining[collapse(release.title)] += 1  # a title read from the body is not lost text
    score.nothing_lost = not (collections.Counter(expected) - remaining)
    score.exact = output == expected
    predicted: dict[str, list[str]] = collections.defaultdict(list)
    for role, text in block_pieces(release.blocks):
        predicted[collapse(text)].append(role)
    for line, role in zip(lines, roles, strict=True):
        if role == "repeat":
            continue
        landed = predicted.get(collapse(line))
        got = landed.pop(0) if landed else None
        for name in STRUCTURAL:
            if role == name and got == name:
                score.roles["tp", name] += 1
            elif role == name:
                score.roles["fn", name] += 1
            elif got == name:
                score.roles["fp", name] += 1
    return score


def table(scores: dict[str, Score]) -> str:
    head = "| language | releases | title | title, where one | date | chrome-free | nothing lost | exact | failed |"
    rows = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for language, score in sorted(scores.items(), key=lambda item: (item[0] == "all", item[0])):
        n = max(1, score.releases)
        rows.append(
            f"| {language} | {score.releases} | {score.title / n:.0%} | {score.titled_right / max(1, score.titled):.0%}"
            f" | {score.date / n:.0%} | {score.chrome_free / n:.0%}"
            f" | {score.nothing_lost / n:.0%} | {score.exact / n:.0%} | {score.failed} |"
        )
    total = scores["all"]
    rows += ["", "| role | precision | recall | F1 |", "|---|---:|---:|---:|"]
    for role in STRUCTURAL:
        precision, recall, f1 = total.f1(role)
        rows.append(f"| {role} | {precision:.2f} | {recall:.2f} | {f1:.2f} |")
    macro = sum(total.f1(role)[2] for role in STRUCTURAL) / len(STRUCTURAL)
    rows.append(f"| **macro** | | | **{macro:.2f}** |")
    return "\n".join(rows)


#: The last commit whose text reader was the rule chains (before the line-role model of issue 22).
RULES_COMMIT = "aafd371"
SEED = ROOT / "fixtures" / "blue-light-integration.txt"  # the seed release, as bundled


def headline(score: Score) -> dict[str, float]:
    """The figures the issue sets goals for, as fractions (F1 as it is)."""
    n = max(1, score.releases)
    f1s = [score.f1(role)[2] for role in STRUCTURAL]
    return {
        "title": score.title / n,
        "title, where one": score.titled_right / max(1, score.titled),
        "date": score.date / n,
        "chrome-free": score.chrome_free / n,
        "nothing lost": score.nothing_lost / n,
        "exact": score.exact / n,
        "F1": sum(f1s) / len(f1s),
    }


def rules_headline(split: str, corpus: Path) -> dict[str, float]:
    """The rule-based reader's headline figures: its package from git, this scorer run over it in a subprocess."""
    with tempfile.TemporaryDirectory() as directory:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", RULES_COMMIT, "src"], capture_output=True, check=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(directory, filter="data")
        environment = {**os.environ, "PYTHONPATH": str(Path(directory, "src"))}
        command = [sys.executable, __file__, "--split", split, "--corpus", str(corpus), "--headline-json"]
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def speed() -> str:
    """The seed's parse + clean, warm (median of 200 runs after a warm-up; wall time, and the thread's CPU time,
    which a busy machine inflates less), and the role model's first load (import
    python-crfsuite and open the shipped model) in a fresh process (median of 5)."""
    data = SEED.read_bytes()
    pressconv.clean(pressconv.parse(data))
    timings, cpu = [], []
    for _ in range(200):
        started, started_cpu = time.perf_counter(), time.thread_time()
        pressconv.clean(pressconv.parse(data))
        timings.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
    loads = []
    probe = (
        "import time; import pressconv.readers.roles as roles; started = time.perf_counter(); "
        "roles._tagger(); print(time.perf_counter() - started)"
    )
    for _ in range(5):
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
        loads.append(float(done.stdout))
    return (
        f"seed parse + clean, warm: median {statistics.median(timings) * 1000:.2f} ms wall, "
        f"{statistics.median(cpu) * 1000:.2f} ms CPU (goal < 2 ms); "
        f"role model first load: median {statistics.median(loads) * 1000:.1f} ms (goal < 30 ms); "
        f"load average {os.getloadavg()[0]:.1f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--split", default="dev", help="dev (default), test (report only), train, or a comma list")
    parser.add_argument("--failures", action="store_true", help="list the releases whose title or date is wrong")
    parser.add_argument("--rules", action="store_true", help=f"also score the rule-based reader (commit {RULES_COMMIT})")
    parser.add_argument("--speed", action="store_true", help="also time the seed's parse + clean and the model's load")
    parser.add_argument("--headline-json", action="store_true", help=argparse.SUPPRESS)  # for --rules' subprocess
    args = parser.parse_args(argv)
    scores: dict[str, Score] = collections.defaultdict(Score)
    started = time.perf_counter()
    for name, lines, roles, truth in annotated(args.corpus, tuple(args.split.split(","))):
        score = score_release(lines, roles, truth)
        language = str(truth.get("language", "?")).split("-")[0]
        scores[language].add(score)
        scores["all"].add(score)
        if args.failures and not (score.title and score.date):
            print(f"{name}: title {'ok' if score.title else 'WRONG'}, date {'ok' if score.date else 'WRONG'}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if args.headline_json:
        print(json.dumps(headline(scores["all"])))
        return 0
    print(f"split {args.split}, {scores['all'].releases} releases, {elapsed:.1f} s\n")
    print(table(scores))
    if args.rules:
        ours, rules = headline(scores["all"]), rules_headline(args.split, args.corpus)
        print(f"\n| reader ({args.split}) | " + " | ".join(ours) + " |")
        print("|---|" + "---:|" * len(ours))
        for label, figures in (("line roles (this version)", ours), (f"rules ({RULES_COMMIT})", rules)):
            cells = (f"{value:.2f}" if name == "F1" else f"{value:.0%}" for name, value in figures.items())
            print(f"| {label} | " + " | ".join(cells) + " |")
    if args.speed:
        print("\n" + speed())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
