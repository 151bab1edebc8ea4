#if canImport(Glibc)
    import Glibc
#endif
import PlanModel

/// A new output written as a file without a name (Linux `O_TMPFILE`) and given its name only when
/// complete, with one `linkat`. That link fails if the name is taken, so nothing is overwritten,
/// and it is the only change to the folder: a named temporary file costs three (create, link,
/// unlink), and in a batch every one of them takes the folder's lock that the other workers wait
/// for. A process killed midway leaves nothing behind, not even a hidden temporary file.
///
/// Where the system or the file system has no such files, `publish` says `.unsupported` before
/// anything was written, and the caller uses a named temporary file instead.
enum AnonymousFile {
    enum Outcome {
        case published
        case unsupported
    }

    static func publish(_ bytes: [UInt8], at path: String, proceed: () -> Bool) throws(PlanError) -> Outcome {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            // Glibc's O_TMPFILE is a macro Swift does not import: __O_TMPFILE (the same on these
            // architectures) with O_DIRECTORY.
            let descriptor = open(folder.isEmpty ? "/" : folder, 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                if [EOPNOTSUPP, EISDIR, EINVAL, ENOTSUP].contains(errno) { return .unsupported }
                throw OutputFile.failure(path, errno)
            }
            defer { _ = close(descriptor) }
            do {
                try FileDescriptorSink(descriptor).write(bytes)
            } catch {
                throw OutputFile.failure(path, error.errno)
            }
            guard proceed() else { throw OutputFile.interrupted(path) }
            if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return .published }
            let reason = errno
            if reason == EEXIST { throw OutputFile.exists(path) }
            // No /proc to name the file by: nothing was published, so the named way is still open.
            if reason == ENOENT || reason == EPERM || reason == ENOTSUP || reason == EOPNOTSUPP { return .unsupported }
            throw OutputFile.failure(path, reason)
        #else
            return .unsupported
        #endif
    }
}
