"""The `brief` command's entry point: signals are handled before anything heavy is imported,
so Ctrl-C or a CI runner's SIGTERM at any moment (start-up included) ends the run with one
line, `interrupted`, exit 130 (SIGINT) or 143 (SIGTERM), and no temporary file left: the
exception unwinds through the writers, which remove their temporaries."""
import os
import shutil
import signal
import sys
import tempfile


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so the same clean-up runs."""


# The signals the run received. The exception a signal raises is lost when it lands in a
# finalizer (Python then only prints "Exception ignored"); the writers look here before
# putting anything in place, so such a run still ends interrupted, never with its outputs.
received: list[int] = []


def _signalled(signum, frame):
    received.append(signum)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def raise_if_signalled() -> None:
    if received:
        raise Terminated() if received[-1] == signal.SIGTERM else KeyboardInterrupt()


def interrupted(exc: KeyboardInterrupt) -> None:
    print("interrupted", file=sys.stderr)
    sys.exit(143 if isinstance(exc, Terminated) else 130)


def main() -> None:
    signal.signal(signal.SIGTERM, _signalled)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not where it is ignored (nohup)
        signal.signal(signal.SIGINT, _signalled)
    # What libraries leave in the temporary folder goes with the run: WeasyPrint copies the
    # brief's faces there (33 MB) and removes them only in a __del__ that os._exit skips.
    scratch = tempfile.mkdtemp(prefix="brief-")
    tempfile.tempdir = scratch  # the rendering helper, forked later, inherits it
    try:
        try:
            from pipeline.cli import main as cli

            cli()
        except KeyboardInterrupt as exc:
            interrupted(exc)
        code = 0
    except SystemExit as exc:
        if not isinstance(exc.code, (int, type(None))):
            raise
        code = exc.code or 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    # Every output is written and closed by now: end without the interpreter's teardown,
    # which frees the run's objects one by one (a quarter of a second).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

if __name__ == "__main__":
    main()
