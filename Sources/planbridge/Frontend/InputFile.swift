import Foundation
import PlanFormats
import PlanModel

/// Turns a command-line input name into bytes: `-` is standard input, anything else a file,
/// memory-mapped so that a large export is not copied before it is parsed.
enum InputFile {
    static let standardInputName = "<stdin>"

    static func read(_ path: String, context: ToolContext) throws(PlanError) -> PlanInput {
        try read(path, standardInput: context.readStandardInput)
    }

    static func read(_ path: String, standardInput: () throws -> Data) throws(PlanError) -> PlanInput {
        do {
            if path == "-" {
                return PlanInput(sourceName: standardInputName, data: try standardInput())
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            return PlanInput(sourceName: path, data: data)
        } catch {
            let name = path == "-" ? "standard input" : "'\(path)'"
            let reason = SystemError.reason(error)
            let code: DiagnosticCode = reason.errno == ENOENT ? .ioNotFound : .ioUnreadable
            throw PlanError(.unreadableInput, Diagnostic(code, "cannot read \(name): \(reason.text)"))
        }
    }
}

/// The operating system's own words for a failed file operation.
enum SystemError {
    static func reason(_ error: any Error) -> (errno: Int32?, text: String) {
        if let posix = (error as? CocoaError)?.underlying as? POSIXError {
            return (posix.code.rawValue, describe(posix.code.rawValue))
        }
        if let posix = error as? POSIXError { return (posix.code.rawValue, describe(posix.code.rawValue)) }
        return (nil, error.localizedDescription)
    }

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
