"""Check calendar files with libical itself: parse each, then libical's iTIP
restriction check (RFC 5546: what METHOD:PUBLISH requires of each event).

Run by the system's Python, which has libical's GObject binding
(python3-gi and gir1.2-ical-3.0, installed by .ci/setup --test); prints each
file that fails, with libical's own error lines, and exits 1 if any does.
"""

import sys
import gi
gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I

bad = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    comp = I.Component.new_from_string(text)
    if comp is None:
        print(f"{path}: libical cannot parse it"); bad += 1; continue
    ok = I.restriction_check(comp)
    errors = comp.count_errors()
    if not ok or errors:
        print(f"{path}: restriction_check={ok} errors={errors}")
        print("\n".join(line for line in comp.as_ical_string().splitlines()
                        if "X-LIC-ERROR" in line)[:3000])
        bad += 1
print(f"{len(sys.argv) - 1} files, {bad} with errors")
sys.exit(1 if bad else 0)
