"""A real PostgreSQL for the tests: a throwaway cluster in a temporary folder.

Debian's server (installed by `.ci/setup --test`), started on a free port on
loopback with password logins (scram), run as an unprivileged user when the
tests run as root (PostgreSQL refuses root, and CI is root). Stopped and
removed when the test session ends. No mock of the database anywhere.
"""

import getpass
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER, SUPERPASS = "tandem_admin", "admin-secret"


def pg_bin() -> Path | None:
    """The folder of Debian's PostgreSQL server programs (the newest there)."""
    base = Path("/usr/lib/postgresql")
    found = sorted((p / "bin" for p in base.glob("*") if (p / "bin" / "initdb").exists()),
                   key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


MISSING = ("PostgreSQL's server is not installed (Debian's postgresql package; "
           "`.ci/setup --test` installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    """A running server: its folder, port and the admin's login."""

    bin: Path
    data: Path
    port: int
    user: str | None  # the unprivileged user it runs as (None: this user)

    def url(self, role: str = SUPERUSER, db: str = "tandem") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{db}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if self.user:
            entry = pwd.getpwnam(self.user)
            kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        return subprocess.run(  # type: ignore[call-overload,no-any-return]
            [str(self.bin / args[0]), *args[1:]], capture_output=True, text=True,
            check=check, cwd="/", env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}, **kwargs)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-l",
                  str(self.data / "server.log"), "-o",
                  f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", mode, "stop", check=False)

    def restart(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "fast", "-t", "60", "-l",
                  str(self.data / "server.log"), "-o",
                  f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1", "restart")

    def kill9(self) -> None:
        """The server's postmaster killed outright (its children follow)."""
        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        os.kill(pid, 9)
        for _ in range(200):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        time.sleep(0.5)  # its backends notice and exit

    def psql(self, sql: str, role: str = SUPERUSER, password: str = SUPERPASS,
             db: str = "tandem", **variables: str) -> subprocess.CompletedProcess[str]:
        """psql as a login, as a person at a terminal would (ON_ERROR_STOP);
        `variables` are psql's (:'name' in the SQL)."""
        env = {**os.environ, "PGPASSWORD": password, "PGCONNECT_TIMEOUT": "10"}
        env.pop("PGPASSFILE", None)
        given = [a for name, value in variables.items() for a in ("-v", f"{name}={value}")]
        return subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-q", "-At", *given,
                               "-f", "-", self.url(role, db)], input=sql,
                              capture_output=True, text=True, env=env, timeout=60)

    def role(self, name: str, password: str) -> None:
        """A login role with a password and nothing else."""
        done = self.psql(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'", db="postgres")
        assert done.returncode == 0, done.stderr

    def database(self, name: str) -> str:
        done = self.psql(f'CREATE DATABASE "{name}"', db="postgres")
        assert done.returncode == 0, done.stderr
        return self.url(db=name)


def start_cluster(root: Path) -> Cluster:
    binary = pg_bin()
    if binary is None:
        pytest.skip(MISSING)
    user = "nobody" if os.geteuid() == 0 else None
    data = root / "data"
    data.mkdir(parents=True)
    secret = root / "pw"
    secret.write_text(SUPERPASS + "\n")
    if user:
        entry = pwd.getpwnam(user)
        for path in (root, data, secret):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(binary, data, _free_port(), user)
    done = cluster._run("initdb", "-D", str(data), "-U", SUPERUSER, "--pwfile", str(secret),
                        "-A", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8",
                        check=False)
    if done.returncode:
        raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
    # Quick: a test server's disk need not survive a power cut (fsync off),
    # but a commit reported done is in the log before the reply, as on a
    # company's server, so a server killed outright loses nothing accepted.
    with open(data / "postgresql.conf", "a") as conf:
        conf.write("fsync = off\nfull_page_writes = off\n"
                   "max_connections = 200\nshared_buffers = 64MB\n")
    cluster.start()
    return cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One server for the test session (each test gets its own database)."""
    root = Path(tempfile.mkdtemp(prefix="tandem-pg-"))
    os.chmod(root, 0o755)
    cluster = start_cluster(root)
    try:
        yield cluster
    finally:
        cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


_made = 0


@pytest.fixture
def pg_url(pg_cluster: Cluster, monkeypatch: pytest.MonkeyPatch,
           tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh, empty database on the test server, as the admin (the password
    in a pgpass file, as libpq reads it: never in the address)."""
    global _made
    _made += 1
    name = f"t{os.getpid()}_{_made}"
    url = pg_cluster.database(name)
    pgpass = tmp_path_factory.mktemp("pgpass") / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_cluster.port}:*:{SUPERUSER}:{SUPERPASS}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return url


def add_password(role: str, password: str) -> None:
    """Another login's password in the test's pgpass file."""
    path = Path(os.environ["PGPASSFILE"])
    with path.open("a") as f:  # any host and port: the test's own relays stand in front
        f.write(f"*:*:*:{role}:{password}\n")


__all__ = ["Cluster", "MISSING", "SUPERUSER", "SUPERPASS", "add_password", "getpass",
           "pg_bin", "pg_cluster", "pg_url", "start_cluster"]


# The sample plan's people, each with a PostgreSQL login of their own.
LOGINS = {"amara": ("Amara Okafor", "amara-pw"),      # head of sales
          "bjorn": ("Bjorn Tanaka", "bjorn-pw"),      # head of marketing
          "jonas": ("Jonas Petrov", "jonas-pw"),      # marketing, an editor
          "ines": ("Ines Berg", "ines-pw"),           # sales, an editor
          "maya": ("Maya Demir", "maya-pw")}          # sales, a viewer
_logins_made: set[int] = set()


@dataclass
class Published:
    """The small sample plan published to a fresh database, its people granted."""

    cluster: Cluster
    database: str  # the database's address, as the admin
    address: str  # the plan's address, as the admin
    file: Path  # the plan file that was published

    @property
    def plan_id(self) -> str:
        return self.address.rsplit("#plan=", 1)[1]

    def psql(self, sql: str, login: str = SUPERUSER, **variables: str
             ) -> subprocess.CompletedProcess[str]:
        """psql on the plan's database as one of its people (or the admin)."""
        password = SUPERPASS if login == SUPERUSER else LOGINS[login][1]
        db = self.database.rsplit("/", 1)[1]
        return self.cluster.psql(sql, login, password, db, plan=self.plan_id, **variables)

    def as_login(self, login: str) -> str:
        """The plan's address as one of its people's logins."""
        return self.address.replace(f"{SUPERUSER}@", f"{login}@", 1)


def publish_sample(cluster: Cluster, database: str, folder: Path) -> Published:
    from planner.model import Person
    from planner.model.enums import Access
    from planner.operations.rows import edit
    from planner.rules.roles import head_actor
    from planner.sample import write_sample
    from planner.store.plan_store import PlanStore
    from planner.store.server.address import parse
    from planner.store.server.publish import grant, push
    from planner.store.server.schema import init

    if id(cluster) not in _logins_made:
        for login, (_name, password) in LOGINS.items():
            cluster.role(login, password)
        _logins_made.add(id(cluster))
    for login, (_name, password) in LOGINS.items():
        add_password(login, password)
    init(parse(database))
    path = folder / "published.tandem"
    write_sample(path, "small").close()
    with PlanStore.open(path) as store:
        store.act_as(head_actor(store, "sales"))
        maya = next(p for p in store.rows(Person) if p.name == "Maya Demir")
        store.commit(edit(maya, access=Access.VIEWER))
        address = str(push(store, database))
    for login, (name, _password) in LOGINS.items():
        grant(address, name, login)
    return Published(cluster, database, address, path)


@pytest.fixture
def published(pg_cluster: Cluster, pg_url: str, tmp_path: Path) -> Published:
    return publish_sample(pg_cluster, pg_url, tmp_path)


def replay_problems(database: str, plan_id: str) -> list[str]:
    """What is wrong between a plan's rows on the server and its change log:
    the rows must be the log replayed from nothing, its places 1, 2, 3, … and
    the plan's head the last of them."""
    import json as _json

    from planner.model.records import KINDS
    from planner.store import history
    from planner.store.schema import TABLES
    from planner.store.server.address import parse
    from planner.store.server.schema import connect
    from planner.store.server.store import SELECTS, _values

    problems = []
    with connect(parse(database)) as conn:
        log = conn.execute("SELECT seq, rows::text FROM tandem.change_log WHERE plan_id = %s "
                           "ORDER BY seq", (plan_id,)).fetchall()
        (head,) = conn.execute("SELECT head FROM tandem.plans WHERE id = %s",
                               (plan_id,)).fetchone()
        tables = {kind: {r[0]: TABLES[kind].read(tuple(r)) for r in
                         conn.execute(SELECTS[kind], (plan_id,))} for kind in KINDS}
    if [s for s, _ in log] != list(range(1, len(log) + 1)):
        problems.append("the change log's places are not 1, 2, 3, …")
    if head != len(log):
        problems.append(f"the plan's head is {head}, its log has {len(log)}")
    replayed: dict[type, dict[str, object]] = {kind: {} for kind in KINDS}
    for _seq, text in log:
        for kind_name, before, after in _json.loads(text):
            kind = history.BY_NAME[kind_name]
            row_id = (after or before)["id"]
            if after is None:
                replayed[kind].pop(row_id, None)
            else:
                replayed[kind][row_id] = TABLES[kind].read(
                    history._current(kind, _values(kind, after) or []))
    for kind in KINDS:
        if replayed[kind] != tables[kind]:
            differ = sorted(set(replayed[kind].items()) ^ set(tables[kind].items()),
                            key=repr)[:2]
            problems.append(f"{kind.__name__}: the rows are not the log replayed ({differ})")
    return problems
