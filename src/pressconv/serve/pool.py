"""The worker pool: N conversion processes the server starts, feeds, times out, replaces and recycles itself.

Not `concurrent.futures.ProcessPoolExecutor`: it cannot kill one worker on a timeout (a hung task holds
its process until it ends by itself, and a killed worker breaks the whole executor), and it has no per-
worker memory limit or recycling. Here each worker is a `multiprocessing` process with a pipe of its
own; the event loop never touches a pipe itself (a job and its answer can be megabytes): each exchange
runs in a thread of the pool's own, and the loop only awaits it with the timeout. Workers come from the
'forkserver' context (a clean, single-threaded, pre-warmed parent: see `pressconv.serve.preload`), or
'spawn' where there is none.

Admission is counted before a request's body is read: at most `workers + max_queue` requests are
admitted at once, so memory is bounded by that many bodies; one more is refused (`QueueFull` → 503).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import multiprocessing
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from typing import Any

from pressconv.serve.worker import MEMORY, READY, Done, Failed, Job, Limits, serve

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
    """One worker process and the server's end of its pipe."""

    def __init__(self, process: Any, connection: Connection) -> None:
        self.process = process
        self.connection = connection
        #: Why it is being replaced, once it is ("timeout" when the server killed it).
        self.doomed: str | None = None


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
        # Threads for pipe exchanges (one per worker) and for starting and stopping workers.
        self._threads = concurrent.futures.ThreadPoolExecutor(config.workers * 2 + 2, thread_name_prefix="pressconv-pipe")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._workers: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
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
        """Start every worker and wait until each is warm."""
        loop = asyncio.get_running_loop()
        starting = [loop.run_in_executor(self._threads, self._start_worker) for _ in range(self.config.workers)]
        started = await asyncio.gather(*starting)
        for worker in started:
            self._workers.add(worker)
            self._idle.put_nowait(worker)

    async def close(self) -> None:
        """Stop every worker (after in-flight work: the server has finished its requests before this is called)."""
        self._closing = True
        for task in list(self._tasks):
            with contextlib.suppress(Exception):
                await task
        loop = asyncio.get_running_loop()
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
        """Convert `job` on the next free worker; returns the answer and the seconds the worker took.

        Raises `ConversionTimeout` or `WorkerLost`; the worker is then replaced in the background.
        """
        worker = await self._idle.get()
        self.busy += 1
        loop = asyncio.get_running_loop()
        try:
            started = time.perf_counter()
            future = self._threads.submit(_exchange, worker.connection, job)
            # The worker goes back (or is replaced) when the exchange ends, whatever happened to this request.
            future.add_done_callback(lambda done: loop.call_soon_threadsafe(self._finished, worker, done))
            try:
                answer = await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.config.timeout)
            except TimeoutError:
                worker.doomed = "timeout"
                with contextlib.suppress(OSError):
                    worker.process.kill()
                raise ConversionTimeout from None
            except (EOFError, OSError):
                raise WorkerLost from None
            return answer, time.perf_counter() - started
        finally:
            self.busy -= 1

    def _finished(self, worker: _Worker, future: concurrent.futures.Future[Done | Failed]) -> None:
        """An exchange ended: give the worker back, or replace it (timed out, died, ran out of memory, recycled)."""
        reason = worker.doomed
        if reason is None:
            error = future.exception()
            if error is not None:
                reason = "crash"
            else:
                answer = future.result()
                if answer.retiring:
                    reason = MEMORY if isinstance(answer, Failed) and answer.kind == MEMORY else "recycle"
        if reason is None:
            self._idle.put_nowait(worker)
            return
        worker.doomed = reason
        self.restarts[reason] += 1
        task = asyncio.get_running_loop().create_task(self._replace(worker))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._threads, _stop, worker)
        self._workers.discard(worker)
        while not self._closing:
            try:
                fresh = await loop.run_in_executor(self._threads, self._start_worker)
            except (OSError, EOFError, TimeoutError):
                await asyncio.sleep(1.0)  # the machine is out of processes or memory: try again, gently
                continue
            self._workers.add(fresh)
            self._idle.put_nowait(fresh)
            return

    def _start_worker(self) -> _Worker:
        """Start one worker process and wait (in a pool thread) until it says it is warm."""
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=serve, args=(theirs, self.config.limits), daemon=True, name="pressconv-worker")
        process.start()
        theirs.close()
        if not ours.poll(START_TIMEOUT) or ours.recv() != READY:
            process.kill()
            process.join()
            ours.close()
            raise TimeoutError("a conversion worker did not start")
        return _Worker(process, ours)


def _exchange(connection: Connection, job: Job) -> Done | Failed:
    """Send a job and wait for its answer (in a pool thread: both can be megabytes)."""
    connection.send(job)
    answer: Done | Failed = connection.recv()
    return answer


def _stop(worker: _Worker) -> None:
    """Ask a worker to exit (or kill it, if it is doomed or does not), and release its pipe."""
    if worker.doomed in (None, "recycle", MEMORY):
        with contextlib.suppress(OSError):
            worker.connection.send(None)
    worker.process.join(STOP_TIMEOUT if worker.doomed != "timeout" else 1.0)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.connection.close()
    worker.process.close()
