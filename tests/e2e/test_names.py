"""Names a plan really gets: after its title, long, in any script, with
spaces or a leading dash, through every command. A name leaves room for the
journal SQLite keeps beside a plan (its name plus "-journal"): up to 247
bytes on a disk of 255 a name everything works, edits included; a longer
plan name is refused when a plan is made, with a name that fits proposed,
and an existing one opens read-only saying so. Exports, which have no side
files, take any name the disk accepts."""

import os
from pathlib import Path

import pytest

from tests.conftest import run_tandem

pytestmark = pytest.mark.e2e


def named(size: int, letter: str = "p", suffix: str = ".tandem") -> str:
    """A name of exactly `size` bytes."""
    room = size - len(suffix.encode())
    width = len(letter.encode())
    stem = letter * (room // width) + "x" * (room % width)
    name = stem + suffix
    assert len(os.fsencode(name)) == size
    return name


FITTING = [named(1, suffix=""), named(200), named(247), named(247, "\u00fc"),
           named(247, "\u4e2d"), "Plan 2027 for sales & marketing.tandem", "-dash first.tandem"]
TOO_LONG = [named(248), named(255), named(248, "\u00fc")]


@pytest.mark.parametrize("name", FITTING, ids=lambda n: f"{len(os.fsencode(n))}b-{n[:6]}")
def test_a_name_that_fits_works_through_every_command(name: str, tmp_path: Path) -> None:
    from planner.model import Goal
    from planner.operations import goals
    from planner.store.plan_store import PlanStore

    os.chdir(tmp_path)  # relative names, a leading dash taken after "--"
    assert run_tandem("demo", "--", name).returncode == 0
    with PlanStore.open(tmp_path / name) as store:  # edits are saved
        assert not store.read_only, store.read_only_reason
        store.commit(goals.reword(store.rows(Goal)[0], title="Edited under a long name"))
    # Tandem's own side file while it is open fits the disk too.
    with PlanStore.open(tmp_path / name) as store:
        store.commit(goals.reword(store.rows(Goal)[1], title="Edited again"))
        assert all(len(os.fsencode(p.name)) <= 255 for p in tmp_path.iterdir())
    assert run_tandem("check", "--", name).returncode in (0, 1)
    assert "integrity ok" in run_tandem("check", "--", name).stdout
    for flag, out in (("--pdf", named(255, suffix=".pdf")), ("--json", named(250, suffix=".json")),
                      ("--ics", "cal"), ("--csv", "csv")):
        done = run_tandem("export", flag, out, "--", name)
        assert done.returncode == 0, (flag, done.stderr)
    assert (tmp_path / named(255, suffix=".pdf")).read_bytes().startswith(b"%PDF")
    copy = "i" + name[1:] if len(name) > 1 else "i"
    done = run_tandem("import", named(250, suffix=".json"), copy)
    assert done.returncode == 0, done.stderr
    done = run_tandem("diff", "--", name, copy)
    assert done.returncode == 0, done.stderr
    merged = "m" + name[1:] if len(name) > 1 else "m"
    done = run_tandem("merge", "-o", merged, "--", name, copy)
    assert done.returncode == 0, done.stderr
    assert "integrity ok" in run_tandem("check", "--", merged).stdout
    left = {p.name for p in tmp_path.iterdir()}
    assert not [n for n in left if n.endswith((".part", ".lock", "-wal", "-shm", "-journal"))]


@pytest.mark.parametrize("name", TOO_LONG, ids=lambda n: f"{len(os.fsencode(n))}b-{n[:2]}")
def test_a_plan_name_with_no_room_for_its_journal_is_refused_with_one_that_fits(
        name: str, tmp_path: Path) -> None:
    os.chdir(tmp_path)
    for command in (("demo", "--", name), ):
        done = run_tandem(*command)
        assert done.returncode == 1
        said = done.stderr.strip()
        assert said.startswith("tandem: The name \u201c") and "too long for a plan" in said
        assert "at most 247" in said and said.count("\n") == 0
        proposed = said.rsplit("Try \u201c", 1)[1].rstrip("\u201d.")
        assert proposed.endswith(".tandem")
    assert list(tmp_path.iterdir()) == []
    # import and merge -o refuse it the same way, and leave nothing.
    assert run_tandem("demo", "small.tandem").returncode == 0
    assert run_tandem("export", "small.tandem", "--json", "small.json").returncode == 0
    for command in (("import", "small.json", name), ("merge", "small.tandem", "small.tandem",
                                                      "-o", name)):
        done = run_tandem(*command)
        assert done.returncode == 1 and "too long for a plan" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.json", "small.tandem"]


def test_a_plan_renamed_past_the_limit_opens_read_only_and_says_why(tmp_path: Path) -> None:
    from planner.store.plan_store import PlanStore

    os.chdir(tmp_path)
    assert run_tandem("demo", "plan.tandem").returncode == 0
    long = tmp_path / named(252)
    os.rename("plan.tandem", long)
    with PlanStore.open(long) as store:
        assert store.read_only
        assert "too long for a plan" in str(store.read_only_reason)
        assert "It is open read-only until it is renamed." in str(store.read_only_reason)
    done = run_tandem("export", long.name, "--pdf", "out.pdf")
    assert done.returncode == 0, done.stderr
    assert "integrity ok" in run_tandem("check", long.name).stdout


def test_an_export_name_too_long_for_the_disk_says_by_how_much(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    assert run_tandem("demo", "plan.tandem").returncode == 0
    done = run_tandem("export", "plan.tandem", "--pdf", named(260, suffix=".pdf"))
    assert done.returncode == 1
    assert "is 5 bytes too long for this disk (it allows 255 bytes a name)" in done.stderr
    assert "try \u201c" in done.stderr and done.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.tandem"]
