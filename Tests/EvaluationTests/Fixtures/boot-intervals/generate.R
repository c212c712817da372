# Reference intervals for BootstrapIntervals: boot::boot.ci(type = c("perc", "bca")).
#
# Run from this folder:  Rscript generate.R   (writes expected.json)
#
# R's random stream is not ours, so each case records R's own replicates t
# (boot(), set.seed below), the estimate t0, the jackknife values theta_(i)
# (the statistic with unit i left out), and boot.ci's percentile and BCa
# intervals, BCa with Efron & Tibshirani's jackknife influence values
# L = (n - 1) * (mean(theta_(i)) - theta_(i)) (boot's default would estimate L
# by regression on the replicates). The Swift test feeds t, t0 and the
# jackknife values to the interval code and compares the ends.
# R = 1999 makes (R + 1) * alpha an integer (no interpolation) for 0.95;
# R = 1000 and 0.90 exercise boot's normal-scale interpolation (norm.inter).
suppressPackageStartupMessages({ library(boot); library(jsonlite) })

make_case <- function(name, data, statistic, R, conf, seed) {
  set.seed(seed)
  b <- boot(data, statistic, R = R)
  n <- NROW(data)
  jack <- vapply(seq_len(n), function(i) statistic(data, seq_len(n)[-i]), numeric(1))
  L <- (n - 1) * (mean(jack) - jack)
  ci <- boot.ci(b, conf = conf, type = c("perc", "bca"), L = L)
  list(name = name, replicates = R, level = conf, estimate = b$t0, t = I(as.vector(b$t)),
       jackknife = I(jack), data = if (is.data.frame(data)) lapply(data, I) else list(x = I(data)),
       percentile = I(ci$percent[4:5]), bca = I(ci$bca[4:5]),
       bias_correction = qnorm(sum(b$t < b$t0) / R),
       acceleration = sum(L^3) / (6 * sum(L^2)^1.5))
}

mean_stat <- function(x, i) mean(x[i])
ratio_stat <- function(d, i) sum(d[i, "x"]) / sum(d[i, "u"])

cases <- list(
  # Air-conditioning failure times (Proschan 1963), n = 12, skewed: the mean.
  make_case("aircondit_mean_1999", boot::aircondit$hours, mean_stat, 1999, 0.95, 1),
  make_case("aircondit_mean_1000_90", boot::aircondit$hours, mean_stat, 1000, 0.90, 2),
  # US city populations 1920/1930 (bigcity, n = 49): ratio of totals.
  make_case("bigcity_ratio_1000", boot::bigcity, ratio_stat, 1000, 0.95, 3)
)
write_json(list(r_version = R.version.string, boot_version = as.character(packageVersion("boot")),
                cases = cases), "expected.json", digits = NA, auto_unbox = TRUE)
for (cs in cases) cat(sprintf("%-24s perc [%.6f, %.6f]  bca [%.6f, %.6f]  z0 %.4f a %.4f\n", cs$name,
                              cs$percentile[1], cs$percentile[2], cs$bca[1], cs$bca[2],
                              cs$bias_correction, cs$acceleration))
