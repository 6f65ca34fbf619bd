"""The room's memory: who joined, what they wrote and how they voted."""

from pathlib import Path

import pytest

from planner.room.state import (
    BURST, CARD_MAX, READS_BURST, CODE_ALPHABET, CODE_LENGTH, HOT_BUTTON, PROPOSAL, RETRO, WRONG_CODES_ALLOWED,
    Room, RoomRefusal, Shown, clean_text)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def room_on(adds: str, clock: Clock | None = None, **kw: object) -> Room:
    room = Room(clock=clock or Clock(), **kw)  # type: ignore[arg-type]
    room.show(Shown("Proposals", ("From sales: more demos",), adds))
    return room


def test_every_opening_has_a_new_code_of_six_unambiguous_characters() -> None:
    codes = {Room().code for _ in range(50)}
    assert len(codes) == 50
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_wrong_codes_lock_an_address_out_and_leave_others_in() -> None:
    room = room_on(HOT_BUTTON)
    for n in range(WRONG_CODES_ALLOWED):
        with pytest.raises(RoomRefusal) as refused:
            room.join("10.0.0.7", "AAAAAA" if room.code != "AAAAAA" else "BBBBBB", "", "")
        assert refused.value.status == 403
    with pytest.raises(RoomRefusal) as refused:
        room.join("10.0.0.7", room.code, "Ines", "")  # even the right code, now
    assert refused.value.status == 429 and "locked out" in refused.value.sentence
    assert room.join("10.0.0.8", room.code.lower(), "Ines", "sales")  # typed in lower case
    assert room.participants() == 1


def test_a_card_is_kept_as_typed_text_bounded_and_anonymous_when_no_name_was_given() -> None:
    room = room_on(HOT_BUTTON)
    anon = room.join("a", room.code, "   ", "")
    named = room.join("b", room.code, "Ines Berg", "marketing")
    room.add_card(anon, "<script>alert(1)</script>\n\tToo   slow to quote")
    room.add_card(named, "Buyers ask for references 🚀")
    cards = room.state_for(anon)["cards"]
    assert [(c["text"], c["author"], c["mine"]) for c in cards] == [
        ("<script>alert(1)</script> Too slow to quote", "", True),
        ("Buyers ask for references 🚀", "Ines Berg", False)]
    with pytest.raises(RoomRefusal) as refused:
        room.add_card(anon, "x" * (CARD_MAX + 1))
    assert refused.value.status == 413 and f"{CARD_MAX + 1} characters" in refused.value.sentence
    for empty in ("", "   \n", None, 42, ["list"]):
        with pytest.raises(RoomRefusal):
            room.add_card(anon, empty)
    assert len(room.snapshot()) == 2


def test_a_slide_without_cards_takes_none_and_a_retro_card_needs_a_part() -> None:
    room = room_on("")
    token = room.join("a", room.code, "", "")
    with pytest.raises(RoomRefusal, match="takes no cards"):
        room.add_card(token, "hello")
    room.show(Shown("Review", (), RETRO))
    with pytest.raises(RoomRefusal, match="Start, Stop, Continue"):
        room.add_card(token, "hello", "liked")
    room.set_format("4l")
    assert room.add_card(token, "The demos", "liked").part == "liked"


def test_a_proposal_takes_the_side_chosen_or_the_participants_own() -> None:
    room = room_on(PROPOSAL)
    token = room.join("a", room.code, "", "marketing")
    assert room.add_card(token, "Win 20 logos").part == "marketing"
    assert room.add_card(token, "Shorter SLA", "sales").part == "sales"


def test_a_retro_card_that_names_someone_is_flagged() -> None:
    room = Room(names_someone=lambda text: "Jonas" in text)
    room.show(Shown("Review", (), RETRO))
    token = room.join("a", room.code, "", "")
    assert room.add_card(token, "Jonas forgot the leads", "stop").names_someone
    assert not room.add_card(token, "Leads waited three days", "stop").names_someone


def test_dots_are_limited_to_each_participants_share_and_only_while_the_vote_is_open() -> None:
    clock = Clock()
    room = room_on(HOT_BUTTON, clock)
    a, b = (room.join(x, room.code, "", "") for x in "ab")
    first = room.add_card(a, "One")
    second = room.add_card(b, "Two")
    with pytest.raises(RoomRefusal, match="No vote"):
        room.vote(a, first.id, True)
    room.start_vote(60, votes_each=2)
    assert room.vote(a, second.id, True) == 1
    assert room.vote(a, second.id, True) == 0
    with pytest.raises(RoomRefusal, match="all 2"):
        room.vote(a, first.id, True)
    assert room.vote(a, second.id, False) == 1
    assert room.vote(b, first.id, True) == 1
    assert [(c.text, c.dots) for c in room.snapshot()] == [("One", 1), ("Two", 1)]
    clock.now += 61
    with pytest.raises(RoomRefusal, match="No vote"):
        room.vote(b, first.id, True)


def test_a_participant_flooding_the_room_is_slowed_and_others_are_not() -> None:
    clock = Clock()
    room = room_on(HOT_BUTTON, clock)
    flood, calm = room.join("a", room.code, "", ""), room.join("b", room.code, "", "")
    answered = refused = 0
    for _ in range(10_000):  # 10,000 reads in the same instant
        try:
            room.check(flood)
            answered += 1
        except RoomRefusal as exc:
            assert exc.status == 429
            refused += 1
    assert answered == READS_BURST and refused == 10_000 - READS_BURST
    assert room.check(calm) and room.state_for(calm)["title"] == "Proposals"
    for n in range(BURST):  # writing has a bucket of its own
        room.add_card(flood, f"Card {n}")
    with pytest.raises(RoomRefusal) as slowed:
        room.add_card(flood, "One too many")
    assert slowed.value.status == 429 and len(room.snapshot()) == BURST
    clock.now += 5  # refilled: ten reads and two writes a second
    assert room.check(flood) and room.add_card(flood, "Later")


def test_confidence_is_said_on_a_goal_slide_once_per_participant() -> None:
    room = Room()
    room.show(Shown("1. Win", (), "", "goal-g1"))
    a, b = room.join("a", room.code, "", ""), room.join("b", room.code, "", "")
    room.say_confidence(a, 3)
    room.say_confidence(a, 7)  # changed their mind
    room.say_confidence(b, 9)
    assert room.confidence_of("goal-g1") == [7, 9]
    for bad in (0, 11, 5.5, "7", True, None):
        with pytest.raises(RoomRefusal):
            room.say_confidence(a, bad)
    room.show(Shown("Goals", ()))
    with pytest.raises(RoomRefusal, match="not a goal"):
        room.say_confidence(a, 5)


def test_once_closed_no_token_works_and_a_new_room_knows_none_of_the_old() -> None:
    room = room_on(HOT_BUTTON)
    token = room.join("a", room.code, "", "")
    room.close()
    with pytest.raises(RoomRefusal) as refused:
        room.state_for(token)
    assert refused.value.status == 410
    with pytest.raises(RoomRefusal) as refused:
        room_on(HOT_BUTTON).state_for(token)
    assert refused.value.status == 401


def test_clean_text_drops_control_characters_and_keeps_emoji_joined() -> None:
    assert clean_text("a\x00b\x1bc\u202e d", 50, "card") == "abc d"
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert clean_text(family, 50, "card") == family


def test_odd_survey_answers_are_refused_with_a_sentence_and_change_nothing(
        sample_path: Path) -> None:
    """Whatever a page sends as its person and answers, the room refuses it
    with a status and a sentence (never an error), and keeps nothing."""
    from datetime import date

    from planner.model import Person
    from planner.operations import survey as survey_ops
    from planner.room.state import SURVEY
    from planner.room.survey import room_survey
    from planner.store.plan_store import PlanStore

    with PlanStore.open(sample_path) as store:
        store.commit(survey_ops.open_survey(store, date(2027, 3, 1))[0])
        offered = room_survey(store)
        people = {p.name: p for p in store.rows(Person)}
    assert offered is not None
    room = room_on(HOT_BUTTON)
    room.offer_survey(offered)
    token = room.join("10.0.0.1", room.code, "", "")
    ines, bjorn = people["Ines Berg"].id, people["Bjorn Tanaka"].id
    with pytest.raises(RoomRefusal) as refused:  # the survey's slide is not on the screen
        room.answer_survey(token, ines, [])
    assert refused.value.status == 409
    room.show(Shown("Who do you go to?", (), SURVEY))
    odd: list[tuple[object, object]] = [
        (None, []), (["x"], []), (12, []), ("", []), (ines, None), (ines, {"0": bjorn}),
        (ines, "[[0, 1, 2]]"), (ines, [[0, bjorn, 2]] * 501), (ines, [[True, bjorn, 2]]),
        (ines, [[0, bjorn, 2.5]]), (ines, [[-1, bjorn, 2]]), (ines, [[0, bjorn, 2], [0, bjorn, 3]]),
        (ines, [[0, "\u202e" * 70, 2]]), (ines, [[0, bjorn, float("nan")]]),
    ]
    for person, answers in odd:
        with pytest.raises(RoomRefusal) as refused:
            room.answer_survey(token, person, answers)
        assert refused.value.status in (400, 409) and refused.value.sentence.endswith("."), \
            (person, answers)
    assert room.survey_given() == []
    room.answer_survey(token, ines, [[0, bjorn, 2]])
    assert room.survey_given() == [(ines, [[0, bjorn, 2]])]
    room.offer_survey(None)  # the survey gone from the plan: its answers go too
    assert room.survey_given() == []
