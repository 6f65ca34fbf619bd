"""A plan on a real PostgreSQL server: schema, publishing, live commits, conflicts.

Each test gets a fresh database on the session's throwaway cluster
(tests/postgres.py); without PostgreSQL's server installed they skip and say so.
"""

import os
from pathlib import Path

import pytest

from planner.changes import ChangeSet
from planner.errors import InvalidEdit, PlanError
from planner.i18n import speaking
from planner.model import Goal, Message, Person
from planner.operations.goals import sign_off, withdraw
from planner.operations.rows import edit
from planner.store.plan_store import PlanStore
from planner.store.server.address import parse
from planner.store.server.schema import SERVER_SCHEMA_VERSION, ServerError, connect, init
from planner.store.server.store import ServerStore
from tests.postgres import SUPERPASS, Cluster, Published


def _open(published: Published, login: str) -> ServerStore:
    return ServerStore.open_address(parse(published.as_login(login)))


def _goal(store: PlanStore, title_part: str = "") -> Goal:
    return next(g for g in store.rows(Goal) if title_part in g.title)


# -- the schema ---------------------------------------------------------------------


def test_init_makes_the_schema_once_and_a_connection_checks_it(pg_url: str) -> None:
    address = parse(pg_url)
    with pytest.raises(ServerError, match="has no Tandem schema; set it up with tandem server init"):
        connect(address)
    assert init(address) == (0, SERVER_SCHEMA_VERSION)
    assert init(address) == (SERVER_SCHEMA_VERSION, SERVER_SCHEMA_VERSION)  # nothing to do
    connect(address).close()


def test_a_server_of_the_first_schema_is_upgraded_and_then_takes_a_plan(
        pg_url: str, sample_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A server set up by the release before plan format 12 is told to upgrade,
    upgrades with init, and then holds a plan of today with its new columns."""
    from planner.model import FunnelStage
    from planner.model.enums import ServiceClock
    from planner.store.server import schema
    from planner.store.server.publish import push

    address = parse(pg_url)
    today = schema.SERVER_SCHEMA_VERSION
    monkeypatch.setattr(schema, "SERVER_SCHEMA_VERSION", 1)
    assert init(address) == (0, 1)
    monkeypatch.setattr(schema, "SERVER_SCHEMA_VERSION", today)
    with pytest.raises(ServerError, match="older schema 1; upgrade it with tandem server init"):
        connect(address)
    assert init(address) == (1, SERVER_SCHEMA_VERSION)
    with PlanStore.open(sample_path) as store:
        stage = store.rows(FunnelStage)[0]
        store.commit(edit(stage, sla_amount=1.0, sla_clock=ServiceClock.WORKING_DAYS))
        pushed = push(store, pg_url)
    with ServerStore.open_address(pushed) as server:
        back = server.get(FunnelStage, stage.id)
        assert back is not None and (back.sla_amount, back.sla_clock) == (
            1.0, ServiceClock.WORKING_DAYS)


def test_the_server_tables_are_the_declared_ones(pg_url: str) -> None:
    """Every table SQLModel declares is on the server with the same columns,
    types and nullability, plus the plan's id and the row's version."""
    from planner.store.server.declared import declared_columns

    init(parse(pg_url))
    with connect(parse(pg_url)) as conn:
        columns = conn.execute(
            "SELECT table_name, column_name, data_type, udt_name, is_nullable, "
            "character_maximum_length FROM information_schema.columns "
            "WHERE table_schema = 'tandem'").fetchall()
    found: dict[str, dict[str, tuple[str, bool]]] = {}
    for table, column, kind, udt, nullable, length in columns:
        shown = {"character varying": f"VARCHAR({length})" if length else "VARCHAR",
                 "integer": "INTEGER", "double precision": "FLOAT", "date": "DATE",
                 "boolean": "BOOLEAN", "USER-DEFINED": f"tandem.{udt}", "bigint": "BIGINT",
                 "jsonb": "JSONB", "bytea": "BYTEA"}[kind]
        found.setdefault(table, {})[column] = (shown, nullable == "YES")
    for table, columns in declared_columns().items():
        assert found[table].pop("plan_id") == ("VARCHAR(36)", False)
        assert found[table].pop("seq") == ("BIGINT", False)
        assert found[table] == columns, table


def test_a_database_that_does_not_keep_text_as_utf8_is_refused(pg_cluster: Cluster,
                                                               pg_url: str) -> None:
    done = pg_cluster.psql("CREATE DATABASE latin ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' "
                           "TEMPLATE template0", db="postgres")
    assert done.returncode == 0, done.stderr
    with pytest.raises(ServerError, match="keeps its text as LATIN1; Tandem needs a UTF8"):
        init(parse(pg_cluster.url(db="latin")))


def test_the_migrations_hold_the_declared_tables_and_their_checks() -> None:
    """The newest step holds what the declaration has that the steps before it
    lack (python -m planner.store.server.declared: types, tables, the columns
    a table gained, CHECKs too), and after every step nothing is lacking."""
    from planner.store.server.declared import step_sql
    from planner.store.server.schema import SERVER_SCHEMA_VERSION, _step_sql

    steps = [_step_sql(v) for v in range(1, SERVER_SCHEMA_VERSION + 1)]
    assert step_sql("\n".join(steps[:-1])).rstrip("\n") in steps[-1]
    assert step_sql("\n".join(steps)) == "\n"


def test_a_foreign_object_or_a_newer_schema_is_refused_in_one_sentence(
        pg_cluster: Cluster, pg_url: str) -> None:
    address = parse(pg_url)
    init(address)
    with connect(address) as conn:
        conn.execute("UPDATE tandem.meta SET value = '99' WHERE key = 'schema_version'")
        conn.commit()
    with pytest.raises(ServerError, match=r"schema 99, made by a newer Tandem .* update Tandem"):
        connect(address)
    with pytest.raises(ServerError, match="newer Tandem"):
        init(address)  # and init does not touch it
    with connect(address, check=False) as conn:
        conn.execute("UPDATE tandem.meta SET value = %s WHERE key = 'schema_version'",
                     (str(SERVER_SCHEMA_VERSION),))
        conn.execute("CREATE TABLE tandem.notes (x int)")
        conn.commit()
    with pytest.raises(ServerError, match=r"objects in Tandem's schema that Tandem did not "
                       r"make \(table notes\)"):
        connect(address)


def test_a_schema_called_tandem_that_is_not_tandems_is_left_alone(pg_url: str) -> None:
    with connect(parse(pg_url), check=False) as conn:
        conn.execute("CREATE SCHEMA tandem")
        conn.execute("CREATE TABLE tandem.things (x int)")
        conn.commit()
    for attempt in (lambda: connect(parse(pg_url)), lambda: init(parse(pg_url))):
        with pytest.raises(ServerError, match="a schema named tandem that Tandem did not make"):
            attempt()


def test_bad_addresses_and_logins_get_one_sentence_each(pg_cluster: Cluster, pg_url: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    init(parse(pg_url))
    cases = {
        pg_url.replace("tandem_admin@", "tandem_admin:secret@"): "A password does not go in",
        pg_url.replace("tandem_admin@", "nobody_here@"): "refused the login nobody_here",
        pg_url.rsplit("/", 1)[0] + "/no_such_db": "has no such database",
        "postgresql://tandem_admin@127.0.0.1:1/tandem": "does not answer",
        "postgresql://tandem_admin@no-such-host.invalid/tandem": "could not be found",
        "postgresql://tandem_admin@127.0.0.1:notaport/tandem": "not a server address Tandem",
        pg_url + "#plan=": "names no plan",
        "mysql://x@y/z": "is not a server address",
    }
    for url, said in cases.items():
        with pytest.raises(PlanError, match=said):
            connect(parse(url))
    with speaking("de"), pytest.raises(PlanError, match="^tandem auf 127.0.0.1:1 antwortet "
                                       r"nicht \(läuft der Server"):
        connect(parse("postgresql://tandem_admin@127.0.0.1:1/tandem"))
    monkeypatch.setenv("PGPASSFILE", os.devnull)
    monkeypatch.setenv("PGPASSWORD", "wrong")
    with pytest.raises(ServerError, match="refused the login tandem_admin: the password in "
                       "~/.pgpass or PGPASSWORD is wrong or missing"):
        connect(parse(pg_url))
    monkeypatch.setenv("PGPASSWORD", SUPERPASS)
    connect(parse(pg_url)).close()


# -- publishing and reading ---------------------------------------------------------


def test_a_published_plan_reads_back_as_the_file_with_history_and_versions(
        published: Published, tmp_path: Path) -> None:
    with PlanStore.open(published.file, read_only=True) as file, \
            ServerStore.open_address(parse(published.address)) as server:
        assert server.state() == file.state()
        assert [(e.id, e.label, e.author.name) for e in server.history()] == \
            [(e.id, e.label, e.author.name) for e in file.history()]
        assert [(v.id, v.name) for v in server.versions()] == \
            [(v.id, v.name) for v in file.versions()]
        assert server.state(3) == file.state(3)
        assert server.integrity_problems() == [] and server.changed_outside() == []


def test_the_login_is_the_person_and_a_viewer_reads_only(published: Published) -> None:
    with _open(published, "amara") as amara, _open(published, "maya") as maya:
        assert (amara.acting.name, amara.acting.login) == ("Amara Okafor", "amara")
        assert amara.acting.person_id == amara.plan().head_of_sales_id
        assert maya.read_only and "a viewer of this plan" in (maya.read_only_reason or "")


def test_a_change_in_one_store_appears_in_the_other(published: Published) -> None:
    with _open(published, "jonas") as jonas, _open(published, "ines") as ines:
        seen: list[ChangeSet] = []
        ines.subscribe(seen.append)
        goal = _goal(jonas)
        jonas.commit(edit(goal, description="Weekly acceptance review with both teams"))
        assert ines.poll(timeout=5) == 1
        assert ines.get(Goal, goal.id).description == "Weekly acceptance review with both teams"
        assert [r.id for r in seen[0]] == [goal.id]
        last = ines.history()[-1]
        assert (last.author.name, last.author.login) == ("Jonas Petrov", "jonas")
        assert ines.state() == jonas.state()


def test_the_same_field_at_once_one_wins_and_the_other_is_told_who(published: Published) -> None:
    with _open(published, "jonas") as jonas, _open(published, "ines") as ines:
        goal = _goal(jonas)
        theirs = edit(ines.get(Goal, goal.id), description="Ines's words")  # prepared first
        jonas.commit(edit(goal, description="Jonas's words"))
        with pytest.raises(InvalidEdit, match="Jonas Petrov changed this goal a moment ago; "
                           "their words are shown"):
            ines.commit(theirs)
        assert ines.get(Goal, goal.id).description == "Jonas's words"  # shown at once
        with ServerStore.open_address(parse(published.address)) as fresh:
            assert fresh.get(Goal, goal.id).description == "Jonas's words"
            assert [e.label for e in fresh.history()].count(theirs.label) == 1


def test_the_server_refuses_a_stale_change_even_when_the_client_did_not_know(
        published: Published) -> None:
    """Two commits prepared on the same row version: the server's row version
    check refuses the second although its store had not heard of the first."""
    with _open(published, "jonas") as jonas, _open(published, "ines") as ines:
        goal = _goal(jonas)
        jonas.commit(edit(goal, success_measure="60% accepted within 5 days"))
        ines._listen.execute("UNLISTEN *")  # it hears nothing of Jonas's change
        with pytest.raises(InvalidEdit, match="Jonas Petrov changed this goal a moment ago"):
            ines.commit(edit(ines.get(Goal, goal.id), success_measure="70%"))
        assert ines.get(Goal, goal.id).success_measure == "60% accepted within 5 days"


def test_roles_are_the_logins_not_a_declared_name(published: Published) -> None:
    with _open(published, "jonas") as jonas, _open(published, "amara") as amara:
        goal = next(g for g in jonas.rows(Goal) if g.sales_signed_at is None)
        with pytest.raises(InvalidEdit, match="sign off for sales"):
            jonas.commit(sign_off([goal], "sales", jonas.get(Person, jonas.acting.person_id)))
        amara.poll(timeout=1)
        committed = amara.commit(sign_off([amara.get(Goal, goal.id)], "sales",
                                          amara.get(Person, amara.acting.person_id)))
        assert committed.rows[0].after.sales_signed_by_id == amara.acting.person_id
        jonas.poll(timeout=5)
        signed = jonas.get(Goal, goal.id)
        assert signed.sales_signed_by_id == amara.acting.person_id


def test_undo_of_a_change_someone_built_on_is_refused(published: Published) -> None:
    with _open(published, "jonas") as jonas, _open(published, "ines") as ines:
        goal = _goal(jonas)
        mine = jonas.commit(edit(goal, description="Jonas first"))
        ines.poll(timeout=5)
        ines.commit(edit(ines.get(Goal, goal.id), description="Ines on top"))
        jonas.poll(timeout=5)
        with pytest.raises(InvalidEdit, match="Ines Berg changed this goal a moment ago"):
            jonas.commit(mine.inverse())
        assert jonas.get(Goal, goal.id).description == "Ines on top"


def test_versions_are_shared(published: Published) -> None:
    with _open(published, "jonas") as jonas, _open(published, "ines") as ines:
        version = jonas.save_version("Before the workshop", "as sent to the board")
        assert version.author == "Jonas Petrov"
        jonas.commit(edit(_goal(jonas), description="After"))
        ines.poll(timeout=5)
        ines.poll(timeout=0.5)
        assert "Before the workshop" in [v.name for v in ines.versions()]
        assert ines.state(ines.version("Before the workshop").seq)[Goal][_goal(ines).id] \
            .description != "After"


def test_a_pulled_copy_merges_back_with_its_history(published: Published, tmp_path: Path) -> None:
    from planner.store.merge import merge_change, prepare
    from planner.store.server.publish import pull

    copy = tmp_path / "plane.tandem"
    pull(published.as_login("jonas"), copy)
    with PlanStore.open(copy) as offline:
        offline.act_as(offline.acting._replace(name="Jonas Petrov"))
        message = offline.rows(Message)[0]
        offline.commit(edit(message, proof_point="Three customers said so on the rides"))
    with _open(published, "jonas") as server, PlanStore.open(copy, read_only=True) as theirs:
        plan = prepare(server, theirs)
        assert not plan.conflicts
        server.commit(merge_change(server, plan))
        assert server.get(Message, message.id).proof_point == \
            "Three customers said so on the rides"
        with ServerStore.open_address(parse(published.address)) as fresh:
            assert fresh.get(Message, message.id).proof_point == \
                "Three customers said so on the rides"
            assert fresh.state() == server.state()


def test_a_withdrawal_needs_that_sides_head(published: Published) -> None:
    with _open(published, "ines") as ines:
        goal = next(g for g in ines.rows(Goal) if g.sales_signed_at and g.marketing_signed_at)
        with pytest.raises(InvalidEdit, match="withdraw"):
            ines.commit(withdraw([goal], "marketing"))
        assert ines.get(Goal, goal.id).marketing_signed_at is not None


def test_person_access_is_the_heads(published: Published) -> None:
    from planner.model.enums import Access

    with _open(published, "jonas") as jonas:
        ines = next(p for p in jonas.rows(Person) if p.name == "Ines Berg")
        with pytest.raises(InvalidEdit):
            jonas.commit(edit(ines, access=Access.FACILITATOR))


def test_a_password_kept_in_the_keyring_is_used_when_libpq_has_none(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    from planner.store.server.schema import store_password

    class Memory(KeyringBackend):  # a keyring of this process: the system's is not the test's
        priority = 1  # type: ignore[assignment]
        kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    init(parse(pg_url))
    monkeypatch.setenv("PGPASSFILE", os.devnull)
    before = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        with pytest.raises(ServerError, match="wrong or missing"):
            connect(parse(pg_url))
        assert store_password(parse(pg_url), SUPERPASS) is None
        connect(parse(pg_url)).close()
        assert Memory.kept == {("Tandem", pg_url): SUPERPASS}
    finally:
        keyring.set_keyring(before)
    keyring.set_keyring(__import__("keyring.backends.fail", fromlist=["Keyring"]).Keyring())
    said = store_password(parse(pg_url), "x")
    assert said and "could not be kept in the system keyring" in said
    keyring.set_keyring(before)


def test_every_kind_of_row_round_trips_through_the_server_exactly(published: Published) -> None:
    """A row of each kind, edited by one person, then by another who read it
    from the server, then by the first again from what the live feed brought:
    each before is the row the server holds, so every change goes in (a float
    such as 1/3, a time with microseconds, an emoji and a null included)."""
    from planner.model import FieldRide, Metric, MetricValue, ParkingTopic, Plan, Review
    from planner.model.records import KINDS

    odd = "Ünïcode 🚀 \u00a0«quoted» 1/3"
    with _open(published, "amara") as amara, _open(published, "bjorn") as bjorn:
        changes = {Plan: {"purpose": odd}, Goal: {"success_measure": odd},
                   FieldRide: {"debrief": odd}, Metric: {"baseline": 1 / 3, "target": 1e-7},
                   MetricValue: {"actual": 2 / 3, "note": odd}, Message: {"segment": odd},
                   ParkingTopic: {"topic": odd}, Review: {"what_we_learned": odd}}
        kinds = [k for k in KINDS if amara.rows(k)]
        for turn, store in enumerate([amara, bjorn, amara]):
            store.poll(force=True)
            for kind in kinds:
                row = store.rows(kind)[-1]
                fields = changes.get(kind)
                if fields is None:  # one text field of the kind, whichever it has
                    text = next((f for f in kind._fields if f not in ("id",) and isinstance(
                        getattr(row, f), str) and not f.endswith("_id")), None)
                    if text is None:
                        continue
                    fields = {text: f"{odd} {turn}"}
                else:
                    fields = {f: (v + turn if isinstance(v, float) else f"{v} {turn}")
                              for f, v in fields.items()}
                store.commit(edit(row, **fields))
        bjorn.poll(force=True)
        for kind in kinds:
            assert bjorn.rows(kind) == amara.rows(kind), kind.__name__
    with _open(published, "jonas") as fresh:
        for kind in kinds:
            assert fresh.rows(kind) == amara.rows(kind), kind.__name__


def test_a_server_plan_takes_a_crm_export_in_and_every_client_measures_it(
        published: Published, tmp_path: Path) -> None:
    """Published with the sample's imports and their rows; an export taken in
    on the server is one commit with its rows, read by another login, kept
    through undo and redo, in an offline copy, and refused when forged."""
    from datetime import date

    import json

    from planner.imports.crm_figures import current_leads
    from planner.imports.crm_flow import prepare
    from planner.store.server.store import payload
    from planner.imports.crm_sample import leads, write_contacts
    from planner.model import CrmImport
    from planner.model.enums import CrmKind
    from planner.operations import crm

    with _open(published, "ines") as ines, _open(published, "jonas") as jonas:
        sample = ines.rows(CrmImport)
        assert len(sample) == 2  # the sample's leads and deals, published with their rows
        found = current_leads(jonas)
        assert found is not None and len(found[0].mql) == 1500
        rows = list(leads(date(2026, 9, 1), 1, 120, ("Ines Berg",), ("North",), "North", seed=5))
        rows = [r.__class__(**{**{f: getattr(r, f) for f in r.__slots__},
                               "crm_id": f"S{r.crm_id}"}) for r in rows]
        write_contacts(tmp_path / "september.csv", rows)
        made = prepare(tmp_path / "september.csv", "hubspot", "UTC")
        change, row = crm.take_in_export(ines.acting, made, "september.csv")
        done = ines.commit(change)
        jonas.poll(force=True)
        assert jonas.get(CrmImport, row.id) is not None
        assert jonas.attached(row.id) == made.blob
        found = current_leads(jonas)
        assert found is not None and len(found[0].mql) == 1620
        undone = ines.commit(done.inverse())
        jonas.poll(force=True)
        assert jonas.get(CrmImport, row.id) is None
        ines.commit(undone.inverse())  # the redo: the same rows, kept on the server
        jonas.poll(force=True)
        assert jonas.attached(row.id) == made.blob
        jonas.save_copy(tmp_path / "offline.tandem")
        forged = ChangeSet("Sneak", (), attached=((sample[0].id, b"other rows"),))
        with pytest.raises(InvalidEdit, match="for no CRM import it makes"):
            ines.commit(forged)
        with pytest.raises(InvalidEdit, match="for no CRM import it makes"):
            ines._call("SELECT tandem.commit_attached(%s, %s, %s::jsonb, %s, %s)",
                       (ines.plan_id, ines._seq, '{"rows": [], "label": "x", "id": "y"}',
                        [sample[0].id], [b"other rows"]))
    with _open(published, "maya") as maya:  # a viewer, by the function itself
        viewer = crm.take_in(maya.acting, crm="hubspot", holds=CrmKind.LEAD,
                             file_name="x.csv", rows=1, unread=0, mapping="{}", columns=b"x")[0]
        with pytest.raises(InvalidEdit, match="Viewers change nothing"):
            maya._call("SELECT tandem.commit_attached(%s, %s, %s::jsonb, %s, %s)",
                       (maya.plan_id, maya._seq, json.dumps(payload(viewer, "v1")),
                        [viewer.attached[0][0]], [b"x"]))
        assert maya.get(CrmImport, viewer.attached[0][0]) is None
    with PlanStore.open(tmp_path / "offline.tandem", read_only=True) as copy:
        assert copy.attached(row.id) == made.blob
        assert {i.id for i in copy.rows(CrmImport)} == {i.id for i in sample} | {row.id}
        assert all(copy.attached(i.id) for i in sample)


