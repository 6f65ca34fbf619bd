"""Files written whole or not at all."""

from pathlib import Path

import pytest

from planner.store.atomic import write_new, write_replacing


def test_a_new_file_is_written_whole_and_never_over_another(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    write_new(target, b"x" * 100_000)
    assert target.read_bytes() == b"x" * 100_000
    with pytest.raises(FileExistsError):
        write_new(target, b"other")
    assert target.read_bytes() == b"x" * 100_000
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_replacing_leaves_one_file_and_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    write_replacing(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "out.bin"
    with pytest.raises(OSError):
        write_new(missing, b"x")
    assert list(tmp_path.iterdir()) == []
