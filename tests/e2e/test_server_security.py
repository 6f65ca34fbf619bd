"""The server, not the client, keeps the roles: every forbidden write refused.

Each case is what a modified client, or a person at psql with their own
login, could send: a change set handed straight to tandem.commit, or SQL on
the tables. After each refusal the server's rows are as they were. The same
change sent as someone allowed to make it goes in, so the refusals are the
server's judgement, not a malformed request.
"""

import json
from datetime import datetime, timezone

from planner.changes import ChangeSet, RowChange
from planner.model import Goal, Person, Plan, new_id
from planner.model.enums import Access
from planner.rules.signoff import wording_json
from planner.store.server.address import parse
from planner.store.server.store import ServerStore, payload
from tests.postgres import Published


def _server(published: Published) -> ServerStore:
    return ServerStore.open_address(parse(published.address), read_only=True)


def _commit_sql(store: ServerStore, rows: list[RowChange], label: str = "Forged",
                exact: bool = False, **extra: object) -> tuple[str, str]:
    body = payload(ChangeSet(label, tuple(rows), exact), new_id())
    body.update(extra)
    return ("SELECT tandem.commit(:'plan', :'base'::bigint, :'change'::jsonb)",
            json.dumps(body))


def _rows_now(published: Published) -> str:
    done = published.psql("SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM ("
                          "SELECT to_jsonb(g) - 'seq' AS t FROM tandem.goal g UNION ALL "
                          "SELECT to_jsonb(p) - 'seq' FROM tandem.person p UNION ALL "
                          "SELECT to_jsonb(p) - 'seq' FROM tandem.plan p UNION ALL "
                          "SELECT to_jsonb(l) FROM tandem.change_log l UNION ALL "
                          "SELECT to_jsonb(m) FROM tandem.member m) x")
    assert done.returncode == 0, done.stderr
    return done.stdout


def _signed(goal: Goal, side: str, by: str | None) -> Goal:
    now = datetime.now(timezone.utc)
    return goal._replace(**{f"{side}_signed_by_id": by, f"{side}_signed_at": now,
                            f"{side}_signed_wording": wording_json(goal)})


def _refused(published: Published, login: str, sql: str, said: str, **variables: str) -> None:
    before = _rows_now(published)
    done = published.psql(sql, login, **variables)
    assert done.returncode != 0, f"{login} was let through: {done.stdout}"
    assert said in done.stderr, done.stderr
    assert _rows_now(published) == before


def test_forged_change_sets_through_the_commit_function_are_refused(
        published: Published) -> None:
    with _server(published) as store:
        plan = store.plan()
        amara, bjorn = plan.head_of_sales_id, plan.head_of_marketing_id
        people = {p.name: p for p in store.rows(Person)}
        jonas, ines = people["Jonas Petrov"].id, people["Ines Berg"].id
        open_goal = next(g for g in store.rows(Goal) if g.sales_signed_at is None)
        both = next(g for g in store.rows(Goal) if g.sales_signed_at and g.marketing_signed_at)
        base = str(store.head())
        cases = [
            # (login, rows, what the server says)
            ("jonas", [RowChange(open_goal, _signed(open_goal, "sales", amara))],
             "can sign off for sales"),                     # in the head of sales's name
            ("jonas", [RowChange(open_goal, _signed(open_goal, "sales", jonas))],
             "can sign off for sales"),                     # in his own
            ("ines", [RowChange(open_goal, _signed(open_goal, "sales", amara))],
             "can sign off for sales"),                     # sales, but neither head nor delegate
            ("amara", [RowChange(open_goal, _signed(open_goal, "sales", ines))],
             "in the signer's own name"),                   # the head, in another's name
            ("jonas", [RowChange(both, both._replace(marketing_signed_by_id=None,
                                                     marketing_signed_at=None,
                                                     marketing_signed_wording=None))],
             "can withdraw the sign-off for marketing"),
            ("jonas", [RowChange(people["Ines Berg"], people["Ines Berg"]._replace(
                access=Access.FACILITATOR))], "change who may do what"),
            ("ines", [RowChange(people["Ines Berg"], people["Ines Berg"]._replace(
                delegate=True))], "names who signs in their stead"),
            ("bjorn", [RowChange(people["Ines Berg"], people["Ines Berg"]._replace(
                delegate=True))], "names who signs in their stead"),  # not his team
            ("jonas", [RowChange(plan, plan._replace(head_of_marketing_id=jonas))],
             "change who heads a side"),
            ("jonas", [RowChange(plan, None)], "published or removed as a whole"),
            ("maya", [RowChange(open_goal, open_goal._replace(title="A viewer's title"))],
             "Viewers change nothing"),
            # History told otherwise: a "before" that is not the row held.
            ("jonas", [RowChange(open_goal._replace(title="Never the title"),
                                 open_goal._replace(title="Mine"))], "otherwise than the plan"),
        ]
        for login, rows, said in cases:
            sql, change = _commit_sql(store, rows)
            _refused(published, login, sql, said, base=base, change=change)
        assert bjorn and ines
        # The same sign-off, by the head of sales herself, goes in: the refusals were judgements.
        sql, change = _commit_sql(store, [RowChange(open_goal, _signed(open_goal, "sales", amara))])
        done = published.psql(sql, "amara", base=base, change=change)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["author"] == "Amara Okafor"


def test_undo_brings_back_a_sign_off_of_record_but_none_made_up(published: Published) -> None:
    """An exact change (undo, redo) may put back a sign-off the row carried
    before, with its wording; `exact` on a sign-off nobody made is refused."""
    from planner.operations.rows import edit

    with ServerStore.open_address(parse(published.as_login("jonas"))) as jonas:
        amara = jonas.plan().head_of_sales_id
        signed = next(g for g in jonas.rows(Goal) if g.sales_signed_at and g.marketing_signed_at)
        done = jonas.commit(edit(signed, description="Jonas rewords a signed goal"))
        assert jonas.get(Goal, signed.id).sales_signed_at is None  # withdrawn with the words
        open_goal = next(g for g in jonas.rows(Goal) if g.sales_signed_at is None
                         and g.id != signed.id)
        base = str(jonas.head())
        forged = _signed(open_goal, "sales", amara)
        for rows in ([RowChange(open_goal, forged)],  # made up, in the head's name
                     [RowChange(jonas.get(Goal, signed.id), signed._replace(  # her name, a new moment
                         description="Other words", sales_signed_at=datetime.now(timezone.utc)))]):
            sql, change = _commit_sql(jonas, rows, "Undo", exact=True)
            _refused(published, "jonas", sql, "can sign off for sales", base=base, change=change)
        jonas.commit(done.inverse())  # Jonas's undo: Amara's sign-off comes back as she made it
        assert jonas.get(Goal, signed.id) == signed
    with _server(published) as fresh:
        assert fresh.get(Goal, signed.id) == signed


def test_the_author_is_the_servers_to_say(published: Published) -> None:
    with _server(published) as store:
        goal = store.rows(Goal)[0]
        sql, change = _commit_sql(store, [RowChange(goal, goal._replace(description="x"))],
                                  author="Amara Okafor", author_id=store.plan().head_of_sales_id,
                                  login="amara")
        done = published.psql(sql, "jonas", base=str(store.head()), change=change)
        assert done.returncode == 0, done.stderr
    done = published.psql("SELECT author || '/' || login FROM tandem.change_log "
                          "ORDER BY seq DESC LIMIT 1")
    assert done.stdout.strip() == "Jonas Petrov/jonas"


DIRECT = [
    "UPDATE tandem.goal SET title = 'mine' WHERE plan_id = :'plan'",
    "UPDATE tandem.goal SET sales_signed_at = '2027-01-01' WHERE plan_id = :'plan'",
    "DELETE FROM tandem.change_log WHERE plan_id = :'plan'",
    "UPDATE tandem.change_log SET author = 'Amara Okafor' WHERE plan_id = :'plan'",
    "INSERT INTO tandem.member SELECT :'plan', 'jonas2', id FROM tandem.person LIMIT 1",
    "UPDATE tandem.member SET person_id = (SELECT head_of_sales_id FROM tandem.plan) "
    "WHERE login = 'jonas'",
    "UPDATE tandem.plans SET head = 0",
    "DELETE FROM tandem.plan_version",
    "SELECT tandem.check_roles(:'plan', '[]', false, null, '', true)",
    "SELECT tandem.refuse('x')",
    "TRUNCATE tandem.goal",
    "ALTER TABLE tandem.goal DISABLE ROW LEVEL SECURITY",
    "CREATE TABLE tandem.mine (x int)",
]


def test_no_login_writes_a_table_or_history_itself(published: Published) -> None:
    for login in ("jonas", "amara"):
        for sql in DIRECT:
            _refused(published, login, sql, "ERROR:")
            done = published.psql(sql, login)
            assert "permission denied" in done.stderr or "must be owner" in done.stderr, \
                (login, sql, done.stderr)


def test_a_login_reads_only_the_plans_it_is_a_person_of(published: Published) -> None:
    published.cluster.role("outsider", "outsider-pw") if published.psql(
        "SELECT 1 FROM pg_roles WHERE rolname = 'outsider'").stdout.strip() != "1" else None
    # As a login granted another plan has: the schema, the tables, the function of the policy.
    published.psql("GRANT USAGE ON SCHEMA tandem TO outsider; "
                   "GRANT SELECT ON tandem.goal, tandem.change_log TO outsider; "
                   "GRANT EXECUTE ON FUNCTION tandem.my_plans() TO outsider")
    db = published.database.rsplit("/", 1)[1]
    done = published.cluster.psql("SELECT count(*) FROM tandem.goal", "outsider", "outsider-pw", db)
    assert done.returncode == 0 and done.stdout.strip() == "0", done.stderr
    done = published.psql("SELECT count(*) FROM tandem.goal", "jonas")
    assert int(done.stdout) > 0
    assert Plan


def test_a_row_no_client_could_load_is_refused_by_the_server(published: Published) -> None:
    """A modified client sends rows that Tandem itself would refuse (too long,
    empty, padded, not a number, out of range, a time or a period that is
    not one, dates backwards): the server's checks, made from the same rules
    as the client's, refuse each, and everyone still opens the plan."""
    from planner.model import FieldRide, Metric, MetricValue, ReviewLink

    with _server(published) as store:
        goal = store.rows(Goal)[0]
        ride = store.rows(FieldRide)[0]
        metric = store.rows(Metric)[0]
        value = store.rows(MetricValue)[0]
        link = next(iter(store.rows(ReviewLink)), None)
        base = str(store.head())
        first = ride.first_day
        cases: list[tuple[object, dict[str, object]]] = [  # values as a row object carries them
            (goal, {"title": "x" * 301}), (goal, {"description": "x" * 20_001}),
            (goal, {"title": ""}), (goal, {"title": " padded"}), (goal, {"title": "padded\u3000"}),
            (goal, {"position": 2 * 10**9}), (goal, {"created_at": "yesterday"}),
            (goal, {"updated_at": "2027-02-30T10:00:00.000000+00:00"}),
            (goal, {"due_date": "1850-01-01"}),
            (metric, {"target": 1e16}), (metric, {"baseline": "-Infinity"}),
            (metric, {"baseline": "NaN"}),
            (value, {"period": "2027-13"}), (value, {"period": "0999-Q1"}),
            (ride, {"last_day": first.replace(year=first.year - 1).isoformat()}),
            (ride, {"last_day": first.replace(year=first.year + 1).isoformat()}),
        ]
        if link is not None:
            cases.append((link, {"goal_id": goal.id, "metric_id": metric.id}))
        for row, fields in cases:
            body = payload(ChangeSet("Forged", (RowChange(row, row),)), new_id())
            body["rows"][0][2].update(fields)
            _refused(published, "jonas", "SELECT tandem.commit(:'plan', :'base'::bigint, "
                     ":'change'::jsonb)", "ERROR:", base=base, change=json.dumps(body))
        # The same kinds of row, as Tandem makes them, go in.
        body = payload(ChangeSet("Fair", (RowChange(goal, goal._replace(title="Fair title")),)),
                       new_id())
        done = published.psql("SELECT tandem.commit(:'plan', :'base'::bigint, :'change'::jsonb)",
                              "jonas", base=base, change=json.dumps(body))
        assert done.returncode == 0, done.stderr
    with ServerStore.open_address(parse(published.as_login("ines"))) as ines:
        assert ines.get(Goal, goal.id).title == "Fair title"
