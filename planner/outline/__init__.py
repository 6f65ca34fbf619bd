"""The plan as a neutral document, shared by the PDF and workshop mode:
`blocks` (plain data), `build.build_outline`, and `slides` for the room."""
