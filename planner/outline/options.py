"""What the person exporting the document chose: paper, sections, notes, the mark."""

from dataclasses import dataclass, field

from planner.i18n import _
from planner.sections import DOCUMENT, DOCUMENT_KEYS

SECTION_TITLES = {s.key: s.title for s in DOCUMENT}
MARKS = ("auto", "draft", "agreed", "none")  # auto: draft or agreed as the plan's status says
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class ExportOptions:
    page_size: str = "A4"
    sections: frozenset[str] = field(default_factory=lambda: frozenset(DOCUMENT_KEYS))
    include_debriefs: bool = True
    include_reviews: bool = True
    mark: str = "auto"

    def __post_init__(self) -> None:
        unknown = set(self.sections) - set(DOCUMENT_KEYS)
        if unknown:
            raise ValueError(_("unknown section(s): {unknown}; choose from {known}").format(
                unknown=", ".join(sorted(unknown)), known=", ".join(DOCUMENT_KEYS)))
        if self.page_size not in PAGE_SIZES:
            raise ValueError(_("page size is A4 or Letter, not {value}").format(
                value=self.page_size))
        if self.mark not in MARKS:
            raise ValueError(_("the mark is one of {marks}, not {value}").format(
                marks=", ".join(MARKS), value=self.mark))

    def wants(self, key: str) -> bool:
        """Whether the document carries a section."""
        return key in self.sections and (key != "reviews" or self.include_reviews)
