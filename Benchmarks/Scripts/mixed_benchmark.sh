#!/bin/sh
# Random-intercept model (REML): Swift, R lme4 and Python statsmodels on the
# same generated data, one after the other in one session, each on one core.
#
#   cd Benchmarks && sh Scripts/mixed_benchmark.sh [rows] [groups] [runs]
set -eu
rows=${1:-1000000}
groups=${2:-8000}
runs=${3:-3}
csv="data/mixed-$rows-$groups.csv"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
swift run -c release MixedModelBenchmark --rows "$rows" --groups "$groups" --runs "$runs" --csv "$csv"
Rscript Scripts/mixed_lmer.R "$csv" "$runs"
python3 Scripts/mixed_statsmodels.py "$csv" "$runs"
