"""Named operations in the plan's own words: each builds one change set.

Widgets, workshop mode, imports and sample plans call these; none of them
builds row changes of its own. An operation reads the plan (any PlanReader),
takes and returns the model's records, and leaves the writing, the rules
and the timestamps to the store's commit.
"""
