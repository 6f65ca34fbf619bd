"""The window's frame: main window, actions, the open plan's session."""
