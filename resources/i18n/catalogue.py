"""The window's catalogue of strings to translate, kept in step with the code.

    python resources/i18n/catalogue.py          # update tandem_de.ts, compile .qm
    python resources/i18n/catalogue.py --check  # exit 1 if a string lacks German

It collects every `tr("...")` literal under planner/ui, and the strings the
window shows from tables of data: the sections' titles and hints, the
columns' headers, the enums' labels, the actions' texts, menus and tips. It
writes them into `tandem_de.ts` (Qt Linguist's format), keeping every
translation already there and marking new strings unfinished, then compiles
`tandem_de.qm` with pyside6-lrelease. A string no longer in the code is
dropped from the catalogue.
"""

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONTEXT = "Tandem"
LANGUAGE = "de_DE"


def literal_calls(path: Path) -> list[str]:
    """Every `tr("...")` (or `x.tr("...")`) whose argument is a string literal."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        arg = node.args[0]
        if name == "tr" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.append(arg.value)
    return found


def data_strings() -> list[str]:
    """What the window shows from tables of data rather than from tr() calls."""
    sys.path.insert(0, str(ROOT))
    from planner.model import enums
    from planner.rules import funnel
    from planner.sections import SECTIONS
    from planner.ui import i18n, theme
    from planner.ui.pages import reviews
    from planner.ui.shell.actions import ACTIONS
    from planner.ui.widgets import columns

    out: list[str] = []
    for section in SECTIONS:
        out += [section.title] + ([section.hint] if section.hint else [])
    from planner.ui.pages import training

    for spec in [v for v in vars(columns).values() if isinstance(v, columns.TableSpec)] + [
            reviews.ACTIONS, training.TRAININGS]:
        out += [c.header for c in spec.columns]
    for value in vars(enums).values():
        if isinstance(value, type) and issubclass(value, enums.Enum) and value is not enums.Enum:
            out += [enums.label(member) for member in value]
    for action in ACTIONS:
        out += [action.text, action.menu] + ([action.tip] if action.tip else [])
    out += [text for key, text in theme.APPEARANCES]
    out += [text for key, text in i18n.LANGUAGES if key == "system"]
    out += [funnel.NO_TARGET, funnel.NO_RATES]  # shown by the funnel page
    from planner.model.crm import FIGURES
    from planner.ui.dialogs.crm_import import FIELD_WORDS

    out += [f.name for f in FIGURES.values()]  # the Metrics page's "Actuals" choice
    out += list(FIELD_WORDS.values())  # the CRM export's columns, where they are chosen
    return out


def sources() -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "planner" / "ui").rglob("*.py")):
        found += literal_calls(path)
    found += data_strings()
    return list(dict.fromkeys(s for s in found if s.strip()))


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    done = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") != "obsolete":
            done[source] = translation.text
    return done


def write_ts(path: Path, strings: list[str], done: dict[str, str]) -> None:
    root = ET.Element("TS", version="2.1", language=LANGUAGE, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in done:
            translation.text = done[source]
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    "utf-8")


def compile_qm(ts: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent /
                                                       "pyside6-lrelease")
    subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                   capture_output=True)


def missing(ts: Path) -> list[str]:
    done = read_ts(ts)
    return [s for s in sources() if s not in done]


def main(argv: list[str]) -> int:
    ts = HERE / "tandem_de.ts"
    if "--check" in argv:
        lacking = missing(ts)
        for source in lacking:
            print(f"no German for: {source!r}")
        return 1 if lacking else 0
    write_ts(ts, sources(), read_ts(ts))
    compile_qm(ts)
    print(f"{ts.name}: {len(sources())} strings, {len(missing(ts))} without German")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
