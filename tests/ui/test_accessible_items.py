"""Drawn widgets as a screen reader meets them: the network graph's people and
the rides timeline's rides are accessible children with names and words, and
a reader on the real AT-SPI bus finds every control of the window named."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible

from planner.model import FieldRide
from planner.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def children(widget) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    out = []
    for n in range(face.childCount()):
        child = face.child(n)
        assert child.parent() is not None and face.indexOfChild(child) == n
        assert child.rect().width() > 0
        out.append((child.text(QAccessible.Text.Name), child.text(QAccessible.Text.Description)))
    return out


def test_the_network_and_the_timeline_have_their_items_as_children(
        sample_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from planner.ui.pages.network import NetworkGraph
    from planner.ui.widgets.timeline import RideTimeline

    sample_window.show_section(8)
    graph = sample_window.page("Network").findChild(NetworkGraph)
    assert graph is not None
    qtbot.waitUntil(lambda: graph.figure is not None)
    people = children(graph)
    assert len(people) == len(graph.figure.people) >= 10
    name, said = people[0]
    assert name == graph.figure.people[0][0]
    assert said.startswith(("Sales", "Marketing")) and "works with" in said
    sample_window.show_section(2)
    timeline = sample_window.page("Field rides").timeline  # its tab, built when asked
    assert isinstance(timeline, RideTimeline)
    rides = children(timeline)
    assert len(rides) == sample_window.session.store.count(FieldRide)
    assert " rides with " in rides[0][0] and rides[0][1]  # who, when; and its status


def test_a_reader_on_the_accessibility_bus_finds_every_control_named(
        sample_path: Path, tmp_path: Path) -> None:
    tools = {"Xvfb": shutil.which("Xvfb"), "dbus-run-session": shutil.which("dbus-run-session"),
             "at-spi-bus-launcher": "/usr/libexec/at-spi-bus-launcher"
             if os.path.exists("/usr/libexec/at-spi-bus-launcher") else None}
    missing = [k for k, v in tools.items() if v is None]
    if missing or subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"],
                                 capture_output=True).returncode != 0:
        pytest.skip(f"the AT-SPI walk needs Xvfb, D-Bus, at-spi2-core and python3-pyatspi "
                    f"(missing: {', '.join(missing) or 'pyatspi'}); .ci/setup --test "
                    "installs them")
    screen = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24",
                               "-nolisten", "tcp"], stdout=subprocess.PIPE, text=True)
    try:
        display = ":" + screen.stdout.readline().strip()  # type: ignore[union-attr]
        home = tmp_path / "home"
        home.mkdir()
        env = {**os.environ, "DISPLAY": display, "HOME": str(home),
               "XDG_CONFIG_HOME": str(home / ".config")}
        env.pop("QT_QPA_PLATFORM", None)
        result = subprocess.run(
            ["dbus-run-session", "--", "/usr/bin/python3", str(ROOT / "tests" / "atspi_walk.py"),
             sys.executable, str(ROOT / "main.py"), str(sample_path)],
            env=env, capture_output=True, text=True, timeout=240)
    finally:
        screen.terminate()
        screen.wait(10)
        screen.stdout.close()  # type: ignore[union-attr]
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["pages"] == ["Overview", "Goals", "Field rides", "Metrics", "Funnel",
                               "Messaging", "People", "Reviews", "Network"]
    assert report["unnamed"] == []
    assert report["headings"][:2] == ["Overview", "Due in the next two weeks"]
    assert {"Goals", "Field rides", "Metrics", "Network"} <= set(report["headings"])
    assert report["unlabelled"] == []  # every combo box has a label that says what it is for
    network = report["children"]["network"]
    assert network["count"] >= 10 and network["first"] and "works with" in network["said"]
    timeline = report["children"]["timeline"]  # on the Field rides page's Timeline tab
    assert timeline["count"] >= 20 and " rides with " in timeline["first"] and timeline["said"]


def test_the_timeline_says_its_days_as_the_language_does(sample_window: MainWindow) -> None:
    """A ride's days in the timeline as a reader hears them: "3 – 5 Mar 2027"
    style words in English, "03.03. – 05.03.2027" in German, never an English
    month in a German window."""
    from PySide6.QtCore import QSettings

    from planner.ui import i18n

    store = sample_window.session.store  # type: ignore[union-attr]
    first = min(store.rows(FieldRide), key=lambda r: (r.first_day, r.id))
    try:
        sample_window.set_language("de")
        sample_window.show_section(2)
        rides = children(sample_window.page("Field rides").timeline)
    finally:
        sample_window.set_language("en")
        QSettings().setValue("language", "system")
        i18n.install()
    words = " ".join(name + " " + said for name, said in rides)
    assert f"{first.last_day:%d.%m.%Y}" in words
    months = ("Jan ", "Feb ", "Mar ", "Apr ", "May ", "Jun ", "Jul ", "Aug ", "Sept ", "Oct ",
              "Nov ", "Dec ")
    assert not any(month in words for month in months), words[:300]
