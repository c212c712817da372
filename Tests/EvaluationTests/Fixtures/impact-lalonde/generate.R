# Reference values for `evalrun impact` on MatchIt's lalonde data (185 NSW
# participants, 429 PSID comparison people), and the same data as evalrun's
# export files. Run from this folder: Rscript generate.R
#
# - nearest: MatchIt::matchit(treat ~ age + educ + race + married + nodegree +
#   re74 + re75, method = "nearest", distance = "glm", caliper = 0.2); the
#   balance table is summary(m) (all and matched); the effect is
#   lm(y ~ treat, weights) on match.data with sandwich::vcovCL(cluster =
#   ~subclass) and a t interval on the residual df (MatchIt's "Estimating
#   effects" vignette), and CR2 by the participants' groups with Satterthwaite df
#   (clubSandwich::coef_test), a control taking its pair's group.
# - weighting: ATT weights (1 for participants, p/(1 - p) for comparison
#   people) from the same propensity score; the balance statistics with those
#   weights are MatchIt's own (MatchIt:::bal1var, the function summary.matchit
#   calls); the effect is the weighted lm with sandwich::vcovHC(type = "HC3").
# - unadjusted: lm(y ~ treat) on everyone with vcovHC(type = "HC2") (the
#   unpooled two-sample variance) and a t interval on n - 2 df.
# The outcome "in work" is re78 > 0. R 4.x, sandwich, clubSandwich, and a
# MatchIt whose nearest-neighbour search honours the caliper:
#
#   MatchIt 4.5.1 to 4.5.3 compare propensity-score distances with C's integer
#   abs() in nn_matchC_vec.cpp on some systems (MatchIt issue #163, fixed in
#   4.5.4 by std::abs). There every distance truncates to 0: the caliper is
#   ignored and each treated unit takes the free control just below it. Debian
#   12's r-cran-matchit is 4.5.1 and has the bug (370 units matched here instead
#   of 226; 142 pairs wider than the caliper). The reference values were made
#   with MatchIt 4.5.1's source with that fix applied:
#     git archive <MatchIt 4.5.1 commit> | tar -x -C matchit
#     sed -i -E 's/([^:])abs\(/\1std::abs(/g' matchit/src/nn_matchC_vec.cpp
#     R CMD INSTALL -l RLIB matchit; R_LIBS=RLIB Rscript generate.R
#   The script refuses to write values from a MatchIt that matches across the caliper.
suppressPackageStartupMessages({
  library(MatchIt); library(sandwich); library(clubSandwich); library(jsonlite)
})
data("lalonde", package = "MatchIt")
d <- lalonde
d$y <- as.numeric(d$re78 > 0)
n1 <- sum(d$treat == 1)
d$group <- NA_character_
d$group[d$treat == 1] <- sprintf("G%02d", (seq_len(n1) - 1) %/% 19 + 1)
d$id <- rownames(d)

# The export files: the treated as participants, the rest as the comparison group.
dir.create("files", showWarnings = FALSE)
covs <- c("age", "educ", "race", "married", "nodegree", "re74", "re75")
tr <- d[d$treat == 1, ]; co <- d[d$treat == 0, ]
write.csv(data.frame(group_id = sort(unique(tr$group)), composition = "heterogeneous", start_date = "1977-12-01"),
          "files/groups.csv", row.names = FALSE, quote = FALSE)
write.csv(cbind(data.frame(participant_id = tr$id, group_id = tr$group, enrolled_on = "1978-01-02",
                           followed_up_until = "1979-03-31"), tr[covs]),
          "files/participants.csv", row.names = FALSE, quote = FALSE)
write.csv(cbind(data.frame(person_id = co$id, reference_date = "1978-01-02", followed_up_until = "1979-03-31"), co[covs]),
          "files/comparison.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(participant_id = tr$id[tr$y == 1], event_date = "1978-03-01", outcome = "fixed_term"),
          "files/outcomes.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(person_id = co$id[co$y == 1], event_date = "1978-03-01", outcome = "fixed_term"),
          "files/comparison_outcomes.csv", row.names = FALSE, quote = FALSE)
write.csv(d[c("id", "treat", covs, "y", "group")], "lalonde.csv", row.names = FALSE, quote = FALSE)

f <- treat ~ age + educ + race + married + nodegree + re74 + re75
m <- matchit(f, data = d, method = "nearest", distance = "glm", caliper = 0.2)
mm <- m$match.matrix
gap <- abs(m$distance[match(rownames(mm), rownames(d))] -
           m$distance[match(mm[, 1], rownames(d))])
if (any(gap > 0.2 * sd(m$distance), na.rm = TRUE)) stop("this MatchIt ignores the caliper (issue #163): see the note above")
s <- summary(m)
m_none <- matchit(f, data = d, method = "nearest", distance = "glm")
name_of <- function(x) sub("^race", "race:", x)
balance_rows <- function(all, matched) {
  rows <- setdiff(rownames(all), "distance")
  lapply(rows, function(r) {
    list(covariate = name_of(r),
         mean_treated = all[r, "Means Treated"], mean_control_all = all[r, "Means Control"],
         mean_control_matched = matched[r, "Means Control"], mean_treated_matched = matched[r, "Means Treated"],
         smd_all = all[r, "Std. Mean Diff."], smd_matched = matched[r, "Std. Mean Diff."],
         var_ratio_all = all[r, "Var. Ratio"], var_ratio_matched = matched[r, "Var. Ratio"],
         ecdf_mean_all = all[r, "eCDF Mean"], ecdf_mean_matched = matched[r, "eCDF Mean"],
         ecdf_max_all = all[r, "eCDF Max"], ecdf_max_matched = matched[r, "eCDF Max"])
  })
}
md <- match.data(m)
fit <- lm(y ~ treat, data = md, weights = weights)
V <- vcovCL(fit, cluster = ~subclass)
est <- unname(coef(fit)["treat"]); se <- sqrt(V["treat", "treat"]); df <- fit$df.residual
pair_group <- tapply(md$group, md$subclass, function(g) g[!is.na(g)][1])
md$cluster <- pair_group[as.character(md$subclass)]
cr2 <- coef_test(fit, vcov = "CR2", cluster = md$cluster, test = "Satterthwaite")["treat", ]
cr2_ci <- conf_int(fit, vcov = "CR2", cluster = md$cluster, test = "Satterthwaite")["treat", ]
pairs <- lapply(seq_len(nrow(mm)), function(i) list(treated = rownames(mm)[i], control = if (is.na(mm[i, 1])) NULL else mm[i, 1]))

un <- lm(y ~ treat, data = d)
Vu <- vcovHC(un, type = "HC2"); seu <- sqrt(Vu["treat", "treat"])
tq <- qt(0.975, un$df.residual)

ps <- m$distance
w <- ifelse(d$treat == 1, 1, ps / (1 - ps))
X <- MatchIt:::get.covs.matrix(f, data = d)
wbal <- lapply(colnames(X), function(r) {
  all <- MatchIt:::bal1var(X[, r], tt = d$treat, ww = NULL, s.weights = rep(1, nrow(d)), standardize = TRUE, s.d.denom = "treated")
  wt <- MatchIt:::bal1var(X[, r], tt = d$treat, ww = w, s.weights = rep(1, nrow(d)), standardize = TRUE, s.d.denom = "treated",
                          compute.pair.dist = FALSE)
  list(covariate = name_of(r), mean_control_matched = wt[["Means Control"]], smd_matched = wt[["Std. Mean Diff."]],
       var_ratio_matched = wt[["Var. Ratio"]], ecdf_mean_matched = wt[["eCDF Mean"]], ecdf_max_matched = wt[["eCDF Max"]])
})
wfit <- lm(y ~ treat, data = d, weights = w)
Vw <- vcovHC(wfit, type = "HC3"); sew <- sqrt(Vw["treat", "treat"])
wc <- w[d$treat == 0]

out <- list(
  matchit_version = format(packageVersion("MatchIt")),
  caliper_sd = sd(ps), caliper = 0.2 * sd(ps),
  score = unname(ps),
  nearest = list(
    treated = list(n = sum(d$treat == 1), matched = sum(!is.na(mm[, 1]))),
    controls = list(n = sum(d$treat == 0), matched = sum(d$treat == 0 & m$weights > 0)),
    pairs = pairs,
    balance = balance_rows(s$sum.all, s$sum.matched),
    effect = list(treated_rate = weighted.mean(md$y[md$treat == 1], md$weights[md$treat == 1]),
                  control_rate = weighted.mean(md$y[md$treat == 0], md$weights[md$treat == 0]),
                  estimate = est, se = se, df = df,
                  ci_low = est - qt(0.975, df) * se, ci_high = est + qt(0.975, df) * se,
                  p = 2 * pt(-abs(est / se), df),
                  se_cr2_group = cr2$SE, df_cr2 = cr2$df_Satt, p_cr2 = cr2$p_Satt,
                  ci_low_cr2 = cr2_ci$CI_L, ci_high_cr2 = cr2_ci$CI_U)),
  no_caliper = list(
    pairs = lapply(seq_len(nrow(m_none$match.matrix)), function(i)
      list(treated = rownames(m_none$match.matrix)[i], control = m_none$match.matrix[i, 1]))),
  weighting = list(
    balance = wbal,
    effective_sample_size = sum(wc)^2 / sum(wc^2),
    effect = list(treated_rate = mean(d$y[d$treat == 1]), control_rate = weighted.mean(d$y[d$treat == 0], wc),
                  estimate = unname(coef(wfit)["treat"]), se = sew, df = wfit$df.residual,
                  ci_low = unname(coef(wfit)["treat"]) - qt(0.975, wfit$df.residual) * sew,
                  ci_high = unname(coef(wfit)["treat"]) + qt(0.975, wfit$df.residual) * sew,
                  p = 2 * pt(-abs(coef(wfit)["treat"] / sew), wfit$df.residual)[[1]])),
  unadjusted = list(estimate = unname(coef(un)["treat"]), se = seu,
                    ci_low = unname(coef(un)["treat"]) - tq * seu, ci_high = unname(coef(un)["treat"]) + tq * seu)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), "expected.json")
