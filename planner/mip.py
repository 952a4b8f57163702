"""A small mixed-integer program and its solution by HiGHS (the ``highspy`` package).

``highspy`` (and numpy with it, about 120 ms) is imported inside ``solve`` only, so no other
command pays for it (bench/run.py checks that ``planner plan`` without ``--budget`` does not
load it). The model is plain data: variables with bounds, a cost in the objective and
integrality; rows ``lower ≤ Σ coefficient × variable ≤ upper``; the objective is maximised.
HiGHS works in floating point: the caller checks the answer in exact arithmetic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

INFINITY = math.inf
# Seconds HiGHS may search. Small plans are solved to the proven best at once; a cooperative's 50 products
# sharing 200 items are not proven in minutes (every item's last pack rounds up: the LP bound is loose), so
# the best mix found by then is taken and its gap told (docs/performance.md).
TIME_LIMIT = 1.2


@dataclass
class Model:
    """A maximisation problem, built variable by variable and row by row."""

    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    objective: list[float] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    rows: list[tuple[float, float, dict[int, float]]] = field(default_factory=list)

    def variable(self, *, lower: float = 0.0, upper: float = INFINITY, gain: float = 0.0, whole: bool = True) -> int:
        """A new variable (whole by default); ``gain`` is what one unit adds to the objective."""
        self.lower.append(lower)
        self.upper.append(upper)
        self.objective.append(gain)
        self.integer.append(whole)
        return len(self.lower) - 1

    def row(self, terms: dict[int, float], *, lower: float = -INFINITY, upper: float = INFINITY) -> int:
        """``lower ≤ Σ terms[v] × v ≤ upper``."""
        self.rows.append((lower, upper, {v: c for v, c in terms.items() if c}))
        return len(self.rows) - 1


@dataclass(frozen=True)
class Solution:
    values: tuple[float, ...]
    status: str  # "optimal", "time limit" (the best found when time ran out), or HiGHS's own word
    solver: str  # "HiGHS 1.16.0"
    gap: float = 0.0  # at most this share below the best possible (0 when proven optimal)

    @property
    def usable(self) -> bool:
        return self.status in ("optimal", "time limit") and bool(self.values)


def solve(model: Model) -> Solution:
    """Maximise ``model`` with HiGHS, exactly (no relative gap), quietly."""
    import highspy

    h = _quiet(highspy)
    settings = (("mip_rel_gap", 0.0), ("mip_abs_gap", 1e-6), ("time_limit", TIME_LIMIT), ("mip_heuristic_effort", 0.8))
    for option, value in settings:  # heuristics: a better mix when the time runs out (docs/performance.md)
        h.setOptionValue(option, value)
    kinds = {True: highspy.HighsVarType.kInteger, False: highspy.HighsVarType.kContinuous}
    for lo, up, gain, whole in zip(model.lower, model.upper, model.objective, model.integer):
        h.addVariable(lb=lo, ub=_bound(up, highspy), obj=gain, type=kinds[whole])
    for lo, up, terms in model.rows:
        h.addRow(_bound(lo, highspy), _bound(up, highspy), len(terms), list(terms), list(terms.values()))
    h.maximize()
    status = h.getModelStatus()
    word = {
        highspy.HighsModelStatus.kOptimal: "optimal",
        highspy.HighsModelStatus.kTimeLimit: "time limit",
    }.get(status, h.modelStatusToString(status))
    values = tuple(h.getSolution().col_value) if word in ("optimal", "time limit") else ()
    gap = float(h.getInfo().mip_gap) if word == "time limit" else 0.0
    return Solution(values, word, f"HiGHS {h.version()}" if hasattr(h, "version") else "HiGHS", gap)


def _bound(value: float, highspy: Any) -> float:
    return value if math.isfinite(value) else math.copysign(highspy.kHighsInf, value)


def _quiet(highspy: Any) -> Any:
    """A Highs that prints nothing: recent highspy writes its banner on stdout while it is built,
    before any option can be set, unless output is off by the time it enables its callbacks."""

    class Quiet(highspy.Highs):  # type: ignore[misc]
        def enableCallbacks(self) -> Any:  # highspy's name
            self.setOptionValue("output_flag", False)
            return super().enableCallbacks()

    h = Quiet()
    h.setOptionValue("output_flag", False)
    return h
