"""The plan's sections, listed once: the sidebar, the PDF's sections and its
options, the outline, workshop slides and `tandem export --sections` all
read this table."""

from dataclasses import dataclass

from planner.i18n import N_


@dataclass(frozen=True)
class Section:
    key: str          # as typed after --sections, and the outline's section key
    title: str        # as the sidebar, the PDF and the slides say it
    in_window: bool = True     # a page of its own in the window
    in_document: bool = True   # a section of the PDF and of the workshop
    hint: str = ""    # one line under the page's title in the window


SECTIONS: tuple[Section, ...] = (
    # The page a CEO reads first, after the cover (the document only).
    Section("summary", N_("Executive summary"), in_window=False),
    Section("overview", N_("Overview")),
    Section("goals", N_("Goals"), hint=N_("Each goal has an owner on each side and is agreed when "
            "both sides signed its wording. Enter edits a cell, Insert adds, Delete removes, "
            "drag or Ctrl+\u2191/\u2193 reorders; right-click for sign-off.")),
    Section("signoff", N_("Sign-off"), in_window=False),
    # Goals by their owners' latest confidence, the drops named (a workshop slide too).
    Section("confidence", N_("How sure are we?"), in_window=False),
    Section("rides", N_("Field rides"), hint=N_("Marketing rides with sales, then sales spends days "
            "with marketing. Rows in red break a rule: hover for why.")),
    # Each team's training attended by the other (the document and the workshop).
    Section("training", N_("Joint training"), in_window=False),
    Section("metrics", N_("Metrics"), hint=N_("Status follows one rule: on track within 10 points of "
            "the straight line from baseline to target, at risk within 30. Hover a status "
            "for why.")),
    Section("funnel", N_("Funnel"), hint=N_("One buying process: who engages at each stage, the "
            "entry both sides agreed, and each handoff both ways.")),
    Section("messaging", N_("Messaging"), hint=N_("One library of customer messages both sides "
            "approve on their exact wording; changing the wording withdraws both approvals. "
            "Ctrl+Shift+S / Ctrl+Shift+M approve for sales / marketing.")),
    Section("people", N_("People")),
    Section("reviews", N_("Reviews"), hint=N_("No blame: what happened, what we learned, what we "
            "change in the system, and who does what by when.")),
    Section("network", N_("Network"), hint=N_("Who works with whom across the two teams: brokers "
            "link sales and marketing, isolates have no tie to the other team yet. Suggest "
            "a ride to bring them in.")),
    Section("parking", N_("Parking lot"), in_window=False),
    # Every check-in, goal by goal: the document's appendix, not a slide.
    Section("checkins", N_("Appendix: check-ins"), in_window=False),
    # An appendix the PDF carries when asked (export --changes-since VERSION).
    Section("changes", N_("Changes"), in_window=False, in_document=False),
)

BY_KEY = {s.key: s for s in SECTIONS}
WINDOW = tuple(s for s in SECTIONS if s.in_window)
DOCUMENT = tuple(s for s in SECTIONS if s.in_document)
DOCUMENT_KEYS = tuple(s.key for s in DOCUMENT)


def section(key: str) -> Section:
    return BY_KEY[key]
