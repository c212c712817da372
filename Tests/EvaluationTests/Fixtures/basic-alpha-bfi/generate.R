# Reference values for CronbachAlpha (raw α and Feldt 95% CI).
# Run from this folder: Rscript generate.R   (writes data.csv and expected.json)
# Data: psych::bfi, the five Agreeableness items A1–A5 (1–6), A1 reverse-keyed (7 − A1),
# complete cases only; and datasets::attitude (7 ratings, no missing values).
# α as psych::alpha(x)$total$raw_alpha; Feldt CI as psych::alpha.ci:
#   lower = 1 − (1 − α)·qf(0.975; n − 1, (n − 1)(k − 1)), upper = 1 − (1 − α)·qf(0.025; …).
library(jsonlite)
library(psych)

agree <- bfi[, c("A1", "A2", "A3", "A4", "A5")]
agree$A1 <- 7 - agree$A1
agree <- agree[complete.cases(agree), ]
write.csv(agree, "data.csv", row.names = FALSE)

summarise <- function(name, x, rows = NULL) {
  a <- suppressMessages(suppressWarnings(psych::alpha(x, check.keys = FALSE)))
  raw <- a$total$raw_alpha
  ci <- psych::alpha.ci(raw, n.obs = nrow(x), n.var = ncol(x), p.val = 0.05)
  stopifnot(ci$lower.ci < ci$upper.ci)
  list(name = name, n = nrow(x), k = ncol(x), rows = rows, raw_alpha = raw,
    lower = ci$lower.ci, upper = ci$upper.ci,
    item_variances = unname(apply(x, 2, var)), total_variance = var(rowSums(x)))
}
first <- function(x, m) as.matrix(x[seq_len(m), ])
cases <- list(
  summarise("bfi Agreeableness (A1 reversed), complete cases", agree),
  summarise("attitude, 7 ratings", attitude, rows = unname(as.matrix(attitude))),
  summarise("bfi Agreeableness, first 3 complete cases", agree[1:3, ], rows = unname(first(agree, 3))),
  summarise("bfi Agreeableness, first 8 complete cases", agree[1:8, ], rows = unname(first(agree, 8))))

write_json(list(r_version = R.version.string, psych_version = as.character(packageVersion("psych")),
  cases = cases), "expected.json", digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE)
