extension RecordChecker {
    /// Why the detail record `raw` (160 bytes) of a file created at `created` is
    /// rejected with today's reference data, or nil when it passes every check.
    ///
    /// Off the hot path (`cdrate rejects --list`, `rejects --fix`): the reason is the
    /// checker's own (`check`), and the detail comes from the same rules — the field
    /// predicates of `FieldChecks` for `E03`, and for `E08` and `E09` the record the
    /// check prepared before it failed, with the same component selection and table
    /// lookups. Nothing here decides a reason by itself.
    public func diagnose(_ raw: UnsafeRawBufferPointer, created: Timestamp) -> RejectDiagnosis? {
        var record = PreparedRecord.unset
        guard let reason = check(raw, created: created, into: &record) else { return nil }
        let d = RecordView(raw)
        let detail: String
        switch reason {
        case .e02:
            detail = "call_type '\(text(d[DetailLayout.callType]))' must be 01-06"
        case .e03:
            let callType = CallType(rawValue: d[DetailLayout.callType][1] &- ASCII.zero)!
            if let (field, rule) = FieldChecks.firstMalformed(d, callType: callType) {
                // Right-trimmed: leading and inner spaces, which can be the fault, stay visible.
                detail = "\(field.name) '\(text(ByteField.rightTrimmed(d[field])))' \(rule)"
            } else {
                detail = "a field is malformed"  // unreachable: the same predicates passed
            }
        case .e04:
            let start = Timestamp(d[DetailLayout.start])!
            let delta = start.epochSeconds - created.epochSeconds
            let latest = RecordChecker.timeText(epochSeconds: created.epochSeconds + 86_400)
            let earliest = RecordChecker.timeText(epochSeconds: created.epochSeconds - maxAgeSeconds)
            if delta <= 86_400 && -delta <= maxAgeSeconds && start.epochSeconds < keysKeptSince {
                detail = "start \(start.value) is before \(RecordChecker.timeText(epochSeconds: keysKeptSince)),"
                    + " \(reference.network.maxAgeDays) days (MAX_AGE_DAYS) before the latest creation time of a file"
                    + " collected in an earlier run: its duplicate key is no longer kept"
                break
            }
            let side = delta > 86_400 ? "more than 1 day after" : "more than \(reference.network.maxAgeDays) days (MAX_AGE_DAYS) before"
            detail = "start \(start.value) is \(side) the file's creation time \(created.value)"
                + " (allowed \(earliest) to \(latest))"
        case .e05:
            detail = "imsi \(text(d[DetailLayout.imsi])) is neither in subscribers.tbl nor of a partners.tbl prefix"
        case .e06:
            let msc = text(ByteField.trimmed(d[DetailLayout.msc]))
            detail = "msc '\(msc)'\(msc.isEmpty ? " (blank)" : "") is not in msc.tbl"
        case .e07:
            // The party that must be routed: the forwarded-to number of 03, else the other party.
            let field = CallType(rawValue: d[DetailLayout.callType][1] &- ASCII.zero) == .cfw
                ? DetailLayout.thirdParty : DetailLayout.otherParty
            detail = "\(field.name) '\(text(ByteField.trimmed(d[field])))' cannot be normalized and routed"
                + " (numbering.tbl, shortcodes.tbl)"
        case .e08:
            detail = missingRate(record)
        case .e09:
            let active = reference.subscribers.active(of: record.subscriber)
            let to = active.to == Int.max ? "open" : String(active.to)
            detail = "subscriber \(text(d[DetailLayout.imsi])) is active \(active.from) to \(to), the call is on \(record.start.date)"
        }
        return RejectDiagnosis(reason: reason, detail: detail)
    }

    /// The diagnosis of the record `raw` given as bytes.
    public func diagnose(_ raw: [UInt8], created: Timestamp) -> RejectDiagnosis? {
        raw.withUnsafeBytes { diagnose($0, created: created) }
    }

    // MARK: - Private

    /// The tariff key (component, class, band, date) or the partner and service whose
    /// row is missing, for a record `check` failed with `E08` after preparing it.
    private func missingRate(_ record: PreparedRecord) -> String {
        let date = record.start.date
        if record.isRoamer {
            if let (service, _) = RoamerService.of(callType: record.callType, destination: record.destination,
                                                    duration: record.duration, volume: record.volume),
               reference.partnerRates.rate(partner: record.partner, service: service, date: date) == nil {
                return "no partner_rates.tbl row in force for partner \(record.partner) service \(service.name) on \(date)"
            }
            return "no partner rate in force"
        }
        let selection = ComponentSelection.select(
            callType: record.callType, status: record.location.status, destination: record.destination,
            caller: record.other, currentArea: record.location.currentArea, duration: record.duration,
            volume: record.volume, areas: reference.areas)
        for c in [selection.first, selection.second].compactMap({ $0 })
        where reference.tariff.rate(component: c.component, tariffClass: c.tariffClass, band: record.band, date: date) == nil {
            let band = record.band == .peak ? "PEAK" : "OFF"
            return "no tariff.tbl row in force for component \(c.component.name) class \(c.tariffClass.name)"
                + " band \(band) (or ALL) on \(date)"
        }
        return "no tariff row in force"
    }

    /// Bytes as text, for quoting a field.
    private func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `YYYYMMDDHHMMSS` of seconds since 1970-01-01 of plain local time.
    static func timeText(epochSeconds s: Int) -> String {
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let second = s - days * 86_400
        let value = CivilTime.civilFromDays(days) * 1_000_000 + second / 3600 * 10_000 + second / 60 % 60 * 100 + second % 60
        return String(value)
    }
}
