"""Turn a compact authoring form (.tw) into a corpus release (.txt + .json in corpus/releases/).

Writing the CORPUS.md JSON by hand is slow and error-prone (line numbers for repeats, `paragraphs` and
`not_body` copied from `lines`); this form keeps the annotator on the roles and derives the rest, so a
release's truth can only disagree with its text where the annotator meant it to.

Form: header lines ``@key value`` (country, org_kind, language, date, updated, date_spelling,
date_source, repeat_shape, notes, title — title is derived from the title lines when absent), a line
``---``, then one scraped line per form line as ``role|text`` or ``role:kind|text``. Short roles:
t title, d date, td title+date, lab label, by byline, dp dateline-paragraph, p paragraph, h subheading,
li / oli list-item (unordered / ordered; consecutive items share a list), q quote, nh notes-heading,
n notes, c contact, end end-mark, ch chrome, cap caption, rep repeat (its `of` is the first earlier
line with the same or a near-identical text), cont a continuation of the previous body line (the
previous line gets the joined `paragraph`). Glued copy: ``glue|full line text||own text`` (the copied
earlier line is found as the longest earlier line contained in the full text).

    python scripts/corpus_twin.py FORM.tw [FORM.tw ...] [--out corpus/releases]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_check import _near, collapse, expected_not_body, expected_paragraphs

SHORT = {
    "t": "title", "d": "date", "td": "title+date", "lab": "label", "by": "byline", "dp": "dateline-paragraph",
    "p": "paragraph", "h": "subheading", "li": "list-item", "oli": "list-item", "q": "quote",
    "nh": "notes-heading", "n": "notes", "c": "contact", "end": "end-mark", "ch": "chrome", "cap": "caption",
    "rep": "repeat", "cont": "cont", "glue": "glue",
}
HEADER_KEYS = ("country", "org_kind", "language", "title", "date", "updated", "date_spelling", "date_source",
               "repeat_shape", "notes")


def parse_form(form: str) -> tuple[list[str], dict[str, Any]]:  # noqa: PLR0915
    """The .txt lines and the .json truth of one authoring form."""
    head, _, body = form.partition("\n---\n")
    meta: dict[str, Any] = {}
    for raw in head.splitlines():
        if raw.startswith("@"):
            key, _, value = raw[1:].partition(" ")
            meta[key.strip()] = value.strip()
    lines: list[dict[str, Any]] = []
    texts: list[str] = []
    list_id = 0
    previous_short = ""
    for raw in body.splitlines():
        if not raw.strip():
            continue
        tag, sep, text = raw.partition("|")
        if not sep:
            raise ValueError(f"no role in form line {raw!r}")
        short, _, kind = tag.partition(":")
        role = SHORT.get(short, short)
        entry: dict[str, Any]
        if role == "glue":
            full, _, own = text.partition("||")
            text = full
            ref = max((j for j in range(len(texts)) if collapse(texts[j]) in collapse(full)),
                      key=lambda j: len(texts[j]), default=None)
            if ref is None:
                raise ValueError(f"glued line copies no earlier line: {full!r}")
            entry = {"text": text, "role": "paragraph", "glued_copy_of": ref + 1, "paragraph": own}
        elif role == "cont":
            prev = lines[-1]
            head_index = prev.get("continues", len(lines)) - 1
            first = lines[head_index]
            first["paragraph"] = collapse(str(first.get("paragraph", first["text"])) + " " + text)
            entry = {"text": text, "role": first["role"], "continues": head_index + 1}
            for key in ("list", "ordered"):
                if key in first:
                    entry[key] = first[key]
        elif role == "repeat":
            ref = next((j for j in range(len(texts)) if texts[j] == text and lines[j]["role"] != "repeat"), None)
            if ref is None:
                ref = next((j for j in range(len(texts)) if _near(texts[j], text) and lines[j]["role"] != "repeat"), None)
            if ref is None:
                raise ValueError(f"repeat copies no earlier line: {text!r}")
            entry = {"text": text, "role": "repeat", "of": ref + 1}
        else:
            entry = {"text": text, "role": role}
            if role == "list-item":
                if previous_short != short:
                    list_id += 1
                entry["list"] = list_id
                entry["ordered"] = short == "oli"
        if kind:
            entry["kind"] = kind
        if role != "cont":
            previous_short = short
        texts.append(text)
        lines.append(entry)
    truth: dict[str, Any] = {}
    for key in HEADER_KEYS:
        given: str | None = meta.get(key)
        if key in ("date", "updated") and given in (None, "", "null"):
            given = None
        truth[key] = given if given is not None or key in ("date", "updated", "title") else ""
    if not truth["repeat_shape"]:
        truth["repeat_shape"] = "none"
    if truth["title"] in (None, ""):
        title_lines = [line["text"] for line in lines if line["role"] == "title"]
        truth["title"] = collapse(" ".join(title_lines)) if title_lines else None
    truth["lines"] = lines
    truth["paragraphs"] = expected_paragraphs(lines)
    truth["not_body"] = expected_not_body(lines)
    return texts, truth


def dump(truth: dict[str, Any]) -> str:
    """The .json text: one key per line and one line entry per line, so a review diff shows one scraped line."""
    parts = []
    for key, value in truth.items():
        if key in ("lines", "paragraphs", "not_body") and value:
            items = ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in value)
            parts.append(f" {json.dumps(key)}: [\n{items}\n ]")
        else:
            parts.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("forms", nargs="+")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "corpus" / "releases"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for form_path in map(Path, args.forms):
        texts, truth = parse_form(form_path.read_text(encoding="utf-8"))
        (out / f"{form_path.stem}.txt").write_text("\n".join(texts) + "\n", encoding="utf-8")
        (out / f"{form_path.stem}.json").write_text(dump(truth), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
