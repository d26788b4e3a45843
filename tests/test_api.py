"""The library API: streams, paths, atomic writes, thread safety, options checking."""

from __future__ import annotations

import io
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
    data = pressconv.convert(SEED, to="json")
    assert data is not None and b"blue light integration" in data


def test_convert_accepts_raw_bytes_and_writes_a_path(tmp_path: Path) -> None:
    assert pressconv.convert(SEED.read_bytes(), to="html", output=tmp_path / "x.html") is None
    assert (tmp_path / "x.html").read_bytes().startswith(b"<!DOCTYPE html>")


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
