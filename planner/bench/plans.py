"""The plans the benchmark measures, written once per run: the sample plan at
its sizes (600, 6,000 and 60,000 rides) and the large plan grown to 1,000
goals. No Qt here: the benchmark's parent process stays light."""

from pathlib import Path

GOALS = 1000
RIDE_SIZES = {600: "large", 6000: "rides6000", 60000: "rides60000"}


def sample(folder: Path, rides: int) -> Path:
    from planner.sample import write_sample

    path = folder / f"rides{rides}.tandem"
    if not path.exists():
        write_sample(path, RIDE_SIZES[rides]).close()
    return path


def thousand_goals(folder: Path) -> Path:
    """The large sample plan with its goals copied up to 1,000, every status
    and owner among them."""
    from planner.changes import ChangeSet, added
    from planner.model import Goal, Person, new_id
    from planner.model.enums import GoalStatus, Team
    from planner.rules.signoff import withdrawn
    from planner.sample import write_sample

    path = folder / "goals1000.tandem"
    if path.exists():
        return path
    with write_sample(path, "large") as store:
        people = store.rows(Person)
        sales = [p.id for p in people if p.team is Team.SALES]
        marketing = [p.id for p in people if p.team is Team.MARKETING]
        have = store.rows(Goal)
        # Copies of a goal, unsigned: a sign-off is the head's to make.
        extra = [withdrawn(have[0])._replace(
            id=new_id(), title=f"{have[n % len(have)].title} #{n}", position=n,
            status=list(GoalStatus)[n % 4], sales_owner_id=sales[n % 7],
            marketing_owner_id=marketing[n % 5]) for n in range(len(have), GOALS)]
        store.commit(ChangeSet("More goals", tuple(added(g) for g in extra)))
    return path


def with_changes(path: Path, side: str, count: int) -> None:
    """`count` edits of the kinds a VP makes (goal titles and descriptions, ride
    territories and dates, metric targets), after a version "Before the
    changes"; the two sides overlap on a tenth of the goals."""
    from planner.model import FieldRide, Goal, Metric
    from planner.operations import goals, rides
    from planner.operations.rows import edit
    from planner.store.plan_store import PlanStore

    offset = 0 if side == "mine" else 1
    with PlanStore.open(path) as store:
        store.save_version("Before the changes", author="bench")
        for n in range(count):
            kind = n % 5
            if kind == 0:
                goal = store.rows(Goal)[(n // 5 * 2 + offset) % GOALS_IN_LARGE]
                store.commit(goals.reword(goal, title=f"{side} title {n}"))
            elif kind == 1:
                goal = store.rows(Goal)[(n * 7 + offset * 60) % GOALS_IN_LARGE]
                store.commit(goals.reword(goal, description=f"{side} description {n}"))
            elif kind == 2:
                ride = store.rows(FieldRide)[(n * 3 + offset * 300) % 600]
                store.commit(edit(ride, territory=f"{side} {n}"))
            elif kind == 3:
                ride = store.rows(FieldRide)[(n * 5 + offset * 301) % 600]
                store.commit(rides.move_ride(store, ride, 1 if side == "mine" else -1))
            else:
                metric = store.rows(Metric)[(n + offset * 30) % 60]
                store.commit(edit(metric, target=float(n)))


GOALS_IN_LARGE = 120
