"""Reference p-values of the restricted wild cluster bootstrap (WCR11,
Rademacher weights) from Python's `wildboottest` (a port of R's
fwildclusterboot), for `WildClusterBootstrapTests`.

* compare-8groups (../compare-8groups/data.csv, 8 groups): attendance_rate and
  wellbeing_change:WEMWBS ~ 1 + homogeneous + age + sex:M, clustered by group.
  2^8 = 256 < 9,999 draws, so every sign vector is enumerated: exact.
* AchievementAwardsRCT (../compare-achievement-awards/data.csv, 17 schools,
  from R's clubSandwich): attempted ~ 1 + treated + sex:Girl + lagscore,
  clustered by school; 2^17 = 131,072 < 199,999 draws, so enumerated too.

Run from this folder:  python3 generate.py   (pip install wildboottest pandas)
"""
import importlib.metadata
import json

import numpy as np
import pandas as pd
import statsmodels.api as sm
import wildboottest
from wildboottest.wildboottest import wildboottest as wcb


def case(name, frame, outcome, columns, cluster, draws, seed):
    data = frame.dropna(subset=[outcome] + columns)
    x = sm.add_constant(data[columns].astype(float), has_constant="add")
    model = sm.OLS(data[outcome].astype(float), x)
    codes = pd.factorize(data[cluster], sort=True)[0]  # numba needs integer cluster codes
    result = wcb(model, B=draws, cluster=codes, param=columns[0], seed=seed, show=False)
    return {
        "name": name,
        "outcome": outcome,
        "columns": ["(Intercept)"] + columns,
        "cluster": cluster,
        "draws": draws,
        "t": float(result["statistic"].iloc[0]),
        "p": float(result["p-value"].iloc[0]),
    }


groups = pd.read_csv("../compare-8groups/data.csv")
groups["homogeneous"] = (groups["composition"] == "homogeneous").astype(float)
groups["sex:M"] = (groups["sex"] == "M").astype(float)
awards = pd.read_csv("../compare-achievement-awards/data.csv")
awards["treated"] = (awards["arm"] == "treated").astype(float)
awards["sex:Girl"] = (awards["sex"] == "Girl").astype(float)

cases = [
    case("8groups attendance_rate", groups, "attendance_rate", ["homogeneous", "age", "sex:M"], "group", 9999, 1),
    case("8groups WEMWBS", groups, "wellbeing_change:WEMWBS", ["homogeneous", "age", "sex:M"], "group", 9999, 1),
    case("awards attempted", awards, "attempted", ["treated", "sex:Girl", "lagscore"], "school", 199999, 20240601),
]
with open("expected.json", "w") as f:
    json.dump({"wildboottest": importlib.metadata.version("wildboottest"),
               "cases": cases}, f, indent=1)
    f.write("\n")
