# Reference values for linear regression with heteroskedasticity-consistent and
# cluster-robust covariances on sandwich::PetersenCL (Petersen 2009: 500 firms
# observed for 10 years), model y ~ x, clustered by firm.
#
# Run from this folder: Rscript generate.R
# Writes data.csv (the data as used) and expected.json. Matrices are written
# column-major as flat vectors (p × p, p = 2: intercept, x).
suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
  library(jsonlite)
})

data("PetersenCL", package = "sandwich")
d <- PetersenCL
write.csv(d[, c("firm", "year", "x", "y")], "data.csv", row.names = FALSE)

fit <- lm(y ~ x, data = d)
s <- summary(fit)
cr2 <- vcovCR(fit, cluster = d$firm, type = "CR2")
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
  n = nrow(d),
  clusters = length(unique(d$firm)),
  coefficients = unname(coef(fit)),
  sigma = s$sigma,
  df_residual = fit$df.residual,
  r_squared = s$r.squared,
  vcov_model = flat(vcov(fit)),
  model_t = unname(s$coefficients[, "t value"]),
  model_p = unname(s$coefficients[, "Pr(>|t|)"]),
  model_ci_low = unname(confint(fit)[, 1]),
  model_ci_high = unname(confint(fit)[, 2]),
  vcov_hc0 = flat(vcovHC(fit, type = "HC0")),
  vcov_hc1 = flat(vcovHC(fit, type = "HC1")),
  vcov_hc2 = flat(vcovHC(fit, type = "HC2")),
  vcov_hc3 = flat(vcovHC(fit, type = "HC3")),
  # sandwich's default cluster adjustment: type = "HC1", cadjust = TRUE,
  # i.e. G/(G - 1) * (n - 1)/(n - p) (Stata's CR1; clubSandwich's "CR1S").
  vcov_cr1s = flat(vcovCL(fit, cluster = ~firm, type = "HC1", cadjust = TRUE)),
  # G/(G - 1) alone (clubSandwich's "CR1").
  vcov_cr1 = flat(vcovCL(fit, cluster = ~firm, type = "HC0", cadjust = TRUE)),
  vcov_cr0 = flat(vcovCL(fit, cluster = ~firm, type = "HC0", cadjust = FALSE)),
  vcov_cr2 = flat(cr2),
  # lmtest::coeftest(fit, vcov = vcovHC(fit, type = "HC3")) without lmtest:
  # t on the residual degrees of freedom.
  hc3_p = unname(2 * pt(-abs(coef(fit) / sqrt(diag(vcovHC(fit, type = "HC3")))), fit$df.residual)),
  # Stata-style clustered tests: CR1S with t on G - 1 degrees of freedom.
  cr1s_p = unname(2 * pt(-abs(coef(fit) / sqrt(diag(vcovCL(fit, cluster = ~firm, type = "HC1")))),
                         length(unique(d$firm)) - 1)),
  cr1s_ci_low = unname(coef(fit) - qt(0.975, length(unique(d$firm)) - 1) *
                         sqrt(diag(vcovCL(fit, cluster = ~firm, type = "HC1")))),
  cr2_se = ct$SE,
  cr2_t = ct$tstat,
  cr2_df = ct$df_Satt,
  cr2_p = ct$p_Satt,
  cr2_ci_low = ci$CI_L,
  cr2_ci_high = ci$CI_U
)
write_json(expected, "expected.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
