"""The team server from the command line, as the README's lines use it.

server init, push (its last line the address), pull, an offline edit, merge
back with a conflict, and check, log, export and diff on an address, all as
subprocesses against a real PostgreSQL.
"""

import json
from pathlib import Path

from planner.model import Goal
from planner.operations.rows import edit
from planner.sample import write_sample
from planner.store.plan_store import PlanStore
from planner.store.server.schema import SERVER_SCHEMA_VERSION
from planner.store.server.address import parse
from planner.store.server.store import ServerStore
from tests.conftest import run_tandem
from tests.postgres import Published


def test_init_push_and_the_address_wherever_a_file_works(pg_url: str, tmp_path: Path) -> None:
    done = run_tandem("server", "init", pg_url)
    assert done.returncode == 0, done.stderr
    assert f"Set up Tandem's schema {SERVER_SCHEMA_VERSION}" in done.stdout
    assert "already; nothing was changed" in run_tandem("server", "init", pg_url).stdout
    plan = tmp_path / "plan.tandem"
    write_sample(plan, "small").close()
    done = run_tandem("push", str(plan), pg_url)
    assert done.returncode == 0, done.stderr
    address = done.stdout.strip().splitlines()[-1]
    assert address.startswith(pg_url + "#plan=")
    again = run_tandem("push", str(plan), pg_url)
    assert again.returncode == 1 and "already, at " + address in again.stderr
    check = run_tandem("check", address)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "integrity ok" in check.stdout and "No problems found." in check.stdout
    log = run_tandem("log", address, "--person", "Amara Okafor")
    assert log.returncode == 0 and "Sign off 8 goals for sales" in log.stdout
    out = tmp_path / "plan.json"
    assert run_tandem("export", address, "--json", str(out)).returncode == 0
    with PlanStore.open(plan, read_only=True) as file:
        assert json.loads(out.read_text())["plan"]["title"] == file.plan().title
    diff = run_tandem("diff", str(plan), address)
    assert diff.returncode == 0 and "no changes" in diff.stdout.lower(), diff.stdout


def test_push_pull_edit_offline_and_merge_back_with_a_conflict(published: Published,
                                                               tmp_path: Path) -> None:
    address = published.as_login("jonas")
    copy = tmp_path / "plane.tandem"
    done = run_tandem("pull", address, str(copy))
    with ServerStore.open_address(parse(address)) as server:
        on_server = len(server.history())
    assert done.returncode == 0 and f"with its {on_server} change sets" in done.stdout, \
        done.stderr
    with ServerStore.open_address(parse(address)) as server:
        goal = next(g for g in server.rows(Goal) if g.sales_signed_at is None)
        server.commit(edit(goal, success_measure="Measured on the server"))
        other = next(g for g in server.rows(Goal) if g.id != goal.id)
    with PlanStore.open(copy) as offline:
        offline.commit(edit(offline.get(Goal, goal.id), success_measure="Measured on the plane"))
        offline.commit(edit(offline.get(Goal, other.id), description="Written on the plane"))
    conflict = run_tandem("merge", address, str(copy))
    assert conflict.returncode == 1
    assert "Measured on the server" in conflict.stdout and "Measured on the plane" in \
        conflict.stdout
    assert "1 conflict(s)" in conflict.stderr and "nothing was written" in conflict.stderr
    done = run_tandem("merge", address, str(copy), "--take", "theirs")
    assert done.returncode == 0, done.stderr
    with ServerStore.open_address(parse(published.address)) as fresh:
        assert fresh.get(Goal, goal.id).success_measure == "Measured on the plane"
        assert fresh.get(Goal, other.id).description == "Written on the plane"
        assert fresh.history()[-1].author.name == "Jonas Petrov"
    again = run_tandem("merge", address, str(copy))
    assert again.returncode == 0 and "holds nothing" in again.stdout


def test_grant_and_its_refusals(published: Published) -> None:
    done = run_tandem("server", "grant", published.address, "--person", "Grace Patel",
                      "--login", "ines")
    assert done.returncode == 0 and "ines is Grace Patel" in done.stdout, done.stderr
    for args, said in (
            (("--person", "Nobody Known", "--login", "ines"), "no person called"),
            (("--person", "Grace Patel", "--login", "no_such_login"), "has no login named"),
    ):
        done = run_tandem("server", "grant", published.address, *args)
        assert done.returncode == 1 and said in done.stderr, done.stderr
    done = run_tandem("server", "grant", published.as_login("jonas"), "--person", "Jonas Petrov",
                      "--login", "jonas")
    assert done.returncode == 1 and "Only the login that set up Tandem" in done.stderr
    done = run_tandem("merge", published.as_login("maya"), str(published.file))
    assert done.returncode == 1 and "viewer" in done.stderr
    done = run_tandem("restore", published.address, "x", "--as", "Amara Okafor")
    assert done.returncode == 1 and "--as does not apply" in done.stderr
