"""A failure in the middle of a write leaves the user's file as it was.

``writing.write_text`` writes a temporary file next to the target, flushes it
to disk and renames it over the target. Here each step is made to fail (an
OSError such as a full disk, or the user pressing Ctrl-C) and the original
must stay byte-for-byte intact, with no stray ``.NAME.*.tmp`` file left.
The same holds through every CLI command that writes a file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.texts import _
from planner.writing import write_text
from tests.conftest import run_cli

ORIGINAL = b'name = "Bingka kentang"\n# the user\'s own notes, kept exactly\n'
NEW = 'name = "Bingka kentang"\n[batch]\npieces = 16\n' * 200


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "bingka.toml"
    path.write_bytes(ORIGINAL)
    return path


def _fail_with(exc: BaseException):
    def fail(*args, **kwargs):
        raise exc

    return fail


class _HalfWriter:
    """A file handle that writes half of the text and then fails."""

    def __init__(self, handle, exc: BaseException):
        self._handle, self._exc = handle, exc

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._handle.close()
        return False

    def write(self, text: str) -> int:
        self._handle.write(text[: len(text) // 2])
        self._handle.flush()
        raise self._exc

    def __getattr__(self, name):
        return getattr(self._handle, name)


def _half_write(monkeypatch, exc: BaseException) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _HalfWriter(real_fdopen(*a, **k), exc))


def _fail_rename(monkeypatch, exc: BaseException) -> None:
    """The last step fails: the rename over an old file, or the hard link that makes a new one."""
    monkeypatch.setattr(os, "replace", _fail_with(exc))
    monkeypatch.setattr(os, "link", _fail_with(exc))


DISK_FULL, IO_ERROR = OSError(28, "No space left on device"), OSError(5, "Input/output error")
STEPS = {  # where a write fails: the rename, the flush to disk, or half-way through the text
    "replace": lambda mp, exc: _fail_rename(mp, exc),
    "fsync": lambda mp, exc: mp.setattr(os, "fsync", _fail_with(exc)),
    "write": _half_write,
}
# fault -> (how, what write_text raises, the CLI's exit code)
FAULTS = {
    f"{step}-{name}": (STEPS[step], exc, raised, code)
    for step in STEPS
    for name, exc, raised, code in (
        ("oserror", DISK_FULL if step != "fsync" else IO_ERROR, InputError, 1),
        ("interrupt", KeyboardInterrupt(), KeyboardInterrupt, 130),
    )
}
ERRORS = sorted(f for f in FAULTS if f.endswith("oserror"))


def _inject(monkeypatch, fault: str) -> None:
    how, exc, _, _ = FAULTS[fault]
    how(monkeypatch, exc)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_failed_or_interrupted_write_keeps_the_original(target, monkeypatch, fault):
    _inject(monkeypatch, fault)
    with pytest.raises(FAULTS[fault][2]) as caught:
        write_text(target, NEW, force=True)
    monkeypatch.undo()
    if caught.type is InputError:
        assert caught.value.message.key == _("could not write '{file}': {reason}")
    assert target.read_bytes() == ORIGINAL
    assert temp_files(target.parent) == []


@pytest.mark.parametrize("fault", ERRORS)
def test_a_failed_write_of_a_new_file_leaves_nothing(tmp_path, monkeypatch, fault):
    _inject(monkeypatch, fault)
    with pytest.raises(InputError):
        write_text(tmp_path / "baru.toml", NEW)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_without_force_the_file_is_not_touched(target):
    with pytest.raises(InputError) as caught:
        write_text(target, NEW)
    assert caught.value.message.key == _("'{file}' already exists; nothing was written")
    assert target.read_bytes() == ORIGINAL


def test_a_write_that_succeeds_replaces_the_whole_file(target):
    write_text(target, NEW, force=True)
    assert target.read_text(encoding="utf-8") == NEW
    assert temp_files(target.parent) == []


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    """The temporary file is private (0600); the file it becomes must not be."""
    umask = os.umask(0o022)
    try:
        write_text(tmp_path / "baru.toml", NEW)
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "baru.toml").stat().st_mode) == 0o644


def test_an_overwritten_file_keeps_its_permissions(target):
    target.chmod(0o640)
    write_text(target, NEW, force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# ---------------------------------------------------------------- through the CLI


def _registered() -> set[str]:
    from planner.cli import COMMANDS

    return set(COMMANDS)


def _writers(ws: Path) -> dict[str, list[str]]:
    """Every registered command that writes a file, aimed at ws/out/<command>/hasil.toml."""
    recipe = str(ws / "recipes" / "bingka-kentang.toml")
    runs = {
        "cost": ["cost", recipe, "--output", "{out}", "--force"],
        "price": ["price", recipe, "-f", "json", "--output", "{out}", "--force"],
        "scale": ["scale", recipe, "--pieces", "24", "-o", "{out}", "--force"],
        "new": ["new", "recipe", "{out}", "--force"],
        "init": ["init", "{folder}", "--force"],
        "schema": ["schema", "--output", "{folder}", "--force"],
    }
    names = _registered()
    return {
        name: [a.format(out=ws / "out" / name / "hasil.toml", folder=ws / "out" / name) for a in args]
        for name, args in runs.items()
        if name in names
    }


@pytest.fixture
def ws(examples: Path) -> Path:
    return examples


def _prepare(name: str, args: list[str], folder: Path) -> dict[Path, bytes]:
    """Put the files the writer will replace in place; return their bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    if name in ("init", "schema"):
        first = run_cli(*[a for a in args if a != "--force"])  # the second write must not spoil the first
        assert first.code == 0, first.err
    else:
        (folder / "hasil.toml").write_bytes(ORIGINAL)
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _unchanged(before: dict[Path, bytes], folder: Path) -> bool:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()} == before


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_cli_writers_under_a_fault_keep_the_original(ws, monkeypatch, fault):
    writers = _writers(ws)
    assert "cost" in writers
    for name, args in writers.items():
        folder = ws / "out" / name
        before = _prepare(name, args, folder)
        _inject(monkeypatch, fault)
        result = run_cli(*args)
        monkeypatch.undo()
        assert result.code == FAULTS[fault][3], f"{args}: {result.err}"
        assert "Traceback" not in result.err and "internal error" not in result.err
        assert result.code == 130 or result.err.strip()
        assert _unchanged(before, folder), args
        assert [p for p in folder.rglob(".*.tmp")] == [], args
