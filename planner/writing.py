"""Writing files safely: never over a file without --force, never half-written.

Every writer goes through ``write_text``: the text goes to a temporary file in
the target's folder, is flushed to disk, then renamed over the target, so a
crash leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.errors import problem
from planner.texts import _

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def write_text(path: Path, text: str, *, force: bool = False, inputs: Sequence[Path] = ()) -> None:
    """Write ``text`` to ``path`` atomically; refuse to overwrite without ``force``."""
    target = Path(path)
    for source in inputs:
        if Path(source).exists() and target.exists() and target.resolve() == Path(source).resolve():
            raise problem(
                _("'{file}' is one of the input files; it will not be overwritten"),
                hint=_("write the output to another file"),
                file=str(target),
            ).at(str(target))
    if target.exists() and not force:
        raise problem(
            _("'{file}' already exists; nothing was written"),
            hint=_("choose another name, or add --force to replace it"),
            file=str(target),
        ).at(str(target))
    if target.is_dir():
        raise problem(
            _("this is a folder, not a file"), hint=_("name a .toml file inside '{file}'"), file=str(target)
        ).at(str(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise problem(
            _("folder '{folder}' does not exist"),
            hint=_("create the folder first, or write to an existing one"),
            folder=str(folder),
        ).at(str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), _mode_for(target))  # mkstemp made it private (0600)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise problem(
                _("could not write '{file}': {reason}"),
                hint=_("check free disk space and permissions; the old file is unchanged"),
                file=str(target),
                reason=exc.strerror or str(exc),
            ).at(str(target)) from None
        raise


def _mode_for(target: Path) -> int:
    """An overwritten file keeps its permissions; a new one gets the usual (umask) ones."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_all(files: list[tuple[Path, str]], *, force: bool = False, folders: Sequence[Path] = ()) -> None:
    """Write several files, or none: every one that exists is told before anything is written;
    ``folders`` are made too (with their parents), as are the folders the files go in."""
    from planner.errors import InputErrors

    taken = [path for path, _text in files if path.exists() and not force]
    if taken:
        raise InputErrors(
            [
                problem(
                    _("'{file}' already exists; nothing was written"),
                    hint=_("choose another name, or add --force to replace it"),
                    file=str(p),
                ).at(str(p))
                for p in taken
            ]
        )
    for path, _text in files:
        path.parent.mkdir(parents=True, exist_ok=True)
    for path, text in files:
        write_text(path, text, force=force)
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)


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


def write_checked(path: Path, text: str, data: Mapping[str, Any], *, force: bool = False) -> None:
    """Write hand-laid TOML (a scaffold with comments) only if it loads back to ``data``."""
    check_round_trip(text, data)
    write_text(path, text, force=force)
