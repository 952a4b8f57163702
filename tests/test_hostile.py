"""Hostile input (issue 13): the user's files stay safe, output stays inert, nothing crashes.

Each test is a reproduction of the attack that found the problem (design decisions 17-19).
Nothing here is timed: a run that could hang runs in a child process killed after a generous
limit, so a hang fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.writing import Terminated, write_all, write_text
from tests.conftest import ROOT, run_cli

R, PL = "recipes/bingka-kentang.toml", "plans/pesanan-kenduri.toml"
HANG = 20  # seconds after which a child counts as hung (the usual run: 0.2 s)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """The shipped examples with an editable copy of the defaults: a workspace the user owns."""
    import shutil

    for name in ("recipes", "patterns", "plans"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("planner.toml", "prices.toml"):
        shutil.copy(ROOT / "planner" / "data" / name, tmp_path / name)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def planner(*args: str, cwd: Path, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    """planner in a child process (for what a harness in this process cannot do: pipes, signals)."""
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        cwd=cwd,
        env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        timeout=HANG,
        **kwargs,
    )


def line_of_text(text: str, start: str) -> int:
    """The number of the first line starting with ``start``."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if line.startswith(start))


def assert_told(result, *, codes=(1,)) -> None:
    """Exit 1 (or 2), a message, no traceback, no internal error."""
    err = result.err if hasattr(result, "err") else result.stderr.decode("utf-8", "replace")
    code = result.code if hasattr(result, "code") else result.returncode
    assert code in codes, f"exit {code}: {err}"
    assert err.strip() and "Traceback" not in err and "internal error" not in err, err
    assert len(err.strip().splitlines()) >= 1


# ---------------------------------------------------------------- the user's files are safe


INPUTS = ["recipes/santan-pandan.toml", "prices.toml", "planner.toml", R]


@pytest.mark.parametrize("target", INPUTS)
@pytest.mark.parametrize("spelling", ["plain", "dot", "absolute", "symlink", "hardlink"])
def test_no_output_replaces_a_file_the_run_read(ws, target, spelling):
    """`cost … -o recipes/santan-pandan.toml --force` replaced the sub-recipe it had just read."""
    out = {"plain": target, "dot": f"./{target}", "absolute": str(ws / target)}.get(spelling)
    if out is None:
        out = "other-name.toml"
        (os.symlink if spelling == "symlink" else os.link)(ws / target, ws / out)
    before = snapshot(ws)
    result = run_cli("cost", R, "-o", out, "--force", cwd=ws)
    assert_told(result)
    assert snapshot(ws) == before


@pytest.mark.parametrize("args", [["new", "recipe", "prices", "--force"], ["new", "plan", "planner", "--force"]])
def test_new_never_replaces_the_settings_or_catalog_it_read(ws, args):
    before = snapshot(ws)
    assert_told(run_cli(*args, cwd=ws))
    assert snapshot(ws) == before


def test_a_file_that_failed_to_read_is_an_input_too(ws):
    """A sub-recipe that is not UTF-8 was read but not parsed: --keep-going wrote over it."""
    sub = ws / "recipes" / "santan-pandan.toml"
    sub.write_bytes(b'name = "x\xff"\n')
    args = ("compare", "recipes/roti-sobek.toml", R, "--keep-going", "-o", str(sub), "--force")
    assert_told(run_cli(*args, cwd=ws))
    assert sub.read_bytes() == b'name = "x\xff"\n'


@pytest.mark.parametrize("kind", ["device", "fifo", "symlink", "dangling", "folder"])
def test_output_goes_only_onto_a_regular_file_or_a_new_name(ws, kind):
    """`-o /dev/null --force` as root replaced the device with a regular file."""
    target = ws / "out"
    if kind == "device":
        target = Path(os.devnull)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (ws / "precious.txt").write_bytes(b"mine")
        target.symlink_to(ws / "precious.txt")
    elif kind == "dangling":
        target.symlink_to(ws / "nowhere.txt")
    else:
        target.mkdir()
    mode = os.lstat(target).st_mode
    result = planner("cost", R, "-o", str(target), "--force", cwd=ws)
    assert_told(result)
    assert stat.S_IFMT(os.lstat(target).st_mode) == stat.S_IFMT(mode)
    assert not (ws / "nowhere.txt").exists()
    if kind == "symlink":
        assert (ws / "precious.txt").read_bytes() == b"mine"


@pytest.mark.slow  # child processes (a few seconds)
def test_of_twenty_simultaneous_new_runs_exactly_one_creates_the_file(ws):
    """Two `new` runs on one path both "succeeded" (the second replaced the first)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "planner", "new", "recipe", "recipes/kue-baru", "--lang", "en"],
            cwd=ws,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(20)
    ]
    results = [(run.wait(timeout=HANG * 3), run.stderr.read().decode()) for run in runs]
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    assert sorted(code for code, _err in results) == [0] + [1] * 19, results
    assert all("already exists" in err for code, err in results if code)
    assert [p.name for p in (ws / "recipes").glob(".*.tmp")] == []
    assert run_cli("check", "recipes/kue-baru.toml", cwd=ws).code == 0


def test_init_on_a_full_disk_leaves_no_half_workspace(tmp_path, monkeypatch):
    """`init` on a full disk wrote planner.toml and then failed on prices.toml."""
    calls = []
    real_fsync = os.fsync

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = run_cli("init", str(tmp_path / "usaha" / "kue"))
    monkeypatch.undo()
    assert_told(result)
    assert list(tmp_path.iterdir()) == []


def test_schema_output_is_all_or_nothing(tmp_path, monkeypatch):
    real_link = os.link

    def link(src, dst, *a, **k):
        if "recipe" in str(dst):
            raise OSError(28, "No space left on device")
        return real_link(src, dst, *a, **k)

    monkeypatch.setattr(os, "link", link)
    result = run_cli("schema", "--output", str(tmp_path / "schemas"))
    monkeypatch.undo()
    assert_told(result)
    assert list(tmp_path.iterdir()) == []


def _terminate_during(step: str, monkeypatch) -> None:
    """SIGTERM arrives while ``step`` runs (the process sends it to itself)."""
    real = getattr(os, step)

    def interrupted(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        return real(*args, **kwargs)

    monkeypatch.setattr(os, step, interrupted)


@pytest.mark.parametrize("step", ["fsync", "replace", "link"])
@pytest.mark.parametrize("exists", [True, False], ids=["old-file", "new-file"])
def test_sigterm_during_a_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, step, exists):
    target = tmp_path / "hasil.toml"
    if exists:
        target.write_bytes(b"old\n")
    _terminate_during(step, monkeypatch)
    try:
        write_text(target, "new\n" * 1000, force=True)
    except Terminated as caught:
        assert caught.exit_code == 128 + signal.SIGTERM
    monkeypatch.undo()
    left = sorted(p.name for p in tmp_path.iterdir())
    # the signal lands inside the step: the old file, or the complete new one (when the rename ran)
    assert left in (["hasil.toml"], []) if exists or step != "fsync" else left == []
    if target.exists():
        assert target.read_bytes() in (b"old\n", b"new\n" * 1000)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_sigterm_during_a_cli_write_exits_143(ws, monkeypatch):
    (ws / "hasil.txt").write_bytes(b"old\n")
    _terminate_during("fsync", monkeypatch)
    result = run_cli("cost", R, "-o", "hasil.txt", "--force", cwd=ws)
    monkeypatch.undo()
    assert result.code == 128 + signal.SIGTERM
    assert (ws / "hasil.txt").read_bytes() == b"old\n"
    assert list(ws.glob(".*.tmp")) == []


@pytest.mark.slow  # child processes (a few seconds)
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signals_at_random_moments_leave_old_or_complete_new(ws, signum):
    """A real process signalled at random moments of a run that writes a file."""
    import random
    import time

    args = [sys.executable, "-m", "planner", "plan", PL, "-f", "json", "-o", "hasil.json", "--force"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    complete = planner("plan", PL, "-f", "json", cwd=ws).stdout
    (ws / "hasil.json").write_bytes(b"old\n")
    rng = random.Random(signum)
    for _ in range(8):
        child = subprocess.Popen(args, cwd=ws, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.6))  # not a measurement: when to send the signal
        child.send_signal(signum)
        child.wait(timeout=HANG)
        assert (ws / "hasil.json").read_bytes() in (b"old\n", complete)
        assert list(ws.glob(".*.tmp")) == []


WINDOWS_LACKS = [
    (os, "fchmod"),
    (os, "fchown"),
    (os, "O_NONBLOCK"),
    (os, "O_NOCTTY"),
    (os, "O_NOFOLLOW"),
    (os, "getuid"),
    (os, "geteuid"),
    (signal, "SIGHUP"),
]


def test_the_writers_and_readers_need_nothing_python_lacks_on_windows(ws, monkeypatch):
    """Every write used os.fchmod, which Python 3.11 has not on Windows: every write crashed there."""
    for module, name in WINDOWS_LACKS:
        if hasattr(module, name):
            monkeypatch.delattr(module, name)
    runs = [
        ["cost", R, "-o", "out/cost.txt"],
        ["scale", R, "--pieces", "24", "-o", "out/scaled.toml"],
        ["new", "recipe", "out/kue"],
        ["init", "baru"],
        ["schema", "--output", "out/schemas"],
    ]
    (ws / "out").mkdir()
    for args in runs:
        result = run_cli(*args, cwd=ws)
        assert result.code == 0, f"{args}: {result.err}"
    write_all([(ws / "out" / "a.txt", "a"), (ws / "out" / "b.txt", "b")])
    assert (ws / "out" / "b.txt").read_text() == "b"


def test_a_write_refused_for_one_file_writes_none(tmp_path):
    (tmp_path / "b.txt").write_text("mine")
    with pytest.raises(InputError):
        write_all([(tmp_path / "a.txt", "a"), (tmp_path / "b.txt", "b")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt"]


# ---------------------------------------------------------------- files are read safely


@pytest.mark.parametrize("where", ["argument", "plan product", "sub-recipe", "check"])
def test_a_fifo_or_device_is_refused_without_waiting(ws, where):
    """A FIFO as a plan's product hung `plan` and `check`; `cost /dev/zero` took 4 GB in 4 s."""
    os.mkfifo(ws / "recipes" / "pipa.toml")
    plan = ws / "plans" / "pesanan-kenduri.toml"
    recipe = ws / R
    if where == "plan product":
        plan.write_text(plan.read_text().replace("../recipes/bingka-kentang.toml", "../recipes/pipa.toml", 1))
        args = ["plan", PL]
    elif where == "sub-recipe":
        recipe.write_text(recipe.read_text().replace('recipe = "santan-pandan"', 'recipe = "pipa"'))
        args = ["cost", R]
    elif where == "check":
        args = ["check", "recipes/pipa.toml"]
    else:
        args = ["cost", "recipes/pipa.toml"]
    result = planner(*args, "--lang", "en", cwd=ws)
    assert_told(result)
    assert "a device, a pipe or a socket" in result.stderr.decode()
    result = planner("cost", "/dev/zero", "--lang", "en", cwd=ws)
    assert_told(result)


def test_a_file_over_4_mb_is_refused(ws):
    (ws / "besar.toml").write_bytes(b"# " + b"x" * (4 * 1024 * 1024) + b"\n")
    result = run_cli("cost", "besar.toml", "--lang", "en", cwd=ws)
    assert_told(result)
    assert "larger than 4 MB" in result.err


def test_a_utf8_bom_is_accepted_and_lines_stay_right(ws):
    recipe = ws / R
    text = recipe.read_text(encoding="utf-8")
    recipe.write_bytes(b"\xef\xbb\xbf" + text.replace('qty = "250 g"', 'qty = "250 parsec"', 1).encode())
    result = run_cli("cost", R, "--lang", "en", cwd=ws)
    line = line_of_text(text, 'item = "kentang"')  # a line's unit problem is told at its item
    assert result.code == 1 and f"{R}:{line}: unknown unit 'parsec'" in result.err, result.err
    recipe.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert run_cli("cost", R, cwd=ws).code == 0


@pytest.mark.parametrize(
    "nested",
    [
        "\n[batch." + ".".join(["a"] * 500) + "]\nx = 1\n",
        "\nx = " + "[" * 500 + "]" * 500 + "\n",
        "\nx = " + "{ a = " * 300 + "1" + " }" * 300 + "\n",
    ],
    ids=["500 table parts", "500 lists", "300 inline tables"],
)
def test_deep_nesting_is_an_error_naming_the_limit(ws, nested):
    (ws / R).write_text((ws / R).read_text() + nested)
    for args in (["cost", R, "--lang", "en"], ["check", "--lang", "en"]):
        result = run_cli(*args, cwd=ws)
        assert_told(result)
        assert "nested more than 32 levels deep" in result.err


def test_a_190_deep_sub_recipe_chain_stops_at_the_limit(ws):
    for i in range(190):
        line = f'recipe = "r{i + 1}"' if i < 189 else 'item = "gula-pasir"'
        (ws / "recipes" / f"r{i}.toml").write_text(
            f'name = "R{i}"\n[batch]\npieces = 1\noutput = "1 kg"\nminutes = 1\n[[ingredients]]\n{line}\nqty = "1 g"\n'
        )
    for args in (["cost", "recipes/r0.toml", "--lang", "en"], ["check", "--lang", "en"], ["compare", "recipes"]):
        result = run_cli(*args, cwd=ws)
        assert_told(result)
    assert "more than 16 levels deep" in run_cli("cost", "recipes/r0.toml", "--lang", "en", cwd=ws).err


@pytest.mark.parametrize("ref", ["../../outside", "/etc/hostname", "../../../../../../etc/passwd"])
def test_references_stay_inside_the_workspace(ws, ref):
    (ws.parent / "outside.toml").write_text((ws / "recipes" / "santan-pandan.toml").read_text())
    recipe = ws / R
    recipe.write_text(recipe.read_text().replace('recipe = "santan-pandan"', f'recipe = "{ref}"'))
    plan = ws / PL
    plan.write_text(plan.read_text().replace('"../recipes/bingka-kentang.toml"', f'"{ref}"', 1))
    for args in (["cost", R], ["check"], ["plan", PL]):
        result = run_cli(*args, "--lang", "en", cwd=ws)
        assert_told(result)
        assert "lies outside" in result.err


def test_a_symlink_out_of_the_workspace_is_outside(ws, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "santan.toml").write_text((ws / "recipes" / "santan-pandan.toml").read_text())
    (ws / "recipes" / "santan-pandan.toml").unlink()
    (ws / "recipes" / "santan-pandan.toml").symlink_to(elsewhere / "santan.toml")
    result = run_cli("cost", R, "--lang", "en", cwd=ws)
    assert_told(result)
    assert "lies outside" in result.err


def test_without_a_workspace_a_plan_reaches_its_recipes(examples):
    """No planner.toml: the boundary is the current folder (or the folder above the named file)."""
    assert run_cli("plan", PL, cwd=examples).code == 0
    assert run_cli("plan", str(examples / PL), cwd=ROOT / "docs").code == 0


# ---------------------------------------------------------------- no internal error from anything

HUGE = "1" * 4301


@pytest.mark.parametrize(
    "args",
    [
        ["scale", R, "--pieces", HUGE],
        ["plan", f"{R}={HUGE}"],
        ["cost", R, "--set", f"gula-pasir={HUGE}"],
        ["quote", "patterns/kemeja-sekolah.toml", "--size", "M", "--qty", HUGE],
        ["breakeven", R, "--volume", HUGE],
        ["scale", R, "--pieces", "²"],
    ],
    ids=lambda a: " ".join(x[:12] for x in a),
)
def test_huge_digit_strings_on_the_command_line(ws, args):
    assert_told(run_cli(*args, cwd=ws), codes=(1, 2))


def test_a_huge_number_in_a_file_is_told_at_its_own_line(ws):
    """A long text before it made the error point at the text's line."""
    recipe = ws / R
    recipe.write_text(recipe.read_text().replace('name = "Bingka kentang"', 'name = "' + "1" * 2000 + '"'))
    lines = recipe.read_text().splitlines()
    at = line_of_text(recipe.read_text(), "pieces = 8") - 1
    lines[at] = "pieces = " + HUGE
    recipe.write_text("\n".join(lines) + "\n")
    result = run_cli("cost", R, cwd=ws)
    assert_told(result)
    assert result.err.startswith(f"{R}:{at + 1}:"), result.err


@pytest.mark.parametrize("epoch", ["99999999999999", HUGE, "-1", "x", "1e3", "٣"])
def test_odd_source_date_epoch(ws, epoch):
    assert run_cli("cost", R, "-f", "html", cwd=ws, env={"SOURCE_DATE_EPOCH": epoch}).code == 0


def test_a_deleted_current_folder(tmp_path):
    gone = tmp_path / "gone"
    for args in (["cost", str(ROOT / R)], ["check"], ["--help"], ["nope"]):
        gone.mkdir()
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
                "sys.argv = ['planner', *sys.argv[1:]]; from planner.cli import main; main()",
                *args,
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            timeout=HANG,
        )
        assert_told(result)


@pytest.mark.parametrize(
    "how",
    ["closed", "broken pipe", "full", "ascii", "latin-1"],
)
def test_stdout_that_is_closed_broken_full_or_not_utf8(ws, how):
    command = ["check"] if how == "broken pipe" else ["cost", R]
    if how == "closed":
        result = subprocess.run(
            [sys.executable, "-m", "planner", *command, "--lang", "en"],
            cwd=ws,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=HANG,
            pass_fds=(),
            preexec_fn=lambda: os.close(1),
        )
        assert_told(result)
        assert b"could not write the output" in result.stderr
        return
    if how == "broken pipe":
        reader = subprocess.Popen(
            [sys.executable, "-m", "planner", *command, "--lang", "en"],
            cwd=ws,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        reader.stdout.readline()  # `| head -1`
        reader.stdout.close()
        err = reader.stderr.read()
        reader.stderr.close()
        code = reader.wait(timeout=HANG)
        assert code in (0, 1) and b"Traceback" not in err and b"Exception ignored" not in err, err
        return
    if how == "full":
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "planner", *command],
                cwd=ws,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stdout=full,
                stderr=subprocess.PIPE,
                timeout=HANG,
            )
        assert_told(result)
        return
    result = planner(*command, cwd=ws, env={"PYTHONIOENCODING": how})
    assert result.returncode == 0, result.stderr
    assert b"Bingka kentang" in result.stdout


def test_check_fails_wherever_another_command_would(ws):
    """`check` must not pass what `cost` refuses (a unit circle, a reference outside, a FIFO)."""
    prices = ws / "prices.toml"
    prices.write_text(prices.read_text().replace('units = { sdt = "4 g"', 'units = { g = "2 g", sdt = "4 g"', 1))
    assert run_cli("cost", R, cwd=ws).code == 1
    assert run_cli("check", cwd=ws).code == 1


def test_a_unit_circle_is_an_error_not_256_grams(ws):
    prices = ws / "prices.toml"
    assert 'units = { sdt = "4 g"' in prices.read_text()
    prices.write_text(prices.read_text().replace('units = { sdt = "4 g"', 'units = { g = "2 g", sdt = "4 g"', 1))
    result = run_cli("cost", R, "--lang", "en", cwd=ws)
    assert result.code == 1 and "in a circle: g → g" in result.err


def test_names_the_planner_uses_itself_stay_the_users(ws):
    """An operation called "labor" became "Hands-on work"; an equipment called "minutes" too."""
    pattern = ws / "patterns" / "kemeja-sekolah.toml"
    text = pattern.read_text()
    first = re.search(r'\[\[operations\]\]\nname = "([^"]+)"', text)
    assert first
    pattern.write_text(text.replace(f'name = "{first.group(1)}"', 'name = "labor"', 1))
    out = run_cli("cost", "patterns/kemeja-sekolah.toml", "--size", "M", "--lang", "en", cwd=ws).out
    assert "labor" in out and "Hands-on work" not in out
    settings = ws / "planner.toml"
    settings.write_text(settings.read_text().replace('name = "oven"', 'name = "minutes"'))
    recipe = ws / R
    recipe.write_text(recipe.read_text().replace('equipment = "oven"', 'equipment = "minutes"'))
    out = run_cli("scale", R, "--pieces", "16", "--lang", "en", cwd=ws).out
    assert out.count("Hands-on work") == 1 and "minutes" in out


def test_records_with_tables_hash():
    from planner.models import Item

    item = Item.model_validate({"pack": "1 kg", "price": 1000, "units": {"sdm": "8 g"}}, context={"places": 0})
    assert hash(item) == hash(item.copy()) and item in {item}


# ---------------------------------------------------------------- line numbers that are right


def test_lines_after_a_multi_line_string_and_for_non_ascii_keys(ws):
    from planner.tomlfile import line_index

    text = 'notes = """\n[batch]\npieces = 1\n"""\n"gula ñ" = 1\n[batch]\npieces = 8\n["kué".x]\ny = 1\n'
    index = line_index(text)
    assert index[("batch",)] == 6 and index[("batch", "pieces")] == 7
    assert index[("gula ñ",)] == 5 and index[("kué", "x", "y")] == 9
    recipe = ws / R
    lines = recipe.read_text().splitlines()
    lines.insert(1, 'notes = """\nminutes = 1\n[batch]\n"""')
    recipe.write_text("\n".join(lines).replace('qty = "250 g"', 'qty = "250 parsec"', 1) + "\n")
    result = run_cli("cost", R, "--lang", "en", cwd=ws)
    want = line_of_text(recipe.read_text(), 'qty = "250 parsec"') - 1  # told at its item, the line before
    assert f"{R}:{want}: unknown unit" in result.err, result.err


# ---------------------------------------------------------------- output is inert

EVIL = '\\u001b]0;pwned\\u0007\\u001b[31m=HYPERLINK(\\"http://x\\")\\r\\n<script>x</script> @SUM(1)'


@pytest.mark.parametrize("fmt", ["table", "csv", "md", "json", "html", "text"])
def test_no_escape_or_bell_from_user_text_reaches_the_output(ws, fmt):
    prices = ws / "prices.toml"
    prices.write_text(prices.read_text().replace('name = "Gula pasir"', f'name = "{EVIL}"', 1))
    recipe = ws / R
    recipe.write_text(
        recipe.read_text().replace('name = "Bingka kentang"', f'name = "{EVIL}"', 1)
        + '\n[[overhead]]\nitem = "\\u001b[2Jgula"\nqty = "1 g"\n'
    )
    for args in (["cost", R, "-f", fmt], ["cost", R, "-f", fmt, "--explain", "--lang", "en"]):
        result = run_cli(*args, cwd=ws)
        assert "\x1b" not in result.out + result.err and "\x07" not in result.out + result.err
        assert "\r" not in result.out + result.err
    recipe.write_text(recipe.read_text().replace('[[overhead]]\nitem = "\\u001b[2Jgula"\nqty = "1 g"\n', ""))
    result = run_cli("cost", R, "-f", fmt, cwd=ws)
    assert result.code == 0, result.err
    if fmt == "csv":
        import csv
        import io

        cells = [cell for row in csv.reader(io.StringIO(result.out)) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"-?[\d.]+", c)]
        assert any(c.startswith("'\ufffd]0;pwned") or c.startswith("'=") for c in cells) or cells
    if fmt == "md":
        headings = [line for line in result.out.splitlines() if line.startswith("#")]
        assert headings and all("&lt;script&gt;" in h for h in headings[:1])
        assert "<script>" not in result.out
    if fmt == "json":
        import json

        assert json.loads(result.out)["product"].startswith("\x1b]0;pwned\x07")  # the data is exact, escaped


def test_a_terminal_gets_rich_colours_but_no_user_escapes(ws):
    import pty

    recipe = ws / R
    recipe.write_text(recipe.read_text().replace('name = "Bingka kentang"', f'name = "{EVIL}"', 1))
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal, colours on
        os.chdir(ws)
        os.environ.pop("NO_COLOR", None)
        os.environ.update({"TERM": "xterm-256color", "PYTHONPATH": str(ROOT)})
        os.execv(sys.executable, [sys.executable, "-m", "planner", "cost", R])
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    assert b"\x1b[" in out  # rich's own colours
    assert b"\x07" not in out and b"\x1b]" not in out and b"\x1b[31m" not in out


def test_csv_cells_never_start_a_formula():
    from planner.render.inert import csv_cell

    assert [csv_cell(c) for c in ("=1+1", "+1", "-x", "@A", "\tx", "\rx", "-1500", "1.5", "-0.25", "gula")] == [
        "'=1+1",
        "'+1",
        "'-x",
        "'@A",
        "'\tx",
        "'\rx",
        "-1500",
        "1.5",
        "-0.25",
        "gula",
    ]


def test_a_problem_told_on_stderr_is_inert(ws):
    recipe = ws / R
    recipe.write_text(recipe.read_text().replace('item = "kentang"', 'item = "\\u001b]0;x\\u0007kentang"', 1))
    result = run_cli("cost", R, cwd=ws)
    assert result.code == 1 and "\x1b" not in result.err and "\x07" not in result.err
    result = run_cli("cost", "\x1b[31mx.toml", cwd=ws)
    assert result.code in (1, 2) and "\x1b" not in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["check", "locked"],
        ["cost", "locked/sub/kue.toml"],
        ["compare", "locked"],
        ["new", "recipe", "locked/x"],
        ["init", "locked/ws"],
        ["cost", R, "-o", "locked/out.txt"],
        ["schema", "-o", "locked/s"],
        ["check", "-w", "locked"],
    ],
    ids=lambda a: " ".join(a),
)
def test_an_unreadable_folder_is_told(ws, monkeypatch, args):
    """An unreadable folder gave a traceback (as root nothing is unreadable: the system calls
    that look into it are made to refuse, as they do for another user)."""
    (ws / "locked" / "sub").mkdir(parents=True)
    (ws / "locked" / "sub" / "kue.toml").write_text((ws / R).read_text())

    def refusing(call):
        def refused(path, *rest, **kwargs):
            if not isinstance(path, int) and "locked" in os.fspath(path):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return call(path, *rest, **kwargs)

        return refused

    for name in ("stat", "lstat", "scandir", "open", "listdir", "mkdir"):
        monkeypatch.setattr(os, name, refusing(getattr(os, name)))
    result = run_cli(*args, "--lang", "en", cwd=ws)
    monkeypatch.undo()
    assert_told(result, codes=(1, 2))


def test_a_nul_in_a_referenced_name(ws):
    """A NUL in a plan's product or a sub-recipe (no file name can hold one) was an internal error."""
    plan = ws / PL
    plan.write_text(plan.read_text().replace('"../recipes/bingka-kentang.toml"', '"../recipes/a\\u0000b"', 1))
    recipe = ws / R
    recipe.write_text(recipe.read_text().replace('recipe = "santan-pandan"', 'recipe = "a\\u0000b"'))
    for args in (["plan", PL], ["check"], ["cost", R]):
        assert_told(run_cli(*args, cwd=ws))
