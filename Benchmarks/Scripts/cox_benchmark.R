# R side of "Cox regression with clustered SE": times
#   coxph(Surv(t, e) ~ z + x1 + x2 + x3, data = d, cluster = g)   (Efron ties)
# on the data of cox_generate.R, the data frame already in memory.
# Run: Rscript Benchmarks/Scripts/cox_benchmark.R [csv] [runs] [cluster|nocluster]
# "nocluster" times the same model without cluster = g (model-based SE only):
# in survival 3.5-3 the robust part (residuals.coxph, score residuals) is
# O(n^2), so it dominates at 1,000,000 rows.
library(survival)
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "/tmp/cox_benchmark.csv"
runs <- if (length(args) >= 2) as.integer(args[2]) else 3L
clustered <- !(length(args) >= 3 && args[3] == "nocluster")
d <- read.csv(path)
cat(sprintf("rows %d, clusters %d, events %d\n", nrow(d), length(unique(d$g)), sum(d$e)))
seconds <- numeric(runs)
for (r in seq_len(runs)) {
  seconds[r] <- system.time(
    fit <- if (clustered) coxph(Surv(t, e) ~ z + x1 + x2 + x3, data = d, cluster = g)
           else coxph(Surv(t, e) ~ z + x1 + x2 + x3, data = d)
  )[["elapsed"]]
  cat(sprintf("run %d: %.3f s\n", r, seconds[r]))
}
cat(sprintf("median of %d runs: %.3f s\n", runs, median(seconds)))
cat(sprintf("iterations %d, loglik %.10f -> %.10f\n", fit$iter, fit$loglik[1], fit$loglik[2]))
tab <- if (clustered) cbind(coef = coef(fit), se = sqrt(diag(fit$naive.var)), robust_se = sqrt(diag(fit$var))) else
  cbind(coef = coef(fit), se = sqrt(diag(fit$var)))
print(tab, digits = 11)
cat(R.version.string, "survival", as.character(packageVersion("survival")), "\n")
