"""pressconv's html reader beside trafilatura on the saved pages in fixtures/html/.

Run: .venv/bin/python benchmarks/html_vs_trafilatura.py  (needs `pip install trafilatura`; it is not a dependency)

For each page and each extractor:

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

import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pressconv
from pressconv.keys import typographic_key

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


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


def main() -> int:
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
