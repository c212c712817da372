# Reference values for WilcoxonSignedRankTest (paired, change = end − baseline),
# as wilcox.test(end, baseline, paired = TRUE) with its defaults (exact = NULL, correct = TRUE).
# Run from this folder: Rscript generate.R   (writes expected.json)
# Data: datasets::sleep (zeros and ties: normal approximation), datasets::PlantGrowth
# (treatment minus control by position: exact, no ties), constructed cases.
library(jsonlite)

# Zeros and ties are detected on the differences rounded to 1e-9 (the engine's rule), so the
# reference is wilcox.test on round(end - baseline, 9); on every case but the one marked
# `rounding_matters` this is identical to R's paired call on the raw values, which is checked.
case <- function(name, baseline, end, rounding_matters = FALSE) {
  raw <- suppressWarnings(wilcox.test(end, baseline, paired = TRUE))
  d <- round(end - baseline, 9)
  r <- suppressWarnings(wilcox.test(d))
  same <- identical(raw$p.value, r$p.value) || (is.na(raw$p.value) && is.na(r$p.value))
  stopifnot(same != rounding_matters)
  list(name = name, baseline = I(baseline), end = I(end), v = unname(r$statistic), p = r$p.value,
    exact = grepl("exact", r$method), n = sum(d != 0), zeros = sum(d == 0),
    ties = anyDuplicated(abs(d[d != 0])) > 0, p_raw_differences = raw$p.value)
}
sb <- sleep$extra[sleep$group == 1][order(sleep$ID[sleep$group == 1])]
se <- sleep$extra[sleep$group == 2][order(sleep$ID[sleep$group == 2])]
pg <- split(PlantGrowth$weight, PlantGrowth$group)
set.seed(20240611)
b60 <- round(rnorm(60, 50, 10), 4); e60 <- round(b60 + rnorm(60, 1.5, 4), 4)
b49 <- b60[1:49]; e49 <- e60[1:49]
b50 <- b60[1:50]; e50 <- e60[1:50]
cases <- list(
  case("sleep (zero and ties)", sb, se),
  case("PlantGrowth trt2 - ctrl (exact)", pg$ctrl, pg$trt2),
  case("PlantGrowth trt1 - ctrl (exact)", pg$ctrl, pg$trt1),
  case("n = 49 without ties (exact)", b49, e49),
  case("n = 50 without ties (normal)", b50, e50),
  case("n = 60 without ties (normal)", b60, e60),
  case("ties without zeros (normal)", c(10, 12, 9, 14, 11, 10), c(12, 14, 8, 17, 10, 13)),
  case("one pair", 3, 5),
  case("one pair and a zero", c(3, 4), c(5, 4)),
  case("two equal differences", c(1, 2), c(3, 4)),
  case("all differences zero", c(1, 2, 3), c(1, 2, 3)),
  case("differences equal in binary", c(-0.2, -1.2, 0), c(1.1, 0.1, 2)),
  case("differences equal after rounding", c(0.1, 0, 5, 1), c(0.3, 0.2, 1, 4), rounding_matters = TRUE),
  case("statistic at the centre", c(0, 0, 0, 0), c(1, -2, -3, 4)),
  case("all negative, exact", c(5, 6, 7, 8, 9), c(4, 4, 3, 1, 0.5)))
stopifnot(!cases[[5]]$exact, cases[[4]]$exact, !cases[[4]]$ties, !cases[[5]]$ties)

write_json(list(r_version = R.version.string, cases = cases),
  "expected.json", digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE)
