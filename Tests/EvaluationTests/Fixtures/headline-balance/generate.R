# Reference values for compare's headline effects and balance at entry (METHODS §9),
# on the 8-group programme of ../compare-8groups (its data.csv: one row per participant
# with the outcomes derived from the raw exports by derive.py, nothing of evalrun).
#
# Headline: lm(outcome ~ composition [+ age + sex]) with CR2 by group and Satterthwaite df
# (clubSandwich::coef_test / conf_int); binary outcomes in percentage points (x 100);
# p_holm = p.adjust(method = "holm") over the comparison's headline contrasts.
# Balance: the share of women and the mean age per level (heterogeneous the reference)
# and the standardised difference over sqrt((s2_ref + s2_other) / 2), with p(1 - p) as a
# share's variance and sample variances for the mean.
#
# Run: cd Tests/EvaluationTests/Fixtures/headline-balance && Rscript generate.R
# Needs r-cran-clubsandwich and r-cran-jsonlite.
suppressPackageStartupMessages({ library(clubSandwich); library(jsonlite) })
d <- read.csv("../compare-8groups/data.csv", check.names = FALSE, stringsAsFactors = FALSE)
d$composition <- factor(d$composition, levels = c("heterogeneous", "homogeneous"))
outcomes <- list(reemployed = 100, retained = 100, attendance_rate = 1,
                 "wellbeing_change:RSES" = 1, "wellbeing_change:WEMWBS" = 1)

headline <- function(covariates) {
  rows <- lapply(names(outcomes), function(name) {
    x <- d[!is.na(d[[name]]) & d[[name]] != "", ]
    x$y <- as.numeric(x[[name]])
    f <- as.formula(paste("y ~ composition", if (length(covariates)) paste("+", paste(covariates, collapse = " + ")) else ""))
    fit <- lm(f, data = x)
    t <- coef_test(fit, vcov = "CR2", cluster = x$group, test = "Satterthwaite")
    ci <- conf_int(fit, vcov = "CR2", cluster = x$group, level = 0.95)
    k <- which(t$Coef == "compositionhomogeneous")
    s <- outcomes[[name]]
    list(outcome = name, level = "homogeneous", estimate = t$beta[k] * s, ci_low = ci$CI_L[k] * s,
         ci_high = ci$CI_U[k] * s, df = t$df_Satt[k], p_cr2 = t$p_Satt[k])
  })
  p <- sapply(rows, function(r) r$p_cr2)
  holm <- p.adjust(p, method = "holm")
  for (i in seq_along(rows)) rows[[i]]$p_holm <- holm[i]
  rows
}

smd_share <- function(a, b) (mean(b) - mean(a)) / sqrt((mean(a) * (1 - mean(a)) + mean(b) * (1 - mean(b))) / 2)
smd_mean <- function(a, b) (mean(b) - mean(a)) / sqrt((var(a) + var(b)) / 2)
ref <- d[d$composition == "heterogeneous", ]
oth <- d[d$composition == "homogeneous", ]
women <- function(x) as.numeric(x$sex[x$sex != ""] == "F")
balance <- list(
  list(attribute = "sex", category = "F", value_reference = mean(women(ref)), value_other = mean(women(oth)),
       smd = smd_share(women(ref), women(oth))),
  list(attribute = "age", value_reference = mean(ref$age, na.rm = TRUE), value_other = mean(oth$age, na.rm = TRUE),
       smd = smd_mean(ref$age[!is.na(ref$age)], oth$age[!is.na(oth$age)]))
)
out <- list(unadjusted = headline(character()), adjusted = headline(c("age", "sex")), balance = balance)
write_json(out, "expected.json", auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null")
