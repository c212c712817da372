# Reference values for Proportion (Wilson, Clopper–Pearson) and RiskDifference (Newcombe).
# Run from this folder: Rscript generate.R   (writes expected.json)
library(jsonlite)

# Wilson score interval as prop.test(x, n, correct = FALSE)$conf.int;
# Clopper–Pearson as binom.test(x, n)$conf.int. n = 0 is undefined (both error in R).
wilson <- function(x, n, level = 0.95) prop.test(x, n, conf.level = level, correct = FALSE)$conf.int[1:2]
clopper <- function(x, n, level = 0.95) binom.test(x, n, conf.level = level)$conf.int[1:2]

grid <- expand.grid(x = 0:12, n = c(1, 2, 3, 5, 12))
grid <- grid[grid$x <= grid$n, ]
grid <- rbind(grid, data.frame(
  x = c(0, 1, 99, 137, 46, 18, 0, 5000, 1, 9999),
  n = c(137, 137, 137, 137, 105, 35, 10000, 10000, 10000, 10000)))
levels <- c(0.95, 0.90, 0.99)
cases <- list()
for (level in levels) for (i in seq_len(nrow(grid))) {
  x <- grid$x[i]; n <- grid$n[i]
  if (level != 0.95 && n > 12) next
  w <- suppressWarnings(wilson(x, n, level)); cp <- clopper(x, n, level)
  cases[[length(cases) + 1]] <- list(successes = x, trials = n, level = level,
    wilson_lower = w[1], wilson_upper = w[2], clopper_lower = cp[1], clopper_upper = cp[2])
}

# Newcombe (1998) method 10, hybrid score interval for θ = p_a − p_b built from
# the uncorrected Wilson limits (l, u) of each proportion:
#   L = θ − sqrt((p_a − l_a)² + (u_b − p_b)²),  U = θ + sqrt((u_a − p_a)² + (p_b − l_b)²).
newcombe <- function(xa, na, xb, nb, level = 0.95) {
  wa <- suppressWarnings(wilson(xa, na, level)); wb <- suppressWarnings(wilson(xb, nb, level))
  pa <- xa / na; pb <- xb / nb; d <- pa - pb
  c(d, d - sqrt((pa - wa[1])^2 + (wb[2] - pb)^2), d + sqrt((wa[2] - pa)^2 + (pb - wb[1])^2))
}
# Newcombe (1998), Table II, examples (a)–(h), method 10 to 4 decimals.
published <- rbind(
  c(56, 70, 48, 80, 0.0524, 0.3339), c(9, 10, 3, 10, 0.1705, 0.8090),
  c(6, 7, 2, 7, 0.0582, 0.8062), c(5, 56, 0, 29, -0.0381, 0.1926),
  c(0, 10, 0, 20, -0.1611, 0.2775), c(0, 10, 0, 10, -0.2775, 0.2775),
  c(10, 10, 0, 20, 0.6791, 1.0000), c(10, 10, 0, 10, 0.6075, 1.0000))
diffs <- list()
for (i in seq_len(nrow(published))) {
  r <- published[i, ]
  v <- newcombe(r[1], r[2], r[3], r[4])
  stopifnot(abs(round(v[2], 4) - r[5]) < 1e-9, abs(round(v[3], 4) - r[6]) < 1e-9)
  # comparison = a, reference = b: estimate p_a − p_b
  diffs[[length(diffs) + 1]] <- list(comparison_successes = r[1], comparison_trials = r[2],
    reference_successes = r[3], reference_trials = r[4], level = 0.95,
    estimate = v[1], lower = v[2], upper = v[3], published_lower = r[5], published_upper = r[6])
}
more <- rbind(c(18, 35, 28, 102), c(46, 105, 30, 60), c(1, 3, 2, 2), c(0, 1, 1, 1), c(99, 137, 60, 80))
for (level in c(0.95, 0.9)) for (i in seq_len(nrow(more))) {
  r <- more[i, ]; v <- newcombe(r[1], r[2], r[3], r[4], level)
  diffs[[length(diffs) + 1]] <- list(comparison_successes = r[1], comparison_trials = r[2],
    reference_successes = r[3], reference_trials = r[4], level = level,
    estimate = v[1], lower = v[2], upper = v[3], published_lower = NA, published_upper = NA)
}

write_json(list(r_version = R.version.string, proportions = cases, differences = diffs),
  "expected.json", digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE)
