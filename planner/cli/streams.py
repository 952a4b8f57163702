"""Standard output and error that never crash a run.

A closed stdout (``planner cost x >&-``), one closed early (``| head -1``), a full disk
behind it (``> /dev/full``) or one that cannot encode the text (a non-UTF-8 console) must end
in a one-line message and exit 1, never an internal error, nor Python's "Exception ignored"
when it flushes at exit. ``guard()`` wraps both streams at the start of a run: control
characters are replaced (render.inert.printable: no ESC or BEL reaches the terminal, whatever
printed it; only ``write_styled`` passes the colours rich draws), text that cannot be encoded
is written with "?" instead, and a failed write to stdout raises OutputFailed, which the CLI
tells on stderr.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, TextIO

from planner.texts import Msg, _, msg


class OutputFailed(Exception):
    """Writing to standard output failed: ``reason`` says why."""

    def __init__(self, reason: str | Msg) -> None:
        super().__init__(reason)
        self.reason = reason


class Guarded:
    """A text stream whose failures are OutputFailed (stdout) or ignored (stderr)."""

    def __init__(self, stream: TextIO | None, *, quiet: bool) -> None:
        self._stream = stream
        self._quiet = quiet
        self.failed = False

    def write(self, text: str) -> int:
        from planner.render.inert import printable

        return self.write_styled(printable(text))

    def write_styled(self, text: str) -> int:
        """Write ``text`` as it is: terminal styles drawn by rich (their user text is inert already)."""
        if self.failed:
            return len(text)
        try:
            if self._stream is None:
                raise _Closed()
            try:
                return self._stream.write(text)
            except UnicodeEncodeError:
                encoding = getattr(self._stream, "encoding", None) or "ascii"
                return self._stream.write(text.encode(encoding, "replace").decode(encoding))
        except (OSError, ValueError) as exc:  # ValueError: a closed file object
            self._fail(exc)
        return len(text)

    def flush(self) -> None:
        if self.failed or self._stream is None:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError) as exc:
            self._fail(exc)

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def _fail(self, exc: Exception) -> None:
        self.failed = True
        _silence(self._stream)
        if not self._quiet:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise OutputFailed(msg(_("it is closed")) if isinstance(exc, _Closed) else reason) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Closed(OSError):
    """There is no standard output at all (``>&-``)."""


def _silence(stream: TextIO | None) -> None:
    """Point the stream's file at the null device, so Python's last flush cannot fail."""
    with contextlib.suppress(Exception):
        assert stream is not None
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def guard() -> None:
    """Wrap sys.stdout and sys.stderr (once): unencodable text becomes "?", failures are handled."""
    for name, quiet in (("stdout", False), ("stderr", True)):
        stream = getattr(sys, name)
        if isinstance(stream, Guarded):
            continue
        with contextlib.suppress(Exception):
            stream.reconfigure(errors="replace")
        setattr(sys, name, Guarded(stream, quiet=quiet))


def unguard(stdout: Any, stderr: Any) -> None:
    """Put back the streams ``guard`` wrapped (a run inside a test harness ends)."""
    sys.stdout, sys.stderr = stdout, stderr


def flush() -> None:
    """Flush stdout now, inside the run, so that a failure is told rather than ignored at exit."""
    sys.stdout.flush()
    with contextlib.suppress(Exception):
        sys.stderr.flush()
