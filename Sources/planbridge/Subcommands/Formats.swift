import PlanFormats

/// `planbridge formats`: what can be read and written, and by which names.
enum Formats {
    static let subcommand = Subcommand(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "formats",
        abstract: "List the formats PlanBridge reads and writes.",
        discussion: "Any name or alias works with --from and --to; extensions decide the format when neither is given.",
        options: [.reportFormat]
    )

    static func run(_ arguments: ParsedArguments, _ context: ToolContext) -> ExitStatus {
        let formats = context.registry.formats
        if arguments.value("format") == "json" {
            context.console.print(JSONValue.array(formats.map(json)).rendered())
        } else {
            context.console.print(table(formats))
        }
        return .success
    }

    static func json(_ format: FormatDescriptor) -> JSONValue {
        .object([
            ("id", .string(format.id)),
            ("aliases", .array(format.aliases.map(JSONValue.string))),
            ("name", .string(format.displayName)),
            ("extensions", .array(format.extensions.map(JSONValue.string))),
            ("mediaTypes", .array(format.mediaTypes.map(JSONValue.string))),
            ("read", .bool(format.reader != nil)),
            ("write", .bool(format.writer != nil)),
        ])
    }

    /// Columns padded to their widest cell, the last one unpadded so lines carry no trailing blanks.
    static func table(_ formats: [FormatDescriptor]) -> String {
        let yes = { (present: Bool) in present ? "yes" : "no" }
        let rows = [["ID", "ALIASES", "NAME", "EXTENSIONS", "READ", "WRITE"]] + formats.map { format in
            [
                format.id, format.aliases.isEmpty ? "-" : format.aliases.joined(separator: ", "), format.displayName,
                format.extensions.map { "." + $0 }.joined(separator: ", "), yes(format.reader != nil), yes(format.writer != nil),
            ]
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
