"""The crawl's ingest worker processes: ``corpus.ingest.prepare`` (decode, extract, MinHash,
compress) beside the reactor, on the other cores.

Not a ``ProcessPoolExecutor``: its manager thread pickles, sends and receives inside the crawl
process, competing with the reactor thread for the GIL on every page. Here each worker has a
task pipe and a result pipe, and the crawl's asyncio loop writes and reads them itself
(non-blocking, ``loop.add_reader`` / ``add_writer``): no thread, no lock, one ``os.write`` per
task. A worker is sent the raw document and sends back only what it computed.

Workers are forked before the reactor starts (no sockets or threads to inherit) and warm up
(imports, lazily compiled rules) after the fork, in parallel, while the crawl process starts
Scrapy and fetches the first listings. A worker exits when its task pipe closes, and is killed
by the kernel when the crawl process dies (even by SIGKILL). When a worker dies, its pending
tasks fail with ``WorkerLost`` and the caller does them itself.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import pickle
from collections import deque
from dataclasses import dataclass, field

_HEADER = 8  # bytes: little-endian length of the pickle that follows


class WorkerLost(RuntimeError):
    """The worker holding a task died (or the pool was shut down) before answering."""


def _frame(obj) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(_HEADER, "little") + data


# --- in the worker ----------------------------------------------------------------------------


def _read_exactly(fd: int, n: int) -> bytes | None:
    chunks, got = [], 0
    while got < n:
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            return None  # the crawl process closed the pipe (or died): stop
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _serve(task_fd: int, result_fd: int, parent: int, close: list[int]) -> None:
    """A worker's life: warm up, then answer tasks until the task pipe closes."""
    from thidua.corpus.ingest import prepare
    from thidua.crawler.pipelines import _warm, _worker_init

    for fd in close:  # the crawl process's ends of every pipe, inherited by the fork
        try:
            os.close(fd)
        except OSError:
            pass
    _worker_init(parent)
    _warm()
    while True:
        header = _read_exactly(task_fd, _HEADER)
        if header is None:
            return
        payload = _read_exactly(task_fd, int.from_bytes(header, "little"))
        if payload is None:
            return
        task_id, raw = pickle.loads(payload)
        try:
            prep, error = prepare(raw), None
            prep.raw = None  # the crawl process has it: do not send the page back
        except BaseException as exc:  # noqa: BLE001 - prepare reports failures itself; this is a bug
            prep, error = None, f"{type(exc).__name__}: {exc}"
        _write_all(result_fd, _frame((task_id, prep, error)))


# --- in the crawl process ---------------------------------------------------------------------


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    task_fd: int  # our (write) end
    result_fd: int  # our (read) end
    pending: dict[int, asyncio.Future] = field(default_factory=dict)
    out: deque = field(default_factory=deque)  # frames (memoryviews) not yet written
    inbox: bytearray = field(default_factory=bytearray)
    loop: asyncio.AbstractEventLoop | None = None
    alive: bool = True


class IngestPool:
    """``await pool.prepare(raw)`` runs ``corpus.ingest.prepare(raw)`` in a worker process."""

    def __init__(self, workers: int):
        if "fork" not in multiprocessing.get_all_start_methods():
            raise RuntimeError("ingest workers need fork(); extracting in the crawl process")
        ctx = multiprocessing.get_context("fork")  # fork: workers share the parent's imported modules
        self.workers: list[_Worker] = []
        self._next_id = 0
        ours: list[int] = []
        for _ in range(workers):
            task_r, task_w = os.pipe()
            result_r, result_w = os.pipe()
            ours += [task_w, result_r]
            proc = ctx.Process(target=_serve, args=(task_r, result_w, os.getpid(), list(ours)),
                               name="thidua-ingest", daemon=True)
            proc.start()
            os.close(task_r)
            os.close(result_w)
            os.set_blocking(task_w, False)
            os.set_blocking(result_r, False)
            self.workers.append(_Worker(proc, task_w, result_r))

    @property
    def pids(self) -> list[int]:
        return [w.process.pid for w in self.workers]

    @property
    def usable(self) -> bool:
        return any(w.alive for w in self.workers)

    def prepare(self, raw) -> asyncio.Future:
        """A future for ``prepare(raw)``'s result; raises ``WorkerLost`` now if no worker is left."""
        live = [w for w in self.workers if w.alive]
        if not live:
            raise WorkerLost("no ingest worker process left")
        worker = min(live, key=lambda w: len(w.pending))  # the least busy
        loop = asyncio.get_running_loop()
        if worker.loop is None:
            worker.loop = loop
            loop.add_reader(worker.result_fd, self._readable, worker)
        self._next_id += 1
        future = loop.create_future()
        worker.pending[self._next_id] = future
        self._send(worker, _frame((self._next_id, raw)))
        return future

    # -- the pipes
    def _send(self, worker: _Worker, frame: bytes) -> None:
        if not worker.out:  # usually the whole frame fits in the pipe now
            try:
                n = os.write(worker.task_fd, frame)
            except BlockingIOError:
                n = 0
            except OSError:
                self._lost(worker)
                return
            if n == len(frame):
                return
            worker.out.append(memoryview(frame)[n:])
            worker.loop.add_writer(worker.task_fd, self._writable, worker)
        else:
            worker.out.append(memoryview(frame))

    def _writable(self, worker: _Worker) -> None:
        while worker.out:
            try:
                n = os.write(worker.task_fd, worker.out[0])
            except BlockingIOError:
                return
            except OSError:
                self._lost(worker)
                return
            head = worker.out[0][n:]
            if head:
                worker.out[0] = head
                return
            worker.out.popleft()
        worker.loop.remove_writer(worker.task_fd)

    def _readable(self, worker: _Worker) -> None:
        try:
            chunk = os.read(worker.result_fd, 1 << 20)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:  # the worker is gone
            self._lost(worker)
            return
        box = worker.inbox
        box += chunk
        start = 0
        while len(box) - start >= _HEADER:
            size = int.from_bytes(box[start:start + _HEADER], "little")
            end = start + _HEADER + size
            if len(box) < end:
                break
            task_id, prep, error = pickle.loads(box[start + _HEADER:end])
            start = end
            future = worker.pending.pop(task_id, None)
            if future is None or future.done():
                continue
            if error is not None:
                future.set_exception(RuntimeError(error))
            else:
                future.set_result(prep)
        del box[:start]

    def _lost(self, worker: _Worker) -> None:
        if not worker.alive:
            return
        worker.alive = False
        self._detach(worker)
        pending, worker.pending = worker.pending, {}
        for future in pending.values():
            if not future.done() and not future.get_loop().is_closed():
                future.set_exception(WorkerLost(f"ingest worker {worker.process.pid} died"))

    @staticmethod
    def _detach(worker: _Worker) -> None:
        if worker.loop is not None and not worker.loop.is_closed():
            worker.loop.remove_reader(worker.result_fd)
            worker.loop.remove_writer(worker.task_fd)
        worker.out.clear()

    def shutdown(self, timeout: float = 5.0) -> None:
        """Close the task pipes (workers exit when they see it), wait for them, kill stragglers."""
        for w in self.workers:
            self._lost(w)
            for fd in (w.task_fd, w.result_fd):
                try:
                    os.close(fd)
                except OSError:
                    pass
        for w in self.workers:
            w.process.join(timeout)
            if w.process.is_alive():
                w.process.kill()
                w.process.join(1.0)
