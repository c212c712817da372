# Reference values for CoxRegression: coxph() (Newton-Raphson, coxph.control()
# defaults) with Efron and Breslow ties, model-based and cluster-robust
# covariance, on survival::lung, survival::veteran and small edge cases.
# Run: Rscript generate.R  (writes expected.json here; inputs are embedded).
library(survival)
library(jsonlite)

v <- function(x) I(unname(as.vector(x)))   # keep length-1 vectors as arrays
rows <- function(m) lapply(seq_len(nrow(m)), function(i) v(m[i, ]))

cox_case <- function(name, formula, data, ties = "efron", cluster = NULL, iter.max = 20) {
  warnings <- character(0)
  if (!is.null(cluster)) data$cluster_id <- data[[cluster]]
  fit <- withCallingHandlers(
    if (is.null(cluster)) coxph(formula, data = data, ties = ties, x = TRUE, control = coxph.control(iter.max = iter.max))
    else coxph(formula, data = data, ties = ties, x = TRUE, cluster = cluster_id,
               control = coxph.control(iter.max = iter.max)),
    warning = function(w) { warnings <<- c(warnings, conditionMessage(w)); invokeRestart("muffleWarning") })
  x <- fit$x
  y <- fit$y
  s <- summary(fit)
  out <- list(
    name = name, ties = ties, iter_max = iter.max,
    input = list(time = v(y[, 1]), event = v(y[, 2]), x = rows(x),
                 cluster = if (is.null(cluster)) v(character(0)) else v(as.character(data[[cluster]]))),
    columns = v(colnames(x)),
    coefficients = v(fit$coefficients), var = rows(fit$var),
    naive_var = if (is.null(fit$naive.var)) list() else rows(fit$naive.var),
    loglik = v(fit$loglik), score = fit$score, wald = unname(fit$wald.test),
    rscore = if (is.null(fit$rscore)) NA else fit$rscore,
    iter = fit$iter, nevent = fit$nevent,
    table = lapply(seq_len(nrow(s$coefficients)), function(i) v(s$coefficients[i, ])),
    table_columns = v(colnames(s$coefficients)),
    conf_int = rows(s$conf.int[, c("lower .95", "upper .95"), drop = FALSE]),
    logtest = v(s$logtest), sctest = v(s$sctest), waldtest = v(s$waldtest),
    robscore = if (is.null(s$robscore)) v(c(NA, NA, NA)) else v(s$robscore),
    warnings = v(warnings)
  )
  out
}

lung <- survival::lung
lung$event <- as.integer(lung$status == 2)
lung_inst <- lung[!is.na(lung$inst), ]          # cluster = inst: drop the row without inst
vet <- survival::veteran

# Small edge cases (unsorted, with ties).
all_events <- data.frame(t = c(5, 3, 9, 1, 7, 3, 4, 8), e = 1, x = c(0.5, 1.2, -0.3, 2.0, 0.1, 0.7, 1.1, -1.0))
one_event <- data.frame(t = c(4, 2, 8, 6, 10, 3, 7), e = c(0, 0, 0, 0, 0, 1, 0), x = c(0.5, 1.2, 0.8, 2.0, 0.1, 0.7, -0.4))
all_tied <- data.frame(t = rep(3, 6), e = c(1, 1, 0, 1, 0, 1), x = c(1, 2, 3, 4, 5, 7))
monotone <- data.frame(t = 1:8, e = c(1, 1, 1, 0, 1, 0, 1, 0), x = c(1, 1, 1, 1, 0, 0, 0, 0))
constant <- data.frame(t = c(1, 2, 3, 4, 5, 6, 7), e = c(1, 1, 0, 1, 0, 1, 1), x = c(3, 1, 4, 1, 5, 9, 2), z = 1)
singletons <- transform(vet[seq(1, 137, by = 3), ], id = seq(1, 137, by = 3))

cases <- list(
  cox_case("lung efron", Surv(time, event) ~ age + sex, lung),
  cox_case("lung breslow", Surv(time, event) ~ age + sex, lung, ties = "breslow"),
  cox_case("lung cluster inst efron", Surv(time, event) ~ age + sex, lung_inst, cluster = "inst"),
  cox_case("lung cluster inst breslow", Surv(time, event) ~ age + sex + ph.karno, lung_inst[!is.na(lung_inst$ph.karno), ],
           ties = "breslow", cluster = "inst"),
  cox_case("veteran efron", Surv(time, status) ~ trt + karno + celltype, vet),
  cox_case("veteran breslow", Surv(time, status) ~ trt + karno + celltype, vet, ties = "breslow"),
  cox_case("veteran few clusters", Surv(time, status) ~ trt + karno + age, vet, cluster = "celltype"),
  cox_case("clusters of size one", Surv(time, status) ~ trt + karno, singletons, cluster = "id"),
  cox_case("all events", Surv(t, e) ~ x, all_events),
  cox_case("one event", Surv(t, e) ~ x, one_event),
  cox_case("all tied times", Surv(t, e) ~ x, all_tied),
  cox_case("all tied times breslow", Surv(t, e) ~ x, all_tied, ties = "breslow"),
  cox_case("monotone likelihood", Surv(t, e) ~ x, monotone),
  cox_case("iteration limit", Surv(time, status) ~ trt + karno + celltype, vet, iter.max = 2)
)

# A constant covariate: R reports its coefficient as NA (we throw).
const_fit <- coxph(Surv(t, e) ~ x + z, data = constant)

write_json(list(
  r_version = R.version.string,
  survival_version = as.character(packageVersion("survival")),
  cases = cases,
  constant_covariate = list(input = list(time = v(constant$t), event = v(constant$e),
                                         x = rows(cbind(constant$x, constant$z))),
                            coefficients = v(coef(const_fit)))
), "expected.json", digits = NA, auto_unbox = TRUE, na = "string", pretty = FALSE)
