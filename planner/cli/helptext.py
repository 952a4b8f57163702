"""--help in the user's language.

The command modules declare their help in English, which is what Typer shows.
When help is asked for in another language, ``localize`` swaps each text of
the command tree for its translation in the gettext catalogue, looked up
by the English text itself, and gives every command a help
formatter that says "Usage", "Options", "[required]" and "[default: ...]" in
that language too. tests/test_help.py checks every text has its translation.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from typer._click import Context, HelpFormatter

from planner.i18n import translations
from planner.texts import _

_EXTRA = re.compile(r"\[([^\[\]]*)\]$")  # typer's "[default: table; required]" after a help text


# Click's and Typer's own words on a help page, marked so that the catalogue has them
CLICK_WORDS = (
    _("Usage:"),
    _("Arguments"),
    _("Options"),
    _("Commands"),
    _("required"),
    _("default: {default}"),
    _("Show this message and exit."),
)


def tr(text: str, lang: str) -> str:
    """``text`` in ``lang``, or as it is when there is no translation."""
    return translations(lang).gettext(text)


def localize(command: Any, lang: str) -> None:
    """Put the help of ``command`` and of every command under it into ``lang``."""
    if lang == "en":
        return
    command.help = command.help and tr(command.help, lang)
    command.context_class = _context_class(lang)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = tr(param.help, lang)
    for sub in getattr(command, "commands", {}).values():
        localize(sub, lang)


@cache
def _context_class(lang: str) -> type:
    class Formatter(_Formatter):
        language = lang

    return type(f"Context_{lang}", (Context,), {"formatter_class": Formatter})


class _Formatter(HelpFormatter):
    """Click's help layout with its own words in ``language``."""

    language = "en"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else tr("Usage:", self.language) + " ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(tr(heading, self.language))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, self._extras(text)) for term, text in rows], col_max, col_spacing)

    def _extras(self, text: str) -> str:
        """The help of the help option, and typer's "[default: x; required]" after a help text."""
        text = tr(text, self.language)
        found = _EXTRA.search(text)
        if found is None:
            return text
        return text[: found.start()] + "[" + "; ".join(map(self._extra, found.group(1).split("; "))) + "]"

    def _extra(self, part: str) -> str:
        if part.startswith("default: "):
            return tr("default: {default}", self.language).format(default=part[len("default: ") :])
        return tr(part, self.language)
