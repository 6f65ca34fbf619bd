"""The `tandem` command line: demo, export, import, check, or the window.

Headless commands never import Qt. Exit codes: 0 success, 1 a problem in
the user's data (one line on stderr), 2 wrong usage.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import i18n
from planner.i18n import N_, _, ngettext, number
from planner import __version__
from planner.errors import InvalidEdit, PlanError, one_line, os_error_sentence
from planner.sections import DOCUMENT_KEYS
from planner.store.places import PlanRef, is_address, on_server, open_plan, place, ref_name

if TYPE_CHECKING:
    from planner.outline.blocks import Section
    from planner.outline.options import ExportOptions
    from planner.store.plan_store import PlanStore
    from planner.store.versions import State

COMMANDS = ("demo", "export", "import", "check", "diff", "merge", "restore", "log", "push", "pull",
            "server", "next", "import-crm", "survey")
PLAN = "PLAN"  # a plan file, or a plan's server address (postgresql://…#plan=…)
AS_HELP = N_("who makes the change: a person of the plan by name or email, else a guest of "
             "that name (default: this computer's choice for the plan, else the login)")
# argparse's own words, in the language spoken (it asks gettext's default
# domain, which Tandem does not install; its module's `_` is pointed here).
ARGPARSE_WORDS = (N_("usage: "), N_("positional arguments"), N_("options"),
                  N_("show this help message and exit"),
                  N_("show program's version number and exit"),
                  N_("argument %(argument_name)s: %(message)s"),
                  N_("unrecognized arguments: %s"),
                  N_("the following arguments are required: %s"),
                  N_("one of the arguments %s is required"), N_("expected one argument"),
                  N_("not allowed with argument %s"),
                  N_("ambiguous option: %(option)s could match %(matches)s"),
                  N_("invalid choice: %(value)r (choose from %(choices)s)"),
                  N_("invalid %(type)s value: %(value)r"), N_("%(prog)s: error: %(message)s\n"))


def _any_case(*choices: str) -> dict[str, Any]:
    """An option whose values are taken in any case (`letter` is Letter)."""
    def canonical(value: str) -> str:
        return next((c for c in choices if c.casefold() == value.casefold()), value)
    return {"choices": choices, "type": canonical}


def _parser() -> argparse.ArgumentParser:
    argparse._ = _  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="tandem", description=_("One plan for sales and marketing. Without a command, opens "
                                     "the window (on PLAN, the last plan, or the sample plan)."))
    parser.add_argument("--version", action="version", version=f"Tandem {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help=_("write a sample plan"))
    demo.add_argument("plan", type=Path, metavar="PLAN.tandem")
    demo.add_argument("--size", default="small", **_any_case("small", "large"))
    demo.add_argument("--template", metavar="NAME",
                      help=_("a plan made from a template instead of the sample: saas-inbound, "
                             "field-distributors, abm-named-accounts or one saved in the window"))
    export = sub.add_parser("export", help=_("export a plan as PDF, JSON, iCalendar or CSV"))
    export.add_argument("plan", type=place, metavar=PLAN)
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--pdf", type=Path, metavar="OUT.pdf")
    what.add_argument("--json", type=Path, metavar="OUT.json")
    what.add_argument("--ics", type=Path, metavar="DIR",
                      help=_("field rides and action items as iCalendar: the whole plan and one "
                             "file per person (the folder is made if need be)"))
    what.add_argument("--csv", type=Path, metavar="DIR",
                      help=_("one CSV file per table, for spreadsheets (the folder is made if need "
                             "be)"))
    pdf = export.add_argument_group("PDF options")
    pdf.add_argument("--page-size", default="A4", **_any_case("A4", "Letter"))
    pdf.add_argument("--sections", metavar="LIST",
                     help=_("comma-separated: {DOCUMENT_KEYS}").format(DOCUMENT_KEYS=','.join(DOCUMENT_KEYS)))
    pdf.add_argument("--no-debriefs", action="store_true", help=_("leave out ride debriefs"))
    pdf.add_argument("--no-reviews", action="store_true", help=_("leave out reviews"))
    pdf.add_argument("--mark", default="auto", **_any_case("auto", "draft", "agreed", "none"),
                     help=_("draft watermark or agreed stamp (auto: as the plan's status says)"))
    pdf.add_argument("--changes-since", metavar="VERSION",
                     help=_("add an appendix listing every change since a saved version"))
    imp = sub.add_parser("import", help=_("build a plan from a JSON document"))
    imp.add_argument("source", type=Path, metavar="IN.json")
    imp.add_argument("plan", type=Path, metavar="PLAN.tandem")
    imp.add_argument("--as", dest="as_name", metavar="NAME", help=_(AS_HELP))
    check = sub.add_parser("check", help=_("integrity, schema version and rule violations"))
    check.add_argument("plan", type=place, metavar=PLAN)
    diff = sub.add_parser(
        "diff", help=_("what changed between two plans or versions"),
        description=_("OLD and NEW are plan files, or FILE@VERSION for a version saved in a plan "
                      "(by its name or id)."))
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--json", action="store_true", help=_("the changes as JSON"))
    merge = sub.add_parser(
        "merge", help=_("bring the changes made in another copy of a plan into this one"),
        description=_("Changes made on one side only go in; a field both copies changed "
                      "differently is a conflict. With conflicts and no --take, nothing is "
                      "written, each conflict is printed and the exit code is 1."))
    merge.add_argument("mine", type=place, metavar="MINE")
    merge.add_argument("theirs", type=place, metavar="THEIRS")
    merge.add_argument("-o", "--output", type=Path, metavar="OUT.tandem",
                       help=_("write the merged plan to a new file and leave MINE as it is"))
    merge.add_argument("--take", **_any_case("mine", "theirs"),
                       help=_("settle every conflict with this side's value"))
    merge.add_argument("--as", dest="as_name", metavar="NAME", help=_(AS_HELP))
    restore = sub.add_parser(
        "restore", help=_("make a plan as it was in one of its saved versions (one change, "
                          "undoable in the window)"))
    restore.add_argument("plan", type=place, metavar=PLAN)
    restore.add_argument("version", metavar="VERSION", help=_("the version's name or id"))
    restore.add_argument("--as", dest="as_name", metavar="NAME", help=_(AS_HELP))
    log = sub.add_parser(
        "log", help=_("who changed what, when: every change set with its author"),
        description=_("Each change set committed to the plan, oldest first, with its author and "
                      "the local time; with --json, every row it touched with each field before "
                      "and after."))
    log.add_argument("plan", type=place, metavar=PLAN)
    log.add_argument("--since", metavar="VERSION", help=_("only what came after a saved version"))
    log.add_argument("--person", metavar="NAME", help=_("only the work of this person"))
    log.add_argument("--json", action="store_true", help=_("the entries and their rows as JSON"))
    push = sub.add_parser(
        "push", help=_("publish a plan file (with its history and versions) to a team server"),
        description=_("URL is a PostgreSQL database set up with tandem server init; the password "
                      "comes from ~/.pgpass or PGPASSWORD. The last line printed is the plan's "
                      "address, which works wherever a plan file does."))
    push.add_argument("plan", type=Path, metavar="PLAN.tandem")
    push.add_argument("url", metavar="URL")
    pull = sub.add_parser("pull", help=_("an offline copy of a server's plan, with its history "
                                         "(merge it back with tandem merge ADDRESS COPY.tandem)"))
    pull.add_argument("address", metavar="ADDRESS")
    pull.add_argument("copy", type=Path, metavar="COPY.tandem")
    nxt = sub.add_parser(
        "next", help=_("start the next period: a new plan from this one"),
        description=_("Writes NEW.tandem for the period after PLAN's: goals not done (sign-offs "
                      "withdrawn), metrics with the last actual as the new baseline and targets to "
                      "set, people, the funnel, approved messages, open review actions and "
                      "parking-lot topics. PLAN keeps a final version named after its period. "
                      "Nothing is ever written over an existing file."))
    nxt.add_argument("plan", type=place, metavar=PLAN)
    nxt.add_argument("new", type=Path, metavar="NEW.tandem")
    nxt.add_argument("--from", dest="starting", type=_day, metavar="DATE",
                     help=_("the first day of the new period (default: the day after PLAN's)"))
    nxt.add_argument("--months", type=int, metavar="N",
                     help=_("how many months it runs (default: as long as PLAN's)"))
    nxt.add_argument("--leave-out", metavar="LIST", default="",
                     help=_("comma-separated parts not to carry: "
                            "goals,metrics,people,funnel,messages,actions,parking"))
    nxt.add_argument("--as", dest="as_name", metavar="NAME", help=_(AS_HELP))
    survey = sub.add_parser(
        "survey", help=_("the network survey: forms to send out, answers to take in"),
        description=_("With --out, opens a survey of everyone in the two teams (unless one is "
                      "open) and writes one self-contained HTML form per person into DIR: it "
                      "asks whom on the other team they go to, and saves the answers as a file "
                      "they send back. With --collect, reads those files in; a file made for "
                      "someone else, changed on the way, made twice or for another plan is "
                      "refused with a sentence, and the good ones are taken."))
    survey.add_argument("plan", type=place, metavar=PLAN)
    survey_what = survey.add_mutually_exclusive_group(required=True)
    survey_what.add_argument("--out", type=Path, metavar="DIR", help=_("write the forms here"))
    survey_what.add_argument("--collect", type=Path, nargs="+", metavar="FILE",
                             help=_("answer files to take in"))
    survey.add_argument("--question", action="append", metavar="TEXT",
                        help=_("a question of a new survey (again for more; default: customer "
                               "insight, help with a deal, content)"))
    survey.add_argument("--new", action="store_true",
                        help=_("open a new survey even if one is open"))
    survey.add_argument("--as", dest="as_name", metavar="NAME", help=_(AS_HELP))
    crm = sub.add_parser(
        "import-crm", help=_("take a CRM's lead or deal export into the plan"),
        description=_("Reads FILE (CSV in any encoding a CRM or Excel writes, or XLSX) as "
                      "Salesforce's lead or opportunity report, HubSpot's contact or deal export, "
                      "or by a saved mapping, and keeps its rows in the plan (undo takes them "
                      "out). Lines that cannot be read are named with why; the rest are taken in. "
                      "Nothing is sent anywhere."))
    crm.add_argument("plan", type=place, metavar=PLAN)
    crm.add_argument("file", type=Path, metavar="FILE")
    crm.add_argument("--source", metavar="salesforce|hubspot|MAPPING.json",
                     help=_("which CRM wrote FILE, or a mapping of its columns (JSON); default: "
                            "the CRM its columns are, else the mapping the plan kept for an export "
                            "with these columns"))
    crm.add_argument("--zone", metavar="ZONE",
                     help=_("the time zone of times without one, e.g. Europe/Berlin (default: the "
                            "mapping's, else UTC)"))
    crm.add_argument("--as", dest="as_name", metavar="NAME", help=_(AS_HELP))
    server = sub.add_parser("server", help=_("set up a team server and say who is who on it"))
    verbs = server.add_subparsers(dest="verb", metavar="VERB", required=True)
    init = verbs.add_parser("init", help=_("create or upgrade Tandem's schema in a database"))
    init.add_argument("url", metavar="URL")
    grant = verbs.add_parser("grant", help=_("tie a person of a plan to a PostgreSQL login"))
    grant.add_argument("address", metavar="ADDRESS")
    grant.add_argument("--person", required=True, metavar="NAME",
                       help=_("the person, by name or email"))
    grant.add_argument("--login", required=True, metavar="ROLE", help=_("the PostgreSQL login"))
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value} is not a date (write it as 2028-01-01)").format(
                value=repr(text[:40]))) from None


def _next(args: argparse.Namespace) -> int:
    from planner.store import next_period

    new: Path = args.new
    if new.exists() or new.is_symlink():
        raise PlanError(_("{name} already exists; choose a new file name.").format(name=new.name))
    if not new.parent.is_dir():
        raise PlanError(_("The folder {parent} does not exist.").format(parent=new.parent))
    carry = next_period.Carry().without(
        *(p.strip().casefold() for p in args.leave_out.split(",") if p.strip()))
    with open_plan(args.plan) as store:
        _act(store, args.as_name)
        made = next_period.prepare(store, args.starting, args.months, carry)
        next_period.start_next_period(store, new, made)
    print(_("Started {title} ({period}) in {new} from {old}:").format(
        title=made.plan.title,
        period=next_period.period_words(made.plan.period_start, made.plan.period_end),
        new=new, old=ref_name(args.plan)))
    for line in made.lines:
        print(f"  {line}")
    return 0


def _survey(args: argparse.Namespace) -> int:
    from datetime import date

    from planner.rules.survey import response

    with open_plan(args.plan) as store:
        _act(store, args.as_name)
        if args.out is not None:
            from planner.export.survey_forms import write_forms
            from planner.operations.survey import survey_to_send

            opening, survey = survey_to_send(store, date.today(), args.question, args.new)
            store.commit(opening)  # nothing when the latest survey's forms are written again
            written = write_forms(store, survey, args.out)
            print(_("Wrote {count} survey forms to {folder}: send each person theirs, and "
                    "take the answer files in with --collect.").format(count=len(written),
                                                                        folder=args.out))
            return 0
        from planner.imports.survey_answers import collect

        done = collect(store, list(args.collect))
        if done.change.rows:
            store.commit(done.change)
        for path, who in done.taken:
            print(_("{file}: {name}'s answers taken.").format(file=path.name, name=who))
        for path, why in done.refused:
            print(f"tandem: {one_line(why)}", file=sys.stderr)
        said = response(store)
        print(_("{answered} of {invited} people have answered ({share}).").format(
            answered=said.answered, invited=said.invited, share=f"{said.rate:.0%}"))
        return 1 if done.refused else 0


def _import_crm(args: argparse.Namespace) -> int:
    from planner.imports.crm_flow import prepare
    from planner.operations import crm

    from planner.model import CrmImport

    with open_plan(args.plan) as store:
        _act(store, args.as_name)
        made = prepare(args.file, args.source, args.zone,
                       saved=[i.mapping for i in store.rows(CrmImport)])
        change, row = crm.take_in_export(store.acting, made, args.file.name)
        store.commit(change)
    problems = made.reading.problems
    count, lead = len(made.reading), made.holds.value == "lead"
    took = (ngettext("Took {count} lead from {file} ({crm}, times in {zone}) into {plan}",
                     "Took {count} leads from {file} ({crm}, times in {zone}) into {plan}", count)
            if lead else
            ngettext("Took {count} deal from {file} ({crm}, times in {zone}) into {plan}",
                     "Took {count} deals from {file} ({crm}, times in {zone}) into {plan}", count))
    repeated = ngettext("; {count} row repeated an id (the later kept)",
                        "; {count} rows repeated an id (the later kept)", problems.duplicates)
    print(took.format(count=number(count), file=args.file.name, crm=crm.crm_name(row.crm),
                      zone=made.mapping.zone, plan=ref_name(args.plan))
          + (repeated.format(count=number(problems.duplicates)) if problems.duplicates else "")
          + ".")
    if problems.unread:
        print(ngettext("{count} line could not be read:", "{count} lines could not be read:",
                       problems.unread).format(count=number(problems.unread)))
        for problem in problems.problems[:20]:
            print(f"  {problem.sentence()}")
        if problems.unread > 20:
            print("  " + _("and {count} more").format(count=number(problems.unread - 20)))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from planner.sample import write_sample

    if args.plan.exists():
        raise PlanError(_("{plan} already exists; choose a new file name.").format(plan=args.plan))
    if args.template:
        from planner import templates

        template = templates.find(args.template, templates.own_templates_folder())
        start, end = templates.next_twelve_months(date.today())
        templates.create(args.plan, template, template.name, start, end).close()
        print(_("Wrote a plan from the template \u201c{template}\u201d to {plan}").format(
            template=template.name, plan=args.plan))
        return 0
    write_sample(args.plan, args.size).close()
    print((_("Wrote the small sample plan to {plan}") if args.size == "small" else
           _("Wrote the large sample plan to {plan}")).format(plan=args.plan))
    return 0


def _export(args: argparse.Namespace) -> int:
    out: Path = args.pdf or args.json or args.ics or args.csv
    if not (args.ics or args.csv) and not out.parent.is_dir():
        raise PlanError(_("The folder {parent} does not exist.").format(parent=out.parent))
    with open_plan(args.plan, read_only=True) as store:
        try:
            _write_export(args, store, out)
        except OSError as exc:  # the plan was read: what failed is the writing
            from planner.store.names import write_error

            raise PlanError(write_error(exc, Path(exc.filename or out))) from None
    return 0


def _write_export(args: argparse.Namespace, store: "PlanStore", out: Path) -> None:
    if args.pdf:
        from planner.export.pdf import PAGE_SIZES, export_pdf
        from planner.outline.build import build_outline

        options = _pdf_options(args)
        pages, warnings = export_pdf(build_outline(store, options, args.changes_since or None),
                                     out,
                                     PAGE_SIZES[options.page_size])
        for warning in warnings:
            print(f"tandem: warning: {one_line(warning)}", file=sys.stderr)
        print(ngettext("Wrote {out} ({pages} page, {size} KB)", "Wrote {out} ({pages} pages, "
                       "{size} KB)", pages).format(out=out, pages=pages,
                                                   size=f"{out.stat().st_size / 1024:.0f}"))
    elif args.ics:
        from planner.export.ics import export_ics
        from planner.model import FieldRide, ReviewAction

        files = export_ics(store, out)
        print(ngettext("Wrote {count} calendar to {out}", "Wrote {count} calendars to {out}",
                       len(files)).format(count=len(files), out=out))
    elif args.csv:
        from planner.export.csv_tables import export_csv

        files = export_csv(store, out)
        print(_("Wrote {count} CSV files to {out}: {names}").format(
            count=len(files), out=out, names=", ".join(f.name for f in files)))
    else:
        from planner.export.plan_json import write_json

        write_json(store, out)
        print(_("Wrote {out}").format(out=out))


def _pdf_options(args: argparse.Namespace) -> "ExportOptions":
    from planner.outline.options import ExportOptions

    sections = frozenset(s.strip().casefold() for s in args.sections.split(",") if s.strip()) \
        if args.sections else frozenset(DOCUMENT_KEYS)
    try:
        return ExportOptions(args.page_size, sections, not args.no_debriefs,
                             not args.no_reviews, args.mark)
    except ValueError as exc:
        raise PlanError(f"{str(exc)[:1].upper()}{str(exc)[1:]}.") from None


def _import(args: argparse.Namespace) -> int:
    from planner.export.plan_json import import_json_file

    import_json_file(args.source, args.plan, as_name=args.as_name)
    print(_("Built {plan} from {source}").format(plan=args.plan, source=args.source))
    return 0


def _check(args: argparse.Namespace) -> int:
    from planner.model import Goal, Message, Metric, MetricValue
    from planner.rules.checks import plan_findings
    from planner.rules.signoff import is_agreed
    from planner.model.crm import figure_name
    from planner.rules.metrics import metric_statuses
    from planner.rules.signoff import agreement
    from planner.store.fileformat import SCHEMA_VERSION

    with open_plan(args.plan, read_only=True) as store:
        where = (_("plan format {version}") if not on_server(store) else
                 _("on the server, plan format {version}")).format(version=SCHEMA_VERSION)
        problems = store.integrity_problems()
        problems += [_("the file carries {what}, which Tandem did not create; Tandem will not "
                       "write to it").format(what=what) for what in store.foreign_objects]
        outside = store.changed_outside()
        plan, goals, metrics = store.plan(), store.rows(Goal), store.rows(Metric)
        findings = plan_findings(store)
        from planner.model import CrmImport

        handoff = []
        values: Sequence[MetricValue] = store.rows(MetricValue)
        if store.rows(CrmImport):  # numpy and the figures only for a plan with CRM data
            from planner.imports.crm_figures import handoff_findings, unreadable
            from planner.imports.crm_metrics import actuals

            try:
                handoff = handoff_findings(store)
                values = actuals(store)
            except PlanError as exc:
                problems.append(_("the CRM data cannot be read: {reason}").format(reason=exc))
            # an import's columns another program damaged: left out of every figure
            problems += [s[0].lower() + s[1:] for s in unreadable(store)]
        statuses = metric_statuses(plan, metrics, values)
        messages = store.rows(Message)
        from planner.rules.network import network_findings

        from planner.rules.survey import survey_findings

        network_lines = [f"{f.section}: {f.message}"
                         for f in network_findings(store) + survey_findings(store)]
    # The lines' prefixes (integrity:, metric status: ...) stay as they are in
    # every language: scripts read them.
    print(f"{ref_name(args.plan)}: {where}, "
          f"integrity {'ok' if not problems else 'FAILED'}")
    for problem in problems:
        print(f"integrity: {problem}")
    for line in outside[:20]:
        print(f"history: {line}")
    if len(outside) > 20:
        print("history: " + _("and {n} more rows changed outside Tandem").format(
            n=len(outside) - 20))
    for finding in findings:
        print(f"{finding.section}: {finding.message}")
    print(f"agreement: {agreement(goals).text()}")  # reported: a draft is no problem
    approved = sum(1 for m in messages if is_agreed(m))
    print("messaging: " + _("{approved} of {count} messages approved by both sides").format(
        approved=approved, count=len(messages)))
    for line in network_lines:  # reported: a new hire has no ties yet, which is no fault
        print(line)
    for metric in metrics:  # reported, not counted as problems: a plan may be behind
        a = statuses[metric.id]
        source = " [" + _("computed from the CRM data: {figure}").format(
            figure=figure_name(metric.computed)) + "]" if metric.computed else ""
        print(f"metric status: {metric.name}: {_(a.status.value)} ({a.reason}){source}")
    for finding in handoff:  # reported too: a missed promise is the business's, not the file's
        print(f"{finding.section}: {finding.message}")
    if problems or findings or outside:
        raise PlanError(_("{count} problem(s) found in {plan}.").format(
            count=len(problems) + len(findings) + len(outside), plan=ref_name(args.plan)))
    print(_("No problems found."))
    return 0


def _diff(args: argparse.Namespace) -> int:
    import json

    from planner.outline.changes import between, credited, differences, summary

    old_name, old, old_at = _plan_state(args.old)
    new_name, new, new_at = _plan_state(args.new)
    found = differences(between(old, new), old, new)
    # Who made each change: NEW's history since OLD when OLD is a version of
    # the same file, else the last author NEW records for the row.
    path, upto = new_at
    since = old_at[1] if old_at[0] == path and old_at[1] is not None else 0
    with open_plan(path, read_only=True) as store:
        found = credited(found, store.last_authors(since, upto))
    if args.json:
        print(json.dumps({"old": old_name, "new": new_name, "summary": summary(found),
                          "changes": [d.as_json() for d in found]}, ensure_ascii=False,
                         indent=1))
        return 0
    print(f"{old_name} \u2192 {new_name}: {summary(found)}")
    for difference in found:
        print(one_line(_("{change} (by {name})").format(change=difference.line(),
                                                          name=difference.by_name)))
    return 0


def _plan_state(ref: str) -> "tuple[str, State, tuple[PlanRef, int | None]]":
    """PLAN or PLAN@VERSION: a name for it, the plan's rows then, and the
    plan with the place in its history (None: as it is)."""
    path: PlanRef
    version = None
    if is_address(ref):  # ADDRESS@VERSION: after the plan's id (the login has an "@" too)
        base, _hash, fragment = ref.partition("#")
        plan_part, at, version_part = fragment.partition("@")
        path, version = f"{base}#{plan_part}" if fragment else base, version_part if at else None
    else:
        path = Path(ref)
        if not path.exists():  # FILE@VERSION: the file is what exists (a name may hold "@")
            at_n = next((n for n, c in enumerate(ref) if c == "@" and Path(ref[:n]).is_file()),
                        None)
            if at_n is not None:
                path, version = Path(ref[:at_n]), ref[at_n + 1:]
    with open_plan(path, read_only=True) as store:
        name = ref_name(path)
        where = path.resolve() if isinstance(path, Path) and path.exists() else path
        if version is None:
            return name, store.state(), (where, None)
        found = store.version(version)
        return f"{name}@{found.name}", store.state(found.seq), (where, found.seq)


def _merge(args: argparse.Namespace) -> int:
    from planner.outline.changes import conflict_line, differences, summary
    from planner.store.merge import merge_change, prepare
    from planner.store.plan_store import write_plan

    out: Path | None = args.output
    if out is not None and (out.exists() or out.is_symlink()):
        raise PlanError(_("{name} already exists; choose a new file name.").format(name=out.name))
    mine_name, theirs_name = ref_name(args.mine), ref_name(args.theirs)
    with open_plan(args.theirs, read_only=True) as theirs:
        mine = _merge_target(args.mine, out)
        try:
            _act(mine, args.as_name)
            plan = prepare(mine, theirs)
            if plan.conflicts and args.take is None:
                for conflict in plan.conflicts:
                    print(one_line(conflict_line(conflict, plan.base, plan.mine, plan.theirs,
                                                 plan.merged)))
                raise PlanError(
                    _("{conflicts} conflict(s) between {mine_name} and {theirs_name}; nothing was written. Settle them in the window (File › Merge changes from…) or take one side for all with --take mine or --take theirs.").format(conflicts=len(plan.conflicts), mine_name=mine_name, theirs_name=theirs_name))
            try:
                change = merge_change(mine, plan, take=args.take)
            except InvalidEdit as exc:
                raise PlanError(_("{theirs_name} cannot be merged into {mine_name}: {reason} "
                                  "Nothing was written.").format(theirs_name=theirs_name,
                                    mine_name=mine_name, reason=exc)) from None
            if not change.recorded:
                if out is not None:  # a script that asked for OUT finds it, the same as MINE
                    write_plan(out, mine.copy_bytes())
                print(_("{theirs_name} holds nothing {mine_name} does not have; {out} is a copy "
                        "of {mine_name}.").format(theirs_name=theirs_name, mine_name=mine_name,
                                                  out=out.name) if out else
                      _("{theirs_name} holds nothing {mine_name} does not have.").format(
                          theirs_name=theirs_name, mine_name=mine_name))
                return 0
            committed = mine.commit(change)  # the version before it goes in with it
            if out is not None:
                write_plan(out, mine.copy_bytes())
            said = summary(differences(committed, plan.mine, mine.state()))
            into = out.name if out else mine_name
            print(ngettext("Merged {theirs_name} into {into}: {said}; {count} conflict settled by "
                           "taking {side}.", "Merged {theirs_name} into {into}: {said}; {count} "
                           "conflicts settled by taking {side}.", len(plan.conflicts)).format(
                theirs_name=theirs_name, into=into, said=said, count=len(plan.conflicts),
                side=args.take) if plan.conflicts else
                _("Merged {theirs_name} into {into}: {said}.").format(
                    theirs_name=theirs_name, into=into, said=said))
        finally:
            mine.close()
    return 0


def _restore(args: argparse.Namespace) -> int:
    from planner.outline.changes import differences, summary
    from planner.store.restoring import restore_change

    name = ref_name(args.plan)
    with open_plan(args.plan) as store:
        _act(store, args.as_name)
        if store.read_only:
            raise PlanError(_("Cannot restore {name}: {value}").format(name=name,
                                value=store.read_only_reason or _("it is open read-only.")))
        version = store.version(args.version)
        before = store.state()
        try:
            change = restore_change(store, version)
        except InvalidEdit as exc:
            raise PlanError(_("{name} cannot be made as it was in “{version}”: {reason} Nothing was "
                              "written.").format(name=name, version=one_line(version.name),
                                reason=exc)) from None
        if not change:
            print(_("{name} is as the version \u201c{version}\u201d already.").format(
                name=name, version=one_line(version.name)))
            return 0
        committed = store.commit(change)
        said = summary(differences(committed, before, store.state()))
        print(_("Restored the version \u201c{version}\u201d in {name}: {said}.").format(
            version=one_line(version.name), name=name, said=said))
    return 0


def _act(store: "PlanStore", as_name: str | None) -> None:
    """The command's changes are `--as NAME`'s, else this computer's choice
    for the plan, else the login's."""
    from planner.store.identities import acting

    if on_server(store):
        if as_name:
            raise PlanError(_("On a team server, changes are made by the person your login "
                              "is; --as does not apply."))
        return
    store.act_as(acting(store, as_name))


def _log(args: argparse.Namespace) -> int:
    import json

    from planner.outline import history
    from planner.times import local_time

    with open_plan(args.plan, read_only=True) as store:
        since = store.version(args.since).seq if args.since else 0
        entries = history.matching(history.log(store, since), person=args.person)
        if args.person and not entries:
            known = history.people(history.log(store, since))
            who, plan = one_line(args.person)[:80], ref_name(args.plan)
            sentence = (_("Nobody called \u201c{who}\u201d changed {plan} since that version.")
                        if since else _("Nobody called \u201c{who}\u201d changed {plan}."))
            if known:
                sentence = sentence[:-1] + " " + _("(those who did: {names}).").format(
                    names=", ".join(known[:8]))
            raise PlanError(sentence.format(who=who, plan=plan))
        if args.json:
            state = store.state()
            print(json.dumps({"plan": ref_name(args.plan), "entries": [
                history.as_json(e, local_time(e.moment), history.rows(store, e, state))
                for e in entries]}, ensure_ascii=False, indent=1))
            return 0
        for entry in entries:
            print(one_line(history.line(entry, local_time(entry.moment))))
    return 0


def _merge_target(mine: "PlanRef", out: Path | None) -> "PlanStore":
    """MINE itself, for writing; or with -o a copy of it in memory."""
    from planner.store.plan_store import PlanStore

    if out is not None:
        if is_address(mine):
            with open_plan(mine, read_only=True) as there:
                copy = PlanStore.from_bytes(there.copy_bytes(), out.name, writable=True)
        else:
            copy = PlanStore.copy_of(Path(mine))
        copy.path = Path(out.name)
        return copy
    store = open_plan(mine)
    if store.read_only:
        reason = store.read_only_reason or _("it is open read-only.")
        store.close()
        raise PlanError(_("Cannot merge into {mine}: {reason} Write the merge to a new file with "
                          "-o OUT.tandem.").format(mine=ref_name(mine), reason=reason))
    return store


def _push(args: argparse.Namespace) -> int:
    from planner.store.plan_store import PlanStore
    from planner.store.server.publish import push

    with PlanStore.open(args.plan, read_only=True) as store:
        address = push(store, args.url)
        print(_("Published {plan} to {where} with its {changes} change sets and {versions} "
                "versions. Its address:").format(plan=args.plan.name, where=address.where,
                                                 changes=store.head(),
                                                 versions=len(store.versions())))
    print(address)
    return 0


def _pull(args: argparse.Namespace) -> int:
    from planner.store.server.publish import pull

    print(pull(args.address, args.copy))
    return 0


def _server(args: argparse.Namespace) -> int:
    from planner.store.server.address import parse

    if args.verb == "init":
        from planner.store.server.schema import init

        address = parse(args.url, plan=False)
        before, now = init(address)
        if before == now:
            print(_("{where} holds Tandem's schema {now} already; nothing was changed.").format(
                where=address.where, now=now))
        elif before == 0:
            print(_("Set up Tandem's schema {now} on {where}.").format(now=now,
                                                                      where=address.where))
        else:
            print(_("Upgraded Tandem's schema on {where} from {before} to {now}.").format(
                where=address.where, before=before, now=now))
        return 0
    from planner.store.server.publish import grant

    print(grant(args.address, args.person, args.login))
    return 0


def _no_display(qt_args: Sequence[str]) -> str | None:
    """Why the window cannot open here (one sentence), or None. On Linux and
    the BSDs Qt needs an X11 or Wayland display, or a platform named in
    QT_QPA_PLATFORM or -platform; without one it aborts with a message about
    its plugins."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") \
            or os.environ.get("QT_QPA_PLATFORM") or "-platform" in qt_args:
        return None
    return _("No display was found, so the window cannot open. Run a command that needs "
             "none (tandem check, export, import, diff, merge, demo; tandem --help), or set "
             "DISPLAY (or WAYLAND_DISPLAY) to a display you can use.")


def _window(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="tandem")
    parser.add_argument("plan", type=place, nargs="?", metavar=PLAN)
    args, qt_args = parser.parse_known_args(argv)
    no_display = _no_display(qt_args)
    if no_display:
        raise PlanError(no_display)
    from planner.app import run  # Qt is imported only here

    return run(args.plan, qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.use(i18n.from_environment())  # the command line speaks the locale's language
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        try:
            return _window(argv)
        except PlanError as exc:
            print(f"tandem: {one_line(str(exc))}", file=sys.stderr)
            return 1
    args = _parser().parse_args(argv)
    handler = {"demo": _demo, "export": _export, "import": _import, "check": _check,
               "diff": _diff, "merge": _merge, "restore": _restore, "log": _log,
               "push": _push, "pull": _pull, "server": _server, "next": _next,
               "import-crm": _import_crm, "survey": _survey}
    try:
        return handler[args.command](args)
    except PlanError as exc:
        print(f"tandem: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`tandem check x | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        if exc.filename:
            from planner.store.names import write_error

            said = write_error(exc, Path(os.fsdecode(exc.filename)))
        else:
            said = os_error_sentence(exc, "A file")
        print(f"tandem: {one_line(said)}", file=sys.stderr)
        return 1
