"""Web archives as a source: a WARC built here with warcio gives one source per captured HTML page."""

from __future__ import annotations

import gzip
import io
import json
import uuid
from pathlib import Path

import pytest

import pressconv
from pressconv._pipeline import read_release
from pressconv.batch.warc import is_warc, iter_warc
from pressconv.options import ReadOptions

PROSE = "This sentence is long enough, with a comma or two, to read as a paragraph of the release itself."
DATE = "2024-03-07T10:00:00Z"


def _record(
    uri: str, status: str, content_type: str, body: bytes, *, gz: bool, headers: tuple[tuple[str, str], ...] = ()
) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    http = StatusAndHeaders(status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1")
    # A record ID derived from the URI, not warcio's random one: the archive's bytes are the same on every run.
    record_id = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri)}>"
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http,
        warc_headers_dict={"WARC-Date": DATE, "WARC-Record-ID": record_id},
    )  # fmt: skip
    writer.write_record(record)
    return buffer.getvalue()


def _page(title: str, charset: str = "utf-8") -> bytes:
    markup = f"<html><body><article><h1>{title}</h1><p>{PROSE}</p><p><a href='/more'>More</a> about {title}.</p></article>"
    markup += "</body></html>"
    return markup.encode(charset)


def _chunked(data: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (data[:50], data[50:])) + b"0\r\n\r\n"


def build_warc(path: Path, *, gz: bool) -> None:
    """Four pages (one gzip-encoded and chunked, one Windows-1252 declared only in HTTP), an image, a 404 and a damaged record."""
    parts = [
        _record("https://news.example/one", "200 OK", "text/html; charset=utf-8", _page("Page one"), gz=gz),
        _record("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n....", gz=gz),
        _record("https://news.example/gone", "404 Not Found", "text/html", _page("Not found"), gz=gz),
        _record(
            "https://news.example/two", "200 OK", "text/html", _chunked(gzip.compress(_page("Page two"))), gz=gz,
            headers=(("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")),
        ),
    ]  # fmt: skip
    # Damage warcio notices: a gzip member whose compressed data is not deflate; in a plain WARC, a record cut short.
    damaged_member = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 50
    if gz:
        parts.append(damaged_member)
    parts.append(
        _record(
            "https://news.example/caf%C3%A9",
            "200 OK",
            "text/html; charset=windows-1252",
            _page("Caf\u00e9 opens", "cp1252"),
            gz=gz,
        )
    )
    parts.append(_record("https://news.example/three", "200 OK", "application/xhtml+xml", _page("Page three"), gz=gz))
    if not gz:
        parts.append(_record("https://news.example/cut", "200 OK", "text/html", _page("Cut short"), gz=gz)[:300])
    path.write_bytes(b"".join(parts))


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_every_html_page_becomes_a_source_and_a_damaged_record_is_reported(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    build_warc(path, gz=gz)
    sources = list(iter_warc(path))
    pages = [source for source in sources if source.error is None]
    assert [source.url for source in pages] == [
        "https://news.example/one", "https://news.example/two", "https://news.example/caf%C3%A9", "https://news.example/three"
    ]  # fmt: skip
    assert all(source.timestamp == DATE and source.name.startswith(f"{path}:") for source in pages)
    assert len({source.stem for source in sources}) == len(sources)
    errors = [source for source in sources if source.error]
    assert len(errors) == 1 and "damaged record" in (errors[0].error or "")
    assert errors[0].record == (5 if gz else 7)
    titles = []
    for source in pages:
        assert source.data is not None
        release = read_release(
            source.data, ReadOptions(reader="html"), name=source.name, url=source.url, timestamp=source.timestamp
        )
        titles.append(release.release.title)
        assert release.release.source_url == source.url
        assert release.release.timestamp == DATE
        assert release.release.paragraphs[0] == PROSE
    assert titles == ["Page one", "Page two", "Caf\u00e9 opens", "Page three"]


def test_relative_links_resolve_against_the_captured_url(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_warc(path, gz=True)
    source = next(iter_warc(path))
    assert source.data is not None
    release = pressconv.parse(source.data, reader="html")
    link = release.blocks[1].links[0]  # type: ignore[union-attr]
    assert link.href == "https://news.example/more"


def test_a_missing_or_garbage_archive_is_one_source_with_an_error(tmp_path: Path) -> None:
    [missing] = list(iter_warc(tmp_path / "none.warc.gz"))
    assert missing.error and "cannot read" in missing.error
    garbage = tmp_path / "junk.warc.gz"
    garbage.write_bytes(b"\x1f\x8b\x08" + b"\x00" * 100)
    found = list(iter_warc(garbage))
    assert found and all(source.error for source in found)


def test_archive_names() -> None:
    assert is_warc(Path("a/crawl.warc.gz")) and is_warc(Path("x.ARC.GZ")) and is_warc(Path("x.warc"))
    assert not is_warc(Path("x.jsonl.gz"))
    stems = {source.stem for source in iter_warc(Path("/nonexistent/site-2024.warc.gz"))}
    assert stems == {"site-2024"}


def test_a_web_archive_converts_in_one_command_with_a_report(tmp_path: Path) -> None:
    import json

    from pressconv.cli import main

    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive, gz=True)
    report = tmp_path / "report.json"
    argv = ["convert", str(archive), "--to", "html,json", "-o", f"{tmp_path}/out/", "--report", str(report), "-q"]
    assert main(argv) == 3  # the damaged record failed, every page was converted
    rows = json.loads(report.read_text("utf-8"))
    converted = [row for row in rows if row["status"] == "converted"]
    assert converted and all(row["url"] and row["url"].startswith("http") for row in converted)
    assert all(row["timestamp"] for row in converted)
    assert [row["status"] for row in rows].count("failed") >= 1
    for row in converted:
        document = json.loads(Path(next(path for path in row["outputs"] if path.endswith(".json"))).read_text("utf-8"))
        assert document["source_url"].startswith("http") and document["timestamp"] == row["timestamp"]


def test_reading_resumes_after_damage_whatever_bytes_follow_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Damaged bytes can look like an old ARC header to warcio, which then 'reads' a record that swallows the
    real ones after it. With random record IDs (so random compressed bytes), every page must still be found."""
    monkeypatch.setattr(uuid, "uuid5", lambda namespace, name: uuid.uuid4())
    path = tmp_path / "crawl.warc.gz"
    for _ in range(60):
        build_warc(path, gz=True)
        sources = list(iter_warc(path))
        assert [source.url for source in sources if source.error is None] == [
            "https://news.example/one", "https://news.example/two", "https://news.example/caf%C3%A9", "https://news.example/three"
        ]  # fmt: skip
        assert len([source for source in sources if source.error]) == 1


def test_max_size_reaches_the_web_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An archived page over the default 10 MiB is read when --max-size allows it (issue 24.8)."""
    from pressconv.cli import main

    padding = b"<!-- " + b"x" * (11 * 1024 * 1024) + b" -->"
    big = _page("Big page").replace(b"<html>", b"<html>" + padding)
    archive = tmp_path / "big.warc"
    archive.write_bytes(_record("https://news.example/big", "200 OK", "text/html; charset=utf-8", big, gz=False))
    assert main(["convert", str(archive), "--to", "json", "-o", f"{tmp_path}/out/", "--max-size", "20M", "-q"]) == 0
    [output] = (tmp_path / "out").iterdir()
    assert json.loads(output.read_text())["title"] == "Big page"


def test_a_record_whose_length_runs_past_its_end_does_not_swallow_the_next(tmp_path: Path) -> None:
    """A Content-Length too large made warcio read the following records as the first one's content,
    silently, exit 0 (issue 24.8): now the first is reported damaged and the others are read."""
    first = _record("https://news.example/one", "200 OK", "text/html", _page("Page one"), gz=False)
    rest = [_record(f"https://news.example/{n}", "200 OK", "text/html", _page(f"Page {n}"), gz=False) for n in ("two", "three")]
    length = int(first.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    overrun = first.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length + len(rest[0]) // 2), 1)
    archive = tmp_path / "overrun.warc"
    archive.write_bytes(overrun + b"".join(rest))
    sources = list(iter_warc(archive))
    assert [source.error is not None for source in sources] == [True, False, False]
    assert "runs past its end" in (sources[0].error or "")
    assert [source.url for source in sources[1:]] == ["https://news.example/two", "https://news.example/three"]


def test_a_record_shorter_than_its_length_says_is_reported_not_warned_on_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """warcio wrote "WARNING: Record not followed by newline" straight to stderr (issue 24.8)."""
    first = _record("https://news.example/one", "200 OK", "text/html", _page("Page one"), gz=False)
    second = _record("https://news.example/two", "200 OK", "text/html", _page("Page two"), gz=False)
    length = int(first.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    short = first.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length - 20), 1)
    archive = tmp_path / "short.warc"
    archive.write_bytes(short + second)
    sources = list(iter_warc(archive))
    assert "WARNING" not in capfd.readouterr().err
    assert any(source.error and "does not end where its length says" in source.error for source in sources)
    assert "https://news.example/two" in [source.url for source in sources if source.error is None]
