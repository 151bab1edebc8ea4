import Foundation
import PlanModel

/// Reads PlanBridge JSON (format version 1) into a `Plan`.
///
/// Input must be UTF-8 (a byte-order mark is accepted and ignored). Every diagnostic carries
/// file, line, column and the JSON path of the value concerned. Unknown keys are warnings and
/// their values are ignored; wrong types, bad values, duplicate or missing required keys are
/// errors, all collected, and then reading fails with `PlanError.Kind.unreadableInput`. Syntax
/// errors, invalid UTF-8, nesting deeper than `maximumDepth` and documents that are not
/// PlanBridge JSON stop at once; a newer format version fails with `.unsupportedVersion`.
public struct PlanJSONReader: PlanReader {
    /// Arrays and objects nested deeper than this are refused, so hostile input cannot exhaust
    /// anything; real documents nest about eight deep.
    public static let maximumDepth = 512

    public init() {}

    public func read(_ input: PlanInput, options: ReadOptions) throws(PlanError) -> ReadResult {
        let result = input.data.withUnsafeBytes { raw in
            Self.read(raw.assumingMemoryBound(to: UInt8.self), sourceName: input.sourceName, options: options)
        }
        return try result.get()
    }

    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, sourceName: String, options: ReadOptions
    ) -> Result<ReadResult, PlanError> {
        var text = bytes
        if text.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = UnsafeBufferPointer(rebasing: text[3...])
        } else if text.starts(with: [0xFF, 0xFE]) || text.starts(with: [0xFE, 0xFF]) {
            return .failure(PlanError(.unreadableInput, Diagnostic(
                .encodingInvalidUTF8, "PlanBridge JSON is UTF-8, but this input starts with a UTF-16 byte-order mark",
                at: SourceLocation(file: sourceName, line: 1, column: 1))))
        }

        var mapper = PlanJSONMapper(text: text, sourceName: sourceName, options: options, maximumDepth: maximumDepth)
        if let bad = UTF8Check.firstInvalidOffset(in: text) {
            let byte = String(text[bad], radix: 16, uppercase: true)
            var location = mapper.location(at: bad)
            location.path = nil  // nothing has been parsed yet
            let diagnostic = Diagnostic(
                .encodingInvalidUTF8, "invalid UTF-8 (byte 0x\(byte)); PlanBridge JSON must be UTF-8", at: location)
            return .failure(PlanError(.unreadableInput, diagnostic))
        }

        let plan: Plan
        do {
            plan = try mapper.document()
        } catch {
            let diagnostic = mapper.diagnostic(for: error)
            // A foreign or newer document explains everything else; its other findings are noise.
            let related = error.code == .jsonSyntax || error.code == .jsonTruncated || error.code == .jsonTooDeep
                ? mapper.reportedDiagnostics : []
            return .failure(PlanError(error.kind, diagnostic, related: related))
        }
        if mapper.errorCount > 0, let first = mapper.reportedDiagnostics.firstIndex(where: { $0.severity == .error }) {
            var related = mapper.reportedDiagnostics
            let primary = related.remove(at: first)
            return .failure(PlanError(.unreadableInput, primary, related: related))
        }
        return .success(ReadResult(plan: plan, diagnostics: mapper.reportedDiagnostics))
    }
}
