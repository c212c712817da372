# Cramér's V between site and composition over the demo's 12 groups
# (datasets/demo/gruppi.csv), as the group_confounder caveat computes it:
# sqrt(chi-squared without continuity correction / (n * (min(rows, columns) - 1))).
# Run from this folder:  Rscript generate.R   (writes expected.json)
g <- read.csv2("../../../../datasets/demo/gruppi.csv", fileEncoding = "latin1", stringsAsFactors = FALSE)
t <- table(g$sede, g$composizione)
x <- suppressWarnings(chisq.test(t, correct = FALSE))$statistic
v <- sqrt(unname(x) / (sum(t) * (min(dim(t)) - 1)))
jsonlite::write_json(list(r_version = R.version.string, site = g$sede, composition = g$composizione, cramers_v = v),
                     "expected.json", digits = NA, auto_unbox = TRUE)
