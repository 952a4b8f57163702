"""The command line: the only place that imports typer, prints and exits.

Each command module registers itself on ``app`` when imported; a run imports
only the module of the command it runs (all of them for the top-level help),
and heavy modules (pydantic models, babel, rich, jinja2) are imported inside
the commands that use them.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from typing import Annotated

import typer

from planner.texts import _

app = typer.Typer(
    name="planner",
    help=_(
        "Production and costing planner for small producers: kue, bread and tailoring.\n\n"
        "Example: planner cost recipes/bingka-kentang.toml"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# command name -> the module under planner.cli that defines it
COMMANDS = {
    "cost": "cost",
    "price": "price",
    "breakeven": "breakeven",
    "plan": "plan",
    "quote": "quote",
    "scale": "scale",
    "compare": "compare",
    "whatif": "whatif",
    "sheet": "sheet",
    "titip": "book",
    "book": "book",
    "share": "share",
    "orders": "orders",
    "target": "target",
    "monitor": "monitor",
    "check": "check",
    "new": "new",
    "init": "new",
    "schema": "schema",
}


# Flags with an optional value take it as the next word (typer has no optional values):
# "--customer-fabric=9m" is read as "--customer-fabric 9m".
OPTIONAL_VALUE_FLAGS = ("--customer-fabric",)


def _show_version(asked: bool) -> None:
    if asked:
        from planner import __version__

        sys.stdout.write(f"planner {__version__}\n")
        raise typer.Exit()


@app.callback()
def _planner(
    version: Annotated[
        bool, typer.Option("--version", help=_("Show the version and exit."), is_eager=True, callback=_show_version)
    ] = False,
) -> None:
    """Keeps planner a group of commands even while only one is loaded; --version."""


def load_commands(name: str | None = None) -> None:
    """Register the command ``name`` (all commands when it is not one)."""
    modules = [COMMANDS[name]] if name in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for module in modules:  # the order of the top-level help
        importlib.import_module(f"planner.cli.{module}")


def _spread(args: list[str]) -> list[str]:
    """``--customer-fabric=9m`` -> ``--customer-fabric 9m`` (see OPTIONAL_VALUE_FLAGS)."""
    spread: list[str] = []
    for arg in args:
        flag, equals, value = arg.partition("=")
        spread += [flag, value] if equals and flag in OPTIONAL_VALUE_FLAGS else [arg]
    return spread


def command_name(args: list[str]) -> str | None:
    """The command a command line names: its first word that is not an option."""
    return next((a for a in args if not a.startswith("-")), None)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; input problems become messages and exit 1, never a traceback."""
    from planner.cli import streams

    args = _spread(sys.argv[1:] if argv is None else list(argv))
    stdout, stderr = sys.stdout, sys.stderr
    streams.guard()
    try:
        code = _run(args)
    finally:
        streams.unguard(stdout, stderr)
    sys.exit(code)


def _run(args: list[str]) -> int:
    """The exit code of one run, whatever happens in it."""
    from planner.cli.streams import OutputFailed, flush

    gc.disable()  # one short run: refcounting frees memory; the cycle collector would only
    try:  # re-walk every loaded model (40% of `check` on 1,000 recipes, bench/)
        _check_folder()
        load_commands(command_name(args))
        code = _command(args)(args=args, prog_name="planner", standalone_mode=False)
        flush()
        return code if isinstance(code, int) else 0
    except SystemExit as exc:
        with contextlib.suppress(OutputFailed):
            flush()
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt:  # Ctrl-C
        return 130
    except BaseException as exc:
        if type(exc).__name__ == "Terminated":  # SIGTERM or SIGHUP during a write (planner.writing)
            return int(getattr(exc, "exit_code", 143))
        if os.environ.get("PLANNER_DEBUG"):
            raise
        return _last_resort(exc, args)
    finally:
        gc.enable()


def _check_folder() -> None:
    """A run needs a current folder: one deleted under the shell is told, not a traceback."""
    try:
        os.getcwd()
    except OSError:
        from planner.errors import problem

        raise problem(
            _("the current folder no longer exists"), hint=_("go to an existing folder (cd) and run planner again")
        ) from None


def _last_resort(exc: BaseException, args: list[str]) -> int:
    """``_failure``; should telling the problem fail too, one plain line, never a traceback."""
    try:
        return _failure(exc, args)
    except BaseException as again:
        with contextlib.suppress(Exception):
            sys.stderr.write(f"planner: {type(exc).__name__}: {exc} ({type(again).__name__})\n")
        return 70


def _command(args: list[str]) -> typer.core.TyperGroup:
    """Typer's command tree for this run: commands in the order of COMMANDS (not of their
    import), their help in the user's language when help is asked for."""
    import typer.main

    command = typer.main.get_command(app)
    found = command.commands  # type: ignore[attr-defined]
    command.commands = {name: found[name] for name in COMMANDS if name in found}  # type: ignore[attr-defined]
    if not args or "-h" in args or "--help" in args:
        from planner.cli.helptext import localize
        from planner.cli.usage import usage_language

        localize(command, usage_language(args))
    return command  # type: ignore[return-value]


def _failure(exc: BaseException, args: list[str]) -> int:
    """Typer's own errors (a wrong option: exit 2) or ours (bad input: exit 1), in the run's language."""
    from planner.cli.common import report_failure
    from planner.cli.usage import report_usage, usage_language

    if hasattr(exc, "exit_code") and hasattr(exc, "show"):  # a click/typer exception
        return report_usage(exc, args, list(COMMANDS))
    if type(exc).__name__ == "Abort":
        sys.stderr.write("Aborted!\n")
        return 1
    try:
        lang = usage_language(args)
    except Exception:  # the language is only a nicety here
        lang = "id"
    return report_failure(exc, lang)
