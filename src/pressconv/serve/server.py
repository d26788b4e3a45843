"""Running the app on uvicorn: our own listening socket (so `--port 0` can log the port it got), uvicorn's
graceful shutdown (stop accepting, finish in-flight requests, then the lifespan stops the workers), and
exit status 0 after SIGTERM.
"""

from __future__ import annotations

import signal
import socket
from typing import Any

import uvicorn

from pressconv.serve.app import ServeConfig, Service, create_app


class _Server(uvicorn.Server):
    """uvicorn's server, telling the service it is draining as soon as a signal arrives (/ready says 503)."""

    def __init__(self, config: uvicorn.Config, service: Service) -> None:
        super().__init__(config)
        self.service = service

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.service.draining = True
        super().handle_exit(sig, frame)


def run(config: ServeConfig) -> int:
    app, service = create_app(config)
    listener = _listen(config.host, config.port)
    host, port = listener.getsockname()[:2]
    loop, http = _stack()
    service.log({"event": "listening", "url": f"http://{host if ':' not in host else f'[{host}]'}:{port}",
                 "host": host, "port": port, "workers": config.workers, "loop": loop, "http": http})  # fmt: skip
    # Every conversion ends within --timeout, so in-flight and queued requests end within this.
    grace = (config.max_queue // config.workers + 2) * config.timeout + 10
    uvicorn_config = uvicorn.Config(
        app, log_level="warning", access_log=False, lifespan="on", server_header=False, proxy_headers=False,
        timeout_graceful_shutdown=int(grace),
    )  # fmt: skip
    server = _Server(uvicorn_config, service)
    # uvicorn re-raises the signal that stopped it once it has shut down; with these handlers in place that is a
    # no-op and the exit status is 0 (the defaults would end the process with 143 or a KeyboardInterrupt).
    previous = {sig: signal.signal(sig, _ignore) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.run(sockets=[listener])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        listener.close()
    return 0 if server.started else 1


def _stack() -> tuple[str, str]:
    """The event loop and HTTP parser uvicorn's "auto" picks: uvloop and httptools when installed (the serve
    extra installs both), else asyncio's loop and h11, which cost the server about twice the CPU a request."""
    from importlib.util import find_spec

    return ("uvloop" if find_spec("uvloop") else "asyncio"), ("httptools" if find_spec("httptools") else "h11")


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets whose proto
    # says TCP, and with it on, every response on a kept-alive connection waited ~40 ms for a delayed ACK.
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as error:
        listener.close()
        from pressconv.errors import UsageError

        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    listener.listen(2048)
    listener.set_inheritable(False)
    return listener


def _ignore(signum: int, frame: Any) -> None:
    """Stand-in for uvicorn's re-raised signal after a graceful shutdown."""
