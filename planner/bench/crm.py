"""CRM exports read and measured: `python -m planner.bench.crm [--leads N] [--runs N]`.

1,000,000 leads and their deals (about 170,000) as HubSpot writes its
exports, generated once; then, whole processes in turns: reading both files
a column at a time (`planner.imports.crm_columns`) and computing every
handoff figure on the columns (`planner.rules.handoff_columns`: adherence by
month, owner, source and region; sent back by reason; conversion; pipeline and
won revenue in all, by source and by campaign) against the floor of reading
the same two files with Python's csv module; wall time and peak memory.

Then the same leads and deals taken into the small sample plan (`tandem
import-crm`, timed), and the window on its Funnel page, in turns with the
sample plan without them: when the page is shown (`shown`), and when the
handoff measured from a million leads is on it (`figures`, worked out on a
thread while the window stays live).
"""

import argparse
import compileall
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

from planner.bench.processes import ROOT, in_turns

OWNERS = ("Ines Berg", "Jonas Petrov", "Mara Ochs", "Tomas Lind", "Aiko Sato", "Lena Vogt")
REGIONS = ("North", "South", "West", "East")


def write(folder: Path, count: int) -> tuple[Path, Path]:
    from planner.imports.crm_sample import deals, leads, write_contacts, write_deals

    made = list(leads(date(2027, 1, 1), 12, count, OWNERS, REGIONS, "South"))
    contacts, deal_file = folder / "contacts.csv", folder / "deals.csv"
    write_contacts(contacts, made)
    write_deals(deal_file, deals(made))
    return contacts, deal_file


def ours(contacts: Path, deal_file: Path) -> None:
    """Read both exports a column at a time and compute the figures (the child)."""
    from planner.imports.crm import Export, detect, find_formats
    from planner.imports.crm_columns import deal_columns, lead_columns, read_columns
    from planner.rules import handoff as h
    from planner.rules.handoff_columns import adherence, conversion, recycled_by_reason, revenue

    readings = []
    for path in (contacts, deal_file):
        export = Export(path)
        mapping = detect(export.header)
        assert mapping is not None, path
        readings.append(read_columns(export, find_formats(export, mapping)))
    now = datetime(2028, 1, 31, tzinfo=timezone.utc)
    work = h.WorkingTime()
    leads = lead_columns(readings[0])
    figures = adherence(leads, h.ServiceLevel(1, h.Clock.WORKING_DAYS), work, now)
    recycled_by_reason(leads, work)
    conversion(leads, work)
    money = deal_columns(readings[1])
    for by in (None, "source", "campaign"):
        revenue(money, work, by)
    print(f"rows {len(readings[0])} {len(readings[1])} months {len(figures)}", flush=True)


def arrow_floor(contacts: Path, deal_file: Path) -> None:
    """Reading the same two files with Arrow's CSV reader, every cell as text."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    n = 0
    for path in (contacts, deal_file):
        with path.open(encoding="utf-8-sig") as handle:
            names = next(csv.reader(handle))
        for batch in pacsv.open_csv(path, convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names})):
            n += batch.num_rows
    print(f"rows {n}", flush=True)


def floor(contacts: Path, deal_file: Path) -> None:
    n = 0
    for path in (contacts, deal_file):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for _ in csv.reader(handle):
                n += 1
    print(f"rows {n}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m planner.bench.crm")
    parser.add_argument("--leads", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("WHICH", "CONTACTS", "DEALS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        which, contacts, deal_file = args.child
        {"ours": ours, "arrow": arrow_floor, "floor": floor}[which](Path(contacts),
                                                                     Path(deal_file))
        return
    compileall.compile_dir(ROOT / "planner", quiet=1)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tandem-crm-") as tmp:
        contacts, deal_file = write(Path(tmp), args.leads)
        size = (contacts.stat().st_size + deal_file.stat().st_size) / 2**20
        print(f"Exports written in {time.perf_counter() - started:.0f} s ({args.leads:,} leads "
              f"and their deals, {size:.0f} MB)")
        me = [sys.executable, "-m", "planner.bench.crm", "--child"]
        got = in_turns([*me, "ours", contacts, deal_file], [*me, "floor", contacts, deal_file],
                       args.runs)
        print(f"  read and computed vs csv.reader of the same files: {got['seconds'].text()}"
              "  [goal <= 2x]")
        print(f"  peak memory: {got['peak_mb'].text('MB', 0)}  [goal < 1 GB]")
        arrow = in_turns([*me, "ours", contacts, deal_file], [*me, "arrow", contacts, deal_file],
                         args.runs)
        print(f"  the same vs Arrow's reader alone: {arrow['seconds'].text()}")
        plain, plan = Path(tmp) / "plain.tandem", Path(tmp) / "measured.tandem"
        tandem = [sys.executable, str(ROOT / "main.py")]
        subprocess.run([*tandem, "demo", str(plain)], check=True, capture_output=True)
        shutil.copyfile(plain, plan)
        for export in (contacts, deal_file):
            took = time.perf_counter()
            subprocess.run([*tandem, "import-crm", str(plan), str(export)], check=True,
                           capture_output=True)
            print(f"  tandem import-crm {export.name}: {time.perf_counter() - took:.1f} s")
        print(f"  the plan file: {plan.stat().st_size / 2**20:.0f} MB "
              f"(without them {plain.stat().st_size / 2**20:.1f} MB)")
        window = [sys.executable, "-m", "planner.ui.bench.crm_window"]
        shown = in_turns([*window, plan], [*window, plain], args.runs,
                         figures={"shown": lambda r: r.moment("shown"),
                                  "figures": lambda r: r.moment("figures")})
        print(f"  the Funnel page shown, with them vs the sample alone: {shown['shown'].text()}"
              "  [goal <= 2x]")
        print(f"  the handoff measured on it: {shown['figures'].text()}")
    print(f"Done in {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
