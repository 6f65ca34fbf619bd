"""Sign-off and agreement: a goal is agreed only on the wording both sides signed."""

from datetime import date, datetime, timezone
from typing import Any

from planner.model import Goal, Person, Plan
from planner.model.enums import GoalStatus, PlanStatus, Team
from planner.operations.rows import new
from planner.rules import signoff
from planner.rules.goals import goal_findings
from planner.rules.signoff import agreement, has_signed, is_agreed, settled, waiting_for

NOW = datetime(2027, 2, 1, 9, 30, tzinfo=timezone.utc)


def goal(**values: Any) -> Goal:
    fields: dict[str, Any] = {"title": "Lift MQL acceptance", "status": GoalStatus.ACTIVE,
                              "success_measure": "70% accepted in 2 days",
                              "due_date": date(2027, 6, 30), **values}
    return new(Goal, **fields)


def signed(g: Goal, *sides: str) -> Goal:
    for side in sides:
        g = signoff.signed(g, side, f"{side}-head", NOW)  # type: ignore[arg-type]
    return g


def test_a_goal_is_agreed_only_when_both_sides_signed_its_present_wording() -> None:
    g = goal()
    assert waiting_for(g) == ("sales", "marketing")
    assert waiting_for(signed(g, "sales")) == ("marketing",)
    both = signed(g, "sales", "marketing")
    assert is_agreed(both)
    # The same goal with other words (however it got them) is agreed by no one.
    for field, value in (("title", "Lift SQL acceptance"), ("description", "why"),
                         ("success_measure", "75% accepted"), ("due_date", date(2027, 7, 1)),
                         ("due_date", None)):
        assert not is_agreed(both._replace(**{field: value})), field
    # Who owns it, its status or its reward are not wording.
    assert is_agreed(both._replace(sales_owner_id="x", shared_reward="offsite"))
    # A damaged record of the wording signs nothing.
    assert not has_signed(both._replace(sales_signed_wording="not json ["), "sales")


def test_settling_withdraws_exactly_the_sign_offs_of_another_wording() -> None:
    both = signed(goal(), "sales", "marketing")
    assert settled(both) == both
    reworded = settled(both._replace(title="New words"))
    assert waiting_for(reworded) == ("sales", "marketing")
    assert reworded.sales_signed_at is None and reworded.marketing_signed_wording is None
    # One side signed the new words already: only the other is withdrawn.
    half = signoff.signed(both._replace(title="New words"), "sales", "s", NOW)
    assert settled(half) == signoff.withdrawn(half, "marketing")


def test_agreement_says_how_far_the_plan_is_from_agreed() -> None:
    goals = ([signed(goal(), "sales", "marketing")] * 9 + [signed(goal(), "sales")] * 2
             + [signed(goal(), "marketing")] + [goal(status=GoalStatus.DROPPED)])
    a = agreement(goals)
    assert a.text() == "9 of 12 goals agreed; 2 wait for marketing, 1 for sales"
    assert a.status is PlanStatus.DRAFT
    assert agreement(goals[:9]).text() == "All 9 goals agreed: the plan is agreed."
    assert agreement(goals[:9]).status is PlanStatus.AGREED
    assert agreement([goal()]).text() == "0 of 1 goal agreed; 1 waits for both sides"
    assert agreement([]).status is PlanStatus.DRAFT  # nothing agreed is not an agreement


def test_goal_warnings_name_what_is_wrong() -> None:
    plan = new(Plan, title="P", period_start=date(2027, 1, 1), period_end=date(2027, 12, 31))
    people = [new(Person, id="s", name="Sam", team=Team.SALES),
              new(Person, id="m", name="Mia", team=Team.MARKETING),
              new(Person, id="x", name="Xavier", team=Team.SALES, left_plan=True)]
    ok = goal(id="ok", sales_owner_id="s", marketing_owner_id="m")
    assert goal_findings(plan, [ok], people) == []
    cases = [
        ({"marketing_owner_id": None}, "has no marketing owner"),
        ({"sales_owner_id": "x"}, "its sales owner, Xavier, left the plan"),
        ({"marketing_owner_id": "s"}, "its marketing owner, Sam, is in sales"),
        ({"due_date": date(2028, 1, 2)}, "is due 2 Jan 2028, outside the plan period"),
        ({"success_measure": "Much better alignment"}, "success criterion has no number"),
        ({"success_measure": "  "}, "has no success criterion"),
    ]
    for changes, message in cases:
        found = goal_findings(plan, [ok._replace(**changes)], people)
        assert [message in f.message for f in found] == [True], (changes, found)
    twins = [ok, ok._replace(id="twin", title=" lift mql ACCEPTANCE ")]
    assert len(goal_findings(plan, twins, people)) == 2
    # A dropped goal is out of the plan: no warnings, and it frees its title.
    dropped = ok._replace(id="d", status=GoalStatus.DROPPED, success_measure="vague")
    assert goal_findings(plan, [ok, dropped], people) == []
