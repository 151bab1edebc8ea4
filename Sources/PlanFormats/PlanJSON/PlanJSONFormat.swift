import PlanModel

/// PlanBridge JSON: the canonical model written out, documented by `schemas/plan.schema.json`.
public enum PlanJSONFormat {
    public static let descriptor = FormatDescriptor(
        id: "json",
        aliases: ["planbridge", "plan-json"],
        displayName: "PlanBridge JSON",
        extensions: ["json"],
        mediaTypes: ["application/vnd.planbridge+json", "application/json"],
        sniff: { prefix in
            guard prefix.text.first == "{" else { return .no }
            return prefix.text.contains("\"planbridge\"") ? .certain : .possible
        },
        reader: PlanJSONReader(),
        writer: PlanJSONWriter()
    )
}
