"""Who may do what in a plan: the one place the roles are decided.

Each person has a role in the plan: the plan names its head of sales and
head of marketing; everyone else is an editor (the default), a viewer or the
facilitator (`Person.access`). A head may name people of their own team as
delegates, who sign off in the head's stead.

- A goal is signed off (a message approved) for a side only by that side's
  head or one of its delegates, in their own name.
- Viewers change nothing; editors change everything but sign-offs and roles;
  the two heads change roles (while a side has no head, anyone who edits may
  name one); only a side's head names its delegates.
- The facilitator runs workshop mode (with the heads); where the plan names
  no facilitator, anyone who edits may.

The store's commit asks `refusal` for every change, so the window, the
workshop, an import into a plan and a restore obey the same rules. A merge
brings in what the other copy's commits already passed there; only its
committer's right to change the plan at all is asked. On a file, the actor is
declared, not proven: the rules guard against mistakes.
"""

from collections.abc import Sequence

from planner.i18n import N_, _
from planner.model import Goal, Message, Person, Plan, Record, Survey
from planner.model.actor import Actor
from planner.model.enums import Access, Team
from planner.model.reader import PlanReader
from planner.rules.signoff import NOT_SIGNED, SIDES, Side, signature, wording

Change = tuple[Record | None, Record | None]  # a row before and after

HEAD_FIELD: dict[Side, str] = {"sales": "head_of_sales_id", "marketing": "head_of_marketing_id"}
TEAM_OF: dict[Side, Team] = {"sales": Team.SALES, "marketing": Team.MARKETING}
# The roles, as a sentence names them.
HEAD_OF_SALES, HEAD_OF_MARKETING = "head of sales", "head of marketing"
EDITOR, VIEWER, FACILITATOR, GUEST = "editor", "viewer", "facilitator", "guest"
ROLES = (HEAD_OF_SALES, HEAD_OF_MARKETING, EDITOR, VIEWER, FACILITATOR)
ACCESS_ROLE = {Access.EDITOR: EDITOR, Access.VIEWER: VIEWER, Access.FACILITATOR: FACILITATOR}


def head_id(plan: Plan, side: Side) -> str | None:
    return getattr(plan, HEAD_FIELD[side])  # type: ignore[no-any-return]


def actor_for(person: Person, login: str = "") -> Actor:
    """A person of the plan as the author of changes."""
    return Actor(person.name, person.id, login)


def head_actor(reader: PlanReader, side: Side, login: str = "") -> Actor | None:
    """The head of a side as the author of changes (None: the plan names none)."""
    head = reader.get(Person, head_id(reader.plan(), side) or "")
    return None if head is None else actor_for(head, login)


def role_of(plan: Plan, person: Person) -> str:
    """A person's role in the plan, as a sentence names it ("head of sales")."""
    if plan.head_of_sales_id == person.id:
        return HEAD_OF_SALES
    if plan.head_of_marketing_id == person.id:
        return HEAD_OF_MARKETING
    return ACCESS_ROLE[person.access]


def actor_person(reader: PlanReader, actor: Actor) -> Person | None:
    """The actor's person in this plan (None: a guest, or a person removed)."""
    return reader.get(Person, actor.person_id) if actor.person_id else None


def actor_role(reader: PlanReader, actor: Actor) -> str:
    person = actor_person(reader, actor)
    return GUEST if person is None else role_of(reader.plan(), person)


# The roles' and sides' words in the language spoken (the constants above are keys).
ROLE_WORDS = {HEAD_OF_SALES: N_("head of sales"), HEAD_OF_MARKETING: N_("head of marketing"),
              EDITOR: N_("editor"), VIEWER: N_("viewer"), FACILITATOR: N_("facilitator"),
              GUEST: N_("guest")}
SIDE_WORDS = {"sales": N_("sales"), "marketing": N_("marketing")}


def role_words(role: str) -> str:
    return _(ROLE_WORDS.get(role, role))


def _side(side: Side) -> str:
    return _(SIDE_WORDS[side])


def _named(reader: PlanReader, person: Person) -> str:
    """"Ines Berg (editor)", in the language spoken."""
    return _("{name} ({role})").format(name=person.name,
                                      role=role_words(role_of(reader.plan(), person)))


def _you(reader: PlanReader, actor: Actor) -> str:
    person = actor_person(reader, actor)
    if person is None:
        return _("you are using the plan as a guest ({name})").format(name=actor.name)
    return _("you are {name} ({role})").format(name=person.name,
                                              role=role_words(role_of(reader.plan(), person)))


def delegates(reader: PlanReader, side: Side) -> list[Person]:
    """The people a side's head named to sign in their stead, by name."""
    team = TEAM_OF[side]
    return sorted((p for p in reader.rows(Person)
                   if p.delegate and p.team is team and not p.left_plan
                   and p.access is not Access.VIEWER),
                  key=lambda p: (p.name.casefold(), p.id))


def may_sign(reader: PlanReader, person_id: str | None, side: Side) -> bool:
    """Whether this person signs for the side: its head, or a delegate of it."""
    if person_id is None:
        return False
    if head_id(reader.plan(), side) == person_id:
        return True
    return any(p.id == person_id for p in delegates(reader, side))


def sign_refusal(reader: PlanReader, side: Side, actor: Actor, kind: type[Record] = Goal,
                 withdraw: bool = False) -> str:
    """Who may sign for the side instead, in one sentence."""
    what = (_("withdraw the {side} sign-off") if withdraw else _("sign off for {side}")) \
        if kind is Goal else \
        (_("withdraw the {side} approval") if withdraw else _("approve messages for {side}"))
    what = what.format(side=_side(side))
    head = reader.get(Person, head_id(reader.plan(), side) or "")
    names = ", ".join(p.name for p in delegates(reader, side))
    delegate = (_("a delegate for {side} ({names})") if names else
                _("a delegate for {side}")).format(side=_side(side), names=names)
    if head is None:
        who = _("The plan names no head of {side} yet, and only the head of {side} or {delegate} "
                "can {what}: name one on the Overview").format(side=_side(side),
                                                               delegate=delegate, what=what)
    else:
        who = _("Only {head} (head of {side}) or {delegate} can {what}").format(
            head=head.name, side=_side(side), delegate=delegate, what=what)
    return _("{who}; {you}.").format(who=who, you=_you(reader, actor))


def _heads(reader: PlanReader) -> list[Person]:
    plan = reader.plan()
    return [p for side in SIDES if (p := reader.get(Person, head_id(plan, side) or ""))]


def viewer_refusal(reader: PlanReader, actor: Actor) -> str | None:
    person = actor_person(reader, actor)
    if person is None or role_of(reader.plan(), person) != VIEWER:
        return None
    heads = _(" or ").join(p.name for p in _heads(reader)) or _("a head of the plan")
    return _("{name} is a viewer of this plan and changes nothing in it; {heads} can make them "
             "an editor.").format(name=person.name, heads=heads)


def workshop_refusal(reader: PlanReader, actor: Actor) -> str | None:
    """Why the actor may not run workshop mode (None: they may)."""
    viewer = viewer_refusal(reader, actor)
    if viewer:
        return viewer
    facilitators = [p for p in reader.rows(Person)
                    if p.access is Access.FACILITATOR and not p.left_plan]
    role = actor_role(reader, actor)
    if not facilitators or role in (FACILITATOR, HEAD_OF_SALES, HEAD_OF_MARKETING):
        return None
    names = ", ".join(p.name for p in facilitators)
    return _("Workshop mode is run by the plan's facilitator ({names}) or one of its heads; "
             "{you}.").format(names=names, you=_you(reader, actor))


def refusal(own: Sequence[Change], every: Sequence[Change], before: PlanReader,
            after: PlanReader, actor: Actor, *, exact: bool, merge: bool) -> str | None:
    """Why the actor may not commit this change (one sentence), or None.

    `own` are the change set's rows as given, `every` the rows the commit
    would write (what follows included); `before` and `after` read the plan
    on either side of it."""
    viewer = viewer_refusal(before, actor)
    if viewer:
        return viewer
    if merge:
        return None
    for row_before, row_after in own:
        if isinstance(row_after, Goal | Message):
            problem = _signing_problem(row_before, row_after, after, actor, exact)
            if problem:
                return problem
    return _role_problem(every, before, actor)


def _signing_problem(row_before: Record | None, row: Goal | Message, after: PlanReader,
                     actor: Actor, exact: bool) -> str | None:
    old = row_before if isinstance(row_before, Goal | Message) else None
    reworded = old is not None and wording(old) != wording(row)
    for side in SIDES:
        was = signature(old, side) if old is not None else NOT_SIGNED
        now = signature(row, side)
        if was == now:
            continue
        if now.at is not None:  # signed
            if exact or reworded:
                # Undo, redo, a version restored: a sign-off of record comes back
                # with its wording, made by someone who signs for that side (or
                # by nobody known: approved before plan format 8 recorded who).
                if now.by_id is None or may_sign(after, now.by_id, side) or exact and reworded:
                    continue
                return sign_refusal(after, side, actor, type(row))
            if may_sign(after, actor.person_id, side) and now.by_id == actor.person_id:
                continue
            return sign_refusal(after, side, actor, type(row))
        if exact or reworded or old is None:
            continue  # taken back, or withdrawn because the wording changed
        other: Side = "marketing" if side == "sales" else "sales"
        if signature(row, other).at is None:
            continue  # both withdrawn to reword it: the same as rewording it
        if not may_sign(after, actor.person_id, side):
            return sign_refusal(after, side, actor, type(row), withdraw=True)
    return None


def _role_problem(every: Sequence[Change], before: PlanReader, actor: Actor) -> str | None:
    heads = _heads(before)
    is_head = any(p.id == actor.person_id for p in heads)
    plan_before = before.plan()
    for row_before, row_after in every:
        if isinstance(row_after, Plan) and isinstance(row_before, Plan):
            for side in SIDES:
                was, now = head_id(row_before, side), head_id(row_after, side)
                vacant = was is None or before.get(Person, was) is None
                if was != now and not (is_head or vacant):
                    return _heads_only(heads, actor, before)
        elif isinstance(row_after, Survey) and isinstance(row_before, Survey):
            if row_before.shows_people != row_after.shows_people and heads and not is_head:
                return _survey_heads_only(heads, actor, before)
        elif isinstance(row_after, Person) or isinstance(row_before, Person):
            was_p = row_before if isinstance(row_before, Person) else None
            now_p = row_after if isinstance(row_after, Person) else None
            was_access = was_p.access if was_p else Access.EDITOR
            now_access = now_p.access if now_p else was_access
            if was_access is not now_access and not is_head and heads:
                return _heads_only(heads, actor, before)
            was_delegate = bool(was_p and was_p.delegate)
            now_delegate = bool(now_p and now_p.delegate) if now_p else was_delegate
            if was_delegate != now_delegate:
                person = now_p or was_p
                assert person is not None
                problem = _delegation_problem(person, plan_before, before, actor)
                if problem:
                    return problem
    return None


def _heads_only(heads: list[Person], actor: Actor, reader: PlanReader) -> str:
    names = _(" and ").join(_named(reader, p) for p in heads)
    return _("Only the heads of the plan, {names}, change who may do what in it; {you}.").format(
        names=names, you=_you(reader, actor))


def _survey_heads_only(heads: list[Person], actor: Actor, reader: PlanReader) -> str:
    names = _(" and ").join(_named(reader, p) for p in heads)
    return _("Only the heads of the plan, {names}, choose whether the survey shows who named "
             "whom; {you}.").format(names=names, you=_you(reader, actor))


def _delegation_problem(person: Person, plan: Plan, reader: PlanReader,
                        actor: Actor) -> str | None:
    side: Side | None = next((s for s in SIDES if TEAM_OF[s] is person.team), None)
    if side is None:
        return _("{name} is not in sales or marketing, so cannot sign off for a side in its "
                 "head's stead.").format(name=person.name)
    head = reader.get(Person, head_id(plan, side) or "")
    if head is None:
        return _("The plan names no head of {side} yet to name delegates for {side}: name one "
                 "on the Overview.").format(side=_side(side))
    if head.id == actor.person_id:
        return None
    return _("Only {head} (head of {side}) names delegates for {side}; {you}.").format(
        head=head.name, side=_side(side), you=_you(reader, actor))
