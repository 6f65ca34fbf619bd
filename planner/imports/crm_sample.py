"""Believable CRM data for a sample plan and the benchmark: leads qualified
through the plan's months (mostly in working hours, some in the evening and
at weekends), followed up by sales reps after a delay that is usually short
and sometimes long, a region whose team misses the one-working-day promise
for about three leads in ten (the others for one in twenty), some leads sent
back with a reason; deals from a share of them, with amounts and outcomes.
Seeded: the same arguments give the same rows. Written as a HubSpot export
writes them, so what is generated is read back by the same path as a real
file."""

import csv
import random
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from planner.model.crm import DealRow, LeadRow, Outcome

SOURCES = ("Organic Search", "Paid Search", "Webinar", "Trade Show", "Referral", "Paid Social")
CAMPAIGNS = ("Spring launch", "Partner week", "Q3 webinar series", "Autumn trade fair",
             "Year-end offer")
REASONS = ("No budget", "Wrong persona", "Timing: next year", "Already a customer",
           "No reply after three tries")
STAGES = (("Appointment Scheduled", Outcome.OPEN), ("Qualified To Buy", Outcome.OPEN),
          ("Contract Sent", Outcome.OPEN), ("Closed Won", Outcome.WON),
          ("Closed Lost", Outcome.LOST))


def leads(start: date, months: int, count: int, owners: Sequence[str],
          regions: Sequence[str], slow_region: str | None = None,
          seed: int = 27) -> Iterator[LeadRow]:
    """`count` leads qualified over `months` months from `start`."""
    rng = random.Random(seed)
    days = max(1, (_add_months(start, months) - start).days)
    for n in range(count):
        day = start + timedelta(days=int(days * n / count))
        hour = rng.choice((8, 9, 10, 11, 13, 14, 15, 16)) if rng.random() < 0.85 else \
            rng.choice((6, 18, 19, 21))
        mql = datetime(day.year, day.month, day.day, hour, rng.randrange(60),
                       tzinfo=timezone.utc)
        region = regions[n % len(regions)] if regions else ""
        slow = region == slow_region
        touch: datetime | None
        if rng.random() < (0.06 if slow else 0.02):
            touch = None  # never followed up
        else:
            hours = rng.lognormvariate(1.2 if not slow else 2.6, 0.9)
            touch = mql + timedelta(hours=hours)
            if not 8 <= touch.hour < 19:  # reps answer in the morning what came at night
                morning = touch.date() + timedelta(days=touch.hour >= 19)
                touch = datetime(morning.year, morning.month, morning.day, 9,
                                 rng.randrange(60), tzinfo=timezone.utc)
            if touch.weekday() >= 5:
                touch += timedelta(days=7 - touch.weekday())
        recycled = reason = None
        if touch is not None and rng.random() < 0.12:
            recycled = touch + timedelta(days=rng.randint(3, 20))
            reason = rng.choice(REASONS)
        sql = touch + timedelta(days=rng.uniform(0.5, 6)) if touch is not None and \
            recycled is None and rng.random() < 0.35 else None
        opportunity = sql + timedelta(days=rng.uniform(3, 25)) if sql is not None and \
            rng.random() < 0.5 else None
        yield LeadRow(n + 2, f"{100000 + n}", mql, touch, owners[n % len(owners)],
                      rng.choice(SOURCES), rng.choice(CAMPAIGNS), region,
                      "Unqualified" if recycled else "Open", recycled, reason or "", sql,
                      opportunity, None, mql - timedelta(days=rng.randint(0, 30)))


def deals(from_leads: Sequence[LeadRow], seed: int = 28) -> Iterator[DealRow]:
    """A deal for each lead that became an opportunity."""
    rng = random.Random(seed)
    for n, lead in enumerate(r for r in from_leads if r.opportunity_at is not None):
        stage, outcome = rng.choices(STAGES, weights=(2, 2, 1, 3, 2))[0]
        closed = (lead.opportunity_at + timedelta(days=rng.randint(10, 90))).date() \
            if outcome is not Outcome.OPEN and lead.opportunity_at else None
        assert lead.opportunity_at is not None
        yield DealRow(n + 2, f"{900000 + n}", stage, outcome, lead.opportunity_at,
                      float(rng.choice((4, 8, 12, 18, 25, 40, 60)) * 1000), closed,
                      lead.owner, lead.source, lead.campaign, lead.region, lead.crm_id)


CONTACT_HEADER = ("Record ID", "First Name", "Last Name", "Email", "Contact owner",
                  "Lifecycle Stage", "Lead Status", "Create Date",
                  "Became a Marketing Qualified Lead Date",
                  "Became a Sales Qualified Lead Date", "Became an Opportunity Date",
                  "Date of first engagement", "Original Source", "First Conversion",
                  "State/Region", "Recycled Date", "Recycle Reason")
DEAL_HEADER = ("Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date",
               "Deal owner", "Original Source Type", "Campaign", "Region",
               "Associated Contact IDs")


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def write_contacts(path: Path, rows: Iterator[LeadRow] | Sequence[LeadRow]) -> int:
    """The leads as HubSpot's contacts export writes them (UTF-8 with its BOM)."""
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(CONTACT_HEADER)
        for r in rows:
            stage = "opportunity" if r.opportunity_at else "salesqualifiedlead" if r.sql_at \
                else "marketingqualifiedlead"
            out.writerow((r.crm_id, "Sam", f"Lead {r.crm_id}", f"lead{r.crm_id}@example.com",
                          r.owner, stage, r.status, _when(r.created_at), _when(r.mql_at),
                          _when(r.sql_at), _when(r.opportunity_at), _when(r.followed_up_at),
                          r.source, r.campaign, r.region, _when(r.recycled_at),
                          r.recycle_reason))
            n += 1
    return n


def write_deals(path: Path, rows: Iterator[DealRow] | Sequence[DealRow]) -> int:
    """The deals as HubSpot's deals export writes them."""
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(DEAL_HEADER)
        for r in rows:
            out.writerow((r.crm_id, f"Deal {r.crm_id}", r.stage, f"{r.amount:.2f}"
                          if r.amount is not None else "",
                          r.closed_on.isoformat() if r.closed_on else "", _when(r.created_at),
                          r.owner, r.source, r.campaign, r.region, r.lead_id))
            n += 1
    return n


def _add_months(day: date, months: int) -> date:
    total = day.month - 1 + months
    return date(day.year + total // 12, total % 12 + 1, 1)
