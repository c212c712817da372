# Reference values for logistic regression by IRLS (R's glm.fit) on
# datasets::mtcars, am ~ wt + hp: coefficients, model-based (summary.glm, z)
# inference, deviance, null deviance, AIC, iterations; HC0–HC3
# (sandwich::vcovHC) and CR2 clustered by carb (6 clusters, two of them of
# size one) with Satterthwaite degrees of freedom (clubSandwich).
#
# Run from this folder: Rscript generate.R
# Writes data.csv and expected.json. Matrices are column-major flat vectors.
suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
  library(jsonlite)
})

d <- mtcars[, c("am", "wt", "hp", "carb")]
write.csv(d, "data.csv", row.names = FALSE)

# Converged fully (METHODS §8): at glm's default epsilon (1e-8) the standard errors
# come from the weights of the iterate before the last, off in the fifth digit.
# `iterations` is counted at evalrun's tolerance, 1e-10, with glm's own rule.
fit <- glm(am ~ wt + hp, family = binomial(), data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
# One more iteration started at the converged coefficients, so that the working
# weights (which sandwich and clubSandwich read) are those of the converged fit.
fit <- glm(am ~ wt + hp, family = binomial(), data = d, start = coef(fit), control = glm.control(epsilon = 1e-14, maxit = 100))
fit_1e10 <- glm(am ~ wt + hp, family = binomial(), data = d, control = glm.control(epsilon = 1e-10))
s <- summary(fit)
cr2 <- vcovCR(fit, cluster = d$carb, type = "CR2")
ct <- coef_test(fit, vcov = cr2, test = "Satterthwaite")
ci <- conf_int(fit, vcov = cr2, level = 0.95, test = "Satterthwaite")
flat <- function(m) as.vector(unclass(as.matrix(m)))

expected <- list(
  r_version = R.version.string,
  packages = list(
    sandwich = as.character(packageVersion("sandwich")),
    clubSandwich = as.character(packageVersion("clubSandwich"))
  ),
  terms = names(coef(fit)),
  coefficients = unname(coef(fit)),
  iterations = fit_1e10$iter,
  converged = fit$converged,
  deviance = fit$deviance,
  null_deviance = fit$null.deviance,
  aic = fit$aic,
  df_residual = fit$df.residual,
  fitted = unname(fitted(fit)),
  vcov_model = flat(vcov(fit)),
  model_z = unname(s$coefficients[, "z value"]),
  model_p = unname(s$coefficients[, "Pr(>|z|)"]),
  # Wald intervals, as confint.default (z quantiles).
  model_ci_low = unname(confint.default(fit)[, 1]),
  model_ci_high = unname(confint.default(fit)[, 2]),
  vcov_hc0 = flat(vcovHC(fit, type = "HC0")),
  vcov_hc1 = flat(vcovHC(fit, type = "HC1")),
  vcov_hc2 = flat(vcovHC(fit, type = "HC2")),
  vcov_hc3 = flat(vcovHC(fit, type = "HC3")),
  vcov_cr1s = flat(vcovCL(fit, cluster = ~carb, type = "HC1", cadjust = TRUE)),
  vcov_cr2 = flat(cr2),
  cr2_se = ct$SE,
  cr2_df = ct$df_Satt,
  cr2_p = ct$p_Satt,
  cr2_ci_low = ci$CI_L,
  cr2_ci_high = ci$CI_U
)
write_json(expected, "expected.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
