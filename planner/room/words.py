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
        "survey_who": _("Who are you?"),
        "survey_private": _("Your answers go to the plan's survey: the room never sees them, "
                            "and the plan shows them as totals unless its heads choose "
                            "otherwise."),
        "survey_change": _("Not you?"),
        "survey_find_me": _("Find your name"),
        "survey_found": _("Names found"),
        "survey_find": _("Find a person on the other team"),
        "survey_answering": _("Answering as {name}"),
        "survey_answered": _("{name} (answered)"),
        "survey_add": _("Add {name}"),
        "survey_remove": _("Remove {name}"),
        "survey_often": _("How often you go to {name}"),
        "survey_none_yet": _("Nobody chosen yet: leave it empty if you go to nobody."),
        "survey_more": _("{count} more: type more of the name."),
        "survey_no_match": _("Nobody of that name."),
        "survey_no_match_other": _("Nobody of that name on the other team."),
        "survey_send": _("Send my answers"),
        "survey_sent": _("Sent. You can change them and send again until the facilitator "
                         "takes them into the plan."),
        "survey_choose_me": _("Choose yourself first."),
        "survey_taken": _("Your answers are in the plan. Thank you."),
        "team_sales": _("Sales"),
        "team_marketing": _("Marketing"),
    }
