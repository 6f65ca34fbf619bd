"""The probe of a disk before the first edit: a disk that edits in place
passes and is left as it was (the refusing driver, fusefat, is tried in
tests/e2e/test_media.py)."""

from pathlib import Path

from planner.store.medium import cannot_edit_in_place


def test_a_disk_that_edits_in_place_passes_and_keeps_nothing(tmp_path: Path) -> None:
    (tmp_path / "plan.tandem").write_bytes(b"x")
    assert cannot_edit_in_place(tmp_path) is None
    assert [p.name for p in tmp_path.iterdir()] == ["plan.tandem"]


def test_a_folder_that_cannot_be_written_is_left_to_say_so_where_it_happens(
        tmp_path: Path) -> None:
    assert cannot_edit_in_place(tmp_path / "missing") is None
