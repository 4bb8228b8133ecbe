"""A wall-clock limit on work that runs user-supplied code (templates, their layout).

Jinja's sandbox bounds what a template may touch, not how long it runs: nested loops over
range(100000) would run for hours. SIGALRM interrupts the main thread between bytecodes,
so a runaway template ends with a clear error; off the main thread (where signals cannot
be delivered) no limit is set.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from pipeline.errors import BriefError


@contextmanager
def deadline(seconds: float | None, what: str):
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise BriefError(f"{what} took longer than {seconds:g} s and was stopped (raise the limit with --time-limit)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
