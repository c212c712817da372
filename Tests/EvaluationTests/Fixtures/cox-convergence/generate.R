# Reference values for the Cox convergence test: survival::ovarian (Edmonson
# et al. 1979; 26 patients, 12 deaths, no tied times), time futime, event
# fustat, one binary covariate rx == 2. coxph fitted to full convergence
# (coxph.control(eps = 1e-12, iter.max = 100); toler.chol below eps, as
# coxph.control asks, only so that it does not warn); its score test at beta = 0,
# which with one binary covariate and no ties is the log-rank statistic
# (survdiff's chisq, also recorded).
# Run: Rscript generate.R  (writes expected.json here; the data are embedded in it).
library(survival)

v <- function(x) I(unname(as.vector(x)))
d <- ovarian[order(ovarian$futime), ]
stopifnot(anyDuplicated(d$futime) == 0)
d$x <- as.numeric(d$rx == 2)
fit <- coxph(Surv(futime, fustat) ~ x, data = d, control = coxph.control(eps = 1e-12, iter.max = 100, toler.chol = 1e-14))
logrank <- survdiff(Surv(futime, fustat) ~ x, data = d)

# Doubles as sprintf("%.17g"), which round-trips (jsonlite stops at 15 digits).
num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
one <- function(x) sprintf("%.17g", unname(x))
writeLines(c(
  "{",
  sprintf('  "r_version": "%s",', R.version.string),
  sprintf('  "survival_version": "%s",', as.character(packageVersion("survival"))),
  sprintf('  "call": "%s",', "coxph(Surv(futime, fustat) ~ I(rx == 2), ovarian, control = coxph.control(eps = 1e-12, iter.max = 100, toler.chol = 1e-14))"),
  sprintf('  "time": %s,', num(d$futime)),
  sprintf('  "event": %s,', num(d$fustat)),
  sprintf('  "x": %s,', num(d$x)),
  sprintf('  "coefficient": %s,', one(coef(fit))),
  sprintf('  "se": %s,', one(sqrt(fit$var[1, 1]))),
  sprintf('  "loglik": %s,', num(fit$loglik)),
  sprintf('  "score": %s,', one(fit$score)),
  sprintf('  "iter": %d,', fit$iter),
  sprintf('  "logrank": %s', one(logrank$chisq)),
  "}"), "expected.json")
stopifnot(jsonlite::validate(paste(readLines("expected.json"), collapse = "\n")))
