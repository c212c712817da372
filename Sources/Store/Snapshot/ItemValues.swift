/// One questionnaire's item answers (`nil` for an item left blank), held in
/// a buffer shared by every questionnaire of a snapshot.
///
/// An array of `Double?` per questionnaire costs a heap object and 16 bytes
/// an item; a regional programme has millions of questionnaires. Here an
/// answer is 8 bytes in one flat array (NaN for a blank, which no import
/// stores as an answer) and a questionnaire holds where its answers start.
public struct ItemValues: RandomAccessCollection, Sendable, Equatable {
    /// The shared answers of a snapshot.
    public final class Buffer: Sendable {
        @usableFromInline let values: [Double]

        init(_ values: [Double]) { self.values = values }
    }

    @usableFromInline let buffer: Buffer
    @usableFromInline let start: Int32
    @usableFromInline let length: Int32

    init(buffer: Buffer, start: Int, count: Int) {
        self.buffer = buffer
        self.start = Int32(start)
        length = Int32(count)
    }

    /// No answers (a pre-scored questionnaire).
    public init() {
        self.init(buffer: Self.empty, start: 0, count: 0)
    }

    private static let empty = Buffer([])

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { Int(length) }

    @inlinable
    public subscript(position: Int) -> Double? {
        let x = buffer.values[Int(start) + position]
        return x.isNaN ? nil : x
    }

    public static func == (a: ItemValues, b: ItemValues) -> Bool { a.elementsEqual(b) }
}
