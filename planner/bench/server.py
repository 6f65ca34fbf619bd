"""The team server's figures (`python -m planner.bench.server`), on loopback.

It starts a throwaway PostgreSQL (Debian's, as the tests do: run from the
source tree) and publishes the sample plans. Printed:

- commit round trip of one edit (a goal's description), p50 and p95 over
  300 commits, in one process (client rules, the server's transaction and
  the replica's write);
- a change seen by another process: from just before `commit` in one
  process to the moment another process, woken by LISTEN, holds the row;
  and to the repaint of another process's window (planner.ui.bench.live:
  the Goals table's first paint after the change set came in);
- opening the large plan from the server and from its file, as whole
  processes in turns (A B A B), the median ratio: the window, from its
  start to the plan's content painted (what a user waits for), and the
  store alone (every row read and checked, history and versions into
  memory, in both; the driver's import, ~0.2 s, is most of the difference);
- 20 writer processes x 500 random operations: throughput and p95 latency;
- push and pull of the 60,000-ride plan, as whole processes.
"""

import argparse
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planner.bench.plans import sample
from planner.bench.processes import ROOT, in_turns, run

OPEN = "import sys; from planner.store.places import open_plan; open_plan(sys.argv[1]).close()"


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m planner.bench.server")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--operations", type=int, default=500)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    try:
        from tests import postgres
    except ImportError:
        print("The server benchmark runs from Tandem's source tree (it starts its PostgreSQL "
              "as the tests do).", file=sys.stderr)
        return 2
    if postgres.pg_bin() is None:
        print(postgres.MISSING, file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="tandem-bench-server-"))
    os.chmod(folder, 0o755)
    cluster = postgres.start_cluster(folder / "pg")
    pgpass = folder / "pgpass"
    pgpass.write_text(f"127.0.0.1:*:*:{postgres.SUPERUSER}:{postgres.SUPERPASS}\n")
    pgpass.chmod(0o600)
    os.environ["PGPASSFILE"] = str(pgpass)
    try:
        _figures(cluster, folder, args, postgres)
    finally:
        cluster.stop("immediate")
    return 0


def _figures(cluster, folder: Path, args: argparse.Namespace, postgres) -> None:  # type: ignore[no-untyped-def]
    from planner.model import Goal
    from planner.operations.rows import edit
    from planner.store.plan_store import PlanStore
    from planner.store.server.address import parse
    from planner.store.server.publish import push
    from planner.store.server.schema import init
    from planner.store.server.store import ServerStore

    published = postgres.publish_sample(cluster, cluster.database("small"), folder)
    print(f"PostgreSQL {cluster.bin.parent.name} on loopback; the small sample plan published")

    # Commit round trip.
    with ServerStore.open_address(parse(published.as_login("jonas"))) as store:
        goal_ids = [g.id for g in store.rows(Goal)]
        took = []
        for n in range(300):
            goal = store.get(Goal, goal_ids[n % len(goal_ids)])
            change = edit(goal, description=f"Round trip {n}")
            start = time.perf_counter()
            store.commit(change)
            took.append((time.perf_counter() - start) * 1000)
    print(f"commit round trip of one edit: p50 {_p(took, 0.5):.1f} ms, p95 {_p(took, 0.95):.1f}"
          f" ms over {len(took)} commits (goal: p95 under 15 ms)")

    # A change seen in another process.
    watcher = subprocess.Popen([sys.executable, "-m", "tests.e2e.server_driver",
                                published.as_login("ines"), "watch", "120", "stamp"], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    assert watcher.stdout is not None
    assert watcher.stdout.readline().strip() == "ready"
    seen = []
    with ServerStore.open_address(parse(published.as_login("jonas"))) as store:
        for n in range(100):
            goal = store.get(Goal, goal_ids[n % len(goal_ids)])
            change = edit(goal, description=f"Seen {n}")
            start = time.time()
            store.commit(change)
            line = watcher.stdout.readline().split()
            seen.append((float(line[-1]) - start) * 1000)
            time.sleep(0.02)
    watcher.kill()
    watcher.communicate()
    print(f"a change seen in another process: p50 {_p(seen, 0.5):.1f} ms, p95 "
          f"{_p(seen, 0.95):.1f} ms over {len(seen)} changes, commit to the row held there "
          "(goal: p95 under 150 ms to the repaint)")

    # Commit to another window's repaint.
    window = subprocess.Popen([sys.executable, "-m", "planner.ui.bench.live",
                               published.as_login("ines"), "120"], cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                   "XDG_CONFIG_HOME": str(folder / "config")})
    assert window.stdout is not None
    assert window.stdout.readline().strip() == "ready"
    painted = []
    with ServerStore.open_address(parse(published.as_login("jonas"))) as store:
        shown = [g.id for g in store.rows(Goal)][:4]  # rows on screen: a hidden one paints nothing
        for n in range(60):
            goal = store.get(Goal, shown[n % len(shown)])
            change = edit(goal, description=f"Seen in the window {n}", title=f"Goal {n}")
            start = time.time()
            store.commit(change)
            if not select.select([window.stdout], [], [], 10)[0]:
                raise SystemExit("the window did not repaint within 10 s")
            line = window.stdout.readline().split()
            painted.append((float(line[-1]) - start) * 1000)
            time.sleep(0.05)
    window.kill()
    window.communicate()
    print(f"a change seen in another window, commit to repaint: p50 {_p(painted, 0.5):.1f} ms, "
          f"p95 {_p(painted, 0.95):.1f} ms over {len(painted)} changes (goal: p95 under 150 ms)")

    # Opening the large plan: server against file.
    large = sample(folder, 600)
    database = cluster.database("large")
    init(parse(database))
    with PlanStore.open(large, read_only=True) as store:
        address = str(push(store, database))
    paired = in_turns([sys.executable, "-c", OPEN, address], [sys.executable, "-c", OPEN, large],
                      args.runs)["seconds"]
    print(f"opening the large plan (600 rides), store alone, server vs file: {paired.text()}")
    window = in_turns([sys.executable, ROOT / "main.py", address],
                      [sys.executable, ROOT / "main.py", large], args.runs,
                      {"QT_QPA_PLATFORM": "offscreen", "TANDEM_BENCH_PROBE": "1",
                       "XDG_CONFIG_HOME": str(folder / "config")},
                      {"content": lambda r: r.moment("content")})["content"]
    print(f"opening the large plan in the window, to its content painted, server vs file: "
          f"{window.text()} (goal: within 1.5x)")

    # Writers.
    started = time.monotonic()
    children = [subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.server_driver",
         published.as_login(["jonas", "ines", "amara", "bjorn"][n % 4]), "writer", str(n),
         str(args.operations), "timed"], cwd=ROOT, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True) for n in range(args.writers)]
    outputs = []
    for child in children:
        assert child.stdout is not None
        lines = []
        while (line := child.stdout.readline()) and line.strip() != "done":
            lines.append(line)
        outputs.append(lines)
    elapsed = time.monotonic() - started
    for child in children:
        child.communicate("finish\n")
    latencies = [float(line.split()[-1]) for lines in outputs for line in lines
                 if line.startswith(("ok ", "refused "))]
    accepted = sum(1 for lines in outputs for line in lines if line.startswith("ok "))
    print(f"{args.writers} writers x {args.operations} operations: {accepted} accepted, "
          f"{len(latencies) - accepted} refused as changed by another; "
          f"{len(latencies) / elapsed:.0f} operations/s, p50 {_p(latencies, 0.5):.1f} ms, "
          f"p95 {_p(latencies, 0.95):.1f} ms per operation ({os.cpu_count()} cores)")

    # Push and pull of the 60,000-ride plan.
    huge = sample(folder, 60000)
    database = cluster.database("huge")
    init(parse(database))
    pushed = run([sys.executable, ROOT / "main.py", "push", huge, database])
    address = pushed.stdout.strip().splitlines()[-1]
    pulled = run([sys.executable, ROOT / "main.py", "pull", address, folder / "pulled.tandem"])
    print(f"the 60,000-ride plan ({huge.stat().st_size / 1e6:.0f} MB): push {pushed.seconds:.1f}"
          f" s (peak {pushed.peak_mb:.0f} MB), pull {pulled.seconds:.1f} s "
          f"(peak {pulled.peak_mb:.0f} MB)")
    _ = statistics


if __name__ == "__main__":
    sys.exit(main())
