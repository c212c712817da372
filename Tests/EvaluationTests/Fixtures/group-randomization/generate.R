# Reference p-values for GroupRandomizationTest, by hand-written exact
# enumeration of every relabeling with combn() (no package does this test).
#
# Run from this folder:  Rscript generate.R   (writes expected.json)
#
# For each case: the observation values y, the zero-based group index g of
# each observation (groups numbered in the order listed in `groups`), the
# per-group flag `carries` (TRUE = non-reference level), and, enumerated over
# all C(G, k) choices of the k non-reference groups:
#   statistic "difference": mean(y | non-reference) - mean(y | reference),
#              observation level (the participant-level difference of METHODS §5);
#   statistic "group_means": mean of the non-reference group means minus mean
#              of the reference group means (a caller-supplied statistic);
# p = #{|T| >= |T_obs| - 1e-12 * max(1, |T_obs|)} / C(G, k).
suppressPackageStartupMessages(library(jsonlite))

enumerate <- function(y, g, carries, stat) {
  G <- length(carries)
  k <- sum(carries)
  t_obs <- stat(carries[g + 1])
  combos <- combn(G, k)
  t_all <- apply(combos, 2, function(chosen) {
    lab <- rep(FALSE, G)
    lab[chosen] <- TRUE
    stat(lab[g + 1])
  })
  thr <- abs(t_obs) - 1e-12 * max(1, abs(t_obs))
  list(observed = t_obs, relabelings = ncol(combos), extreme = sum(abs(t_all) >= thr),
       p = sum(abs(t_all) >= thr) / ncol(combos))
}

make_case <- function(name, y, group_label, group_levels, carries_levels) {
  g <- match(as.character(group_label), group_levels) - 1L
  carries <- group_levels %in% carries_levels
  diff_stat <- function(on) mean(y[on]) - mean(y[!on])
  gm <- tapply(y, g, mean)
  gm_stat <- function(on) {
    per_group <- tapply(on, g, function(v) v[1])
    mean(gm[per_group]) - mean(gm[!per_group])
  }
  list(name = name, y = I(y), g = I(g), groups = I(group_levels), carries = I(carries),
       difference = enumerate(y, g, carries, diff_stat),
       group_means = enumerate(y, g, carries, gm_stat))
}

co2 <- datasets::CO2
plants8 <- c("Qn1", "Qn2", "Qc1", "Qc2", "Mn1", "Mn2", "Mc1", "Mc2")
co2_8 <- co2[co2$Plant %in% plants8, ]
plants12 <- levels(droplevels(co2$Plant))
co2_2 <- co2[co2$Plant %in% c("Qn1", "Mn1"), ]

cw <- datasets::ChickWeight
chicks <- c(as.character(1:6), as.character(41:44))   # diet 1: chicks 1-6, diet 3: chicks 41-44
cw10 <- cw[as.character(cw$Chick) %in% chicks, ]

cases <- list(
  # CO2 uptake, 8 plants, 4 from Mississippi (non-reference) vs 4 from Quebec: 70 relabelings.
  make_case("co2_8_plants", co2_8$uptake, co2_8$Plant, plants8, plants8[5:8]),
  # All 12 plants, 6 vs 6: 924 relabelings.
  make_case("co2_12_plants", co2$uptake, co2$Plant, plants12,
            plants12[substr(plants12, 1, 1) == "M"]),
  # Two plants, one per level: 2 relabelings, p = 1.
  make_case("co2_2_plants", co2_2$uptake, co2_2$Plant, c("Qn1", "Mn1"), "Mn1"),
  # Chick weights, unequal numbers of measurements per chick: diet 3 (4 chicks)
  # vs diet 1 (6 chicks): 210 relabelings.
  make_case("chickweight_10", cw10$weight, cw10$Chick, chicks, chicks[7:10])
)

write_json(list(r_version = R.version.string, cases = cases), "expected.json",
           digits = NA, auto_unbox = TRUE)
for (cs in cases) cat(sprintf("%-16s n=%3d G=%2d relabelings=%4d p=%.6f (group means p=%.6f)\n",
                              cs$name, length(cs$y), length(cs$groups), cs$difference$relabelings,
                              cs$difference$p, cs$group_means$p))
