"""The benchmark programs that need Qt (the window's floor, edits and the goal
list), run by `python -m planner.bench` as processes of their own. Kept in the
window's package: nothing outside planner/ui/ and planner/app.py imports Qt."""
