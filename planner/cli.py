"""The `tandem` command line: demo, export, import, check, or the window.

Headless commands never import Qt. Exit codes: 0 success, 1 a problem in
the user's data (one line on stderr), 2 wrong usage.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from typing import TYPE_CHECKING

from planner import __version__
from planner.errors import PlanError, one_line, os_error_sentence
from planner.sections import DOCUMENT_KEYS

if TYPE_CHECKING:
    from planner.outline.options import ExportOptions
    from planner.store.plan_store import PlanStore

COMMANDS = ("demo", "export", "import", "check")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tandem", description="One plan for sales and marketing. "
        "Without a command, opens the window (on PLAN, the last plan, or the sample plan).")
    parser.add_argument("--version", action="version", version=f"Tandem {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help="write a sample plan")
    demo.add_argument("plan", type=Path, metavar="PLAN.tandem")
    demo.add_argument("--size", choices=("small", "large"), default="small")
    export = sub.add_parser("export", help="export a plan as PDF, JSON or iCalendar")
    export.add_argument("plan", type=Path, metavar="PLAN.tandem")
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--pdf", type=Path, metavar="OUT.pdf")
    what.add_argument("--json", type=Path, metavar="OUT.json")
    what.add_argument("--ics", type=Path, metavar="DIR",
                      help="field rides as iCalendar: the whole plan and one file per person")
    pdf = export.add_argument_group("PDF options")
    pdf.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    pdf.add_argument("--sections", metavar="LIST",
                     help=f"comma-separated: {','.join(DOCUMENT_KEYS)}")
    pdf.add_argument("--no-debriefs", action="store_true", help="leave out ride debriefs")
    pdf.add_argument("--no-reviews", action="store_true", help="leave out reviews")
    pdf.add_argument("--mark", choices=("auto", "draft", "agreed", "none"), default="auto",
                     help="draft watermark or agreed stamp (auto: as the plan's status says)")
    imp = sub.add_parser("import", help="build a plan from a JSON document")
    imp.add_argument("source", type=Path, metavar="IN.json")
    imp.add_argument("plan", type=Path, metavar="PLAN.tandem")
    check = sub.add_parser("check", help="integrity, schema version and rule violations")
    check.add_argument("plan", type=Path, metavar="PLAN.tandem")
    return parser


def _demo(args: argparse.Namespace) -> int:
    from planner.sample import write_sample

    if args.plan.exists():
        raise PlanError(f"{args.plan} already exists; choose a new file name.")
    write_sample(args.plan, args.size).close()
    print(f"Wrote the {args.size} sample plan to {args.plan}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from planner.store.plan_store import PlanStore

    out: Path = args.pdf or args.json or args.ics
    if not args.ics and not out.parent.is_dir():
        raise PlanError(f"The folder {out.parent} does not exist.")
    with PlanStore.open(args.plan, read_only=True) as store:
        try:
            _write_export(args, store, out)
        except OSError as exc:  # the plan was read: what failed is the writing
            raise PlanError(os_error_sentence(exc, out.name)) from None
    return 0


def _write_export(args: argparse.Namespace, store: "PlanStore", out: Path) -> None:
    if args.pdf:
        from planner.export.pdf import PAGE_SIZES, export_pdf
        from planner.outline.build import build_outline

        options = _pdf_options(args)
        pages, warnings = export_pdf(build_outline(store, options), out,
                                     PAGE_SIZES[options.page_size])
        for warning in warnings:
            print(f"tandem: warning: {one_line(warning)}", file=sys.stderr)
        print(f"Wrote {out} ({pages} pages, {out.stat().st_size / 1024:.0f} KB)")
    elif args.ics:
        from planner.export.ics import export_ics
        from planner.model import FieldRide

        files = export_ics(store, out, store.revisions(FieldRide))
        print(f"Wrote {len(files)} calendars to {out}")
    else:
        from planner.export.plan_json import write_json

        write_json(store, out)
        print(f"Wrote {out}")


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
    from planner.export.plan_json import import_json

    import_json(args.source, args.plan).close()
    print(f"Built {args.plan} from {args.source}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from planner.model import Goal, Metric, MetricValue
    from planner.rules.checks import plan_findings
    from planner.rules.metrics import metric_statuses
    from planner.rules.signoff import agreement
    from planner.store.fileformat import SCHEMA_VERSION
    from planner.store.plan_store import PlanStore

    with PlanStore.open(args.plan, read_only=True) as store:
        problems = store.integrity_problems()
        problems += [f"the file carries {what}, which Tandem did not create; Tandem will not "
                     "write to it" for what in store.foreign_objects]
        plan, goals, metrics = store.plan(), store.rows(Goal), store.rows(Metric)
        findings = plan_findings(store)
        statuses = metric_statuses(plan, metrics, store.rows(MetricValue))
    print(f"{args.plan.name}: plan format {SCHEMA_VERSION}, "
          f"integrity {'ok' if not problems else 'FAILED'}")
    for problem in problems:
        print(f"integrity: {problem}")
    for finding in findings:
        print(f"{finding.section}: {finding.message}")
    print(f"agreement: {agreement(goals).text()}")  # reported: a draft is no problem
    for metric in metrics:  # reported, not counted as problems: a plan may be behind
        a = statuses[metric.id]
        print(f"metric status: {metric.name}: {a.status.value} ({a.reason})")
    if problems or findings:
        raise PlanError(f"{len(problems) + len(findings)} problem(s) found in {args.plan.name}.")
    print("No problems found.")
    return 0


def _window(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="tandem")
    parser.add_argument("plan", type=Path, nargs="?", metavar="PLAN.tandem")
    args, qt_args = parser.parse_known_args(argv)
    from planner.app import run  # Qt is imported only here

    return run(args.plan, qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return _window(argv)
    args = _parser().parse_args(argv)
    handler = {"demo": _demo, "export": _export, "import": _import, "check": _check}
    try:
        return handler[args.command](args)
    except PlanError as exc:
        print(f"tandem: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`tandem check x | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        name = Path(exc.filename).name if exc.filename else "A file"
        print(f"tandem: {one_line(os_error_sentence(exc, name))}", file=sys.stderr)
        return 1
