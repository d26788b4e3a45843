"""pressconv's html reader beside its peers: on the peers' own test pages, and on the pages in fixtures/html/.

Run (from the project's root, with a venv that has trafilatura and htmldate; they are not dependencies):

    .venv/bin/python benchmarks/html_vs_peers.py                       # all three peer sets, writes the docs table
    .venv/bin/python benchmarks/html_vs_peers.py --datasets aeb --limit 50 --no-write   # a quick look
    .venv/bin/python benchmarks/html_vs_peers.py --fixtures            # the fixtures comparison below

**Peer pages** (the default): runs `score.py` of the shared peer-html set (`--peer-html DIR`, default
`../shared/peer-html` beside the project, then `/work/shared/peer-html`) with `--no-readability`, in one process
beside trafilatura and htmldate, prints its tables, and writes them into docs/html-reader.md between the
`peer-score` markers with the date and the command (`--no-write` leaves the docs alone). The pages are
third-party test data: never copied into this repository.

**Fixtures** (`--fixtures`): for each page of fixtures/html/ and each extractor:

- title: the headline exactly (whitespace aside);
- date: the publication date exactly;
- body: the share of the expected body texts (paragraphs, headings, list items, notes, contact lines) found
  in the extractor's text, compared after typographic normalisation (quotes, dashes, spaces);
- clean: the share of the page's site text (the fixture's "absent" phrases: navigation, cookie banners,
  share widgets, related lists, sidebars) left out;
- ms: milliseconds per page (median of five runs).

trafilatura is called the way its documentation suggests for metadata and text
(`extract(..., output_format="json", with_metadata=True)`), with its defaults otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pressconv
from pressconv.keys import typographic_key

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "html"
DOCS = ROOT / "docs" / "html-reader.md"
_PEER_HOMES = (ROOT.parent / "shared" / "peer-html", Path("/work/shared/peer-html"))
_START, _END = "<!-- peer-score:start -->", "<!-- peer-score:end -->"


def expected_texts(blocks: list[dict[str, Any]]) -> Iterator[str]:
    for block in blocks:
        kind = block["type"]
        if kind in ("paragraph", "heading", "end-mark"):
            yield block["text"]
        elif kind == "list":
            yield from block["items"]
        elif kind == "notes":
            yield block["heading"]
            yield from expected_texts(block["blocks"])
        elif kind == "contact":
            if block["heading"]:
                yield block["heading"]
            yield from block["lines"]


def with_pressconv(data: bytes) -> tuple[str | None, str | None, str]:
    release = pressconv.parse(data, reader="html")
    return release.title, release.date.isoformat() if release.date else None, "\n".join(release.paragraphs)


def with_trafilatura(data: bytes) -> tuple[str | None, str | None, str]:
    import trafilatura

    found = trafilatura.extract(data, output_format="json", with_metadata=True)
    if not found:
        return None, None, ""
    result = json.loads(found)
    return result.get("title"), result.get("date"), result.get("text") or ""


def measure(extract: Callable[[bytes], tuple[str | None, str | None, str]], data: bytes) -> float:
    times = []
    for _ in range(5):
        began = time.perf_counter()
        extract(data)
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def score(page: Path, extract: Callable[[bytes], tuple[str | None, str | None, str]]) -> dict[str, Any]:
    want = json.loads(page.with_suffix(".json").read_text("utf-8"))
    data = page.read_bytes()
    title, date, text = extract(data)
    flat = typographic_key(" ".join(text.split()))
    texts = list(expected_texts(want["blocks"]))
    kept = sum(typographic_key(item) in flat for item in texts)
    left_out = sum(phrase not in text for phrase in want["absent"])
    return {
        "title": " ".join((title or "").split()) == want["title"],
        "date": date == want["date"],
        "body": kept / len(texts) if texts else 1.0,
        "clean": left_out / len(want["absent"]) if want["absent"] else 1.0,
        "ms": measure(extract, data),
    }


def peer_table(peer_html: Path, passed: list[str]) -> tuple[str, int]:
    """Run score.py (its tables stream to the terminal as it goes); its whole output and exit status."""
    command = [sys.executable, str(peer_html / "score.py"), "--no-readability", *passed]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        print(line, end="", flush=True)
        lines.append(line)
    return "".join(lines), process.wait()


def write_docs(table: str, passed: list[str]) -> None:
    """The table into docs/html-reader.md between the peer-score markers, with when and how it was made."""
    shown = " ".join(["python", "benchmarks/html_vs_peers.py", *passed])
    block = (
        f"{_START}\nMeasured {datetime.date.today().isoformat()} with `{shown}` (score.py `--no-readability`; one run,"
        f" on a shared 2-core machine: the times are comparable within the run, not across runs):\n\n```text\n"
        f"{table.strip()}\n```\n{_END}"
    )
    text = DOCS.read_text("utf-8")
    if _START in text:
        text = re.sub(re.escape(_START) + ".*?" + re.escape(_END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOCS.write_text(text, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", action="store_true", help="compare on fixtures/html/ instead of the peer pages")
    parser.add_argument("--peer-html", type=Path, help="the peer-html directory (score.py and its pages)")
    parser.add_argument("--no-write", action="store_true", help="print the table only; leave docs/html-reader.md alone")
    args, passed = parser.parse_known_args()  # the rest goes to score.py: --datasets, --limit, --goal, --details
    if args.fixtures:
        return fixtures()
    peer_html = args.peer_html or next((home for home in _PEER_HOMES if (home / "score.py").is_file()), None)
    if peer_html is None:
        print("no peer-html directory found: give --peer-html DIR", file=sys.stderr)
        return 1
    table, status = peer_table(peer_html, passed)
    if not args.no_write and table.strip():
        write_docs(table, passed)
    return status


def fixtures() -> int:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura is not installed: pip install trafilatura (it is only for this comparison)", file=sys.stderr)
        return 1
    extractors = {"pressconv": with_pressconv, "trafilatura": with_trafilatura}
    rows = []
    totals: dict[str, list[dict[str, Any]]] = {name: [] for name in extractors}
    for page in sorted(FIXTURES.glob("*.html")):
        for name, extract in extractors.items():
            result = score(page, extract)
            totals[name].append(result)
            rows.append((page.stem, name, result))
    print(f"{'page':28} {'extractor':12} {'title':>5} {'date':>5} {'body':>6} {'clean':>6} {'ms':>7}")
    for stem, name, result in rows:
        print(
            f"{stem:28} {name:12} {'yes' if result['title'] else 'NO':>5} {'yes' if result['date'] else 'NO':>5} "
            f"{result['body']:6.0%} {result['clean']:6.0%} {result['ms']:7.1f}"
        )
    print()
    for name, results in totals.items():
        count = len(results)
        print(
            f"{'all ' + str(count) + ' pages':28} {name:12} {sum(r['title'] for r in results):>3}/{count} "
            f"{sum(r['date'] for r in results):>3}/{count} {statistics.mean(r['body'] for r in results):6.0%} "
            f"{statistics.mean(r['clean'] for r in results):6.0%} {statistics.median(r['ms'] for r in results):7.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
