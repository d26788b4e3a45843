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


def _lengthen(record: bytes, extra: int) -> bytes:
    """The uncompressed `record` with its WARC Content-Length made `extra` bytes longer than it is."""
    length = int(record.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    return record.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length + extra), 1)


def _pages(*names: str) -> list[bytes]:
    return [_record(f"https://news.example/{n}", "200 OK", "text/html", _page(f"Page {n}"), gz=False) for n in names]


def _pack(records: list[bytes], layout: str) -> bytes:
    """The records as an archive: uncompressed, one gzip member per record, one gzip stream for them all
    (``gzip crawl.warc``), or two such streams one after the other (``cat a.warc.gz b.warc.gz``)."""
    if layout == "warc":
        return b"".join(records)
    if layout == "member-per-record":
        return b"".join(gzip.compress(record, mtime=0) for record in records)
    if layout == "one-stream":
        return gzip.compress(b"".join(records), mtime=0)
    assert layout == "two-streams"
    return gzip.compress(b"".join(records[:2]), mtime=0) + gzip.compress(b"".join(records[2:]), mtime=0)


LAYOUTS = ["warc", "member-per-record", "one-stream", "two-streams"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_record_is_read_however_the_archive_is_compressed(tmp_path: Path, layout: str) -> None:
    """A .warc.gz compressed as one stream (or several) was read to its first record, then failed (issue 24.8)."""
    archive = tmp_path / ("crawl.warc" if layout == "warc" else "crawl.warc.gz")
    archive.write_bytes(_pack(_pages("one", "two", "three", "four"), layout))
    sources = list(iter_warc(archive))
    assert [(source.url, source.error) for source in sources] == [
        (f"https://news.example/{n}", None) for n in ("one", "two", "three", "four")
    ]
    assert len({source.name for source in sources}) == 4
    if layout == "member-per-record":  # each record named by its member's offset, as CDX indexes give it
        offsets = [int(source.name.rsplit(":", 1)[1]) for source in sources]
        assert offsets[0] == 0 and all(archive.read_bytes()[offset:][:3] == b"\x1f\x8b\x08" for offset in offsets)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("which", [0, 2])
def test_a_length_that_runs_into_the_next_record_is_reported_and_the_rest_read(tmp_path: Path, layout: str, which: int) -> None:
    """In a .warc.gz the record whose Content-Length ran past its gzip member was converted without a word, and in
    one gzip stream it swallowed the records after it (issue 24.8): now it fails, alone, whatever the layout."""
    records = _pages("one", "two", "three", "four")
    records[which] = _lengthen(records[which], len(records[which + 1]) // 2)
    archive = tmp_path / ("overrun.warc" if layout == "warc" else "overrun.warc.gz")
    archive.write_bytes(_pack(records, layout))
    sources = list(iter_warc(archive))
    assert [source.error is not None for source in sources] == [n == which for n in range(4)]
    assert f"/{('one', 'two', 'three', 'four')[which]}" not in " ".join(str(source.url) for source in sources)
    error = sources[which].error or ""
    assert error.startswith("damaged record at byte ") and "its length runs past" in error and "\n" not in error
    assert [source.url for source in sources if source.error is None] == [
        f"https://news.example/{n}" for n in ("one", "two", "three", "four") if n != ("one", "two", "three", "four")[which]
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_length_that_runs_past_the_end_of_the_archive_is_reported(tmp_path: Path, layout: str) -> None:
    """The last record cut short (or its Content-Length too large) was converted as if whole, exit 0."""
    records = _pages("one", "two")
    records[1] = _lengthen(records[1], 100)
    archive = tmp_path / ("cut.warc" if layout == "warc" else "cut.warc.gz")
    archive.write_bytes(_pack(records, "member-per-record" if layout == "two-streams" else layout))
    sources = list(iter_warc(archive))
    assert (sources[0].url, sources[0].error) == ("https://news.example/one", None)
    assert [source.error is not None for source in sources] == [False, True]
    assert "its length runs past the end of " in (sources[1].error or "")


QUOTED = (
    b"<html><body><article><h1>How crawlers store pages</h1><p>" + PROSE.encode() + b"</p><pre>\r\n"
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://quoted.example/\r\nContent-Length: 12\r\n\r\n"
    b"HTTP/1.1 200\r\n\r\n\r\nWARC/1.1\r\n</pre><p>" + PROSE.encode() + b"</p></article></body></html>"
)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_page_quoting_a_warc_header_is_not_taken_for_a_swallowed_record(tmp_path: Path, layout: str) -> None:
    """A page that quotes WARC headers (lines "WARC/1.0") was reported as a record whose length runs past its
    end, and the quotation read as a record (issue 24.8): a record that ends where its length says is whole."""
    quoting = _record("https://news.example/warc-explained", "200 OK", "text/html", QUOTED, gz=False)
    records = [*_pages("one"), quoting, *_pages("two", "three")]
    archive = tmp_path / ("quote.warc" if layout == "warc" else "quote.warc.gz")
    archive.write_bytes(_pack(records, layout))
    sources = list(iter_warc(archive))
    assert [source.error for source in sources] == [None] * 4
    assert [source.url for source in sources] == [
        "https://news.example/one", "https://news.example/warc-explained", "https://news.example/two",
        "https://news.example/three",
    ]  # fmt: skip
    assert sources[1].data is not None and sources[1].data.endswith(QUOTED)


@pytest.mark.parametrize("layout", ["warc", "one-stream"])
def test_an_overrun_is_found_even_when_the_page_before_it_quotes_a_header(tmp_path: Path, layout: str) -> None:
    """The content of a record whose length is wrong is searched from its start: a quoted header in it is where
    reading goes on (its own record is reported), and the records after it are still read."""
    quoting = _record("https://news.example/warc-explained", "200 OK", "text/html", QUOTED, gz=False)
    records = [_lengthen(quoting, 200), *_pages("two", "three")]
    archive = tmp_path / ("quote.warc" if layout == "warc" else "quote.warc.gz")
    archive.write_bytes(_pack(records, layout))
    sources = list(iter_warc(archive))
    assert sources[0].error and "its length runs past its end" in sources[0].error
    assert [source.url for source in sources if source.error is None][-2:] == [
        "https://news.example/two", "https://news.example/three"
    ]  # fmt: skip


def test_warcio_says_nothing_on_stderr_about_a_damaged_gzip_archive(tmp_path: Path) -> None:
    """warcio wrote zlib's "Error -3 while decompressing data" and its "Replacing spaces in invalid
    WARC-Target-URI" to stderr, past the batch's own report (issue 24.8). Run as a user would: a separate process."""
    import random
    import subprocess
    import sys

    noise = random.Random(24).randbytes(60_000).hex().encode()  # compresses to well over one 16 KiB read
    encoded = bytearray(gzip.compress(_page("Encoded").replace(b"</body>", noise + b"</body>"), mtime=0))
    encoded[-8:-4] = bytes(byte ^ 0xFF for byte in encoded[-8:-4])  # its CRC: found wrong at the very end
    member = bytearray(gzip.compress(_pages("big")[0].replace(b"</body>", noise + b"</body>"), mtime=0))
    member[-8:-4] = bytes(byte ^ 0xFF for byte in member[-8:-4])
    spaced = _record("https://news.example/a page", "200 OK", "text/html", _page("Spaced"), gz=False)
    parts = [
        *_pages("one"), bytes(member), spaced,
        _record("https://news.example/encoded", "200 OK", "text/html", bytes(encoded), gz=False,
                headers=(("Content-Encoding", "gzip"),)),
        *_pages("two"),
    ]  # fmt: skip
    archive = tmp_path / "damaged.warc.gz"
    archive.write_bytes(b"".join(part if part.startswith(b"\x1f\x8b") else gzip.compress(part, mtime=0) for part in parts))
    report = tmp_path / "report.json"
    command = [sys.executable, "-m", "pressconv", "convert", str(archive), "--to", "json", "-o", f"{tmp_path}/out/"]
    run = subprocess.run([*command, "--report", str(report), "-q"], capture_output=True, text=True, check=False)
    assert run.returncode == 3, run.stderr
    assert all(line.startswith("pressconv: ") for line in run.stderr.splitlines()), run.stderr  # its failure lines only
    rows = json.loads(report.read_text("utf-8"))
    assert [row["url"] for row in rows if row["status"] == "converted"] == [
        "https://news.example/one", "https://news.example/a%20page", "https://news.example/two"
    ]  # fmt: skip
    failed = [row for row in rows if row["status"] == "failed"]
    assert len(failed) == 2 and all("damaged record at byte" in str(row) for row in failed)


@pytest.mark.parametrize("layout", ["warc", "member-per-record"])
def test_padding_after_the_last_record_is_not_damage(tmp_path: Path, layout: str) -> None:
    """Blank lines or NUL bytes after the last record (or gzip member) are padding, not a record to report."""
    archive = tmp_path / ("padded.warc" if layout == "warc" else "padded.warc.gz")
    archive.write_bytes(_pack(_pages("one", "two"), layout) + b"\r\n" + b"\x00" * 5000)
    assert [(source.url, source.error) for source in iter_warc(archive)] == [
        ("https://news.example/one", None), ("https://news.example/two", None)
    ]  # fmt: skip


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("extra", [1, 2, 3, 4])
def test_a_length_a_few_bytes_too_long_is_reported(tmp_path: Path, layout: str, extra: int) -> None:
    """A Content-Length up to 4 bytes too long swallows only the blank line that closes the record: in its own
    gzip member nothing else tells it from a right one, and it was converted without a word."""
    records = _pages("one", "two", "three", "four")
    records[1] = _lengthen(records[1], extra)
    records[3] = _lengthen(records[3], extra)
    archive = tmp_path / ("long.warc" if layout == "warc" else "long.warc.gz")
    archive.write_bytes(_pack(records, layout))
    sources = list(iter_warc(archive))
    assert [source.error is not None for source in sources] == [False, True, False, True]
    assert all("does not end where its length says" in (source.error or "") for source in sources[1::2])
    assert [source.url for source in sources[::2]] == ["https://news.example/one", "https://news.example/three"]


@pytest.mark.parametrize("gz", [False, True], ids=["arc", "arc.gz"])
def test_an_old_arc_file_is_read_record_by_record(tmp_path: Path, gz: bool) -> None:
    """ARC records end with one LF, not a WARC record's blank line: the length checks must not take them for damaged."""

    def arc_record(url: bytes, body: bytes) -> bytes:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        return b"%s 192.0.2.1 20240307100000 text/html %d\n" % (url, len(http)) + http + b"\n"

    fields = b"1 0 Archive\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [
        b"filedesc://crawl.arc 0.0.0.0 20240307100000 text/plain %d\n" % len(fields) + fields + b"\n",
        arc_record(b"http://news.example/one", _page("Page one")),
        arc_record(b"http://news.example/two", _page("Page two")),
    ]
    archive = tmp_path / ("crawl.arc.gz" if gz else "crawl.arc")
    archive.write_bytes(b"".join(gzip.compress(record, mtime=0) if gz else record for record in records))
    assert [(source.url, source.error) for source in iter_warc(archive)] == [
        ("http://news.example/one", None), ("http://news.example/two", None)
    ]  # fmt: skip


@pytest.mark.parametrize("layout", ["member-per-record", "one-stream"])
def test_a_batch_over_an_overrun_gz_archive_fails_that_record_only(tmp_path: Path, layout: str) -> None:
    """The command's view of issue 24.8: exit 3, one failed row for the damaged record, every other page converted."""
    from pressconv.cli import main

    records = _pages("one", "two", "three")
    records[0] = _lengthen(records[0], len(records[1]) // 2)
    archive = tmp_path / "overrun.warc.gz"
    archive.write_bytes(_pack(records, layout))
    report = tmp_path / "report.json"
    argv = ["convert", str(archive), "--to", "json", "-o", f"{tmp_path}/out/", "--report", str(report), "-q"]
    assert main(argv) == 3
    rows = json.loads(report.read_text("utf-8"))
    assert [row["status"] for row in rows] == ["failed", "converted", "converted"]
    assert "its length runs past" in rows[0]["error"]
    assert [row["url"] for row in rows[1:]] == ["https://news.example/two", "https://news.example/three"]


@pytest.mark.parametrize("layout", ["warc", "one-stream"])
def test_blank_lines_before_the_first_record_are_skipped(tmp_path: Path, layout: str) -> None:
    """warcio read blank lines before the first record as a record with no length, which swallowed the file."""
    records = _pages("one", "two")
    archive = tmp_path / ("lead.warc" if layout == "warc" else "lead.warc.gz")
    archive.write_bytes(_pack([b"\r\n\r\n" + records[0], records[1]], layout))
    assert [(source.url, source.error) for source in iter_warc(archive)] == [
        ("https://news.example/one", None), ("https://news.example/two", None)
    ]  # fmt: skip
