# Reference values for RandomInterceptModel: lme4::lmer(y ~ x + (1 | g), REML = TRUE).
#
# Run from this folder:  Rscript generate.R   (writes expected.json)
#
# Each case embeds its data (response y, group code g = as.integer(factor),
# covariate columns x without the intercept, which the design adds first) and
# reference fits:
#   * "lmer":  lmer with its default optimiser (nloptwrap/BOBYQA, default
#              tolerances), i.e. exactly what a user of lme4 sees (theta is
#              accurate to its stopping rule, ~1e-9 relative here);
#   * "criterion_at": lme4's profiled REML criterion (devFunOnly = TRUE) at a
#              few fixed theta values, a check of the criterion with no optimiser;
#   * "tight": lme4 evaluated (optimizer = NULL, start = theta*) at the
#              stationary point theta* of its own REML criterion, found by
#              uniroot (tol 1e-14) on a fourth-order central difference of
#              devfun (step 1e-3 * theta; error ~1e-11), or theta* = 0 when the
#              criterion rises from 0. This tests the criterion's minimiser,
#              not an optimiser's stopping rule.
# The Swift tests compare with "tight" at rtol 1e-9 and with "lmer" at rtol 1e-5.
suppressPackageStartupMessages({
  library(lme4)
  library(MASS)
  library(jsonlite)
})

# The stationary point of lme4's own REML criterion, polished from theta0.
stationary_theta <- function(devfun, theta0) {
  if (devfun(1e-7) >= devfun(0) && theta0 < 1e-4) return(0)
  slope <- function(t) {
    h <- 1e-3 * t
    (-devfun(t + 2 * h) + 8 * devfun(t + h) - 8 * devfun(t - h) + devfun(t - 2 * h)) / (12 * h)
  }
  uniroot(slope, theta0 * c(0.99, 1.01), tol = 1e-14 * theta0)$root
}

summarise_fit <- function(fit) {
  vc <- as.matrix(vcov(fit))
  list(
    coefficients = I(unname(fixef(fit))),
    standard_errors = I(unname(sqrt(diag(vc)))),
    t_values = I(unname(fixef(fit) / sqrt(diag(vc)))),
    covariance = I(unname(as.vector(vc))),           # column-major
    theta = unname(getME(fit, "theta")),
    sd_group = unname(attr(VarCorr(fit)[[1]], "stddev")),
    sd_residual = sigma(fit),
    icc = {
      vg <- as.numeric(VarCorr(fit)[[1]])
      vg / (vg + sigma(fit)^2)
    },
    reml_criterion = REMLcrit(fit),
    singular = isSingular(fit),
    group_effects = I(unname(ranef(fit)[[1]][, 1]))
  )
}

make_case <- function(name, formula, data, covariates) {
  f_default <- lmer(formula, data = data, REML = TRUE,
                    control = lmerControl(check.conv.singular = "ignore"))
  devfun <- lmer(formula, data = data, REML = TRUE, devFunOnly = TRUE)
  theta_star <- stationary_theta(devfun, getME(f_default, "theta"))
  f_tight <- lmer(formula, data = data, REML = TRUE, start = list(theta = theta_star),
                  control = lmerControl(optimizer = NULL, check.conv.singular = "ignore"))
  probe <- c(0, 0.25, 0.5, 1, 2, 4)
  mf <- model.frame(f_default)
  x <- model.matrix(f_default)
  list(
    name = name,
    formula = paste(deparse(formula), collapse = " "),
    y = unname(model.response(mf)),
    g = as.integer(getME(f_default, "flist")[[1]]),
    x = lapply(covariates, function(k) I(unname(x[, k]))),
    terms = I(colnames(x)),
    criterion_at = list(theta = probe, value = vapply(probe, devfun, numeric(1))),
    lmer = summarise_fit(f_default),
    tight = summarise_fit(f_tight)
  )
}

# Singletons: sleepstudy where subjects 308, 309, 310, 330, 331 keep one day
# each (days 0, 3, 5, 7, 9), the others all ten.
ss <- sleepstudy
single <- c("308", "309", "310", "330", "331")
keep_day <- setNames(c(0, 3, 5, 7, 9), single)
ss_single <- ss[!(ss$Subject %in% single) | ss$Days == keep_day[as.character(ss$Subject)], ]
ss_single$Subject <- droplevels(ss_single$Subject)

bact <- MASS::bacteria
bact$yes <- as.numeric(bact$y == "y")

cases <- list(
  make_case("sleepstudy", Reaction ~ Days + (1 | Subject), lme4::sleepstudy, "Days"),
  make_case("dyestuff", Yield ~ 1 + (1 | Batch), lme4::Dyestuff, character(0)),
  make_case("dyestuff2", Yield ~ 1 + (1 | Batch), lme4::Dyestuff2, character(0)),
  make_case("sleepstudy_singletons", Reaction ~ Days + (1 | Subject), ss_single, "Days"),
  make_case("bacteria_binary", yes ~ ap + week + (1 | ID), bact, c("app", "week")),
  make_case("bacteria_binary_icc", yes ~ 1 + (1 | ID), bact, character(0))
)

out <- list(
  r_version = R.version.string,
  lme4_version = as.character(packageVersion("lme4")),
  mass_version = as.character(packageVersion("MASS")),
  cases = cases
)
write_json(out, "expected.json", digits = NA, auto_unbox = TRUE, pretty = FALSE)
for (cs in cases) {
  cat(sprintf("%-24s theta default %.12g tight %.12g  REML %.12g / %.12g\n", cs$name,
              cs$lmer$theta, cs$tight$theta, cs$lmer$reml_criterion, cs$tight$reml_criterion))
}
