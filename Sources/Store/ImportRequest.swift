import EvaluationDomain

/// One file to import.
public struct ImportRequest: Sendable {
    public var kind: FileKind
    public var path: String
    /// For attendance: `true` reads a wide register, `false` a long one, `nil` detects.
    public var wide: Bool?

    public init(kind: FileKind, path: String, wide: Bool? = nil) {
        self.kind = kind
        self.path = path
        self.wide = wide
    }
}
