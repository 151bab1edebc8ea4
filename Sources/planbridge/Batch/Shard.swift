/// `--shard K/N`: K counts from 1 to N, as Slurm array indexes and `parallel`'s job numbers usually
/// do (Kubernetes' JOB_COMPLETION_INDEX counts from 0: pass `$((JOB_COMPLETION_INDEX + 1))`).
///
/// A file belongs to the shard its path below its input folder hashes to. The hash is FNV-1a
/// over the path's UTF-8 bytes because it is defined by a published spec rather than by this
/// process: Swift's own `Hasher` is seeded per process, and shards must agree across machines.
struct Shard: Sendable, Equatable, CustomStringConvertible {
    var index: Int
    var count: Int

    init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `3/8`.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    func contains(_ relativePath: String) -> Bool {
        Int(FNV1a64.hash(relativePath) % UInt64(count)) == index - 1
    }

    var description: String { "\(index)/\(count)" }
}

/// The 64-bit FNV-1a hash (offset basis 14695981039346656037, prime 1099511628211).
enum FNV1a64 {
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
