#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// One file of a batch: where it is read from, its path below the folder it was found in (which
/// names the output and picks the shard, so both are the same on every machine), and its output.
struct BatchItem: Sendable, Equatable {
    var input: String
    var relative: String
    var output: String
}

/// Turns the command line's inputs into the files of a batch, in a stable order.
///
/// - a file is taken as it is, whatever its extension (the content decides its format);
/// - a folder is walked recursively for files with a readable format's extension, skipping
///   hidden files and folders (our own temporary files among them) and the output folder;
/// - a word that names nothing but holds `*`, `?` or `[` is a glob pattern (for shells that did
///   not expand it, and for patterns quoted to outlive long argument lists); its matches are
///   files or folders as above, and their paths below the pattern's fixed leading folders name
///   the outputs, so `exports/*/plan.xml` keeps its subfolders apart.
///
/// A word that names nothing and matches nothing stays in the list, so that the batch reports it
/// as an input that could not be read instead of silently converting fewer files.
enum BatchInputs {
    static func expand(_ words: [String], extensions: Set<String>, excluding outDir: String) -> [(input: String, relative: String)] {
        let excluded = URL(fileURLWithPath: outDir).standardizedFileURL.path
        var found: [(input: String, relative: String)] = []
        var seen = Set<String>()
        func add(_ input: String, _ relative: String) {
            if seen.insert(input).inserted { found.append((input, relative)) }
        }
        for word in words {
            if FileManager.default.fileExists(atPath: word) || !isPattern(word) {
                let root = isFolder(word) ? word : parent(of: word)
                for (input, relative) in entries(word, below: root, extensions: extensions, excluding: excluded) { add(input, relative) }
                continue
            }
            let matches = glob(word)
            if matches.isEmpty { add(word, name(of: word)) }
            let root = fixedPrefix(of: word)
            for match in matches {
                for (input, relative) in entries(match, below: root, extensions: extensions, excluding: excluded) { add(input, relative) }
            }
        }
        return found
    }

    /// `path` itself when it is a file (or names nothing), else the plan files below it.
    private static func entries(_ path: String, below root: String, extensions: Set<String>, excluding excluded: String)
        -> [(String, String)]
    {
        guard isFolder(path) else { return [(path, relative(path, to: root))] }
        let base = URL(fileURLWithPath: path)
        guard
            let walker = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        for case let url as URL in walker {
            if url.standardizedFileURL.path == excluded {
                walker.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                extensions.contains(url.pathExtension.lowercased())
            else { continue }
            // The enumerator's URLs may resolve symbolic links in the base; keep the user's spelling.
            let inner = String(url.path.dropFirst(base.path.count).drop { $0 == "/" })
            files.append(path.hasSuffix("/") ? path + inner : path + "/" + inner)
        }
        return files.sorted().map { ($0, relative($0, to: root)) }
    }

    static func isPattern(_ word: String) -> Bool { word.contains { "*?[".contains($0) } }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        #if canImport(Glibc)
            guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        #else
            guard Darwin.glob(pattern, 0, nil, &result) == 0 else { return [] }
        #endif
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
    }

    /// The leading folders of a pattern that hold no wildcard: `exports/2024/*/x.xml` → `exports/2024`.
    static func fixedPrefix(of pattern: String) -> String {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let fixed = parts.dropLast().prefix { !isPattern(String($0)) }
        let joined = fixed.joined(separator: "/")
        return joined.isEmpty && pattern.hasPrefix("/") ? "/" : joined
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `path` below `root`; both are spelled the way the user gave them.
    static func relative(_ path: String, to root: String) -> String {
        if root.isEmpty { return path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : name(of: path)
    }

    /// `a/b/plan.csv` → `DIR/a/b/plan.EXT`; a `.plan.json` input loses both parts of its extension,
    /// so that `x.plan.json` becomes `x.xml`, not `x.plan.xml`.
    static func output(for relative: String, in outDir: String, extension ext: String) -> String {
        var stem = relative
        if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/"), dot != stem.startIndex, stem[stem.index(before: dot)] != "/" {
            stem = String(stem[..<dot])
            if stem.lowercased().hasSuffix(".plan") { stem = String(stem.dropLast(".plan".count)) }
        }
        let folder = outDir.hasSuffix("/") ? String(outDir.dropLast()) : outDir
        return folder + "/" + stem + "." + ext
    }
}
