"""A call run in a forked process beside the build: MkDocs renders on one core, a second one does our part.

Fork, not spawn: the child starts with everything the build has already loaded (the catalogue, the compiled
templates), so nothing is pickled on the way in; only the result comes back, pickled through a pipe. Only a
process without other threads forks (`mkdocs build`; `mkdocs serve` has its server threads, and a lock one of
them holds would stay locked in the child forever), and only on Linux (macOS forks badly, Windows not at all):
otherwise the call runs in-process, when its result is asked for.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

T = TypeVar("T")

CAN_FORK = sys.platform.startswith("linux")


def can_fork() -> bool:
    """Here and now: on Linux, in a process without other threads."""
    return CAN_FORK and threading.active_count() == 1


class Forked(Generic[T]):
    """`call()` in a forked process (`fork=True`, where possible), or in this one when `result` is asked."""

    def __init__(self, call: Callable[[], T], fork: bool = True) -> None:
        self._call: Callable[[], T] | None = call
        self._process: BaseProcess | None = None
        self._pipe: Connection | None = None
        if fork and can_fork():
            context = multiprocessing.get_context("fork")
            self._pipe, sender = context.Pipe(duplex=False)
            # What the build printed so far must not be printed again when the child flushes on its way out.
            sys.stdout.flush()
            sys.stderr.flush()
            self._process = context.Process(target=_send_result, args=(sender, call), daemon=True)
            self._process.start()
            sender.close()
            self._call = None

    def result(self) -> T:
        """The call's value, or its exception raised here (with the child's traceback as a note)."""
        if self._call is not None:
            call, self._call = self._call, None
            return call()
        if self._process is None or self._pipe is None:
            raise RuntimeError("de parallelle taak is al afgelopen of gestopt")
        try:
            ok, value = self._pipe.recv()  # before join: a large result fills the pipe until read
        except EOFError:  # the child ended without a word: killed, or out of memory
            ok, value = (
                False,
                RuntimeError(f"de parallelle taak stopte onverwacht (code {self._process.exitcode})"),
            )
        self._process.join()
        self._process = self._pipe = None
        if not ok:
            raise value
        result: T = value
        return result

    def kill(self) -> None:
        """The build failed: the result is no longer wanted."""
        self._call = None
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._process = self._pipe = None


def _send_result(sender: Connection, call: Callable[[], object]) -> None:
    """In the child: send (True, value) or (False, the exception), whatever the exception can carry."""
    try:
        sender.send((True, call()))
    except BaseException as exc:
        exc.add_note(traceback.format_exc())
        try:
            sender.send((False, exc))
        except Exception:  # an exception that does not pickle: its text still tells what went wrong
            sender.send((False, RuntimeError(traceback.format_exc())))
