/// What one export language calls Jira's columns, months and workflow words. Jira translates
/// every system header into the exporting user's language but keeps custom-field and link-type
/// names as configured, so a table holds headers, the two prefixes and the words values use.
/// Adding a language is adding one of these to `all`.
struct JiraLanguage: Sendable {
    var name: String
    /// Header text (any case) → field. The English table also lists older wordings.
    var headers: [String: JiraField]
    var customFieldPrefix: String
    var inwardLinkPrefix: String
    var outwardLinkPrefix: String
    /// Month names and abbreviations, January first; matched without case or a trailing dot.
    var months: [[String]]
    /// Status category names → share of work done (0, nil for "in progress", 100).
    var statusCategories: [String: StatusCategory]
    /// Status names that mean "not started" or "done" when the export has no status category.
    var statuses: [String: StatusCategory]
    /// Priority names → MS Project priority (0–1000, 500 = medium).
    var priorities: [String: Int]

    static let all: [JiraLanguage] = [.english, .spanish]
}

enum StatusCategory: Sendable {
    case toDo, inProgress, done
}

extension JiraLanguage {
    static let english = JiraLanguage(
        name: "English",
        headers: Dictionary(
            uniqueKeysWithValues: JiraField.allCases.filter { !$0.rawValue.hasPrefix(JiraField.customFieldPrefix) }
                .map { ($0.rawValue, $0) })
            .merging(
                [
                    // Server/DC and pre-2019 Cloud wordings, and what importer templates call things.
                    "Due Date": .dueDate, "Original Estimate": .originalEstimate, "Fix Version/s": .fixVersions,
                    "Component/s": .components, "Affects Version/s": .affectsVersions, "Issue Id": .issueID,
                    "Parent Id": .parentID, "Remaining estimate": .remainingEstimate, "Time spent": .timeSpent,
                    "Key": .issueKey, "Start date": .startDate, "Start Date": .startDate, "Epic Link": .epicLink,
                    "Work item id": .issueID, "Work item key": .issueKey, "Work Type": .issueType,
                    "Sprints": .sprint, "Label": .labels,
                ], uniquingKeysWith: { first, _ in first }),
        customFieldPrefix: "Custom field (",
        inwardLinkPrefix: "Inward issue link (",
        outwardLinkPrefix: "Outward issue link (",
        months: [
            ["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"], ["may"], ["jun", "june"],
            ["jul", "july"], ["aug", "august"], ["sep", "sept", "september"], ["oct", "october"],
            ["nov", "november"], ["dec", "december"],
        ],
        statusCategories: ["to do": .toDo, "in progress": .inProgress, "done": .done],
        statuses: [
            "to do": .toDo, "open": .toDo, "backlog": .toDo, "new": .toDo, "selected for development": .toDo,
            "in progress": .inProgress, "done": .done, "closed": .done, "resolved": .done, "complete": .done,
            "completed": .done,
        ],
        priorities: [
            "highest": 900, "blocker": 1000, "critical": 800, "high": 700, "major": 600, "medium": 500,
            "low": 300, "minor": 300, "lowest": 100, "trivial": 100,
        ]
    )

    static let spanish = JiraLanguage(
        name: "Spanish",
        headers: [
            "Resumen": .summary, "Clave de incidencia": .issueKey, "ID de la incidencia": .issueID,
            "Tipo de Incidencia": .issueType, "Estado": .status, "Categoría de estado": .statusCategory,
            "Categoría de estado cambiada": .statusCategoryChanged, "Prioridad": .priority,
            "Resolución": .resolution, "Clave del proyecto": .projectKey, "Nombre del proyecto": .projectName,
            "Tipo de proyecto": .projectType, "Responsable del proyecto": .projectLead,
            "ID del responsable del proyecto": .projectLeadID, "Descripción del proyecto": .projectDescription,
            "Persona asignada": .assignee, "ID de la persona asignada": .assigneeID, "Informador": .reporter,
            "ID del informador": .reporterID, "Creador": .creator, "ID del creador": .creatorID,
            "Creada": .created, "Actualizada": .updated, "Vista por Última Vez": .lastViewed,
            "Resuelta": .resolved, "Votos": .votes, "Descripción": .description, "Entorno": .environment,
            "Estimación original": .originalEstimate, "Trabajo restante estimado": .remainingEstimate,
            "Tiempo Trabajado": .timeSpent, "Tiempo empleado": .timeSpent, "Relación de trabajo": .workRatio,
            "Σ Estimación original": .totalOriginalEstimate, "Σ Trabajo restante estimado": .totalRemainingEstimate,
            "Σ Tiempo empleado": .totalTimeSpent, "Nivel de Seguridad": .securityLevel,
            "Registro de trabajo": .logWork, "Etiquetas": .labels, "Sprint": .sprint, "Componentes": .components,
            "Versiones de corrección": .fixVersions, "Versiones afectadas": .affectsVersions,
            "Interesados": .watchers, "ID de los interesados": .watchersID, "Comentario": .comment,
            "Adjunto": .attachment, "Principal": .parent, "Clave principal": .parentKey,
            "Resumen principal": .parentSummary, "Fecha de vencimiento": .dueDate, "Fecha de inicio": .startDate,
        ],
        customFieldPrefix: "Campo personalizado (",
        inwardLinkPrefix: "Enlace a la incidencia interna (",
        outwardLinkPrefix: "Enlace de incidencia saliente (",
        months: [
            ["ene", "enero"], ["feb", "febrero"], ["mar", "marzo"], ["abr", "abril"], ["may", "mayo"],
            ["jun", "junio"], ["jul", "julio"], ["ago", "agosto"], ["sep", "sept", "septiembre", "set"],
            ["oct", "octubre"], ["nov", "noviembre"], ["dic", "diciembre"],
        ],
        statusCategories: ["por hacer": .toDo, "en curso": .inProgress, "listo": .done, "hecho": .done],
        statuses: [
            "por hacer": .toDo, "tareas por hacer": .toDo, "abierta": .toDo, "en curso": .inProgress,
            "en progreso": .inProgress, "listo": .done, "hecho": .done, "cerrada": .done, "finalizada": .done,
            "resuelta": .done,
        ],
        priorities: ["más alta": 900, "alta": 700, "media": 500, "baja": 300, "más baja": 100]
    )
}

/// The union of every language's tables, built once, keyed in lower case.
struct JiraVocabulary: Sendable {
    let headers: [String: JiraField]
    let customFieldPrefixes: [String]
    let linkPrefixes: [(prefix: String, direction: LinkDirection)]
    /// Lower-cased month word → month number 1–12.
    let months: [String: Int]
    let statusCategories: [String: StatusCategory]
    let statuses: [String: StatusCategory]
    let priorities: [String: Int]

    static let shared = JiraVocabulary(JiraLanguage.all)

    init(_ languages: [JiraLanguage]) {
        var headers: [String: JiraField] = [:]
        var months: [String: Int] = [:]
        var categories: [String: StatusCategory] = [:]
        var statuses: [String: StatusCategory] = [:]
        var priorities: [String: Int] = [:]
        var customPrefixes: [String] = []
        var linkPrefixes: [(String, LinkDirection)] = []
        for language in languages {
            for (header, field) in language.headers where headers[header.lowercased()] == nil {
                headers[header.lowercased()] = field
            }
            for (index, names) in language.months.enumerated() {
                for name in names where months[name] == nil { months[name] = index + 1 }
            }
            categories.merge(language.statusCategories) { first, _ in first }
            statuses.merge(language.statuses) { first, _ in first }
            priorities.merge(language.priorities) { first, _ in first }
            customPrefixes.append(language.customFieldPrefix.lowercased())
            linkPrefixes.append((language.inwardLinkPrefix.lowercased(), .inward))
            linkPrefixes.append((language.outwardLinkPrefix.lowercased(), .outward))
        }
        self.headers = headers
        self.months = months
        self.statusCategories = categories
        self.statuses = statuses
        self.priorities = priorities
        self.customFieldPrefixes = customPrefixes
        self.linkPrefixes = linkPrefixes
    }
}
