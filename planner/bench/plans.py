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
    from planner.sample import write_sample

    path = folder / "goals1000.tandem"
    if path.exists():
        return path
    with write_sample(path, "large") as store:
        people = store.rows(Person)
        sales = [p.id for p in people if p.team is Team.SALES]
        marketing = [p.id for p in people if p.team is Team.MARKETING]
        have = store.rows(Goal)
        extra = [have[0]._replace(id=new_id(), title=f"{have[n % len(have)].title} #{n}",
                                  position=n, status=list(GoalStatus)[n % 4],
                                  sales_owner_id=sales[n % 7],
                                  marketing_owner_id=marketing[n % 5])
                 for n in range(len(have), GOALS)]
        store.commit(ChangeSet("More goals", tuple(added(g) for g in extra)))
    return path
