"""What each kind of row is called, one and many, as a label or sentence says it."""

from planner.model.records import Record

NOUNS = {"Person": ("person", "people"), "Goal": ("goal", "goals"),
         "FieldRide": ("field ride", "field rides"), "FunnelStage": ("stage", "stages"),
         "Metric": ("metric", "metrics"), "MetricValue": ("actual", "actuals"),
         "Message": ("message", "messages"), "Review": ("review", "reviews"),
         "HotButton": ("hot button", "hot buttons"),
         "NonWorkingDay": ("non-working day", "non-working days"),
         "ParkingTopic": ("parked topic", "parked topics"), "MetricGoal": ("link", "links"),
         "ReviewLink": ("review link", "review links"),
         "ReviewAction": ("action", "actions"), "CheckIn": ("check-in", "check-ins"),
         "CrmImport": ("CRM import", "CRM imports"), "Training": ("training", "trainings"),
         "TrainingSeat": ("seat at a training", "seats at trainings"),
         "Survey": ("survey", "surveys"), "SurveyInvite": ("invitation", "invitations"),
         "SurveyAnswer": ("survey answer", "survey answers")}


def noun(kind: type[Record], count: int = 1) -> str:
    one, many = NOUNS.get(kind.__name__, ("row", "rows"))
    return one if count == 1 else f"{count} {many}"
