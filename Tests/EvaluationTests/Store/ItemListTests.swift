import Testing

@testable import Ingest
@testable import Store

@Suite("Questionnaire items as stored")
struct ItemListTests {
    // (A single blank item is stored as an empty text and reads back as no items: one-item
    // instruments are scored from `score`.)
    @Test(
        "items read back as written: blanks, whole numbers, negatives, fractions",
        arguments: [
            [Double?](), [3, 2, nil, 5], [nil, nil], [0, -1, 2.5, 1e-7, 12345678901], [-0.0, 4],
        ])
    func roundTrip(_ items: [Double?]) {
        #expect(ItemList.decode(ItemList.encode(items)) == items)
    }

    @Test(
        "items are stored as their short renderings joined by commas",
        arguments: [
            [Double?](), [3, 2, nil, 5], [nil], [nil, nil], [0, -1, 2.5, 1e-7, 12345678901, -0.0, 1e15, -1e16, 0.1, -42],
        ])
    func encoding(_ items: [Double?]) {
        let expected = items.isEmpty ? nil : items.map { $0.map { $0.formatted } ?? "" }.joined(separator: ",")
        #expect(ItemList.encode(items) == expected)
    }

    @Test("text that is not a number reads as missing")
    func notNumbers() {
        #expect(ItemList.decode("1,-,x,,2") == [1, nil, nil, nil, 2])
    }
}
