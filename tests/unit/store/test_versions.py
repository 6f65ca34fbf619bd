"""Named versions, the plan as it stood at any place in its history, copies."""

import sqlite3
from pathlib import Path

import pytest

from planner.errors import InvalidEdit, PlanError, PlanFileError, ReadOnlyPlan
from planner.model import FieldRide, Goal, Person
from planner.operations import goals
from planner.operations.rows import edit, remove
from planner.store.fileformat import SCHEMA_VERSION
from planner.store.plan_store import PlanStore
from tests.conftest import FIXTURES, file_rows


def test_a_version_is_the_plan_as_it_stood_when_saved(large_path: Path) -> None:
    with PlanStore.open(large_path) as store:
        before = store.state()
        first = store.save_version("Before the offsite", "As sent to the board.", "Amara")
        goal, ride = store.rows(Goal)[3], store.rows(FieldRide)[7]
        store.commit(goals.reword(goal, title="Reworded at the offsite"))
        store.commit(remove([ride]))
        after = store.state()
        second = store.save_version("After the offsite", author="Bjorn")
        store.commit(goals.reword(store.get(Goal, goal.id), title="Later"))  # type: ignore[arg-type]
        assert [v.name for v in store.versions()] == ["Before the offsite", "After the offsite"]
        assert (first.note, first.author, first.automatic) == ("As sent to the board.", "Amara",
                                                               False)
        assert store.state(first.seq) == before
        assert store.state(second.seq) == after
        assert store.version("After the offsite") == second and store.version(first.id) == first
        with pytest.raises(PlanError, match="no version \u201cnope\u201d"):
            store.version("nope")
    # Versions live in the file: a fresh open finds them, and the plan as it was.
    with PlanStore.open(large_path, read_only=True) as again:
        assert again.state(again.version("Before the offsite").seq) == before


def test_a_version_needs_a_name_and_changes_no_row(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        rows = file_rows(sample_path)
        for bad in ("", "   ", "x" * 301, "nul\x00"):
            with pytest.raises(InvalidEdit):
                store.save_version(bad)
        store.save_version("  Kick-off  ")
        assert store.versions()[-1].name == "Kick-off"
        assert file_rows(sample_path) == rows


def test_read_only_plans_keep_their_versions_as_they_are(sample_path: Path) -> None:
    with PlanStore.open(sample_path, read_only=True) as store:
        names = [v.name for v in store.versions()]
        with pytest.raises(ReadOnlyPlan):
            store.save_version("Mine")
        with pytest.raises(ReadOnlyPlan):
            store.delete_version(store.versions()[0].id)
    assert names == ["Before the upgrade to plan format 7", "Kick-off draft",
                     "Before the upgrade to plan format 8"]


def test_deleting_a_version_leaves_the_plan_and_the_others(sample_path: Path) -> None:
    with PlanStore.open(sample_path) as store:
        doomed = store.save_version("Scratch")
        store.delete_version(doomed.id)
        assert "Scratch" not in [v.name for v in store.versions()]
        assert len(store.versions()) == 3


def test_an_upgrade_saves_the_plan_as_it_was_first(tmp_path: Path) -> None:
    plan = tmp_path / "v6.tandem"
    plan.write_bytes((FIXTURES / "plan-v6.tandem").read_bytes())
    with PlanStore.open(plan) as store:
        before = store.state()
        store.commit(edit(store.rows(Person)[0], role="Chief of staff"))
        (upgrade,) = store.versions()
        assert upgrade.automatic and f"upgrade to plan format {SCHEMA_VERSION}" in upgrade.name
        assert store.state(upgrade.seq) == before


def test_a_copy_is_whole_consistent_and_opens_anywhere(large_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.tandem"
    with PlanStore.open(large_path) as store:
        store.save_version("Draft")
        store.commit(goals.reword(store.rows(Goal)[0], title="Only in the log so far"))
        assert Path(f"{large_path}-wal").exists()  # the change is still in the log
        store.save_copy(copy)
        with pytest.raises(PlanFileError, match="already exists"):
            store.save_copy(copy)
        with pytest.raises(PlanFileError, match="this plan itself"):
            store.save_copy(large_path, replace_existing=True)
        state, versions = store.state(), store.versions()
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)  # any program can read it
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.tandem", "large.tandem"]
    with PlanStore.open(copy) as opened:
        assert opened.state() == state and opened.versions() == versions
        assert opened.rows(Goal)[0].title == "Only in the log so far"
