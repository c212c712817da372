# Reference values for Tests/EvaluationTests/Statistics/DistributionsTests.swift.
#
# Run from this folder:  Rscript generate.R   (writes expected.json)
#
# Every double is written with sprintf("%.17g") so that it round-trips exactly
# (jsonlite 1.8's toJSON stops at 15 significant digits whatever `digits` says);
# Inf, -Inf and NaN are written as the strings "Inf", "-Inf", "NaN". The file is
# checked with jsonlite::validate and read back with jsonlite::fromJSON.

library(jsonlite)

num <- function(x) {
  ifelse(is.nan(x), '"NaN"',
         ifelse(is.infinite(x), ifelse(x > 0, '"Inf"', '"-Inf"'), sprintf("%.17g", x)))
}
rows <- function(df) {
  fields <- lapply(names(df), function(n) paste0('"', n, '": ', num(as.numeric(df[[n]]))))
  body <- do.call(paste, c(fields, sep = ", "))
  paste0("[\n    {", paste(body, collapse = "},\n    {"), "}\n  ]")
}
# The root of R's own distribution function, to full precision: R's q-functions
# stop short in places (qt(1 - 1e-10, 0.5) is off by 2e-6 relative, qf(1e-12, 1, 1)
# returns 0 where the quantile is 2.47e-24), so the quantile tests compare with
# the x at which R's p-function equals p, found by uniroot on the log scale:
# ln P(X <= x) = ln p for p <= 1/2, ln P(X > x) = ln(1 - p) above.
positiveRoot <- function(p, cdf, sf, start) {
  if (p == 0) return(0)
  if (p == 1) return(Inf)
  f <- if (p <= 0.5) function(u) log(cdf(exp(u))) - log(p) else function(u) log1p(-p) - log(sf(exp(u)))
  u0 <- if (is.finite(start) && start > 0) log(start) else 0
  exp(uniroot(f, u0 + c(-0.5, 0.5), extendInt = "upX", tol = 1e-15, maxiter = 5000)$root)
}
grid <- function(...) expand.grid(..., KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)

out <- list()

# Normal -------------------------------------------------------------------
z <- c(-38.4, -38, -37.5, -37, -30, -20, -10, -8.3, -5, -3, -1.96, -1, -0.5, -1e-8, 0,
       1e-8, 0.5, 1, 1.96, 3, 5, 8.3, 10, 20, 30, 37, 37.5, 38, 38.4)
normal <- rbind(grid(x = z, mean = 0, sd = 1), grid(x = c(-70, -3, 0, 2.5, 7, 80), mean = 3, sd = 2))
normal$cdf <- pnorm(normal$x, normal$mean, normal$sd)
normal$sf <- pnorm(normal$x, normal$mean, normal$sd, lower.tail = FALSE)
normal$pdf <- dnorm(normal$x, normal$mean, normal$sd)
out$normal <- normal

probabilities <- c(1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-15, 1e-10, 1e-6, 1e-3, 0.01, 0.025,
                   0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9,
                   0.95, 0.975, 0.99, 0.999, 1 - 1e-6, 1 - 1e-10, 1 - 1e-15)
normalQ <- rbind(grid(p = probabilities, mean = 0, sd = 1), grid(p = c(0.025, 0.5, 0.975), mean = -4, sd = 3))
normalQ$q <- qnorm(normalQ$p, normalQ$mean, normalQ$sd)
out$normal_quantile <- normalQ

# Student t ----------------------------------------------------------------
dfs <- c(0.5, 1, 1.7, 2, 2.37, 3, 5, 10, 30, 100, 1e6, Inf)
tx <- c(-1e10, -1000, -40, -10, -3, -2, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 1.5, 2, 2.5, 3, 5,
        10, 40, 1000, 1e10)
tt <- grid(df = dfs, x = tx)
tt$cdf <- pt(tt$x, tt$df)
tt$sf <- pt(tt$x, tt$df, lower.tail = FALSE)
tt$pdf <- dt(tt$x, tt$df)
out$t <- tt

tq <- grid(df = dfs, p = c(1e-15, 1e-10, 1e-6, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.3, 0.4,
                           0.45, 0.5, 0.55, 0.6, 0.7, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999,
                           1 - 1e-6, 1 - 1e-10))
tq$q <- qt(tq$p, tq$df)
tq$root <- mapply(function(p, df, q) {
  if (p == 0.5) return(0)
  tail <- min(p, 1 - p)  # P(T < -x) = tail, x > 0
  f <- function(u) log(tail) - log(pt(-exp(u), df))
  x <- exp(uniroot(f, log(abs(q)) + c(-0.5, 0.5), extendInt = "upX", tol = 1e-15, maxiter = 5000)$root)
  if (p < 0.5) -x else x
}, tq$p, tq$df, tq$q)
out$t_quantile <- tq

# Noncentral t ---------------------------------------------------------------
nct <- grid(df = c(4, 5, 9, 10, 19, 29, 49, 80), ncp = c(-5, -2, -0.5, 0.5, 1, 2.5, 5, 8),
            x = c(-6, -2, -0.5, 0, 0.5, 1, 2, 4, 8, 12))
nct$cdf <- pt(nct$x, nct$df, nct$ncp)
nct$sf <- pt(nct$x, nct$df, nct$ncp, lower.tail = FALSE)
out$noncentral_t <- nct

nctq <- grid(df = c(4, 9, 29, 80), ncp = c(-2, 0.5, 2.5, 6), p = c(0.001, 0.025, 0.3, 0.5, 0.9, 0.975))
nctq$q <- qt(nctq$p, nctq$df, nctq$ncp)
out$noncentral_t_quantile <- nctq

# The noncentrality with pt(t, df, ncp) = probability (Cohen's d_z limits).
roots <- grid(df = c(2, 4, 9, 19, 29, 49, 79), t = c(-3, -0.5, 0.3, 1.5, 2.8, 6),
              probability = c(0.975, 0.025))
roots$ncp <- mapply(function(df, t, probability) {
  uniroot(function(d) pt(t, df, d) - probability, c(t - 20, t + 20), tol = 1e-12)$root
}, roots$df, roots$t, roots$probability)
out$noncentrality_root <- roots

# F ------------------------------------------------------------------------
fpairs <- data.frame(df1 = c(1, 0.5, 2, 3, 4.5, 10, 1, 2.37, 20, Inf, 7.5),
                     df2 = c(1, 3.7, 2.37, 10, 27.3, 100, 1e4, 0.8, Inf, 12, 1500))
fx <- c(1e-8, 0.01, 0.1, 0.5, 1, 2, 5, 10, 50, 1000, 1e6)
ff <- merge(fpairs, data.frame(x = fx))
ff$cdf <- pf(ff$x, ff$df1, ff$df2)
ff$sf <- pf(ff$x, ff$df1, ff$df2, lower.tail = FALSE)
out$f <- ff

fq <- merge(fpairs, data.frame(p = c(1e-12, 1e-6, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9,
                                     0.95, 0.975, 0.999, 1 - 1e-6, 1 - 1e-12)))
fq$q <- qf(fq$p, fq$df1, fq$df2)
fq$root <- mapply(function(p, df1, df2, q) {
  positiveRoot(p, function(x) pf(x, df1, df2), function(x) pf(x, df1, df2, lower.tail = FALSE), q)
}, fq$p, fq$df1, fq$df2, fq$q)
out$f_quantile <- fq

fd <- merge(fpairs[is.finite(fpairs$df1) & is.finite(fpairs$df2), ], data.frame(x = c(0.01, 0.5, 1, 3, 50)))
fd$pdf <- df(fd$x, fd$df1, fd$df2)
out$f_density <- fd

# Chi-squared ----------------------------------------------------------------
cdfs <- c(0.5, 1, 1.7, 2, 3, 5, 10, 30, 100, 200)
cc <- grid(df = cdfs, x = c(1e-10, 1e-3, 0.1, 0.5, 1, 2, 5, 10, 30, 100, 300, 1000, 1400))
cc$cdf <- pchisq(cc$x, cc$df)
cc$sf <- pchisq(cc$x, cc$df, lower.tail = FALSE)
cc$pdf <- dchisq(cc$x, cc$df)
out$chi_squared <- cc

cq <- grid(df = cdfs, p = c(1e-15, 1e-10, 1e-6, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7,
                            0.9, 0.95, 0.975, 0.99, 0.999, 1 - 1e-6, 1 - 1e-10, 1 - 1e-15))
cq$q <- qchisq(cq$p, cq$df)
cq$root <- mapply(function(p, df, q) {
  positiveRoot(p, function(x) pchisq(x, df), function(x) pchisq(x, df, lower.tail = FALSE), q)
}, cq$p, cq$df, cq$q)
out$chi_squared_quantile <- cq

# Binomial -------------------------------------------------------------------
bpairs <- data.frame(n = c(0, 1, 10, 20, 50, 100, 1000, 1000, 5000),
                     prob = c(0.3, 0.5, 0.3, 0.05, 0.5, 0.01, 0.3, 0.999, 0.5))
bb <- do.call(rbind, lapply(seq_len(nrow(bpairs)), function(i) {
  n <- bpairs$n[i]
  k <- if (n <= 100) -1:(n + 1) else unique(round(c(-1, seq(0, n, length.out = 41), n * bpairs$prob[i] + (-20:20))))
  data.frame(n = n, prob = bpairs$prob[i], k = k)
}))
bb$pmf <- dbinom(bb$k, bb$n, bb$prob)
bb$cdf <- pbinom(bb$k, bb$n, bb$prob)
bb$sf <- pbinom(bb$k, bb$n, bb$prob, lower.tail = FALSE)
out$binomial <- bb

bq <- merge(bpairs, data.frame(p = c(0, 1e-12, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975,
                                     0.999, 1 - 1e-12, 1)))
bq$q <- qbinom(bq$p, bq$n, bq$prob)
out$binomial_quantile <- bq

# Signed rank ----------------------------------------------------------------
sr <- do.call(rbind, lapply(c(1:60, 100, 300), function(n) {
  m <- n * (n + 1) / 2
  v <- if (m <= 60) -1:(m + 1) else sort(unique(round(c(-1, 0, 1, 2, seq(0, m, length.out = 31), m - 1, m, m + 1))))
  data.frame(n = n, v = v)
}))
sr$pmf <- dsignrank(sr$v, sr$n)
sr$cdf <- psignrank(sr$v, sr$n)
sr$sf <- psignrank(sr$v, sr$n, lower.tail = FALSE)
out$signed_rank <- sr

# Write ------------------------------------------------------------------------
json <- paste0(
  "{\n",
  '  "r_version": "', R.version.string, '",\n',
  '  "generated_by": "generate.R",\n',
  paste0('  "', names(out), '": ', vapply(out, rows, ""), collapse = ",\n"),
  "\n}\n")
stopifnot(validate(json))
writeLines(json, "expected.json")
back <- fromJSON("expected.json")
stopifnot(nrow(back$t) == nrow(out$t))
cat("wrote expected.json with", length(out), "tables using", R.version.string, "\n")
