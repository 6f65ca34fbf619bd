"""The room open in workshop mode: participants' cards arrive on the
projected slide and go into the plan (the file) one undoable change each."""

import json
import socket
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner.ui.shell.main_window import MainWindow
from planner.ui.workshop.view import WorkshopView
from tests.conftest import rows
from tests.ui.test_workshop import workshop  # noqa: F401  (the fixture)

pytestmark = pytest.mark.gui


def call(url: str, path: str, body: dict[str, Any] | None = None,
         token: str = "") -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url + path, data=json.dumps(body).encode() if body
                                     is not None else None,
                                     headers={"Content-Type": "application/json",
                                              "X-Room-Token": token})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as refused:
        with refused:
            return refused.code, json.loads(refused.read())


def drawn_text(view: WorkshopView) -> str:
    view.repaint()
    assert view.last_stage is not None and view.last_panel is not None
    # As read on the screen: the panel's places to break long words are invisible.
    return "\n".join(d.text for d in view.last_stage.drawn + view.last_panel.drawn
                     ).replace("\u200b", "")


@pytest.fixture
def room_open(qtbot, workshop: WorkshopView) -> WorkshopView:  # type: ignore[no-untyped-def]  # noqa: F811
    workshop.room_host = "127.0.0.1"
    qtbot.keyClick(workshop, Qt.Key.Key_O)
    assert workshop.room is not None
    return workshop


def test_cards_from_the_room_show_on_the_slide_and_go_into_the_plan(
        qtbot, room_open: WorkshopView, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = room_open
    control = view.room
    assert control is not None
    url = control.address.url
    assert control.room.code in control.join_url and url.startswith("http://127.0.0.1:")
    view.go(next(n for n, s in enumerate(view.slides) if s.kind == "proposals"))
    status, joined = call(url, "api/join", {"code": control.room.code, "name": "Ines Berg",
                                            "side": "marketing"})
    assert status == 200
    token = joined["token"]
    status, state = call(url, "api/state", token=token)
    assert state["title"] == view.slide.title and state["adds"] == "proposal"
    markup = "<b>Win</b> 20 <script>logos</script>"
    assert call(url, "api/card", {"text": markup}, token)[0] == 200
    assert call(url, "api/card", {"text": "Shared pipeline review", "part": "sales"}, token)[0] == 200
    qtbot.waitUntil(lambda: markup in drawn_text(view), timeout=3000)  # as typed, as text
    assert "Shared pipeline review" in drawn_text(view)
    # The facilitator votes the room, then takes the top card in.
    qtbot.keyClick(view, Qt.Key.Key_V)
    status, left = call(url, "api/vote", {"card": control.cards()[1].id}, token)
    assert status == 200 and left["dots_left"] == 2
    qtbot.waitUntil(lambda: control.cards()[0].text == "Shared pipeline review", timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_I)
    assert rows(sample_path, "SELECT title, proposed_by, status FROM goal WHERE title = "
                             "'Shared pipeline review'") == [("Shared pipeline review", "SALES",
                                                              "PROPOSED")]
    assert [c["text"] for c in call(url, "api/state", token=token)[1]["cards"]] == [markup]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo
    assert rows(sample_path, "SELECT title FROM goal WHERE title = 'Shared pipeline review'") == []
    # Undone: the card is back on the board, for the room and on the screen.
    assert sorted(c["text"] for c in call(url, "api/state", token=token)[1]["cards"]) == \
        sorted([markup, "Shared pipeline review"])
    qtbot.waitUntil(lambda: "Shared pipeline review" in drawn_text(view), timeout=3000)
    view.session.undo_stack.redo()  # and off it again when redone
    assert [c["text"] for c in call(url, "api/state", token=token)[1]["cards"]] == [markup]
    assert len(rows(sample_path, "SELECT id FROM goal WHERE title = 'Shared pipeline review'")) == 1


def test_hot_buttons_retro_cards_and_the_rooms_confidence_reach_the_file(
        qtbot, room_open: WorkshopView, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = room_open
    control = view.room
    assert control is not None
    url = control.address.url
    token = call(url, "api/join", {"code": control.room.code})[1]["token"]  # anonymous
    view.go(next(n for n, s in enumerate(view.slides) if s.kind == "messages"))
    assert call(url, "api/card", {"text": "Quotes take a week"}, token)[0] == 200
    qtbot.waitUntil(lambda: bool(control.cards()), timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_I)
    assert rows(sample_path, "SELECT source, owner_id FROM message WHERE customer_problem = "
                             "'Quotes take a week'") == [("Workshop room", None)]
    view.go(next(n for n, s in enumerate(view.slides) if s.section == "reviews"))
    assert call(url, "api/card", {"text": "Amara Okafor dropped the leads", "part": "stop"},
                token)[1]["names_someone"] is True
    qtbot.waitUntil(lambda: bool(control.cards()), timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_I)
    today = date.today().isoformat()
    assert rows(sample_path, f"SELECT what_we_change FROM review WHERE held_on = '{today}'") \
        == [("Stop: Amara Okafor dropped the leads",)]
    goal_slide = next(n for n, s in enumerate(view.slides) if s.goal_key)
    view.go(goal_slide)
    for said in (4, 8, 7):
        other = call(url, "api/join", {"code": control.room.code})[1]["token"]
        assert call(url, "api/confidence", {"value": said}, other)[0] == 200
    qtbot.keyClick(view, Qt.Key.Key_K)
    goal_id = (view.slide.goal_key or "").removeprefix("goal-")
    assert rows(sample_path, f"SELECT confidence, note FROM check_in WHERE goal_id = '{goal_id}' "
                             f"AND checked_on = '{today}'") == [
        (7, "The room's vote: median 7 of 3 (from 4 to 8).")]


def test_the_room_closes_with_the_workshop(qtbot, room_open: WorkshopView,  # type: ignore[no-untyped-def]
                                           sample_window: MainWindow) -> None:
    control = room_open.room
    assert control is not None
    port = control.address.port
    token = call(control.address.url, "api/join", {"code": control.room.code})[1]["token"]
    qtbot.keyClick(room_open, Qt.Key.Key_Escape)
    assert sample_window.workshop is None
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    assert control.room.closed and token


def test_the_panel_keeps_long_words_and_the_keys_on_the_screen(
        qtbot, room_open: WorkshopView) -> None:  # type: ignore[no-untyped-def]
    """At 1280x720 on a review slide: a card of one 400-letter word wraps
    inside the panel, and the room's keys fit their line."""
    view = room_open
    control = view.room
    assert control is not None
    view.go(next(n for n, s in enumerate(view.slides) if s.section == "reviews"))
    token = call(control.address.url, "api/join", {"code": control.room.code})[1]["token"]
    assert call(control.address.url, "api/card", {"text": "w" * 400, "part": "stop"},
                token)[0] == 200
    qtbot.waitUntil(lambda: bool(control.cards()), timeout=3000)
    drawn_text(view)
    assert view.last_stage is not None and view.last_panel is not None
    assert not view.last_stage.overflow  # the hint and the footer in their lines
    for drawn in view.last_panel.drawn:
        assert drawn.needed.right() <= view.width() + 0.5, drawn.text[:40]
    assert any(d.text.replace("\u200b", "").startswith("wwww") for d in view.last_panel.drawn)


def test_the_picked_card_is_always_on_the_panel_and_undo_puts_a_retro_card_back(
        qtbot, room_open: WorkshopView, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Nine cards, the first as tall as a card can be: picking the last one
    (]) brings it onto the panel, I takes that one in, and Ctrl+Z puts it back
    on the board with today's review as it was."""
    view = room_open
    control = view.room
    assert control is not None
    url = control.address.url
    view.go(next(n for n, s in enumerate(view.slides) if s.section == "reviews"))
    token = call(url, "api/join", {"code": control.room.code, "name": "Jonas Weber"})[1]["token"]
    texts = ["Long " * 99] + [f"Card number {n}" for n in range(1, 9)]
    for text in texts:
        assert call(url, "api/card", {"text": text.strip(), "part": "start"}, token)[0] == 200
    qtbot.waitUntil(lambda: len(control.cards()) == 9, timeout=3000)
    assert "Card number 8" not in drawn_text(view) and "more" in drawn_text(view)
    for _ in range(8):
        qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    assert control.picked_card() is not None and control.picked_card().text == "Card number 8"
    assert "Card number 8" in drawn_text(view)
    today = date.today().isoformat()
    before = rows(sample_path, f"SELECT id, what_we_change FROM review WHERE held_on = '{today}'")
    qtbot.keyClick(view, Qt.Key.Key_I)
    assert "Start: Card number 8" in str(rows(
        sample_path, f"SELECT what_we_change FROM review WHERE held_on = '{today}'"))
    assert "Card number 8" not in [c.text for c in control.cards()]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Card number 8" in [c.text for c in control.cards()]
    assert rows(sample_path, f"SELECT id, what_we_change FROM review WHERE held_on = '{today}'") \
        == before


def test_a_person_added_while_the_room_is_open_is_recognised_in_cards(
        qtbot, room_open: WorkshopView) -> None:  # type: ignore[no-untyped-def]
    from planner.operations import people as people_ops

    view = room_open
    control = view.room
    assert control is not None
    url = control.address.url
    view.go(next(n for n, s in enumerate(view.slides) if s.section == "reviews"))
    token = call(url, "api/join", {"code": control.room.code})[1]["token"]
    assert call(url, "api/card", {"text": "Zofia Quist missed the handoff", "part": "stop"},
                token)[1]["names_someone"] is False
    assert view.session.attempt(lambda: people_ops.add_person("Zofia Quist")[0])
    assert call(url, "api/card", {"text": "Zofia Quist missed it again", "part": "stop"},
                token)[1]["names_someone"] is True


def test_the_room_answers_the_network_survey_and_the_answers_reach_the_file(
        qtbot, room_open: WorkshopView, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    """On the survey's slide each participant says who they are and whom of
    the other team they go to; the room refuses a second claim on a person,
    people of their own team and malformed answers by where; the panel shows
    who answered (never what); I takes the answers in as one change, undone
    as one."""
    from planner.model import Person
    from planner.operations import survey as survey_ops

    view = room_open
    control = view.room
    assert control is not None
    store = view.session.store
    assert view.session.do(survey_ops.open_survey(store, date(2027, 3, 1))[0])
    view.go(next(n for n, s in enumerate(view.slides) if s.kind == "survey"))
    assert view.slide.section == "network" and "0 of" in " ".join(view.slide.lines)
    people = {p.name: p for p in store.rows(Person)}
    ines, amara = people["Ines Berg"], people["Amara Okafor"]            # sales
    bjorn, dmitri = people["Bjorn Tanaka"], people["Dmitri Horvath"]     # marketing
    url, code = control.address.url, control.room.code
    first = call(url, "api/join", {"code": code, "name": "ines"})[1]["token"]
    second = call(url, "api/join", {"code": code})[1]["token"]
    status, state = call(url, "api/state", token=first)
    assert status == 200 and state["adds"] == "survey" and state["survey"] > 0
    status, asked = call(url, "api/survey?people=1", token=first)
    assert status == 200 and len(asked["questions"]) == 3 and asked["answered"] == []
    assert [ines.id, "Ines Berg", "sales"] in asked["people"]
    assert all(len(p) == 3 for p in asked["people"])  # id, name, team: nothing more of anyone

    answers = [[0, bjorn.id, 3], [1, dmitri.id, 1]]
    assert call(url, "api/survey", {"person": ines.id, "answers": answers}, first) == (
        200, {"ok": True})
    refusals = {
        "claimed": ({"person": ines.id, "answers": []}, second, 409,
                    "Someone in the room has answered as Ines Berg already"),
        "own team": ({"person": amara.id, "answers": [[0, ines.id, 2]]}, second, 400,
                     "Amara Okafor: answers[0].person is nobody of the other team."),
        "shape": ({"person": amara.id, "answers": [[0, bjorn.id]]}, second, 400,
                  "answers[0] is not [question, person, how often]"),
        "often": ({"person": amara.id, "answers": [[0, bjorn.id, 9]]}, second, 400,
                  "answers[0].often is 9; it is 1 to 4."),
        "nobody": ({"person": "not-a-person", "answers": []}, second, 400,
                   "Choose yourself from the plan's people first."),
        "two people": ({"person": amara.id, "answers": []}, first, 409,
                       "You have answered as Ines Berg already."),
    }
    for case, (body, token, status_wanted, sentence) in refusals.items():
        status, refused = call(url, "api/survey", body, token)
        assert status == status_wanted and sentence in refused["error"], case
    assert call(url, "api/survey", {"person": amara.id, "answers": [[2, bjorn.id, 4]]},
                second)[0] == 200
    # Answers are the respondent's own: the other participant sees only who answered.
    seen = call(url, "api/survey", token=second)[1]
    assert seen["answered"] == [ines.id] and seen["mine"]["person"] == amara.id
    assert "answers" not in json.dumps(seen["answered"])
    qtbot.waitUntil(lambda: "2 answers in the room" in drawn_text(view), timeout=3000)
    panel = drawn_text(view)
    assert "Ines Berg" in panel and "Amara Okafor" in panel and "Bjorn" not in panel.split(
        "2 answers in the room", 1)[1].split("I: take")[0]

    qtbot.keyClick(view, Qt.Key.Key_I)
    survey_id = rows(sample_path, "SELECT id FROM survey")[0][0]
    assert sorted(rows(sample_path, "SELECT respondent_id, question, names_id, often FROM "
                                    "survey_answer")) == sorted(
        [(ines.id, 0, bjorn.id, 3), (ines.id, 1, dmitri.id, 1), (amara.id, 2, bjorn.id, 4)])
    assert sorted(rows(sample_path, "SELECT person_id FROM survey_invite WHERE survey_id = "
                                    f"'{survey_id}' AND answered_at IS NOT NULL")) == sorted(
        [(ines.id,), (amara.id,)])
    assert "2 of" in " ".join(view.slide.lines) and control.room.survey_given() == []
    # Taken in: a second answer as Ines is refused, as a second answer file would be.
    status, refused = call(url, "api/survey", {"person": ines.id, "answers": []}, second)
    assert status == 409 and "Ines Berg has answered this survey already." in refused["error"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo
    assert rows(sample_path, "SELECT count(*) FROM survey_answer") == [(0,)]
    assert call(url, "api/survey", token=second)[1]["answered"] == []
