"""Qt widgets for Tandem; the only package (with planner.app) that imports Qt."""
