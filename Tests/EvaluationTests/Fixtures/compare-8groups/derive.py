#!/usr/bin/env python3
"""Derives data.csv, the per-participant analysis data of `evalrun compare`,
from the raw exports in programme/, independently of evalrun: only Python's
standard library and the definitions of METHODS §4 and §5 (Settled details).

    python3 derive.py > data.csv

One row per participant enrolled by `to` (the latest date recorded anywhere in
the programme, as `compare` without a period uses), in code order:
  group, composition, site        as in groups.csv
  age                             enrolment year - birth_year (NA when blank)
  sex                             as in participants.csv
  reemployed                      1 when an event of type traineeship, fixed_term,
                                  permanent or self_employment lies between enrolment
                                  and the observation end (followed_up_until, or `to`)
  retained                        1 when attendance_rate > 0.75 (NA when not started)
  attendance_rate                 meetings attended / meetings held in the group from
                                  enrolment to `to` (a held meeting without a row is
                                  an absence; cancelled ones do not count)
  wellbeing_change:<INSTRUMENT>   end score - baseline score, scores summed over
                                  complete items, RSES items 2, 5, 6, 8, 9 reversed
                                  (3 - x); questionnaires completed by `to`
  time_to_job, _event             days from enrolment to the first such event, or to
                                  the observation end (event 0)
"""
import csv
import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTED = {"traineeship", "fixed_term", "permanent", "self_employment"}
INSTRUMENTS = {  # items, lowest value, highest value, reverse-keyed items (1-based)
    "RSES": (10, 0, 3, {2, 5, 6, 8, 9}),
    "WEMWBS": (14, 1, 5, set()),
}


def read(name):
    with open(os.path.join(HERE, "programme", name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def date(text):
    text = (text or "").strip()
    return datetime.date.fromisoformat(text[:10]) if text else None


def number(x):
    if x is None:
        return "NA"
    if float(x) == int(x):
        return str(int(x))
    return repr(float(x))


groups = {g["group_id"]: g for g in read("groups.csv")}
participants = read("participants.csv")
sessions = read("sessions.csv")
attendance = read("attendance.csv")
questionnaires = read("questionnaires.csv")
outcomes = read("outcomes.csv")
services = read("services.csv")

# The latest date recorded: the maximum over every date column of every table.
dates = []
for rows, columns in [
    (groups.values(), ["start_date"]),
    (participants, ["enrolled_on", "left_on", "unemployed_since", "followed_up_until"]),
    (sessions, ["date"]),
    (questionnaires, ["completed_on"]),
    (outcomes, ["event_date", "end_date"]),
    (services, ["date"]),
]:
    for row in rows:
        dates += [d for d in (date(row.get(c)) for c in columns) if d]
to = max(dates)

held = {}  # group -> [(session_no, date)] of meetings held by `to`
for s in sessions:
    d = date(s["date"])
    if s.get("held", "1").strip() in ("", "1") and d and d <= to:
        held.setdefault(s["group_id"], []).append((int(s["session_no"]), d))
present = {(a["participant_id"], int(a["session_no"])) for a in attendance if a["present"].strip() == "1"}

scores = {}  # (participant, instrument, wave) -> score
for q in questionnaires:
    instrument = q["instrument"].strip().upper()
    if instrument not in INSTRUMENTS or date(q["completed_on"]) > to:
        continue
    k, low, high, reverse = INSTRUMENTS[instrument]
    items = [q.get("item_%d" % j, "").strip() for j in range(1, k + 1)]
    if any(v == "" for v in items):
        continue
    values = [low + high - float(v) if j + 1 in reverse else float(v) for j, v in enumerate(items)]
    scores[(q["participant_id"], instrument, q["wave"].strip())] = sum(values)

header = ["participant", "group", "composition", "site", "age", "sex", "reemployed", "retained", "attendance_rate"]
header += ["wellbeing_change:" + i for i in sorted(INSTRUMENTS)] + ["time_to_job", "time_to_job_event"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(header)
for p in sorted(participants, key=lambda p: p["participant_id"]):
    enrolled = date(p["enrolled_on"])
    if enrolled > to:
        continue
    group = groups[p["group_id"]]
    birth = p["birth_year"].strip()
    age = enrolled.year - int(birth) if birth else None
    followed = date(p["followed_up_until"])
    end = min(followed, to) if followed else to
    events = sorted(
        date(o["event_date"]) for o in outcomes
        if o["participant_id"] == p["participant_id"] and o["outcome"].strip() in COUNTED
        and enrolled <= date(o["event_date"]) <= end)
    meetings = [(n, d) for n, d in held.get(p["group_id"], []) if d >= enrolled]
    rate = sum((p["participant_id"], n) in present for n, _ in meetings) / len(meetings) if meetings else None
    changes = []
    for instrument in sorted(INSTRUMENTS):
        base = scores.get((p["participant_id"], instrument, "baseline"))
        later = scores.get((p["participant_id"], instrument, "end"))
        changes.append(later - base if base is not None and later is not None else None)
    days = ((events[0] if events else end) - enrolled).days
    out.writerow(
        [p["participant_id"], p["group_id"], group["composition"], group["site"], number(age), p["sex"],
         number(1 if events else 0), number(None if rate is None else (1 if rate > 0.75 else 0)), number(rate)]
        + [number(c) for c in changes] + [number(days), number(1 if events else 0)])
