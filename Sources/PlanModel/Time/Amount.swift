/// A money amount in fixed point, ten-thousandths of the currency unit, so that MSPDI's cents
/// (and fractions of them) and rates such as 12.3456/h survive a round trip exactly.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale = 10_000
    public var tenThousandths: Int

    public init(tenThousandths: Int) { self.tenThousandths = tenThousandths }
    public init(units: Int) { self.tenThousandths = units * Amount.scale }
    public static let zero = Amount(tenThousandths: 0)

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

    /// Decimal text with as few fraction digits as needed: `12`, `12.5`, `-0.0001`.
    public var description: String {
        let negative = tenThousandths < 0
        let magnitude = tenThousandths.magnitude
        let whole = magnitude / UInt(Amount.scale)
        var fraction = magnitude % UInt(Amount.scale)
        var text = (negative ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = 4
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// Parses plain decimal text (`-12.5`, `0.0001`); more than four fraction digits are rejected
    /// rather than rounded, so that callers can report the loss.
    public init?(decimal text: some StringProtocol) {
        var s = Substring(text)
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        // "." and "-" hold no digit at all: not zero, not a number.
        guard let wholeText = parts.first, !(wholeText.isEmpty && (parts.count == 1 || parts[1].isEmpty)),
            wholeText.allSatisfy(\.isASCII), wholeText.allSatisfy(\.isNumber)
        else { return nil }
        let whole = wholeText.isEmpty ? 0 : Int(wholeText)
        guard let whole else { return nil }
        var fraction = 0
        if parts.count == 2 {
            var digits = parts[1]
            while digits.count > 4 && digits.last == "0" { digits = digits.dropLast() }
            guard digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = (Int(digits) ?? 0) * [1000, 100, 10, 1, 1][max(digits.count - 1, 0)]
            if digits.isEmpty { fraction = 0 }
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: Amount.scale)
        let (value, sumOverflow) = product.addingReportingOverflow(fraction)
        guard !overflow, !sumOverflow else { return nil }
        tenThousandths = negative ? -value : value
    }
}

/// A cost rate: an amount per unit of time (MSPDI stores rates per hour; the unit is the display unit).
public struct Rate: Hashable, Sendable {
    public var amount: Amount
    public var per: DurationUnit

    public init(amount: Amount, per: DurationUnit = .hours) {
        self.amount = amount
        self.per = per
    }
}
