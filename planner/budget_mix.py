"""Several products under a budget: the mixed-integer program, solved by HiGHS, checked exactly.

The model (planner.budget says why it is this one), in the variables HiGHS sees:

- ``b_j`` whole batches of product j, ``0 ≤ b_j ≤ ceil(pieces_j / sellable_j)``;
- ``s_j`` whole pieces of it sold, ``s_j ≤ pieces_j`` and ``s_j ≤ sellable_j × b_j``;
- ``n_ik`` whole packs of size k of item i, ``Σ_k size_ik × n_ik ≥ Σ_j need_ij × b_j − stock_i``
  (an item bought by use: ``u_i ≥ Σ_j need_ij × b_j − stock_i``, not whole);
- money: ``Σ price_ik × n_ik + Σ price_i × u_i + Σ cash_j × b_j ≤ budget``;
- hours: ``Σ minutes_j / 60 × b_j ≤ workers × hours_per_day × days``; equipment e:
  ``Σ equipment_minutes_j / 60 / capacity_e × b_j ≤ hours_per_day × days``;
- maximise ``Σ receipt_j × s_j − HPP of a batch_j × b_j``.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.budget import Limits, Shopper, over
from planner.mip import Model, Solution, solve
from planner.money import ZERO, ceil_div


def best_mix(shopper: Shopper, limits: Limits) -> tuple[list[int], Solution]:
    """The most profitable batches (HiGHS), made to fit exactly; with HiGHS's answer (name, status, gap)."""
    model, batch = mip_model(shopper, limits)
    solution = solve(model)
    if not solution.usable:
        return [0] * len(batch), solution
    batches = [max(0, round(solution.values[b])) for b in batch]
    return fitted(batches, shopper, limits), solution


def fitted(batches: Sequence[int], shopper: Shopper, limits: Limits) -> list[int]:
    """``batches`` with a batch taken off, the least profitable first, while a limit breaks in exact
    arithmetic (HiGHS's floating point may round a cover or the money a hair the wrong way)."""
    chosen = [min(n, c.most) for n, c in zip(batches, shopper.choices)]
    while any(chosen) and over(chosen, shopper, limits):
        made = [j for j, n in enumerate(chosen) if n]
        worst = min(made, key=lambda j: shopper.choices[j].profit(1))
        chosen[worst] -= 1
    return chosen


def mip_model(shopper: Shopper, limits: Limits) -> tuple[Model, list[int]]:
    """The mixed-integer program of several products (planner.mip.Model) and each product's batch variable."""
    model = Model()
    choices = shopper.choices
    batch = [model.variable(upper=c.most, gain=-float(c.order.sheet.batch)) for c in choices]
    sold = [model.variable(upper=c.limit, gain=float(c.receipt)) for c in choices]
    for b, s, c in zip(batch, sold, choices):
        model.row({s: 1.0, b: -float(c.order.sheet.sellable)}, upper=0.0)  # sold ≤ sellable × batches
    money: dict[int, float] = {b: float(c.cash) for b, c in zip(batch, choices)}
    most_need = shopper.needs([c.most for c in choices])
    for item_id, offered in shopper.offers.items():
        stock = float(shopper.kitchen.stock.get(item_id, ZERO))
        cover = {b: -float(c.needs[item_id]) for b, c in zip(batch, choices) if item_id in c.needs}
        if shopper.by_use[item_id]:
            used = model.variable(whole=False)
            cover[used] = 1.0
            money[used] = float(shopper.price[item_id])
        else:
            for o in offered:
                top = ceil_div(max(ZERO, most_need[item_id]), o.amount) if most_need[item_id] > 0 else 0
                n = model.variable(upper=float(top))
                cover[n], money[n] = float(o.amount), float(o.price)
        model.row(cover, lower=-stock)  # Σ packs × size − Σ batches × need ≥ −stock
    model.row(money, upper=float(limits.budget))
    if limits.labor_hours is not None:
        model.row({b: float(c.labor_hours) for b, c in zip(batch, choices)}, upper=float(limits.labor_hours))
        for name in dict.fromkeys(c.equipment for c in choices if c.equipment):
            hours = {b: float(c.equipment_hours) for b, c in zip(batch, choices) if c.equipment == name}
            model.row(hours, upper=float(limits.equipment_hours or 0))
    return model, batch
