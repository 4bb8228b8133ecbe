"""Rendering in a helper process started ahead of the analysis, where a core is free.

Importing WeasyPrint and loading the brief's four faces takes about a second; reading and
analysing two essays takes about as long. So `brief build` forks a helper before it
analyses: the helper imports WeasyPrint and lays out a page in each face while this
process reads and analyses, then lays out the brief itself. On one core, or where fork is
unavailable, the brief is rendered in this process, as `Renderer()` always does.

The helper writes no file: it returns the PDF's bytes and this process writes every
output (pipeline/output.py), so an interrupted run leaves nothing behind either way.
"""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import sys
import traceback

from pipeline.errors import BriefError


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Renderer:
    """render(brief, options, variant) → Rendered, laid out here or in the helper."""

    def __init__(self, ahead: bool = False):
        self._connection = self._helper = None
        self._busy = False  # a layout sent and not yet answered
        if ahead and _cores() > 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._connection, theirs = context.Pipe()
            self._helper = context.Process(target=_serve, args=(theirs, self._connection), daemon=True)
            self._helper.start()
            theirs.close()

    def render(self, brief, options, variant=None):
        """The templates are filled here; the helper lays the HTML out."""
        from pipeline.render.pdf import render

        return render(brief, options, variant, self._lay_out)

    def _lay_out(self, html, roots, variant, page_limit):
        from pipeline.render.layout import lay_out

        if self._connection is not None:
            try:
                self._busy = True
                self._connection.send((html, roots, variant, page_limit))
                ok, value = self._connection.recv()
                self._busy = False
            except (EOFError, OSError):  # the helper is gone (killed, out of memory): do it here
                self.close()
            else:
                if ok:
                    return value
                raise value
        return lay_out(html, roots, variant, page_limit)

    def close(self) -> None:
        """An idle helper reads the end of file and exits; one still laying out (the run
        failed, ran out of time or was interrupted meanwhile) is stopped."""
        if self._connection is not None:
            self._connection.close()
            if self._busy:
                self._helper.kill()
            self._connection, self._busy = None, False


def _serve(connection, ours) -> None:
    """The helper: warm up, then lay out what arrives until the connection closes."""
    ours.close()  # the run's end, inherited by the fork: closed, so the run's exit is an end of file here
    gc.disable()  # layout makes few reference cycles; collecting them as it goes costs ~10%
    try:
        from pipeline.render.layout import lay_out, warm_up

        warm_up()
        for n in itertools.count():
            try:
                request = connection.recv()
            except EOFError:
                break
            if n:  # what the previous layout left (not after the last: the run would wait for it)
                gc.collect()
            try:
                connection.send((True, lay_out(*request)))
            except BriefError as exc:
                connection.send((False, exc))
            except Exception:  # a bug: its traceback, for --debug
                connection.send((False, RuntimeError(f"rendering failed:\n{traceback.format_exc()}")))
    except KeyboardInterrupt:  # the run's own process reports the interruption
        pass
    finally:
        sys.stdout.flush()
        os._exit(0)  # nothing to clean up: skip the interpreter's teardown
