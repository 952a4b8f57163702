"""Writing files safely: never over a file without --force, never half-written, never onto
what the run read or onto anything but a regular file (design decision 18).

Every writer goes through ``write_text`` or ``write_all``: the text goes to a temporary file in
the target's folder, is flushed to disk, then renamed over the target, so a crash leaves either
the old file or the new one, never a mix. A new file is created exclusively (a hard link of the
finished temporary file, which fails when the name is taken): of two runs creating one file,
one is told it exists. SIGTERM (and SIGHUP) during a write end the run the way Ctrl-C does, and
the temporary file is removed. Only calls Python has on Windows too are used (no ``os.fchmod``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence, Set
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.errors import InputError, InputErrors, path_problem, problem
from planner.texts import _

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived during a write: the run ends with the signal's exit code (128 + N)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


def write_text(path: Path, text: str, *, force: bool = False, inputs: Sequence[Path] = ()) -> None:
    """Write ``text`` to ``path`` atomically; refuse to overwrite without ``force``. Its folder must exist."""
    target = Path(path)
    err = refusal(target, force, _identities(inputs))
    if err is not None:
        raise err
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise problem(
            _("folder '{folder}' does not exist"),
            hint=_("create the folder first, or write to an existing one"),
            folder=str(folder),
        ).at(str(target))
    write_all([(target, text)], force=force, inputs=inputs)


def write_all(
    files: list[tuple[Path, str]], *, force: bool = False, folders: Sequence[Path] = (), inputs: Sequence[Path] = ()
) -> None:
    """Write several files, or none: every refusal is told before anything is written; ``folders``
    are made too (with their parents), as are the folders the files go in, and taken away again
    (when they were made here) if a write fails."""
    read = _identities(inputs)
    refused = [err for path, _text in files if (err := refusal(path, force, read)) is not None]
    if refused:
        raise refused[0] if len(refused) == 1 else InputErrors(refused)
    made: list[Path] = []
    temps: dict[Path, str] = {}
    created: list[Path] = []
    current = files[0][0] if files else Path(".")
    with _signals_end_the_write():
        try:
            for folder in [*(p.parent for p, _text in files), *folders]:
                current = folder
                _make_folder(folder, made)
            for path, text in files:
                current = path
                temps[path] = _temporary(path, text)
            for path, _text in files:
                current = path
                if _install(temps[path], path, force):
                    created.append(path)
                del temps[path]
        except BaseException as exc:
            _undo(temps.values(), created, made)
            if isinstance(exc, OSError):
                raise _not_written(current, exc) from None
            raise


def refusal(target: Path, force: bool, read: Set[tuple[int, int]] = frozenset()) -> InputError | None:
    """Why ``target`` must not be written, or None: it is a file the run read, a folder, a link,
    a device or a pipe, or it exists and there is no ``force``."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return path_problem(exc).at(str(target))
    if (info.st_dev, info.st_ino) in read:
        return problem(
            _("'{file}' is one of the input files; it will not be overwritten"),
            hint=_("write the output to another file"),
            file=str(target),
        ).at(str(target))
    if stat.S_ISDIR(info.st_mode):
        return problem(
            _("this is a folder, not a file"), hint=_("name a .toml file inside '{file}'"), file=str(target)
        ).at(str(target))
    if not stat.S_ISREG(info.st_mode):
        return problem(
            _("'{file}' is a link, a device or a pipe, not a file; nothing was written"),
            hint=_("write to a new file name, or to an ordinary file"),
            file=str(target),
        ).at(str(target))
    if not force:
        return _exists(target)
    return None


def _exists(target: Path) -> InputError:
    return problem(
        _("'{file}' already exists; nothing was written"),
        hint=_("choose another name, or add --force to replace it"),
        file=str(target),
    ).at(str(target))


def _identities(paths: Sequence[Path]) -> set[tuple[int, int]]:
    """(device, inode) of each file that exists: the same file under any name, link or hard link."""
    found = set()
    for path in paths:
        with contextlib.suppress(OSError, ValueError):
            info = os.stat(path)
            found.add((info.st_dev, info.st_ino))
    return found


def _make_folder(folder: Path, made: list[Path]) -> None:
    """``folder`` and its missing parents; the ones made here are added to ``made``."""
    folder = folder if str(folder) else Path(".")
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    for new in reversed(missing):
        try:
            new.mkdir()
        except FileExistsError:
            if new.is_dir():
                continue
            raise
        made.append(new)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))


def _temporary(target: Path, text: str) -> str:
    """A temporary file beside ``target`` holding ``text``, on disk, with the target's permissions."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))  # mkstemp made it private (0600); by path: Windows has no fchmod
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _install(tmp: str, target: Path, force: bool) -> bool:
    """Put the finished temporary file at ``target``; True when that made a new file.

    A new name is taken exclusively (a hard link fails when it exists, whoever made it)."""
    if not force or not os.path.lexists(target):  # without --force, only ever a new name
        try:
            _take(tmp, target)
            return True
        except FileExistsError:
            if not force:
                raise _exists(target) from None
    os.replace(tmp, target)
    return False


def _take(tmp: str, target: Path) -> None:
    """Make ``target`` the temporary file's content, failing if the name exists."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno in _REAL_FAILURES:
            raise
        _reserve_and_replace(tmp, target)  # a file system without hard links (FAT, some shares)
    except (AttributeError, NotImplementedError):
        _reserve_and_replace(tmp, target)
    else:
        os.unlink(tmp)


_REAL_FAILURES = {errno.ENOSPC, errno.EIO, errno.EROFS, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _reserve_and_replace(tmp: str, target: Path) -> None:
    """Take the name with O_EXCL (an empty file for a moment), then rename the full file over it."""
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)  # the empty reservation is ours
        raise


def _undo(temps: Any, created: list[Path], made: list[Path]) -> None:
    """Take away what a failed write had made: temporary files, new files, new folders."""
    for path in [*temps, *created]:
        with contextlib.suppress(OSError):
            os.unlink(path)
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _not_written(target: Path, exc: OSError) -> InputError:
    return problem(
        _("could not write '{file}': {reason}"),
        hint=_("check free disk space and permissions; the old file is unchanged"),
        file=str(target),
        reason=exc.strerror or str(exc),
    ).at(str(target))


@contextlib.contextmanager
def _signals_end_the_write() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Terminated while writing (once), so the cleanup runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    told: list[int] = []

    def end(signum: int, _frame: object) -> None:
        if not told:
            told.append(signum)
            raise Terminated(signum)

    names = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {}
    for signum in names:
        with contextlib.suppress(OSError, ValueError):
            previous[signum] = signal.signal(signum, end)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _mode_for(target: Path) -> int:
    """An overwritten file keeps its permissions; a new one gets the usual (umask) ones."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def toml_literal(value: object) -> str:
    """One value as TOML text on one line: scalars written by tomli-w (strings quoted and
    escaped, decimals exact), tables inline ``{ S = "1,30 m" }``, arrays ``["S", "M"]``."""
    import tomli_w

    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_literal(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_literal(v) for v in value) + "]"
    return tomli_w.dumps({"x": value})[len("x = ") :].rstrip("\n")


def toml_text(data: Mapping[str, Any]) -> str:
    """TOML for ``data`` via tomli-w, arrays of flat tables written as ``[[name]]`` blocks
    (tomli-w would inline short ones), so the file reads like one written by hand."""
    import tomli_w

    plain = {k: v for k, v in data.items() if not isinstance(v, Mapping) and not _table_array(v)}
    blocks = [tomli_w.dumps(plain)] if plain else []
    for key, value in data.items():
        if isinstance(value, Mapping):
            blocks.append(tomli_w.dumps({key: value}))
        elif _table_array(value):
            name = toml_key(key)
            blocks.extend(f"[[{name}]]\n" + tomli_w.dumps(element) for element in value)
    return "\n".join(blocks)


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_literal(key)


def _table_array(value: object) -> bool:
    """A non-empty list of tables none of which holds a table (those stay tomli-w's own)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value)
        and not any(isinstance(x, (Mapping, list)) for v in value for x in v.values())
    )


def check_round_trip(text: str, data: Mapping[str, Any]) -> None:
    """The text must load back to exactly ``data``; anything else is a bug, never written."""
    import tomllib

    if tomllib.loads(text, parse_float=Decimal) != data:
        raise RuntimeError("generated TOML does not load back to the values it was made from")


def write_toml(
    path: Path, data: Mapping[str, Any], *, header: str = "", force: bool = False, inputs: Sequence[Path] = ()
) -> str:
    """Write ``data`` as TOML (tomli-w) after ``header`` comment lines, atomically; returns the text."""
    text = header + toml_text(data)
    check_round_trip(text, data)
    write_text(path, text, force=force, inputs=inputs)
    return text


def write_checked(
    path: Path, text: str, data: Mapping[str, Any], *, force: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Write hand-laid TOML (a scaffold with comments) only if it loads back to ``data``."""
    check_round_trip(text, data)
    write_text(path, text, force=force, inputs=inputs)
