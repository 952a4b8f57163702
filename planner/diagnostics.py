"""One collector of a run's problems: errors and warnings, in order, each placed once.

Every step of every command that can find something wrong runs through the
run's ``Diagnostics``: ``collect(compute, path)`` runs a step and keeps what it
raises instead of stopping, so one run reports every problem of every file.
A problem is placed in its file and given its line (from its location inside
the file) the moment it is kept, and a problem found twice — a sub-recipe
used by three recipes, a warning of each size of a pattern — is kept once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple, TypeVar

from planner.errors import InputError, InputErrors

T = TypeVar("T")
Placer = Callable[[InputError], InputError]


def _unplaced(err: InputError) -> InputError:
    return err


class Counts(NamedTuple):
    """How many errors and warnings one file has."""

    errors: int = 0
    warnings: int = 0


class Diagnostics:
    """A run's problems in the order found, without repeats, each with its file and line."""

    def __init__(self, place: Placer = _unplaced, path: str | None = None) -> None:
        self._place = place
        self._path = path  # the file a problem is in when nothing else says
        self._found: dict[InputError, None] = {}  # an ordered set
        self._errors = 0  # how many of them are errors (asked after every step: never counted again)

    def add(self, err: InputError, path: str | None = None) -> InputError:
        """Keep ``err`` placed in ``path`` (unless it names its own file); the placed problem."""
        placed = self._place(err.at(path or self._path))
        if placed not in self._found:
            self._found[placed] = None
            self._errors += placed.severity == "error"
        return placed

    def extend(self, problems: Iterable[InputError], path: str | None = None) -> None:
        for err in problems:
            self.add(err, path)

    def collect(self, compute: Callable[[], T], path: str | None = None, under: tuple[str | int, ...] = ()) -> T | None:
        """``compute()``, or None with what it raised kept, placed in ``path``; a single problem
        it raised is this step's own and lies ``under`` its place in the file."""
        try:
            return compute()
        except InputError as err:
            self.add(err.under(*under), path)
        except InputErrors as errs:
            self.extend(errs.problems, path)
        return None

    def place(self, err: InputError, path: str | None = None) -> InputError:
        """``err`` placed in its file and line, without keeping it (a note a report shows)."""
        return self._place(err.at(path))

    @property
    def problems(self) -> list[InputError]:
        """Every problem, file by file in the order the files came up, each file's by line."""
        files: dict[str | None, int] = {}
        for p in self._found:
            files.setdefault(p.path, len(files))
        return sorted(self._found, key=lambda p: (files[p.path], p.line or 0))

    @property
    def errors(self) -> list[InputError]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[InputError]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def has_errors(self) -> bool:
        return self._errors > 0

    @property
    def error_count(self) -> int:
        return self._errors

    def errors_in(self, paths: Iterable[str]) -> bool:
        """Whether any error lies in one of ``paths``."""
        wanted = set(paths)
        return any(p.severity == "error" and p.path in wanted for p in self._found)

    def raise_errors(self) -> None:
        """Stop the run with every problem found so far when one of them is an error."""
        if self.has_errors:
            raise InputErrors(self.problems)

    def counts(self) -> Mapping[str, Counts]:
        """Errors and warnings per file, in the order the files were first named."""
        found: dict[str, Counts] = {}
        for p in self._found:
            if p.path is None:
                continue
            now = found.get(p.path, Counts())
            found[p.path] = Counts(now.errors + (p.severity == "error"), now.warnings + (p.severity == "warning"))
        return found
