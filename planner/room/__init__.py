"""The workshop room: participants join from their browsers (see docs/architecture.md)."""
