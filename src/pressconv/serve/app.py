"""The ASGI app: Starlette routes over the worker pool. The event loop reads requests and writes responses;
it never converts (see `pressconv.serve.pool`), so /health answers at once while workers are busy.

Pure ASGI middleware (not Starlette's `BaseHTTPMiddleware`, which runs the endpoint in a task of its
own) logs one JSON line per request, counts it for /metrics and checks the bearer token.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any, TextIO
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

import pressconv
from pressconv.serve import openapi, problems
from pressconv.serve.metrics import Metrics
from pressconv.serve.parameters import FORMATS_PARAMETER, RELEASE_PART, Catalogue, ParameterError, parse_request
from pressconv.serve.parameters import Request as Conversion
from pressconv.serve.pool import ConversionTimeout, PoolConfig, QueueFull, WorkerLost, WorkerPool
from pressconv.serve.worker import INPUT, MEMORY, OPTION, OUTPUT, Done, Failed, Job, Limits

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Routes counted by name in /metrics; anything else is "other", so a scan of random paths adds no series.
ROUTES = ("/v1/convert", "/v1/formats", "/health", "/ready", "/metrics", "/openapi.json")
#: Routes that need the bearer token when one is configured (liveness, readiness and the description do not).
PROTECTED = ("/v1/", "/metrics")
#: Distinct queries of /v1/convert whose checked form is kept (the cache is emptied when full).
QUERY_CACHE = 256
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FAILURES = {INPUT: problems.UNREADABLE, OPTION: problems.BAD_OPTION, OUTPUT: problems.UNWRITABLE, MEMORY: problems.WORKER_MEMORY}


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """Everything `pressconv serve` is told on its command line."""

    host: str = "127.0.0.1"
    port: int = 8008
    workers: int = 2
    timeout: float = 30.0
    max_bytes: int = 16 * 1024 * 1024
    max_queue: int = 64
    memory_bytes: int = 1024 * 1024 * 1024
    recycle_after: int = 1000
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    log: TextIO = field(default=sys.stderr, compare=False)


class _TooLarge(Exception):
    """The body went past --max-bytes; nothing more is read."""


class Service:
    """The state one running server owns: its pool, metrics, option catalogue and description."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.pool = WorkerPool(
            PoolConfig(config.workers, config.max_queue, config.timeout, Limits(config.memory_bytes, config.recycle_after))
        )
        self.metrics = Metrics()
        self.catalogue = Catalogue.build()
        self.description = openapi.build(self.catalogue)
        self.formats = _formats_document(self.catalogue)
        self.draining = False
        self._logged_second, self._stamp = -1, ""
        #: Checked queries of /v1/convert by their bytes (never mutated: `_convert` copies what it changes).
        self._queries: dict[bytes, Conversion] = {}

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        await self.pool.start()
        self.log({"event": "ready", "workers": self.config.workers})
        try:
            yield
        finally:
            self.draining = True
            await self.pool.close()
            self.log({"event": "stopped"})

    def log(self, record: dict[str, Any]) -> None:
        now = int(time.time())
        if now != self._logged_second:  # one strftime a second, not one a request
            self._logged_second, self._stamp = now, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))
        line = json.dumps({"time": self._stamp, **record}, ensure_ascii=False)
        self.config.log.write(line + "\n")
        self.config.log.flush()

    # ------------------------------------------------------------------ routes

    async def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def ready(self, request: Request) -> Response:
        alive = self.pool.alive
        if self.draining or alive == 0:
            return problems.response(problems.NOT_READY, "stopping" if self.draining else "no worker is up yet",
                                     headers={"Retry-After": "1"})  # fmt: skip
        return JSONResponse({"status": "ready", "workers": alive, "busy": self.pool.busy, "queue": self.pool.waiting})

    async def formats_route(self, request: Request) -> Response:
        return JSONResponse(self.formats)

    async def openapi_route(self, request: Request) -> Response:
        return JSONResponse(self.description)

    async def metrics_route(self, request: Request) -> Response:
        text = self.metrics.render(
            queue_depth=self.pool.waiting, busy=self.pool.busy, alive=self.pool.alive, restarts=self.pool.restarts
        )
        return PlainTextResponse(text, media_type="text/plain; version=0.0.4; charset=utf-8")

    async def convert(self, scope: Scope, receive: Receive, send: Send) -> None:
        """POST /v1/convert, as a plain ASGI app: `_Access` calls it directly, without Starlette's middleware,
        router, request and response objects, which took a third of the event loop's time for a request
        (errors, which are rare, are still Starlette responses)."""
        answer = await self._answer(scope, receive)
        if isinstance(answer, Response):
            await answer(scope, receive, send)
            return
        media_type = answer.media_type
        if media_type.startswith("text/") and "charset=" not in media_type.lower():
            media_type += "; charset=utf-8"  # as Starlette's Response says it
        headers = [
            (b"content-type", media_type.encode("latin-1")),
            (b"content-length", str(len(answer.body)).encode("ascii")),
            (b"content-disposition", f'attachment; filename="{answer.filename}"'.encode("latin-1")),
            (b"x-pressconv-notices", answer.notices.encode("latin-1")),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})

    async def _answer(self, scope: Scope, receive: Receive) -> Response | Done:
        try:
            # A bad option fails before the body is read; a multipart request's parts are checked with it later.
            query = self._checked(scope["query_string"])
        except ParameterError as error:
            return problems.response(problems.BAD_OPTION, str(error))
        try:
            with self.pool.admission():
                return await self._convert(scope, receive, query)
        except QueueFull:
            return problems.response(
                problems.QUEUE_FULL, f"{self.pool.admitted} requests are being served or waiting; retry later",
                headers={"Retry-After": "1"},
            )  # fmt: skip

    def _checked(self, query: bytes) -> Conversion:
        """The query, checked, from a small cache: a client sends the same few queries (`to=docx&lang=cy`) over
        and over, and checking one (parse_qsl, the options' checks) was a tenth of the event loop's work."""
        checked = self._queries.get(query)
        if checked is None:
            checked = parse_request(_query(query), self.catalogue)  # raises for a bad one, which is not kept
            if len(self._queries) >= QUERY_CACHE:
                self._queries.clear()
            self._queries[query] = checked
        return checked

    async def _convert(self, scope: Scope, receive: Receive, query: Conversion) -> Response | Done:
        limit = self.config.max_bytes
        length, content_type = "", ""
        for key, value in scope["headers"]:
            if key == b"content-length":
                length = value.decode("latin-1")
            elif key == b"content-type":
                content_type = value.decode("latin-1").split(";")[0].strip().lower()
        if length.isdigit() and int(length) > limit:
            return _too_large(limit)
        try:
            if content_type == "multipart/form-data":
                conversion, data, name, reader = await self._multipart(scope, receive, limit)
            else:
                conversion, data, name = query, await _read_body(receive, limit), None
                reader = "html" if content_type in _HTML_TYPES else "text" if content_type == "text/plain" else None
        except _TooLarge:
            return _too_large(limit)
        except ParameterError as error:
            return problems.response(problems.BAD_OPTION, str(error))
        except MultiPartException as error:  # Starlette's multipart parser: a malformed body
            return problems.response(problems.BAD_REQUEST, error.message)
        reading = dict(conversion.reading)
        if reader is not None:
            reading.setdefault("reader", reader)
        reading["max_bytes"] = limit
        job = Job(data, conversion.formats, tuple(reading.items()), tuple(conversion.settings.items()), name)
        logged = scope.setdefault("state", {})["pressconv"] = {"formats": ",".join(conversion.formats), "bytes_in": len(data)}
        try:
            answer, seconds = await self.pool.run(job)
        except ConversionTimeout:
            return problems.response(problems.TIMEOUT, f"the conversion took longer than {self.config.timeout:g} s; "
                                     "its worker was replaced")  # fmt: skip
        except WorkerLost:
            return problems.response(problems.WORKER_LOST, "the worker converting this request died; it was replaced")
        self.metrics.observe("+".join(conversion.formats), seconds)
        logged["worker_ms"] = round(seconds * 1000, 1)
        if isinstance(answer, Failed):
            return problems.response(_FAILURES.get(answer.kind, problems.INTERNAL), answer.message)
        return answer

    async def _multipart(self, scope: Scope, receive: Receive, limit: int) -> tuple[Conversion, bytes, str | None, str | None]:
        limited = Request(scope, _limited(receive, limit))
        fields: list[tuple[str, str]] = []
        files: list[tuple[str, bytes]] = []
        release: tuple[bytes, str | None, str | None] | None = None
        async with limited.form(max_files=64, max_fields=256, max_part_size=limit) as form:
            for key, value in form.multi_items():
                if isinstance(value, str):
                    if key == RELEASE_PART:
                        release = (value.encode("utf-8"), None, None)
                    else:
                        fields.append((key, value))
                    continue
                content = await value.read()
                if key == RELEASE_PART:
                    part_type = (value.content_type or "").split(";")[0].strip().lower()
                    reader = "html" if part_type in _HTML_TYPES else "text" if part_type == "text/plain" else None
                    release = (content, value.filename or None, reader)
                else:
                    files.append((key, content))
        if release is None:
            raise ParameterError(f"a multipart request needs a part named {RELEASE_PART!r} holding the release")
        # Text fields may carry a file option's content too (a stylesheet typed into a form): as bytes, never a path.
        texts = [(key, value) for key, value in fields if not self._is_file(key)]
        files += [(key, value.encode("utf-8")) for key, value in fields if self._is_file(key)]
        conversion = parse_request(_query(scope["query_string"]), self.catalogue, fields=texts, files=files)
        return conversion, release[0], release[1], release[2]

    def _is_file(self, key: str) -> bool:
        try:
            return self.catalogue.lookup(key).is_file
        except ParameterError:
            return False

    # ------------------------------------------------------------------ the app

    def app(self) -> ASGIApp:
        routes = [
            Route("/v1/convert", _Endpoint(self.convert), methods=["POST"]),  # reached for other methods only (405)
            Route("/v1/formats", self.formats_route, methods=["GET"]),
            Route("/health", self.health, methods=["GET"]),
            Route("/ready", self.ready, methods=["GET"]),
            Route("/metrics", self.metrics_route, methods=["GET"]),
            Route("/openapi.json", self.openapi_route, methods=["GET"]),
        ]
        starlette = Starlette(routes=routes, lifespan=self.lifespan, exception_handlers={HTTPException: _http_problem})
        app: ASGIApp = _Access(starlette, self)
        if self.config.cors_origins:
            from starlette.middleware.cors import CORSMiddleware

            app = CORSMiddleware(
                app, allow_origins=list(self.config.cors_origins), allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"], expose_headers=["Content-Disposition", "X-Pressconv-Notices"],
            )  # fmt: skip
        return app


class _Endpoint:
    """A plain ASGI callable Starlette routes to as it is (a bound method it would wrap as a request handler)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


def create_app(config: ServeConfig) -> tuple[ASGIApp, Service]:
    service = Service(config)
    return service.app(), service


class _Access:
    """Token check, one JSON log line and a /metrics count for every HTTP request."""

    def __init__(self, app: ASGIApp, service: Service) -> None:
        self.app, self.service = app, service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status, sent = 500, 0
        state: dict[str, Any] = scope.setdefault("state", {})

        async def counting(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        path: str = scope["path"]
        try:
            if self.service.config.token is not None and path.startswith(PROTECTED) and not self._authorised(scope):
                response = problems.response(problems.UNAUTHORIZED, "send 'Authorization: Bearer <token>'",
                                             headers={"WWW-Authenticate": 'Bearer realm="pressconv"'})  # fmt: skip
                await response(scope, receive, counting)
            elif path == "/v1/convert" and scope["method"] == "POST":
                await self._convert(scope, receive, counting)
            else:
                await self.app(scope, receive, counting)
        finally:
            route = path if path in ROUTES else "other"
            self.service.metrics.count(route, status)
            extra = state.get("pressconv") or {}
            client = scope.get("client")
            self.service.log({
                "method": scope["method"], "path": path, "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 1), "bytes_out": sent,
                "client": client[0] if client else None, **extra,
            })  # fmt: skip

    async def _convert(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The hot route, straight to the service (Starlette's router and its error middleware skipped): a bug
        still answers 500 as that middleware would, and goes on to the server's log."""
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.service.convert(scope, receive, sending)
        except ClientDisconnect:
            pass  # nobody to answer
        except Exception:
            if not started:
                await problems.response(problems.INTERNAL, "the server failed on this request")(scope, receive, send)
            raise

    def _authorised(self, scope: Scope) -> bool:
        token = self.service.config.token or ""
        for key, value in scope["headers"]:
            if key == b"authorization":
                scheme, _, given = value.decode("latin-1").partition(" ")
                return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())
        return False


async def _read_body(receive: Receive, limit: int) -> bytes:
    """The body, chunk by chunk, stopping at the first byte over `limit`."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        if chunk:
            chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)  # one chunk (most bodies): that very object, not a copy


def _query(query: bytes) -> list[tuple[str, str]]:
    """The query's parameters, decoded as Starlette's `Request.query_params` decodes them."""
    return parse_qsl(query.decode("latin-1"), keep_blank_values=True)


def _limited(receive: Receive, limit: int) -> Receive:
    """`receive` that raises `_TooLarge` as soon as the body passes `limit` (for the multipart parser)."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
        return message

    return wrapped


def _too_large(limit: int) -> Response:
    # Connection: close — the rest of the body is never read, so the connection cannot carry another request.
    return problems.response(problems.TOO_LARGE, f"the body is over {limit:,} bytes", headers={"Connection": "close"})


async def _http_problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    problem = {404: problems.NOT_FOUND, 405: problems.METHOD}.get(error.status_code, problems.BAD_REQUEST)
    return problems.response(problem, str(error.detail), instance=request.url.path, headers=error.headers)


def _formats_document(catalogue: Catalogue) -> dict[str, Any]:
    from pressconv.readers import READERS

    readers = [
        {"name": reader.name, "description": reader.description, "extensions": list(reader.extensions),
         "media_types": list(reader.media_types), "origin": origin}
        for reader, origin in READERS.items()
    ]  # fmt: skip
    writers = []
    for info in pressconv.available_formats():
        options = [_option_document(parameter) for parameter in catalogue.parameters.values() if info.name in parameter.formats]
        writers.append({"name": info.name, "extension": info.extension, "media_type": info.media_type,
                        "description": info.description, "origin": info.origin, "options": options})  # fmt: skip
    reading = [_option_document(parameter) for parameter in catalogue.parameters.values() if not parameter.formats]
    return {"readers": readers, "writers": writers, "reading_options": reading, "formats_parameter": FORMATS_PARAMETER}


def _option_document(parameter: Any) -> dict[str, Any]:
    info = parameter.spec.info
    kind = "file" if info.file else "boolean" if info.switch else "choice" if info.choices else "string"
    document: dict[str, Any] = {"name": parameter.name, "type": kind, "help": info.help}
    if info.choices:
        document["choices"] = list(info.choices)
    if info.repeatable:
        document["repeatable"] = True
    if info.file:
        document["as"] = "a multipart/form-data part"
    return document
