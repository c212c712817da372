# Times lme4::lmer(y ~ x1 + x2 + x3 + (1 | g), REML = TRUE) on the CSV written
# by MixedModelBenchmark (reading the file is not timed).
#
#   OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 Rscript Scripts/mixed_lmer.R \
#       data/mixed-1000000-8000.csv [runs = 3]
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "data/mixed-1000000-8000.csv"
runs <- if (length(args) >= 2) as.integer(args[2]) else 3L
d <- read.csv(path, colClasses = c("integer", "numeric", "numeric", "numeric", "numeric"))
d$g <- factor(d$g)
times <- numeric(runs)
for (r in seq_len(runs)) {
  gc()
  times[r] <- system.time(fit <- lmer(y ~ x1 + x2 + x3 + (1 | g), data = d, REML = TRUE))[["elapsed"]]
  cat(sprintf("run %d: %.3f s\n", r, times[r]))
}
cat(sprintf("rows %d, groups %d, lme4 %s, %s\n", nrow(d), nlevels(d$g),
            packageVersion("lme4"), R.version.string))
se <- sqrt(diag(as.matrix(vcov(fit))))
for (k in seq_along(fixef(fit))) {
  cat(sprintf("%-12s % .9f  SE %.9f\n", names(fixef(fit))[k], fixef(fit)[k], se[k]))
}
vg <- as.numeric(VarCorr(fit)$g)
cat(sprintf("theta %.10f  sd_group %.9f  sd_residual %.9f  ICC %.9f\n",
            getME(fit, "theta"), sqrt(vg), sigma(fit), vg / (vg + sigma(fit)^2)))
cat(sprintf("REML criterion %.6f\n", REMLcrit(fit)))
cat(sprintf("R lmer median of %d: %.3f s\n", runs, median(times)))
