"""The library's rules without Qt: who a review names, the blameless flag,
and which messages a filter lets through."""

from datetime import date

from planner.model import Message, Person, Review, utc_now
from planner.model.enums import Team
from planner.operations.rows import new
from planner.rules.library import (
    MessageFilter,
    NameIndex,
    blame_flag,
    message_matches,
    message_state,
    people_named,
)
from planner.rules.signoff import signed

PEOPLE = [new(Person, name="Amara Okafor", team=Team.SALES),
          new(Person, name="Will Chen", team=Team.MARKETING),
          new(Person, name="Li Na", team=Team.SALES),
          new(Person, name="Jean-Luc Moreau", team=Team.MARKETING)]
NAMES = NameIndex.of(PEOPLE)


def review(text: str, dismissed: bool = False) -> Review:
    return new(Review, held_on=date(2027, 3, 1), what_happened=text,
               blame_flag_dismissed=dismissed)


def test_a_review_names_people_by_full_name_or_a_name_written_as_a_name() -> None:
    assert [p.name for p in people_named(review("amara okafor missed it"), NAMES)] == [
        "Amara Okafor"]
    assert [p.name for p in people_named(review("Okafor was away"), NAMES)] == ["Amara Okafor"]
    assert [p.name for p in people_named(review("Luc and Moreau"), NAMES)] == ["Jean-Luc Moreau"]
    # Words that only look like names are not names: "will", "Amaranth", "li" in "lift".
    assert people_named(review("We will lift the Amaranth account"), NAMES) == []
    # "Li Na" is found whole; its two-letter parts alone are not.
    assert [p.name for p in people_named(review("Asked li na twice"), NAMES)] == ["Li Na"]
    assert people_named(review("Li said no"), NAMES) == []


def test_the_flag_is_gentle_and_dismissable() -> None:
    assert blame_flag(review("Routing sent leads to a shared inbox"), NAMES) is None
    assert blame_flag(review("Will Chen and Amara forgot"), NAMES) == (
        "This review names Amara Okafor, Will Chen: reviews describe the system, not people.")
    assert blame_flag(review("Will Chen forgot", dismissed=True), NAMES) is None


def test_message_filters() -> None:
    now = utc_now()
    draft = new(Message, customer_problem="Finance asks for a business case",
                segment="Mid-market CFO", funnel_stage_id="s1", field_ride_id="r1")
    half = signed(draft, "sales", "p", now)
    both = signed(half, "marketing", "q", now)
    assert [message_state(m) for m in (draft, half, both)] == [
        "Draft: waits for both sides", "Waits for marketing", "Approved"]
    assert message_matches(half, MessageFilter(waiting_for="marketing"), {})
    assert not message_matches(half, MessageFilter(waiting_for="sales"), {})
    assert message_matches(both, MessageFilter(approved=True, stage_id="s1", source="ride"), {})
    assert not message_matches(both, MessageFilter(source="review"), {})
    assert message_matches(draft, MessageFilter(text="cfo"), {})
    assert not message_matches(draft, MessageFilter(stage_id=""), {})  # placed in a stage
