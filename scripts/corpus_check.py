"""Validate the annotated release corpus (corpus/releases/NNN-slug.txt + .json) and split it.

The corpus is the ground truth that the line-role model is trained and measured on (issue 22), so a
slip in an annotation silently becomes a slip in the model or in its figures. This script checks
every property of the format in /work/shared/guide/CORPUS.md (and corpus/README.md) that can be
checked mechanically: one entry per line with its exact text, legal roles, repeats that really copy
an earlier line, `paragraphs` and `not_body` derivable from `lines`, ISO dates.

It also owns the one train/dev/test split: by a hash of the file name, so that adding a release never
moves another one from split to split, and nobody can choose where a release lands.

Usage:
    python scripts/corpus_check.py            # validate every release, exit 1 on any error
    python scripts/corpus_check.py --split    # print each release's split and the counts
    python scripts/corpus_check.py --stats    # counts by language, country, org kind

Importable: ``check_release(txt_path)``, ``check_corpus(root)``, ``split_of(name)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROLES = frozenset(
    {
        "title", "date", "title+date", "label", "byline", "dateline-paragraph", "paragraph", "subheading",
        "list-item", "quote", "notes-heading", "notes", "contact", "end-mark", "chrome", "caption", "repeat",
    }
)
#: Roles whose lines are release text and so make up `paragraphs`.
BODY_ROLES = frozenset(
    {"dateline-paragraph", "paragraph", "subheading", "list-item", "quote", "notes-heading", "notes", "contact", "end-mark"}
)
#: Roles that may carry a `kind`; a chrome line must carry one (it says what the scraper picked up).
KIND_ROLES = frozenset({"chrome", "caption", "label", "date", "byline"})
REQUIRED_KEYS = (
    "country", "org_kind", "language", "title", "date", "updated", "date_spelling", "date_source",
    "repeat_shape", "notes", "lines", "paragraphs", "not_body",
)
LINE_KEYS = frozenset({"text", "role", "kind", "list", "ordered", "of", "glued_copy_of", "paragraph", "continues"})
NAME_RE = re.compile(r"^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
#: A repeat is a scraper's copy: identical, or identical but for whitespace, case or a few characters.
NEAR_IDENTICAL = 0.85
SPLITS = (("train", 70), ("dev", 85), ("test", 100))


def collapse(text: str) -> str:
    """Whitespace-collapse a line, as `paragraphs` stores it."""
    return " ".join(text.split())


def split_of(name: str) -> str:
    """The split of a release: sha256 of its file name without extension, mod 100 → 70/15/15.

    The stem (``001-slug``) is hashed so the .txt and .json of one release always share a split.
    """
    stem = Path(name).name.split(".", 1)[0]
    bucket = int(hashlib.sha256(stem.encode("utf-8")).hexdigest(), 16) % 100
    return next(split for split, upper in SPLITS if bucket < upper)


def read_lines(txt_path: Path) -> list[str]:
    """The scraped lines of a .txt: UTF-8, one block per line, one final newline."""
    raw = txt_path.read_bytes().decode("utf-8")
    if raw.endswith("\n"):
        raw = raw[:-1]
    return raw.split("\n")


def _near(a: str, b: str) -> bool:
    a, b = collapse(a).casefold(), collapse(b).casefold()
    return a == b or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_IDENTICAL


def _is_iso(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def expected_paragraphs(lines: Sequence[Mapping[str, Any]]) -> list[str]:
    """`paragraphs` derived from `lines`: body roles, no repeats, no continuation fragments."""
    return [
        collapse(str(line.get("paragraph", line["text"])))
        for line in lines
        if line.get("role") in BODY_ROLES and "continues" not in line
    ]


def expected_not_body(lines: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """`not_body` derived from `lines`: every line that carries a `kind`, in order."""
    return [{"kind": str(line["kind"]), "text": str(line["text"])} for line in lines if "kind" in line]


def _check_line(i: int, line: Mapping[str, Any], lines: Sequence[Mapping[str, Any]]) -> list[str]:  # noqa: PLR0915
    n = i + 1
    errs: list[str] = []
    unknown = set(line) - LINE_KEYS
    if unknown:
        errs.append(f"line {n}: unknown keys {sorted(unknown)}")
    role = line.get("role")
    text = str(line.get("text", ""))
    if role not in ROLES:
        return [*errs, f"line {n}: illegal role {role!r}"]
    if "kind" in line:
        if role not in KIND_ROLES:
            errs.append(f"line {n}: role {role} may not carry a kind")
        elif not isinstance(line["kind"], str) or not line["kind"]:
            errs.append(f"line {n}: kind must be a non-empty string")
    elif role == "chrome":
        errs.append(f"line {n}: a chrome line needs a kind (breadcrumb, share, navigation …)")
    if role == "list-item":
        if not isinstance(line.get("list"), (int, str)) or isinstance(line.get("list"), bool):
            errs.append(f"line {n}: list-item needs a list id")
        if not isinstance(line.get("ordered"), bool):
            errs.append(f"line {n}: list-item needs ordered: true/false")
    elif "list" in line or "ordered" in line:
        errs.append(f"line {n}: only list-item lines carry list/ordered")
    for key in ("of", "glued_copy_of", "continues"):
        if key in line:
            ref = line[key]
            if not isinstance(ref, int) or isinstance(ref, bool) or not 1 <= ref < n:
                errs.append(f"line {n}: {key} must be the number of an earlier line, got {ref!r}")
    if role == "repeat":
        ref = line.get("of")
        if "of" not in line:
            errs.append(f"line {n}: repeat needs of")
        elif isinstance(ref, int) and 1 <= ref < n and not _near(text, str(lines[ref - 1].get("text", ""))):
            errs.append(f"line {n}: repeat is not a copy of line {ref}")
        elif isinstance(ref, int) and 1 <= ref < n and lines[ref - 1].get("role") == "repeat":
            errs.append(f"line {n}: repeat points at another repeat (point at the original line {ref} copies)")
    elif "of" in line:
        errs.append(f"line {n}: only repeat lines carry of")
    if "glued_copy_of" in line:
        ref = line["glued_copy_of"]
        if "paragraph" not in line:
            errs.append(f"line {n}: a glued copy needs its own text in paragraph")
        if isinstance(ref, int) and 1 <= ref < n:
            copied = collapse(str(lines[ref - 1].get("text", "")))
            if copied not in collapse(text):
                errs.append(f"line {n}: glued_copy_of {ref} but that line's text is not in it")
    if "paragraph" in line:
        if not isinstance(line["paragraph"], str) or not line["paragraph"].strip():
            errs.append(f"line {n}: paragraph must be non-empty text")
        if role not in BODY_ROLES:
            errs.append(f"line {n}: only body lines carry paragraph")
        elif "glued_copy_of" not in line and collapse(text) not in collapse(str(line["paragraph"])):
            errs.append(f"line {n}: paragraph does not contain the line's own text")
    if "continues" in line:
        ref = line["continues"]
        if isinstance(ref, int) and 1 <= ref < n:
            head = lines[ref - 1]
            whole = collapse(str(head.get("paragraph", "")))
            if "paragraph" not in head:
                errs.append(f"line {n}: continues {ref}, which has no whole paragraph")
            elif collapse(text) not in whole:
                errs.append(f"line {n}: its text is not in the paragraph of line {ref}")
        if role not in BODY_ROLES:
            errs.append(f"line {n}: only body lines continue a paragraph")
    return errs


def check_release(txt_path: Path | str) -> list[str]:  # noqa: PLR0915
    """Every error in one release (its .txt and the .json beside it); empty when it is valid."""
    txt_path = Path(txt_path)
    json_path = txt_path.with_suffix(".json")
    errs: list[str] = []
    if not NAME_RE.match(txt_path.stem):
        errs.append(f"file name {txt_path.name!r} is not NNN-slug.txt (lower-case ascii slug)")
    if not json_path.exists():
        return [*errs, "no .json beside the .txt"]
    try:
        text_lines = read_lines(txt_path)
    except UnicodeDecodeError:
        return [*errs, ".txt is not UTF-8"]
    try:
        truth = json.loads(json_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [*errs, f".json does not parse: {exc}"]
    if not isinstance(truth, dict):
        return [*errs, ".json is not an object"]
    errs += [f"missing key {key!r}" for key in REQUIRED_KEYS if key not in truth]
    if errs:
        return errs
    for n, line_text in enumerate(text_lines, 1):
        if not line_text.strip():
            errs.append(f".txt line {n} is blank (one block per line, no blank lines)")
        if line_text != line_text.rstrip() or "\r" in line_text:
            errs.append(f".txt line {n} has trailing whitespace or a CR")
    if not isinstance(truth["country"], str) or not COUNTRY_RE.match(truth["country"]):
        errs.append(f"country {truth['country']!r} is not an ISO 3166 alpha-2 code")
    if not isinstance(truth["language"], str) or not LANG_RE.match(truth["language"]):
        errs.append(f"language {truth['language']!r} is not a BCP 47 tag")
    for key in ("date", "updated"):
        if truth[key] is not None and not _is_iso(truth[key]):
            errs.append(f"{key} {truth[key]!r} is neither YYYY-MM-DD nor null")
    if _is_iso(truth["date"]) and _is_iso(truth["updated"]) and truth["updated"] < truth["date"]:
        errs.append("updated is earlier than date")
    for key in ("org_kind", "date_spelling", "date_source", "repeat_shape", "notes"):
        if not isinstance(truth[key], str):
            errs.append(f"{key} must be a string")
    lines = truth["lines"]
    if not isinstance(lines, list) or not all(isinstance(line, dict) for line in lines):
        return [*errs, "lines must be a list of objects"]
    if len(lines) != len(text_lines):
        errs.append(f"{len(lines)} entries in lines for {len(text_lines)} lines in the .txt")
    for n, (line, line_text) in enumerate(zip(lines, text_lines, strict=False), 1):
        if line.get("text") != line_text:
            errs.append(f"line {n}: text differs from the .txt line")
    for i, line in enumerate(lines):
        errs += _check_line(i, line, lines)
    roles = [line.get("role") for line in lines]
    title = truth["title"]
    title_lines = [str(line["text"]) for line in lines if line.get("role") == "title"]
    title_date = [str(line["text"]) for line in lines if line.get("role") == "title+date"]
    if title is None:
        if title_lines or title_date:
            errs.append("title is null but a line has a title role")
    elif not isinstance(title, str) or not title.strip():
        errs.append("title must be non-empty text or null")
    elif title_date:
        if not any(collapse(title) in collapse(t) for t in title_date):
            errs.append("title is not in its title+date line")
    elif not title_lines:
        errs.append("title given but no line has role title")
    elif collapse(title) != collapse(" ".join(title_lines)):
        errs.append("title differs from the title line(s) joined")
    if truth["date"] is not None and not str(truth["date_source"]).strip():
        errs.append("date given without a date_source")
    if not any(role in BODY_ROLES for role in roles):
        errs.append("no body line at all")
    if truth["paragraphs"] != expected_paragraphs(lines):
        errs.append("paragraphs are not derivable from lines (body roles, repeats and continuations left out)")
    if truth["not_body"] != expected_not_body(lines):
        errs.append("not_body is not the lines that carry a kind, as {kind, text}, in order")
    if "repeat" in roles and truth["repeat_shape"].strip() in ("", "none"):
        errs.append("repeat lines present but repeat_shape says none")
    return errs


def releases(root: Path | str) -> list[Path]:
    """The .txt files of the corpus, in name order."""
    return sorted(Path(root).glob("releases/*.txt"))


def check_corpus(root: Path | str) -> dict[str, list[str]]:
    """Errors by file name for every release under root (corpus/); also orphan .json and duplicate numbers."""
    root = Path(root)
    result = {path.name: check_release(path) for path in releases(root)}
    for json_path in sorted(root.glob("releases/*.json")):
        if not json_path.with_suffix(".txt").exists():
            result[json_path.name] = ["no .txt beside the .json"]
    numbers = Counter(path.name.split("-", 1)[0] for path in releases(root))
    for path in releases(root):
        if numbers[path.name.split("-", 1)[0]] > 1:
            result[path.name] = [*result[path.name], "number shared with another release"]
    return result


def stats(root: Path | str) -> dict[str, Counter[str]]:
    """Counts by language, country, org kind and split: what the corpus covers."""
    counts: dict[str, Counter[str]] = {key: Counter() for key in ("language", "country", "org_kind", "split")}
    for path in releases(root):
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        for key in ("language", "country", "org_kind"):
            counts[key][str(truth.get(key))] += 1
        counts["split"][split_of(path.name)] += 1
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parent.parent / "corpus"))
    parser.add_argument("--split", action="store_true", help="print each release's split and the counts")
    parser.add_argument("--stats", action="store_true", help="print counts by language, country, org kind")
    args = parser.parse_args(argv)
    if args.split:
        counts: Counter[str] = Counter()
        for path in releases(args.root):
            split = split_of(path.name)
            counts[split] += 1
            print(f"{split}\t{path.stem}")
        print(" ".join(f"{split}={counts[split]}" for split, _ in SPLITS), file=sys.stderr)
        return 0
    if args.stats:
        for key, counter in stats(args.root).items():
            print(f"{key} ({len(counter)}): " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
        return 0
    result = check_corpus(args.root)
    bad = {name: errs for name, errs in result.items() if errs}
    for name, errs in bad.items():
        for err in errs:
            print(f"{name}: {err}")
    print(f"{len(result)} releases checked, {len(bad)} with errors", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
