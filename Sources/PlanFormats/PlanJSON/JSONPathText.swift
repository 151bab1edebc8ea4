/// How JSON paths spell members: `.name` for identifier-like keys, `["any key"]` otherwise.
enum JSONPathText {
    static func member(_ name: String) -> String {
        let simple = !name.isEmpty && name.utf8.enumerated().allSatisfy { i, byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_") || (i > 0 && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        if simple { return "." + name }
        var out = JSONOutput(capacity: name.utf8.count + 8)
        out.string(name)
        return "[" + String(decoding: out.bytes, as: UTF8.self) + "]"
    }
}
