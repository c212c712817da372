"""Times statsmodels MixedLM (REML) for y ~ x1 + x2 + x3 with a random
intercept per g, on the CSV written by MixedModelBenchmark (reading the file
is not timed).

    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 Scripts/mixed_statsmodels.py \
        data/mixed-1000000-8000.csv [runs=3]
"""
import statistics
import sys
import time

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.formula.api as smf

path = sys.argv[1] if len(sys.argv) > 1 else "data/mixed-1000000-8000.csv"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
d = pd.read_csv(path)
times = []
for r in range(runs):
    start = time.perf_counter()
    fit = smf.mixedlm("y ~ x1 + x2 + x3", d, groups=d["g"]).fit(reml=True)
    times.append(time.perf_counter() - start)
    print(f"run {r + 1}: {times[-1]:.3f} s")
print(f"rows {len(d)}, groups {d['g'].nunique()}, statsmodels {statsmodels.__version__}, "
      f"converged {fit.converged}")
for name in fit.fe_params.index:
    print(f"{name:12s} {fit.fe_params[name]: .9f}  SE {fit.bse_fe[name]:.9f}")
vg = float(fit.cov_re.iloc[0, 0])
sigma = float(np.sqrt(fit.scale))
print(f"theta {np.sqrt(vg) / sigma:.10f}  sd_group {np.sqrt(vg):.9f}  sd_residual {sigma:.9f}  "
      f"ICC {vg / (vg + fit.scale):.9f}")
print(f"REML criterion {-2 * fit.llf:.6f}")
print(f"Python statsmodels median of {runs}: {statistics.median(times):.3f} s")
