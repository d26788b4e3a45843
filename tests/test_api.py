"""The library API: streams, paths, atomic writes, thread safety, options checking."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import pytest

import pressconv
from conftest import FIXTURES
from pressconv.writers.base import NoOptions

SEED = FIXTURES / "blue-light-integration.txt"


class ExplodingWriter:
    """Writes half a document, then fails, as a writer library might."""

    name: ClassVar[str] = "boom"
    extension: ClassVar[str] = ".boom"
    media_type: ClassVar[str] = "application/octet-stream"
    description: ClassVar[str] = "fails half way"
    options_type: ClassVar[type[Any]] = NoOptions

    def write(self, release: pressconv.Release, stream: BinaryIO, options: Any = None) -> None:
        stream.write(b"half a doc")
        raise RuntimeError("disk on fire")


def test_convert_returns_bytes_without_output() -> None:
    result = pressconv.convert(SEED, to="json")
    assert b"blue light integration" in result.data
    assert result.outputs == (pressconv.Output("json", data=result.data),)


def test_convert_result_carries_release_removals_and_notices() -> None:
    result = pressconv.convert(SEED, to="html")
    assert result.release is not None and len(result.release.paragraphs) == 13
    assert len(result.removed) == 12 and result.removed == result.release.removed
    assert all(isinstance(notice, pressconv.Notice) for notice in result.notices)


def test_convert_accepts_raw_bytes_and_writes_a_path(tmp_path: Path) -> None:
    result = pressconv.convert(SEED.read_bytes(), to="html", output=tmp_path / "x.html")
    assert result.outputs == (pressconv.Output("html", path=str(tmp_path / "x.html")),)
    assert (tmp_path / "x.html").read_bytes().startswith(b"<!DOCTYPE html>")


def test_convert_to_several_formats_writes_each_into_a_directory(tmp_path: Path) -> None:
    result = pressconv.convert(SEED, to=["html", "json"], output=tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["blue-light-integration.html", "blue-light-integration.json"]
    assert [output.format for output in result.outputs] == ["html", "json"]


def test_reading_options_are_one_object_and_legacy_keywords_still_work() -> None:
    us = b"Budget Published 03/07/2014\nText.\n"
    by_object = pressconv.convert(us, to="json", read_options=pressconv.ReadOptions(month_first=True, language="en-US"))
    by_keywords = pressconv.convert(us, to="json", month_first=True, language="en-US")
    assert by_object.data == by_keywords.data
    assert by_object.release is not None and by_object.release.date is not None and by_object.release.date.month == 3


def test_file_options_accept_bytes() -> None:
    css = b"p { color: navy; }"
    assert b"color: navy" in pressconv.convert(SEED, to="html", css=css).data


def test_writer_notices_reach_the_result() -> None:
    class NoisyWriter:
        name: ClassVar[str] = "noisy"
        extension: ClassVar[str] = ".txt"
        media_type: ClassVar[str] = "text/plain"
        description: ClassVar[str] = "says something"
        options_type: ClassVar[type[Any]] = NoOptions

        def write(self, release: pressconv.Release, stream: BinaryIO, options: Any = None) -> list[pressconv.Notice]:
            stream.write(release.title.encode())
            return [pressconv.Notice("fallback-font", "set 3 characters in a fallback font")]

    result = pressconv.convert(SEED, to=NoisyWriter())
    assert result.notices[-1] == pressconv.Notice("fallback-font", "set 3 characters in a fallback font")


def test_a_failing_writer_leaves_no_file_and_raises_our_error(tmp_path: Path) -> None:
    release = pressconv.parse(SEED.read_bytes())
    with pytest.raises(pressconv.OutputError, match="boom writer failed: RuntimeError: disk on fire"):
        pressconv.write(release, ExplodingWriter(), tmp_path / "x.boom")
    assert list(tmp_path.iterdir()) == []


def test_unknown_option_is_named_with_the_known_ones() -> None:
    release = pressconv.parse(SEED.read_bytes())
    with pytest.raises(pressconv.OptionError, match="no option 'colour'; its options: css"):
        pressconv.write(release, "html", io.BytesIO(), colour="red")


def test_model_is_frozen() -> None:
    release = pressconv.parse(SEED.read_bytes())
    with pytest.raises(AttributeError):
        release.title = "changed"  # type: ignore[misc]


def test_api_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    pressconv.convert(b"Undated title\n\x00Text\n", to="json")
    assert capsys.readouterr() == ("", "")


def test_parallel_calls_give_the_same_results() -> None:
    # DOCX shares one parsed template between threads (each document is a deep copy of it).
    expected = {name: pressconv.convert(SEED, to=name) for name in ("html", "json", "docx")}
    results: list[tuple[str, bytes | None]] = []
    lock = threading.Lock()

    def work(name: str) -> None:
        for _ in range(5):
            value = pressconv.convert(SEED, to=name)
            with lock:
                results.append((name, value))

    threads = [threading.Thread(target=work, args=(name,)) for name in ("html", "json", "docx") * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 45 and all(value == expected[name] for name, value in results)


def test_public_api_is_what_init_lists() -> None:
    for name in pressconv.__all__:
        assert hasattr(pressconv, name), name


def test_importing_pressconv_loads_no_pipeline_until_a_name_is_used() -> None:
    code = "import sys, pressconv; print(sorted(m for m in sys.modules if m.startswith('pressconv')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['pressconv']"
    assert set(pressconv.__all__) == {*pressconv._EXPORTS, "__version__"}


@pytest.mark.parametrize(("given", "bylines", "expected"), [
    (None, ["Jane Smith"], "Jane Smith"), ("", ["Jane Smith"], ""), ("Press Office", ["Jane Smith"], "Press Office"),
    (None, ["Jane Smith", "Jane Smith"], "Jane Smith"), (None, ["Jane Smith", "Tom Hughes"], ""), (None, [None], ""),
])  # fmt: skip
def test_the_author_in_the_metadata_is_chosen_alike_by_every_paged_format(given: str | None, bylines: list[str | None],
                                                                           expected: str) -> None:  # fmt: skip
    """--author as given ("" names none), else the byline every release shares; the same rule in DOCX, PDF and EPUB."""
    import datetime
    import re
    import zipfile

    import docx
    import pypdf

    from pressconv.model import Collection
    from pressconv.writers import get_writer, make_options

    releases = [pressconv.Release(f"T{number}", datetime.date(2024, 3, number + 1), (pressconv.Paragraph("Body."),),
                                  byline=byline) for number, byline in enumerate(bylines)]  # fmt: skip
    options = {} if given is None else {"author": given}
    found = {}
    for fmt in ("docx", "pdf", "epub"):
        stream = io.BytesIO()
        if len(releases) == 1:
            pressconv.write(releases[0], fmt, stream, **options)
        else:
            writer = get_writer(fmt)
            writer.write_collection(Collection("All", tuple(releases)), stream, make_options(writer, options))
        data = stream.getvalue()
        if fmt == "docx":
            found[fmt] = docx.Document(io.BytesIO(data)).core_properties.author
        elif fmt == "pdf":
            found[fmt] = (pypdf.PdfReader(io.BytesIO(data)).metadata or {}).get("/Author", "")
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                creator = re.search(r"<dc:creator[^>]*>([^<]*)<", book.read("EPUB/content.opf").decode("utf-8"))
            found[fmt] = creator.group(1) if creator else ""
    assert found == {"docx": expected, "pdf": expected, "epub": expected}
