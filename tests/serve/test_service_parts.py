"""The service's pure parts, without a server: parameters, the notices header, file names, the description."""

from __future__ import annotations

import json
import os
import socket

import pytest

from pressconv.serve import default_workers, openapi, problems
from pressconv.serve.metrics import Metrics
from pressconv.serve.parameters import Catalogue, ParameterError, parse_request
from pressconv.serve.worker import NOTICES_HEADER_LIMIT, notices_header


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.build()


def test_parameters_are_the_flags_without_dashes(catalogue: Catalogue) -> None:
    request = parse_request(
        [("to", "docx,pdf"), ("month-first", "yes"), ("no_clean", "true"), ("paper", "Letter"), ("lang", "cy")], catalogue
    )
    assert request.formats == ("docx", "pdf")
    assert request.reading == {"month_first": True, "clean": False, "language": "cy"}
    assert request.settings == {"paper": "letter"}


def test_file_options_are_bytes_from_parts_only(catalogue: Catalogue) -> None:
    request = parse_request([("to", "pdf")], catalogue, files=[("fallback-font", b"one"), ("fallback_font", b"two")])
    assert request.settings == {"fallback_fonts": (b"one", b"two")}
    with pytest.raises(ParameterError, match="multipart"):
        parse_request([("to", "pdf"), ("font", "/usr/share/fonts/x.ttf")], catalogue)
    with pytest.raises(ParameterError, match="not a file option"):
        parse_request([("to", "pdf")], catalogue, files=[("paper", b"a4")])


def test_an_option_given_twice_is_refused(catalogue: Catalogue) -> None:
    with pytest.raises(ParameterError, match="twice"):
        parse_request([("to", "pdf"), ("paper", "a4"), ("paper", "letter")], catalogue)


def test_the_notices_header_is_ascii_json_cut_to_fit() -> None:
    notices = (("date-ambiguous", "'07/03/2014' reads both ways — day first"),)
    removed = tuple((n, "repeated-paragraph", 2) for n in range(3, 2000))
    text = notices_header(notices, removed)
    assert text.isascii() and "\n" not in text
    assert len(text) <= NOTICES_HEADER_LIMIT
    document = json.loads(text)
    assert document["truncated"] is True
    assert document["notices"][0]["message"] == notices[0][1]
    assert 0 < len(document["removed"]) < len(removed)
    assert "truncated" not in json.loads(notices_header(notices, removed[:3]))


def test_the_description_lists_every_problem_code(catalogue: Catalogue) -> None:
    description = openapi.build(catalogue)
    codes = description["components"]["schemas"]["Problem"]["properties"]["code"]["enum"]
    assert codes == [problem.code for problem in problems.ALL]
    assert len(set(codes)) == len(codes)


def test_the_description_is_valid_openapi(catalogue: Catalogue) -> None:
    from openapi_spec_validator import validate

    validate(openapi.build(catalogue))  # raises on the first fault


def test_metrics_text_has_every_family() -> None:
    metrics = Metrics()
    metrics.count("/v1/convert", 200)
    metrics.observe("docx", 0.02)
    text = metrics.render(queue_depth=3, busy=1, alive=2, restarts={"timeout": 1})
    assert 'pressconv_requests_total{route="/v1/convert",status="200"} 1' in text
    assert 'pressconv_conversion_seconds_bucket{format="docx",le="0.025"} 1' in text
    assert 'pressconv_conversion_seconds_bucket{format="docx",le="0.01"} 0' in text
    assert "pressconv_queue_depth 3" in text
    assert 'pressconv_worker_restarts_total{reason="timeout"} 1' in text
    assert 'pressconv_worker_restarts_total{reason="recycle"} 0' in text


def test_the_default_worker_count_is_the_cores_this_process_may_use() -> None:
    workers = default_workers()
    assert 1 <= workers <= (os.cpu_count() or 1)
    if hasattr(os, "sched_getaffinity"):
        assert workers <= len(os.sched_getaffinity(0))


@pytest.mark.parametrize("size", [10, 3 * 1024 * 1024])
def test_an_answer_crosses_the_worker_socket_whole(size: int) -> None:
    """Small frames go in one piece, large ones as head and bytes (sendmsg); either way the bytes arrive as sent."""
    import threading

    from pressconv.serve.worker import FRAME, Done, Failed, decode_answer, encode_answer, send

    body = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    answers: list[Done | Failed] = [Done(body, "text/html", "a.html", '{"notices":[],"removed":[]}', retiring=True),
                                    Failed("input", "no")]  # fmt: skip
    ours, theirs = socket.socketpair()

    def send_all() -> None:
        for answer in answers:
            send(theirs, encode_answer(answer))

    with ours, theirs:
        sender = threading.Thread(target=send_all)
        sender.start()
        received: list[Done | Failed] = []
        for _ in answers:
            options_size, data_size = FRAME.unpack(_read(ours, FRAME.size))
            received.append(decode_answer(_read(ours, options_size), _read(ours, data_size)))
        sender.join()
    assert received == answers


def _read(channel: socket.socket, size: int) -> bytes:
    parts, got = [], 0
    while got < size:
        parts.append(channel.recv(size - got))
        assert parts[-1], "the socket closed early"
        got += len(parts[-1])
    return b"".join(parts)
