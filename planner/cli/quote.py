"""planner quote: a tailor's quote for sizes of one pattern — price, deposit, fabric, ready date."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planner.cli import app
from planner.cli.common import ExplainOpt, ForceOpt, LangOpt, OutputOpt, SetOpt, Shared, WorkspaceOpt, prices, run
from planner.errors import problem
from planner.texts import _

if TYPE_CHECKING:
    from planner.app.quoting import SavedOrder
    from planner.reports import Report
    from planner.workspace import Workspace

ArgsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="FILE [LENGTH]",
        show_default=False,
        help=_(
            'The pattern or recipe file; after --customer-fabric, the length the customer brings (9m, "9,5 m", 900cm).'
        ),
    ),
]
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=_("table, json, csv, md, html, or text (a quote to paste into a chat)."),
    ),
]


@app.command(
    help=_(
        "Quote an order: a tailoring job's price per size, or a recipe's pieces; rush, deposit, fabric to buy or "
        "bring, the ready date on working days.\n\n"
        "Example: planner quote patterns/kemeja-sekolah.toml --sizes S=5,M=10,L=5 --customer-fabric"
    )
)
def quote(
    args: ArgsArg,
    *,
    size: Annotated[str | None, typer.Option("--size", "-s", metavar="SIZE", help=_("The size, with --qty."))] = None,
    qty: Annotated[
        str | None,
        typer.Option(
            "--qty", "-n", metavar="N", help=_("How many garments of --size (or of a pattern without sizes).")
        ),
    ] = None,
    sizes: Annotated[
        str | None, typer.Option("--sizes", metavar="SIZE=N,...", help=_("Sizes and how many of each: S=5,M=10,L=5."))
    ] = None,
    pieces: Annotated[
        str | None, typer.Option("--pieces", metavar="N", help=_("How many pieces of a recipe: --pieces 100."))
    ] = None,
    fabric: Annotated[
        str | None,
        typer.Option("--fabric", metavar="ITEM", help=_("Use this catalog fabric instead of the pattern's.")),
    ] = None,
    customer_fabric: Annotated[
        bool,
        typer.Option(
            "--customer-fabric",
            help=_(
                "The customer brings the fabric: charge none, say how many metres to bring; add a length "
                "(--customer-fabric 9m) to check what they have."
            ),
        ),
    ] = False,
    rush: Annotated[
        bool,
        typer.Option(
            "--rush",
            help=_("Add the rush surcharge ([quote] rush in the settings) and work the job rush_hours_per_day."),
        ),
    ] = False,
    due: Annotated[
        str | None,
        typer.Option(
            "--due", metavar="DATE", help=_("The day the customer needs it (YYYY-MM-DD): is it met, with rush, or not?")
        ),
    ] = None,
    for_: Annotated[
        str | None,
        typer.Option(
            "--for",
            metavar="WHO",
            help=_(
                "customer: only what the customer sees (the default for --format text); maker: HPP, fabric bought, "
                "time and warnings too (the default otherwise)."
            ),
        ),
    ] = None,
    customer: Annotated[
        str | None, typer.Option("--customer", metavar="NAME", help=_("The customer's name, on the quote."))
    ] = None,
    price: Annotated[
        str | None,
        typer.Option(
            "--price",
            metavar="PRICE",
            help=_("Judge a price per garment you already charge (ongkos jahit): profit and earnings an hour."),
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", metavar="DATE", help=_("Count the ready date from this day (YYYY-MM-DD); default today.")
        ),
    ] = None,
    save: Annotated[
        str | None,
        typer.Option(
            "--save",
            metavar="ID",
            help=_("Take the order: write it as books/orders/ID.toml (a new file), with --customer and --due."),
        ),
    ] = None,
    deposit_paid: Annotated[
        bool,
        typer.Option("--deposit-paid", help=_("With --save: the deposit was paid today (its first payment).")),
    ] = False,
    set_: SetOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    explain: ExplainOpt = False,
) -> None:
    from planner import options
    from planner.app import quoting

    shared = Shared(format, output, force, lang, workspace, explain, set_)
    pattern, length = split_args(args, customer_fabric)

    def compute(ws: Workspace) -> list[Report]:
        day = options.day(today)
        asked = quoting.QuoteOptions(
            size,
            qty,
            sizes,
            pieces,
            fabric,
            customer_fabric,
            None if length is None else options.length(length, ws.units),
            rush,
            options.garment_price(price, ws.places),
            day,
            None if due is None else options.day(due),
            quoting.audience(for_, format),
            (customer or "").strip(),
            prices(shared, ws),
            save,
            deposit_paid,
        )
        reports, order = quoting.quote_and_order(ws, pattern, asked)
        if order is not None:
            save_order(ws, shared, order, [pattern, *ws.read_paths()])
        return reports

    run(shared, [pattern], compute)


def save_order(ws: Workspace, shared: Shared, order: SavedOrder, inputs: list[Path]) -> None:
    """--save: the order as a new book file (never over a file, never over one the run read)."""
    import sys

    from planner.cli.common import formatter
    from planner.texts import msg
    from planner.writing import toml_text, write_all

    write_all([(order.path, toml_text(order.data))], folders=[order.path.parent], inputs=inputs)
    fmt = formatter(ws, shared)
    sys.stderr.write(fmt.text(msg(_("Saved the order as {file}: see it with planner orders"), file=str(order.path))))
    sys.stderr.write("\n")


def split_args(args: list[str], customer_fabric: bool) -> tuple[Path, str | None]:
    """The pattern (the one argument ending in .toml, else the first) and the customer's length, if any."""
    tomls = [i for i, a in enumerate(args) if a.endswith(".toml")]
    at = tomls[0] if len(tomls) == 1 else 0
    rest = [a for i, a in enumerate(args) if i != at]
    if rest and not customer_fabric:
        raise problem(
            _("unexpected argument '{args}'"),
            hint=_(
                "give one pattern or recipe file; a length belongs after --customer-fabric, e.g. --customer-fabric 9m"
            ),
            args=" ".join(rest),
        )
    return Path(args[at]), " ".join(rest) or None
