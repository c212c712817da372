# Reference values for CohensDz and HedgesGav (paired designs, change = end − baseline).
# Run from this folder: Rscript generate.R   (writes expected.json)
# d_z = mean(change) / sd(change); its 95% CI inverts the noncentral t distribution of
# t = d_z·√n (df = n − 1): the ncp δ with pt(t, df, δ) = 0.975 and 0.025, divided by √n
# (as MBESS::ci.sm, computed here with uniroot on pt).
# g_av = mean(change) / ((sd_baseline + sd_end) / 2) × (1 − 3 / (8n − 9))  (Lakens 2013);
# its CI = the d_z limits × g_av / d_z.
# Data: datasets::sleep, datasets::PlantGrowth (treatment vs control by position),
# datasets::ChickWeight (weight at day 0 and day 21, chicks weighed on both days).
library(jsonlite)

# pt warns about precision far from the root while uniroot brackets it; at the root
# itself it must not (checked), and must hit p to 1e-12.
ncp_for <- function(p, t, df) {
  root <- suppressWarnings(uniroot(function(d) pt(t, df, ncp = d) - p,
    lower = t - 10, upper = t + 10, extendInt = "yes", tol = 1e-13, maxiter = 10000)$root)
  stopifnot(abs(pt(t, df, ncp = root) - p) < 1e-12)
  root
}

effect <- function(name, baseline, end) {
  d <- end - baseline; n <- length(d)
  dz <- mean(d) / sd(d); t <- dz * sqrt(n)
  lo <- ncp_for(0.975, t, n - 1) / sqrt(n); hi <- ncp_for(0.025, t, n - 1) / sqrt(n)
  gav <- mean(d) / ((sd(baseline) + sd(end)) / 2) * (1 - 3 / (8 * n - 9))
  list(name = name, baseline = I(baseline), end = I(end), n = n, dz = dz, dz_lower = lo, dz_upper = hi,
    gav = gav, gav_lower = lo * gav / dz, gav_upper = hi * gav / dz)
}
sb <- sleep$extra[sleep$group == 1][order(sleep$ID[sleep$group == 1])]
se <- sleep$extra[sleep$group == 2][order(sleep$ID[sleep$group == 2])]
pg <- split(PlantGrowth$weight, PlantGrowth$group)
cw <- reshape(ChickWeight[ChickWeight$Time %in% c(0, 21), c("Chick", "Time", "weight")],
  idvar = "Chick", timevar = "Time", direction = "wide")
cw <- cw[complete.cases(cw), ]
cw <- cw[order(as.integer(as.character(cw$Chick))), ]
cases <- list(
  effect("sleep", sb, se),
  effect("PlantGrowth trt1 vs ctrl", pg$ctrl, pg$trt1),
  effect("PlantGrowth trt2 vs ctrl", pg$ctrl, pg$trt2),
  effect("ChickWeight day 0 to 21", cw$weight.0, cw$weight.21),
  effect("ChickWeight day 21 to 0", cw$weight.21, cw$weight.0),
  effect("three pairs", c(10, 12, 15), c(11, 15, 15.5)))

write_json(list(r_version = R.version.string, cases = cases),
  "expected.json", digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE)
