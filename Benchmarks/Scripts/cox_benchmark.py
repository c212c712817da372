"""Python side of "Cox regression with clustered SE": times lifelines'
CoxPHFitter().fit(df, duration_col="t", event_col="e", cluster_col="g")
(Efron ties, sandwich SE by cluster) on the data of cox_generate.R, the data
frame already in memory.
Run: python Benchmarks/Scripts/cox_benchmark.py [csv] [runs] [cluster|nocluster]
"nocluster" fits the same model without cluster_col (model-based SE only):
lifelines 0.30 computes the score residuals behind the sandwich in O(n^2)
(a Python loop over rows, each summing over all earlier rows), so the
clustered fit is out of reach at 1,000,000 rows.
"""
import statistics
import sys
import time

import lifelines
import pandas as pd
from lifelines import CoxPHFitter

path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/cox_benchmark.csv"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
clustered = not (len(sys.argv) > 3 and sys.argv[3] == "nocluster")
df = pd.read_csv(path)
print(f"rows {len(df)}, clusters {df['g'].nunique()}, events {int(df['e'].sum())}")
seconds = []
for run in range(1, runs + 1):
    start = time.perf_counter()
    if clustered:
        cph = CoxPHFitter().fit(df, duration_col="t", event_col="e", cluster_col="g")
    else:
        cph = CoxPHFitter().fit(df.drop(columns="g"), duration_col="t", event_col="e")
    seconds.append(time.perf_counter() - start)
    print(f"run {run}: {seconds[-1]:.3f} s")
print(f"median of {runs} runs: {statistics.median(seconds):.3f} s")
print(cph.summary[["coef", "se(coef)"]].to_string(float_format=lambda v: f"{v:.10f}"))
print(f"log-likelihood {cph.log_likelihood_:.10f}; lifelines {lifelines.__version__}, pandas {pd.__version__}")
