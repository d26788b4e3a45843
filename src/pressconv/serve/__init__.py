"""`pressconv serve`: a resident conversion service over HTTP, for tools that are not Python.

A Starlette app on uvicorn (`pressconv[serve]`); conversions run in worker processes with a timeout, a
memory limit and recycling (`pressconv.serve.pool`). The contract is in docs/service.md and at
/openapi.json. This module holds only the command line (argparse, imported by `pressconv --help`);
the server's own imports happen in `main`.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

__all__ = ["add_arguments", "default_workers", "main"]


def default_workers() -> int:
    """One worker per core the server may use: conversions are CPU-bound, so fewer leaves a core idle and more
    only queues. The cores are those of the process's CPU affinity (taskset, a container's cpuset), and no more
    than a cgroup v2 CPU quota allows (`docker --cpus 2` on a 16-core host is 2). The event loop needs no
    core of its own: it uses a small share of one (docs/service.md, "Measured")."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    try:
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as handle:
            quota, period = handle.read().split()[:2]
        if quota != "max":
            cores = min(cores, max(1, -(-int(quota) // int(period))))  # a quota of 1.5 cores: 2 workers
    except (OSError, ValueError):
        pass
    return max(1, cores)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `pressconv serve` flags."""
    from pressconv.options import parse_size

    def size(text: str) -> int:
        try:
            return parse_size(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    def positive(kind: Any) -> Any:
        def convert(text: str) -> Any:
            try:
                value = kind(text)
            except ValueError:
                raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
            if value <= 0:
                raise argparse.ArgumentTypeError(f"{text!r} must be more than 0")
            return value

        return convert

    def at_least_zero(text: str) -> int:
        if not text.isdigit():
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
        return int(text)

    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=at_least_zero, default=8008, help="port (default: 8008; 0 picks a free one, logged)")
    parser.add_argument("--workers", type=positive(int), default=None, metavar="N",
                        help="conversion worker processes (default: one per core this process may use)")  # fmt: skip
    parser.add_argument("--timeout", type=positive(float), default=30.0, metavar="S",
                        help="seconds a conversion may take; past it: 504, worker replaced (default: 30)")  # fmt: skip
    parser.add_argument("--max-bytes", type=size, default=16 * 1024 * 1024, metavar="B",
                        help="largest request body, option files included, e.g. 20M; larger gets 413 (default: 16M)")  # fmt: skip
    parser.add_argument("--max-queue", type=at_least_zero, default=64, metavar="Q",
                        help="requests that may wait for a worker; more get 503 with Retry-After (default: 64)")  # fmt: skip
    parser.add_argument("--memory", type=size, default=1024 * 1024 * 1024, metavar="B",
                        help="address space a worker may use, e.g. 2G; 0 for no limit (default: 1G)")  # fmt: skip
    parser.add_argument("--recycle-after", type=positive(int), default=1000, metavar="N",
                        help="replace a worker after this many conversions (default: 1000)")  # fmt: skip
    parser.add_argument("--token-file", metavar="FILE",
                        help="require 'Authorization: Bearer <token>' on /v1/ and /metrics (token in FILE)")  # fmt: skip
    parser.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                        help="allow browser requests from this origin (repeatable; default: none, CORS off)")  # fmt: skip


def main(args: argparse.Namespace) -> int:
    """Run the server until SIGTERM or Ctrl-C; 0 once in-flight requests are finished and the workers stopped."""
    from pressconv.errors import UsageError

    try:
        from pressconv.serve.server import run
    except ImportError as error:
        raise UsageError(f"pressconv serve needs its extra: pip install 'pressconv[serve]' ({error})") from None
    token = None
    if args.token_file:
        try:
            with open(args.token_file, encoding="utf-8") as handle:
                token = handle.read().strip()
        except OSError as error:
            raise UsageError(f"cannot read --token-file {args.token_file}: {error.strerror or error}") from None
        if not token:
            raise UsageError(f"--token-file {args.token_file} is empty")
    from pressconv.serve.app import ServeConfig

    config = ServeConfig(
        host=args.host, port=args.port, workers=args.workers or default_workers(), timeout=args.timeout,
        max_bytes=args.max_bytes, max_queue=args.max_queue, memory_bytes=args.memory, recycle_after=args.recycle_after,
        token=token, cors_origins=tuple(args.cors_origin),
    )  # fmt: skip
    return run(config)
