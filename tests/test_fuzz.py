"""Fuzzing through the CLI: broken versions of the shipped files never crash it.

Each case copies the shipped examples, settings and catalog into a fresh
workspace, breaks one file in a seeded, repeatable way (a deleted line, a value
of the wrong type, a huge or tiny number, nan/inf, a truncated file, garbage
bytes, random unicode, a duplicated table) and runs every command that is
registered on it. Every run must end in exit 0 or 1 (2 for a usage error) with
a message when it fails, never a traceback, an "internal error" or a hang.
Reproduce one case with ``pytest tests/test_fuzz.py -k 'recipe-17'``.
"""

from __future__ import annotations

import json
import os
import random
import re
import select
import shutil
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result, run_cli

SEEDS = 40  # mutations per kind of file
SECONDS = 10  # a run taking longer than this counts as a hang (the usual run: 20-60 ms)

# Values a user (or a broken editor) might leave on the right of "key =".
VALUES = [
    '"text"',
    '""',
    '"🍰 kue bingka"',
    '"\\u0000"',
    "12",
    "0",
    "-5",
    "-1e3",
    "1e300",
    "-1e300",
    "1e-30",
    "1e-300",
    "10000000000000000000000000000000000000000",
    "0.000000000000000000000000000001",
    "nan",
    "+nan",
    "-nan",
    "inf",
    "-inf",
    "true",
    "2026-01-01",
    "1979-05-27T07:32:00Z",
    "07:32:00",
    "[1, 2]",
    "[]",
    '["S", "S"]',
    "{ a = 1 }",
    "{}",
    "12.5",
    "14.000",
    "0.0",
    "-0",
    '"1e300 kg"',
    '"1e-30 g"',
    '"-3 g"',
    '"0 g"',
    '"nan g"',
    '"inf kg"',
    '"NaN kg"',
    '"Infinity g"',
    '"10000000000000000000000000000000000000000 kg"',
    '"1e999999999 g"',
    '"1.500 kg"',
    '"1/0 kg"',
    '"0/0 g"',
    '"½ sdm"',
    '"3 parsec"',
    '"999999999999999999999999999 butir"',
    '"1,5"',
    '"kg"',
    '"1 1/2 gelas"',
    '"2 sdm sdm"',
    '"../../etc/passwd"',
    '"bingka-kentang"',
    '"santan-pandan"',
    '"."',
    '"/"',
    '"../plans/pesanan-kenduri.toml"',
    '"langsung"',
    '"oven"',
    '"XL"',
    '"IDR"',
    '"XYZ"',
    '"en"',
    '"zz_ZZ"',
    '"id"',
    '"[/] kue [bold]"',
    '"[est] gula"',
    "1_000_000_000_000_000_000_000_000_000_000",
    "0.5",
    "1",
    "2",
    '"' + "kue-" * 80 + '"',
    '"id-IDN"',
    '"IRD"',
    '" "',
    # hostile text (issue 13): terminal escapes, spreadsheet formulas, HTML, line breaks, depth
    '"\\u001b]0;pwned\\u0007"',
    '"\\u001b[2J\\u001b[31mgula"',
    '"\\u009b31m"',
    '"=HYPERLINK(\\"http://x\\")"',
    "\"+cmd|' /C calc'!A0\"",
    '"-2+3"',
    '"@SUM(1)"',
    '"\\tgula"',
    '"a\\r\\nb"',
    '"<script>alert(1)</script>"',
    '"# heading\\n## two"',
    "[" * 60 + "]" * 60,
    "{ a = " * 40 + "1" + " }" * 40,
    '"/dev/zero"',
    '"../../../../../../etc/passwd"',
]
# Numbers a figure can be replaced by, inside a quantity string or bare.
EXTREMES = [
    "1e300",
    "1e-300",
    "1e-30",
    "1e30",
    "10000000000000000000000000000000000000000",
    "0",
    "0.000000000000000000000000000001",
    "0.99999999999999999999999999999999",
    "99999999999",
    "999999999999",
    "0.000000001",
    "-1",
    "1" + "0" * 5000,
    "1e999999999",
    "nan",
    "inf",
    "-inf",
]
UNICODE = ["é", "ß", "𝔘", "\u200b", "\u202e", "﷽", "🍰", "Ω", "ñ", "\t", "\\", '"', "[", "]", "=", "#", "{"]
_ASSIGN = re.compile(r'^(\s*[A-Za-z0-9_\-."]+\s*=\s*)(.+?)\s*(#.*)?$')
_TOKEN = re.compile(r'"[^"\n]*"|-?\d[\d_.eE+\-]*|\btrue\b|\bfalse\b')
_NUMBER = re.compile(r"(?<![\w-])\d[\d_.,]*(?:[eE][+-]?\d+)?")


def mutate(text: bytes, rng: random.Random) -> bytes:
    """One seeded breakage of a TOML file."""
    kind = rng.choice(
        [
            "delete",
            "value",
            "value",
            "token",
            "token",
            "truncate",
            "garbage",
            "unicode",
            "duplicate",
            "swap",
            "blank-key",
            "many",
            "number",
            "number",
            "number",
        ]
    )
    if kind == "truncate":
        return text[: rng.randrange(len(text))]
    if kind == "garbage":
        at = rng.randrange(len(text) + 1)
        return text[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 12))) + text[at:]
    lines = text.decode("utf-8").splitlines(keepends=True)
    if kind == "many":
        for _ in range(rng.randint(2, 5)):
            lines = _break_line(lines, rng, rng.choice(["delete", "value", "token", "unicode", "swap"]))
    else:
        lines = _break_line(lines, rng, kind)
    return "".join(lines).encode("utf-8")


def _break_line(lines: list[str], rng: random.Random, kind: str) -> list[str]:
    lines = list(lines)
    if not lines:
        return lines
    i = rng.randrange(len(lines))
    if kind == "delete":
        del lines[i]
    elif kind == "number":
        candidates = [
            n for n, line in enumerate(lines) if _ASSIGN.match(line) and _NUMBER.search(line.split("=", 1)[1])
        ]
        if candidates:
            i = rng.choice(candidates)
            key, value = lines[i].split("=", 1)
            found = rng.choice(list(_NUMBER.finditer(value)))
            lines[i] = f"{key}={value[: found.start()]}{rng.choice(EXTREMES)}{value[found.end() :]}"
    elif kind in ("value", "token", "blank-key"):
        candidates = [n for n, line in enumerate(lines) if _ASSIGN.match(line)]
        if candidates:
            i = rng.choice(candidates)
            lines[i] = _break_value(lines[i], rng, kind)
    elif kind == "unicode":
        line = lines[i]
        at = rng.randrange(len(line) + 1)
        lines[i] = line[:at] + "".join(rng.choice(UNICODE) for _ in range(rng.randint(1, 4))) + line[at:]
    elif kind == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "duplicate":
        headers = [n for n, line in enumerate(lines) if line.lstrip().startswith("[")]
        if headers:
            start = rng.choice(headers)
            end = next((n for n in headers if n > start), len(lines))
            lines[end:end] = lines[start:end]
    return lines


def _break_value(line: str, rng: random.Random, kind: str) -> str:
    match = _ASSIGN.match(line)
    assert match
    key, value = match.group(1), match.group(2)
    if kind == "blank-key":
        return f"{key}\n"
    tokens = list(_TOKEN.finditer(value))
    if kind == "token" and tokens:
        token = rng.choice(tokens)
        value = value[: token.start()] + rng.choice(VALUES) + value[token.end() :]
    else:
        value = rng.choice(VALUES)
    return f"{key}{value}\n"


# ---------------------------------------------------------------- the workspace and the commands


def workspace(tmp: Path) -> Path:
    """The shipped examples with settings and catalog, as a workspace the user owns."""
    for name in ("recipes", "patterns", "plans"):
        shutil.copytree(ROOT / name, tmp / name)
    for name in ("planner.toml", "prices.toml"):
        shutil.copy(ROOT / "planner" / "data" / name, tmp / name)
    return tmp


def registered() -> set[str]:
    from planner.cli import COMMANDS

    return set(COMMANDS)


def commands(target: str, kind: str) -> list[list[str]]:
    """The runs to try on a broken file: every registered command that reads it."""
    recipe, pattern, plan = "recipes/bingka-kentang.toml", "patterns/kemeja-sekolah.toml", "plans/pesanan-kenduri.toml"
    if kind == "recipe":
        recipe = target
    elif kind == "pattern":
        pattern = target
    elif kind == "plan":
        plan = target
    runs = [
        ["cost", recipe],
        ["cost", pattern, "-f", "json"],
        ["cost", recipe, "--lang", "en", "-f", "csv"],
        ["check"],
        ["price", recipe],
        ["price", pattern, "-f", "json"],
        ["breakeven", recipe],
        ["compare", recipe, pattern],
        ["compare", recipe, "-f", "json"],
        ["plan", plan],
        ["plan", plan, "-f", "json"],
        ["quote", pattern, "--sizes", "S=2,M=3"],
        ["scale", recipe, "--pieces", "24"],
        ["whatif", recipe, "--change", "gula-pasir=+20%"],
        ["cost", recipe, "-f", "md", "--explain"],
        ["cost", recipe, "-f", "html"],
    ]
    if kind == "plan":
        runs = [["check", plan], ["plan", plan], ["plan", plan, "-f", "json"], ["plan", plan, "-f", "md"]]
    names = registered()
    return [r for r in runs if r[0] in names]


def run_bounded(runs: list[list[str]], cwd: Path) -> list[tuple[list[str], Result]]:
    """Each run through ``run_cli`` in one forked child, killed after SECONDS a run:
    a hang inside C code (Decimal on a huge exponent) ignores signal handlers."""
    _warm_up()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send each result as a line, leave without pytest's exit handlers
        os.close(read_end)
        with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
            for args in runs:
                try:
                    result = run_cli(*args, cwd=cwd)
                    payload = [result.code, result.out, result.err]
                except BaseException as exc:
                    payload = [99, "", f"harness: {exc!r}"]
                pipe.write(json.dumps(payload) + "\n")
                pipe.flush()
        os._exit(0)
    os.close(write_end)
    lines = _read_lines(read_end)
    if len(lines) < len(runs):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    results = [Result(*json.loads(line)) for line in lines]
    if len(results) < len(runs):
        hung = runs[len(results)]
        results.append(Result(124, "", f"planner {' '.join(hung)} took more than {SECONDS} s"))
    return list(zip(runs, results))


_WARM: list[bool] = []


def _warm_up() -> None:
    """Run every command once in this process, so each child starts with the
    modules imported and the caches filled (not ~150 ms of imports per child)."""
    if _WARM:
        return
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        ws = workspace(Path(folder))
        for args in commands("recipes/bingka-kentang.toml", "recipe") + commands("plans/pesanan-kenduri.toml", "plan"):
            run_cli(*args, cwd=ws)
    _WARM.append(True)


def _read_lines(fd: int) -> list[str]:
    """Lines from the child until it closes the pipe, or until a run sends nothing for SECONDS."""
    data = b""
    deadline = time.monotonic() + SECONDS
    with os.fdopen(fd, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([pipe], [], [], left)[0]:
                break
            chunk = os.read(pipe.fileno(), 65536)
            if not chunk:
                break
            if b"\n" in chunk:
                deadline = time.monotonic() + SECONDS
            data += chunk
    return [line.decode("utf-8") for line in data.split(b"\n")[:-1]]


def assert_handled(result, args: list[str], broken: bytes) -> None:
    where = f"planner {' '.join(args)} on:\n{broken.decode('utf-8', 'replace')[:3000]}"
    text = result.out + result.err
    assert "Traceback" not in text, where + "\n" + text
    assert not INERT.search(text), f"a control character reached the output: {where}"
    if "csv" in args and result.code == 0:
        assert not formula_cells(result.out), f"{formula_cells(result.out)}: {where}"
    assert "internal error" not in result.err and "took more than" not in result.err, where + "\n" + result.err
    assert result.code in (0, 1, 2), f"exit {result.code}: {where}\n{result.err}"
    if result.code:
        assert result.err.strip(), f"exit {result.code} without a message: {where}"


INERT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # control characters: never printed (decision 19)


def formula_cells(text: str) -> list[str]:
    """CSV cells a spreadsheet would run as a formula (plain numbers are not)."""
    import csv
    import io

    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    return [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"-?[0-9.]+", c)]


FILES = {
    "recipe": [
        "recipes/bingka-kentang.toml",
        "recipes/santan-pandan.toml",
        "recipes/amparan-tatak-pisang.toml",
        "recipes/roti-sobek.toml",
        "recipes/wadai-cincin.toml",
        "recipes/bingka-barandam.toml",
    ],
    "pattern": [
        "patterns/kemeja-sekolah.toml",
        "patterns/gamis.toml",
        "patterns/rok-sekolah.toml",
        "patterns/celana-panjang.toml",
    ],
    "plan": ["plans/pesanan-kenduri.toml"],
    "catalog": ["prices.toml"],
    "settings": ["planner.toml"],
}
RUNS_PER_CASE = 4


# ---------------------------------------------------------------- every text value, one at a time

ODD_TEXTS = {"empty": '""', "long": '"' + "kue-" * 80 + '"', "climbing": '"../../x"'}
_TEXT_LINE = re.compile(r'^(\s*[A-Za-z0-9_\-."]+\s*=\s*)"[^"\n]*"\s*(#.*)?$')
SWEPT = {
    "planner.toml": ["cost", "recipes/bingka-kentang.toml"],
    "recipes/bingka-kentang.toml": ["check"],
    "patterns/kemeja-sekolah.toml": ["check"],
    "plans/pesanan-kenduri.toml": ["plan", "plans/pesanan-kenduri.toml"],
}


@pytest.mark.parametrize("odd", list(ODD_TEXTS), ids=list(ODD_TEXTS))
@pytest.mark.parametrize("target", list(SWEPT), ids=lambda t: Path(t).stem)
def test_odd_text_in_every_text_value_is_handled(tmp_path, target, odd):
    """Each quoted value of the file in turn becomes an empty, an over-long or a climbing
    text (the random cases above rarely hit a given key; these once crashed on an empty
    sub-recipe and on a path too long for the system)."""
    ws = workspace(tmp_path)
    lines = (ws / target).read_text(encoding="utf-8").splitlines(keepends=True)
    swept = [n for n, line in enumerate(lines) if _TEXT_LINE.match(line)]
    assert len(swept) >= 5
    for n in swept:
        broken = [*lines[:n], _TEXT_LINE.match(lines[n]).group(1) + ODD_TEXTS[odd] + "\n", *lines[n + 1 :]]
        (ws / target).write_text("".join(broken), encoding="utf-8")
        for args, result in run_bounded([SWEPT[target]], ws):
            assert_handled(result, args, "".join(broken).encode("utf-8"))


@pytest.mark.parametrize(
    "kind,seed", [(k, s) for k in FILES for s in range(SEEDS)], ids=[f"{k}-{s}" for k in FILES for s in range(SEEDS)]
)
def test_a_broken_file_never_crashes_the_cli(tmp_path, kind, seed):
    rng = random.Random(f"{kind}-{seed}")
    ws = workspace(tmp_path)
    target = rng.choice(FILES[kind])
    original = (ws / target).read_bytes()
    broken = mutate(original, rng)
    (ws / target).write_bytes(broken)
    runs = commands(target, kind)
    for args, result in run_bounded(rng.sample(runs, min(RUNS_PER_CASE, len(runs))), ws):
        assert_handled(result, args, broken)
    assert (ws / target).read_bytes() == broken, "a command rewrote the user's file"


# Absurd figures that once crashed a command (Decimal overflow, a date out of
# range): each must now be refused at its line, or reported as an overflow.
ABSURD = [
    ("prices.toml", "price = 17_000", "price = 1e300"),
    ("prices.toml", "price = 17_000", "price = 1" + "0" * 5000),
    ("prices.toml", 'pack = "1 kg"\nprice = 18_000', 'pack = "1e-30 kg"\nprice = 18_000'),
    ("prices.toml", '{ pack = "250 g", price = 4_500 }', '{ pack = "1e-30 g", price = 4_500 }'),
    ("prices.toml", 'width = "115 cm"\nstep = "0.25 m"', 'width = "0.000000001 cm"\nstep = "1e-300 m"'),
    ("recipes/bingka-kentang.toml", 'qty = "250 g"', 'qty = "10000000000000000000000000000000000000000 g"'),
    ("recipes/bingka-kentang.toml", 'qty = "250 g"', 'qty = "0.000000000000000000000000000001 g"'),
    ("recipes/bingka-kentang.toml", "minutes = 40", "minutes = 1e300"),
    ("recipes/bingka-kentang.toml", "pieces_per_pack = 2", "pieces_per_pack = 1e-300"),
    ("planner.toml", "wage_per_hour = 30_602", "wage_per_hour = 1e300"),
    ("planner.toml", "round_to = 500", "round_to = 1e300"),
    ("planner.toml", "markup = 0.40", "markup = 1e300"),
    ("planner.toml", "commission = 0.20         # share", "commission = 0.99999999999999999999999999999999 #"),
    ("planner.toml", "sell_through = 0.85", "sell_through = 1e-300"),
    ("planner.toml", "hours_per_day = 8", "hours_per_day = 1e-300"),
    ("planner.toml", "workers = 1 ", "workers = 10000000000000000000000000000000000000000 "),
    ("planner.toml", "working_days = 25", "working_days = 1e999999999"),
    ("plans/pesanan-kenduri.toml", "pieces = 150", "pieces = 10000000000000000000000000000000000000000"),
    ("plans/pesanan-kenduri.toml", 'telur-itik = "10 butir"', 'telur-itik = "1e300 butir"'),
    ("patterns/kemeja-sekolah.toml", 'S = "1.85 m"', 'S = "999999999999999999 m"'),
    ("patterns/kemeja-sekolah.toml", "minutes = 35\n", "minutes = 35\nefficiency = 1e-300\n"),
    # Each within the limits, together beyond Decimal's 28 digits: reported, not a crash.
    (
        "prices.toml",
        'pack = "1 kg"\nprice = 18_000',
        'pack = "0.000000001 mg"\nyield = 0.000000001\nprice = 999_999_999_999',
    ),
]


@pytest.mark.parametrize("name,old,new", ABSURD, ids=[f"{n}:{new[:30]}" for n, _, new in ABSURD])
def test_an_absurd_figure_is_refused_not_a_crash(tmp_path, name, old, new):
    ws = workspace(tmp_path)
    text = (ws / name).read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1).encode("utf-8")
    (ws / name).write_bytes(broken)
    kind = name.split("/")[0].rstrip("s") if "/" in name else "catalog"
    target = name if "/" in name else "recipes/bingka-kentang.toml"
    for args, result in run_bounded(commands(target, kind), ws):
        assert_handled(result, args, broken)


def test_brackets_in_a_name_are_text_not_terminal_markup(tmp_path):
    """Rich read "[/]" in an item name as a closing style tag and crashed; "[est]" vanished."""
    ws = workspace(tmp_path)
    prices = ws / "prices.toml"
    prices.write_text(
        prices.read_text(encoding="utf-8").replace('name = "Gula pasir"', 'name = "Gula [/] pasir [est]"', 1),
        encoding="utf-8",
    )
    for args in (["cost", "recipes/bingka-kentang.toml"], ["cost", "recipes/bingka-kentang.toml", "--explain"]):
        result = run_cli(*args, cwd=ws)
        assert result.code == 0, result.err
        assert "Gula [/] pasir [est]" in result.out


def test_the_mutations_really_break_files():
    """Most seeds change the file, and the kinds of breakage all occur."""
    text = (ROOT / "recipes" / "bingka-kentang.toml").read_bytes()
    changed = sum(mutate(text, random.Random(s)) != text for s in range(100))
    assert changed >= 90


# ---------------------------------------------------------------- odd values for every option

ODD_OPTIONS = ["", "x" * 300, "=", "-1", "nan", "S=0", "gula-pasir=-200%", "9999-12-31"]
R, P, PL = "recipes/bingka-kentang.toml", "patterns/kemeja-sekolah.toml", "plans/pesanan-kenduri.toml"
OPTION_RUNS = [
    ["cost", R, "--set", "{}"],
    ["cost", P, "--size", "{}"],
    ["cost", P, "--fabric", "{}"],
    ["cost", "{}"],
    ["cost", R, "--format", "{}"],
    ["cost", R, "--lang", "{}"],
    ["cost", R, "-w", "{}"],
    ["cost", R, "-o", "{}"],
    ["price", R, "--channel", "{}"],
    ["price", R, "--markup", "{}"],
    ["price", R, "--margin", "{}"],
    ["breakeven", R, "--price", "{}"],
    ["breakeven", R, "--target", "{}"],
    ["breakeven", R, "--volume", "{}"],
    ["breakeven", R, "--volume", "100", "--capital", "{}"],
    ["plan", PL, "--today", "{}"],
    ["plan", "{}"],
    ["plan", R + "={}"],
    ["plan", PL, "--stock", "{}"],
    ["quote", P, "--sizes", "{}"],
    ["quote", P, "--size", "M", "--qty", "{}"],
    ["quote", P, "--size", "{}", "--qty", "1"],
    ["quote", P, "--size", "M", "--qty", "1", "--customer-fabric", "{}"],
    ["quote", P, "--size", "M", "--qty", "1", "--price", "{}"],
    ["quote", P, "--size", "M", "--qty", "1", "--today", "{}"],
    ["scale", R, "--pieces", "{}"],
    ["scale", R, "--factor", "{}"],
    ["compare", "recipes", "--sort", "{}"],
    ["whatif", R, "--change", "{}"],
    ["whatif", R, "--change", "gula-pasir={}"],
    ["check", "--today", "{}"],
    ["new", "recipe", "{}"],
    ["new", "{}", "x"],
    ["init", "{}"],
    ["schema", "{}"],
]


@pytest.mark.parametrize("template", OPTION_RUNS, ids=lambda t: " ".join(a for a in t if a != "{}")[:40])
def test_odd_option_values_are_handled(tmp_path, template):
    """Each option and argument takes empty, over-long, negative, nan and malformed values:
    exit 0, 1 or 2 with a message (these once crashed: `new recipe ""`, and a 300-character
    value in a usage error, looked up as a path)."""
    ws = workspace(tmp_path)
    runs = [[arg.replace("{}", odd) for arg in template] for odd in ODD_OPTIONS]
    for args, result in run_bounded(runs, ws):
        assert_handled(result, args, b"")


# ---------------------------------------------------------------- special files, writers, signals (issue 13)

SPECIAL = ["fifo", "dev-zero", "dev-null", "folder", "link-outside", "link-loop", "dangling", "huge"]
PLACES = {
    "sub-recipe": "recipes/santan-pandan.toml",
    "product": "recipes/bingka-kentang.toml",
    "catalog": "prices.toml",
    "settings": "planner.toml",
}


def make_special(path: Path, special: str) -> None:
    path.unlink()
    if special == "fifo":
        os.mkfifo(path)
    elif special in ("dev-zero", "dev-null"):
        path.symlink_to("/dev/" + special.split("-")[1])
    elif special == "folder":
        path.mkdir()
    elif special == "link-outside":
        path.symlink_to("/etc/hostname")
    elif special == "link-loop":
        path.symlink_to(path.name)
    elif special == "dangling":
        path.symlink_to(path.name + ".gone")
    else:
        path.write_bytes(b"# " + b"x" * (5 * 1024 * 1024) + b"\n")


@pytest.mark.parametrize("special", SPECIAL)
@pytest.mark.parametrize("place", list(PLACES))
def test_a_special_file_in_place_of_a_file_never_hangs_or_crashes(tmp_path, place, special):
    """A FIFO, a device, a folder, a link out of the workspace or in a loop, or a huge file
    where a sub-recipe, a plan's product, the catalog or the settings should be."""
    ws = workspace(tmp_path)
    target = ws / PLACES[place]
    make_special(target, special)
    kind = os.lstat(target).st_mode
    runs = [["cost", R], ["check"], ["plan", PL], ["compare", "recipes", "-f", "csv"], ["cost", R, "-o", "x.txt"]]
    for args, result in run_bounded(runs, ws):
        assert_handled(result, args, special.encode())
    assert os.lstat(target).st_mode == kind, "a special file was changed"


WRITERS = [
    ["cost", R, "-o", "hasil.toml"],
    ["price", R, "-f", "json", "-o", "hasil.toml"],
    ["scale", R, "--pieces", "24", "-o", "hasil.toml"],
    ["new", "recipe", "hasil"],
]


def _child(args: list[str], cwd: Path):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80", "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "planner", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.parametrize("seed", range(3))
def test_concurrent_writers_leave_one_complete_file(tmp_path, seed):
    """Eight writers at once on one name, some with --force: the file is one writer's whole
    output, no temporary file is left, and each run that lost says the file exists."""
    rng = random.Random(f"writers-{seed}")
    ws = workspace(tmp_path)
    outputs = set()
    for args in WRITERS:  # what each writes alone
        result = run_cli(*args, "--force", cwd=ws)
        assert result.code == 0, result.err
        outputs.add((ws / "hasil.toml").read_bytes())
    (ws / "hasil.toml").unlink()
    runs = [rng.choice(WRITERS) + (["--force"] if rng.random() < 0.4 else []) for _ in range(8)]
    children = [_child(args, ws) for args in runs]
    for args, child in zip(runs, children):
        err = child.stderr.read().decode("utf-8", "replace")
        child.stderr.close()
        code = child.wait(timeout=60)
        assert code in (0, 1) and "Traceback" not in err and "internal error" not in err, (args, err)
        assert code == 0 or "--force" not in args, (args, err)
    assert (ws / "hasil.toml").read_bytes() in outputs
    assert list(ws.glob(".*.tmp")) == []


@pytest.mark.parametrize("seed", range(4))
def test_a_signal_during_init_leaves_all_or_nothing(tmp_path, seed):
    """SIGINT or SIGTERM at a random moment of `init`: both files complete, or neither."""
    rng = random.Random(f"signal-{seed}")
    folder = tmp_path / "usaha"
    child = _child(["init", str(folder)], tmp_path)
    time.sleep(rng.uniform(0.05, 0.5))  # when to send the signal (not a measurement)
    child.send_signal(rng.choice([signal.SIGINT, signal.SIGTERM]))
    child.stderr.read()
    child.stderr.close()
    child.wait(timeout=60)
    written = sorted(p.name for p in folder.glob("*.toml")) if folder.exists() else []
    assert written in ([], ["planner.toml", "prices.toml"])
    for name in written:
        assert (folder / name).read_bytes() == (ROOT / "planner" / "data" / name).read_bytes()
    assert not list(tmp_path.rglob(".*.tmp"))
