"""The words of the room's page, in the language the window speaks (the
core's catalogue: the page is static, and asks for these once it loads).
Keys are the page's own; `{name}`-style fields are filled by the page."""

from planner.i18n import _, language, ngettext


def page_words() -> dict[str, str]:
    return {
        "lang": language(),
        "title": _("Tandem workshop room"),
        "join_title": _("Join the workshop"),
        "code_label": _("Room code (on the screen)"),
        "name_label": _("Your name"),
        "name_hint": _("(leave empty to stay anonymous)"),
        "side_label": _("Your team"),
        "side_none": _("Rather not say"),
        "side_sales": _("Sales"),
        "side_marketing": _("Marketing"),
        "join_button": _("Join"),
        "could_not_join": _("Could not join."),
        "confidence_question": _("How sure are you this goal will be met?"),
        "confidence_group": _("Confidence from 1 to 10"),
        "you_said": _("You said {value}."),
        "card_heading": _("Add a card"),
        "parts_group": _("Kind of card"),
        "card_label": _("Your card"),
        "card_button": _("Add"),
        "cards_list": _("Cards"),
        "hot_button": _("Add a hot button you heard from customers"),
        "proposal": _("Propose a goal"),
        "topic": _("Add a topic for the parking lot"),
        "retro": _("Add a card"),
        "from_sales": _("From sales"),
        "from_marketing": _("From marketing"),
        "anonymous": _("anonymous"),
        "by": _("by {name}"),
        "names_someone": _("This card names someone: reviews stay blameless, about what "
                           "happened, not who."),
        "vote_clock": _("Vote open: {time} left."),
        "dots_one": ngettext("You have {count} dot left.", "You have {count} dots left.", 1),
        "dots_other": ngettext("You have {count} dot left.", "You have {count} dots left.", 2),
        "dot_on": _("Put a dot on: {card}"),
        "dot_back": _("Take a dot back from: {card}"),
        "added": _("Added."),
        "added_names": _("Added. It names someone: the review stays blameless, about what "
                         "happened, not who."),
        "not_added": _("Not added."),
        "unreachable": _("The room cannot be reached. It may have closed, or this network "
                         "keeps devices apart: ask the facilitator."),
        "odd": _("The room answered oddly."),
    }
