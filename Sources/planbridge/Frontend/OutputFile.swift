#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import PlanModel

extension DiagnosticCode {
    /// A batch was interrupted (Ctrl-C, SIGTERM) before this file's output was put in place.
    static let cliInterrupted = DiagnosticCode("cli.interrupted", .error)
}

/// Stores a converted plan so that the output path holds either the old file or the complete new
/// one, never half of it: the bytes go to a temporary file in the same folder (so the final
/// rename stays on one file system and is atomic) and only a finished write is renamed into place.
enum OutputFile {
    /// Refuses early, before any input is read, what would certainly fail at the end.
    static func checkDestination(_ path: String, force: Bool) throws(PlanError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw failure(path, EISDIR) }
            if !force { throw exists(path) }
        }
        // The temporary file is created in the same folder, so the folder must take new files.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if access(folder, W_OK | X_OK) != 0 { throw failure(path, errno) }
    }

    /// `proceed` is asked once the temporary file is complete, just before it is published: an
    /// interrupted batch says no, and the temporary file goes away instead of becoming an output.
    static func write(_ bytes: [UInt8], to path: String, force: Bool, proceed: () -> Bool = { true }) throws(PlanError) {
        // A new file can be published in one step; replacing one (--force) takes a rename.
        if !force, try AnonymousFile.publish(bytes, at: path, proceed: proceed) == .published { return }
        let temporary = try TemporaryFile(besides: path)
        do throws(PlanError) {
            try temporary.write(bytes)
            try temporary.keepMode(of: path)
            try temporary.close()
            guard proceed() else { throw interrupted(path) }
            try moveIntoPlace(temporary.path, path, force: force)
        } catch {
            temporary.remove()
            throw error
        }
    }

    /// With `--force` a plain rename replaces the old file. Without it a hard link publishes the
    /// file only if nothing is there yet, which closes the gap between the early check and now;
    /// file systems without hard links fall back to check-then-rename.
    private static func moveIntoPlace(_ temporary: String, _ path: String, force: Bool) throws(PlanError) {
        if !force {
            if link(temporary, path) == 0 {
                unlink(temporary)
                return
            }
            let reason = errno
            if reason == EEXIST { throw exists(path) }
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EMLINK, ENOSYS].contains(reason) else { throw failure(path, reason) }
            if FileManager.default.fileExists(atPath: path) { throw exists(path) }
        }
        if rename(temporary, path) != 0 { throw failure(path, errno) }
    }

    static func interrupted(_ path: String) -> PlanError {
        PlanError(.writeFailed, Diagnostic(.cliInterrupted, "'\(path)' was not written: interrupted"))
    }

    /// The bytes on standard output when `path` is nil, else in the file, put safely in place.
    static func deliver(_ bytes: [UInt8], to path: String?, force: Bool, console: Console) throws(PlanError) {
        guard let path else {
            do throws(OutputSinkError) {
                try console.emit(bytes)
            } catch {
                throw failure("-", error.errno)
            }
            return
        }
        try write(bytes, to: path, force: force)
    }

    static func exists(_ path: String) -> PlanError {
        PlanError(.writeFailed, Diagnostic(.ioOutputExists, "'\(path)' already exists; use --force to replace it"))
    }

    static func failure(_ path: String, _ code: Int32) -> PlanError {
        let name = path == "-" ? "to standard output" : "'\(path)'"
        return PlanError(.writeFailed, Diagnostic(.ioWriteFailed, "cannot write \(name): \(SystemError.describe(code))"))
    }
}

/// A hidden, uniquely named file next to the destination. It is created with mode 0666 so that
/// the kernel applies the user's umask, as it would to any new file (mkstemp's 0600 would make
/// every output private); `O_EXCL` keeps two conversions into one folder from sharing it.
private final class TemporaryFile {
    let path: String
    let destination: String
    private var descriptor: Int32

    init(besides destination: String) throws(PlanError) {
        let url = URL(fileURLWithPath: destination)
        let stem = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).planbridge-").path
        for _ in 0..<16 {
            let candidate = stem + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                self.path = candidate
                self.destination = destination
                self.descriptor = descriptor
                return
            }
            if errno != EEXIST { throw OutputFile.failure(destination, errno) }
        }
        throw OutputFile.failure(destination, EEXIST)
    }

    func write(_ bytes: [UInt8]) throws(PlanError) {
        do {
            try FileDescriptorSink(descriptor).write(bytes)
        } catch {
            throw OutputFile.failure(destination, error.errno)
        }
    }

    /// A replaced file keeps its permissions; a new one has the umask's.
    func keepMode(of path: String) throws(PlanError) {
        var existing = stat()
        guard stat(path, &existing) == 0 else { return }
        if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { throw OutputFile.failure(destination, errno) }
    }

    func close() throws(PlanError) {
        let result = systemClose(descriptor)
        descriptor = -1
        if result != 0 { throw OutputFile.failure(destination, errno) }
    }

    func remove() {
        if descriptor >= 0 { _ = systemClose(descriptor) }
        descriptor = -1
        unlink(path)
    }
}

#if canImport(Glibc)
    private let systemClose = Glibc.close
#elseif canImport(Darwin)
    private let systemClose = Darwin.close
#endif
