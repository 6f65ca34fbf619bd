"""File names against the disk's limit: what a plan's name leaves for
SQLite's journal, shortened side files, sentences that propose a name."""

import errno
from pathlib import Path

from planner.store.names import (
    plan_name_problem, shorter, shown, side_file, size, too_long_sentence, write_error)


def test_a_shorter_name_keeps_its_suffix_and_whole_characters() -> None:
    name = "\u00fc" * 130 + ".tandem"  # 267 bytes
    cut = shorter(name, 247)
    assert cut.endswith(".tandem") and size(cut) <= 247 and size(cut) >= 245
    assert cut.encode("utf-8").decode("utf-8") == cut  # no character cut in half
    assert shorter("Plan without suffix" * 20, 40) == ("Plan without suffix" * 20)[:40].rstrip()


def test_a_plan_name_is_judged_by_its_bytes_and_the_journal_beside_it(tmp_path: Path) -> None:
    assert plan_name_problem(tmp_path / ("p" * 240 + ".tandem")) is None  # 247 bytes
    said = plan_name_problem(tmp_path / ("p" * 241 + ".tandem"))
    assert said is not None and "1 byte too long for a plan" in said and "at most 247" in said
    said = plan_name_problem(tmp_path / ("\u4e2d" * 83 + ".tandem"))  # 256 bytes, 90 characters
    assert said is not None and "9 bytes too long" in said


def test_tandems_side_files_shorten_themselves_not_the_users_name(tmp_path: Path) -> None:
    long = tmp_path / ("p" * 250 + ".tandem")
    lock = side_file(long, ".", ".lock")
    assert size(lock.name) <= 255 and lock.name.startswith(".ppp") and lock.name.endswith(".lock")
    assert side_file(long, ".", ".lock") == lock  # the same name each time
    other = side_file(tmp_path / ("p" * 250 + ".tandex"), ".", ".lock")
    assert other != lock
    assert side_file(tmp_path / "plan.tandem", ".", ".lock").name == ".plan.tandem.lock"


def test_sentences_quote_a_long_name_by_its_start_and_end(tmp_path: Path) -> None:
    name = "Quarterly plan " + "x" * 300 + ".pdf"
    assert shown(name).startswith("Quarterly plan") and shown(name).endswith("x.pdf")
    said = too_long_sentence(tmp_path / name)
    assert "is 64 bytes too long for this disk (it allows 255 bytes a name)" in said
    assert write_error(OSError(errno.ENAMETOOLONG, "File name too long"), tmp_path / name) == said
    assert "read-only" not in write_error(OSError(errno.EPERM, "Operation not permitted"),
                                          tmp_path / "p.tandem")
    assert "gone" in write_error(OSError(errno.ENOTCONN, "Transport endpoint is not connected"),
                                 tmp_path / "p.tandem")
