"""Start Tandem: `python main.py [PLAN.tandem | COMMAND ...]`."""

import sys

from planner.cli import main

if __name__ == "__main__":
    sys.exit(main())
