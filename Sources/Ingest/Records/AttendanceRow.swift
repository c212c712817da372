import EvaluationDomain

/// One attendance mark: a row of a long register, or a cell of a wide one.
public struct AttendanceRow: Sendable, Equatable {
    public var line: Int
    /// 1-based field number of the meeting (the cell of a wide register, the
    /// `session_no` or `date` column of a long one), for messages.
    public var column: Int
    public var groupCode: String
    public var participantCode: String
    /// The meeting, by number or by date (one of the two is set).
    public var sessionNo: Int?
    public var date: CalendarDate?
    public var present: Bool
    /// A blank or absent cell of a wide register: dropped silently when the
    /// participant's group did not meet on that date (METHODS §5 "Meetings").
    public var droppableIfNoMeeting: Bool
}
