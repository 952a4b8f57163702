"""Command-line mistakes (exit 2) in the user's language.

Typer reports a wrong option or a missing argument in English; this module
turns the common ones into the planner's own messages. The language is
``--lang`` when given, else the ``language`` of the workspace's settings
(read directly: a usage error must not wait for the models), else Indonesian.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from planner.errors import InputError, closest
from planner.texts import LANGUAGES, Msg, _, msg

_NO_COMMAND = re.compile(r"No such command '(.+?)'")
_EXTRA = re.compile(r"Got unexpected extra arguments? \((.+)\)")
_NOT_INT = re.compile(r"'(.*)' is not a valid int(?:eger)?\b")
_NOT_ONE_OF = re.compile(r"'(.*)' is not one of (.+?)\.?$")
_NEEDS_VALUE = re.compile(r"Option '(.+?)' requires an argument")
_NO_VALUE = re.compile(r"Option '(.+?)' does not take a value")


def usage_language(argv: list[str]) -> str:
    """--lang X, else the workspace's settings language, else id."""
    for i, arg in enumerate(argv):
        value = (
            arg.partition("=")[2]
            if arg.startswith("--lang=")
            else (argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        )
        if value in LANGUAGES:
            return value
    language = _settings_language(argv)
    return language if language in LANGUAGES else "id"


def _settings_language(argv: list[str]) -> Any:
    starts = [Path(a) for a in _workspace_option(argv) + [a for a in argv if not a.startswith("-")] if _exists(a)]
    try:
        folder = (starts[0] if starts else Path.cwd()).resolve()
    except OSError:  # the current folder was deleted
        return None
    for candidate in (folder, *folder.parents):
        settings = candidate / "planner.toml"
        if settings.is_file():
            from planner.tomlfile import read_text  # a regular file of at most 4 MB: never a FIFO

            try:
                return tomllib.loads(read_text(settings)).get("language")
            except (InputError, tomllib.TOMLDecodeError, RecursionError, ValueError, ArithmeticError):
                return None
    return None


def _workspace_option(argv: list[str]) -> list[str]:
    """The folder given to --workspace (or -w), if any."""
    for i, arg in enumerate(argv):
        if arg.startswith("--workspace="):
            return [arg.partition("=")[2]]
        if arg in ("--workspace", "-w") and i + 1 < len(argv):
            return [argv[i + 1]]
    return []


def _exists(arg: str) -> bool:
    """Whether an argument names an existing path (one too long to look at does not)."""
    try:
        return Path(arg).exists()
    except OSError:
        return False


def translate(exc: BaseException, commands: list[str]) -> tuple[Msg, Msg | None] | None:
    """Our message and hint for a usage error, or None to let Typer say it."""
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        near = list(getattr(exc, "possibilities", None) or [])
        return (
            msg(_("there is no option {option}"), option=exc.option_name),  # type: ignore[attr-defined]
            msg(_("did you mean {near}?"), near=", ".join(near))
            if near
            else msg(_("the --help of the command lists its options")),
        )
    if kind == "MissingParameter":
        return msg(_("{name} is missing"), name=_param_name(exc)), msg(_("the --help of the command lists its options"))
    if kind == "BadParameter":
        found = _NOT_INT.search(exc.message)  # type: ignore[attr-defined]
        if found:
            return msg(
                _("{name} needs a whole number, not '{value}'"), name=_param_name(exc), value=found.group(1)
            ), None
        found = _NOT_ONE_OF.search(exc.message)  # type: ignore[attr-defined]
        if found:
            choices = ", ".join(c.strip(" '") for c in found.group(2).split(","))
            return msg(
                _("{name} must be one of {choices}, not '{value}'"),
                name=_param_name(exc),
                value=found.group(1),
                choices=choices,
            ), None
        return msg(_("wrong value for {name}: {reason}"), name=_param_name(exc), reason=exc.message), None  # type: ignore[attr-defined]
    if kind == "UsageError":
        return _plain_usage(str(getattr(exc, "message", exc)), commands)
    if kind == "BadOptionUsage":
        return _option_usage(str(getattr(exc, "message", exc)))
    return None


def _option_usage(text: str) -> tuple[Msg, Msg | None] | None:
    found = _NEEDS_VALUE.search(text)
    if found:
        return msg(_("{option} needs a value"), option=found.group(1)), msg(
            _("the --help of the command lists its options")
        )
    found = _NO_VALUE.search(text)
    if found:
        return msg(_("{option} takes no value"), option=found.group(1)), msg(
            _("write {option} on its own"), option=found.group(1)
        )
    return None


def _plain_usage(text: str, commands: list[str]) -> tuple[Msg, Msg | None] | None:
    found = _NO_COMMAND.search(text)
    if found:
        near = closest(found.group(1), commands)
        return (
            msg(_("there is no command '{command}'"), command=found.group(1)),
            msg(_("did you mean {near}?"), near=", ".join(near))
            if near
            else msg(_("the commands are {known}"), known=", ".join(commands)),
        )
    found = _EXTRA.search(text)
    if found:
        return msg(_("more arguments than the command takes: {args}"), args=found.group(1)), msg(
            _("the --help of the command lists its options")
        )
    return None


def _param_name(exc: Any) -> str:
    if getattr(exc, "param_hint", None):
        hint = exc.param_hint
        return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint)
    param = getattr(exc, "param", None)
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "option":
        return str(max(param.opts, key=len))
    return (param.metavar or param.name or "?").upper().removesuffix("...")


def report_usage(exc: BaseException, argv: list[str], commands: list[str]) -> int:
    """Print a usage error as ``planner cost: message (hint: ...)`` and a pointer to --help."""
    from planner.i18n import Formatter

    found = translate(exc, commands)
    if found is None:
        exc.show()  # type: ignore[attr-defined]
        return int(getattr(exc, "exit_code", 2))
    fmt = Formatter(usage_language(argv))
    ctx = getattr(exc, "ctx", None)
    from planner.cli import command_name

    first = command_name(argv)  # some errors come without their command
    named = first if first in commands else None
    where = ctx.command_path if ctx is not None else " ".join(filter(None, ["planner", named]))
    message, hint = found
    from planner.render import with_hint

    text = f"{where}: {with_hint(message, hint, fmt)}"
    sys.stderr.write(text + "\n" + fmt.text(msg(_("Try '{command} --help'."), command=where)) + "\n")
    return 2
