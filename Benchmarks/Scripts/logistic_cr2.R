# Logistic regression with CR2 standard errors and Satterthwaite degrees of
# freedom for every coefficient, in R (glm + clubSandwich), on the CSV written
# by `swift run -c release RegressionBenchmark`.
#
#   OPENBLAS_NUM_THREADS=1 Rscript Scripts/logistic_cr2.R data/logistic-cr2-100000-800.csv 3 [vcov-only]
#
# With "vcov-only" the Satterthwaite step is left out (glm + vcovCR only):
# clubSandwich's Satterthwaite df builds a G x G x p array (get_P_array), which
# for 8,000 clusters and 21 coefficients is 10.7 GB before copies.
#
# Reading the CSV is not timed. Each run times glm() followed by
# clubSandwich::coef_test(fit, vcov = "CR2", cluster = d$cluster,
# test = "Satterthwaite") and conf_int(...) on the same vcov object.
suppressPackageStartupMessages(library(clubSandwich))

args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
runs <- if (length(args) >= 2) as.integer(args[2]) else 3L
vcovOnly <- length(args) >= 3 && args[3] == "vcov-only"

d <- read.csv(path)
covariates <- grep("^x", names(d), value = TRUE)
f <- as.formula(paste("y ~", paste(covariates, collapse = " + ")))
cat(sprintf("%s: %d rows, %d clusters, %d covariates + intercept\n",
            R.version.string, nrow(d), length(unique(d$cluster)), length(covariates)))

times <- numeric(runs)
for (r in seq_len(runs)) {
  gc()
  t <- system.time({
    fit <- glm(f, family = binomial(), data = d)
    v <- vcovCR(fit, cluster = d$cluster, type = "CR2")
    if (!vcovOnly) {
      ct <- coef_test(fit, vcov = v, test = "Satterthwaite")
      ci <- conf_int(fit, vcov = v, test = "Satterthwaite")
    }
  })[["elapsed"]]
  times[r] <- t
  cat(sprintf("run %d: %.2f s\n", r, t))
}
cat(sprintf("median of %d runs: %.2f s\n", runs, median(times)))
if (!vcovOnly) print(head(ct, 4)) else print(head(sqrt(diag(v)), 4))
