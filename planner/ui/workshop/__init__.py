"""Workshop mode: the plan projected for the room."""
