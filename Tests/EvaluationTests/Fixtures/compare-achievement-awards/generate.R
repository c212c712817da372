# Reference values for the analyses of `evalrun compare` on real clustered data
# shipped by Debian R packages, run through OutcomeAnalysis directly:
#
# * clubSandwich::AchievementAwardsRCT (Angrist & Lavy 2009): the 2001 cohort
#   of the 17 schools of pairs 1-9 (1,576 students; cash awards assigned by
#   school, 9 treated, 8 control: C(17, 8) = 24,310 relabelings, so the exact
#   randomization test runs). Outcomes: Bagrut attainment (binary) and units
#   attempted (continuous); by treatment alone and adjusted for sex (Boy/Girl,
#   a categorical covariate: dummy sex:Girl) and lagscore (numeric).
#   Written as data.csv.
# * survival::rats (Mantel et al. 1977): 300 rats in 100 litters, treatment
#   rx (levels "0", "1") assigned within litters; time to tumour, Cox model
#   clustered by litter, by rx alone and adjusted for sex (f/m: dummy sex:m).
#   Treatment varies within litters, so no randomization test. Written as rats.csv.
#
# The analyses are those of ../compare-8groups/compare.R.
# Run from this folder:  Rscript generate.R   (writes data.csv, rats.csv, expected.json)
source("../compare-8groups/compare.R")

a <- subset(clubSandwich::AchievementAwardsRCT, year == "2001" & pair %in% 1:9)
a <- data.frame(school = as.integer(a$school_id), arm = ifelse(a$treated == 1, "treated", "control"),
                sex = a$sex, lagscore = a$lagscore, attained = a$Bagrut_status, attempted = a$attempted,
                stringsAsFactors = FALSE)
write.csv(a, "data.csv", row.names = FALSE, quote = FALSE)
a <- read.csv("data.csv", stringsAsFactors = FALSE)       # exactly what the Swift test reads
a$sex_Girl <- as.numeric(a$sex == "Girl")

r <- survival::rats
r <- data.frame(litter = as.integer(r$litter), rx = as.character(r$rx), sex = r$sex,
                time = r$time, status = as.integer(r$status), stringsAsFactors = FALSE)
write.csv(r, "rats.csv", row.names = FALSE, quote = FALSE)
r <- read.csv("rats.csv", stringsAsFactors = FALSE, colClasses = c(rx = "character"))
r$sex_m <- as.numeric(r$sex == "m")

awards <- function(outcome, kind, covariates) {
  x <- data.frame(group = a$school, level = a$arm, y = a[[outcome]], sex_Girl = a$sex_Girl,
                  lagscore = a$lagscore, stringsAsFactors = FALSE)
  analyse(x, outcome, kind, c("control", "treated"), covariates)
}
rats <- function(covariates) {
  x <- data.frame(group = r$litter, level = r$rx, y = r$time, event = r$status, sex_m = r$sex_m,
                  stringsAsFactors = FALSE)
  analyse(x, "tumour", "survival", c("0", "1"), covariates)
}
adjusted <- c("sex:Girl" = "sex_Girl", lagscore = "lagscore")

expected <- c(versions(), list(analyses = list(
  list(name = "awards_unadjusted", outcomes = list(
    awards("attained", "binary", character(0)), awards("attempted", "continuous", character(0)))),
  list(name = "awards_sex_lagscore", outcomes = list(
    awards("attained", "binary", adjusted), awards("attempted", "continuous", adjusted))),
  list(name = "rats_unadjusted", outcomes = list(rats(character(0)))),
  list(name = "rats_sex", outcomes = list(rats(c("sex:m" = "sex_m"))))
)))
write_expected(expected, "expected.json")
