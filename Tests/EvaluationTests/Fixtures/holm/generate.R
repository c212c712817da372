# Holm's adjustment as R computes it, for HolmAdjustmentTests.
# Run: cd Tests/EvaluationTests/Fixtures/holm && Rscript generate.R   (needs r-cran-jsonlite)
library(jsonlite)
cases <- list(
  demo_composition = c(0.305213171648, 0.0259999845171, 0.161061011555, 0.448854717872, 0.0446622470787),
  with_missing = c(0.01, NA, 0.04, 0.03, 0.005, NA),
  ties = c(0.02, 0.02, 0.5, 0.001, 0.02),
  large = c(0.9, 0.8, 0.95, 0.99),
  single = c(0.04)
)
out <- lapply(names(cases), function(name) {
  p <- cases[[name]]
  list(name = name, p = p, holm = p.adjust(p, method = "holm"))
})
write_json(out, "expected.json", auto_unbox = FALSE, digits = NA, pretty = TRUE, na = "null")
