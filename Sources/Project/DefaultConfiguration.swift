/// The commented `evalrun.toml` that `evalrun init` writes: every default
/// spelled out as a comment, so the file can be edited or replaced whole.
public enum DefaultConfiguration {
    public static let text = """
        # evalrun project configuration. Every key is optional: a commented line
        # shows the default that applies when the key is absent.

        [retention]
        # threshold = 0.75        # share of meetings attended
        # inclusive = false       # false: retained when rate > threshold; true: >=

        [suppression]
        # threshold = 5           # counts below this are suppressed in funder outputs
        # round = 0               # 0: no rounding; 5: displayed counts rounded to the nearest 5 after suppression

        [programme]
        # budget = 0              # total cost, for cost per outcome (0: not declared)
        # currency = "EUR"

        [reemployment]
        # events = ["traineeship", "fixed_term", "permanent", "self_employment"]
        # breakdown = "best"      # or "first"
        # window_days = 0         # 0: no window; else only events up to enrolment + window count

        [jobs]
        # gap_days = 30           # jobs at most this many days apart count as one period in work

        # Targets for the key figures: the report shows target, actual and status
        # (met / not_met / uncertain / not_observable; the 95% interval decides).
        # [targets]
        # reemployment_rate = 0.4
        # retention_rate = 0.7
        # wellbeing_change.WEMWBS = 3
        # spend_per_reemployed = 1500     # a spend is met below its target
        # [targets."2016"]                # a period's own targets replace the general ones
        # period_activity.enrolled = 20

        # A custom instrument (built-ins WEMWBS, SWEMWBS, RSES, GHQ12, GSE, PHQ9 need no entry;
        # any of their keys may be redeclared alone, e.g. [instruments.WEMWBS] max_missing = 1):
        # [instruments.AGREE]
        # items = 5
        # min = 1
        # max = 6
        # reverse = [1]           # 1-based item numbers, scored as (min + max - x)
        # score = "sum"           # or "mean"
        # better = "higher"       # or "lower"
        # max_missing = 0         # items that may be missing; the score is prorated
        # reliability = 0.70      # optional published reliability for the RCI
        # mid = 3                 # optional minimal important difference (score points)
        # norm_mean = 0.0         # optional population reference (with norm_sd, norm_source)

        # Rename any column of an export:
        # [columns.participants]
        # "codice anonimo" = "participant_id"

        """
}
