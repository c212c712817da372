# Independent R reference for the "jobs that last" indicators.
#
# What it computes, for two programmes and the period 2016 (T = 2016-12-31,
# gap_days = 30), straight from the written definitions (no Swift code used):
#   - cohort (enrolled_on <= T) and re-employed (>= 1 counted employment spell)
#   - in_work_at_{3,6,12}m and continuous_{3,6,12}m  (checkpoints firstStart +
#     91 / 183 / 365 days)
#   - in_work_6m_after_leaving (ESF+ common result indicator; L + 183 days)
#   - moved_to_permanent
#   - days_in_work_{182,365}_after_leaving (n, mean, median)
#   - first_period: Kaplan-Meier (survival::survfit) of the first period in
#     work, with its median, 95% CI and S(t) at 3, 6, 12 months
# Every rate carries numerator, denominator, rate, Wilson 95% interval, lost
# and rate_if_all_lost_employed.
#
# Inputs:
#   demo:      ../../../../datasets/demo (participants.csv, esiti.csv,
#              gruppi.csv, incontri.csv; Italian exports, latin1, dd/mm/yyyy)
#   generated: ./programme, written once by
#              evalrun synth --participants 300 --seed 11 --plain \
#                --out Tests/EvaluationTests/Fixtures/jobs-that-last/programme --quiet
#              (only participants, groups, sessions and outcomes are kept: the rest is not read)
# Output: expected.json beside this script.
#
# Run:
#   cd Tests/EvaluationTests/Fixtures/jobs-that-last && Rscript generate.R
# Needs R with the packages survival and jsonlite
# (Debian: apt-get install -y r-base-core r-cran-survival r-cran-jsonlite).

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

PERIOD_TO <- as.Date("2016-12-31")
GAP_DAYS <- 30
CHECKPOINTS <- c("3" = 91, "6" = 183, "12" = 365)
KM_TIMES <- c("3" = 91.3125, "6" = 182.625, "12" = 365.25)
EMPLOYMENT <- c("traineeship", "fixed_term", "permanent", "self_employment")

# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

read_table <- function(path, sep, encoding = "UTF-8") {
  x <- read.table(path, header = TRUE, sep = sep, quote = "\"",
                  colClasses = "character", na.strings = character(0),
                  fileEncoding = encoding, encoding = "UTF-8",
                  comment.char = "", strip.white = TRUE, check.names = FALSE)
  x[] <- lapply(x, function(v) { v <- trimws(v); v[v == ""] <- NA; v })
  x
}

iso <- function(v) as.Date(v, format = "%Y-%m-%d")
dmy <- function(v) as.Date(v, format = "%d/%m/%Y")

# Common in-memory shape:
#   participants: id, group, enrolled, left, followed (Dates; NA when blank)
#   outcomes:     id, type (English), start, end
#   groups:       group, planned (integer or NA)
#   sessions:     group, no, date, held (logical)

read_demo <- function(dir) {
  p <- read_table(file.path(dir, "participants.csv"), ",")
  o <- read_table(file.path(dir, "esiti.csv"), ";", "latin1")
  g <- read_table(file.path(dir, "gruppi.csv"), ";", "latin1")
  s <- read_table(file.path(dir, "incontri.csv"), ";", "latin1")
  types <- c("tirocinio" = "traineeship", "tempo determinato" = "fixed_term",
             "TI" = "permanent", "autoimpiego" = "self_employment",
             "formazione" = "training")
  unknown <- setdiff(unique(o$tipo_contratto), names(types))
  if (length(unknown)) stop("unknown tipo_contratto: ", paste(unknown, collapse = ", "))
  held <- c("s\u00ec" = TRUE, "no" = FALSE)
  if (!all(s$svolto %in% names(held))) stop("unknown svolto value")
  list(
    participants = data.frame(id = p$participant_id, group = p$group_id,
                              enrolled = iso(p$enrolled_on), left = iso(p$left_on),
                              followed = iso(p$followed_up_until),
                              stringsAsFactors = FALSE),
    outcomes = data.frame(id = o$codice_partecipante,
                          type = unname(types[o$tipo_contratto]),
                          start = dmy(o$data_evento), end = dmy(o$data_fine),
                          stringsAsFactors = FALSE),
    groups = data.frame(group = g$gruppo,
                        planned = as.integer(g$incontri_previsti),
                        stringsAsFactors = FALSE),
    sessions = data.frame(group = s$gruppo, no = as.integer(s$incontro),
                          date = dmy(s$data), held = unname(held[s$svolto]),
                          stringsAsFactors = FALSE)
  )
}

read_generated <- function(dir) {
  p <- read_table(file.path(dir, "participants.csv"), ",")
  o <- read_table(file.path(dir, "outcomes.csv"), ",")
  g <- read_table(file.path(dir, "groups.csv"), ",")
  s <- read_table(file.path(dir, "sessions.csv"), ",")
  known <- c(EMPLOYMENT, "training", "other")
  unknown <- setdiff(unique(o$outcome), known)
  if (length(unknown)) stop("unknown outcome: ", paste(unknown, collapse = ", "))
  if (!all(s$held %in% c("1", "0"))) stop("unknown held value")
  list(
    participants = data.frame(id = p$participant_id, group = p$group_id,
                              enrolled = iso(p$enrolled_on), left = iso(p$left_on),
                              followed = iso(p$followed_up_until),
                              stringsAsFactors = FALSE),
    outcomes = data.frame(id = o$participant_id, type = o$outcome,
                          start = iso(o$event_date), end = iso(o$end_date),
                          stringsAsFactors = FALSE),
    groups = data.frame(group = g$group_id,
                        planned = as.integer(g$planned_sessions),
                        stringsAsFactors = FALSE),
    sessions = data.frame(group = s$group_id, no = as.integer(s$session_no),
                          date = iso(s$date), held = s$held == "1",
                          stringsAsFactors = FALSE)
  )
}

# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------

# A Date-valued NA-aware minimum of two vectors (NA only when both are NA).
pmin_date <- function(a, b) {
  out <- pmin(a, b, na.rm = TRUE)
  out
}

# Group end by T: date of the last held meeting dated <= T, when the group
# has ended; NA otherwise.
group_end <- function(group, planned, sessions, T) {
  s <- sessions[sessions$group == group, , drop = FALSE]
  held_dates <- s$date[s$held & !is.na(s$date) & s$date <= T]
  if (length(held_dates) == 0) return(as.Date(NA))
  last_held <- max(held_dates)
  if (!is.na(planned)) {
    cancelled <- sum(!s$held & (is.na(s$date) | s$date <= T))
    ended <- length(held_dates) + cancelled >= planned
  } else {
    ended <- !any(!is.na(s$date) & s$date > last_held)
  }
  if (ended) last_held else as.Date(NA)
}

group_ends <- function(d, T) {
  ends <- vapply(d$groups$group, function(g)
    as.numeric(group_end(g, d$groups$planned[d$groups$group == g], d$sessions, T)),
    numeric(1))
  setNames(as.Date(ends, origin = "1970-01-01"), d$groups$group)
}

# Merge sorted spells into periods in work. Returns data.frame(start, end)
# with end NA for an ongoing period.
merge_periods <- function(start, end, gap) {
  if (length(start) == 0) return(data.frame(start = as.Date(character(0)),
                                            end = as.Date(character(0))))
  o <- order(start, is.na(end), end)
  start <- start[o]; end <- end[o]
  ps <- start[1]; pe <- end[1]
  out_s <- as.Date(character(0)); out_e <- as.Date(character(0))
  for (k in seq_along(start)[-1]) {
    if (is.na(pe) || as.numeric(start[k] - pe) <= gap) {
      pe <- if (is.na(pe) || is.na(end[k])) as.Date(NA) else max(pe, end[k])
    } else {
      out_s <- c(out_s, ps); out_e <- c(out_e, pe)
      ps <- start[k]; pe <- end[k]
    }
  }
  data.frame(start = c(out_s, ps), end = c(out_e, pe))
}

covers <- function(periods, day) {
  any(periods$start <= day & (is.na(periods$end) | day <= periods$end))
}

days_covered <- function(periods, from, to) {
  if (nrow(periods) == 0) return(0L)
  days <- seq(from, to, by = "day")
  sum(vapply(seq_along(days), function(k) covers(periods, days[k]), logical(1)))
}

wilson <- function(x, n) {
  if (n == 0) return(c(NA_real_, NA_real_))
  z <- qnorm(0.975)
  p <- x / n
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2)) / (1 + z^2 / n)
  c(max(0, centre - half), min(1, centre + half))
}

rate_entry <- function(numerator, denominator, lost) {
  ci <- wilson(numerator, denominator)
  list(numerator = numerator, denominator = denominator,
       rate = if (denominator == 0) NA_real_ else numerator / denominator,
       ci_low = ci[1], ci_high = ci[2], lost = lost,
       rate_if_all_lost_employed = if (denominator + lost == 0) NA_real_
                                   else (numerator + lost) / (denominator + lost))
}

# ---------------------------------------------------------------------------
# Per-person state
# ---------------------------------------------------------------------------

# One list per cohort member: id, enrolled, obs_end, left (L or NA when not
# left by T), spells (counted), periods, first_start, first_period.
people <- function(d, T, gap) {
  p <- d$participants[!is.na(d$participants$enrolled) & d$participants$enrolled <= T, ]
  p <- p[order(p$id), ]
  gend <- group_ends(d, T)
  emp <- d$outcomes[d$outcomes$type %in% EMPLOYMENT, ]
  emp$end[!is.na(emp$end) & emp$end < emp$start] <-
    emp$start[!is.na(emp$end) & emp$end < emp$start]
  lapply(seq_len(nrow(p)), function(i) {
    r <- p[i, ]
    obs_end <- if (is.na(r$followed)) T else min(r$followed, T)
    sp <- emp[emp$id == r$id & emp$start >= r$enrolled & emp$start <= obs_end, ]
    periods <- merge_periods(sp$start, sp$end, gap)
    ge <- if (!is.na(r$group) && r$group %in% names(gend)) gend[[r$group]] else as.Date(NA)
    L <- pmin_date(ge, r$left)
    if (!is.na(L) && L > T) L <- as.Date(NA)
    first_start <- if (nrow(sp)) min(sp$start) else as.Date(NA)
    list(id = r$id, enrolled = r$enrolled, obs_end = obs_end, left = L,
         spells = sp, periods = periods, first_start = first_start,
         first_period = if (nrow(sp)) periods[1, ] else NULL)
  })
}

# Shared checkpoint logic: base date -> checkpoint c; returns "observed",
# "lost" or "excluded".
checkpoint_status <- function(obs_end, c, T) {
  if (obs_end >= c) "observed" else if (c <= T) "lost" else "excluded"
}

# ---------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------

in_work_at <- function(reemp, offset, T, continuous = FALSE) {
  num <- 0L; den <- 0L; lost <- 0L
  for (x in reemp) {
    c <- x$first_start + offset
    st <- checkpoint_status(x$obs_end, c, T)
    if (st == "lost") lost <- lost + 1L
    if (st != "observed") next
    den <- den + 1L
    ok <- if (continuous) covers(x$first_period, c) else covers(x$periods, c)
    if (ok) num <- num + 1L
  }
  rate_entry(num, den, lost)
}

in_work_6m_after_leaving <- function(cohort, T) {
  num <- 0L; den <- 0L; lost <- 0L
  for (x in cohort) {
    if (is.na(x$left)) next
    c <- x$left + 183
    st <- checkpoint_status(x$obs_end, c, T)
    if (st == "lost") lost <- lost + 1L
    if (st != "observed") next
    den <- den + 1L
    if (nrow(x$periods) && covers(x$periods, c)) num <- num + 1L
  }
  rate_entry(num, den, lost)
}

moved_to_permanent <- function(reemp) {
  num <- 0L; den <- 0L
  for (x in reemp) {
    temp <- x$spells[x$spells$type %in% c("traineeship", "fixed_term"), ]
    if (nrow(temp) == 0) next
    den <- den + 1L
    perm <- x$spells[x$spells$type == "permanent", ]
    if (any(perm$start > min(temp$start))) num <- num + 1L
  }
  rate_entry(num, den, 0L)
}

days_in_work_after_leaving <- function(cohort, N) {
  days <- integer(0)
  for (x in cohort) {
    if (is.na(x$left) || x$obs_end < x$left + N) next
    days <- c(days, days_covered(x$periods, x$left + 1, x$left + N))
  }
  list(n = length(days),
       mean = if (length(days)) mean(days) else NA_real_,
       median = if (length(days)) median(days) else NA_real_)
}

first_period_data <- function(reemp) {
  rows <- lapply(reemp, function(x) {
    e <- x$first_period$end
    if (!is.na(e) && e < x$obs_end) {
      data.frame(participant_id = x$id, time = as.integer(e - x$first_start), event = 1L)
    } else {
      data.frame(participant_id = x$id, time = as.integer(x$obs_end - x$first_start), event = 0L)
    }
  })
  out <- do.call(rbind, rows)
  out[order(out$participant_id), , drop = FALSE]
}

first_period_km <- function(fpd) {
  na3 <- list("3" = NA_real_, "6" = NA_real_, "12" = NA_real_)
  if (is.null(fpd) || nrow(fpd) == 0)
    return(list(median = NA_real_, ci_low = NA_real_, ci_high = NA_real_,
                in_work_after_months = na3))
  fit <- survfit(Surv(time, event) ~ 1, data = fpd)
  tab <- summary(fit)$table
  s <- summary(fit, times = unname(KM_TIMES), extend = TRUE)$surv
  list(median = unname(tab["median"]), ci_low = unname(tab["0.95LCL"]),
       ci_high = unname(tab["0.95UCL"]),
       in_work_after_months = setNames(as.list(s), names(KM_TIMES)))
}

# ---------------------------------------------------------------------------
# Evaluation of one programme
# ---------------------------------------------------------------------------

evaluate <- function(d, T = PERIOD_TO, gap = GAP_DAYS) {
  cohort <- people(d, T, gap)
  reemp <- Filter(function(x) nrow(x$spells) > 0, cohort)
  jobs <- list()
  for (h in names(CHECKPOINTS))
    jobs[[paste0("in_work_at_", h, "m")]] <- in_work_at(reemp, CHECKPOINTS[[h]], T)
  for (h in names(CHECKPOINTS))
    jobs[[paste0("continuous_", h, "m")]] <- in_work_at(reemp, CHECKPOINTS[[h]], T, TRUE)
  jobs$in_work_6m_after_leaving <- in_work_6m_after_leaving(cohort, T)
  jobs$moved_to_permanent <- moved_to_permanent(reemp)
  jobs$days_in_work_182_after_leaving <- days_in_work_after_leaving(cohort, 182)
  jobs$days_in_work_365_after_leaving <- days_in_work_after_leaving(cohort, 365)
  fpd <- if (length(reemp)) first_period_data(reemp) else NULL
  jobs$first_period <- first_period_km(fpd)
  list(period_to = format(T), gap_days = gap,
       cohort = length(cohort), reemployed = length(reemp),
       jobs = jobs,
       first_period_data = if (is.null(fpd)) list() else fpd)
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

expected <- list(
  demo = evaluate(read_demo(file.path("..", "..", "..", "..", "datasets", "demo"))),
  generated = evaluate(read_generated("programme"))
)
rownames(expected$demo$first_period_data) <- NULL
rownames(expected$generated$first_period_data) <- NULL
write_json(expected, "expected.json", auto_unbox = TRUE, digits = NA,
           pretty = TRUE, na = "null")
cat("wrote expected.json\n")
