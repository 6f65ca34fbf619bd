"""Workshop mode driven by the keyboard, as a facilitator with a remote would."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from planner.ui.shell.main_window import MainWindow
from planner.ui.workshop.view import MIN_PX, WorkshopView
from planner.model.actor import Actor
from tests.acting import window_as_head
from tests.conftest import rows


@pytest.fixture
def room_signs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """In the room, whoever signs says so: the head of that side, first offered."""
    from planner.ui import dialogs

    asked: list[list[str]] = []
    monkeypatch.setattr(dialogs, "ask_item", lambda parent, title, text, items:
                        asked.append(items) or 0)
    return asked

pytestmark = pytest.mark.gui


@pytest.fixture
def workshop(qtbot, sample_window: MainWindow) -> WorkshopView:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    sample_window.show_section(1)  # Goals
    sample_window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sample_window)
    qtbot.keyClick(sample_window, Qt.Key.Key_F5)
    view = sample_window.workshop
    assert isinstance(view, WorkshopView)
    qtbot.addWidget(view)
    view.showNormal()
    view.resize(1280, 720)  # a projector's screen; the slides are cut to fit it
    return view


def test_f5_opens_on_the_current_section_and_keys_step_through(qtbot, workshop: WorkshopView,  # type: ignore[no-untyped-def]
                                                              sample_window: MainWindow) -> None:
    assert workshop.slide.section == "goals" and workshop.slide.title == "Goals"
    start = workshop.index
    for key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
        qtbot.keyClick(workshop, key)
    assert workshop.index == start + 3
    qtbot.keyClick(workshop, Qt.Key.Key_PageUp)
    assert workshop.index == start + 2
    qtbot.keyClick(workshop, Qt.Key.Key_End)
    assert workshop.index == len(workshop.slides) - 1
    qtbot.keyClick(workshop, Qt.Key.Key_Home)
    assert workshop.index == 0
    qtbot.keyClicks(workshop, "12")
    qtbot.keyClick(workshop, Qt.Key.Key_Return)
    assert workshop.index == 11
    section = workshop.slide.section
    qtbot.keyClick(workshop, Qt.Key.Key_Escape)
    assert sample_window.workshop is None
    titles = {"goals": "Goals", "people": "People", "overview": "Overview"}
    assert sample_window.sidebar.currentItem().text() == titles[section]


def test_signing_off_while_projecting_is_an_edit_that_undoes(qtbot, workshop: WorkshopView,  # type: ignore[no-untyped-def]
                                                             sample_path: Path,
                                                             room_signs: list[list[str]]) -> None:
    goal = next(n for n, s in enumerate(workshop.slides) if s.goal_key and
                dict(s.facts).get("Signed by sales") == "not yet")
    workshop.go(goal)
    goal_id = (workshop.slide.goal_key or "").removeprefix("goal-")
    qtbot.keyClick(workshop, Qt.Key.Key_S)
    signed = rows(sample_path, f"SELECT p.name FROM goal g JOIN person p ON "
                               f"p.id = g.sales_signed_by_id WHERE g.id = '{goal_id}'")
    assert signed == [("Amara Okafor",)]  # the head of sales
    assert workshop.slide.goal_key == f"goal-{goal_id}"  # still on the same goal
    assert dict(workshop.slide.facts)["Signed by sales"].startswith("Amara Okafor, ")
    qtbot.keyClick(workshop, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(sample_path, f"SELECT sales_signed_at FROM goal WHERE id = '{goal_id}'") == [(None,)]


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_no_text_on_any_slide_is_smaller_than_24_px(workshop: WorkshopView, width: int,
                                                    height: int) -> None:
    workshop.showNormal()
    workshop.resize(width, height)
    assert workshop.base_px() >= MIN_PX
    for n in range(len(workshop.slides)):
        workshop.go(n)
        workshop.min_font_px = 10_000
        workshop.grab()
        assert workshop.min_font_px >= MIN_PX, workshop.slide.title
    assert workshop.base_px() == max(MIN_PX, round(height / 26))


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_in_editor(qtbot, workshop: WorkshopView, *texts: str, save: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Type into the open editor field by field, as a facilitator does: the
    text, Tab to the next field; then Ctrl+Enter saves (or Escape cancels)."""
    assert workshop.editor is not None and workshop.editor.isVisible()
    for n, text in enumerate(texts):
        box = focused()
        if isinstance(box, QLineEdit):
            box.selectAll()
        elif isinstance(box, QPlainTextEdit):
            box.selectAll()
        qtbot.keyClicks(box, text)
        if n < len(texts) - 1:
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    if save:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert workshop.editor is None
    assert QApplication.focusWidget() is workshop  # the keys are the workshop's again


def test_proposals_from_both_sides_show_side_by_side(qtbot, workshop: WorkshopView,  # type: ignore[no-untyped-def]
                                                     sample_path: Path) -> None:
    workshop.go(next(n for n, s in enumerate(workshop.slides) if s.kind == "proposals"))
    qtbot.keyClick(workshop, Qt.Key.Key_S)
    type_in_editor(qtbot, workshop, "Joint webinar series")
    qtbot.keyClick(workshop, Qt.Key.Key_M)
    qtbot.keyClicks(focused(), "Reference program")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter in the one field saves
    assert workshop.editor is None
    assert rows(sample_path, "SELECT title, proposed_by, status FROM goal WHERE title IN "
                             "('Joint webinar series', 'Reference program') ORDER BY title") == [
        ("Joint webinar series", "SALES", "PROPOSED"), ("Reference program", "MARKETING", "PROPOSED")]
    columns = dict(workshop.slide.columns)
    assert workshop.slide.kind == "proposals"
    assert "Joint webinar series" in columns["From sales"]
    assert "Reference program" in columns["From marketing"]
    qtbot.keyClick(workshop, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Reference program" not in dict(workshop.slide.columns)["From marketing"]


def test_rewording_parking_and_reviews_while_projecting(qtbot, workshop: WorkshopView,  # type: ignore[no-untyped-def]
                                                        sample_path: Path) -> None:
    workshop.go(next(n for n, s in enumerate(workshop.slides)
                     if s.goal_key and "Amara" in dict(s.facts).get("Signed by sales", "")))
    goal_id = (workshop.slide.goal_key or "").removeprefix("goal-")
    qtbot.keyClick(workshop, Qt.Key.Key_E)
    type_in_editor(qtbot, workshop, "Lift MQL acceptance to 75%")
    assert rows(sample_path, f"SELECT title, sales_signed_at FROM goal WHERE id = '{goal_id}'") \
        == [("Lift MQL acceptance to 75%", None)]  # new wording: sign-offs withdrawn
    assert "Lift MQL acceptance to 75%" in workshop.slide.title
    qtbot.keyClick(workshop, Qt.Key.Key_L)
    type_in_editor(qtbot, workshop, "Pricing for partners")
    assert rows(sample_path, "SELECT topic, done FROM parking_topic") == [("Pricing for partners", 0)]
    assert [text for _, text in workshop.slides[-1].items] == ["Pricing for partners"]
    qtbot.keyClick(workshop, Qt.Key.Key_L)
    type_in_editor(qtbot, workshop, "Something we drop", save=False)  # cancelled: no change
    assert rows(sample_path, "SELECT count(*) FROM parking_topic") == [(1,)]
    # The parked topic becomes a goal proposed by marketing, in one undoable step.
    workshop.go(len(workshop.slides) - 1)
    qtbot.keyClick(workshop, Qt.Key.Key_M)
    assert rows(sample_path, "SELECT proposed_by, status FROM goal WHERE title = "
                             "'Pricing for partners'") == [("MARKETING", "PROPOSED")]
    assert rows(sample_path, "SELECT done FROM parking_topic") == [(1,)]
    assert workshop.slides[-1].items == ()
    qtbot.keyClick(workshop, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(sample_path, "SELECT count(*) FROM goal WHERE title = 'Pricing for partners'") \
        == [(0,)]
    workshop.go(len(workshop.slides) - 1)
    qtbot.keyClick(workshop, Qt.Key.Key_C)  # closed without a goal
    assert rows(sample_path, "SELECT done FROM parking_topic") == [(1,)]


def test_a_whole_review_is_written_in_the_room_and_no_key_leaks(  # type: ignore[no-untyped-def]
        qtbot, workshop: WorkshopView, sample_path: Path, sample_window: MainWindow) -> None:
    """Every letter the workshop answers to (S, M, L, R, E, C, T, digits,
    space, arrows) is typed into the editor; none becomes a command."""
    start, slides = workshop.index, len(workshop.slides)
    counts = "SELECT (SELECT count(*) FROM review), (SELECT count(*) FROM parking_topic), " \
             "(SELECT count(*) FROM goal)"
    (reviews, topics, goals), = rows(sample_path, counts)
    qtbot.keyClick(workshop, Qt.Key.Key_R)
    editor = workshop.editor
    assert editor is not None and editor.font().pixelSize() >= MIN_PX
    assert list(editor.inputs) == ["what_happened", "what_we_learned", "what_we_change",
                                   "held_on"]  # held today unless changed
    type_in_editor(qtbot, workshop, "Leads from the March show waited 12 days; "
                   "SLA missed. Rework routing, Escalate.",
                   "Manual routing fails at volume", "Route event leads in 1 hour, by rule")
    assert workshop.index == start and len(workshop.slides) == slides
    assert rows(sample_path, "SELECT what_happened, what_we_learned, what_we_change, held_on "
                             "FROM review ORDER BY created_at DESC LIMIT 1") == [(
        "Leads from the March show waited 12 days; SLA missed. Rework routing, Escalate.",
        "Manual routing fails at volume", "Route event leads in 1 hour, by rule",
        date.today().isoformat())]
    assert rows(sample_path, counts) == [(reviews + 1, topics, goals)]
    # Keys sent to the workshop itself while an editor is open do nothing either.
    qtbot.keyClick(workshop, Qt.Key.Key_L)
    for key in (Qt.Key.Key_R, Qt.Key.Key_Right, Qt.Key.Key_S, Qt.Key.Key_Escape):
        qtbot.keyClick(workshop, key)
    assert workshop.editor is not None and workshop.index == start
    assert sample_window.workshop is workshop  # Escape sent past the editor did not close it
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # the editor's own Escape cancels it
    assert workshop.editor is None and sample_window.workshop is workshop
    assert rows(sample_path, counts) == [(reviews + 1, topics, goals)]
    # The review is complete in the window: its four parts, and undo takes it away.
    qtbot.keyClick(workshop, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(sample_path, counts) == [(reviews, topics, goals)]


def test_messages_are_approved_and_reworded_live(qtbot, workshop: WorkshopView,  # type: ignore[no-untyped-def]
                                                sample_path: Path,
                                                room_signs: list[list[str]]) -> None:
    first = next(n for n, s in enumerate(workshop.slides) if s.kind == "messages")
    assert workshop.slides[first].title.startswith("Messages: ")
    # A stage whose messages include a draft: pick the draft, approve it for both.
    workshop.go(next(n for n, s in enumerate(workshop.slides) if s.kind == "messages"
                     and any(text.startswith("\u2026") for _, text in s.items)))
    while not workshop.slide.items[workshop.picked][1].startswith("\u2026"):
        qtbot.keyClick(workshop, Qt.Key.Key_Tab)
    message_id = workshop.slide.items[workshop.picked][0]
    query = f"SELECT sales_signed_by_id IS NOT NULL, marketing_signed_by_id IS NOT NULL " \
            f"FROM message WHERE id = '{message_id}'"
    qtbot.keyClick(workshop, Qt.Key.Key_S)
    assert rows(sample_path, query) == [(1, 0)]
    qtbot.keyClick(workshop, Qt.Key.Key_M)
    assert rows(sample_path, query) == [(1, 1)]
    assert workshop.slide.items[workshop.picked] == (
        message_id, "\u2713 " + workshop.slide.items[workshop.picked][1][2:])
    # E rewords: both approvals go with the old wording; undo brings them back.
    qtbot.keyClick(workshop, Qt.Key.Key_E)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_in_editor(qtbot, workshop, "One dashboard from first touch to signed deal")
    assert rows(sample_path, query) == [(0, 0)]
    assert rows(sample_path, f"SELECT value_message FROM message WHERE id = '{message_id}'") \
        == [("One dashboard from first touch to signed deal",)]
    qtbot.keyClick(workshop, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(sample_path, query) == [(1, 1)]


def test_the_agenda_clock_restarts_with_each_section(workshop: WorkshopView) -> None:
    workshop.agenda_started -= 125
    assert workshop.agenda_clock() == "02:05"
    workshop.go(workshop.index + 1)  # the proposals slide: still Goals
    assert workshop.agenda_clock() == "02:05"
    workshop.go(next(n for n, s in enumerate(workshop.slides) if s.section == "rides"))
    assert workshop.agenda_clock() == "00:00"


def test_the_workshop_opens_on_the_chosen_display(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication

    QSettings().setValue("workshop/screen", "a projector that is not connected")
    assert sample_window.workshop_screen() is sample_window.screen()  # one screen: that one
    only = QGuiApplication.screens()[0]
    QSettings().setValue("workshop/screen", only.name())
    assert sample_window.workshop_screen() is only
    sample_window._fill_display_menu()
    assert [a.isChecked() for a in sample_window.display_menu.actions()] == [True]


def test_moving_a_ride_while_projecting(qtbot, workshop: WorkshopView, sample_path: Path,  # type: ignore[no-untyped-def]
                                        sample_window: MainWindow) -> None:
    from datetime import date, timedelta

    from planner.model import FieldRide
    from planner.operations.rows import add, new

    workshop.go(next(n for n, s in enumerate(workshop.slides) if s.kind == "rides"))
    assert len(workshop.slide.items) >= 3  # as many as the screen shows; the rest continue
    qtbot.keyClick(workshop, Qt.Key.Key_Tab)
    qtbot.keyClick(workshop, Qt.Key.Key_Tab)
    assert workshop.picked == 2
    ride_id = workshop.slide.items[2][0]
    (first,), = rows(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{ride_id}'")
    qtbot.keyClick(workshop, Qt.Key.Key_Greater)
    later = (date.fromisoformat(first) + timedelta(days=1)).isoformat()
    assert rows(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{ride_id}'") == [(later,)]
    assert workshop.slide.items[workshop.picked][0] == ride_id  # still picked
    qtbot.keyClick(workshop, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(sample_path, f"SELECT first_day FROM field_ride WHERE id = '{ride_id}'") == [(first,)]
    # A second ride for the same pair on the same days shows at once as a conflict.
    ride = sample_window.session.store.get(FieldRide, workshop.slide.items[0][0])  # type: ignore[union-attr]
    assert ride is not None
    twin = new(FieldRide, direction=ride.direction, visitor_id=ride.visitor_id,
               host_id=ride.host_id, first_day=ride.first_day, last_day=ride.last_day)
    assert sample_window.session.do(add(twin))  # type: ignore[union-attr]
    assert sum("two rides the same day" in text for _, text in workshop.slide.items) == 2


def test_in_the_room_the_signer_is_chosen_among_the_head_and_delegates(
        qtbot, workshop: WorkshopView, sample_window: MainWindow, sample_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch) -> None:
    from planner.model import Person
    from planner.operations.rows import edit
    from planner.ui import dialogs

    session = sample_window.session
    assert session is not None
    head = window_as_head(sample_window, "sales")
    ines = next(p for p in session.store.rows(Person) if p.name == "Ines Berg")
    session.do(edit(ines, delegate=True))
    session.store.act_as(Actor("Fran the facilitator", None, "fran"))  # at the keyboard
    asked: list[list[str]] = []
    monkeypatch.setattr(dialogs, "ask_item", lambda parent, title, text, items:
                        asked.append(items) or 1)
    workshop.go(next(n for n, s in enumerate(workshop.slides) if s.goal_key and
                     dict(s.facts).get("Signed by sales") == "not yet"))
    goal_id = (workshop.slide.goal_key or "").removeprefix("goal-")
    qtbot.keyClick(workshop, Qt.Key.Key_S)
    assert asked == [[f"{head.name} (head of sales)", "Ines Berg (editor)"]]
    assert rows(sample_path, f"SELECT p.name FROM goal g JOIN person p ON "
                             f"p.id = g.sales_signed_by_id WHERE g.id = '{goal_id}'") == [
        ("Ines Berg",)]
    last = session.store.history()[-1]
    assert (last.author.name, last.author.login) == ("Ines Berg", "fran")
    assert session.store.acting.name == "Fran the facilitator"  # the keyboard's again


def test_each_workshop_keeps_a_version_and_shows_what_changed_since_the_last(
        qtbot, workshop: WorkshopView, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from planner.model import Goal
    from planner.operations import goals

    store = sample_window.session.store  # type: ignore[union-attr]
    first = [v for v in store.versions() if v.name.startswith("Workshop ")]
    assert len(first) == 1 and first[0].automatic
    assert "Changes since the last workshop" not in [s.title for s in workshop.slides]
    qtbot.keyClick(workshop, Qt.Key.Key_Escape)
    goal = store.rows(Goal)[2]
    sample_window.session.do(goals.reword(goal, title="Reworded between workshops"))  # type: ignore[union-attr]
    sample_window.start_workshop()
    second = sample_window.workshop
    assert isinstance(second, WorkshopView)
    qtbot.addWidget(second)
    slide = next(s for s in second.slides if s.title == "Changes since the last workshop")
    assert any("Reworded between workshops" in line for line in slide.lines)
    assert len([v for v in store.versions() if v.name.startswith("Workshop ")]) == 2
    second.close()


@pytest.mark.parametrize(("width", "height"), [(800, 600), (1024, 768), (1280, 720),
                                               (1920, 1080)])
def test_nothing_on_any_slide_of_the_large_plan_is_cut_or_elided(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, large_path: Path, width: int, height: int) -> None:
    """Every slide painted: every text inside its box and inside the screen, none
    elided, none under 24 px; tables, lists, facts and charts continue on the
    next slide instead. On an old projector's 800 or 1024 pixels a table whose
    columns cannot stand side by side shows a card a row, and a stage's
    messages take as many slides as the picked one in full needs."""
    assert window.open_plan(large_path, "goals")
    window.start_workshop()
    view = window.workshop
    assert isinstance(view, WorkshopView)
    qtbot.addWidget(view)
    view.showNormal()
    view.resize(width, height)
    qtbot.waitUntil(lambda: not view.fitting(), timeout=20_000)  # idle time fits the rest
    continued = 0
    for n in range(len(view.slides)):
        view.go(n)
        view.grab()
        stage = view.last_stage
        assert stage is not None
        assert not stage.overflow, view.slide.title
        for drawn in stage.drawn:
            assert drawn.needed.height() <= drawn.box.height() + 0.5, (view.slide.title, drawn)
            assert drawn.needed.width() <= drawn.box.width() + 0.5, (view.slide.title, drawn)
            assert drawn.needed.right() <= width and drawn.needed.bottom() <= height
        assert stage.min_px >= MIN_PX
        continued += view.slide.title.endswith("(continued)")
    schedule = [s for s in view.slides if s.table is not None and s.table.columns[0] == "Days"]
    assert sum(len(s.table.rows) for s in schedule) == 600  # every ride, none dropped
    assert continued > 0
    messages = [s for s in view.slides if s.kind == "messages"]
    assert sum(len(s.items) for s in messages) == len(large_messages(large_path))
    view.close()


def large_messages(path: Path) -> list[tuple[str]]:
    return rows(path, "SELECT id FROM message")


def test_c_on_a_goal_checks_in_at_room_size(qtbot, workshop: WorkshopView,  # type: ignore[no-untyped-def]
                                            sample_path: Path, sample_window: MainWindow) -> None:
    window_as_head(sample_window, "marketing")
    workshop.go(next(n for n, s in enumerate(workshop.slides) if s.goal_key
                     and dict(s.facts).get("Latest check-in") == "Not checked in yet"))
    goal_id = (workshop.slide.goal_key or "").removeprefix("goal-")
    count = 0
    qtbot.keyClick(workshop, Qt.Key.Key_C)
    editor = workshop.editor
    assert editor is not None and editor.font().pixelSize() >= MIN_PX
    assert list(editor.inputs) == ["progress", "confidence", "note"]
    type_in_editor(qtbot, workshop, "35%", "5", "Slower in the north; S, M and C typed here")
    assert rows(sample_path, f"SELECT progress, confidence, note FROM check_in WHERE goal_id = "
                             f"'{goal_id}' ORDER BY created_at DESC LIMIT 1") == [
        (35.0, 5, "Slower in the north; S, M and C typed here")]
    assert rows(sample_path, f"SELECT count(*) FROM check_in WHERE goal_id = '{goal_id}'") \
        == [(count + 1,)]
    assert dict(workshop.slide.facts)["Latest check-in"].startswith("35% \u00b7 5/10 at risk")
    sure = next(s for s in workshop.slides if s.section == "confidence" and s.table)
    assert sure.title == "How sure are we?"


def test_entering_fits_the_first_slide_and_paging_ahead_of_idle_time_fits_the_next(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, large_path: Path) -> None:
    """The workshop opens with its own slide cut to fit and the others
    fitted in idle time; a facilitator who pages faster than that still
    never shows a slide that overflows."""
    assert window.open_plan(large_path, "goals")
    window.start_workshop()
    view = window.workshop
    assert isinstance(view, WorkshopView)
    qtbot.addWidget(view)
    view.showNormal()
    view.resize(1280, 720)
    view.grab()
    assert view.fitting() and view.slide.section == "goals"  # the rest still to fit
    assert view.last_stage is not None and not view.last_stage.overflow
    rides = next(n for n, s in enumerate(view.slides) if s.section == "rides")
    view.go(rides + 3)  # far ahead, before idle time reached it
    assert view.slide.section == "rides"
    view.grab()
    assert view.last_stage is not None and not view.last_stage.overflow, view.slide.title
    qtbot.waitUntil(lambda: not view.fitting(), timeout=20_000)
    assert view.slide.section == "rides"
    view.close()


def test_in_german_the_hints_footers_and_labels_fit(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """German says more than English: the key hints take two lines, a fact's
    label is one long word ("Außendienstbegleitung"), a section's name is long
    ("Zusammenfassung für die Geschäftsleitung"), the metrics table's eight
    columns are wider. Every slide fits, on a projector and on an 800-pixel
    screen, where the footer still keeps to one line, shortened in its middle,
    the clock and the slide's number kept."""
    import re

    from PySide6.QtCore import QSettings

    from planner.ui import i18n

    try:
        sample_window.set_language("de")
        window_as_head(sample_window, "sales")
        sample_window.show_section(0)
        sample_window.start_workshop()
        view = sample_window.workshop
        assert isinstance(view, WorkshopView)
        qtbot.addWidget(view)
        view.showNormal()
        for width, height in ((1280, 720), (1024, 768), (800, 800)):
            view.resize(width, height)
            qtbot.waitUntil(lambda: not view.fitting(), timeout=20_000)
            for n in range(len(view.slides)):
                view.go(n)
                view.grab()
                stage = view.last_stage
                assert stage is not None
                assert not stage.overflow, (width, view.slide.title)
                footer = [d for d in stage.drawn if "für diesen Punkt" in d.text]
                line = stage.measure("Xg", 1e5, MIN_PX).height()
                assert len(footer) == 1 and footer[0].needed.height() <= line + 0.5, footer
                assert re.search(r"\d\d:\d\d für diesen Punkt$", footer[0].text), footer[0]
        view.close()
    finally:
        sample_window.set_language("en")
        QSettings().setValue("language", "system")
        i18n.install()


def test_in_german_an_approved_message_is_said_approved_in_green(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow) -> None:
    """The picked message's sign-offs are drawn green when both sides signed,
    whatever the language (the slide once asked for the English "Approval")."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QColor

    from planner.palette import ROOM
    from planner.ui import i18n

    green = QColor(ROOM["good"])
    try:
        sample_window.set_language("de")
        sample_window.start_workshop()
        view = sample_window.workshop
        assert isinstance(view, WorkshopView)
        qtbot.addWidget(view)
        view.showNormal()
        view.resize(1280, 720)
        qtbot.waitUntil(lambda: not view.fitting(), timeout=20_000)
        seen = {True: 0, False: 0}
        for n, slide in enumerate(view.slides):
            if slide.kind != "messages":
                continue
            view.go(n)
            for picked, (_id, line) in enumerate(slide.items):
                view.picked = picked
                image = view.grab().toImage()
                stage = view.last_stage
                assert stage is not None and not stage.overflow
                value = next(d for d in stage.drawn if d.text.startswith("Vertrieb: "))
                box = value.needed.toRect()
                inked = any(image.pixelColor(x, y) == green
                            for x in range(box.left(), box.right(), 2)
                            for y in range(box.top(), box.bottom(), 2))
                agreed = line.startswith("\u2713")
                assert inked == agreed, (slide.title, line, value.text)
                seen[agreed] += 1
        assert seen[True] > 0 and seen[False] > 0
        view.close()
    finally:
        sample_window.set_language("en")
        QSettings().setValue("language", "system")
        i18n.install()


def test_a_name_longer_than_the_timelines_column_is_shortened_and_nothing_overflows(  # type: ignore[no-untyped-def]
        qtbot, sample_window: MainWindow) -> None:
    """A 300-letter name (one word) beside the rides' bars ends with an
    ellipsis in its column; the other names are whole, and nothing spills."""
    from planner.model import FieldRide, Person
    from planner.operations.rows import edit
    from planner.outline.blocks import Timeline

    session = sample_window.session
    assert session is not None
    rider = next(p for p in session.store.rows(Person)
                 if any(r.visitor_id == p.id for r in session.store.rows(FieldRide)))
    assert session.attempt(lambda: edit(rider, name="W" * 300))
    sample_window.start_workshop()
    view = sample_window.workshop
    assert isinstance(view, WorkshopView)
    qtbot.addWidget(view)
    view.showNormal()
    view.resize(1280, 720)
    qtbot.waitUntil(lambda: not view.fitting(), timeout=20_000)
    n = next(n for n, s in enumerate(view.slides) if isinstance(s.figure, Timeline))
    view.go(n)
    view.grab()
    stage = view.last_stage
    assert stage is not None and not stage.overflow
    shortened = [d for d in stage.drawn if d.text.startswith("WWW")]
    assert len(shortened) == 1 and shortened[0].text.endswith("\u2026")
    assert shortened[0].needed.right() <= 1280 * 0.45
    others = [name for name in view.slides[n].figure.lanes if name != "W" * 300]
    assert all(any(d.text == name for d in stage.drawn) for name in others)
    view.close()
