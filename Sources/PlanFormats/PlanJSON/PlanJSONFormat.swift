import PlanModel

/// PlanBridge JSON: the canonical model written out, documented by `schemas/plan.schema.json`.
public enum PlanJSONFormat {
    public static let descriptor = FormatDescriptor(
        id: "json",
        aliases: ["planbridge", "plan-json"],
        displayName: "PlanBridge JSON",
        extensions: ["json"],
        mediaTypes: ["application/vnd.planbridge+json", "application/json"],
        sniff: sniff,
        reader: PlanJSONReader(),
        writer: PlanJSONWriter()
    )

    /// Certain when the prefix is an object with a `"format": "planbridge"` member (the writer puts
    /// it first); possible for any other JSON object, which may hold it further on.
    @Sendable static func sniff(_ prefix: SniffPrefix) -> SniffConfidence {
        let text = prefix.text.utf8
        guard text.first == UInt8(ascii: "{") else { return .no }
        let key = Array(#""format""#.utf8)
        let value = Array(#""planbridge""#.utf8)
        var rest = text[...]
        while let found = rest.firstRange(of: key) {
            var after = rest[found.upperBound...].drop { isJSONWhitespace($0) }
            if after.first == UInt8(ascii: ":") {
                after = after.dropFirst().drop { isJSONWhitespace($0) }
                if after.starts(with: value) { return .certain }
            }
            rest = rest[found.upperBound...]
        }
        return .possible
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
