"""The command line: the only place that imports typer, prints and exits.

Each command module registers itself on ``app``; heavy modules (pydantic
models, babel, rich, jinja2) are imported inside the commands that use them.
"""

from __future__ import annotations

import gc
import os
import sys

import typer

app = typer.Typer(
    name="planner",
    help="Production and costing planner for small producers: kue, bread and tailoring.\n\n"
         "Example: planner cost recipes/bingka-kentang.toml",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

from planner.cli import cost, check, schema, price, breakeven, quote, plan, scale, new, compare, whatif  # noqa: E402,F401  (register commands)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; input problems become messages and exit 1, never a traceback."""
    from planner.cli.common import report_failure, reset

    reset()
    gc.disable()  # one short run: refcounting frees memory; the cycle collector would only
    try:          # re-walk every loaded model (40% of `check` on 1,000 recipes, bench/)
        app(args=argv, prog_name="planner", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except BaseException as exc:  # noqa: BLE001 - the one place every failure is caught
        if os.environ.get("PLANNER_DEBUG"):
            raise
        sys.exit(report_failure(exc))
    finally:
        gc.enable()
