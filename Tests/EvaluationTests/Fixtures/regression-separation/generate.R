# What R's glm.fit does on small separated data sets, so that the fit can be
# checked to flag them rather than print a number:
#  - complete separation: y = 1 exactly when x > 5 (x = 1..10);
#  - quasi-complete separation: y = 1 when x > 5, and both outcomes at x = 5;
#  - overlap (no separation), for contrast.
# Records coefficients, iterations, convergence and R's warnings.
#
# Run from this folder: Rscript generate.R
suppressPackageStartupMessages(library(jsonlite))

fitCase <- function(name, x, y) {
  warnings <- character()
  fit <- withCallingHandlers(
    # At evalrun's tolerance (1e-10; glm's default is 1e-8), so the iterations compare.
    glm(y ~ x, family = binomial(), control = glm.control(epsilon = 1e-10)),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  )
  list(
    name = name, x = x, y = y,
    coefficients = unname(coef(fit)),
    iterations = fit$iter,
    converged = fit$converged,
    deviance = fit$deviance,
    fitted = unname(fitted(fit)),
    warnings = I(warnings)
  )
}

cases <- list(
  fitCase("complete", 1:10, as.numeric(1:10 > 5)),
  fitCase("quasi-complete", c(1:5, 5, 6:10), c(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1)),
  fitCase("overlap", 1:10, c(0, 0, 1, 0, 0, 1, 0, 1, 1, 1))
)
write_json(list(r_version = R.version.string, cases = cases), "expected.json",
  digits = NA, auto_unbox = TRUE, pretty = TRUE)
