"""File › Open from server… and Publish to server…: an address and, if need be, a password.

The addresses used before are offered (kept in the settings, without any
password); a password typed here goes to the system keyring, never to the
settings file. ~/.pgpass and PGPASSWORD work as for every PostgreSQL tool.
"""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget)

from planner.ui.i18n import tr

SERVERS_KEY = "servers"
KEPT = 8


def remembered() -> list[str]:
    value = QSettings().value(SERVERS_KEY, [])
    return [str(v) for v in (value if isinstance(value, list) else [value]) if v]


def remember(address: str) -> None:
    """An address used (never a password: addresses with one are refused before)."""
    kept = [address] + [a for a in remembered() if a != address]
    QSettings().setValue(SERVERS_KEY, kept[:KEPT])


class ServerDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, hint: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("serverDialog")
        form = QFormLayout(self)
        note = QLabel(hint, wordWrap=True)
        form.addRow(note)
        self.address = QComboBox(objectName="serverAddress", editable=True)
        self.address.addItems(remembered())
        self.address.setMinimumWidth(460)
        line = self.address.lineEdit()
        assert line is not None
        line.setPlaceholderText("postgresql://you@db.example.com/tandem")
        self.address.setAccessibleName(tr("Server address"))
        form.addRow(tr("&Address:"), self.address)
        self.password = QLineEdit(objectName="serverPassword",
                                  echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("from ~/.pgpass or the keyring if left empty"))
        self.password.setAccessibleName(tr("Password"))
        form.addRow(tr("&Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[str, str]:
        return self.address.currentText().strip(), self.password.text()
