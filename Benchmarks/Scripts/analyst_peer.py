#!/usr/bin/env python3
"""An analyst's Python script for the work of

    evalrun import DIR
    evalrun report --from 2022-01-01 --to 2024-12-31
    evalrun compare --by composition --adjust age,sex

on the seven DESIGN §3 CSV files of DIR (groups, participants, sessions,
attendance, questionnaires, outcomes, services), with the indicator
definitions of DESIGN §4 and §5:

- pandas: loading, reach, attendance and retention, wellbeing scores and
  pairs, re-employment, cost, the trend by quarter;
- scipy: paired t, Wilcoxon signed-rank (R's defaults), Welch, the
  noncentral-t interval of Cohen's d_z, Feldt's interval of Cronbach's alpha;
- statsmodels: Wilson and Newcombe intervals, logistic GLM and OLS with the
  by-term and covariates, model-based and cluster-robust (CR1: statsmodels has
  no CR2) covariance by group; MixedLM (REML, random intercept per group) for
  the linear outcomes and, without covariates, for every ICC;
- lifelines: Kaplan-Meier of days to the first job (median and its interval
  on the log scale as R's survfit, from the Greenwood variance), Cox
  proportional hazards (Efron ties) with the cluster-robust covariance by
  group.

    python3 analyst_peer.py DIR [--from 2022-01-01] [--to 2024-12-31] [--json-out FILE]

Prints one JSON object: seconds per stage, total seconds (from the start of
the script, library imports included), peak RSS, and `headline`, the numbers
evalrun also writes (in `summary.json` and in `compare --json`) under the same
key names, for check_headline.py (peer-only extras: `se_cr1`/`p_cr1`, and the
mixed model's `se_statsmodels` beside `se`, lme4's sigma^2 (X'V^-1 X)^-1). One
core: BLAS and OpenMP thread counts are pinned to 1 before numpy is imported.

Not done here, though evalrun does it: validating and storing the files
(types, natural keys, cross-file checks), writing the report (Markdown, HTML,
CSV tables, workbook, figures), CR2 with Satterthwaite degrees of freedom.
The group randomization test would run only below 30 groups (DESIGN §5).
"""
import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import time  # noqa: E402

T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402
import scipy.stats as st  # noqa: E402
from scipy.optimize import brentq  # noqa: E402
import statsmodels  # noqa: E402
import statsmodels.api as sm  # noqa: E402
from statsmodels.regression.mixed_linear_model import MixedLMParams  # noqa: E402
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint  # noqa: E402
import lifelines  # noqa: E402
from lifelines import CoxPHFitter, KaplanMeierFitter  # noqa: E402

warnings.filterwarnings("ignore")

STAGES = {}
LIBRARIES_SECONDS = time.perf_counter() - T0

EMPLOYMENT = ["traineeship", "fixed_term", "permanent", "self_employment"]
# "best" breakdown: permanent > self_employment > fixed_term > traineeship (DESIGN §4).
RANK = {"traineeship": 1, "fixed_term": 2, "self_employment": 3, "permanent": 4}
# Built-in instruments used by the files (DESIGN §3 "Instruments"): all higher-is-better sums.
INSTRUMENTS = {
    "RSES": {"items": 10, "min": 0, "max": 3, "reverse": [2, 5, 6, 8, 9], "mid": None},
    "WEMWBS": {"items": 14, "min": 1, "max": 5, "reverse": [], "mid": 3.0},
}
THRESHOLD = 0.75  # retention: rate > threshold
MONTH_DAYS = 30.4375
DATE_COLUMNS = {
    "groups": ["start_date"],
    "participants": ["enrolled_on", "left_on", "unemployed_since", "followed_up_until"],
    "sessions": ["date"],
    "attendance": [],
    "questionnaires": ["completed_on"],
    "outcomes": ["event_date", "end_date"],
    "services": ["date"],
}


def timed(name, fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    STAGES[name] = round(time.perf_counter() - start, 4)
    return result


def num(x):
    """A JSON number, or None for NaN / infinity / missing."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def wilson(x, n):
    if n == 0:
        return {"rate": None, "ci_low": None, "ci_high": None}
    lo, hi = proportion_confint(x, n, alpha=0.05, method="wilson")
    return {"rate": x / n, "ci_low": float(lo), "ci_high": float(hi)}


# ----------------------------------------------------------------------------------------------
# Loading (the work of `evalrun import DIR`).

def load(directory):
    data = {}
    for kind, dates in DATE_COLUMNS.items():
        frame = pd.read_csv(os.path.join(directory, f"{kind}.csv"), parse_dates=dates, date_format="%Y-%m-%d")
        frame.columns = [c.strip().lower() for c in frame.columns]
        data[kind] = frame
    sessions = data["sessions"]
    if "held" not in sessions:
        sessions["held"] = 1
    sessions["held"] = sessions["held"].fillna(1).astype(int)
    participants = data["participants"]
    if "age" not in participants:
        participants["age"] = participants.enrolled_on.dt.year - participants.birth_year
    data["services"]["service"] = data["services"]["service"].astype(str).str.strip()
    data["questionnaires"]["instrument"] = data["questionnaires"]["instrument"].str.upper()
    return data


def latest_date(data):
    """`compare` without a period: the latest date recorded in any date column of any table."""
    return max(data[k][c].max() for k, cols in DATE_COLUMNS.items() for c in cols if data[k][c].notna().any())


# ----------------------------------------------------------------------------------------------
# Per-participant frame of the cohort (everyone enrolled on or before `to`).

class Cohort:
    """Attendance, retention, wellbeing pairs and the time to the first job of the people
    enrolled by `to`, each observed up to their observation end."""

    def __init__(self, data, to, meetings):
        self.to = to
        p = data["participants"]
        people = p.loc[p.enrolled_on <= to].set_index("participant_id")
        self.people = people
        # Attendance rate: meetings attended / meetings held in the group from enrolment to `to`.
        m = meetings[(meetings.date <= to) & (meetings.enrolled_on <= to)]
        held = m.groupby("participant_id").size()
        attended = m.loc[m.present, :].groupby("participant_id").size()
        rate = (attended.reindex(held.index, fill_value=0) / held).reindex(people.index)
        self.rate = rate  # NaN: not started
        self.retained = (rate > THRESHOLD).where(rate.notna())
        # Observation end and the first employment event.
        obs_end = people.followed_up_until.where(people.followed_up_until < to, to)
        self.obs_end = obs_end
        o = data["outcomes"]
        ev = o.loc[o.outcome.isin(EMPLOYMENT), ["participant_id", "event_date", "outcome"]]
        ev = ev.join(people.enrolled_on, on="participant_id", how="inner").join(obs_end.rename("obs_end"),
                                                                               on="participant_id")
        ev = ev[(ev.event_date >= ev.enrolled_on) & (ev.event_date <= ev.obs_end)]
        self.events = ev
        first = ev.groupby("participant_id").event_date.min().reindex(people.index)
        self.first_job = first
        self.employed = first.notna()
        end = first.fillna(obs_end)
        self.days = (end - people.enrolled_on).dt.days.astype(float)
        self.lost = (obs_end < to) & ~self.employed


def meeting_table(data):
    """Every held meeting of each participant's group with their presence (absent when no row)."""
    s = data["sessions"]
    held = s.loc[s.held == 1, ["group_id", "session_no", "date"]]
    p = data["participants"][["participant_id", "group_id", "enrolled_on"]]
    m = p.merge(held, on="group_id")
    m = m[m.date >= m.enrolled_on]
    a = data["attendance"]
    present = a.loc[a.present == 1, ["participant_id", "group_id", "session_no"]].assign(present=True)
    m = m.merge(present, on=["participant_id", "group_id", "session_no"], how="left")
    m["present"] = m.present.fillna(False).astype(bool)
    return m


# ----------------------------------------------------------------------------------------------
# Report (the work of `evalrun report --from --to`).

def reach(data, start, to, cohort, details=True):
    s, a, p, v = data["sessions"], data["attendance"], data["participants"], data["services"]
    held = s[(s.held == 1) & (s.date >= start) & (s.date <= to)]
    enrolled = p[(p.enrolled_on >= start) & (p.enrolled_on <= to)]
    pres = a.loc[a.present == 1, ["participant_id", "group_id", "session_no"]]
    attended = pres.merge(held[["group_id", "session_no"]], on=["group_id", "session_no"]).participant_id.nunique()
    out = {"groups": int(held.group_id.nunique()), "meetings_held": int(len(held)),
           "enrolled": int(len(enrolled)), "attended_once": int(attended)}
    if not details:
        return out
    rows = v[(v.date >= start) & (v.date <= to) & v.participant_id.isin(cohort.people.index)]
    services = []
    for name, x in rows.groupby("service", sort=True):
        hours = x.hours.dropna()
        services.append({"service": name, "participants": int(x.participant_id.nunique()), "sessions": int(len(x)),
                         "hours": float(hours.sum()) if len(hours) else None})
    out["services"] = services
    makeup = []
    for attr in ("sex", "education", "status_at_entry", "referred_by"):
        counts = enrolled[attr].value_counts().sort_index()
        for level, n in counts.items():
            makeup.append({"attribute": attr, "level": level, "n": int(n), "share": n / len(enrolled)})
    out["by_attribute"] = makeup
    return out


def retention(cohort):
    started = cohort.retained.dropna()
    x, n = int(started.sum()), int(len(started))
    return {"threshold": THRESHOLD, "n": n, "retained": x, **wilson(x, n),
            "not_started": int(cohort.rate.isna().sum())}


def scores(data, cohort):
    """Scored questionnaires of the cohort completed by `to`: instrument -> (frame, reverse-keyed items)."""
    q = data["questionnaires"]
    q = q[q.participant_id.isin(cohort.people.index) & ~(q.completed_on > cohort.to)]
    out = {}
    for inst, spec in INSTRUMENTS.items():
        x = q[q.instrument == inst]
        items = x[[f"item_{j}" for j in range(1, spec["items"] + 1)]].to_numpy(dtype=float)
        for r in spec["reverse"]:
            items[:, r - 1] = spec["min"] + spec["max"] - items[:, r - 1]
        frame = x[["participant_id", "wave"]].reset_index(drop=True)
        frame["score"] = items.sum(axis=1)  # NaN when an item is missing (max_missing = 0)
        out[inst] = (frame, items)
    return out


def cronbach(items):
    items = items[~np.isnan(items).any(axis=1)]
    n, k = items.shape
    alpha = k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / items.sum(axis=1).var(ddof=1))
    low = 1 - (1 - alpha) * st.f.ppf(0.975, n - 1, (n - 1) * (k - 1))
    high = 1 - (1 - alpha) * st.f.ppf(0.025, n - 1, (n - 1) * (k - 1))
    return n, alpha, low, high


def wilcoxon_p(d):
    """R's wilcox.test(paired = TRUE) defaults: zeros dropped; exact below 50 pairs without ties,
    else the normal approximation with continuity correction."""
    d = np.round(d, 9)
    d = d[d != 0]
    if len(d) == 0:
        return None
    exact = len(d) < 50 and len(np.unique(np.abs(d))) == len(d)
    return float(st.wilcoxon(d, zero_method="wilcox", correction=True,
                             method="exact" if exact else "approx").pvalue)


def dz_interval(t, n):
    """Noncentral-t limits of d_z: P(T <= t) = 0.975 and 0.025 with df = n - 1, over sqrt(n)."""
    df = n - 1

    def solve(target):
        f = lambda ncp: st.nct.cdf(t, df, ncp) - target  # noqa: E731
        # T's spread around the noncentrality (A&S 26.7.10): eight of it either side brackets
        # both limits without reaching the far tails, where scipy's nct gives NaN.
        width = 8 * math.sqrt(1 + t * t / (2 * df)) + 1
        return brentq(f, t - width, t + width, xtol=1e-13, rtol=1e-15, maxiter=500)

    return solve(0.975) / math.sqrt(n), solve(0.025) / math.sqrt(n)


def wellbeing(data, cohort):
    elements, quality, changes = [], [], {}
    for inst, (frame, items) in scores(data, cohort).items():
        spec = INSTRUMENTS[inst]
        alphas = {}
        for wave in ("baseline", "end"):
            n, alpha, low, high = cronbach(items[(frame.wave == wave).to_numpy()])
            alphas[wave] = alpha
            quality.append({"instrument": inst, "wave": wave, "n": int(n), "alpha": alpha,
                            "alpha_ci_low": low, "alpha_ci_high": high})
        base = frame[frame.wave == "baseline"].set_index("participant_id").score.dropna()
        end = frame[frame.wave == "end"].set_index("participant_id").score.dropna()
        pair = pd.concat([base.rename("b"), end.rename("e")], axis=1, join="inner")
        n = len(pair)
        change = pair.e - pair.b
        changes[inst] = change
        mean, sd = change.mean(), change.std()
        t = st.ttest_rel(pair.e, pair.b)
        ci = t.confidence_interval(0.95)
        dz = mean / sd
        gav = mean / ((pair.b.std() + pair.e.std()) / 2) * (1 - 3 / (8 * n - 9))
        dz_low, dz_high = dz_interval(mean / (sd / math.sqrt(n)), n)
        rci = change / (base.std() * math.sqrt(2) * math.sqrt(1 - alphas["baseline"]))
        element = {"instrument": inst, "wave": "end", "n_pairs": n, "mean_baseline": pair.b.mean(),
                   "mean_followup": pair.e.mean(), "mean_change": mean, "ci_low": ci.low, "ci_high": ci.high,
                   "p_paired_t": t.pvalue, "p_wilcoxon": wilcoxon_p(change.to_numpy()),
                   "cohen_dz": dz, "cohen_dz_ci_low": dz_low, "cohen_dz_ci_high": dz_high,
                   "hedges_gav": gav, "hedges_gav_ci_low": dz_low * gav / dz, "hedges_gav_ci_high": dz_high * gav / dz,
                   "alpha_baseline": alphas["baseline"],
                   "reliably_improved": int((rci >= 1.96).sum()), "no_reliable_change": int((rci.abs() < 1.96).sum()),
                   "reliably_deteriorated": int((rci <= -1.96).sum()), "mid": spec["mid"]}
        element["mid_improved"] = element["mid_unchanged"] = element["mid_deteriorated"] = None
        if spec["mid"] is not None:
            element["mid_improved"] = int((change >= spec["mid"]).sum())
            element["mid_deteriorated"] = int((change <= -spec["mid"]).sum())
            element["mid_unchanged"] = n - element["mid_improved"] - element["mid_deteriorated"]
        element["norm_mean"] = None  # no population reference declared
        completer = base.index.isin(end.index)
        welch = st.ttest_ind(base[completer], base[~completer], equal_var=False)
        element["attrition"] = {"n_completers": int(completer.sum()), "n_dropouts": int((~completer).sum()),
                                "mean_baseline_completers": base[completer].mean(),
                                "mean_baseline_dropouts": base[~completer].mean(), "p_welch": welch.pvalue}
        elements.append(element)
    return elements, quality, changes


def km_table(durations, events):
    """Kaplan-Meier (lifelines) with R's survfit default interval: log transform, Greenwood variance."""
    km = KaplanMeierFitter().fit(durations, events)
    table = km.event_table
    at_risk, deaths = table.at_risk.to_numpy(float), table.observed.to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        var = np.cumsum(np.where(deaths > 0, deaths / (at_risk * (at_risk - deaths)), 0.0))
    surv = km.survival_function_.iloc[:, 0].to_numpy()
    z = st.norm.ppf(0.975)
    se = np.sqrt(var)
    low = surv * np.exp(-z * se)
    high = np.minimum(1.0, surv * np.exp(z * se))
    return pd.DataFrame({"time": table.index.to_numpy(float), "surv": surv, "low": low, "high": high,
                         "deaths": deaths})


def km_quantile_time(times, curve, p=0.5):
    """R's quantile.survfit: the first time the curve falls to p or below; where it sits at p exactly
    over a step, the midpoint of that step and the next time the curve drops."""
    eps = 1e-9
    below = np.nonzero(curve <= p + eps)[0]
    if len(below) == 0:
        return None
    i = below[0]
    if abs(curve[i] - p) < eps:
        later = np.nonzero(curve < p - eps)[0]
        if len(later) == 0:
            return float(times[i])
        return (float(times[i]) + float(times[later[0]])) / 2
    return float(times[i])


def km_median(table):
    events = table[table.deaths > 0]
    t = events.time.to_numpy()
    return (km_quantile_time(t, events.surv.to_numpy()), km_quantile_time(t, events.low.to_numpy()),
            km_quantile_time(t, events.high.to_numpy()))


def km_at(table, t):
    """(S(t), low, high) at t; None beyond the largest observed time."""
    if t > table.time.max():
        return None
    row = table[table.time <= t]
    if len(row) == 0:
        return 1.0, 1.0, 1.0
    last = row.iloc[-1]
    return float(last.surv), float(last.low), float(last.high)


def group_ends(data, to):
    """Groups whose planned meetings are all held or recorded as cancelled by `to`: group -> date of
    the last one held (a cancelled meeting, held = 0, dated by `to` or undated, will not be held)."""
    s = data["sessions"]
    held = s[(s.held == 1) & (s.date <= to)]
    by = held.groupby("group_id").agg(held=("date", "size"), last=("date", "max"))
    cancelled = s[(s.held == 0) & (s.date.isna() | (s.date <= to))].groupby("group_id").size().rename("cancelled")
    planned = data["groups"].set_index("group_id").planned_sessions
    by = by.join(planned).join(cancelled)
    by["cancelled"] = by["cancelled"].fillna(0)
    no_plan = by.planned_sessions.isna()
    ended = by.held + by.cancelled >= by.planned_sessions
    if no_plan.any():  # without planned_sessions: no meeting dated after the last one held
        after = s.join(by["last"], on="group_id")
        later = after[after.date > after["last"]].group_id.unique()
        ended |= no_plan & ~by.index.isin(later)
    return by.loc[ended, "last"]


def reemployment(data, cohort):
    n = len(cohort.people)
    employed = int(cohort.employed.sum())
    lost = int(cohort.lost.sum())
    best = cohort.events.assign(rank=cohort.events.outcome.map(RANK)).groupby("participant_id")["rank"].max()
    inverse = {r: k for k, r in RANK.items()}
    by_type = best.map(inverse).value_counts()
    table = km_table(cohort.days.to_numpy(), cohort.employed.astype(int).to_numpy())
    median, median_low, median_high = km_median(table)
    out = {"n": n, "employed": employed, **wilson(employed, n),
           "by_type": {k: int(by_type.get(k, 0)) for k in EMPLOYMENT},
           "median_days_to_job": median, "median_ci_low": median_low, "median_ci_high": median_high}
    by, low, high = {}, {}, {}
    for months in (3, 6, 12):
        at = km_at(table, months * MONTH_DAYS)
        by[str(months)], low[str(months)], high[str(months)] = (
            (None, None, None) if at is None else (1 - at[0], 1 - at[2], 1 - at[1]))
    out["employed_by_months"], out["employed_by_months_ci_low"], out["employed_by_months_ci_high"] = by, low, high
    ends = group_ends(data, cohort.to)
    first = cohort.first_job.dropna().to_frame("first").join(cohort.people.group_id)
    first = first.join(ends.rename("end"), on="group_id", how="inner")
    after = first[first["first"] > first["end"]]
    months = (after["first"] - after["end"]).dt.days / MONTH_DAYS
    out["months_group_end_to_job"] = {"n": int(len(months)), "min": months.min(), "median": months.median(),
                                      "max": months.max()}
    out["lost_to_follow_up"] = lost
    out["rate_upper_bound"] = (employed + lost) / n
    retained = cohort.retained.fillna(False).astype(bool)
    x, r = int((cohort.employed & retained).sum()), int(retained.sum())
    out["retained"] = {"n": r, "employed": x, **wilson(x, r)}
    return out


def cost(data, cohort, retained, employed):
    v = data["services"]
    if "amount" not in v or v.amount.notna().sum() == 0:
        return None
    rows = v[(v.date <= cohort.to) & v.participant_id.isin(cohort.people.index)]
    total = float(rows.amount.sum())
    n = len(cohort.people)
    return {"total": total, "per_enrolled": total / n if n else None,
            "per_retained": total / retained if retained else None,
            "per_reemployed": total / employed if employed else None, "basis": "service_amounts"}


def trend(data, start, to, meetings):
    """Every quarter end in the period: the cohort by then, retained and re-employed; meetings held
    and people attending in the quarter."""
    out = []
    for q in pd.period_range(start, to, freq="Q"):
        q_start, q_end = max(q.start_time.normalize(), start), min(q.end_time.normalize(), to)
        cohort = Cohort(data, q_end, meetings)
        r = reach(data, q_start, q_end, cohort, details=False)
        ret = retention(cohort)
        n, employed = len(cohort.people), int(cohort.employed.sum())
        w = wilson(employed, n)
        out.append({"period": f"{q.year}Q{q.quarter}", "to": q_end.strftime("%Y-%m-%d"), "enrolled": n,
                    "retained": ret["retained"], "retention_n": ret["n"], "retention_rate": ret["rate"],
                    "retention_ci_low": ret["ci_low"], "retention_ci_high": ret["ci_high"],
                    "employed": employed, "reemployment_rate": w["rate"], "reemployment_ci_low": w["ci_low"],
                    "reemployment_ci_high": w["ci_high"], "meetings_held": r["meetings_held"],
                    "attended_once": r["attended_once"]})
    return out


def retention_curve(data, cohort, meetings):
    """Share still attending at meeting k (Kaplan-Meier over meeting number; a participant's time is
    one past the last meeting attended, censored when that is their group's last meeting held)."""
    m = meetings[(meetings.date <= cohort.to) & meetings.participant_id.isin(cohort.people.index)]
    last_held = m.groupby("group_id").session_no.max()
    attended = m[m.present].groupby("participant_id").session_no.max()
    first = m.groupby("participant_id").session_no.min()
    frame = first.to_frame("first").join(attended.rename("last")).join(cohort.people.group_id)
    frame = frame.join(last_held.rename("group_last"), on="group_id")
    censored = frame["last"] == frame.group_last
    time_ = np.where(frame["last"].isna(), frame["first"], frame["last"] + 1)
    km = KaplanMeierFitter().fit(time_, (~censored).astype(int))
    return km.survival_function_


def report(data, start, to):
    meetings = timed("report.meetings", meeting_table, data)
    cohort = timed("report.cohort", Cohort, data, to, meetings)
    out = {"reach": timed("report.reach", reach, data, start, to, cohort),
           "retention": timed("report.retention", retention, cohort)}
    timed("report.retention_curve", retention_curve, data, cohort, meetings)
    out["wellbeing"], out["instruments"], changes = timed("report.wellbeing", wellbeing, data, cohort)
    out["reemployment"] = timed("report.reemployment", reemployment, data, cohort)
    out["cost"] = timed("report.cost", cost, data, cohort, out["retention"]["retained"],
                        out["reemployment"]["employed"])
    out["trend"] = timed("report.trend", trend, data, start, to, meetings)
    return out, meetings, cohort, changes


# ----------------------------------------------------------------------------------------------
# Compare (the work of `evalrun compare --by composition --adjust age,sex`).

REFERENCE, LEVEL = "heterogeneous", "homogeneous"


def compare_frame(data, cohort, changes):
    g = data["groups"].set_index("group_id").composition.str.strip()
    f = cohort.people[["group_id", "age", "sex"]].join(g, on="group_id")
    f = f[f.composition.notna()]
    f["homogeneous"] = (f.composition == LEVEL).astype(float)
    f["sex:M"] = (f.sex == "M").astype(float)
    f["age"] = f.age.astype(float)
    f["reemployed"] = cohort.employed.astype(float)
    f["retained"] = cohort.retained.astype(float)
    f["attendance_rate"] = cohort.rate
    for inst, change in changes.items():
        f[f"wellbeing_change:{inst}"] = change
    f["duration"] = cohort.days
    f["event"] = cohort.employed.astype(int)
    return f


TERMS = ["homogeneous", "age", "sex:M"]


def design(d):
    return sm.add_constant(d[TERMS].to_numpy(), has_constant="add")


def logistic(d, y):
    X, groups = design(d), d.group_id.to_numpy()
    model = sm.GLM(d[y].to_numpy(), X, family=sm.families.Binomial())
    fit = model.fit(tol=1e-12)
    robust = model.fit(tol=1e-12, cov_type="cluster", cov_kwds={"groups": pd.factorize(groups)[0]})
    return [{"term": term, "model": "logistic", "estimate": fit.params[i + 1], "se_model": fit.bse[i + 1],
             "p_model": fit.pvalues[i + 1], "se_cr1": robust.bse[i + 1], "p_cr1": robust.pvalues[i + 1]}
            for i, term in enumerate(TERMS)]


def linear(d, y):
    X = design(d)
    fit = sm.OLS(d[y].to_numpy(), X).fit()
    robust = fit.get_robustcov_results(cov_type="cluster", groups=pd.factorize(d.group_id)[0])
    return [{"term": term, "model": "linear", "estimate": fit.params[i + 1], "se_model": fit.bse[i + 1],
             "p_model": fit.pvalues[i + 1], "se_cr1": robust.bse[i + 1], "p_cr1": robust.pvalues[i + 1]}
            for i, term in enumerate(TERMS)]


def mixed(d, y, covariates=True):
    """REML random intercept per group (statsmodels MixedLM). Its default start and optimizer
    stop early or report convergence at a boundary on these data (the attendance model
    "converges" at sd_group 0.069 instead of 0.073), so it starts from the one-way ANOVA
    moment estimate of the variance ratio around the OLS fit, with BFGS to a gradient of 1e-8
    (1e-10 often runs to the iteration limit for no visible gain)."""
    X = design(d) if covariates else np.ones((len(d), 1))
    yv, groups = d[y].to_numpy(), d.group_id.to_numpy()
    ols = sm.OLS(yv, X).fit()
    resid = pd.Series(ols.resid, index=d.index)
    means = resid.groupby(d.group_id).mean()
    sizes = d.group_id.value_counts()
    within = ((resid - resid.groupby(d.group_id).transform("mean")) ** 2).sum() / (len(d) - len(sizes))
    between = (means ** 2).sum() / (len(sizes) - 1)
    ratio = max(between - within * np.mean(1 / sizes), 1e-4 * within) / within
    start = MixedLMParams.from_components(ols.params, np.array([[ratio]]))
    fit = sm.MixedLM(yv, X, groups=groups).fit(reml=True, start_params=start, method=["bfgs"], gtol=1e-8)
    var_group, var_resid = float(fit.cov_re[0, 0]), float(fit.scale)
    if not covariates:
        return var_group / (var_group + var_resid)
    # statsmodels' bse_fe inverts the joint information of the fixed effects and the variance
    # parameters; lme4's vcov is sigma^2 (X'V^-1 X)^-1 at the REML variance components:
    # V_g^-1 = (I - w_g 11') / sigma^2 with w_g = tau^2 / (sigma^2 + n_g tau^2).
    sums = pd.DataFrame(X, index=d.index).groupby(d.group_id).sum()
    w = (var_group / (var_resid + sizes.reindex(sums.index) * var_group)).to_numpy()
    S = sums.to_numpy()
    info = (X.T @ X - (S * w[:, None]).T @ S) / var_resid
    se_conditional = math.sqrt(np.linalg.inv(info)[1, 1])
    return {"term": "homogeneous", "estimate": fit.fe_params[1], "se": se_conditional,
            "se_statsmodels": fit.bse_fe[1], "sd_group": math.sqrt(var_group), "sd_residual": math.sqrt(var_resid)}


def cox(d):
    frame = d[["duration", "event"] + TERMS].copy()
    frame["cluster"] = pd.factorize(d.group_id)[0]
    fit = CoxPHFitter().fit(frame, "duration", "event", cluster_col="cluster",
                            fit_options={"precision": 1e-12, "r_precision": 1e-14})
    se_model = np.sqrt(np.diag(fit.variance_matrix_.to_numpy()))
    out = []
    for i, term in enumerate(TERMS):
        b = float(fit.params_[term])
        se_r = float(fit.standard_errors_[term])
        z = st.norm.ppf(0.975)
        out.append({"term": term, "model": "cox", "estimate": b, "se_model": se_model[i],
                    "p_model": 2 * st.norm.sf(abs(b / se_model[i])), "se_robust": se_r,
                    "p_robust": 2 * st.norm.sf(abs(b / se_r)), "ci_low_robust": b - z * se_r,
                    "ci_high_robust": b + z * se_r})
    return out


def compare_outcome(f, y, kind):
    d = f[f[y].notna()] if kind != "survival" else f
    ref, lvl = d[d.composition == REFERENCE], d[d.composition == LEVEL]
    out = {"outcome": y, "kind": kind, "clusters": int(d.group_id.nunique())}
    if kind == "survival":
        levels = []
        for name, x in ((REFERENCE, ref), (LEVEL, lvl)):
            levels.append({"level": name, "n": int(len(x)),
                           "estimate": km_median(km_table(x.duration.to_numpy(), x.event.to_numpy()))[0]})
        out["levels"] = levels
        out["difference"] = None  # a level's estimate is its median: no difference (DESIGN §5)
        out["adjusted"] = timed(f"compare.cox:{y}", cox, d)
        out["icc"] = out["randomization"] = None
        return out
    out["levels"] = [{"level": name, "n": int(len(x)), "estimate": x[y].mean()} for name, x in
                     ((REFERENCE, ref), (LEVEL, lvl))]
    if kind == "binary":
        low, high = confint_proportions_2indep(lvl[y].sum(), len(lvl), ref[y].sum(), len(ref),
                                               method="newcomb", compare="diff")
    else:
        low, high = st.ttest_ind(lvl[y], ref[y], equal_var=False).confidence_interval(0.95)
    out["difference"] = {"level": LEVEL, "estimate": lvl[y].mean() - ref[y].mean(), "ci_low": low, "ci_high": high}
    out["differences"] = [out["difference"]]
    # The group-level randomization test runs below 30 groups only (DESIGN §5).
    out["randomization"] = None if out["clusters"] >= 30 else "not done by this script"
    if kind == "binary":
        out["adjusted"] = timed(f"compare.logistic:{y}", logistic, d, y)
        out["mixed"] = None  # the mixed model is for the continuous outcomes
    else:
        out["adjusted"] = timed(f"compare.linear:{y}", linear, d, y)
        out["mixed"] = timed(f"compare.mixed:{y}", mixed, d, y)
    out["icc"] = timed(f"compare.icc:{y}", mixed, d, y, False)
    return out


def compare(data, to, report_cohort, report_changes, meetings):
    if report_cohort.to == to:
        cohort, changes = report_cohort, report_changes
    else:
        cohort = Cohort(data, to, meetings)
        changes = wellbeing(data, cohort)[2]
    f = compare_frame(data, cohort, changes)
    outcomes = [("reemployed", "binary"), ("retained", "binary"), ("attendance_rate", "continuous")]
    outcomes += [(f"wellbeing_change:{inst}", "continuous") for inst in sorted(changes)]
    outcomes += [("time_to_job", "survival")]
    return {"by": "composition", "reference_level": REFERENCE, "levels": [REFERENCE, LEVEL],
            "to": to.strftime("%Y-%m-%d"), "clusters": int(f.group_id.nunique()), "adjust": ["age", "sex"],
            "groups_per_level": {k: int(x) for k, x in f.groupby("composition").group_id.nunique().items()},
            "outcomes": [compare_outcome(f, y, kind) for y, kind in outcomes]}


# ----------------------------------------------------------------------------------------------

def clean(x):
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return num(x)
    return x


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--from", dest="start", default="2022-01-01")
    ap.add_argument("--to", default="2024-12-31")
    ap.add_argument("--json-out")
    a = ap.parse_args()
    start, to = pd.Timestamp(a.start), pd.Timestamp(a.to)
    STAGES["import_libraries"] = round(LIBRARIES_SECONDS, 4)

    t = time.perf_counter()
    data = load(a.dir)
    STAGES["load"] = round(time.perf_counter() - t, 4)

    t = time.perf_counter()
    summary, meetings, cohort, changes = report(data, start, to)
    STAGES["report"] = round(time.perf_counter() - t, 4)

    t = time.perf_counter()
    comparison = compare(data, latest_date(data), cohort, changes, meetings)
    STAGES["compare"] = round(time.perf_counter() - t, 4)

    total = time.perf_counter() - T0
    out = {"tool": "analyst_peer.py", "dir": os.path.abspath(a.dir),
           "period": {"from": a.start, "to": a.to},
           "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
                        "scipy": scipy.__version__, "statsmodels": statsmodels.__version__,
                        "lifelines": lifelines.__version__},
           "stages": STAGES, "total_seconds": round(total, 4),
           "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
           "headline": {"summary": summary, "compare": comparison}}
    text = json.dumps(clean(out), indent=1, ensure_ascii=False)
    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
