# Reference values for CronbachAlpha (raw α and Feldt 95% CI).
# Run from this folder: Rscript generate.R   (writes data.csv and expected.json)
# Data: psych::bfi, the five Agreeableness items A1–A5 (1–6), A1 reverse-keyed (7 − A1),
# complete cases only; and datasets::attitude (7 ratings, no missing values).
# α as psych::alpha(x)$total$raw_alpha (see summarise); Feldt CI as psych::alpha.ci:
#   lower = 1 − (1 − α)·qf(0.975; n − 1, (n − 1)(k − 1)), upper = 1 − (1 − α)·qf(0.025; …).
library(jsonlite)
library(psych)

agree <- bfi[, c("A1", "A2", "A3", "A4", "A5")]
agree$A1 <- 7 - agree$A1
agree <- agree[complete.cases(agree), ]
write.csv(agree, "data.csv", row.names = FALSE)

# α by its formula from the covariance matrix; psych::alpha agrees except when an item
# has no variance: psych drops that item from k (with a warning) while the formula keeps
# the scale's k items. The case marked `constant_item` documents that difference.
summarise <- function(name, x, rows = NA, constant_item = FALSE) {
  C <- cov(x); k <- ncol(x)
  raw <- k / (k - 1) * (1 - sum(diag(C)) / sum(C))
  psych_raw <- suppressMessages(suppressWarnings(psych::alpha(x, check.keys = FALSE)))$total$raw_alpha
  stopifnot(isTRUE(all.equal(raw, psych_raw, tolerance = 1e-13)) != constant_item)
  ci <- psych::alpha.ci(raw, n.obs = nrow(x), n.var = k, p.val = 0.05)
  stopifnot(ci$lower.ci < ci$upper.ci)
  list(name = name, n = nrow(x), k = k, rows = rows, raw_alpha = raw, psych_raw_alpha = psych_raw,
    lower = ci$lower.ci, upper = ci$upper.ci,
    item_variances = unname(diag(C)), total_variance = var(rowSums(x)))
}
rows_of <- function(x) unname(as.matrix(x))
# the first three consecutive complete cases in which every item varies
start <- Find(function(i) all(apply(agree[i:(i + 2), ], 2, var) > 0), seq_len(nrow(agree) - 2))
three <- agree[start:(start + 2), ]
cases <- list(
  summarise("bfi Agreeableness (A1 reversed), complete cases", agree),
  summarise("attitude, 7 ratings", attitude, rows = rows_of(attitude)),
  summarise("bfi Agreeableness, three complete cases", three, rows = rows_of(three)),
  summarise("bfi Agreeableness, first 8 complete cases", agree[1:8, ], rows = rows_of(agree[1:8, ])),
  summarise("bfi Agreeableness, first 3 complete cases (A2 constant)", agree[1:3, ],
    rows = rows_of(agree[1:3, ]), constant_item = TRUE))

write_json(list(r_version = R.version.string, psych_version = as.character(packageVersion("psych")),
  cases = cases), "expected.json", digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE)
