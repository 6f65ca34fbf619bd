"""A store session on a server plan in a process of its own, for the tests.

    python -m tests.e2e.server_driver ADDRESS writer N SEED
        N random operations (edits of goals' and messages' text, parking topics
        added, ticked and removed, undo of its own last change), each printed
        `ok CHANGE_ID` once the server accepted it, `refused SENTENCE` when
        another writer changed the row first. Then it prints `done`, waits for
        a line on stdin (every writer is done), takes every change set the
        server holds and prints `state DIGEST`.
    python -m tests.e2e.server_driver ADDRESS forever SEED
        commits until killed (a client killed mid-commit).
    python -m tests.e2e.server_driver ADDRESS watch
        prints `seen ROW_ID VALUE` for each goal description another
        process changes, as a window would repaint it.
"""

import hashlib
import json
import random
import sys
import time

from planner.errors import InvalidEdit, ReadOnlyPlan
from planner.model import Goal, Message, ParkingTopic
from planner.model.records import KINDS
from planner.operations.rows import add, edit, new, remove
from planner.store.server.address import parse
from planner.store.server.store import ServerStore
from planner.store.versions import state_of


def digest(store: ServerStore) -> str:
    state = state_of(row for kind in KINDS for row in store.rows(kind))
    text = json.dumps({k.__name__: sorted(map(repr, v.values())) for k, v in state.items()},
                      sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def one(store: ServerStore, rng: random.Random, undo: list,  # type: ignore[type-arg]
        start: float | bool = False) -> None:
    pick = rng.random()
    if pick < 0.1 and undo:
        store.commit(undo.pop().inverse())
        _ok(store, start)
        return
    if pick < 0.45:
        goal = rng.choice(store.rows(Goal))
        change = edit(goal, description=f"{goal.description[:40]} {rng.randrange(10**6)}")
    elif pick < 0.7:
        message = rng.choice(store.rows(Message))
        change = edit(message, proof_point=f"Proof {rng.randrange(10**6)}")
    elif pick < 0.85 or not store.rows(ParkingTopic):
        change = add(new(ParkingTopic, topic=f"Topic {rng.randrange(10**6)}"))
    elif pick < 0.93:
        topic = rng.choice(store.rows(ParkingTopic))
        change = edit(topic, done=not topic.done)
    else:
        change = remove([rng.choice(store.rows(ParkingTopic))])
    committed = store.commit(change)
    undo.append(committed)
    _ok(store, start)


def _ok(store: ServerStore, start: float | bool) -> None:
    took = [f"{(time.perf_counter() - start) * 1000:.2f}"] if start else []
    print("ok", store.history(newest=1)[-1].id, *took, flush=True)


def main() -> int:
    address, mode = sys.argv[1], sys.argv[2]
    store = ServerStore.open_address(parse(address))
    if mode == "watch":
        seen = {g.id: g.description for g in store.rows(Goal)}
        print("ready", flush=True)
        deadline = time.monotonic() + float(sys.argv[3] if len(sys.argv) > 3 else 60)
        while time.monotonic() < deadline:
            if store.poll(timeout=0.5):
                for goal in store.rows(Goal):
                    if seen.get(goal.id) != goal.description:
                        seen[goal.id] = goal.description
                        print("seen", goal.id, goal.description,
                              *([repr(time.time())] if "stamp" in sys.argv[4:] else []),
                              flush=True)
        return 0
    if mode == "offline":
        return _offline(store)
    rng = random.Random(int(sys.argv[3]))
    undo: list = []  # type: ignore[type-arg]
    count = int(sys.argv[4]) if mode == "writer" else 10**9
    timed = "timed" in sys.argv[5:]
    print("ready", flush=True)
    for _ in range(count):
        start = time.perf_counter()
        try:
            one(store, rng, undo, timed and start)
        except InvalidEdit as exc:
            undo.clear()  # what it would undo may be someone else's now
            print("refused", str(exc)[:120].replace("\n", " "),
                  *([f"{(time.perf_counter() - start) * 1000:.2f}"] if timed else []),
                  flush=True)
    # When every writer is done (the test says so on stdin): every change set
    # the server holds, then the rows this process holds.
    print("done", flush=True)
    if mode == "writer":
        sys.stdin.readline()
    conn = store._pg
    assert conn is not None
    for _ in range(200):
        with conn.transaction():
            (head,) = conn.execute("SELECT head FROM tandem.plans WHERE id = %s",
                                   (store.plan_id,)).fetchone()
        if store.head() >= head:
            break
        store.poll(timeout=0.2, force=True)
    print("state", digest(store), store.head(), flush=True)
    store.close()
    return 0


def _offline(store: ServerStore) -> int:
    """A laptop whose network goes silent: commands on stdin (`edit TEXT`,
    `quit`), and what the store says, with seconds since the last command:
    `ok`, `refused SENTENCE`, `gone SENTENCE`, `back DESCRIPTION`."""
    import select as wait

    goal_id = store.rows(Goal)[0].id
    said = time.monotonic()
    was_gone = False
    print("ready", flush=True)
    while True:
        if wait.select([sys.stdin], [], [], 0.2)[0]:
            command, _, text = sys.stdin.readline().strip().partition(" ")
            said = time.monotonic()
            if command in ("quit", ""):
                break
            try:
                store.commit(edit(store.get(Goal, goal_id), description=text))
                print("ok", flush=True)
            except InvalidEdit as exc:
                print("refused", str(exc)[:200], flush=True)
            except ReadOnlyPlan as exc:
                print(f"gone {time.monotonic() - said:.1f}", str(exc)[:200], flush=True)
                was_gone = True
        store.poll(timeout=0)
        if store.gone and not was_gone:
            was_gone = True
            print(f"gone {time.monotonic() - said:.1f}", store.gone, flush=True)
        if was_gone and store.reconnect():
            was_gone = False
            print(f"back {time.monotonic() - said:.1f}", store.get(Goal, goal_id).description,
                  flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
