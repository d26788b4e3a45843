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

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "src" / "pressconv" / "readers" / "roles" / "roles.crfsuite"
CORPUS = ROOT / "corpus" / "releases"

#: The trainer's settings, chosen on the dev split (docs/reading.md says how).
PARAMETERS = {
    "c1": 0.05,  # L1: drops features that never help, which keeps the shipped model small
    "c2": 0.01,
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


def train(corpus: Path, model: Path, splits: Sequence[str] = ("train",)) -> int:
    import pycrfsuite

    from pressconv.readers.roles.features import features_of

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for _name, lines, roles, _truth in annotated(corpus, splits):
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
