# Reference values for CR2 cluster-robust covariances with Satterthwaite
# degrees of freedom (Bell & McCaffrey 2002; Pustejovsky & Tipton 2018) on
# clubSandwich::AchievementAwardsRCT (Angrist & Lavy 2009): the 2001 cohort,
# 3,821 students in 39 schools, treatment assigned by school. Both a linear
# model (attempted units) and a logistic model (Bagrut status), each on all
# 39 schools and on the 8 schools of pairs 1–4 (few clusters).
#
# Run from this folder: Rscript generate.R
# Writes data.csv and expected.json. Matrices are column-major flat vectors.
suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
  library(jsonlite)
})

d <- subset(AchievementAwardsRCT, year == "2001")
d <- data.frame(
  school_id = d$school_id, pair = d$pair, treated = d$treated,
  girl = as.integer(d$sex == "Girl"), lagscore = d$lagscore,
  siblings = d$siblings, immigrant = d$immigrant,
  father_ed = d$father_ed, mother_ed = d$mother_ed,
  attempted = d$attempted, bagrut = d$Bagrut_status
)
write.csv(d, "data.csv", row.names = FALSE)

covariates <- c("treated", "girl", "lagscore", "siblings", "immigrant", "father_ed", "mother_ed")
flat <- function(m) as.vector(unclass(as.matrix(m)))

describe <- function(name, fit, data) {
  cr2 <- vcovCR(fit, cluster = data$school_id, type = "CR2")
  ct <- coef_test(fit, vcov = cr2, test = "Satterthwaite")
  ci <- conf_int(fit, vcov = cr2, level = 0.95, test = "Satterthwaite")
  s <- summary(fit)
  out <- list(
    name = name,
    model = if (inherits(fit, "glm")) "logistic" else "linear",
    response = as.character(formula(fit)[[2]]),
    covariates = covariates,
    n = nrow(data),
    clusters = length(unique(data$school_id)),
    terms = names(coef(fit)),
    coefficients = unname(coef(fit)),
    vcov_model = flat(vcov(fit)),
    model_statistic = unname(s$coefficients[, 3]),
    model_p = unname(s$coefficients[, 4]),
    vcov_hc0 = flat(vcovHC(fit, type = "HC0")),
    vcov_hc1 = flat(vcovHC(fit, type = "HC1")),
    vcov_hc2 = flat(vcovHC(fit, type = "HC2")),
    vcov_hc3 = flat(vcovHC(fit, type = "HC3")),
    vcov_cr1s = flat(vcovCL(fit, cluster = ~school_id, type = "HC1", cadjust = TRUE)),
    vcov_cr2 = flat(cr2),
    cr2_se = ct$SE,
    cr2_t = ct$tstat,
    cr2_df = ct$df_Satt,
    cr2_p = ct$p_Satt,
    cr2_ci_low = ci$CI_L,
    cr2_ci_high = ci$CI_U
  )
  if (nrow(data) < nrow(d)) out$subset_pairs <- sort(unique(data$pair))
  if (inherits(fit, "glm")) {
    out$iterations <- fit$iter
    out$converged <- fit$converged
    out$deviance <- fit$deviance
    out$null_deviance <- fit$null.deviance
    out$aic <- fit$aic
  } else {
    out$sigma <- s$sigma
  }
  out
}

rhs <- paste(covariates, collapse = " + ")
# Logistic fits converged fully (METHODS §8): at glm's default epsilon (1e-8) the
# standard errors come from the weights of the iterate before the last.
# A fit at epsilon 1e-14 is polished by one more iteration started at its
# coefficients, so that its working weights (read by sandwich and clubSandwich)
# are those of the converged fit.
logistic <- function(data, epsilon) {
  formula <- as.formula(paste("bagrut ~", rhs))
  fit <- glm(formula, family = binomial(), data = data, control = glm.control(epsilon = epsilon, maxit = 100))
  if (epsilon < 1e-10) {
    fit <- glm(formula, family = binomial(), data = data, start = coef(fit), control = glm.control(epsilon = epsilon, maxit = 100))
  }
  fit
}
few <- subset(d, pair %in% 1:4)
cases <- list(
  describe("linear-all", lm(as.formula(paste("attempted ~", rhs)), data = d), d),
  describe("linear-few", lm(as.formula(paste("attempted ~", rhs)), data = few), few),
  describe("logistic-all", logistic(d, 1e-14), d),
  describe("logistic-few", logistic(few, 1e-14), few)
)
# Iterations as counted at evalrun's tolerance (1e-10), with glm's own rule.
cases[[3]]$iterations <- logistic(d, 1e-10)$iter
cases[[4]]$iterations <- logistic(few, 1e-10)$iter

expected <- list(
  r_version = R.version.string,
  packages = list(
    sandwich = as.character(packageVersion("sandwich")),
    clubSandwich = as.character(packageVersion("clubSandwich"))
  ),
  cases = cases
)
write_json(expected, "expected.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
