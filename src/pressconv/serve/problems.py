"""Errors as RFC 9457 problem details (`application/problem+json`), each with pressconv's code for it.

`type` is a URN naming the problem (`urn:pressconv:problem:input-unreadable`), `code` the same code
alone for clients that switch on it; `title` is the fixed summary, `detail` pressconv's own one-line
message (the one the command line prints). The codes are listed in docs/service.md.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from starlette.responses import Response

MEDIA_TYPE = "application/problem+json"


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    status: int
    title: str


#: Every problem the service answers with.
UNREADABLE = Problem("input-unreadable", 400, "The body is not a release pressconv can read")
BAD_REQUEST = Problem("bad-request", 400, "The request is malformed")
UNAUTHORIZED = Problem("unauthorized", 401, "A bearer token is required")
NOT_FOUND = Problem("not-found", 404, "No such resource")
METHOD = Problem("method-not-allowed", 405, "Method not allowed")
TOO_LARGE = Problem("too-large", 413, "The request body is over the server's --max-bytes")
UNSUPPORTED = Problem("unsupported-media-type", 415, "The body's media type is not taken here")
BAD_OPTION = Problem("bad-option", 422, "A parameter or option is wrong")
UNWRITABLE = Problem("output-failed", 422, "The release cannot be written in the format asked for")
INTERNAL = Problem("internal-error", 500, "The conversion failed inside pressconv or a library it uses")
WORKER_MEMORY = Problem("worker-memory", 500, "The conversion used more memory than a worker may")
WORKER_LOST = Problem("worker-crashed", 500, "The conversion worker died")
QUEUE_FULL = Problem("queue-full", 503, "The server is busy; retry later")
NOT_READY = Problem("not-ready", 503, "The server has no worker ready")
TIMEOUT = Problem("timeout", 504, "The conversion took longer than the server's --timeout")

ALL = (UNREADABLE, BAD_REQUEST, UNAUTHORIZED, NOT_FOUND, METHOD, TOO_LARGE, UNSUPPORTED, BAD_OPTION, UNWRITABLE,
       INTERNAL, WORKER_MEMORY, WORKER_LOST, QUEUE_FULL, NOT_READY, TIMEOUT)  # fmt: skip


def body(problem: Problem, detail: str, *, instance: str | None = None) -> dict[str, object]:
    document: dict[str, object] = {
        "type": f"urn:pressconv:problem:{problem.code}",
        "title": problem.title,
        "status": problem.status,
        "detail": detail,
        "code": problem.code,
    }
    if instance:
        document["instance"] = instance
    return document


def response(problem: Problem, detail: str, *, instance: str | None = None, headers: Mapping[str, str] | None = None) -> Response:
    content = json.dumps(body(problem, detail, instance=instance), ensure_ascii=False).encode("utf-8")
    return Response(content, status_code=problem.status, media_type=MEDIA_TYPE, headers=dict(headers or {}))
