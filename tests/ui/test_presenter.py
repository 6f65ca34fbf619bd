"""With a second screen, the presenter's view: tested in a process whose Qt
has two virtual screens, a 1366x768 laptop and a 1920x1080 projector."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
SCREENS = {"synchronousWindowSystemEvents": True, "windowFrameMargins": False, "screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1},
    {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1}]}


def test_two_screens_give_the_room_the_slides_and_the_presenter_the_rest(
        sample_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    driver = Path(__file__).with_name("presenter_driver.py")
    result = subprocess.run([sys.executable, str(driver), str(sample_path)], env=env,
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr[-2000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["screens"] == ["laptop", "projector"]
    # The window is on the laptop: the slides go to the projector, the presenter stays.
    assert shown["workshop_screen"] == "projector" and shown["presenter_screen"] == "laptop"
    assert shown["current"] == "Goals" and shown["next"]
    assert shown["moved"] == 1 and shown["current_after"] == shown["slide_after"] == shown["next"]
    assert shown["clock"] == "00:00" and shown["presenter_closed"]


def test_one_screen_is_the_workshop_alone(sample_window) -> None:  # type: ignore[no-untyped-def]
    sample_window.start_workshop()
    assert sample_window.workshop is not None and sample_window.presenter is None
    sample_window.workshop.close()
