# The analyses of `evalrun compare` (METHODS §5 "Comparisons" and its settled
# details), written with R's own functions, for the compare fixtures. Sourced by
# generate.R here and by ../compare-achievement-awards/generate.R.
#
# analyse(d, outcome, kind, levels, covariates) takes one outcome's rows:
#   d$group   cluster label,   d$level  the compared level (character),
#   d$y       the outcome (0/1, a number, or days for "survival" with d$event 0/1),
#   covariate columns already numeric (dummies built by the caller),
#   levels    level names, reference first,
#   covariates named character vector: the term as evalrun names it -> column of d.
# and returns the outcome's element of `compare --json` (the keys of METHODS §6)
# plus `mixed_default`, lmer with its default optimiser.
suppressPackageStartupMessages({
  library(survival)
  library(sandwich)
  library(clubSandwich)
  library(lme4)
  library(jsonlite)
})

# lmer with tolerances near machine precision, so that the comparison tests the
# REML criterion and not the optimiser's stopping rule (as the lmer fixture).
tight <- lmerControl(
  optimizer = "nloptwrap",
  optCtrl = list(xtol_abs = 1e-14, ftol_abs = 1e-16, xtol_rel = 1e-14,
                 ftol_rel = 1e-16, maxeval = 100000),
  check.conv.singular = "ignore"
)

# Wilson score interval (prop.test(x, n, correct = FALSE)$conf.int, written out).
wilson <- function(x, n, z = qnorm(0.975)) {
  p <- x / n
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)) / (1 + z^2 / n)
  c(centre - half, centre + half)
}

# Newcombe (1998) method 10, hybrid score interval for p1 - p0.
newcombe <- function(y1, y0) {
  p1 <- mean(y1); p0 <- mean(y0)
  w1 <- wilson(sum(y1), length(y1)); w0 <- wilson(sum(y0), length(y0))
  stopifnot(isTRUE(all.equal(w1, as.vector(prop.test(sum(y1), length(y1), correct = FALSE)$conf.int))))
  d <- p1 - p0
  list(estimate = d,
       ci_low = d - sqrt((p1 - w1[1])^2 + (w0[2] - p0)^2),
       ci_high = d + sqrt((w1[2] - p1)^2 + (p0 - w0[1])^2))
}

km_median <- function(time, event) {
  m <- unname(summary(survfit(Surv(time, event) ~ 1))$table["median"])
  if (is.na(m)) NULL else m
}

# Exact group randomization test: every choice of which k of the G groups with
# data carry the non-reference level; T = participant-level difference of means;
# p = #{|T| >= |T_obs| - 1e-12 max(1, |T_obs|)} / C(G, k).
randomization <- function(y, group, level, reference) {
  groups <- sort(unique(group))
  carries <- vapply(groups, function(g) any(level[group == g] != reference), logical(1))
  G <- length(groups); k <- sum(carries)
  stopifnot(choose(G, k) <= 1e5)
  stat <- function(on_groups) {
    on <- group %in% on_groups
    mean(y[on]) - mean(y[!on])
  }
  t_obs <- stat(groups[carries])
  combos <- combn(G, k)
  t_all <- apply(combos, 2, function(chosen) stat(groups[chosen]))
  thr <- abs(t_obs) - 1e-12 * max(1, abs(t_obs))
  list(p = sum(abs(t_all) >= thr) / ncol(combos), relabelings = ncol(combos), exact = TRUE)
}

icc <- function(y, group) {
  f <- lmer(y ~ 1 + (1 | group), REML = TRUE, control = tight)
  vg <- as.numeric(VarCorr(f)$group)
  vg / (vg + sigma(f)^2)
}

mixed_terms <- function(f, terms) {
  se <- sqrt(diag(as.matrix(vcov(f))))
  lapply(unname(terms), function(t) list(
    term = t, estimate = unname(fixef(f)[t]), se = unname(se[t]),
    sd_group = unname(attr(VarCorr(f)$group, "stddev")), sd_residual = sigma(f)))
}

analyse <- function(d, outcome, kind, levels, covariates = character(0)) {
  reference <- levels[1]
  others <- levels[-1]
  # Dummy per non-reference level, named by the level (syntactic column names in R).
  level_cols <- setNames(paste0("level_", seq_along(others)), others)
  for (k in seq_along(others)) d[[level_cols[k]]] <- as.numeric(d$level == others[k])
  terms <- c(level_cols, covariates)            # evalrun term -> column
  groups_per_level <- vapply(levels, function(l) length(unique(d$group[d$level == l])), integer(1))
  constant_within <- all(tapply(d$level, d$group, function(v) length(unique(v)) == 1))

  out <- list(outcome = outcome, kind = kind)
  out$levels <- lapply(levels, function(l) {
    rows <- d$level == l
    list(level = l, n = sum(rows),
         estimate = if (kind == "survival") km_median(d$y[rows], d$event[rows]) else mean(d$y[rows]))
  })
  out$differences <- lapply(others, function(l) {
    y1 <- d$y[d$level == l]; y0 <- d$y[d$level == reference]
    if (kind == "binary") {
      c(list(level = l), newcombe(y1, y0))
    } else if (kind == "continuous") {
      w <- t.test(y1, y0)
      list(level = l, estimate = mean(y1) - mean(y0), ci_low = w$conf.int[1], ci_high = w$conf.int[2])
    } else {
      list(level = l, estimate = NULL, ci_low = NULL, ci_high = NULL)
    }
  })

  # Adjusted model on the rows with every covariate.
  m <- d[complete.cases(d[, covariates, drop = FALSE]), , drop = FALSE]
  out$n_dropped_missing_covariates <- nrow(d) - nrow(m)
  out$clusters <- length(unique(d$group))
  rhs <- paste(terms, collapse = " + ")
  parameters <- length(terms) + (kind != "survival")
  fits <- all(groups_per_level >= 2) && parameters < length(unique(m$group))
  if (kind == "survival") {
    f <- coxph(as.formula(paste("Surv(y, event) ~", rhs)), data = m, cluster = group, ties = "efron")
    se_model <- sqrt(diag(f$naive.var)); se_robust <- sqrt(diag(f$var))
    b <- unname(coef(f))
    out$adjusted <- lapply(seq_along(terms), function(j) list(
      term = names(terms)[j], model = "cox", estimate = b[j],
      se_model = se_model[j], p_model = 2 * pnorm(-abs(b[j] / se_model[j])),
      se_robust = se_robust[j], p_robust = 2 * pnorm(-abs(b[j] / se_robust[j])),
      ci_low_robust = b[j] - qnorm(0.975) * se_robust[j],
      ci_high_robust = b[j] + qnorm(0.975) * se_robust[j]))
  } else {
    formula <- as.formula(paste("y ~", rhs))
    # Converged fully (METHODS §8), not at glm's default epsilon of 1e-8.
    f <- if (kind == "binary") {
      # Polished by one more iteration from the converged coefficients: working
      # weights (read by clubSandwich) at the converged fit.
      g <- glm(formula, family = binomial(), data = m, control = glm.control(epsilon = 1e-14, maxit = 100))
      glm(formula, family = binomial(), data = m, start = coef(g), control = glm.control(epsilon = 1e-14, maxit = 100))
    } else {
      lm(formula, data = m)
    }
    s <- summary(f)$coefficients
    vc <- vcovCR(f, cluster = m$group, type = "CR2")
    ct <- coef_test(f, vcov = vc, test = "Satterthwaite")
    ci <- conf_int(f, vcov = vc, level = 0.95, test = "Satterthwaite")
    out$adjusted <- lapply(seq_along(terms), function(j) {
      col <- terms[j]; r <- which(rownames(s) == col)
      list(term = names(terms)[j], model = if (kind == "binary") "logistic" else "linear",
           estimate = s[r, 1], se_model = s[r, 2], p_model = s[r, 4],
           se_cr2 = ct$SE[r], df_cr2 = ct$df_Satt[r], p_cr2 = ct$p_Satt[r],
           ci_low_cr2 = ci$CI_L[r], ci_high_cr2 = ci$CI_U[r])
    })
  }
  if (!fits) out$adjusted <- lapply(out$adjusted, function(t) t[c("term", "model")])

  if (kind != "survival") {
    out$randomization <- if (length(levels) == 2 && constant_within && length(unique(d$group)) < 30)
      randomization(d$y, d$group, d$level, reference) else NULL
    out$icc <- icc(d$y, d$group)
  }
  if (kind == "continuous") {
    formula <- as.formula(paste("y ~", rhs, "+ (1 | group)"))
    f_tight <- lmer(formula, data = m, REML = TRUE, control = tight)
    f_default <- lmer(formula, data = m, REML = TRUE)
    mixed <- mixed_terms(f_tight, level_cols)
    mixed_default <- mixed_terms(f_default, level_cols)
    for (k in seq_along(others)) { mixed[[k]]$term <- others[k]; mixed_default[[k]]$term <- others[k] }
    out$mixed <- if (length(others) == 1) mixed[[1]] else NULL
    out$mixed_default <- if (length(others) == 1) mixed_default[[1]] else NULL
    out$mixed_terms <- mixed
    if (!fits) {
      out$mixed_terms <- lapply(mixed, function(t) t["term"])
      out$mixed <- if (length(others) == 1) out$mixed_terms[[1]] else NULL
      out$mixed_default <- NULL
    }
  }
  out
}

# JSON with every double as sprintf("%.17g") (jsonlite 1.8 stops at 15
# significant digits); NULL and NA as null; a list with names is an object,
# without names an array.
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(x, to_json, "", indent = inner)
    if (is.null(names(x))) return(paste0("[\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    keys <- vapply(names(x), function(k) toJSON(k, auto_unbox = TRUE), "")
    return(paste0("{\n", inner, paste(paste0(keys, ": ", items), collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  stopifnot(length(x) == 1)
  if (is.na(x)) return("null")
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.character(x)) return(as.character(toJSON(x, auto_unbox = TRUE)))
  if (is.integer(x)) return(sprintf("%d", x))
  if (is.infinite(x)) return(if (x > 0) '"Inf"' else '"-Inf"')
  if (x == round(x) && abs(x) < 1e15) return(sprintf("%.1f", x))
  sprintf("%.17g", x)
}

write_expected <- function(expected, path) {
  json <- to_json(expected)
  stopifnot(validate(json))
  writeLines(json, path)
}

versions <- function() list(
  r_version = R.version.string,
  packages = list(survival = as.character(packageVersion("survival")),
                  sandwich = as.character(packageVersion("sandwich")),
                  clubSandwich = as.character(packageVersion("clubSandwich")),
                  lme4 = as.character(packageVersion("lme4"))))
