"""planner price: the shelf price on every sales channel, margin and markup side by side."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Annotated, Any, Optional

import typer

from planner.cli import app
from planner.cli.common import (ExplainOpt, FilesArg, ForceOpt, FormatOpt, LangOpt, OutputOpt, SetOpt,
                                Shared, WorkspaceOpt, run)
from planner.errors import InputError, problem
from planner.texts import _, Pct

SizeOpt = Annotated[Optional[str], typer.Option("--size", "-s", help=_("Only this size of a pattern."))]
MarkupOpt = Annotated[Optional[str], typer.Option(
    "--markup", help=_("Markup on cost for this run, e.g. 0.5 or 50% (instead of the settings)."))]
MarginOpt = Annotated[Optional[str], typer.Option(
    "--margin", help=_("Margin on price for this run, e.g. 0.3 or 30% (instead of the settings)."))]

MAX_MARKUP = Decimal(10)


def parse_option(option: str, text: str, hint: str) -> Decimal:
    """A number given on the command line; what is not a number names its option."""
    from planner.units import parse_number

    try:
        return parse_number(text)
    except InputError as err:
        if err.message.key == _("'{text}' is ambiguous: the dot may be a decimal point or a thousands separator"):
            raise
        raise problem(_("{option} '{text}' is not a number"), hint=hint, option=option, text=text) from None


def parse_share(option: str, text: str | None, *, below_one: bool) -> Decimal | None:
    """``0.4``, ``0,4`` or ``40%`` -> 0.4; a margin must be below 1, a markup below 10 (1000%)."""
    if text is None:
        return None
    raw = text.strip()
    percent = raw.endswith("%")
    value = parse_option(option, raw.rstrip("%").strip(), _("write e.g. {option} 0.4 or {option} 40%")) / (100 if percent else 1)
    limit = Decimal(1) if below_one else MAX_MARKUP
    if value < 0 or value >= limit:
        raise problem(_("{option} {text} is out of range: it must be at least 0% and below {limit}"), hint=_("write a decimal or a percentage: 40% is 0.4 or 40%"),
                      option=option, text=text, limit=Pct(limit))
    return value


def parse_money(option: str, text: str | None, ws: Any) -> Decimal | None:
    """A non-negative amount given on the command line (whole rupiah in IDR)."""
    if text is None:
        return None
    value = parse_option(option, text.replace("_", ""), _("write a whole amount without dots, e.g. {option} 12000"))
    if value < 0:
        raise problem(_("{option} cannot be negative ({text})"), hint=_("write the amount without a minus sign, e.g. {option} 12000"), option=option, text=text)
    if value % Decimal(1).scaleb(-ws.places):
        raise problem(_("{option} {text} has more decimal places than {currency} uses ({places})"), hint=_("write a whole amount without a thousands dot, e.g. 12000"), option=option, text=text,
                      currency=ws.settings.currency, places=ws.places)
    return value


def placed(ws: Any, report: Any) -> Any:
    """The report with its warnings given the line of the file they point at."""
    notes = tuple(ws.place(n) if isinstance(n, InputError) and n.path else n for n in report.notes)
    return replace(report, notes=notes)


def selected_channels(settings: Any, name: str | None) -> list:
    from planner.pricing import find_channel

    return list(settings.channels) if name is None else [find_channel(settings.channels, name)]


@app.command(help=_("Shelf price on every sales channel, with what a piece sold leaves you, margin and markup.\n\nExample: planner price recipes/bingka-kentang.toml --channel titip --explain"))
def price(
    files: FilesArg,
    *,
    channel: Annotated[Optional[str], typer.Option("--channel", "-c", help=_("Only this sales channel."))] = None,
    markup: MarkupOpt = None,
    margin: MarginOpt = None,
    size: SizeOpt = None,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    shared = Shared(format, output, force, lang, workspace, explain, set_)

    def build(ws):
        from planner.cli.products import cost_sheets
        from planner.pricing import override
        from planner.reports.price import price_report

        pricing = override(ws.settings.pricing, markup=parse_share("--markup", markup, below_one=False),
                           margin=parse_share("--margin", margin, below_one=True))
        channels = selected_channels(ws.settings, channel)
        return [placed(ws, price_report(sheets, channels, pricing, ws.places,
                                            settings_file=ws.settings_file))
                for sheets in cost_sheets(ws, files, shared, size=size)]

    run(shared, files, build)
