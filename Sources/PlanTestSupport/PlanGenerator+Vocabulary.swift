/// Words the generator builds names and notes from. Real plans are multilingual and full of
/// punctuation, so a good share of these are not ASCII and some need escaping in every format
/// (quotes, backslashes, ampersands, angle brackets, line breaks, emoji outside the BMP).
enum Vocabulary {
    static let projectNames = [
        "Neubau Bürogebäude Köln", "Website relaunch 2026", "新工場立ち上げプロジェクト", "ERP migration (phase 2)",
        "Café & Bäckerei \"Zoë\" – Umbau", "Rollout Ørsted field tablets", "Data centre move <DC-3>",
        "Lancement produit été 2026", "Mobile app v3 🚀",
    ]

    static let companies = [
        "Müller & Söhne GmbH", "ACME Corp.", "株式会社サンプル", "Société Générale d'Études", "Northwind Traders",
    ]

    static let people = [
        "José Álvarez", "Zoë Müller", "山田 太郎", "Åsa Ødegård", "Chloé Dubois", "Jürgen Weiß", "Priya Natarajan",
        "O'Brien, Siobhán", "Łukasz Wójcik", "Nguyễn Văn An", "María-José Núñez", "Tom Smith", "Ada Lovelace",
        "Grace Hopper", "李 小龍", "Søren Kierkegaard",
    ]

    static let groups = ["Engineering", "QA", "Design", "Bauleitung", "設計部", "Opérations", "Procurement", "IT / Infra"]

    static let phases = [
        "Initiation", "Planning", "Design", "Build", "Test", "Rollout", "Procurement", "Genehmigungsplanung",
        "Rohbau", "Ausbau", "設計レビュー", "Conception détaillée", "Migration", "Training", "Hypercare",
        "Integration & Acceptance", "Site preparation", "Closure",
    ]

    static let verbs = [
        "Draft", "Review", "Approve", "Install", "Configure", "Test", "Migrate", "Document", "Order", "Deliver",
        "Prüfen", "Abstimmen", "Vérifier", "Préparer", "確認する", "Pour", "Paint", "Train", "Deploy", "Sign off",
    ]

    static let objects = [
        "requirements", "API spec", "scaffolding", "foundation slab", "Fassade", "Elektroinstallation",
        "test plan", "user manual", "firewall rules", "data model", "permit application", "cahier des charges",
        "ダッシュボード", "staging servers", "floor plan", "budget <v2>", "R&D prototype", "vendor contracts",
        "Kühlanlage", "load tests",
    ]

    static let milestones = [
        "complete", "approved ✅", "Abnahme erteilt", "go-live 🎉", "signed off", "terminé", "完了", "gate passed",
    ]

    static let notes = [
        "Abstimmung mit dem Lieferanten über Lieferzeiten – Rückmeldung bis Freitag.",
        "Résumé: café meeting with Zoë; naïve estimate, revisit après la réunion.",
        "日本語のメモ: 設計レビューは来週です。",
        "Ship it 🚀 — waiting on 👍 from QA.",
        "Line one\nLine two with a \"quote\", a back\\slash and a\ttab.",
        "Risks: <none> & no blockers > 3 days.",
        "Windows line breaks\r\nfrom an export.",
        "Ünïcödé çhäracters: ß, ø, ł, ñ, €, ½, 𝄞.",
        "See https://intranet.example/wiki/Plan?id=42&view=full",
    ]

    static let statuses = ["To Do", "In Progress", "Done", "Blocked", "Zurückgestellt", "En cours"]

    static let materialLabels = ["t", "m³", "pcs", "kg", "Stück", "l"]

    static let materials = ["Concrete C25/30", "Steel rebar", "Gipskarton", "Cable Cat 7", "Paint (white)", "塗料"]

    static let costResources = ["Travel", "Licences", "Reisekosten", "Frais divers"]

    static let textValues = ["High", "Medium", "Low", "Hoch", "Élevé", "高い", "n/a", "⚠️ watch", "\"quoted\" value"]

    static let timeZones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "Pacific/Chatham", "UTC", "Europe/Paris"]

    /// (code, symbol, digits) as MS Project stores them.
    static let currencies: [(String, String, Int)] = [
        ("EUR", "€", 2), ("USD", "$", 2), ("JPY", "¥", 0), ("CHF", "CHF", 2), ("GBP", "£", 2),
    ]
}
