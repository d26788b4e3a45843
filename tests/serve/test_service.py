"""`pressconv serve` tested as a client sees it: real servers on free loopback ports, driven over HTTP.

Each server is `python -m pressconv serve --port 0 …` in a subprocess; its JSON log lines (stderr) are
read by a thread, which is how a test learns the port and when the workers are up. Every status of the
contract is provoked; hostile requests run beside ordinary ones; SIGTERM lets in-flight work finish.
No test sleeps: waits are bounded reads of the log or bounded polls of /metrics.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

import pressconv

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SEED = (FIXTURES / "blue-light-integration.txt").read_bytes()
TOKEN = "s3cret-token"
ORIGIN = "https://cms.example"
#: Seconds any single wait in these tests may take before the test fails (never a sleep: an upper bound).
PATIENCE = 60.0


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    lines: queue.Queue[dict[str, Any]] = field(default_factory=queue.Queue)
    seen: list[dict[str, Any]] = field(default_factory=list)

    def client(self, **settings: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers=self.headers, timeout=PATIENCE, **settings)

    def wait_for(self, event: str) -> dict[str, Any]:
        """The next log line with this event (bounded by PATIENCE)."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append(line)
            if line.get("event") == event:
                return line
            if line.get("event") == "exited":
                break
        raise AssertionError(f"the server never logged {event!r}; it logged {self.seen[-5:]}")

    def metric(self, client: httpx.Client, name: str) -> float:
        for line in client.get("/metrics").text.splitlines():
            if line.split(" ")[0] == name:
                return float(line.rsplit(" ", 1)[1])
        raise AssertionError(f"no metric {name}")

    def until(self, client: httpx.Client, name: str, value: float) -> None:
        """Poll /metrics until `name` reaches `value` (bounded: each poll is a request, at most PATIENCE in all)."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            if self.metric(client, name) >= value:
                return
        raise AssertionError(f"{name} never reached {value}")


@contextlib.contextmanager
def serving(*flags: str, token: bool = False, tmp_path: Path | None = None) -> Iterator[Server]:
    command = [sys.executable, "-m", "pressconv", "serve", "--host", "127.0.0.1", "--port", "0", *flags]
    headers = {}
    if token:
        assert tmp_path is not None
        token_file = tmp_path / "token"
        token_file.write_text(TOKEN + "\n", encoding="utf-8")
        command += ["--token-file", str(token_file)]
        headers["Authorization"] = f"Bearer {TOKEN}"
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Server(process, headers=headers)

    def read() -> None:
        assert process.stderr is not None
        for raw in process.stderr:
            try:
                server.lines.put(json.loads(raw))
            except ValueError:
                server.lines.put({"text": raw.decode("utf-8", "replace")})
        server.lines.put({"event": "exited"})

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        listening = server.wait_for("listening")
        assert listening["host"] == "127.0.0.1"
        server.url = listening["url"]
        server.wait_for("ready")
        yield server
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(PATIENCE)
        reader.join(PATIENCE)


def long_release(paragraphs: int) -> bytes:
    body = b"\n".join(b"Paragraph %d of a long release, with enough words to fill a line or two." % n for n in range(paragraphs))
    return b"A long release\n12 March 2024\n" + body + b"\n"


def zip_bomb_reference() -> bytes:
    """A valid .docx whose styles part inflates to 200 MB of spaces (about 200 KB packed)."""
    source = pressconv.convert(SEED, to="docx").data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "word/styles.xml":
                data = data.replace(b"</w:styles>", b" " * 200_000_000 + b"</w:styles>")
            bomb.writestr(item, data, compresslevel=9)
    return out.getvalue()


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "application/problem+json"
    document: dict[str, Any] = response.json()
    assert document["status"] == status
    assert document["code"] == code
    assert document["type"] == f"urn:pressconv:problem:{code}"
    assert document["title"] and document["detail"]
    return document


# ---------------------------------------------------------------------------------------------- the main server


@pytest.fixture(scope="module")
def main_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    flags = ["--workers", "3", "--timeout", "45", "--max-bytes", "12M", "--recycle-after", "4", "--cors-origin", ORIGIN]
    with serving(*flags, token=True, tmp_path=tmp_path_factory.mktemp("token")) as server:
        yield server


def test_one_format_comes_back_with_its_type_name_and_notices(main_server: Server) -> None:
    with main_server.client() as client:
        response = client.post("/v1/convert", params={"to": "docx"}, content=SEED)
    assert response.status_code == 200
    assert response.headers["content-type"] == pressconv.get_writer("docx").media_type
    assert response.headers["content-disposition"] == (
        'attachment; filename="commissioner-lloyd-addresses-national-conference-on-blue-light-integration.docx"'
    )
    assert response.content == pressconv.convert(SEED, to="docx").data
    notices = json.loads(response.headers["x-pressconv-notices"])
    local = pressconv.convert(SEED, to="docx")
    assert [item["code"] for item in notices["notices"]] == [notice.code for notice in local.notices]
    assert [item["paragraph"] for item in notices["removed"]] == [removal.paragraph for removal in local.removed]


def test_several_formats_come_back_as_a_zip(main_server: Server) -> None:
    with main_server.client() as client:
        response = client.post("/v1/convert?to=html,epub", content=SEED, headers={"Content-Type": "text/plain"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = sorted(archive.namelist())
        html = archive.read(names[1])
    stem = "commissioner-lloyd-addresses-national-conference-on-blue-light-integration"
    assert names == [f"{stem}.epub", f"{stem}.html"]
    assert html == pressconv.convert(SEED, to="html").data


def test_json_is_the_model_and_reading_options_are_query_parameters(main_server: Server) -> None:
    fixture = FIXTURES / "date-month-first-option.txt"
    with main_server.client() as client:
        day_first = client.post("/v1/convert?to=json", content=fixture.read_bytes()).json()
        month_first = client.post("/v1/convert?to=json&month_first=true&lang=en-US", content=fixture.read_bytes()).json()
    local = json.loads(pressconv.convert(fixture.read_bytes(), to="json", month_first=True, language="en-US").data)
    assert month_first == local
    assert month_first["date"] != day_first["date"]


def test_an_html_page_is_read_by_its_media_type(main_server: Server) -> None:
    page = b"<html><head><title>x</title></head><body><article><h1>Ferry timetable changes</h1>" \
           b"<p>12 March 2024</p><p>The ferry runs later in summer.</p></article></body></html>"  # fmt: skip
    with main_server.client() as client:
        as_html = client.post("/v1/convert?to=json", content=page, headers={"Content-Type": "text/html"}).json()
        as_text = client.post("/v1/convert?to=json&from=text", content=page, headers={"Content-Type": "text/html"})
    assert as_html["title"] == "Ferry timetable changes"
    assert as_text.json()["title"] != "Ferry timetable changes"


def test_option_files_are_multipart_parts(main_server: Server) -> None:
    css = b"body { color: rebeccapurple }"
    with main_server.client() as client:
        response = client.post("/v1/convert?to=html", files={"release": ("r.txt", SEED, "text/plain"), "css": ("s.css", css)})
        as_field = client.post("/v1/convert?to=html", files={"release": ("r.txt", SEED)}, data={"css": css.decode()})
    assert response.status_code == 200
    assert response.content == pressconv.convert(SEED, to="html", css=css).data
    assert as_field.content == response.content


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("to=nonesuch", "nonesuch"),
        ("to=html&css=/etc/passwd", "multipart"),  # a path of the server's machine is never read
        ("to=docx&reference_doc=https://example.org/ref.docx", "multipart"),  # nor a URL fetched
        ("to=html&paper=a4", "applies to docx, pdf"),
        ("to=pdf&paper=folio", "a4, letter"),
        ("to=html&month_first=perhaps", "true or false"),
        ("to=html&lang=not a tag", "language tag"),
        ("to=html&max_size=1G", "set by the server"),
        ("to=html&colour=blue", "no option 'colour'"),
        ("to=html&from=rtf", "rtf"),
    ],
)
def test_a_bad_option_is_422(main_server: Server, query: str, words: str) -> None:
    with main_server.client() as client:
        document = problem(client.post(f"/v1/convert?{query}", content=SEED), 422, "bad-option")
    assert words in document["detail"]


def test_an_unreadable_body_is_400(main_server: Server) -> None:
    with main_server.client() as client:
        empty = problem(client.post("/v1/convert?to=html", content=b""), 400, "input-unreadable")
        binary = problem(client.post("/v1/convert?to=html", content=b"\x00\x01\x02" * 100), 400, "input-unreadable")
        no_part = problem(client.post("/v1/convert", files={"other": ("x", b"y")}), 422, "bad-option")
    assert "empty" in empty["detail"]
    assert binary["detail"]
    assert "release" in no_part["detail"]


def test_a_malformed_multipart_body_is_400(main_server: Server) -> None:
    body = b"--xyz\r\nContent-Disposition: form-data; name=\"release\"\r\n\r\nno closing boundary"
    with main_server.client() as client:
        response = client.post("/v1/convert", content=body, headers={"Content-Type": "multipart/form-data"})
    problem(response, 400, "bad-request")


def test_a_broken_reference_document_is_422(main_server: Server) -> None:
    with main_server.client() as client:
        response = client.post("/v1/convert?to=docx", files={"release": SEED, "reference_doc": b"not a word document"})
    assert "reference document" in problem(response, 422, "bad-option")["detail"]


def test_the_token_is_required_on_conversions_and_metrics_only(main_server: Server) -> None:
    with httpx.Client(base_url=main_server.url, timeout=PATIENCE) as anonymous:
        refused = anonymous.post("/v1/convert", content=SEED)
        wrong = anonymous.get("/metrics", headers={"Authorization": "Bearer not-it"})
        assert anonymous.get("/health").status_code == 200
        assert anonymous.get("/ready").status_code == 200
        assert anonymous.get("/openapi.json").status_code == 200
    problem(refused, 401, "unauthorized")
    problem(wrong, 401, "unauthorized")
    assert refused.headers["www-authenticate"].startswith("Bearer")


def test_cors_answers_the_configured_origin_only(main_server: Server) -> None:
    preflight = {"Origin": ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    with main_server.client() as client:
        allowed = client.options("/v1/convert", headers=preflight)
        other = client.options("/v1/convert", headers={**preflight, "Origin": "https://elsewhere.example"})
        simple = client.post("/v1/convert", content=SEED, headers={"Origin": ORIGIN})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-origin" not in other.headers
    assert "X-Pressconv-Notices" in simple.headers["access-control-expose-headers"]


def test_formats_health_ready_openapi_and_unknown_routes(main_server: Server) -> None:
    with main_server.client() as client:
        formats = client.get("/v1/formats").json()
        assert client.get("/health").json() == {"status": "ok"}
        ready = client.get("/ready").json()
        description = client.get("/openapi.json").json()
        missing = client.get("/v2/nothing")
        wrong_method = client.get("/v1/convert")
    assert {writer["name"] for writer in formats["writers"]} == {info.name for info in pressconv.available_formats()}
    assert {reader["name"] for reader in formats["readers"]} >= {"text", "html"}
    docx = next(writer for writer in formats["writers"] if writer["name"] == "docx")
    reference = next(option for option in docx["options"] if option["name"] == "reference_doc")
    assert reference["type"] == "file"
    assert ready["status"] == "ready" and ready["workers"] >= 1
    assert description["openapi"].startswith("3.")
    names = {parameter["name"] for parameter in description["paths"]["/v1/convert"]["post"]["parameters"]}
    assert {"to", "from", "lang", "month_first", "paper", "no_clean"} <= names
    assert "css" not in names  # file options are multipart parts only
    problem(missing, 404, "not-found")
    problem(wrong_method, 405, "method-not-allowed")


def test_each_request_is_one_json_log_line(main_server: Server) -> None:
    with main_server.client() as client:
        client.post("/v1/convert?to=epub", content=SEED, headers={"X-Marker": "log"})
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        line = main_server.lines.get(timeout=PATIENCE)
        if line.get("path") == "/v1/convert" and line.get("formats") == "epub":
            break
    assert line["method"] == "POST" and line["status"] == 200 and line["bytes_in"] == len(SEED)
    assert line["bytes_out"] > 0 and line["ms"] >= 0


def test_hostile_requests_beside_ordinary_ones(main_server: Server) -> None:
    """A 4 MB single line, a page nested 50,000 deep and a zip-bomb reference document, in parallel with
    ordinary conversions: every ordinary one succeeds, each hostile one gets an answer, the server stays up."""
    huge_line = b"One enormous line\n12 March 2024\n" + b"word " * 800_000 + b"\n"
    nested = (b"<html><body><article><h1>Deep</h1><p>12 March 2024</p>" + b"<div>" * 50_000 + b"x"
              + b"</div>" * 50_000 + b"</article></body></html>")  # fmt: skip
    bomb = zip_bomb_reference()
    ordinary = sorted(FIXTURES.glob("*.txt"))[:12]
    with main_server.client() as client, ThreadPoolExecutor(8) as pool:
        hostile = [
            pool.submit(client.post, "/v1/convert?to=html", content=huge_line),
            pool.submit(client.post, "/v1/convert?to=html", content=nested, headers={"Content-Type": "text/html"}),
            pool.submit(client.post, "/v1/convert?to=docx", files={"release": SEED, "reference_doc": ("bomb.docx", bomb)}),
        ]
        calm = [pool.submit(client.post, f"/v1/convert?to={('html', 'docx', 'epub')[n % 3]}", content=path.read_bytes())
                for n, path in enumerate(ordinary)]  # fmt: skip
        health = [client.get("/health") for _ in range(5)]
        answers = [future.result() for future in calm]
        hostile_answers = [future.result() for future in hostile]
        assert client.get("/ready").status_code == 200
    assert [answer.status_code for answer in answers] == [200] * len(ordinary)
    assert all(answer.status_code == 200 for answer in health)
    for answer in hostile_answers:
        assert answer.status_code == 200 or answer.headers["content-type"] == "application/problem+json"
    assert "would unpack" in problem(hostile_answers[2], 422, "bad-option")["detail"]


def test_workers_are_recycled(main_server: Server) -> None:
    with main_server.client() as client:
        for _ in range(8):
            assert client.post("/v1/convert?to=html", content=SEED).status_code == 200
        assert main_server.metric(client, 'pressconv_worker_restarts_total{reason="recycle"}') >= 1


# ---------------------------------------------------------------------------------------------- a strict server


@pytest.fixture(scope="module")
def strict_server() -> Iterator[Server]:
    flags = ["--workers", "1", "--timeout", "1", "--max-bytes", "512K", "--max-queue", "0"]
    with serving(*flags) as server:
        yield server


def test_a_body_over_max_bytes_is_413(strict_server: Server) -> None:
    over = b"x" * (512 * 1024 + 1)

    def chunks() -> Iterator[bytes]:
        yield b"Title\n12 March 2024\n"
        yield over

    with strict_server.client() as client:
        declared = client.post("/v1/convert", content=over)
        streamed = client.post("/v1/convert", content=chunks())  # no Content-Length: counted as it is read
        multipart = client.post("/v1/convert", files={"release": SEED, "css": over})
        assert client.post("/v1/convert", content=SEED).status_code == 200
    for response in (declared, streamed, multipart):
        problem(response, 413, "too-large")


#: A request the strict server's 1 s timeout always cuts short: a release near its --max-bytes (512K), in two
#: formats (2.3 s on an idle 2-core machine). A 3,000-paragraph PDF alone once finished inside the timeout.
SLOW_QUERY = "/v1/convert?to=pdf,docx"
SLOW = long_release(6500)


def test_a_slow_conversion_is_504_and_its_worker_replaced(strict_server: Server) -> None:
    with strict_server.client() as client:
        before = strict_server.metric(client, 'pressconv_worker_restarts_total{reason="timeout"}')
        problem(client.post(SLOW_QUERY, content=SLOW), 504, "timeout")
        assert client.post("/v1/convert?to=html", content=SEED).status_code == 200  # the replacement converts
        assert strict_server.metric(client, 'pressconv_worker_restarts_total{reason="timeout"}') == before + 1
        assert client.get("/health").status_code == 200


def test_a_full_queue_is_503_with_retry_after(strict_server: Server) -> None:
    assert len(SLOW) < 512 * 1024
    with strict_server.client() as client, ThreadPoolExecutor(1) as pool:
        busy = pool.submit(client.post, SLOW_QUERY, content=SLOW)
        strict_server.until(client, "pressconv_workers_busy", 1)
        refused = client.post("/v1/convert?to=html", content=SEED)
        problem(busy.result(), 504, "timeout")
    problem(refused, 503, "queue-full")
    assert int(refused.headers["retry-after"]) >= 1


@pytest.mark.skipif(sys.platform != "linux", reason="finds the worker processes through /proc")
def test_a_worker_that_dies_costs_one_request_a_500(strict_server: Server) -> None:
    with strict_server.client() as client:
        assert client.post("/v1/convert?to=html", content=SEED).status_code == 200
        for pid in workers_of(strict_server.process.pid):
            os.kill(pid, signal.SIGKILL)
        problem(client.post("/v1/convert?to=html", content=SEED), 500, "worker-crashed")
        assert client.post("/v1/convert?to=html", content=SEED).status_code == 200
        assert strict_server.metric(client, 'pressconv_worker_restarts_total{reason="crash"}') >= 1


def workers_of(server_pid: int) -> list[int]:
    """The conversion workers: the fork server's children (the fork server is the server's child)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
    found = [pid for forkserver in children.get(server_pid, []) for pid in children.get(forkserver, [])]
    assert found, "no worker process found"
    return found


# ---------------------------------------------------------------------------------------------- SIGTERM


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is Linux's to enforce")
def test_sigterm_finishes_in_flight_work_and_exits_0() -> None:
    """And, on the way, a request that exhausts its worker's memory (a warm worker maps about 270 MB of address
    space, the language model and the shaping and CRF libraries included; reading a 10 MB line needs ~200 MB
    more; the limit is 340 MB) costs that request a 500, and the next one succeeds."""
    flags = ("--workers", "1", "--timeout", "60", "--memory", "340M", "--max-bytes", "12M")
    with serving(*flags) as server, server.client() as client, ThreadPoolExecutor(1) as pool:
        huge_line = b"One enormous line\n12 March 2024\n" + b"word " * 2_000_000 + b"\n"
        problem(client.post("/v1/convert?to=html", content=huge_line), 500, "worker-memory")
        assert client.post("/v1/convert?to=html", content=SEED).status_code == 200
        assert server.metric(client, 'pressconv_worker_restarts_total{reason="memory"}') == 1
        in_flight = pool.submit(client.post, "/v1/convert?to=docx", content=long_release(2000))
        server.until(client, "pressconv_workers_busy", 1)
        server.process.send_signal(signal.SIGTERM)
        answer = in_flight.result()
        assert server.process.wait(PATIENCE) == 0
        assert answer.status_code == 200
        assert answer.content[:2] == b"PK"
        with pytest.raises(httpx.ConnectError):
            httpx.get(server.url + "/health", timeout=5)
