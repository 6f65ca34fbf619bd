"""Differences as a reader says them: section by section, rows by name, fields
with their before and after, text changes word by word."""

from pathlib import Path

from planner.model import FieldRide, Goal, Person
from planner.model.enums import Team
from planner.operations import goals
from planner.operations.rows import edit, remove
from planner.i18n import speaking
from planner.outline.changes import appendix, between, differences, summary, word_diff
from planner.store.plan_store import PlanStore


def test_differences_name_rows_fields_and_people(large_path: Path) -> None:
    with PlanStore.open(large_path) as store:
        old = store.state()
        goal, ride = store.rows(Goal)[0], store.rows(FieldRide)[0]
        marketer = next(p for p in store.rows(Person)
                        if p.team is Team.MARKETING and p.id != goal.marketing_owner_id)
        store.commit(goals.reword(goal, title="Win back <b>lapsed</b> accounts"))
        store.commit(edit(store.get(Goal, goal.id), marketing_owner_id=marketer.id))  # type: ignore[arg-type]
        store.commit(remove([ride]))
        new = store.state()
    found = differences(between(old, new), old, new)
    assert summary(found) == "1 changed, 2 removed"  # the ride and a hot button heard on it
    changed = next(d for d in found if d.what == "changed")
    assert changed.section == "goals" and changed.section_title == "Goals"
    assert changed.label == "goal \u201cWin back <b>lapsed</b> accounts\u201d"
    fields = {f.field: f for f in changed.fields}
    assert fields["title"].before == goal.title
    assert fields["marketing_owner_id"].after == marketer.name  # a name, not an id
    assert fields["marketing_owner_id"].label == "Marketing owner"
    assert "sales_signed_wording" not in fields and "updated_at" not in fields
    assert [d.section for d in found] == ["goals", "rides", "rides"]
    assert found[1].label.startswith("field ride \u201c" + f"{ride.first_day:%-d %b %Y}, ")
    assert changed.line().startswith("goals: changed goal \u201cWin back")
    assert differences(between(new, new), new, new) == []
    with speaking("de"):  # as the window, the PDF and `tandem diff` say it in German
        german = differences(between(old, new), old, new)
        assert summary(german) == "1 geändert, 2 entfernt"
        line = next(d for d in german if d.what == "changed").line()
        ride_label = german[1].label
        appendix_title = appendix("Q1", german).title
    assert line.startswith("goals: Ziel \u201eWin back <b>lapsed</b> accounts\u201c geändert: ")
    assert "; Marketingverantwortung \u201e" in line and "\u201c \u2192 \u201e" in line, line
    assert ride_label.startswith("Außendienstbegleitung \u201e" + f"{ride.first_day:%d.%m.%Y}, ")
    assert " mit " in ride_label
    assert appendix_title == "Änderungen seit \u201eQ1\u201c"


def test_word_diff_marks_only_the_words_that_changed() -> None:
    assert word_diff("Win back lapsed accounts in DACH", "Win back lost accounts in DACH") == [
        ("same", "Win back "), ("gone", "lapsed"), ("new", "lost"), ("same", " accounts in DACH")]
    assert word_diff("", "New") == [("new", "New")]
    assert "".join(t for op, t in word_diff("a b", "c d e") if op != "gone") == "c d e"


def test_a_survey_opened_and_answered_is_a_difference_of_the_network(sample_path: Path) -> None:
    """Every kind of row is said somewhere: a survey (issue 30) once broke the
    summary's changes since the last version, its section in no order."""
    from datetime import date

    from planner.model import SurveyInvite
    from planner.operations import survey as survey_ops
    from planner.outline.changes import ORDER, SECTION_OF

    assert set(SECTION_OF.values()) <= set(ORDER)
    with PlanStore.open(sample_path) as store:
        old = store.state()
        store.commit(survey_ops.open_survey(store, date(2027, 3, 1))[0])
        new = store.state()
        invites = len(store.rows(SurveyInvite))
    found = differences(between(old, new), old, new)
    assert {d.section for d in found} == {"network"} and len(found) == invites + 1
    assert all("token" not in f.field for d in found for f in d.fields)  # the tokens unsaid
