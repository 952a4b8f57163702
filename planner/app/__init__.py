"""One function per command: load what it needs from the workspace, compute, return Reports.

No typer, no printing: the command line (planner/cli) parses its options into
the values these functions take and renders what they return, and a test or a
library user calls them directly::

    from pathlib import Path
    from planner.app import CostOptions, cost
    from planner.workspace import load_workspace

    ws = load_workspace(first=Path("recipes/bingka-kentang.toml"))
    reports = cost(ws, [Path("recipes/bingka-kentang.toml")], CostOptions())

Problems go into ``ws.diagnostics``, placed at their file and line; a function
raises InputErrors with all of them at once unless asked to keep going.

The names below are loaded when first used (a run imports only its command's module).
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "CostOptions": "products",
    "PriceOptions": "pricing",
    "BreakevenOptions": "pricing",
    "cost": "products",
    "price": "pricing",
    "breakeven": "pricing",
    "CompareOptions": "workshop",
    "WhatifOptions": "workshop",
    "compare": "workshop",
    "whatif": "workshop",
    "PlanOptions": "planning",
    "plan": "planning",
    "QuoteOptions": "quoting",
    "quote": "quoting",
    "ScaleOptions": "scaling",
    "scale": "scaling",
    "scaled_recipe": "scaling",
    "SheetOptions": "sheet",
    "sheet": "sheet",
    "CheckOptions": "checking",
    "Checked": "checking",
    "check": "checking",
    "new_file": "files",
    "workspace_files": "files",
    "schemas": "files",
    "TitipOptions": "book",
    "BookOptions": "book",
    "titip": "book",
    "book": "book",
    "read_book": "book",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'planner.app' has no attribute {name!r}")
    return getattr(importlib.import_module(f"planner.app.{_WHERE[name]}"), name)
