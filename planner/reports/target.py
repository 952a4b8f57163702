"""The report of ``planner target``: per product, each weekday's samples, average and target, the
week in pieces and whole batches; warnings for sold-out days and for too few samples, placed at
the book record of the latest such day; ``--explain`` in words a participant follows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from planner.errors import InputError, warning
from planner.money import quantize
from planner.reports import Column, Report, Row, Table, money_json, number_json, share_json
from planner.settings import WEEKDAYS, Settings
from planner.targets import FEW, DayTarget, ProductTarget
from planner.texts import Cash, Msg, Pct, _, msg, n_, p_

DAY_NAMES = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday"))


def day_name(weekday: int) -> Msg:
    return msg(DAY_NAMES[weekday])


def listed(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def days_table(t: ProductTarget) -> Table:
    columns = (
        Column(p_("target", "Day")),
        Column(_("Days counted"), "int"),
        Column(_("Sold on those days"), "text"),
        Column(_("Average"), "number"),
        Column(_("Target"), "int"),
        Column(_("Sold out"), "int"),
    )
    rows = [
        Row((day_name(d.weekday), len(d.samples), listed(d.sold), quantize(d.average, 1), d.target, len(d.sold_out)))
        for d in t.days
    ]
    rows.append(Row((msg(_("The week")), None, None, None, t.week_pieces, None), "total"))
    if t.sellable != 1:  # a garment, or a cake sold whole: its batches are its pieces
        rows.append(
            Row((msg(_("Batches ({sellable} pieces each)"), sellable=t.sellable), None, None, None, t.batches, None))
        )
    return Table(columns, tuple(rows))


def subtitle(t: ProductTarget) -> Msg:
    return msg(
        _("a missed sale loses {missed}, an unsold piece costs {unsold}: critical ratio {ratio}"),
        missed=Cash(t.missed_profit),
        unsold=Cash(t.unit_cost),
        ratio=Pct(t.ratio),
    )


def day_json(d: DayTarget) -> dict[str, Any]:
    return {
        "weekday": WEEKDAYS[d.weekday],
        "samples": d.sold,
        "average": number_json(d.average),
        "target": d.target,
        "sold_out_days": len(d.sold_out),
    }


def product_json(t: ProductTarget) -> dict[str, Any]:
    return {
        "product": t.cost.name,
        "file": t.key.path,
        "unit_cost": money_json(t.unit_cost),
        "missed_profit": money_json(t.missed_profit),
        "critical_ratio": share_json(t.ratio),
        "days": [day_json(d) for d in t.days],
        "week_pieces": t.week_pieces,
        "batches": t.batches,
    }


# ---------------------------------------------------------------- warnings


def day_warnings(t: ProductTarget, d: DayTarget) -> list[InputError]:
    found = []
    if d.sold_out:
        last = d.sold_out[-1]
        found.append(
            warning(
                _(
                    "{product}, {weekday}: sold out on {count} of the {days} days counted (the last on {day}): "
                    "more might have sold, so the target may be low"
                ),
                hint=_("on such a day make a few more than the target and see whether they sell"),
                product=t.cost.name,
                weekday=day_name(d.weekday),
                count=len(d.sold_out),
                days=len(d.samples),
                day=last.day,
            ).at(last.entry.file, loc=last.entry.loc)
        )
    if d.few:
        last = d.samples[-1]
        found.append(
            warning(
                n_(
                    "{product}, {weekday}: only {count} day sold so far, fewer than {few}: "
                    "the target is the average, rounded up",
                    "{product}, {weekday}: only {count} days sold so far, fewer than {few}: "
                    "the target is the average, rounded up",
                ),
                hint=_("the target follows what sold once the book holds {few} or more of these days"),
                product=t.cost.name,
                weekday=day_name(d.weekday),
                count=len(d.samples),
                few=FEW,
            ).at(last.entry.file, loc=last.entry.loc)
        )
    return found


# ---------------------------------------------------------------- --explain


def costs_explain(t: ProductTarget, channel: str) -> list[Msg]:
    return [
        msg(
            _(
                "{product}: a piece that could have sold but was not made loses {missed} "
                "(what a sale on {channel} leaves, {receipt}, less the HPP {unit}); "
                "a piece made and not sold costs its HPP, {unit}"
            ),
            product=t.cost.name,
            missed=Cash(t.missed_profit),
            channel=channel,
            receipt=Cash(t.receipt),
            unit=Cash(t.unit_cost),
        ),
        msg(
            _("{missed} ÷ ({missed} + {unsold}) = {ratio}: make what sold on at least {ratio} of the days"),
            missed=Cash(t.missed_profit),
            unsold=Cash(t.unit_cost),
            ratio=Pct(t.ratio),
        ),
        msg(
            _("an unsold piece costs more than a missed sale: better a few short than many left over")
            if t.missed_profit < t.unit_cost
            else _("a missed sale costs more than an unsold piece: better a few left over than many short")
        ),
    ]


def day_explain(t: ProductTarget, d: DayTarget) -> Msg:
    ordered = listed(sorted(d.sold))
    if d.few:
        return msg(
            n_(
                "{weekday}: only {count} day, it sold {samples}; the average {average}, rounded up: make {target}",
                "{weekday}: only {count} days, they sold {samples}; the average {average}, rounded up: make {target}",
            ),
            weekday=day_name(d.weekday),
            count=len(d.samples),
            samples=ordered,
            average=quantize(d.average, 2),
            target=d.target,
        )
    return msg(
        _(
            "{weekday}: the last {count} days sold {samples} (smallest first); on {at} of the {count} days "
            "{target} or fewer sold ({share}, at least {ratio}), so make {target}; the average is {average}"
        ),
        weekday=day_name(d.weekday),
        count=len(d.samples),
        samples=ordered,
        at=d.at_or_below,
        target=d.target,
        share=Pct(quantize(d.at_or_below / Decimal(len(d.samples)), 4)),
        ratio=Pct(t.ratio),
        average=quantize(d.average, 2),
    )


def week_explain(t: ProductTarget) -> Msg:
    terms = " + ".join(str(d.target) for d in t.days)
    if t.sellable == 1:
        return msg(_("the week: {terms} = {week} pieces"), terms=terms, week=t.week_pieces)
    return msg(
        _("the week: {terms} = {week} pieces; {week} ÷ {sellable} pieces a batch, rounded up = {batches} batches"),
        terms=terms,
        week=t.week_pieces,
        sellable=t.sellable,
        batches=t.batches,
    )


def explain(t: ProductTarget, channel: str) -> tuple[Msg, ...]:
    return (*costs_explain(t, channel), *(day_explain(t, d) for d in t.days), week_explain(t))


def target_reports(targets: Sequence[ProductTarget], today: date, settings: Settings) -> list[Report]:
    """One report per product; the first carries the JSON of them all."""
    data = {"today": today.isoformat(), "products": [product_json(t) for t in targets]}
    channel = settings.channels[0].name
    reports = []
    for n, t in enumerate(targets):
        notes = [w for d in t.days for w in day_warnings(t, d)]
        reports.append(
            Report(
                "target",
                t.cost.name,
                (days_table(t),),
                data if n == 0 else None,
                tuple(notes),
                subtitle(t),
                explain=explain(t, channel),
            )
        )
    return reports
