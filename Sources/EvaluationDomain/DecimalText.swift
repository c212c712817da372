import Foundation

/// A number written plainly, for messages, attribute values and CSV cells:
/// at most `digits` decimals, trailing zeros trimmed, `-0` as `0`, with a
/// decimal point or comma. Not for funder tables (those use the report
/// language's formatting).
public enum DecimalText {
    public static func format(_ x: Double, digits: Int, decimalComma: Bool = false) -> String {
        guard x.isFinite else { return "" }
        var text = String(format: "%.\(digits)f", x)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
