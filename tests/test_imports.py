"""The core stays pure: it computes, the edges read, print and exit.

Every core module (docs/architecture.md) is parsed, not imported, and must not
import a UI, file-format or charting library anywhere (also not inside a
function), nor open files, print or exit. Modules that do not exist yet are
skipped, so a new core module is checked from its first commit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "planner"
CORE = (
    "errors",
    "money",
    "units",
    "records",
    "fields",
    "models",
    "settings",
    "catalog",
    "costing",
    "pricing",
    "planning",
    "packs",
    "scaling",
    "quoting",
    "quote_line",
    "fabric_order",
    "schedule",
    "comparing",
    "scenarios",
    "checks",
    "reports",
    "texts",
    "diagnostics",
    "options",
    "periods",
    "layering",
    "book",
    "booksettings",
    "orders",
    "targets",
)
# planner's own edges: a core module never reaches out to them either
EDGES = (
    "planner.workspace",
    "planner.i18n",
    "planner.app",
    "planner.cli",
    "planner.locales",
    "planner.render",
    "planner.tomlfile",
    "planner.writing",
    "planner.bookfiles",
)
FORBIDDEN = {
    "typer",
    "click",
    "rich",
    "tomllib",
    "tomli",
    "tomli_w",
    "jinja2",
    "babel",
    "pygal",
    "matplotlib",
    "plotly",
}
FORBIDDEN_CALLS = {"open", "print", "exit", "quit", "input"}
FORBIDDEN_ATTRIBUTES = {
    ("sys", "exit"),
    ("os", "_exit"),
    ("os", "system"),
    ("io", "open"),
    ("sys", "stdout"),
    ("sys", "stderr"),
}
FORBIDDEN_METHODS = {"read_text", "read_bytes", "write_text", "write_bytes", "open", "mkdir", "unlink"}


def core_files() -> list[Path]:
    files = []
    for name in CORE:
        module, package = PACKAGE / f"{name}.py", PACKAGE / name
        if module.is_file():
            files.append(module)
        if package.is_dir():
            files.extend(sorted(package.rglob("*.py")))
    return files


def imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and _name(node.func) in ("__import__", "import_module")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            roots.add(str(node.args[0].value).split(".")[0])
    return roots


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def side_effects(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"{node.func.id}() on line {node.lineno}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in FORBIDDEN_METHODS:
            found.append(f".{node.func.attr}() on line {node.lineno}")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in FORBIDDEN_ATTRIBUTES
        ):
            found.append(f"{node.value.id}.{node.attr} on line {node.lineno}")
    return found


def test_the_core_modules_are_there():
    names = {p.stem for p in core_files()}
    assert {"errors", "money", "units", "fields", "models", "catalog", "costing"} <= names


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_core_module_imports_no_edge_library(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = sorted(imported_roots(tree) & FORBIDDEN)
    assert not bad, f"{path.name} imports {', '.join(bad)}: move that code to an edge module"


def planner_imports(tree: ast.AST) -> set[str]:
    """The planner modules a module imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("planner.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("planner"):
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_core_module_imports_no_edge_of_planner(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = sorted(m for m in planner_imports(tree) if any(m == e or m.startswith(e + ".") for e in EDGES))
    assert not bad, f"{path.name} imports {', '.join(bad)}: the core must not depend on the edges"


def test_the_edge_check_sees_imports_inside_functions():
    sneaky = ast.parse("def f():\n    from planner.workspace import load_workspace\n    import planner.cli.common\n")
    assert planner_imports(sneaky) >= {"planner.workspace", "planner.cli.common"}


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_core_module_opens_prints_and_exits_nothing(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    assert not side_effects(tree), f"{path.name}: {side_effects(tree)}"


def test_the_checks_catch_what_they_are_for():
    sneaky = ast.parse(
        "import os\n"
        "def f():\n"
        "    import rich.console\n"
        "    from tomllib import loads\n"
        "    __import__('typer')\n"
        "    print('x')\n"
        "    open('f')\n"
        "    sys.exit(1)\n"
        "    Path('x').read_text()\n"
    )
    assert imported_roots(sneaky) & FORBIDDEN == {"rich", "tomllib", "typer"}
    assert len(side_effects(sneaky)) == 4
    relative = ast.parse("from . import typer\nfrom .rich import x\n")
    assert not imported_roots(relative) & FORBIDDEN  # our own modules may share a name
