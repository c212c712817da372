# Writes the benchmark data for "Cox regression with clustered SE":
# 1,000,000 rows in 8,000 clusters (groups), integer-day times (many ties),
# a binary group-level covariate z, individual covariates x1, x2 (normal) and
# x3 (binary), a gamma frailty per group so that clustering matters, and
# uniform administrative censoring. Fixed seed: the file is the same on every run.
# Run: Rscript Benchmarks/Scripts/cox_generate.R [out.csv]  (default /tmp/cox_benchmark.csv)
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "/tmp/cox_benchmark.csv"
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(20240611)
n <- 1000000L
groups <- 8000L
g <- sort(sample.int(groups, n, replace = TRUE))
z_group <- rbinom(groups, 1, 0.5)
frailty <- rgamma(groups, shape = 2, rate = 2)          # mean 1, variance 0.5
z <- z_group[g]
x1 <- round(rnorm(n), 4)
x2 <- round(rnorm(n), 4)
x3 <- rbinom(n, 1, 0.3)
rate <- 0.002 * exp(-0.3 * z + 0.5 * x1 - 0.25 * x2 + 0.4 * x3) * frailty[g]
event_time <- ceiling(rexp(n, rate))
censor_time <- sample.int(730L, n, replace = TRUE)
t <- pmin(event_time, censor_time)
e <- as.integer(event_time <= censor_time)
write.csv(data.frame(t = t, e = e, g = g, z = z, x1 = x1, x2 = x2, x3 = x3), out, row.names = FALSE)
cat(sprintf("wrote %s: %d rows, %d groups, %d events, %d distinct times\n",
            out, n, length(unique(g)), sum(e), length(unique(t))))
