"""Train the line-role model from the annotated corpus: ``python scripts/train_roles.py``.

Reads every release of the corpus's train split (``corpus/releases``, split by a hash of the file name,
`scripts/corpus_check.py`), turns its lines into features (`pressconv.readers.roles.features`) and trains a
linear-chain CRF with python-crfsuite's L-BFGS. The same corpus gives the same model, byte for byte: files are
read in name order and the trainer has no random state. Writes ``src/pressconv/readers/roles/roles.crfsuite``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_releases import synthetic_releases

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "src" / "pressconv" / "readers" / "roles" / "roles.crfsuite"
CORPUS = ROOT / "corpus" / "releases"

#: The trainer's settings, chosen on the dev split (docs/reading.md says how).
PARAMETERS = {
    # L1 drops features that never help, which keeps the shipped model small; with a few hundred releases and
    # many sparse features (words of short lines, neighbours' shapes) a stronger L1 than 0.05 generalises better:
    # 0.3–0.5 gave the best line accuracy and title rate in 5-fold cross-validation over the train split and on dev
    # (0.5: the smaller model, and the better date and nothing-lost rates).
    "c1": 0.5,
    "c2": 0.05,
    "max_iterations": 300,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


def corpus_tools() -> ModuleType:
    """`scripts/corpus_check.py`, the corpus's validator and split."""
    spec = importlib.util.spec_from_file_location("corpus_check", ROOT / "scripts" / "corpus_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_check", module)
    spec.loader.exec_module(module)
    return module


def annotated(corpus: Path, splits: Sequence[str]) -> Iterator[tuple[str, list[str], list[str], dict[str, object]]]:
    """(name, lines, roles, truth) for each release of `splits`, in name order."""
    tools = corpus_tools()
    for txt in sorted(corpus.glob("*.txt")):
        if tools.split_of(txt.stem) not in splits:
            continue
        truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        lines = [line["text"] for line in truth["lines"]]
        yield txt.stem, lines, [line["role"] for line in truth["lines"]], truth


FIXTURES = ROOT / "fixtures"


_STRUCTURAL = frozenset({"subheading", "list-item", "notes-heading", "notes", "contact", "end-mark"})


def fixture_roles(raw: bytes, expected: dict[str, object]) -> tuple[list[str], list[str]] | None:
    """A fixture's lines and the role of each, from its expected model: every fixture is one quirk the
    reader must keep reading as its JSON says, so each is a training example too.

    The header lines are those the header grammar reads (the fixtures' header readings are the grammar's);
    the body lines, in order, are matched to the expected model's text before cleaning — its kept blocks,
    and between them the paragraphs it removed as the page's (chrome) or as repeats. None where the lines
    cannot be matched one to one (the fixture is then left out of training)."""
    from pressconv.readers.decoding import decode
    from pressconv.readers.roles.signals import find_date, rule_reading

    text, _ = decode(raw)
    lines = [line for line in text.split("\n") if line]
    options = expected.get("options") or {}
    rules = rule_reading(lines, month_first=bool(options.get("month_first")))  # type: ignore[union-attr]
    if rules.header.title != expected["title"]:
        return None
    kept = (
        list(_dict_pieces(expected["blocks"]))  # type: ignore[arg-type]
        if "blocks" in expected
        else [("paragraph", text) for text in expected["paragraphs"]]  # type: ignore[attr-defined]
    )
    removed = {int(number): reason for number, reason in expected["removed"]}  # type: ignore[attr-defined]
    body = [index for index, rule in enumerate(rules.roles) if rule not in ("title", "title+date", "header")]
    roles: list[str | None] = [None] * len(lines)
    kept_pieces = iter(kept)
    at = 0  # the next body line
    for number in range(1, len(kept) + len(removed) + 1):
        if at == len(body):
            return None
        if number in removed:
            roles[body[at]] = "chrome" if removed[number] == "page-chrome" else "repeat"
            at += 1
            continue
        role, piece = next(kept_pieces)
        while at < len(body) and piece not in lines[body[at]]:
            at += 1
        if at == len(body):
            return None
        if "blocks" not in expected and rules.roles[body[at]] in _STRUCTURAL:
            role = rules.roles[body[at]]  # a fixture that pins only the text: its structure is the recognisers'
        roles[body[at]] = roles[body[at]] or role
        if lines[body[at]].endswith(piece):
            at += 1
    for index, rule in enumerate(rules.roles):
        line = lines[index]
        if rule in ("title", "title+date"):
            roles[index] = rule
        elif roles[index] is not None:
            continue
        elif expected.get("label") and line.startswith(str(expected["label"])):
            roles[index] = "label"
        elif find_date(line) is not None:
            roles[index] = "date"
        elif expected.get("byline") and str(expected["byline"]) in line:
            roles[index] = "byline"
        elif rule == "header":
            roles[index] = "label"  # an issuer's or a section's line: the header's, not the body's
        else:
            return None
    if expected.get("date") and "date-from-dateline" in expected.get("notices", ()):  # type: ignore[operator]
        first = next(index for index, role in enumerate(roles) if role == "paragraph")
        roles[first] = "dateline-paragraph"
    return lines, [str(role) for role in roles]


def _dict_pieces(blocks: list[dict[str, object]], in_notes: bool = False) -> Iterator[tuple[str, str]]:
    """`align.block_pieces` for blocks as the JSON contract writes them."""
    for block in blocks:
        kind = block["type"]
        if kind in ("paragraph", "heading"):
            yield ("notes" if in_notes else "paragraph" if kind == "paragraph" else "subheading"), str(block["text"])
        elif kind == "list":
            yield from ((("notes" if in_notes else "list-item"), str(item)) for item in block["items"])  # type: ignore[attr-defined]
        elif kind == "contact":
            if block["heading"]:
                yield "contact", str(block["heading"])
            yield from (("contact", str(line)) for line in block["lines"])  # type: ignore[attr-defined]
        elif kind == "end-mark":
            yield "end-mark", str(block["text"])
        elif kind == "notes":
            yield "notes-heading", str(block["heading"])
            yield from _dict_pieces(block["blocks"], in_notes=True)  # type: ignore[arg-type]


def fixture_examples() -> Iterator[tuple[str, list[str], list[str]]]:
    for path in sorted(FIXTURES.glob("*.txt")):
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        read = fixture_roles(path.read_bytes(), expected)
        if read is not None:
            yield path.stem, *read


#: How many synthetic releases (`synthetic_releases.py`) join the corpus and the fixtures in training.
SYNTHETIC = 400


def train(
    corpus: Path, model: Path, splits: Sequence[str] = ("train",), *, fixtures: bool = True, synthetic: int = SYNTHETIC
) -> int:
    import pycrfsuite

    from pressconv.readers.roles.features import features_of

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for _name, lines, roles, _truth in annotated(corpus, splits):
        trainer.append(features_of(lines), roles)
        count += 1
    if fixtures:
        for _name, lines, roles in fixture_examples():
            trainer.append(features_of(lines), roles)
            count += 1
    for lines, roles in synthetic_releases(synthetic):
        trainer.append(features_of(lines), roles)
        count += 1
    trainer.set_params(PARAMETERS)
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of annotated releases (default: corpus/releases)")
    parser.add_argument("--output", type=Path, default=MODEL, help="model file to write (default: the packaged model)")
    parser.add_argument("--splits", default="train", help="splits to train on, comma-separated (default: train)")
    args = parser.parse_args(argv)
    count = train(args.corpus, args.output, tuple(args.splits.split(",")))
    print(f"trained on {count} releases → {args.output} ({args.output.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
