"""The server going away, clients dying, links cut, many writers at once.

Against a real PostgreSQL: `pg_ctl restart` and `kill -9` of the server while
stores are open, a client process killed mid-commit again and again, a TCP
proxy that cuts the link, and writer processes racing on one plan. After
each: the server's rows are its change log replayed, nothing accepted is
missing, and every store that comes back holds the server's rows.
"""

import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planner.errors import ReadOnlyPlan
from planner.model import Goal
from planner.operations.rows import edit
from planner.store.server.address import parse
from planner.store.server.schema import ServerGone
from planner.store.server.store import ServerStore
from tests.conftest import ROOT
from tests.postgres import Published, replay_problems

DRIVER = [sys.executable, "-m", "tests.e2e.server_driver"]


def _open(published: Published, login: str, address: str | None = None) -> ServerStore:
    return ServerStore.open_address(parse(address or published.as_login(login)))


def _come_back(store: ServerStore, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not store.reconnect():
        assert time.monotonic() < deadline, "the store did not reconnect"
        time.sleep(0.2)


@pytest.mark.parametrize("how", ["restart", "kill -9"])
def test_the_server_going_away_and_coming_back(published: Published, how: str) -> None:
    cluster = published.cluster
    jonas, ines = _open(published, "jonas"), _open(published, "ines")
    try:
        goal = jonas.rows(Goal)[0]
        jonas.commit(edit(goal, description="Before the fault"))
        ines.poll(timeout=5)
        if how == "restart":
            cluster.restart()
        else:
            cluster.kill9()
            cluster.start()
        ines.poll()  # its link is found broken
        assert ines.gone == ines.read_only_reason
        assert ines.gone and ines.gone.startswith("The server (") and "read-only" in ines.gone
        assert ines.read_only and ines.get(Goal, goal.id).description == "Before the fault"
        with pytest.raises(ServerGone, match="cannot be reached"):
            ines.commit(edit(ines.get(Goal, goal.id), description="While away"))
        with pytest.raises(ReadOnlyPlan):  # what a window catches for a read-only plan
            ines.commit(edit(ines.get(Goal, goal.id), description="While away"))
        # Jonas comes back first and changes the plan; Ines catches up on reconnecting.
        jonas.poll()
        _come_back(jonas)
        jonas.commit(edit(jonas.get(Goal, goal.id), description="After the fault"))
        _come_back(ines)
        assert not ines.read_only and ines.get(Goal, goal.id).description == "After the fault"
        assert ines.state() == jonas.state() and ines.head() == jonas.head()
        ines.commit(edit(ines.get(Goal, goal.id), description="Ines again"))
        assert replay_problems(published.database, published.plan_id) == []
    finally:
        jonas.close()
        ines.close()


def test_a_client_killed_mid_commit_leaves_the_server_consistent(published: Published) -> None:
    rng = random.Random(25)
    accepted: list[str] = []
    for n in range(20):
        child = subprocess.Popen([*DRIVER, published.as_login("jonas"), "forever", str(n)],
                                 cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        child.kill()
        out, _ = child.communicate()
        accepted += [line.split()[1] for line in out.splitlines() if line.startswith("ok ")]
        assert replay_problems(published.database, published.plan_id) == [], f"kill {n}"
    assert len(accepted) > 20
    with _open(published, "ines") as store:
        ids = {e.id for e in store.history()}
        assert set(accepted) <= ids  # every change reported accepted is there
        assert store.integrity_problems() == []


class Proxy:
    """A TCP relay in front of the server that can cut every link at once."""

    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        self.target = port
        self.server = socket.create_server((host, 0))
        self.port = self.server.getsockname()[1]
        self.links: list[socket.socket] = []
        self.open = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target))
            self.links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def cut(self) -> None:
        self.open = False
        for s in self.links:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass
        self.links.clear()

    def close(self) -> None:
        self.cut()
        self.server.close()


def test_the_link_cut_and_back(published: Published) -> None:
    proxy = Proxy(published.cluster.port)
    address = published.as_login("ines").replace(f":{published.cluster.port}/",
                                                 f":{proxy.port}/")
    try:
        with _open(published, "ines", address) as ines, _open(published, "jonas") as jonas:
            goal = ines.rows(Goal)[0]
            proxy.cut()
            time.sleep(0.2)
            jonas.commit(edit(goal, description="Said while Ines was offline"))
            ines.poll(timeout=1)
            assert ines.gone and ines.read_only
            assert ines.get(Goal, goal.id).description == goal.description  # all rows still held
            assert not ines.reconnect()  # still cut
            copy = Path(published.file).with_name("offline-copy.tandem")
            ines.save_copy(copy)  # File › Take offline copy
            proxy.open = True
            _come_back(ines)
            assert ines.get(Goal, goal.id).description == "Said while Ines was offline"
            assert ines.state() == jonas.state()
    finally:
        proxy.close()


class Silence:
    """A laptop's network as a network namespace joined to this one by a
    virtual cable: a client run inside it reaches the server through the
    cable, and `hush` takes the cable down, so its packets go nowhere and
    nothing answers (no reset, no close: what leaving the office Wi-Fi is)."""

    def __init__(self) -> None:
        import os

        n = os.getpid() % 10000
        self.ns, self.cable = f"tandem{n}", f"td{n}a"
        self.here, self.there = "10.77.0.1", "10.77.0.2"

        def ip(*args: str) -> None:
            done = subprocess.run(["ip", *args], capture_output=True, text=True)
            if done.returncode:
                self.close()
                pytest.skip("a silent network needs `ip` (iproute2) and the right to make a "
                            f"network namespace (root): ip {' '.join(args)}: "
                            f"{done.stderr.strip()[:200]}")
        self._ip = ip
        import shutil

        if shutil.which("ip") is None:
            pytest.skip("a silent network needs `ip` (iproute2, installed by .ci/setup --test)")
        ip("netns", "add", self.ns)
        ip("link", "add", self.cable, "type", "veth", "peer", "name", f"td{n}b")
        ip("link", "set", f"td{n}b", "netns", self.ns)
        ip("addr", "add", f"{self.here}/30", "dev", self.cable)
        ip("link", "set", self.cable, "up")
        ip("netns", "exec", self.ns, "ip", "addr", "add", f"{self.there}/30", "dev", f"td{n}b")
        ip("netns", "exec", self.ns, "ip", "link", "set", f"td{n}b", "up")

    def hush(self) -> None:
        self._ip("link", "set", self.cable, "down")

    def speak(self) -> None:
        self._ip("link", "set", self.cable, "up")

    def close(self) -> None:
        subprocess.run(["ip", "link", "del", self.cable], capture_output=True)
        subprocess.run(["ip", "netns", "del", self.ns], capture_output=True)


def test_the_network_goes_silent_and_comes_back(published: Published) -> None:
    """No reset and no close, only silence: the laptop's store finds out
    within seconds (its keepalives), a commit in the silence is refused in
    one sentence rather than hanging, and once the network is back the store
    reconnects by itself and shows what was written meanwhile."""
    silence = Silence()
    proxy = Proxy(published.cluster.port, silence.here)
    address = published.as_login("ines").replace(f"127.0.0.1:{published.cluster.port}/",
                                                 f"{silence.here}:{proxy.port}/")
    laptop = subprocess.Popen(["ip", "netns", "exec", silence.ns, *DRIVER, address, "offline"],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert laptop.stdin is not None and laptop.stdout is not None

    def said() -> str:
        line = laptop.stdout.readline()  # type: ignore[union-attr]
        assert line, laptop.communicate(timeout=10)[1][-2000:]
        return line.strip()

    def tell(command: str) -> None:
        laptop.stdin.write(command + "\n")  # type: ignore[union-attr]
        laptop.stdin.flush()  # type: ignore[union-attr]
    try:
        assert said() == "ready"
        tell("edit Written before the silence")
        assert said() == "ok"
        silence.hush()
        tell("edit Written into the silence")
        gone = said().split(" ", 2)
        assert gone[0] == "gone" and float(gone[1]) < 20, gone  # told, not hung
        assert "cannot be reached" in gone[2] and "read-only" in gone[2]
        print(f"silent network: told in {gone[1]} s", end="; ")
        with _open(published, "jonas") as jonas:
            goal = jonas.rows(Goal)[0]
            assert goal.description == "Written before the silence"  # nothing half-written
            jonas.commit(edit(goal, description="Written while Ines was away"))
        silence.speak()
        spoke = time.monotonic()
        back = said().split(" ", 2)
        assert back[0] == "back" and back[2] == "Written while Ines was away", back
        print(f"back {time.monotonic() - spoke:.1f} s after the network")
        tell("edit Written after the silence")
        assert said() == "ok"
        tell("quit")
        assert laptop.wait(timeout=30) == 0
        assert replay_problems(published.database, published.plan_id) == []
        with _open(published, "maya") as server:
            assert server.rows(Goal)[0].description == "Written after the silence"
    finally:
        if laptop.poll() is None:
            laptop.kill()
        laptop.communicate(timeout=30)
        proxy.close()
        silence.close()


def _run_writers(published: Published, writers: int, operations: int) -> None:
    with _open(published, "maya") as server:
        published_history = len(server.history())  # the plan's own, as pushed
    logins = ["jonas", "ines", "amara", "bjorn"]
    children = [subprocess.Popen([*DRIVER, published.as_login(logins[n % 4]), "writer", str(n),
                                  str(operations)], cwd=ROOT, stdout=subprocess.PIPE,
                                 stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for n in range(writers)]
    lines: list[list[str]] = [[] for _ in children]
    for child, got in zip(children, lines, strict=True):  # each writes until it is done
        assert child.stdout is not None
        while (line := child.stdout.readline()) and line.strip() != "done":
            got.append(line)
        assert line, child.communicate()[1][-2000:]
    outputs = [c.communicate("finish\n", timeout=900) for c in children]
    outputs = [("".join(got) + out, err) for got, (out, err) in zip(lines, outputs, strict=True)]
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err[-2000:]
    accepted = [line.split()[1] for out, _ in outputs for line in out.splitlines()
                if line.startswith("ok ")]
    refused = [line for out, _ in outputs for line in out.splitlines()
               if line.startswith("refused ")]
    states = {line.split()[1] for out, _ in outputs for line in out.splitlines()
              if line.startswith("state ")}
    assert replay_problems(published.database, published.plan_id) == []
    from tests.e2e.server_driver import digest

    with _open(published, "maya") as server:
        assert states == {digest(server)}  # every process holds the server's rows
        ids = [e.id for e in server.history()]
        assert set(accepted) <= set(ids) and len(set(accepted)) == len(accepted)
        assert len(ids) == published_history + len(accepted)
    assert len(accepted) + len(refused) == writers * operations
    print(f"{writers} writers x {operations}: {len(accepted)} accepted, {len(refused)} "
          "refused as changed by another")


def test_five_sessions_on_one_plan(published: Published) -> None:
    _run_writers(published, 5, 60)


def test_twenty_writers_of_five_hundred_operations(published: Published) -> None:
    _run_writers(published, 20, 500)


def test_a_change_appears_in_the_other_processes(published: Published) -> None:
    watchers = [subprocess.Popen([*DRIVER, published.as_login(login), "watch", "20"], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
                for login in ("ines", "amara", "bjorn", "maya")]
    for w in watchers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    with _open(published, "jonas") as jonas:
        goal = jonas.rows(Goal)[0]
        jonas.commit(edit(goal, description="Seen by everyone"))
        for w in watchers:
            assert w.stdout is not None
            assert w.stdout.readline().split(maxsplit=2)[1:] == [goal.id, "Seen by everyone\n"]
    for w in watchers:
        w.kill()
        w.communicate()
