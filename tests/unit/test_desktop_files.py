"""What a packager checks before shipping: icons at every size, a Windows ICO
and a macOS ICNS that hold them, a desktop entry and MIME type that agree with
each other and with the program, a spec that builds a window program without a
console beside a console one, and an install script that installs and removes."""

import ast
import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner import APP_NAME
from planner.store.fileformat import PLAN_SUFFIX
from planner.store.plan_store import PlanStore
from tests.conftest import ROOT

ICONS = ROOT / "resources" / "icons"
DESKTOP = ROOT / "resources" / "desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = {16, 24, 32, 48, 64, 128, 256}
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP / "tandem.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def mime_type() -> ET.Element:
    root = ET.parse(DESKTOP / "tandem-mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    types = root.findall(f"{MIME_NS}mime-type")
    assert len(types) == 1
    return types[0]


# Icons


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_hicolor_png_has_its_size_and_shows_the_whole_icon(size: int) -> None:
    from PySide6.QtGui import QImage  # reading a PNG needs no QApplication

    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "tandem.png"
    data = path.read_bytes()
    assert png_size(data) == (size, size)
    image = QImage.fromData(data)
    assert image.hasAlphaChannel()
    # Rounded corners are see-through; the tile fills the middle and the
    # middle of every edge: not blank, not shrunk into a corner, not cropped.
    assert image.pixelColor(0, 0).alpha() == 0
    for x, y in ((size // 2, size // 2), (size // 2, 0), (0, size // 2),
                 (size - 1, size // 2), (size // 2, size - 1)):
        assert image.pixelColor(x, y).alpha() == 255, (x, y)
    # Both rings are drawn: the icon holds blue and orange, not just the tile.
    colours = {image.pixelColor(x, size // 2).name() for x in range(size)}
    assert any(int(c[5:7], 16) > int(c[1:3], 16) + 60 for c in colours), "no blue ring"
    assert any(int(c[1:3], 16) > int(c[5:7], 16) + 60 for c in colours), "no orange ring"


def test_the_ico_holds_every_windows_size_each_at_its_size() -> None:
    data = (ICONS / "tandem.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an icon file"
    sizes = set()
    for i in range(count):
        entry = data[6 + 16 * i: 6 + 16 * (i + 1)]
        width, height = entry[0] or 256, entry[1] or 256
        length, offset = struct.unpack("<II", entry[8:16])
        assert offset + length <= len(data)
        image = data[offset:offset + length]
        if image[:8] == PNG_SIGNATURE:
            assert png_size(image) == (width, height)
        else:  # a BMP without its file header: width, then twice the height
            assert struct.unpack("<ii", image[4:12]) == (width, 2 * height)
        sizes.add(width)
        assert width == height
    assert sizes == ICO_SIZES


def test_the_icns_is_an_apple_icon_with_the_large_sizes() -> None:
    data = (ICONS / "tandem.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, at = set(), 8
    while at < len(data):
        kind, length = data[at:at + 4], struct.unpack(">I", data[at + 4:at + 8])[0]
        assert length >= 8 and at + length <= len(data)
        kinds.add(kind)
        at += length
    # 128, 256 and 512 px, as Finder and the Dock ask for them.
    assert {b"ic07", b"ic08", b"ic09"} <= kinds


def test_the_icon_script_makes_every_file_again(tmp_path: Path) -> None:
    shutil.copy(ICONS / "make_icons.py", tmp_path)
    shutil.copy(ICONS / "tandem.svg", tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(2):  # and again over its own output
        run = subprocess.run([sys.executable, str(tmp_path / "make_icons.py")], env=env,
                             check=False, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
    made = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                  if p.is_file() and p.suffix in (".png", ".ico", ".icns"))
    shipped = sorted(p.relative_to(ICONS).as_posix() for p in ICONS.rglob("*")
                     if p.is_file() and p.suffix in (".png", ".ico", ".icns"))
    assert made == shipped
    for name in made:
        if name.endswith(".png"):
            assert png_size((tmp_path / name).read_bytes()) == png_size((ICONS / name).read_bytes())


# Desktop entry and file type


def test_the_desktop_entry_starts_tandem_on_a_plan() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Tandem"
    assert entry["GenericName"] == "Sales and marketing plan"
    assert entry["Comment"]
    program, *args = entry["Exec"].split()
    assert program == "tandem"
    assert args == ["%f"]  # the window opens one plan
    assert entry["Terminal"] == "false"
    # The icon is found by name in the hicolor theme the install script fills.
    assert entry["Icon"] == "tandem"
    assert (ICONS / "hicolor" / "48x48" / "apps" / f"{entry['Icon']}.png").is_file()
    categories = entry["Categories"].split(";")
    assert categories[-1] == "" and "Office" in categories and "ProjectManagement" in categories
    # Qt names the window's X11 class after the application name.
    assert entry["StartupWMClass"] == APP_NAME


def test_the_desktop_entry_opens_the_type_the_mime_file_defines() -> None:
    declared = mime_type().get("type")
    assert declared == "application/x-tandem-plan"
    mime_types = desktop_entry()["MimeType"]
    assert mime_types.endswith(";")
    assert declared in mime_types.split(";")


def test_the_mime_type_is_named_by_the_plan_suffix_and_is_sqlite(store: PlanStore) -> None:
    kind = mime_type()
    assert [g.get("pattern") for g in kind.findall(f"{MIME_NS}glob")] == ["*.tandem"]
    assert PLAN_SUFFIX == ".tandem"
    assert kind.findtext(f"{MIME_NS}comment") == "Tandem plan"
    # Plans are SQLite files: the glob only wins over SQLite's own magic
    # because the type says it is a kind of SQLite database.
    parents = [p.get("type") for p in kind.findall(f"{MIME_NS}sub-class-of")]
    assert parents == ["application/vnd.sqlite3"]
    assert store.path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_desktop_file_validate_accepts_the_entry() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    run = subprocess.run([validator, str(DESKTOP / "tandem.desktop")], check=False,
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 0 and run.stdout == "", run.stdout + run.stderr


# PyInstaller spec


def _spec_calls() -> dict[str, list[ast.Call]]:
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    calls: dict[str, list[ast.Call]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, []).append(node)
    return calls


def _keywords(call: ast.Call) -> dict[str, object]:
    return {k.arg: ast.literal_eval(k.value) if isinstance(k.value, ast.Constant) else k.value
            for k in call.keywords if k.arg}


def test_the_spec_builds_a_windowed_tandem_and_a_console_tandem_cli_in_one_folder() -> None:
    calls = _spec_calls()
    programs = {_keywords(c)["name"]: _keywords(c) for c in calls["EXE"]}
    assert set(programs) == {"tandem", "tandem-cli"}
    assert programs["tandem"]["console"] is False
    assert programs["tandem-cli"]["console"] is True
    for keywords in programs.values():
        assert keywords["exclude_binaries"] is True  # the libraries live once, in the folder
        assert isinstance(keywords["icon"], ast.Name)  # the platform's icon, not None
    # Both programs go into the one folder named tandem.
    (collect,) = calls["COLLECT"]
    assert _keywords(collect)["name"] == "tandem"
    bundled = {a.id for a in collect.args if isinstance(a, ast.Name)}
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    exe_variables = {t.id for node in ast.walk(tree)
                     if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                     and isinstance(node.value.func, ast.Name) and node.value.func.id == "EXE"
                     for t in node.targets if isinstance(t, ast.Name)}
    assert len(exe_variables) == 2 and exe_variables <= bundled


def test_the_spec_names_icon_files_that_exist() -> None:
    text = (ROOT / "build.spec").read_text(encoding="utf-8")
    for name in ("tandem.ico", "tandem.icns"):
        assert f'"{name}"' in text
        assert (ICONS / name).is_file()


# Install script


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("sh") is None,
                    reason="a POSIX shell script for Linux desktops")
def test_the_install_script_installs_again_and_uninstalls(tmp_path: Path) -> None:
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path / "home")}
    script = DESKTOP / "install-desktop-entry.sh"
    wanted = {data / "applications" / "tandem.desktop",
              data / "mime" / "packages" / "tandem-mime.xml",
              data / "icons" / "hicolor" / "scalable" / "apps" / "tandem.svg",
              *(data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "tandem.png"
                for n in PNG_SIZES)}

    def run(*args: str) -> None:
        done = subprocess.run(["sh", str(script), *args], check=False, env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr

    run()
    run()  # a second install changes nothing and does not fail
    installed = {p for p in data.rglob("*tandem*") if p.is_file()}
    made_by_update_mime_database = {data / "mime" / "application" / "x-tandem-plan.xml"}
    assert wanted <= installed <= wanted | made_by_update_mime_database
    assert (data / "applications" / "tandem.desktop").read_bytes() == \
        (DESKTOP / "tandem.desktop").read_bytes()
    if shutil.which("update-mime-database"):
        assert "application/x-tandem-plan:*.tandem" in (data / "mime" / "globs2").read_text()

    run("--uninstall")
    assert not any(p.exists() for p in wanted)
    if shutil.which("update-mime-database"):
        assert "tandem" not in (data / "mime" / "globs2").read_text()

    bad = subprocess.run(["sh", str(script), "--bogus"], check=False, env=env,
                         capture_output=True, text=True, timeout=30)
    assert bad.returncode == 2
