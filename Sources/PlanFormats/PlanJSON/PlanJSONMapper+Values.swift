import PlanModel

// Durations, lags, custom field values and extensions.
extension PlanJSONMapper {
    mutating func durationUnit() throws(JSONReadFailure) -> DurationUnit? {
        try name("duration unit", DurationUnit.allCases.map(\.rawValue), DurationUnit.init(rawValue:))
    }

    /// `{"minutes": 480, "unit": "hours", "isElapsed": true, "isEstimated": true}`.
    mutating func duration() throws(JSONReadFailure) -> WorkDuration? {
        guard var state = try beginObject(DurationKey.self) else { return nil }
        var duration = WorkDuration(minutes: 0)
        while let key = try nextKey(&state) {
            switch key {
            case .minutes: duration.minutes = try int() ?? 0
            case .unit: duration.unit = try durationUnit() ?? .minutes
            case .isElapsed: duration.isElapsed = try bool() ?? false
            case .isEstimated: duration.isEstimated = try bool() ?? false
            }
        }
        requireKeys(state, [.minutes])
        return duration
    }

    /// A duration, or `{"percent": 50, "isElapsed": true}`; never both.
    mutating func lag() throws(JSONReadFailure) -> Lag? {
        guard var state = try beginObject(LagKey.self) else { return nil }
        var duration = WorkDuration(minutes: 0)
        var percent: Int?
        var durationKeyOffset: Int?
        while let key = try nextKey(&state) {
            switch key {
            case .minutes:
                durationKeyOffset = durationKeyOffset ?? nextValueOffset()
                duration.minutes = try int() ?? 0
            case .unit:
                durationKeyOffset = durationKeyOffset ?? nextValueOffset()
                duration.unit = try durationUnit() ?? .minutes
            case .isEstimated:
                durationKeyOffset = durationKeyOffset ?? nextValueOffset()
                duration.isEstimated = try bool() ?? false
            case .isElapsed: duration.isElapsed = try bool() ?? false
            case .percent: percent = try int() ?? 0
            }
        }
        let opening = state.opening
        let hasMinutes = state.seen & 1 << UInt64(LagKey.table.index(of: .minutes)) != 0
        if let percent {
            if let offset = durationKeyOffset {
                report(.jsonBadValue, "a lag is either a duration (minutes, unit) or a percent, not both", at: offset)
            }
            return .percent(percent, elapsed: duration.isElapsed)
        }
        guard hasMinutes else {
            report(.jsonMissingKey, "a lag needs 'minutes' (a duration) or 'percent'", at: opening)
            return nil
        }
        return .time(duration)
    }

    /// `{"Text1": {"text": "…"}, "Cost1": {"cost": "12.5"}, …}`.
    mutating func customFields() throws(JSONReadFailure) -> CustomFields {
        var fields: CustomFields = [:]
        try dictionary { m, name, keyOffset throws(JSONReadFailure) in
            guard let value = try m.customFieldValue() else { return }
            if fields.updateValue(value, forKey: name) != nil {
                m.report(.jsonDuplicateKey, "custom field '\(name)' appears twice", at: keyOffset)
            }
        }
        return fields
    }

    private mutating func customFieldValue() throws(JSONReadFailure) -> CustomFieldValue? {
        guard var state = try beginObject(CustomValueKey.self) else { return nil }
        var value: CustomFieldValue?
        while let key = try nextKey(&state) {
            if value != nil {
                report(.jsonBadValue, "a custom field value has exactly one key naming its type", at: nextValueOffset())
            }
            switch key {
            case .text: value = try string().map(CustomFieldValue.text)
            case .number: value = try double().map(CustomFieldValue.number)
            case .date: value = try dateTime().map(CustomFieldValue.date)
            case .duration: value = try duration().map(CustomFieldValue.duration)
            case .flag: value = try bool().map(CustomFieldValue.flag)
            case .cost: value = try amount().map(CustomFieldValue.cost)
            }
        }
        if state.seen == 0 {
            let types = CustomValueKey.allCases.map(\.rawValue).joined(separator: ", ")
            report(.jsonMissingKey, "a custom field value needs one key naming its type (\(types))", at: state.opening)
        }
        return value
    }

    /// `{"namespace:key": "text", …}`.
    mutating func extensions() throws(JSONReadFailure) -> Extensions {
        var extensions: Extensions = [:]
        try dictionary { m, name, keyOffset throws(JSONReadFailure) in
            guard let value = try m.string() else { return }
            if extensions.updateValue(value, forKey: name) != nil {
                m.report(.jsonDuplicateKey, "extension '\(name)' appears twice", at: keyOffset)
            }
        }
        return extensions
    }

    /// An object with free-form keys, each value read by `member`.
    private mutating func dictionary(
        _ member: (inout PlanJSONMapper, String, Int) throws(JSONReadFailure) -> Void
    ) throws(JSONReadFailure) {
        guard try expect(.object) else { return }
        try cursor.enterObject()
        var first = true
        while let token = try cursor.nextKey(first: first) {
            if first { pushMember(token) } else { replaceMember(token) }
            first = false
            try member(&self, cursor.decode(token), token.quote)
        }
        if !first { popPath() }
    }
}
