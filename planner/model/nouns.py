"""What each kind of row is called, one and many, as a label or sentence says it."""

from planner.i18n import Nn_, ngettext, number
from planner.model.records import Record

NOUNS = {
    "Plan": Nn_("plan", "{count} plans"),
    "Person": Nn_("person", "{count} people"), "Goal": Nn_("goal", "{count} goals"),
    "FieldRide": Nn_("field ride", "{count} field rides"),
    "FunnelStage": Nn_("stage", "{count} stages"),
    "Metric": Nn_("metric", "{count} metrics"),
    "MetricValue": Nn_("actual", "{count} actuals"),
    "Message": Nn_("message", "{count} messages"),
    "Review": Nn_("review", "{count} reviews"),
    "HotButton": Nn_("hot button", "{count} hot buttons"),
    "NonWorkingDay": Nn_("non-working day", "{count} non-working days"),
    "ParkingTopic": Nn_("parked topic", "{count} parked topics"),
    "MetricGoal": Nn_("link", "{count} links"),
    "ReviewLink": Nn_("review link", "{count} review links"),
    "ReviewAction": Nn_("action", "{count} actions"),
    "CheckIn": Nn_("check-in", "{count} check-ins"),
    "CrmImport": Nn_("CRM import", "{count} CRM imports"),
    "Training": Nn_("training", "{count} trainings"),
    "TrainingSeat": Nn_("seat at a training", "{count} seats at trainings"),
    "Survey": Nn_("survey", "{count} surveys"),
    "SurveyInvite": Nn_("invitation", "{count} invitations"),
    "SurveyAnswer": Nn_("survey answer", "{count} survey answers"),
}
_ROW = Nn_("row", "{count} rows")


def noun(kind: type[Record], count: int = 1) -> str:
    """ "goal", "3 goals", in the current language ("Ziel", "3 Ziele")."""
    one, many = NOUNS.get(kind.__name__, _ROW)
    return ngettext(one, many, count).format(count=number(count))
