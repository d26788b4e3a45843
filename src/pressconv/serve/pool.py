"""The worker pool: N conversion processes the server starts, feeds, times out, replaces and recycles itself.

Not `concurrent.futures.ProcessPoolExecutor`: it cannot kill one worker on a timeout (a hung task holds
its process until it ends by itself, and a killed worker breaks the whole executor), and it has no per-
worker memory limit or recycling. Here each worker is a `multiprocessing` process with a Unix socket
pair of its own, and one task per worker (its driver) takes jobs from a shared queue, writes each to its
worker's socket and reads the answer, all on the event loop: the socket is non-blocking, so a job or an
answer of megabytes is written and read in pieces between other requests, never holding the loop, and
there is no thread, executor or future between a request and its worker (at a few milliseconds a
conversion, those hops cost a noticeable share of a request). A timer kills a worker that runs past the
timeout; its socket then closes, which ends the exchange. Threads are used only to start and stop
workers. Workers come from the 'forkserver' context (a clean, single-threaded, pre-warmed parent: see
`pressconv.serve.preload`), or 'spawn' where there is none.

Admission is counted before a request's body is read: at most `workers + max_queue` requests are
admitted at once, so memory is bounded by that many bodies; one more is refused (`QueueFull` → 503).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import multiprocessing
import pickle
import socket
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.context import ForkServerContext, SpawnContext
from struct import error as struct_error
from typing import Any

from pressconv.serve.worker import FRAME, MEMORY, READY, Done, Failed, Job, Limits, decode_answer, encode_job, serve

#: How long a new worker may take to start and warm up before it counts as failed.
START_TIMEOUT = 120.0
#: How long a stopped worker gets to exit before it is killed.
STOP_TIMEOUT = 5.0


class QueueFull(Exception):
    """Every worker is busy and the queue holds `max_queue` requests already."""


class ConversionTimeout(Exception):
    """The conversion ran past the timeout; its worker was killed and is being replaced."""


class WorkerLost(Exception):
    """The worker died during the conversion (a crash in a library, or killed from outside); it is being replaced."""


@dataclass(frozen=True, slots=True)
class PoolConfig:
    workers: int
    max_queue: int
    timeout: float
    limits: Limits


class _Worker:
    """One worker process and the server's end of its socket (blocking until `attach`, then the loop's streams)."""

    def __init__(self, process: Any, channel: socket.socket) -> None:
        self.process = process
        self.channel = channel
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        #: Why it is being replaced, once it is ("timeout" when the server killed it).
        self.doomed: str | None = None

    async def attach(self) -> None:
        """Hand the socket to the event loop (a large read limit: answers are often hundreds of kilobytes)."""
        self.channel.setblocking(False)
        self.reader, self.writer = await asyncio.open_unix_connection(sock=self.channel, limit=1 << 20)

    async def exchange(self, job: Job) -> Done | Failed:
        """Send a job and read its answer; EOF or a reset if the worker dies (or is killed) meanwhile."""
        assert self.reader is not None and self.writer is not None
        for piece in encode_job(job):  # a large release is written as it is, never copied after the frame's head
            self.writer.write(piece)
        await self.writer.drain()
        options_size, data_size = FRAME.unpack(await self.reader.readexactly(FRAME.size))
        options = await self.reader.readexactly(options_size)
        data = await self.reader.readexactly(data_size) if data_size else b""
        return decode_answer(options, data)

    def hang_up(self) -> None:
        """Close the server's end (on the loop): the worker exits when it reads EOF."""
        if self.writer is not None:
            self.writer.transport.abort()
        with contextlib.suppress(OSError):
            self.channel.close()

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()


class WorkerPool:
    def __init__(self, config: PoolConfig) -> None:
        self.config = config
        methods = multiprocessing.get_all_start_methods()
        self._context: ForkServerContext | SpawnContext = multiprocessing.get_context(
            "forkserver" if "forkserver" in methods else "spawn"
        )  # type: ignore[assignment]
        if "forkserver" in methods:
            self._context.set_forkserver_preload(["pressconv.serve.preload"])
            # Workers forked from the warm fork server start warm (see pressconv.serve.preload).
            self.config = dataclasses.replace(config, limits=dataclasses.replace(config.limits, warm_up=False))
        # Threads only for starting and stopping workers (both block on the fork server or a process).
        self._threads = concurrent.futures.ThreadPoolExecutor(config.workers + 1, thread_name_prefix="pressconv-start")
        #: Jobs waiting for a worker, each with the future its request awaits; `None` tells a driver to stop.
        self._jobs: asyncio.Queue[tuple[Job, asyncio.Future[tuple[Done | Failed, float]]] | None] = asyncio.Queue()
        self._workers: set[_Worker] = set()
        self._drivers: list[asyncio.Task[None]] = []
        self._closing = False
        self.admitted = 0
        self.busy = 0
        self.restarts: Counter[str] = Counter()

    # ------------------------------------------------------------------ state, for /ready and /metrics

    @property
    def alive(self) -> int:
        """Workers started and not being replaced."""
        return sum(1 for worker in self._workers if worker.doomed is None)

    @property
    def waiting(self) -> int:
        """Requests admitted that have no worker yet (the queue depth)."""
        return max(0, self.admitted - self.busy)

    # ------------------------------------------------------------------ life

    async def start(self) -> None:
        """Start every worker, wait until each is warm, and give each its driver."""
        loop = asyncio.get_running_loop()
        starting = [loop.run_in_executor(self._threads, self._start_worker) for _ in range(self.config.workers)]
        for worker in await asyncio.gather(*starting):
            await worker.attach()
            self._workers.add(worker)
            self._drivers.append(loop.create_task(self._drive(worker)))

    async def close(self) -> None:
        """Stop every worker (after in-flight work: the server has finished its requests before this is called)."""
        self._closing = True
        for _ in self._drivers:
            self._jobs.put_nowait(None)
        await asyncio.gather(*self._drivers, return_exceptions=True)
        loop = asyncio.get_running_loop()
        for worker in self._workers:
            worker.hang_up()
        await asyncio.gather(*(loop.run_in_executor(self._threads, _stop, worker) for worker in list(self._workers)))
        self._workers.clear()
        self._threads.shutdown(wait=True)

    # ------------------------------------------------------------------ requests

    @contextlib.contextmanager
    def admission(self) -> Iterator[None]:
        """Hold a place for one request, or raise `QueueFull`; taken before the body is read."""
        if self._closing or self.admitted >= self.config.workers + self.config.max_queue:
            raise QueueFull
        self.admitted += 1
        try:
            yield
        finally:
            self.admitted -= 1

    async def run(self, job: Job) -> tuple[Done | Failed, float]:
        """Convert `job` on the next free worker; returns the answer and the seconds the exchange took.

        Raises `ConversionTimeout` or `WorkerLost`; the worker is then replaced by its driver.
        """
        future: asyncio.Future[tuple[Done | Failed, float]] = asyncio.get_running_loop().create_future()
        self._jobs.put_nowait((job, future))
        return await future

    async def _drive(self, worker: _Worker) -> None:
        """One worker's life on the event loop: take a job, exchange it under the timeout, answer its request;
        replace the worker when it timed out, died, ran out of memory or retired."""
        loop = asyncio.get_running_loop()
        while True:
            item = await self._jobs.get()
            if item is None:
                return
            job, future = item
            if future.done():  # its request went away while it waited
                continue
            self.busy += 1
            started = time.perf_counter()
            timer = loop.call_later(self.config.timeout, self._expire, worker)
            reason: str | None
            try:
                answer = await worker.exchange(job)
            except Exception:  # noqa: BLE001 — EOF, a reset, a torn frame: the worker died, was killed, or cannot be trusted
                reason = worker.doomed or "crash"
                if not future.done():
                    future.set_exception(ConversionTimeout() if reason == "timeout" else WorkerLost())
            else:
                if not future.done():
                    future.set_result((answer, time.perf_counter() - started))
                reason = worker.doomed
                if reason is None and answer.retiring:
                    reason = MEMORY if isinstance(answer, Failed) and answer.kind == MEMORY else "recycle"
            finally:
                timer.cancel()
                self.busy -= 1
            if reason is not None:
                fresh = await self._replace(worker, reason)
                if fresh is None:
                    return
                worker = fresh

    def _expire(self, worker: _Worker) -> None:
        """The timeout passed: kill the worker; its socket closes and the exchange ends with `ConversionTimeout`."""
        worker.doomed = "timeout"
        worker.kill()

    async def _replace(self, worker: _Worker, reason: str) -> _Worker | None:
        """Stop `worker` and start a fresh one in its place (None if the pool is closing meanwhile)."""
        worker.doomed = reason
        self.restarts[reason] += 1
        loop = asyncio.get_running_loop()
        worker.hang_up()
        await loop.run_in_executor(self._threads, _stop, worker)
        self._workers.discard(worker)
        while not self._closing:
            try:
                fresh = await loop.run_in_executor(self._threads, self._start_worker)
            except (OSError, EOFError, TimeoutError):
                await asyncio.sleep(1.0)  # the machine is out of processes or memory: try again, gently
                continue
            await fresh.attach()
            self._workers.add(fresh)
            if self._closing:  # close() is waiting for this driver; it stops what is in _workers
                return None
            return fresh
        return None

    def _start_worker(self) -> _Worker:
        """Start one worker process and wait (in a pool thread) until it says it is warm."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        process = self._context.Process(target=serve, args=(theirs, self.config.limits), daemon=True, name="pressconv-worker")
        try:
            process.start()
        finally:
            theirs.close()
        ours.settimeout(START_TIMEOUT)
        try:
            head = ours.recv(FRAME.size, socket.MSG_WAITALL)
            options_size, _ = FRAME.unpack(head)
            ready = pickle.loads(ours.recv(options_size, socket.MSG_WAITALL)) == READY
        except (OSError, struct_error, pickle.UnpicklingError, EOFError):
            ready = False
        if not ready:
            process.kill()
            process.join()
            ours.close()
            raise TimeoutError("a conversion worker did not start")
        ours.settimeout(None)
        return _Worker(process, ours)


def _stop(worker: _Worker) -> None:
    """Wait for a worker whose socket is closed to exit (or kill it), and release it (in a thread: it blocks)."""
    worker.process.join(STOP_TIMEOUT if worker.doomed != "timeout" else 1.0)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.process.close()
