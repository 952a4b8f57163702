"""Problems as values: every bad input becomes an InputError carrying where and why.

The core raises or collects these; only the CLI edge turns them into
``FILE:LINE: message (hint: ...)`` lines and an exit code. Messages are
``Msg`` values (a catalog key and its parameters) so they render in any language.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from planner.texts import Key, Msg, _, msg


# Not frozen: an exception raised through a @contextmanager (click wraps every
# command in one) gets its __traceback__ assigned. Treat it as immutable anyway.
@dataclass(eq=True, unsafe_hash=True)
class InputError(Exception):
    """One problem with the user's input.

    ``loc`` is the path inside the file (``("ingredients", 2, "qty")``) so the
    loader can find the line; ``severity`` is "error" or "warning".
    """

    message: Msg
    hint: Msg | None = None
    path: str | None = None
    line: int | None = None
    loc: tuple[str | int, ...] = ()
    severity: str = "error"

    def at(
        self, path: str | None = None, line: int | None = None, loc: tuple[str | int, ...] | None = None
    ) -> InputError:
        """The same problem placed in a file (keeps what is already known)."""
        return replace(
            self,
            path=self.path or path,
            line=self.line or line,
            loc=self.loc or (loc or ()),
        )

    def under(self, *prefix: str | int) -> InputError:
        """The same problem with its location nested under ``prefix``."""
        return replace(self, loc=tuple(prefix) + self.loc)

    def __str__(self) -> str:  # for debugging and test failure output only
        return f"{self.path}:{self.line}: {self.message.key} {self.message.params}"


class AmbiguousNumber(InputError):
    """A number that reads two ways (``1.500``): its hint already says exactly what to write,
    so an option that adds its own hint to a bad number leaves this one as it is."""


def ambiguous(err: InputError) -> AmbiguousNumber:
    return AmbiguousNumber(err.message, err.hint, err.path, err.line, err.loc, err.severity)


class MissingFile(InputError):
    """A file that is not there: a reference to it is told where the reference is written."""


class InputErrors(Exception):
    """Several problems found in one pass (``planner check`` reports all)."""

    def __init__(self, problems: list[InputError]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def problem(
    key: Key, /, hint: Key | None = None, hint_params: dict[str, Any] | None = None, **params: Any
) -> InputError:
    """Shorthand: ``problem(_("unknown item '{item}'"), hint=_("did you mean {near}?"), item="gula")``;
    the hint is filled with ``hint_params`` when given, else with the same values."""
    hint_msg = Msg(hint, dict(hint_params or params)) if hint else None
    return InputError(Msg(key, params), hint_msg)


def path_problem(exc: OSError) -> InputError:
    """A path the system refused to look at (a name too long, a link loop, no permission):
    the user's to correct, not a bug. Reading and writing files say their own problems."""
    import errno

    name = str(exc.filename)
    shown = name if len(name) <= 80 else f"{name[:50]}…{name[-20:]}"
    reason = (
        msg(_("a name in it is longer than the system allows"))
        if exc.errno == errno.ENAMETOOLONG
        else (exc.strerror or str(exc))
    )
    hint = (
        _("check that you may open every folder on the way to it")
        if exc.errno in (errno.EACCES, errno.EPERM)
        else _("correct or shorten the path")
    )
    return problem(_("cannot use the path '{file}': {reason}"), hint=hint, file=shown, reason=reason)


def warning(key: Key, /, hint: Key | None = None, **params: Any) -> InputError:
    return replace(problem(key, hint, **params), severity="warning")


SHORTLIST = 32  # names difflib compares at most, whatever the catalog's size
_INDEXES: dict[int, tuple[tuple[str, ...], dict[str, list[int]], list[int]]] = {}


def closest(name: str, known: Sequence[str], n: int = 3) -> list[str]:
    """Known names closest to ``name``, for 'did you mean' hints.

    difflib over 5,000 items took 53 ms a lookup (1,000 misspellings: 53 s); beyond SHORTLIST
    names, only the SHORTLIST sharing the most letter pairs with ``name`` go to difflib
    (bench/suggest.py measures it)."""
    import difflib

    names = tuple(known)
    pool = names if len(names) <= SHORTLIST else _shortlist(name, names)
    found = difflib.get_close_matches(name, pool, n=n, cutoff=0.5)
    if not found:
        found = [k for k in names if name and (name in k or k in name)][:n]
    return found


def _pairs(text: str) -> set[str]:
    padded = f" {text.lower()} "
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


def _shortlist(name: str, names: tuple[str, ...]) -> list[str]:
    """The SHORTLIST names with the highest Dice score of letter pairs (an index kept per name list)."""
    import heapq
    from collections import Counter

    key = hash(names)
    kept = _INDEXES.get(key)
    if kept is None or kept[0] != names:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        index: dict[str, list[int]] = {}
        sizes = []
        for i, known in enumerate(names):
            pairs = _pairs(known)
            sizes.append(len(pairs))
            for pair in pairs:
                index.setdefault(pair, []).append(i)
        kept = _INDEXES[key] = (names, index, sizes)
    _names, index, sizes = kept
    wanted = _pairs(name)
    shared: Counter[int] = Counter()
    for pair in wanted:
        shared.update(index.get(pair, ()))
    best = heapq.nlargest(SHORTLIST, shared.items(), key=lambda found: found[1] / (len(wanted) + sizes[found[0]]))
    return [names[i] for i, _count in best]


def named_sort(column: str, sorts: Collection[str], aliases: Mapping[str, str]) -> str:
    """The figure a user named for --sort among ``sorts`` or their Indonesian ``aliases``, or an
    error naming the closest (compare's columns, monitor's figures)."""
    if column in sorts:
        return column
    if column in aliases:
        return aliases[column]
    near = closest(column, sorted({*sorts, *aliases}))
    hint = (
        _("did you mean {near}? Sort by one of {known} (in Indonesian: {aliases})")
        if near
        else _("sort by one of {known} (in Indonesian: {aliases})")
    )
    raise problem(
        _("cannot sort by '{column}'"),
        hint=hint,
        column=column,
        hint_params={"known": ", ".join(sorts), "aliases": ", ".join(aliases), "near": ", ".join(near)},
    )
