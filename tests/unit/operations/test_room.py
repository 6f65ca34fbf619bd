"""Cards the room wrote, taken into the plan: the rows in the file, one undo each."""

from datetime import date
from pathlib import Path

from planner.model import Goal, Person
from planner.model.actor import Actor
from planner.model.enums import GoalStatus, Team
from planner.operations import room as room_ops
from tests.conftest import add_row, file_rows, rows

DAY = date(2027, 3, 4)


def test_a_hot_button_becomes_a_draft_message_anonymous_when_the_card_was(
        store, plan_path: Path) -> None:  # type: ignore[no-untyped-def]
    store.commit(room_ops.hot_button("<b>Too slow</b> to quote"))
    store.commit(room_ops.hot_button("Wants references", "Ines Berg"))
    assert sorted(rows(plan_path, "SELECT customer_problem, source, sales_signed_at, "
                                  "marketing_signed_at FROM message")) == [
        ("<b>Too slow</b> to quote", "Workshop room", None, None),
        ("Wants references", "Heard by Ines Berg (workshop room)", None, None)]


def test_a_proposal_comes_in_proposed_by_its_side_and_last_in_order(
        store, plan_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_row(store, Goal, title="Existing", position=4)
    store.commit(room_ops.proposal(store, "x" * 400, "marketing"))
    (title, status, side, position), = rows(
        plan_path, "SELECT title, status, proposed_by, position FROM goal WHERE title != "
                   "'Existing'")
    assert len(title) == 300 and title.endswith("\u2026")
    assert (status, side, position) == (GoalStatus.PROPOSED.name, Team.MARKETING.name, 5)


def test_retro_cards_go_into_todays_review_under_their_part_and_undo_one_at_a_time(
        store, plan_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = file_rows(plan_path)
    first = store.commit(room_ops.retro_card(store, "Leads waited three days", "stop", DAY))
    store.commit(room_ops.retro_card(store, "Joint demos", "continue", DAY))
    two = file_rows(plan_path)
    third = store.commit(room_ops.retro_card(store, "Shared dashboard", "start", DAY))
    assert rows(plan_path, "SELECT held_on, what_happened, what_we_learned, what_we_change "
                           "FROM review") == [
        ("2027-03-04", "", "Continue: Joint demos",
         "Stop: Leads waited three days\nStart: Shared dashboard")]
    store.commit(third.inverse())  # undo, as the window's undo commits it
    assert file_rows(plan_path) == two
    store.commit(room_ops.retro_card(store, "Shared dashboard", "start", date(2027, 3, 5)))
    assert len(rows(plan_path, "SELECT id FROM review")) == 2  # another day, another review
    assert len(first.rows) == 1 and before["review"] == []


def test_the_rooms_confidence_is_recorded_as_a_check_in_with_its_median(
        store, plan_path: Path) -> None:  # type: ignore[no-untyped-def]
    person = add_row(store, Person, name="Ines Berg", team=Team.MARKETING)
    goal = add_row(store, Goal, title="Win 20 logos")
    acting = Actor(person.name, person.id, "")
    store.commit(room_ops.confidence(store, acting, goal, [3, 9, 6, 7], DAY))
    assert rows(plan_path, "SELECT checked_on, confidence, progress, note, author_id "
                           "FROM check_in") == [
        ("2027-03-04", 6, 0.0, "The room's vote: median 6 of 4 (from 3 to 9).", person.id)]
    assert room_ops.confidence(store, acting, goal, [], DAY).rows == ()


def test_a_retro_card_is_written_into_the_review_in_the_language_spoken(
        store, plan_path: Path) -> None:  # type: ignore[no-untyped-def]
    from planner import i18n

    with i18n.speaking("de"):
        store.commit(room_ops.retro_card(store, "Leads waited three days", "stop", DAY))
        store.commit(room_ops.retro_card(store, "Joint demos", "longed", DAY))
    assert rows(plan_path, "SELECT what_we_change FROM review WHERE held_on = '2027-03-04'") == [
        ("Aufhören: Leads waited three days\nGewünscht: Joint demos",)]
