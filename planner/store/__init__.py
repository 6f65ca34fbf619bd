"""The plan file: opening it safely, reading its rows, and the one writer, commit."""
