"""The budget report (``plan --budget``): the plan of what the money makes, what stops it making
more ("uang habis", "waktu habis", "oven penuh"), the money left and the expected profit."""

from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal
from typing import Any

from planner.budget import EQUIPMENT, HOURS, MONEY, PIECES, PROFIT, BudgetPlan, Choice
from planner.errors import InputError, warning
from planner.money import quantize
from planner.planning import Run
from planner.reports import Column, Report, Row, Table, money_json, share_json
from planner.reports.plan import plan_report, plus, product_label
from planner.texts import Cash, Msg, Pct, _, msg, p_

RUN_COLUMNS = (
    Column(_("Product")),
    Column(_("Up to"), "int"),
    Column(_("Batches"), "int"),
    Column(_("Made"), "number"),
    Column(_("To sell"), "int"),
)
MONEY_COLUMNS = (Column(p_("plan.col-figure", "Figure")), Column(p_("plan.col-amount", "Amount"), "money"))


def binding_words(binding: tuple[str, ...]) -> Msg:
    """``money ran out, oven is full``: what stops one more batch."""
    words = {
        MONEY: msg(_("money ran out")),
        HOURS: msg(_("time ran out")),
        PIECES: msg(_("every piece asked for is made")),
        PROFIT: msg(_("one more batch would not pay")),
    }
    parts = [words.get(b) or msg(_("{name} is full"), name=b.removeprefix(EQUIPMENT)) for b in binding if b.strip()]
    out = parts[0]
    for part in parts[1:]:
        out = msg(_("{a}, {b}"), a=out, b=part)
    return out


def runs_table(bp: BudgetPlan) -> Table:
    rows = tuple(
        Row((product_label(run), choice.limit, run.batches, run.made, run.pieces))
        for run, choice in zip(bp.plan.runs, bp.choices)
    )
    return Table(RUN_COLUMNS, rows, msg(_("Batches the money makes")))


def budget_table(bp: BudgetPlan, places: int) -> Table:
    amount, spent, left, profit = (quantize(v, places) for v in (bp.limits.budget, bp.spent, bp.left, bp.profit))
    rows = (
        Row((msg(_("Budget")), amount)),
        Row((msg(_("Spent (cash needed)")), spent)),
        Row((msg(_("Money left")), left), "total"),
        Row((msg(_("Expected profit")), profit)),
    )
    title = msg(_("Budget {amount}: {binding}"), amount=Cash(bp.limits.budget), binding=binding_words(bp.binding))
    return Table(MONEY_COLUMNS, rows, title)


def budget_json(bp: BudgetPlan) -> dict[str, Any]:
    return {
        "amount": money_json(bp.limits.budget),
        "spent": money_json(bp.spent),
        "left": money_json(bp.left),
        "binding": list(bp.binding),
        "profit": money_json(bp.profit),
        "solver": bp.solver,
        "status": bp.status,
        "gap": share_json(Decimal(str(round(bp.gap, 4)))),
    }


def time_note(bp: BudgetPlan, file: str | None) -> tuple[InputError, ...]:
    """When HiGHS stopped at its time limit: the mix is the best it found, not proven the best."""
    if bp.status == "optimal":
        return ()
    return (
        warning(
            _("{solver} stopped at its time limit: this is the best mix it found, at most {gap} below the best one"),
            hint=_("plan fewer products at once to have the best mix proven"),
            solver=bp.solver,
            gap=Pct(Decimal(str(round(bp.gap, 4)))),
        ).at(file, loc=("make",)),
    )


def explain_model(bp: BudgetPlan) -> tuple[Msg, ...]:
    """The model in words: what is chosen, what is made as large as it can be, and every limit."""
    limits, choices = bp.limits, bp.choices
    out: list[Msg] = []
    if len(choices) == 1:
        c = choices[0]
        out.append(
            msg(
                _("most batches of {product} (at most ceil({limit} / {sellable}) = {most}) whose cash fits {budget}"),
                product=product_label(bp.plan.runs[0]),
                limit=c.limit,
                sellable=c.order.sheet.sellable,
                most=c.most,
                budget=Cash(limits.budget),
            )
        )
    else:
        out.append(
            msg(
                _("{solver} chooses whole batches of each product to make the expected profit largest:"),
                solver=bp.solver,
            )
        )
        out += [explain_choice(run_label, c) for run_label, c in zip((product_label(r) for r in bp.plan.runs), choices)]
        out.append(
            msg(_("each item's packs, whole packs of the sizes it is sold in, cover what the batches need after stock"))
        )
    out.append(
        msg(
            _("money: packs bought, what is paid by use and plain amounts per batch together at most {budget}"),
            budget=Cash(limits.budget),
        )
    )
    out += explain_time(bp)
    return tuple(out)


def explain_choice(label: object, c: Choice) -> Msg:
    return msg(
        _(
            "{product}: 0 to {most} batches; a batch costs {batch} (HPP) and makes {sellable} fit to sell; at most "
            "{limit} sell, at {receipt} received a piece"
        ),
        product=label,
        most=c.most,
        batch=Cash(c.order.sheet.batch),
        sellable=c.order.sheet.sellable,
        limit=c.limit,
        receipt=Cash(c.receipt),
    )


def explain_time(bp: BudgetPlan) -> list[Msg]:
    limits, plan = bp.limits, bp.plan
    if limits.labor_hours is None:
        return [msg(_("no due date: the hours do not limit the plan"))]
    parts = [
        msg(_("{minutes} min × {product}"), minutes=run.sheet.minutes, product=product_label(run)) for run in plan.runs
    ]
    out = [
        msg(
            _("hands-on hours: ({parts}) / 60 at most {workers} × {per_day} h × {days} days = {hours} h"),
            parts=plus(parts),
            workers=plan.workers,
            per_day=plan.hours_per_day,
            days=limits.days,
            hours=limits.labor_hours,
        )
    ]
    for name in dict.fromkeys(c.equipment for c in bp.choices if c.equipment):
        out.append(
            msg(
                _("{name}: its hours at most {per_day} h × {days} days = {hours} h"),
                name=name,
                per_day=plan.hours_per_day,
                days=limits.days,
                hours=limits.equipment_hours,
            )
        )
    return out


def explain_sold(run: Run, limit: int) -> Msg:
    return msg(
        _("{product}: made = {batches} × {sellable} = {made}; to sell = min({limit}, whole pieces made) = {sold}"),
        product=product_label(run),
        batches=run.batches,
        sellable=run.sheet.sellable,
        made=run.made,
        limit=limit,
        sold=run.pieces,
    )


def budget_report(bp: BudgetPlan, places: int, *, file: str | None = None, explain: bool = False) -> Report:
    """The plan report of the chosen batches, with the budget first and the model in the working."""
    limits = {id(run): choice.limit for run, choice in zip(bp.plan.runs, bp.choices)}
    report = plan_report(
        bp.plan, places, file=file, explain=explain, explain_runs=lambda run: explain_sold(run, limits[id(run)])
    )
    data = dict(report.data)
    data["products"] = [
        {**row, "limit": choice.limit, "file": os.path.normpath(choice.order.sheet.file)}
        for row, choice in zip(data["products"], bp.choices)
    ]
    data["budget"] = budget_json(bp)
    tables = (budget_table(bp, places), runs_table(bp), *report.tables[1:])
    working = (*explain_model(bp), *report.explain) if explain else ()
    return replace(report, tables=tables, data=data, explain=working, notes=report.notes + time_note(bp, file))
