import Testing

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

    @Test("text that is not a number reads as missing")
    func notNumbers() {
        #expect(ItemList.decode("1,-,x,,2") == [1, nil, nil, nil, 2])
    }
}
