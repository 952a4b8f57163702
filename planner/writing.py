"""Writing files safely: never over a file without --force, never half-written.

Every writer goes through ``write_text``: the text goes to a temporary file in
the target's folder, is flushed to disk, then renamed over the target, so a
crash leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from planner.errors import problem


def write_text(path: Path, text: str, *, force: bool = False, inputs: list[Path] = ()) -> None:
    """Write ``text`` to ``path`` atomically; refuse to overwrite without ``force``."""
    target = Path(path)
    for source in inputs:
        if Path(source).exists() and target.exists() and target.resolve() == Path(source).resolve():
            raise problem("output-is-input", hint="output-is-input-hint", file=str(target)).at(str(target))
    if target.exists() and not force:
        raise problem("file-exists", hint="file-exists-hint", file=str(target)).at(str(target))
    if target.is_dir():
        raise problem("file-is-folder", hint="file-is-folder-hint", file=str(target)).at(str(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise problem("folder-missing", hint="folder-missing-hint", folder=str(folder)).at(str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), _mode_for(target))  # mkstemp made it private (0600)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise problem("write-failed", hint="write-failed-hint", file=str(target),
                          reason=exc.strerror or str(exc)).at(str(target)) from None
        raise


def _mode_for(target: Path) -> int:
    """An overwritten file keeps its permissions; a new one gets the usual (umask) ones."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
