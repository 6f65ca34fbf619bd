"""One declarative table of the window's actions; a loop builds the QActions."""

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from planner.ui.i18n import tr

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionDef:
    id: str
    text: str
    menu: str
    slot: str
    shortcuts: tuple[Key | str, ...] = ()
    tip: str = ""


ACTIONS = (
    ActionDef("file.new", "&New plan\u2026", "&File", "new_plan", (Key.New,)),
    ActionDef("file.new_template", "New from &template\u2026", "&File", "new_from_template", (),
              "A plan that starts from a template: SaaS, field sales or account-based"),
    ActionDef("file.open", "&Open plan\u2026", "&File", "open_plan_dialog", (Key.Open,)),
    ActionDef("file.open_server", "Open from ser&ver\u2026", "&File", "open_from_server", (),
              "Open a plan your team keeps on a PostgreSQL server, live with everyone's edits"),
    ActionDef("file.publish", "&Publish to server\u2026", "&File", "publish_to_server", (),
              "Put this plan, with its history, on your team's server"),
    ActionDef("file.offline_copy", "Take &offline copy\u2026", "&File", "save_copy", (),
              "A plan file of the server's plan to work on offline and merge back later"),
    ActionDef("file.save_version", "Save &version\u2026", "&File", "save_version",
              ("Ctrl+Alt+S",), "Name the plan as it stands now, to compare or restore later"),
    ActionDef("file.versions", "Ve&rsions\u2026", "&File", "show_versions", (),
              "Open, compare or restore a saved version"),
    ActionDef("file.compare", "Compare with another &file\u2026", "&File", "compare_with_file",
              (), "What differs between this plan and another copy of it"),
    ActionDef("file.merge", "&Merge changes from\u2026", "&File", "merge_from", (),
              "Bring in the changes made in another copy of this plan"),
    ActionDef("file.who", "W&ho you are…", "&File", "who_you_are", (),
              "The person whose name goes on your changes to this plan, on this computer"),
    ActionDef("file.next_period", "Start the &next period\u2026", "&File", "start_next_period",
              (), "A new plan for the following period, carrying what is not done"),
    ActionDef("file.crm_import", "Take in a C&RM export\u2026", "&File", "take_in_crm_export",
              (), "Leads or deals from Salesforce, HubSpot or any CSV or XLSX, kept in the plan"),
    ActionDef("file.save_template", "Save as te&mplate\u2026", "&File", "save_as_template", (),
              "This plan's funnel, metrics and goal ideas as a template for new plans"),
    ActionDef("file.save_copy", "Save a &copy\u2026", "&File", "save_copy", (),
              "A complete copy of the plan, history and versions included"),
    ActionDef("file.restore_backup", "Restore from &backup\u2026", "&File",
              "restore_from_backup", (), "Open one of this plan's daily backups"),
    ActionDef("file.export_pdf", "Export &PDF\u2026", "&File", "export_pdf", ("Ctrl+E",)),
    ActionDef("file.export_json", "Export &JSON\u2026", "&File", "export_json", ()),
    ActionDef("file.export_ics", "Export &calendars (rides and actions)\u2026", "&File", "export_ics", (),
              "One iCalendar file for the plan and one per person"),
    ActionDef("file.close", "&Close plan", "&File", "close_plan", (Key.Close,)),
    ActionDef("file.quit", "&Quit", "&File", "close", (Key.Quit,)),
    ActionDef("edit.undo", "&Undo", "&Edit", "undo", (Key.Undo,)),
    ActionDef("edit.redo", "&Redo", "&Edit", "redo", ("Ctrl+Shift+Z", Key.Redo)),
    ActionDef("edit.history", "&History…", "&Edit", "show_history", ("Ctrl+H",),
              "Who changed what, and when"),
    ActionDef("edit.add", "&Add row", "&Edit", "add_row", ("Ctrl+Shift+N", "Ins"),
              "Add a goal or a person on this page"),
    ActionDef("edit.delete", "&Delete selected", "&Edit", "delete_rows", (Key.Delete,)),
    ActionDef("view.workshop", "&Workshop mode", "&View", "start_workshop", ("F5",),
              "Project the plan full screen and edit it live with the room"),
    ActionDef("help.guide", "Tandem &guide", "&Help", "show_guide", (Key.HelpContents, "F1"),
              "How Tandem works, the metric status rule included"),
    ActionDef("help.shortcuts", "&Keyboard shortcuts", "&Help", "show_shortcuts",
              ("Ctrl+/",), "Every key of the window and of workshop mode"),
    ActionDef("help.about", "&About Tandem", "&Help", "show_about", (),
              "The version, and the licences of what Tandem is made with"),
)


def build_actions(window: QWidget, menubar: QMenuBar,
                  menus: dict[str, QMenu]) -> dict[str, QAction]:
    """The window's actions in their menus; `menus` is filled with the menus
    by their English titles ("&File"), which stay the keys in any language."""
    actions: dict[str, QAction] = {}
    for d in ACTIONS:
        if d.menu not in menus:
            menus[d.menu] = menubar.addMenu(tr(d.menu))
        action = QAction(tr(d.text), window)
        action.setObjectName(d.id)
        keys: list[QKeySequence] = []
        for s in d.shortcuts:
            keys += QKeySequence.keyBindings(s) if isinstance(s, Key) else [QKeySequence(s)]
        action.setShortcuts(list(dict.fromkeys(keys)))
        if d.tip:
            action.setStatusTip(tr(d.tip))
        action.triggered.connect(getattr(window, d.slot))
        menus[d.menu].addAction(action)
        if d.id in ("file.offline_copy", "file.versions", "file.merge", "file.restore_backup",
                    "file.export_ics", "file.close", "edit.redo", "edit.history"):
            menus[d.menu].addSeparator()
        actions[d.id] = action
    return actions


def retranslate(actions: dict[str, QAction], menus: dict[str, QMenu]) -> None:
    """Texts in the language just chosen."""
    for d in ACTIONS:
        actions[d.id].setText(tr(d.text))
        if d.tip:
            actions[d.id].setStatusTip(tr(d.tip))
    for key, menu in menus.items():
        menu.setTitle(tr(key))
