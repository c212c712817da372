import EvaluationDomain
import Indicators
import Ingest

/// METHODS §6 "Guardrails": the opening says when the period starts after the
/// data end and how many check errors there are; "Data checks" lists every
/// finding of the cross-file checks by kind with its count, naming no one.
extension ReportComposer {
    /// Sentences for the opening (empty when there is nothing to say).
    var guardrailParagraphs: [ReportDocument.Block] {
        let l = language
        var blocks: [ReportDocument.Block] = []
        if let latest = release.latestDate, release.period.from > latest {
            blocks.append(
                .paragraph(
                    l.text("report.datachecks.warning_the_period_starts_after_the", l.date(latest))))
        }
        if let earliest = release.earliestDate, release.period.to < earliest {
            blocks.append(.paragraph(l.text("report.datachecks.period_ends_before_the_first_date", l.date(earliest))))
        }
        let errors = release.dataChecks.filter { $0.severity == .error }.reduce(0) { $0 + $1.count }
        if errors > 0 {
            blocks.append(
                .paragraph(
                    l.text("report.datachecks.the_data_checks_found_error_s", l.count(errors))))
        }
        return blocks
    }

    var dataChecksSection: [ReportDocument.Block] {
        let l = language
        let heading = ReportDocument.Block.heading(level: 2, text: l.text("report.datachecks.data_checks"))
        guard !release.dataChecks.isEmpty else {
            return [
                heading,
                .paragraph(
                    l.text("report.datachecks.the_cross_file_checks_attendance_against")),
            ]
        }
        let rows: [[Cell]] = release.dataChecks.map { c in
            [
                Cell(checkName(c.kind), csv: .text(c.kind.rawValue)),
                Cell(
                    c.severity == .error ? l.text("report.datachecks.error") : l.text("report.datachecks.warning"),
                    csv: .text(c.severity.rawValue)),
                Cell(l.count(c.count), csv: .integer(c.count)),
            ]
        }
        return [
            heading,
            table(
                id: "data_checks",
                caption: l.text("report.datachecks.findings_of_the_cross_file_checks"),
                columns: [
                    Column(l.text("report.datachecks.check"), key: "check"), Column(l.text("report.datachecks.severity"), key: "severity"),
                    Column(l.text("report.datachecks.findings"), key: "count", .number),
                ],
                rows: rows),
        ]
    }

    func checkName(_ kind: ConsistencyCheck.Kind) -> String { DataCheckName.of(kind, language) }
}

/// The name of each cross-file check, in words (the report's "Data checks", `evalrun check`).
public enum DataCheckName {
    public static func of(_ kind: ConsistencyCheck.Kind, _ l: ReportLanguage) -> String {
        switch kind {
        case .meetingWithoutDate: return l.text("report.datachecks.meeting_without_a_date")
        case .groupWithoutMeetings: return l.text("report.datachecks.group_without_meetings")
        case .markInAnotherGroup:
            return l.text("report.datachecks.attendance_in_another_group_than_the")
        case .presentAtCancelledMeeting: return l.text("report.datachecks.present_at_a_cancelled_meeting")
        case .presentBeforeEnrolment: return l.text("report.datachecks.present_before_enrolling")
        case .presentAfterLeaving: return l.text("report.datachecks.present_after_leaving")
        case .outcomeOutOfRange: return l.text("report.datachecks.outcome_dated_before_1990_or_in")
        case .outcomeBeforeEnrolment: return l.text("report.datachecks.outcome_dated_before_enrolment")
        case .undeclaredInstrument: return l.text("report.datachecks.questionnaire_of_an_undeclared_instrument")
        case .itemOutOfRange: return l.text("report.datachecks.questionnaire_item_out_of_range")
        case .wrongItemCount: return l.text("report.datachecks.questionnaire_with_the_wrong_number_of")
        case .serviceBeforeEnrolment: return l.text("report.datachecks.service_before_enrolment")
        case .serviceInFuture: return l.text("report.datachecks.service_dated_in_the_future")
        case .questionnaireBeforeEnrolment:
            return l.text("report.datachecks.questionnaire_completed_before_enrolment")
        case .lowAlpha: return l.text("report.datachecks.low_alpha")
        case .jobEndsBeforeStart: return l.text("report.datachecks.job_ends_before_start")
        case .overlappingJobs: return l.text("report.datachecks.overlapping_jobs")
        case .blankItems:
            return l.text("report.datachecks.questionnaire_left_out_of_scoring_blank")
        }
    }
}
