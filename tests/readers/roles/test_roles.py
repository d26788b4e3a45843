"""The line-role labeller: the shipped model is what the corpus trains, and its guards hold whatever it says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import pressconv
from pressconv.readers.roles import Role, label_texts

ROOT = Path(__file__).resolve().parents[3]


def _train_roles():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_roles", ROOT / "scripts" / "train_roles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_roles", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_a_rebuild_from_the_corpus_predicts_the_same_roles(tmp_path: Path) -> None:
    """`scripts/train_roles.py` is deterministic: the model it writes labels every fixture as the shipped one does."""
    import pycrfsuite

    from pressconv.readers.roles import _tagger
    from pressconv.readers.roles.features import features_of

    train_roles = _train_roles()
    rebuilt = tmp_path / "roles.crfsuite"
    train_roles.train(train_roles.CORPUS, rebuilt)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(rebuilt))
    for _name, lines, _roles in train_roles.fixture_examples():
        features = features_of(lines)
        assert tagger.tag(features) == _tagger().tag(features), _name


def test_every_line_gets_one_role_and_there_is_one_title() -> None:
    lines = ["Home", "Council opens new depot", "Published 12 March 2019", "The depot opens on Monday for garden waste."]
    labels = label_texts(lines)
    assert len(labels.roles) == len(lines) == len(labels.title_probability)
    assert sum(role in (Role.TITLE, Role.TITLE_DATE) for role in labels.roles) == 1


def test_a_line_that_is_only_a_label_or_a_date_is_never_the_title() -> None:
    labels = label_texts(["PRESS RELEASE", "12 March 2019", "Council opens new depot", "The depot opens on Monday."])
    assert labels.title_probability[0] == labels.title_probability[1] == 0.0
    assert labels.roles[2] in (Role.TITLE, Role.TITLE_DATE)


def test_a_sentence_is_never_dropped_as_the_page_without_a_page_word() -> None:
    """Nothing lost: a sentence-long line stays the release's unless a page recogniser or page word marks it."""
    sentence = "A spokesperson said: “We are grateful to everyone who took part.”"
    text = f"COUNCIL OPENS BUDGET 2015\nPublished 1 January 2000\n{sentence}\n"
    release = pressconv.clean(pressconv.parse(text)).release
    assert release.paragraphs == (sentence,)


def test_a_copy_of_the_title_is_reported_as_one_whatever_the_model_took_it_for() -> None:
    text = "Council opens budget\nPublished 1 January 2000\nThe budget was agreed on Tuesday.\n01.01.2000: COUNCIL OPENS BUDGET\n"
    release = pressconv.clean(pressconv.parse(text)).release
    assert [removal.reason for removal in release.removed] == ["repeats-title"]


def test_lines_judged_the_pages_are_removed_by_the_cleaner_and_reported() -> None:
    """The reader keeps the page's lines in the body (`Release.page_lines`); the page-chrome step reports each."""
    text = "Home\nNews\nCouncil opens new depot\nPublished 12 March 2019\nThe depot opens on Monday.\nShare this page\n"
    read = pressconv.parse(text)
    assert read.page_lines  # judged, not dropped
    cleaned = pressconv.clean(read).release
    assert "Share this page" not in cleaned.paragraphs
    assert {removal.text for removal in cleaned.removed if removal.reason == "page-chrome"} >= {"Share this page"}
    kept = pressconv.clean(read, skip={"page-chrome"}).release
    assert "Share this page" in kept.paragraphs


class _SureItIsThePage:
    """A tagger that is certain every line is the page's: what is left is what the guard keeps."""

    def labels(self) -> list[str]:
        return [str(role) for role in Role]

    def marginal(self, label: str, position: int) -> float:
        return 1.0 if label == Role.CHROME else 0.0


def test_a_sentence_in_a_script_without_spaces_is_never_dropped_as_the_page_without_a_page_word() -> None:
    """The guard's promise where a sentence is one "word": its length and its full stop make it a sentence,
    even when the model is sure it is the page's."""
    from pressconv.readers.roles import _sure_page_lines
    from pressconv.readers.roles.features import features_of

    sentence = "市は来月から新しいリサイクルセンターを開設し、家庭から出る粗大ごみと剪定枝の受け入れを始めると発表しました。"
    lines = ["シェアする", sentence, "Share this page"]
    kept = _sure_page_lines([Role.CHROME] * 3, _SureItIsThePage(), features_of(lines))  # type: ignore[arg-type]
    assert kept[1] is not Role.CHROME
    assert kept[2] is Role.CHROME  # a widget stays the page's
