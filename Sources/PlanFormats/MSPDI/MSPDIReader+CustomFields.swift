import PlanModel

/// One definition in `Project/ExtendedAttributes`.
struct DefinitionState {
    var fieldID: Int?
    var fieldName: String?
    var alias: String?
    var cfType: Int?
    var elemType: Int?
    var location = SourceLocation()
    /// Children the model has no field for, kept under `mspdi:ExtendedAttributes[<FieldID>]/<Name>`.
    var kept: [(String, String)] = []
}

/// One custom-field value (`Task|Resource|Assignment/ExtendedAttribute`).
struct CustomValueState {
    var fieldID: Int?
    var value: [UInt8]?
    var valueLocation = SourceLocation()
    var durationFormat: Int?
    /// Children the model has no field for, kept under `mspdi:ExtendedAttribute[<FieldID>]/<Name>`.
    var kept: [(String, String)] = []
}

extension MSPDIDocumentBuilder {
    func definitionLeaf(_ element: MSPDIElement) {
        if definition.location.line == nil { definition.location = valueLocation }
        switch element {
        case .FieldID: definition.fieldID = value(element, entity: .project, MSPDI.int)
        case .FieldName: definition.fieldName = textString
        case .Alias: definition.alias = textString
        case .CFType: definition.cfType = value(element, entity: .project, MSPDI.int)
        case .ElemType: definition.elemType = value(element, entity: .project, MSPDI.int)
        default: break
        }
    }

    func endDefinition() {
        guard let fieldID = definition.fieldID,
            let entity = definition.elemType.flatMap(MSPDI.entityKind(elemType:)) ?? MSPDI.entity(ofFieldID: fieldID)
        else {
            diagnostics.append(Diagnostic(
                .mspdiBadValue, "a custom field definition without a usable FieldID or ElemType was skipped",
                at: definition.location, entity: .project))
            return
        }
        let known = MSPDI.customField(fieldID: fieldID)
        // The definition's own CFType wins: other writers do not always follow MS Project's numbering.
        let type = definition.cfType.flatMap(MSPDI.customFieldType(cfType:)) ?? known?.type ?? .text
        let id = known?.name ?? "Field\(fieldID)"
        let result = CustomFieldDefinition(
            id: id, name: definition.fieldName ?? id, alias: definition.alias, type: type, entity: entity,
            sourceFieldID: String(fieldID))
        if definitionsByFieldID[fieldID] != nil,
            let index = plan.customFieldDefinitions.firstIndex(where: { $0.sourceFieldID == result.sourceFieldID })
        {
            // Values came first and a definition was made up for them; the real one replaces it.
            plan.customFieldDefinitions[index] = result
        } else {
            plan.customFieldDefinitions.append(result)
        }
        definitionsByFieldID[fieldID] = result
        for (name, xml) in definition.kept {
            plan.extensions[MSPDI.extensionKey("ExtendedAttributes", String(fieldID), name), default: ""] += xml
        }
    }

    func customValueLeaf(_ element: MSPDIElement) {
        switch element {
        case .FieldID: customValue.fieldID = value(element, MSPDI.int)
        case .Value:
            customValue.value = text.array
            customValue.valueLocation = valueLocation
        case .DurationFormat: customValue.durationFormat = value(element, MSPDI.int)
        default: break
        }
    }

    func endCustomValue(owner: MSPDIElement?) {
        let entityKind: EntityKind
        switch owner {
        case .Task?: entityKind = .task
        case .Resource?: entityKind = .resource
        case .Assignment?: entityKind = .assignment
        default: return
        }
        // Only needed for a warning.
        func entity() -> EntityRef? {
            switch entityKind {
            case .task: return task.uid.map { .task(TaskID(MSPDIDocumentBuilder.uidText($0))) }
            case .resource: return resource.uid.map { .resource(ResourceID(MSPDIDocumentBuilder.uidText($0))) }
            default: return assignment.uid.map { .assignment(AssignmentID(MSPDIDocumentBuilder.uidText($0))) }
            }
        }
        guard let fieldID = customValue.fieldID else {
            warn(.mspdiBadValue, "a custom field value without FieldID was skipped", entity: entity())
            return
        }
        let (id, type) = customFieldKey(fieldID: fieldID, entity: entityKind, at: customValue.valueLocation)
        var extensions: Extensions = [:]
        for (name, xml) in customValue.kept {
            extensions[MSPDI.extensionKey("ExtendedAttribute", String(fieldID), name), default: ""] += xml
        }
        let raw = customValue.value ?? []
        if let parsed = parseCustomValue(raw, type: type) {
            setCustomValue(parsed, id: id, owner: owner, extensions: extensions)
            return
        }
        // A value the field's type cannot hold: keep the element as written.
        let shown = String(decoding: raw, as: UTF8.self)
        diagnostics.append(Diagnostic(
            .mspdiBadValue, "custom field \(id) value '\(shown)' is not a valid \(type.rawValue); kept as written",
            at: customValue.valueLocation, entity: entity()))
        var xml = "<ExtendedAttribute><FieldID>\(fieldID)</FieldID>"
        if customValue.value != nil {
            var escaped: [UInt8] = []
            raw.withUnsafeBufferPointer { XMLRecorder.escape($0, into: &escaped, attribute: false) }
            xml += "<Value>" + String(decoding: escaped, as: UTF8.self) + "</Value>"
        }
        if let code = customValue.durationFormat { xml += "<DurationFormat>\(code)</DurationFormat>" }
        extensions[MSPDI.extensionKey("ExtendedAttribute"), default: ""] += xml + "</ExtendedAttribute>"
        setCustomValue(nil, id: id, owner: owner, extensions: extensions)
    }

    private func setCustomValue(_ value: CustomFieldValue?, id: String, owner: MSPDIElement?, extensions: Extensions) {
        switch owner {
        case .Task?:
            if let value { task.task.customFields[id] = value }
            task.task.extensions.merge(extensions) { $0 + $1 }
        case .Resource?:
            if let value { resource.resource.customFields[id] = value }
            resource.resource.extensions.merge(extensions) { $0 + $1 }
        case .Assignment?:
            if let value { assignment.customFields[id] = value }
            assignment.extensions.merge(extensions) { $0 + $1 }
        default: break
        }
    }

    /// The model key and type for a FieldID: from its definition, else from the FieldID table
    /// (with one warning per field that it has no definition: MS Project writes such values).
    private func customFieldKey(fieldID: Int, entity: EntityKind, at location: SourceLocation) -> (String, CustomFieldType) {
        if let definition = definitionsByFieldID[fieldID] { return (definition.id, definition.type) }
        let known = MSPDI.customField(fieldID: fieldID)
        let id = known?.name ?? "Field\(fieldID)"
        let type = known?.type ?? .text
        if undefinedFieldIDs[fieldID] == nil {
            undefinedFieldIDs[fieldID] = (type, location)
            diagnostics.append(Diagnostic(
                .mspdiCustomFieldUndefined,
                "custom field \(id) (FieldID \(fieldID)) has values but no definition in ExtendedAttributes; a definition was added",
                at: location))
            let definition = CustomFieldDefinition(id: id, name: id, type: type, entity: entity, sourceFieldID: String(fieldID))
            definitionsByFieldID[fieldID] = definition
            plan.customFieldDefinitions.append(definition)
        }
        return (id, type)
    }

    private func parseCustomValue(_ raw: [UInt8], type: CustomFieldType) -> CustomFieldValue? {
        let conventions = plan.project.conventions
        return raw.withUnsafeBufferPointer { bytes -> CustomFieldValue? in
            switch type {
            case .text: return .text(String(decoding: bytes, as: UTF8.self))
            case .number: return MSPDI.double(bytes).map { .number($0) }
            case .flag: return MSPDI.bool(bytes).map { .flag($0) }
            case .cost: return MSPDI.amount(cents: bytes).map { .cost($0) }
            case .date: return MSPDI.dateTime(bytes).map { .date($0.value) }
            case .duration:
                guard let minutes = MSPDI.durationMinutes(bytes, conventions: conventions) else { return nil }
                return .duration(duration(minutes: minutes, format: durationShape(code: customValue.durationFormat)))
            }
        }
    }
}
