/// The page around a report: one self-contained file (inline CSS, inline SVG, no scripts, no
/// network), so it can be mailed, archived and opened offline.
public enum HTMLDocument {
    /// Text made safe for element content and for attribute values in double or single quotes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    public static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(css)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// A table with a header row; cells are escaped here, and `numeric` columns align right.
    static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], caption: String? = nil) -> String {
        var out = "<table>\n"
        if let caption { out += "<caption>\(escape(caption))</caption>\n" }
        out += "<thead><tr>" + headers.enumerated().map { "<th scope=\"col\"\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\(escape($0.element))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\(escape($0.element))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Colours chosen for contrast on white (text at least 4.5:1); light bar fills get a dark
    /// edge so every bar stands out at 3:1, and every colour is doubled by a text label, a shape
    /// or the table, so the chart reads in grey scale and for colour-blind readers too.
    static let css = """
        :root { color-scheme: light; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 1.5rem auto; max-width: 1240px; padding: 0 1rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
        th, td { border: 1px solid #bbb; padding: .2rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        details { margin: .25rem 0; border: 1px solid #ddd; border-radius: 4px; padding: .25rem .5rem; }
        summary { cursor: pointer; font-weight: 600; }
        .legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .85rem; margin: .5rem 0; padding: 0; list-style: none; }
        .legend span { display: inline-block; width: 1.6em; height: .8em; margin-right: .3em; vertical-align: middle; border: 1px solid #555; }
        .chart { overflow-x: auto; }
        svg.gantt { display: block; font-size: 11px; }
        svg.gantt text { fill: #1a1a1a; }
        svg.gantt .axis line { stroke: #d0d0d0; }
        svg.gantt .axis text { fill: #444; }
        svg.gantt .row:nth-child(even) .band { fill: #f6f6f6; }
        svg.gantt .band { fill: #fff; }
        .bar.baseline, .diamond.baseline, .sw-baseline { fill: #b8c2cc; stroke: #6b7785; stroke-width: .5; }
        .bar.current, .diamond.current, .sw-none { fill: #2f6fad; }
        .current.slip-minor, .sw-minor { fill: #d9a400; background: #d9a400; }
        .current.slip-moderate, .sw-moderate { fill: #e06c00; background: #e06c00; }
        .current.slip-major, .sw-major { fill: #c0152f; background: #c0152f; }
        .current.slip-ahead, .sw-ahead { fill: #2e8540; background: #2e8540; }
        .sw-baseline { background: #b8c2cc; } .sw-none { background: #2f6fad; }
        .sw-critical { background: #fff; border: 2px solid #000 !important; }
        .bar.summary { opacity: .85; }
        .bar.current, .diamond.current { stroke: #1a1a1a; stroke-width: .6; }
        .bar.critical, .diamond.critical { stroke: #000; stroke-width: 2; }
        .added-label { fill: #1d6b30 !important; font-weight: 600; }
        .removed-label { fill: #8a1020 !important; font-weight: 600; text-decoration: line-through; }
        line.status { stroke: #7a2ea8; stroke-width: 1.5; stroke-dasharray: 4 3; }
        .note { color: #444; font-size: .9rem; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          .chart { overflow: visible; }
          details { border: none; padding: 0; }
          /* Closed groups print too: paper cannot be clicked open. */
          details::details-content { content-visibility: visible; display: block; }
          svg.gantt { break-inside: auto; }
          svg.gantt .row { break-inside: avoid; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
