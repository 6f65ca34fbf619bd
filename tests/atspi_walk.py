"""A screen reader's view of the window, through the real AT-SPI bus.

Run by tests/ui/test_atspi.py with the system's Python (pyatspi is Debian's
python3-pyatspi), inside its own D-Bus session (dbus-run-session) on an X
display: it starts the accessibility bus, then Tandem on a plan, waits for
its window, and prints one JSON object on its last line:

- "unnamed": every focusable, showing control without a name (role, path);
- "unlabelled": combo boxes no label is the label of (Qt names a combo by
  its current text, so a reader learns what it is for only from its label);
- "headings": the names of the headings shown (role heading), in order;
- "pages": the sidebar's sections, each chosen in turn through its list's
  selection (so "unnamed" covers every page);
- "children": for the network graph and the rides timeline (found by their
  names), how many children they have and the first one's name and words.

(Tab order is not walked here: with no window manager on the display, no
window is active and key events reach none; tests/ui walks it in Qt.)

    dbus-run-session -- python3 tests/atspi_walk.py PYTHON MAIN PLAN
"""

import json
import os
import subprocess
import sys
import time

import pyatspi  # type: ignore[import-not-found]

NAMED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_DATE_EDITOR, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_IMAGE,
    pyatspi.ROLE_CANVAS, pyatspi.ROLE_LIST_BOX}
DRAWN = {"The collaboration network": "network",
         "Field rides on a timeline: Left and Right pick a ride, Alt+Left and Alt+Right move "
         "it a day": "timeline"}


def find_app(deadline: float):  # type: ignore[no-untyped-def]
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for n in range(desktop.childCount):
            app = desktop.getChildAtIndex(n)
            if app is not None and app.name.lower() == "tandem" and app.childCount:
                frame = app.getChildAtIndex(0)
                if frame is not None and frame.getState().contains(pyatspi.STATE_SHOWING):
                    return app
        time.sleep(0.25)
    raise SystemExit("Tandem's window did not appear on the accessibility bus")


def walk(node, path=(), depth=0):  # type: ignore[no-untyped-def]
    if node is None or depth > 40:
        return
    yield node, path
    try:
        count = node.childCount
    except Exception:  # an object that went away while walked
        return
    for n in range(min(count, 2000)):
        try:
            child = node.getChildAtIndex(n)
        except Exception:
            continue
        yield from walk(child, (*path, f"{child.getRoleName() if child else '?'}[{n}]"),
                        depth + 1)


def shown(node, path=(), depth=0):  # type: ignore[no-untyped-def]
    """What is on screen: hidden parts (other pages) are not walked into, nor
    the cells of tables and the entries of lists (a table is named as one)."""
    try:
        if node is None or depth > 40 or not node.getState().contains(pyatspi.STATE_SHOWING):
            return
        yield node, path
        if node.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST,
                              pyatspi.ROLE_TREE, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_MENU_BAR):
            return
        count = node.childCount
    except Exception:
        return
    for n in range(min(count, 2000)):
        try:
            child = node.getChildAtIndex(n)
        except Exception:
            continue
        yield from shown(child, (*path, f"{child.getRoleName() if child else '?'}[{n}]"),
                         depth + 1)


def choose(selection, index: int, settle: float) -> None:  # type: ignore[no-untyped-def]
    """Select a child, as a reader does; the window may be busy building the
    page (a call then times out): ask again, for up to a minute."""
    deadline = time.monotonic() + 60
    while True:
        try:
            selection.selectChild(index)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(1.0)
    time.sleep(settle)


def main() -> None:
    python, script, plan = sys.argv[1:4]
    section = sys.argv[4] if len(sys.argv) > 4 else ""
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    time.sleep(1.0)
    env = {**os.environ, "QT_ACCESSIBILITY": "1", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
           "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8", "LANGUAGE": "",
           # The window opens the plan on this section (the benchmarks' probe).
           **({"TANDEM_BENCH_PROBE": section} if section else {})}
    window = subprocess.Popen([python, script, plan], env=env)
    report: dict[str, object] = {}
    try:
        app = find_app(time.monotonic() + 60)
        time.sleep(2.0)  # the plan opened and its first page shown
        unnamed: list[str] = []
        children: dict[str, dict[str, object]] = {}
        # Each page through the sidebar, as a reader chooses it: its list's
        # selection. On each, every control named; the drawn ones have children.
        sections = next(n for n, _ in shown(app) if n.name == "Sections"
                        and n.getRole() == pyatspi.ROLE_LIST)
        pages = [sections.getChildAtIndex(i).name for i in range(sections.childCount)]
        headings: list[str] = []
        unlabelled: list[str] = []
        def look(page: str) -> None:
            for node, path in shown(app):
                try:
                    state, role, name = node.getState(), node.getRole(), node.name
                except Exception:
                    continue
                if not state.contains(pyatspi.STATE_SHOWING):
                    continue
                if name in DRAWN:
                    first = node.getChildAtIndex(0) if node.childCount else None
                    children[DRAWN[name]] = {
                        "count": node.childCount, "first": first.name if first else "",
                        "said": first.description if first else ""}
                if state.contains(pyatspi.STATE_FOCUSABLE) and role in NAMED_ROLES \
                        and not name.strip():
                    unnamed.append(f"{page}: {node.getRoleName()} at {'/'.join(path)}")
                if role == pyatspi.ROLE_COMBO_BOX and state.contains(pyatspi.STATE_FOCUSABLE):
                    # Qt names a combo box by its current text: what it is for is
                    # the label it is labelled by (a form's label, its buddy).
                    labelled = any(r.getRelationType() == pyatspi.RELATION_LABELLED_BY
                                   for r in node.getRelationSet())
                    if not labelled:
                        unlabelled.append(f"{page}: combo box showing {name!r}")
                if role == pyatspi.ROLE_HEADING and name not in headings:
                    headings.append(name)

        for index, page in enumerate(pages):
            choose(sections.querySelection(), index, 0.8)
            look(page)
            # A page's tabs, each chosen in turn as a reader chooses one.
            tab_lists = [n for n, _ in shown(app) if n.getRole() == pyatspi.ROLE_PAGE_TAB_LIST]
            for tabs in tab_lists:
                for tab in range(1, tabs.childCount):
                    choose(tabs.querySelection(), tab, 0.6)
                    look(f"{page} \u203a {tabs.getChildAtIndex(tab).name}")
        report["unnamed"] = unnamed
        report["pages"] = pages
        report["headings"] = headings
        report["unlabelled"] = sorted(set(unlabelled))
        report["children"] = children
    finally:
        window.terminate()
        try:
            window.wait(10)
        except subprocess.TimeoutExpired:
            window.kill()
        bus.terminate()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
