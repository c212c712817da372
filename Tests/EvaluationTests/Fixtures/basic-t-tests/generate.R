# Reference values for OneSampleTTest, PairedTTest and WelchTTest.
# Run from this folder: Rscript generate.R   (writes expected.json)
# Data: datasets::sleep (paired by ID: group 1 = baseline, group 2 = end),
# datasets::ToothGrowth, datasets::mtcars, datasets::precip, datasets::women.
library(jsonlite)

tt <- function(r) list(estimate = unname(if (length(r$estimate) == 2) r$estimate[1] - r$estimate[2] else r$estimate),
  t = unname(r$statistic), df = unname(r$parameter), p = r$p.value,
  lower = r$conf.int[1], upper = r$conf.int[2], stderr = r$stderr)

sleep_baseline <- sleep$extra[sleep$group == 1][order(sleep$ID[sleep$group == 1])]
sleep_end <- sleep$extra[sleep$group == 2][order(sleep$ID[sleep$group == 2])]

paired <- list(
  list(name = "sleep", baseline = sleep_baseline, end = sleep_end, level = 0.95,
    result = tt(t.test(sleep_end, sleep_baseline, paired = TRUE))),
  list(name = "sleep 90%", baseline = sleep_baseline, end = sleep_end, level = 0.90,
    result = tt(t.test(sleep_end, sleep_baseline, paired = TRUE, conf.level = 0.90))),
  list(name = "two pairs", baseline = c(1, 2), end = c(2, 3.5), level = 0.95,
    result = tt(t.test(c(2, 3.5), c(1, 2), paired = TRUE))))

welch <- function(name, a, b, level = 0.95)
  list(name = name, a = a, b = b, level = level, result = tt(t.test(a, b, conf.level = level)))
two <- list(
  welch("sleep by group (2 vs 1)", sleep_end, sleep_baseline),
  welch("ToothGrowth len, OJ vs VC", ToothGrowth$len[ToothGrowth$supp == "OJ"], ToothGrowth$len[ToothGrowth$supp == "VC"]),
  welch("mtcars mpg, manual vs automatic", mtcars$mpg[mtcars$am == 1], mtcars$mpg[mtcars$am == 0]),
  welch("mtcars mpg, manual vs automatic 99%", mtcars$mpg[mtcars$am == 1], mtcars$mpg[mtcars$am == 0], 0.99),
  welch("two and two", c(1, 2), c(3, 5)),
  welch("one side constant", c(4, 4, 4), c(1, 2, 6)))

one <- list(
  list(name = "precip, mu = 30", x = unname(precip), mu = 30, level = 0.95,
    result = tt(t.test(precip, mu = 30))),
  list(name = "women height, mu = 0", x = women$height, mu = 0, level = 0.95,
    result = tt(t.test(women$height))),
  list(name = "sleep change", x = sleep_end - sleep_baseline, mu = 0, level = 0.95,
    result = tt(t.test(sleep_end - sleep_baseline))))

write_json(list(r_version = R.version.string, paired = paired, welch = two, one_sample = one),
  "expected.json", digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE)
