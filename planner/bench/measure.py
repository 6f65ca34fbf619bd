"""Runs one command and reports its wall time and its own peak memory:
`python -m planner.bench.measure REPORT.json COMMAND...`.

Why a process in between: on Linux a child's peak resident memory starts at
that of the process it was forked from (the kernel carries the high-water
mark across exec), so children of the benchmark, which holds large plans in
memory, would all report the benchmark's own peak. Forked from this small
process instead, each command reports its own.
"""

import json
import os
import subprocess
import sys
import time


def main(report: str, command: list[str]) -> int:
    started, start = time.time(), time.perf_counter()
    proc = subprocess.Popen(command)  # stdout and stderr pass straight through
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    with open(report, "w", encoding="utf-8") as out:
        json.dump({"seconds": seconds, "peak_kb": usage.ru_maxrss, "started": started,
                   "code": code}, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
