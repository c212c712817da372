# Reference values for `evalrun compare` on a synthetic programme with 8 groups
# (4 homogeneous, 4 heterogeneous), by composition alone and with --adjust age,sex;
# also by site (six levels, four with a single group: models null) and by sex
# (a participant attribute, not constant within groups: no randomization test).
#
# programme/ is the output of
#     evalrun synth --participants 100 --seed 5 --plain --out programme
# with the birth_year of P00020 and P00061 blanked by hand, so that the adjusted
# models drop two participants with a missing covariate.
# data.csv is the analysis data for it (one row per participant: group,
# composition, site, age, sex and every outcome, NA where the participant has
# none), derived from the raw exports by derive.py (`python3 derive.py > data.csv`),
# independently of evalrun; the Swift test "evalrun derives every participant's
# outcomes as derive.py does" pins evalrun's derivation to it. This script reads
# data.csv and does every analysis with R
# (see compare.R): glm(binomial) and lm with clubSandwich CR2 + Satterthwaite,
# coxph(cluster = group, ties = "efron"), lmer (REML), the exact group
# randomization test by combn, Newcombe and Welch differences, survfit medians.
#
# Run from this folder:  Rscript generate.R   (writes expected.json)
source("compare.R")

d <- read.csv("data.csv", check.names = FALSE, stringsAsFactors = FALSE, na.strings = "NA")
d$sex_M <- as.numeric(d$sex == "M")            # treatment coding against F, as factor(sex)
stopifnot(all(d$sex %in% c("F", "M")))
outcomes <- setdiff(names(d), c("participant", "group", "composition", "site", "age", "sex", "sex_M", "time_to_job_event"))
kind_of <- function(name) {
  if (name %in% c("reemployed", "retained")) "binary"
  else if (name == "time_to_job") "survival"
  else "continuous"
}

# by: the compared column; levels: reference first, the rest by Unicode code points.
run <- function(name, covariates, by = "composition", levels = c("heterogeneous", "homogeneous")) {
  list(name = name, by = by, adjust = as.list(unique(sub(":.*", "", names(covariates)))),
       outcomes = lapply(outcomes, function(o) {
         rows <- !is.na(d[[o]])
         x <- data.frame(group = d$group[rows], level = d[[by]][rows], y = d[[o]][rows],
                         age = d$age[rows], sex_M = d$sex_M[rows], stringsAsFactors = FALSE)
         if (o == "time_to_job") x$event <- d$time_to_job_event[rows]
         analyse(x, o, kind_of(o), levels, covariates)
       }))
}

expected <- c(versions(), list(analyses = list(
  run("unadjusted", character(0)),
  run("age_sex", c(age = "age", "sex:M" = "sex_M")),
  run("by_site", character(0), "site", c("Cesena", "Faenza", "Forl\u00ec", "Lugo", "Ravenna", "Rimini")),
  run("by_sex_adjusted_age", c(age = "age"), "sex", c("F", "M"))
)))
write_expected(expected, "expected.json")
