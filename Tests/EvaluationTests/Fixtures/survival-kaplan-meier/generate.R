# Reference values for KaplanMeier: survfit(Surv(time, status) ~ 1) with its
# defaults (Greenwood, conf.type = "log", 95%), print()'s median (survmean),
# quantile() and summary(times = ...), on survival::lung, survival::veteran and
# small edge cases. Run: Rscript generate.R  (writes expected.json here).
library(survival)
library(jsonlite)

# Vectors stay JSON arrays even when of length 1 (I() is exempt from auto_unbox).
v <- function(x) I(unname(as.vector(x)))

km_case <- function(name, time, status, times) {
  fit <- survfit(Surv(time, status) ~ 1)
  tab <- summary(fit)$table
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  s <- summary(fit, times = times, extend = FALSE)
  list(
    name = name,
    input = list(time = v(time), event = v(as.integer(status == 1))),
    time = v(fit$time), n_risk = v(fit$n.risk), n_event = v(fit$n.event), n_censor = v(fit$n.censor),
    surv = v(fit$surv), std_err = v(fit$std.err), lower = v(fit$lower), upper = v(fit$upper),
    print_median = v(tab[c("median", "0.95LCL", "0.95UCL")]),
    quantile_probs = v(c(0.25, 0.5, 0.75)),
    quantile = v(q$quantile), quantile_lower = v(q$lower), quantile_upper = v(q$upper),
    at_times = v(times),
    summary = list(time = v(s$time), surv = v(s$surv), std_err = v(s$std.err), lower = v(s$lower),
                   upper = v(s$upper), n_risk = v(s$n.risk), n_event = v(s$n.event), n_censor = v(s$n.censor))
  )
}

lung <- survival::lung
vet <- survival::veteran
cases <- list(
  km_case("lung", lung$time, as.integer(lung$status == 2), c(0, 30.4375, 91.3125, 182.625, 365.25, 730.5, 1022)),
  km_case("veteran", vet$time, vet$status, c(1, 30, 100, 182.625, 365.25, 999)),
  km_case("all events", c(5, 3, 9, 1, 7, 3), rep(1, 6), c(0, 2, 3, 8, 9)),
  km_case("no events", c(4, 2, 8, 6), rep(0, 4), c(1, 4, 8)),
  km_case("one event", c(4, 2, 8, 6, 10), c(0, 0, 1, 0, 0), c(3, 8, 9, 10)),
  km_case("all tied", rep(5, 5), c(1, 0, 1, 1, 0), c(0, 4, 5)),
  km_case("n = 1", 3, 1, c(1, 3)),
  km_case("times of 0", c(0, 0, 0, 1, 2, 2, 4, 5), c(1, 0, 1, 1, 0, 1, 1, 0), c(0, 1, 3, 5)),
  km_case("flat half to the end", c(1, 2, 3, 4), c(1, 1, 0, 0), c(1, 2.5, 4)),
  km_case("flat half then drop", c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 0, 1, 1, 0), c(4, 4.5, 8)),
  km_case("median band crossings", c(2, 3, 3, 5, 6, 8, 8, 9, 11, 12, 14, 15, 17, 20, 22, 25),
          c(1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1), c(5, 10, 25))
)

write_json(list(
  r_version = R.version.string,
  survival_version = as.character(packageVersion("survival")),
  cases = cases
), "expected.json", digits = NA, auto_unbox = TRUE, na = "string", pretty = FALSE)
