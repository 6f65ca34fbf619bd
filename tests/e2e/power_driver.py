"""Edits a plan through the real window's own session, in random order and
kinds (reword a goal, add a goal, move a ride's territory, add a person,
undo), printing what each edit will write before it is tried and each one
the window reports saved:

    trying KIND ID FIELD VALUE      (before the edit: what it would write)
    saved KIND ID FIELD VALUE       (VALUE "-" for a row undone away)

Only the edit in flight at the cut (the lines after the last "saved") may be
in the file or not.

The parent cuts the power (kills the file system under the plan and this
process) at a random moment and checks every saved edit is in the file.
    python power_driver.py PLAN SEED [--synchronous NORMAL]
"""

import os
import random
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner.app import make_application  # noqa: E402
from planner.model import FieldRide, Goal, Person  # noqa: E402
from planner.model.enums import Team  # noqa: E402
from planner.operations import goals  # noqa: E402
from planner.operations.rows import add, edit, new  # noqa: E402
from planner.store import connection  # noqa: E402
from planner.ui.shell.main_window import MainWindow  # noqa: E402


def main() -> None:
    plan, seed = Path(sys.argv[1]), int(sys.argv[2])
    if "--synchronous" in sys.argv:  # the test shows what a weaker promise loses
        connection.SYNCHRONOUS = sys.argv[sys.argv.index("--synchronous") + 1]
    app = make_application(sys.argv[:1])
    window = MainWindow()
    window.show()
    assert window.open_plan(plan)
    session = window.session
    assert session is not None
    store, rng = session.store, random.Random(seed)
    for n in range(1, 100_000):
        step = rng.choice(("reword", "reword", "add_goal", "ride", "person", "undo"))
        marker = f"edit {n} of seed {seed}"
        if step == "reword":
            goal = rng.choice(store.rows(Goal))
            said = ("Goal", goal.id, "title", marker)
            _say("trying", said)
            ok = session.attempt(lambda: goals.reword(goal, title=marker))
        elif step == "add_goal":
            change = add(new(Goal, title=marker))
            said = ("Goal", change.rows[0].id, "title", marker)
            _say("trying", said)
            ok = session.do(change)
        elif step == "ride":
            ride = rng.choice(store.rows(FieldRide))
            said = ("FieldRide", ride.id, "territory", marker)
            _say("trying", said)
            ok = session.do(edit(ride, territory=marker))
        elif step == "person":
            change = add(new(Person, name=marker,
                             team=rng.choice((Team.SALES, Team.MARKETING)),
                             email=f"p{n}.{seed}@example.com"))
            said = ("Person", change.rows[0].id, "name", marker)
            _say("trying", said)
            ok = session.do(change)
        else:
            stack = session.undo_stack
            if not stack.canUndo():
                continue
            undone = stack.command(stack.index() - 1).change
            watched = [(row, FIELD[row.kind.__name__]) for row in undone
                       if row.kind.__name__ in FIELD]
            for row, field in watched:  # undone, each row becomes what it was before
                _say("trying", (row.kind.__name__, row.id, field,
                                _value(row.before, field)))
            stack.undo()
            app.processEvents()
            for row, field in watched:
                _say("saved", (row.kind.__name__, row.id, field,
                               _value(store.get(row.kind, row.id), field)))
            continue
        app.processEvents()
        if ok:
            _say("saved", said)


FIELD = {"Goal": "title", "FieldRide": "territory", "Person": "name"}


def _value(row: object, field: str) -> str:
    return "-" if row is None else str(getattr(row, field))


def _say(what: str, said: tuple[str, str, str, str]) -> None:
    # One write a line (print writes each part on its own when Python runs
    # unbuffered): a kill leaves a whole line or none, or the end of one cut.
    sys.stdout.write(" ".join((what, *said)) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
