"""The person at the keyboard: asked once per plan and computer, shown in the
status bar, changed under File › Who You Are.

Until someone says who they are, the window works as a guest named after the
login, and a bar above the page offers the plan's people (the one whose name
or email fits the login first). The choice is remembered in the user's
settings (`planner.store.identities`, which the command line reads too). It
is declared, not proven, and the bar and the dialog say so.
"""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget)

from planner.model import Person
from planner.model.actor import Actor, login_actor, this_login
from planner.rules.roles import actor_for, actor_person, role_of
from planner.store import identities
from planner.ui.i18n import tr
from planner.ui.shell.lazy import dialogs

if TYPE_CHECKING:
    from planner.ui.shell.session import PlanSession

GUEST = "__guest__"


def role_word(role: str) -> str:
    """A role in the plan in the window's language."""
    return {"head of sales": tr("head of sales"), "head of marketing": tr("head of marketing"),
            "editor": tr("editor"), "viewer": tr("viewer"), "facilitator": tr("facilitator"),
            "guest": tr("guest")}.get(role, role)


def people_choices(session: "PlanSession") -> list[tuple[str, str]]:
    """(label, person id) for the plan's people still on it, by name."""
    store = session.store
    plan = store.plan()
    people = sorted((p for p in store.rows(Person) if not p.left_plan),
                    key=lambda p: (p.name.casefold(), p.id))
    return [(f"{p.name} ({role_word(role_of(plan, p))})", p.id) for p in people]


def start(session: "PlanSession") -> bool:
    """Act as this computer's choice for the plan; False when none was made
    (the window then works as a guest and asks)."""
    store = session.store
    if session.link is not None:  # on a server, the login is the person: nothing to ask
        return True
    chosen = identities.chosen(store)
    store.act_as(chosen or login_actor())
    return chosen is not None


def choose(session: "PlanSession", actor: Actor) -> None:
    """From now on the changes are `actor`'s, on this computer, for this plan."""
    store = session.store
    store.act_as(actor)
    try:
        identities.remember(store.plan().id, actor)
    except OSError as exc:
        session.report(tr("Tandem could not remember who you are on this computer ({why}); "
                          "it will ask again next time.").format(why=exc.strerror or exc))
    session.identity_changed.emit()


def status_text(session: "PlanSession") -> str:
    """"You: Amara Okafor, head of sales", in the window's language."""
    store = session.store
    person = actor_person(store, store.acting)
    if person is None:
        who = tr("{name} (guest)").format(name=store.acting.name)
    else:
        who = f"{person.name}, {role_word(role_of(store.plan(), person))}"
    return tr("You: {who}").format(who=who)


class IdentityBar(QWidget):
    """Above the page while nobody has said who they are on this computer."""

    def __init__(self, session: "PlanSession", parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="identityBar")
        self.session = session
        self.setAccessibleName(tr("Who are you?"))
        self.text = QLabel(tr("Who are you? Tandem writes your name on every change you make "
                              "and lets only the heads sign off. You say who you are; nobody "
                              "checks it."), wordWrap=True)
        self.people = QComboBox(objectName="identityChoice")
        self.text.setBuddy(self.people)  # the question is the choice's label
        self.people.setAccessibleName(tr("I am"))
        self.people.addItem(tr("Choose who you are\u2026"), None)
        for text, person_id in people_choices(session):
            self.people.addItem(text, person_id)
        self.people.addItem(tr("Someone else (a guest)\u2026"), GUEST)
        offered = identities.offered(session.store)
        at = self.people.findData(offered.id) if offered else -1
        self.people.setCurrentIndex(max(0, at))  # the login's match, else nobody yet
        self.confirm = QPushButton(tr("That\u2019s me"), objectName="identityConfirm")
        self.confirm.clicked.connect(self.accept)
        self.people.currentIndexChanged.connect(
            lambda: self.confirm.setEnabled(self.people.currentData() is not None))
        self.confirm.setEnabled(self.people.currentData() is not None)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.people)
        row.addWidget(self.confirm)

    def accept(self) -> None:
        person_id = self.people.currentData()
        if person_id is None:
            return
        if person_id == GUEST:
            ask(self.window(), self.session)
            return
        person = self.session.store.get(Person, person_id)
        if person is not None:
            choose(self.session, actor_for(person, this_login()[0]))


class WhoYouAre(QDialog):
    """File › Who You Are: one of the plan's people, or a guest by name."""

    def __init__(self, parent: QWidget | None, session: "PlanSession") -> None:
        super().__init__(parent, objectName="whoYouAre")
        self.session = session
        self.setWindowTitle(tr("Who you are"))
        self.people = QComboBox(objectName="whoPerson")
        for text, person_id in people_choices(session):
            self.people.addItem(text, person_id)
        self.people.addItem(tr("Someone else (a guest)"), GUEST)
        acting = session.store.acting
        at = self.people.findData(acting.person_id or GUEST)
        self.people.setCurrentIndex(at if at >= 0 else self.people.count() - 1)
        self.guest = QLineEdit(objectName="whoGuestName")
        self.guest.setMaxLength(300)
        self.guest.setPlaceholderText(tr("Your name"))
        self.guest.setText(acting.name if acting.guest else this_login()[1] or this_login()[0])
        note = QLabel(tr("Tandem records this name with every change you make on this computer, "
                         "and the plan's rules (who signs off, who changes roles) follow it. It "
                         "is what you declare: a plan file cannot prove who anyone is."),
                      wordWrap=True)
        form = QFormLayout()
        form.addRow(tr("I am"), self.people)
        form.addRow(tr("Guest's name"), self.guest)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.people.currentIndexChanged.connect(self._guest_or_not)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._guest_or_not()

    def _guest_or_not(self) -> None:
        guest = self.people.currentData() == GUEST
        self.guest.setEnabled(guest)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not guest or bool(self.guest.text().strip()))
        self.guest.textChanged.connect(lambda: ok.setEnabled(
            self.people.currentData() != GUEST or bool(self.guest.text().strip())))

    def chosen(self) -> Actor | None:
        person_id = self.people.currentData()
        login = this_login()[0]
        if person_id == GUEST:
            name = " ".join(self.guest.text().split())
            return Actor(name[:300], None, login) if name else None
        person = self.session.store.get(Person, person_id)
        return actor_for(person, login) if person is not None else None


def ask(parent: QWidget | None, session: "PlanSession") -> bool:
    """File › Who You Are."""
    dialog = WhoYouAre(parent, session)
    if not dialogs.exec_dialog(dialog):
        return False
    actor = dialog.chosen()
    if actor is None:
        return False
    choose(session, actor)
    return True
