"""The network survey as form files (issue 30): one small self-contained HTML
page per person (no server), which saves the person's answers as a file
they send back. Each form carries its invitation's one-time token; the
answer file carries a seal made with it (HMAC-SHA256 over the answers), not
the token, so an answer made for someone else, changed on the way or made
twice is told apart when it is collected (`imports/survey_answers.py`)."""

import base64
import hashlib
import hmac
import html
import json
from pathlib import Path
from typing import Any

from planner.export.survey_page import PAGE_CSS, PAGE_SCRIPT
from planner.filenames import safe_stem
from planner.i18n import _
from planner.model import Person, Plan, Survey, SurveyInvite
from planner.model.enums import Team
from planner.model.reader import PlanReader
from planner.rules.survey import FORMAT, OFTEN, VERSION, questions_of
from planner.store.atomic import write_replacing

def _data(plan: Plan, survey: Survey, invite: SurveyInvite, person: Person,
          others: list[Person]) -> dict[str, Any]:
    return {
        "format": FORMAT, "version": VERSION, "plan": plan.id, "survey": survey.id,
        "invite": invite.id, "token": invite.token, "person": person.name,
        "questions": questions_of(survey),
        "people": [[p.id, p.name] for p in others],
        "often": [[n, _(words)] for n, words in sorted(OFTEN.items())],
        "words": {"none": _("not for this"), "save": _("Save my answers"),
                  "saved": _("Saved. Send the file {file} back to whoever sent you this form."),
                  "cannot": _("This browser cannot seal the answers here; open the form in "
                              "another browser."),
                  "file": _("answers")},
    }


def form_page(plan: Plan, survey: Survey, invite: SurveyInvite, person: Person,
              others: list[Person], lang: str = "en") -> str:
    data = json.dumps(_data(plan, survey, invite, person, others), ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    script_hash = base64.b64encode(hashlib.sha256(PAGE_SCRIPT.encode("utf-8")).digest()).decode()
    style_hash = base64.b64encode(hashlib.sha256(PAGE_CSS.encode("utf-8")).digest()).decode()
    policy = (f"default-src 'none'; script-src 'sha256-{script_hash}'; "
              f"style-src 'sha256-{style_hash}'; base-uri 'none'; form-action 'none'")
    intro = _("{name}, who on the other team do you actually go to? Choose how often for "
              "each person; leave the others. Your answers are shown only as totals unless "
              "the plan's heads decide otherwise.").format(name=person.name)
    return (
        f"<!DOCTYPE html>\n<html lang=\"{html.escape(lang)}\">\n<head>\n"
        "<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        f"<title>{html.escape(survey.title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{html.escape(survey.title)}</h1>\n"
        f"<p class=\"intro\">{html.escape(intro)}</p>\n<form id=\"survey\"></form>\n"
        "<p id=\"said\" role=\"status\"></p>\n</main>\n"
        f"<script type=\"application/json\" id=\"data\">{data}</script>\n"
        f"<script>{PAGE_SCRIPT}</script>\n</body>\n</html>\n")


def write_forms(reader: PlanReader, survey: Survey, folder: Path) -> list[Path]:
    """One form per invited person, named after them, in a folder made if
    need be; the other team's people are the ones each form asks about."""
    from planner import i18n

    plan = reader.plan()
    people = {p.id: p for p in reader.rows(Person)}
    invites = [i for i in reader.rows(SurveyInvite) if i.survey_id == survey.id
               and i.person_id in people]
    folder.mkdir(parents=True, exist_ok=True)
    written, taken = [], set()
    for invite in sorted(invites, key=lambda i: people[i.person_id].name.casefold()):
        person = people[invite.person_id]
        other = Team.MARKETING if person.team is Team.SALES else Team.SALES
        others = sorted((p for p in people.values() if p.team is other and not p.left_plan),
                        key=lambda p: p.name.casefold())
        stem = safe_stem(person.name, limit=80, fallback="person")
        name, n = f"{stem}.html", 2
        while name.casefold() in taken:
            name, n = f"{stem} ({n}).html", n + 1
        taken.add(name.casefold())
        page = form_page(plan, survey, invite, person, others, i18n.language())
        write_replacing(folder / name, page.encode("utf-8"))
        written.append(folder / name)
    return written
