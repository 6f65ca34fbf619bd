"""Benchmarks that print figures against floors measured in the same run:
`python -m planner.bench`. Not part of the program's own work."""
