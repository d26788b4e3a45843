"""The annotated release corpus (corpus/releases) is valid: every release passes scripts/corpus_check.py.

The corpus is the truth the line-role model learns from and is measured on, so an annotation slip is a
test failure, not a silent error in the figures.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_check", ROOT / "scripts" / "corpus_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHECK = _load_checker()
RELEASES = CHECK.releases(CORPUS)


def test_corpus_is_not_empty() -> None:
    assert len(RELEASES) >= 1


@pytest.mark.parametrize("txt", RELEASES, ids=[p.stem for p in RELEASES])
def test_release_is_valid(txt: Path) -> None:
    assert CHECK.check_release(txt) == []


def test_no_orphans_or_shared_numbers() -> None:
    assert {name: errs for name, errs in CHECK.check_corpus(CORPUS).items() if errs} == {}


def test_split_is_by_name_and_roughly_70_15_15() -> None:
    names = [f"{n:03d}-x" for n in range(1000)]
    splits = [CHECK.split_of(name) for name in names]
    assert CHECK.split_of("001-x.txt") == CHECK.split_of("001-x.json") == CHECK.split_of("001-x")
    assert 650 <= splits.count("train") <= 750
    assert 110 <= splits.count("dev") <= 190
    assert 110 <= splits.count("test") <= 190


def _write(tmp: Path, lines: list[str], truth: dict[str, object]) -> Path:
    (tmp / "releases").mkdir(exist_ok=True)
    txt = tmp / "releases" / "001-sample.txt"
    txt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    txt.with_suffix(".json").write_text(json.dumps(truth), encoding="utf-8")
    return txt


def _truth(entries: list[dict[str, object]], **over: object) -> dict[str, object]:
    truth: dict[str, object] = {
        "country": "GB", "org_kind": "council", "language": "en", "title": "A title", "date": "2024-03-07",
        "updated": None, "date_spelling": "7 March 2024", "date_source": "date line", "repeat_shape": "none",
        "notes": "", "lines": entries,
    }
    truth["paragraphs"] = CHECK.expected_paragraphs(entries)
    truth["not_body"] = CHECK.expected_not_body(entries)
    truth.update(over)
    return truth


def test_checker_accepts_a_good_release_and_catches_slips(tmp_path: Path) -> None:
    lines = ["Home", "A title", "7 March 2024", "The lede.", "The lede."]
    entries: list[dict[str, object]] = [
        {"text": "Home", "role": "chrome", "kind": "breadcrumb"},
        {"text": "A title", "role": "title"},
        {"text": "7 March 2024", "role": "date"},
        {"text": "The lede.", "role": "paragraph"},
        {"text": "The lede.", "role": "repeat", "of": 4},
    ]
    assert CHECK.check_release(_write(tmp_path, lines, _truth(entries, repeat_shape="line 4 twice"))) == []
    bad = [dict(e) for e in entries]
    bad[4]["of"] = 2
    errs = CHECK.check_release(_write(tmp_path, lines, _truth(bad, repeat_shape="line 4 twice")))
    assert any("not a copy" in e for e in errs)
    errs = CHECK.check_release(_write(tmp_path, lines, _truth(entries, repeat_shape="none", date="7/3/2024")))
    assert any("repeat_shape" in e for e in errs) and any("YYYY-MM-DD" in e for e in errs)
    errs = CHECK.check_release(_write(tmp_path, lines[:-1], _truth(entries, repeat_shape="x")))
    assert any("entries in lines" in e for e in errs)
    wrong = _truth(entries, repeat_shape="x")
    wrong["paragraphs"] = ["The lede.", "The lede."]
    assert any("paragraphs" in e for e in CHECK.check_release(_write(tmp_path, lines, wrong)))


def test_checker_flags_the_search_tools_date_prefix(tmp_path: Path) -> None:
    """' date YYYY-MM-DD' before an excerpt is the search tool's metadata; as page text it taught a false date."""
    good = ["A title", "The lede."]
    entries: list[dict[str, object]] = [{"text": "A title", "role": "title"}, {"text": "The lede.", "role": "paragraph"}]
    assert CHECK.check_release(_write(tmp_path, good, _truth(entries))) == []
    for stub in (" date 2025-03-04 A title", " date 2024-07 A title"):
        lines = [stub, "The lede."]
        stubbed: list[dict[str, object]] = [{"text": stub, "role": "title"}, entries[1]]
        errs = CHECK.check_release(_write(tmp_path, lines, _truth(stubbed, title=stub)))
        assert any("search tool" in e for e in errs), errs


def test_checker_holds_the_second_readers_conventions(tmp_path: Path) -> None:
    """Source lines stay out of the body, 'X said,' is no quote, the title field may drop a glued label."""
    headline = "A title, and a long tail of words after it"
    lines = [f"PRESS RELEASE : {headline}", "Ann Lee said,", "Quoted words.", "SOURCE Acme Corp"]
    entries: list[dict[str, object]] = [
        {"text": lines[0], "role": "title"},
        {"text": lines[1], "role": "paragraph"},
        {"text": lines[2], "role": "quote"},
        {"text": lines[3], "role": "byline", "kind": "source"},
    ]
    assert CHECK.check_release(_write(tmp_path, lines, _truth(entries, title=headline))) == []
    slips = [dict(e) for e in entries]
    slips[1]["role"] = "quote"
    slips[3] = {"text": lines[3], "role": "end-mark"}
    errs = CHECK.check_release(_write(tmp_path, lines, _truth(slips, title=headline)))
    assert any("introduces a quote" in e for e in errs) and any("source line" in e for e in errs)
    errs = CHECK.check_release(_write(tmp_path, lines, _truth(entries, title="A title")))
    assert errs == ["title leaves more of its title line(s) out than a glued label or archive stamp"]
    errs = CHECK.check_release(_write(tmp_path, lines, _truth(entries, title="Another title")))
    assert errs == ["title is not in the title line(s) joined"]
