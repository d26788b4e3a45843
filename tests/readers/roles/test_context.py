"""The features a line takes from the whole release (`pressconv.readers.roles.context`)."""

from __future__ import annotations

from pressconv.readers.roles.context import context_features

LEAD = "The council will open a new recycling depot in Eastford on Monday, taking garden waste and wood."
SECOND = "Residents can book a slot online, and the depot will stay open until eight on weekdays."


def test_the_header_line_that_shares_most_words_with_the_lead_is_marked() -> None:
    rows = context_features(["Home", "Latest news", "Share", "Council opens recycling depot in Eastford", LEAD, SECOND])
    assert [index for index, row in enumerate(rows) if "echo-best" in row] == [3]
    assert "echo=high" in rows[3] or "echo=mid" in rows[3]
    assert "echo-best" not in rows[0]


def test_words_of_an_unspaced_script_are_compared_by_letter_pairs() -> None:
    lead = "市は月曜日に新しいリサイクル施設を開設し、庭ごみと木材の受け入れを始めると発表しました。"
    rows = context_features(["ホーム", "新しいリサイクル施設を開設", lead])
    assert "echo-best" in rows[1] and "echo-best" not in rows[0]


def test_a_run_of_short_lines_is_a_block_of_the_page_at_the_top_or_the_bottom() -> None:
    page = ["Home", "News", "Events", "Contact", "Council opens new recycling depot", LEAD, SECOND, "Related", "Others", "More"]
    rows = context_features(page)
    assert "short-run=top" in rows[0] and "short-run-len=3-4" in rows[0]
    assert "short-run=bottom" in rows[8] and "after-body" in rows[8]
    assert not any(feature.startswith("short-run") for feature in rows[5])


def test_list_shapes_in_many_scripts() -> None:
    lines = ["一、申请条件", "二、办理时限", "① first", "② second", "·", "An item after its bare marker", "Tid: 13.00"]
    rows = context_features(lines)
    assert "enum-run" in rows[0] and "enum-run" in rows[1] and "enum-run" in rows[2]
    assert "bare-marker" in rows[4] and "after-bare-marker" in rows[5]
    assert "field" in rows[6] and "field" not in rows[5]


def test_sentence_ends_are_counted_and_length_is_relative_to_the_release() -> None:
    rows = context_features(["Short title", LEAD + " " + SECOND, LEAD])
    assert "stops=2+" in rows[1] and "stops=1" in rows[2] and "stops=0" in rows[0]
    assert rows[0][0] in ("rlen=xs", "rlen=s") and rows[1][0] in ("rlen=l", "rlen=xl")


def test_an_empty_release_has_no_rows_and_a_huge_line_is_read_by_its_head() -> None:
    assert context_features([]) == []
    rows = context_features(["Title", "word " * 200_000 + "end."])
    assert len(rows) == 2 and "to-lead=1" in rows[0] and "stops=1" in rows[1]
