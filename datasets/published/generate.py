#!/usr/bin/env python3
"""Builds a fictional programme whose report reproduces the headline figures
published by real mutual-aid programmes (DESIGN section 1), stating the
denominators the published text left implicit:

- "99 of 137 enrolled attended more than 75% of the meetings"
    -> retention over all 137 enrolled (11 groups).
- "44% (46 people) had a work experience after the programme: 13% traineeships,
   22% fixed-term, 9% permanent contracts"
    -> re-employment over the 105 people of phase 1 (7 groups: "about a
       hundred people"); 46/105 = 43.8%, by best type 14 + 23 + 9.
- "between the end of the course and the job, 1 to 7 months passed"
    -> months from group end to first job: 1.0 to 7.0.
- "of the 35 with a support pact, 51.4% (18) had a work experience"
    -> report --by service:support_pact: 18 of 35.
- "7 groups, about a hundred people" (phase 1); "4 new groups, 18
   fortnightly meetings of about two hours each" (phase 2).

Every person is fictional. Run: python3 datasets/published/generate.py
(writes the CSV files next to this script; deterministic, no randomness).
"""
import datetime as dt
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MEETINGS = 18


def d(x):
    return x.isoformat()


groups, participants, sessions, attendance, outcomes, services = [], [], [], [], [], []
serial = 0
phase1_people = []
# 38 of the 137 attend the first 10 of 18 meetings (56%) and stop, spread evenly
# over the groups; the other 99 attend 15 of 18 (83%), missing three meetings
# along the way but not the last one (they were still attending when their group ended).
LOW_ATTENDANCE = {(k * 137) // 38 + 1 for k in range(38)}
for g in range(11):
    code = f"G{g + 1:02d}"
    phase = 1 if g < 7 else 2
    start = dt.date(2013, 2, 4) + dt.timedelta(days=42 * g) if phase == 1 else dt.date(2015, 1, 12) + dt.timedelta(days=42 * (g - 7))
    size = 15 if phase == 1 else 8
    groups.append([code, "homogeneous" if g % 2 == 0 else "heterogeneous", f"phase {phase}", "Forli" if g % 3 else "Cesena", d(start), str(MEETINGS)])
    dates = [start + dt.timedelta(days=14 * k) for k in range(MEETINGS)]
    for k, day in enumerate(dates):
        sessions.append([code, str(k + 1), d(day), "1"])
    for _ in range(size):
        serial += 1
        pid = f"X{serial:04d}"
        participants.append([pid, code, d(start - dt.timedelta(days=7))])
        if phase == 1:
            phase1_people.append((pid, dates[-1]))
        people_index = serial - 1
        if people_index in LOW_ATTENDANCE:
            missed = set(range(10, MEETINGS))
        else:
            missed = {1 + (serial * 7 + offset) % (MEETINGS - 2) for offset in (0, 5, 11)}
        for k in range(MEETINGS):
            attendance.append([code, pid, str(k + 1), "0" if k in missed else "1"])

# Work experience: the first 46 of phase 1 (14 traineeships, 23 fixed-term, 9 permanent),
# 1.0 to 7.0 months after their group's last meeting.
types = ["traineeship"] * 14 + ["fixed_term"] * 23 + ["permanent"] * 9
days_after = [31 + (213 - 31) * k // 45 for k in range(46)]
for k, (pid, end) in enumerate(phase1_people[:46]):
    outcomes.append([pid, d(end + dt.timedelta(days=days_after[k])), types[k]])
# Support pact: 35 people, 18 of them among the employed.
pact = [p for p, _ in phase1_people[:18]] + [p for p, _ in phase1_people[46:63]]
for pid in pact:
    services.append([pid, "support_pact", "2014-09-01", "", "1000"])


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")


write("groups.csv", ["group_id", "composition", "programme", "site", "start_date", "planned_sessions"], groups)
write("participants.csv", ["participant_id", "group_id", "enrolled_on"], participants)
write("sessions.csv", ["group_id", "session_no", "date", "held"], sessions)
write("attendance.csv", ["group_id", "participant_id", "session_no", "present"], attendance)
write("outcomes.csv", ["participant_id", "event_date", "outcome"], outcomes)
write("services.csv", ["participant_id", "service", "date", "hours", "amount"], services)
