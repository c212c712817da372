"""Logistic regression with cluster-robust standard errors in Python
(statsmodels GLM, cov_type="cluster"), on the CSV written by
`swift run -c release RegressionBenchmark`.

    OPENBLAS_NUM_THREADS=1 python3 Scripts/logistic_cluster_statsmodels.py data/logistic-cr2-1000000-8000.csv 3

statsmodels has no CR2 or Satterthwaite df: cov_type="cluster" is CR1 with
Stata's small-sample factor G/(G-1)*(n-1)/(n-p) (our CR1S), with t/F
inference on G-1 degrees of freedom when use_t=True. Reading the CSV is not
timed; each run times the fit and the summary quantities (SE, p, CI).
"""
import statistics
import sys
import time

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3

d = pd.read_csv(path)
covariates = [c for c in d.columns if c.startswith("x")]
X = sm.add_constant(d[covariates].to_numpy())
y = d["y"].to_numpy(dtype=float)
groups = d["cluster"].to_numpy()
print(f"statsmodels {statsmodels.__version__}, numpy {np.__version__}: "
      f"{len(y)} rows, {len(np.unique(groups))} clusters, {len(covariates)} covariates + intercept")

times = []
for r in range(runs):
    start = time.perf_counter()
    fit = sm.GLM(y, X, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    se, p, ci = fit.bse, fit.pvalues, fit.conf_int()
    times.append(time.perf_counter() - start)
    print(f"run {r + 1}: {times[-1]:.2f} s")
print(f"median of {runs} runs: {statistics.median(times):.2f} s")
print(np.column_stack([fit.params[:4], se[:4], p[:4]]))
