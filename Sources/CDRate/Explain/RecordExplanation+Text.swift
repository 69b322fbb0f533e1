/// The explanation laid out for people (SPEC section 11a, in its order): the raw
/// record, the checks, the duplicate decision, location, parties, band, components,
/// discounts, net, high usage, fraud. No line is longer than 80 characters.
extension RecordExplanation {
    /// The lines of the explanation.
    public func text() -> [String] {
        var out = ExplanationLines()
        let rows = ReferenceRows(directory: tariffs)
        out.add("cdrate explain \(record), \(holder)" + (kind.isEmpty ? "" : " (\(kind))"), indent: 0)
        if let via { out.add("named by \(via), which billed it", indent: 2) }
        out.field("found", "\(outputFile) line \(outputLineNumber)")
        let reader = kind == "rerate" ? "rerate" : "run"
        out.field("rerun", "the record stages of the \(reader), run again with a trace over the \(imsiRecords) "
            + "record\(imsiRecords == 1 ? "" : "s") of its IMSI that the \(reader) read")
        out.field("state before", stateBefore)
        out.field("tables", "\(tariffs) (the checksums the MANIFEST names)")
        guard let step = matchingStep else {
            out.field("AGREEMENT", "NONE: the stages run again did not write the line of \(outputFile) line "
                + "\(outputLineNumber); the run's inputs or state were changed after it committed")
            return out.lines
        }
        out.field("agreement", "the line written again is byte for byte the one in \(outputFile)")
        if steps.count > 1 {
            out.field("note", "the run read this SWITCH:SEQ:REC \(steps.count) times; this is the occurrence "
                + "at position \(step.position + 1) of its file")
        }
        let diagnosis = diagnoses[steps.firstIndex { $0.position == step.position && $0.source.fileSeq == step.source.fileSeq }!]
        rawRecord(step, &out)
        checks(step, diagnosis, rows, &out)
        guard step.reason == nil, let prepared = step.checked else { return out.lines }
        duplicateDecision(step, &out)
        guard let written = step.written else { return out.lines }
        location(prepared, rows, &out)
        parties(step, prepared, rows, &out)
        band(prepared, rows, &out)
        if prepared.isRoamer {
            roamerCharge(written.record, written.charge, rows, &out)
        } else {
            components(written.record, rows, &out)
            discounts(step, written.record, rows, &out)
            out.title("net")
            out.add("gross \(gross(written.record)) - discount \(discount(written.record)) = net \(written.charge)"
                + "; flags '\(flagText(written.flags))'")
        }
        if kind == "rerate" {
            out.title("high usage and fraud")
            out.add("a generation writes no alerts.dat nor fraud.dat (SPEC 10): the branches are not shown")
            return out.lines
        }
        highUsage(step, written.record, rows, &out)
        fraud(step, &out)
        return out.lines
    }

    // MARK: - Sections

    private func rawRecord(_ step: ExplainTrace.Step, _ out: inout ExplanationLines) {
        out.title("raw record: \(step.source.switchID) file \(sixDigits(step.source.fileSeq)), "
            + "\(kind == "recycle" ? "reject store line" : "record") \(step.position + 1) "
            + "(file created \(step.source.created.value))")
        step.raw.withUnsafeBytes { b in
            let d = RecordView(b)
            for f in DetailLayout.layout.fields where f.kind != .filler && f.name != "type" {
                var value = "'" + String(decoding: d[f], as: UTF8.self) + "'"
                if f.name == "call_type" { value += " " + callTypeName(d[f]) }
                out.field(f.name, value)
            }
        }
    }

    private func checks(_ step: ExplainTrace.Step, _ diagnosis: RejectDiagnosis?, _ rows: ReferenceRows,
                        _ out: inout ExplanationLines) {
        out.title("checks (SPEC 4, in order; the first failure is the reason)")
        let failed = step.reason
        let r = step.checked
        for reason in RejectReason.allCases {
            let name = "\(reason.code) \(RecordExplanation.checkNames[RejectReason.allCases.firstIndex(of: reason)!])"
            if let failed, reason > failed {
                out.field(name, "not reached", labelWidth: 18)
                continue
            }
            if reason == failed {
                out.field(name, "FAILED: \(diagnosis?.detail ?? "")", labelWidth: 18)
                out.field("", "to pass: \(RecordExplanation.remedy[RejectReason.allCases.firstIndex(of: reason)!])", labelWidth: 18)
                out.field("", "reason \(reason.code), written to rejects.dat and kept in the reject store", labelWidth: 18)
                continue
            }
            out.field(name, "pass" + passDetail(reason, step, r, rows), labelWidth: 18)
        }
    }

    private func passDetail(_ reason: RejectReason, _ step: ExplainTrace.Step, _ r: PreparedRecord?,
                            _ rows: ReferenceRows) -> String {
        let d = step.raw.withUnsafeBytes { RecordView($0).string(DetailLayout.start) }
        switch reason {
        case .e02: return ""
        case .e03: return ": every field well formed"
        case .e04:
            let created = step.source.created.epochSeconds
            let maxAge = reference.network.maxAgeDays * 86_400
            var text = ": start \(d) within \(RecordChecker.timeText(epochSeconds: created - maxAge))"
                + " to \(RecordChecker.timeText(epochSeconds: created + 86_400))"
            if let latest = latestEarlierCreation {
                text += ", not before \(RecordChecker.timeText(epochSeconds: latest.epochSeconds - maxAge)) (keys kept)"
            }
            return text
        case .e05:
            guard let r else { return "" }
            let imsi = step.raw.withUnsafeBytes { RecordView($0).string(DetailLayout.imsi) }
            if r.isRoamer {
                let row = rows.longestPrefix("partners.tbl", PartnerTable.tableColumns, column: "IMSI_PREFIX", of: imsi) {
                    $0["PARTNER"] == r.partner.description
                }
                return ": inbound roamer of partner \(r.partner), \(ReferenceRows.place(row, "partners.tbl"))"
            }
            let row = rows.first("subscribers.tbl", SubscriberTable.tableColumns) { $0["IMSI"] == imsi }
            let s = reference.subscribers.subscribers[r.subscriber]
            return ": own subscriber, \(ReferenceRows.place(row, "subscribers.tbl")) (plan "
                + "\(reference.plans.plans[s.plan].name), home area \(reference.areas[s.homeArea].code))"
        case .e06:
            guard let r else { return "" }
            let row = rows.first("msc.tbl", MSCTable.tableColumns) { $0["MSC"] == r.msc.description }
            return ": MSC \(r.msc) in \(ReferenceRows.place(row, "msc.tbl"))"
        case .e07:
            guard let r else { return "" }
            switch r.callType {
            case .moc, .smsMO: return ": the other party routes (see parties)"
            case .cfw: return ": the forwarded-to number routes (see parties)"
            default: return ": no number of this call type must route"
            }
        case .e08:
            guard let r else { return "" }
            if r.isRoamer { return r.roamerService == nil ? ": no service charged" : ": partner rate in force (see charge)" }
            return r.block1 == nil && r.block2 == nil ? ": no component charged" : ": tariff rows in force (see components)"
        case .e09:
            guard let r, !r.isRoamer else { return r?.isRoamer == true ? ": not an own subscriber" : "" }
            let active = reference.subscribers.subscribers[r.subscriber].active
            return ": active \(active.from) to \(active.to == Int.max ? "open" : String(active.to)), call on \(r.start.date)"
        }
    }

    private func duplicateDecision(_ step: ExplainTrace.Step, _ out: inout ExplanationLines) {
        out.title("duplicate check (SPEC 4 step 2; key: IMSI, call type, start, parties as signalled)")
        if let dup = step.duplicate {
            let o = dup.origin
            out.add("duplicate of \(o.switchID):\(sixDigits(o.fileSeq)):\(eightDigits(o.recordSeq)) (rated "
                + (o.startDate > 0 ? "with start date \(o.startDate)" : "before") + ")")
            if let originPlace { out.add(originPlace) }
            out.add(dup.corrected
                ? "a corrected copy (another duration or volume): it reaches the bill when the cycle is rerated"
                : "same duration and volume: never rated, never rejected; written to duplicates.dat")
        } else {
            out.add("first of its call in the run and in the kept keys: rated, its key kept")
        }
    }

    private func location(_ r: PreparedRecord, _ rows: ReferenceRows, _ out: inout ExplanationLines) {
        out.title("location (SPEC 5)")
        let (lac, cell) = (field(DetailLayout.lac, r), field(DetailLayout.cell, r))
        let cellRow = rows.first("cells.tbl", CellTable.tableColumns) { Int($0["LAC"]!) == Int(lac) && Int($0["CELL"]!) == Int(cell) }
        let mscRow = rows.first("msc.tbl", MSCTable.tableColumns) { $0["MSC"] == r.msc.description }
        let network = reference.areas[r.location.networkArea]
        if let cellRow {
            out.field("cell", "\(lac)/\(cell) in \(cellRow.file):\(cellRow.line): area \(network.code) (\(network.province)),"
                + " border for \(cellRow[3])")
        } else {
            out.field("cell", "\(lac)/\(cell) not in cells.tbl: the MSC's area \(network.code) (\(network.province)), "
                + ReferenceRows.place(mscRow, "msc.tbl"))
        }
        let current = reference.areas[r.location.currentArea]
        if r.isRoamer {
            out.field("current area", "\(current.code) (\(current.province)); inbound roamer: status V")
            return
        }
        let home = reference.areas[reference.subscribers.subscribers[r.subscriber].homeArea]
        out.field("home area", "\(home.code) (\(home.province))")
        out.field("border rule", r.location.border
            ? "applied: the home area is in the cell's border list; current area becomes \(home.code), flag B"
            : "not applied")
        out.field("current area", "\(current.code) (\(current.province))")
        let status: String
        switch r.location.status {
        case .home: status = "H home (current area = home area)"
        case .province: status = "P roaming in the home province"
        case .national: status = "N roaming in another province"
        case .visitor: status = "V inbound roamer"
        }
        out.field("status", status)
        out.field("same-place", r.samePlace
            ? "yes (flag S): the caller is in the current area, the RTOLL is waived"
            : r.callType == .mtc && (r.location.status == .province || r.location.status == .national)
                ? "no: the caller is not a domestic number of the current area; RTOLL charged" : "no")
    }

    private func parties(_ step: ExplainTrace.Step, _ r: PreparedRecord, _ rows: ReferenceRows, _ out: inout ExplanationLines) {
        out.title("parties (SPEC 4 step 3; CC \(String(decoding: reference.network.countryCode, as: UTF8.self)), CA "
            + "\(reference.areas[r.location.currentArea].code))")
        let signalled = step.raw.withUnsafeBytes { b in
            (String(decoding: ByteField.trimmed(RecordView(b)[DetailLayout.otherParty]), as: UTF8.self),
             String(decoding: ByteField.trimmed(RecordView(b)[DetailLayout.thirdParty]), as: UTF8.self))
        }
        party("other", signalled.0, r.other, rows, &out)
        if r.callType == .cfw { party("third", signalled.1, r.third, rows, &out) }
        if r.callType == .data { out.field("apn", "'\(signalled.1)' (not a number: not normalized)") }
    }

    private func party(_ label: String, _ signalled: String, _ p: NormalizedParty, _ rows: ReferenceRows,
                       _ out: inout ExplanationLines) {
        switch p {
        case .blank:
            out.field(label, "blank (withheld or none)")
        case .unroutable:
            out.field(label, "'\(signalled)': unroutable (caller unknown; destination blank)")
        case .shortCode(let code, let kind):
            let text = code.withBytes { String(decoding: $0, as: UTF8.self) }
            let row = rows.first("shortcodes.tbl", ShortCodeTable.tableColumns) { $0["CODE"] == text }
            out.field(label, "'\(signalled)' -> short code \(text), \(ReferenceRows.place(row, "shortcodes.tbl")) "
                + (kind == .free ? "FREE" : "LOCAL"))
        case .routed(let number, let route):
            let text = number.withBytes { String(decoding: $0, as: UTF8.self) }
            let row = rows.longestPrefix("numbering.tbl", NumberingPlan.tableColumns, column: "PREFIX", of: text)
            let kind = route.kind == .international ? "INTL zone \(route.zone.map { "\($0.name)" } ?? "?")"
                : "\(route.kind == .mobile ? "MOBILE" : "FIXED") operator \(route.carrier) area "
                    + (route.area.map { reference.areas[$0].code.description } ?? "?")
            out.field(label, "'\(signalled)' -> \(text), \(ReferenceRows.place(row, "numbering.tbl")) prefix "
                + "\(row.map { $0[0] } ?? "?"): \(kind)")
        }
    }

    private func band(_ r: PreparedRecord, _ rows: ReferenceRows, _ out: inout ExplanationLines) {
        out.title("day type and band (SPEC 6)")
        let date = r.start.date
        let dayType = reference.timeBands.dayType(of: date)
        let typeName = ["WEEKDAY", "WEEKEND", "HOLIDAY"][Int(dayType.rawValue)]
        let holiday = rows.first("holidays.tbl", TimeBandTable.holidayColumns) { $0["DATE"] == String(date) }
        out.field("day type", "\(date) is a \(typeName)" + (holiday.map { " (holidays.tbl:\($0.line) \($0[1]))" } ?? ""))
        let hhmm = r.start.value / 100 % 10_000
        let row = rows.first("timebands.tbl", TimeBandTable.tableColumns) {
            $0["DAYTYPE"] == typeName && Int($0["FROM"]!)! <= hhmm && hhmm < Int($0["TO"]!)!
        }
        out.field("band", "\(r.band == .peak ? "PEAK" : "OFF"): \(fourDigits(hhmm)) is in "
            + "\(ReferenceRows.place(row, "timebands.tbl"))" + (row.map { " [\($0[1]), \($0[2]))" } ?? ""))
    }

    private func components(_ r: PreparedRecord, _ rows: ReferenceRows, _ out: inout ExplanationLines) {
        out.title("components (SPEC 6)")
        if r.block1 == nil && r.block2 == nil {
            out.add("none charged (SMS-MT, a FREE short code, or nothing to charge): blocks blank, net 0")
            return
        }
        for (n, block) in [(1, r.block1), (2, r.block2)] {
            guard let b = block else { continue }
            let row = tariffRow(b, r, rows)
            out.field("block \(n)", "\(b.component.name) \(b.tariffClass.name): \(ReferenceRows.place(row, "tariff.tbl"))"
                + (row.map { " (\($0[2]) from \($0[5]))" } ?? "") + ", \(b.rate.rate) li per \(b.rate.unit) \(unitName(b.component))")
            out.field("", "quantity \(b.quantity) -> units \(b.units) = ceil(\(b.quantity) / \(b.rate.unit)); "
                + "gross \(b.gross) = \(b.units) x \(b.rate.rate)")
        }
    }

    private func discounts(_ step: ExplainTrace.Step, _ r: PreparedRecord, _ rows: ReferenceRows, _ out: inout ExplanationLines) {
        out.title("discounts (SPEC 6; per block, each on what is left)")
        if step.discounts.isEmpty {
            out.add(r.block1 == nil && r.block2 == nil ? "no block to discount" : "no rule of the plan matches")
        }
        let plan = reference.plans.plans[reference.subscribers.subscribers[r.subscriber].plan].name.description
        for d in step.discounts {
            let type = ["FREE", "FAMILY", "PCT", "CAP"][Int(d.type.rawValue)]
            let row = rows.first("discounts.tbl", DiscountTable.tableColumns) {
                $0["PLAN"] == plan && $0["RULE"] == String(d.rule.rule) && $0["VALID_FROM"] == String(d.rule.validity.from)
            }
            out.field("block \(d.block)", "\(type) rule \(d.rule.rule), \(ReferenceRows.place(row, "discounts.tbl")) "
                + "(value \(d.rule.value)\(d.type == .free ? " units" : " %"))")
            if let pool = d.pool {
                let block = d.block == 1 ? r.block1! : r.block2!
                out.field("", "pool \(pool.cycle) \(pool.plan) rule \(pool.rule): covered before \(d.poolBefore), "
                    + "after \(d.poolAfter) of \(d.rule.value); \(d.poolAfter - d.poolBefore) units x \(block.rate.rate) "
                    + "= discount \(d.amount)")
            } else {
                out.field("", "discount \(d.amount) = floor(remaining x \(d.rule.value) / 100)")
            }
        }
        for (n, block) in [(1, r.block1), (2, r.block2)] {
            guard let b = block else { continue }
            out.field("block \(n)", "gross \(b.gross), discount \(b.discount), net \(b.net)")
        }
    }

    private func roamerCharge(_ r: PreparedRecord, _ charge: Int, _ rows: ReferenceRows, _ out: inout ExplanationLines) {
        out.title("charge (SPEC 6, inbound roamer: partner_rates.tbl, no discounts)")
        guard let service = r.roamerService else {
            out.add("no service (SMS-MT): blank service, units 0, rate 0, charge 0")
            return
        }
        let name = service.name.description
        let row = rows.first("partner_rates.tbl", PartnerRateTable.tableColumns) {
            $0["PARTNER"] == r.partner.description && $0["SERVICE"] == name
                && Int($0["VALID_FROM"]!)! <= r.start.date && ($0["VALID_TO"] == "-" || r.start.date <= Int($0["VALID_TO"]!)!)
        }
        // The quantity the service is charged on, as the rater took it (`RoamerService.of`).
        let quantity = RoamerService.of(callType: r.callType, destination: r.destination, duration: r.duration,
                                        volume: r.volume)?.1 ?? 0
        let unit = name == "DATA" ? "KB" : name == "SMS" ? "message(s)" : "s"
        out.field("service", "\(name) of partner \(r.partner), \(ReferenceRows.place(row, "partner_rates.tbl"))"
            + (row.map { ": \($0[3]) li per \($0[2]) \(unit)" } ?? ""))
        out.field("", "quantity \(quantity) -> units \(r.roamerUnits)" + (row.map { " = ceil(\(quantity) / \($0[2]))" } ?? ""))
        out.field("", "units \(r.roamerUnits), rate \(r.roamerRate), charge \(charge) = \(r.roamerUnits) x \(r.roamerRate)")
    }

    private func highUsage(_ step: ExplainTrace.Step, _ r: PreparedRecord, _ rows: ReferenceRows, _ out: inout ExplanationLines) {
        out.title("high usage (SPEC 7)")
        guard let hu = step.highUsage else { return }
        let kind = hu.key.kind == .roamer ? "HUR \(hu.key.period)" : "HU \(hu.key.period)"
        let limitSource: String
        if r.isRoamer {
            limitSource = "partners.tbl HUR_LIMIT of \(r.partner)"
        } else {
            let s = reference.subscribers.subscribers[r.subscriber]
            limitSource = s.highUsageLimit != nil ? "subscribers.tbl HU_LIMIT"
                : "plans.tbl HU_LIMIT of \(reference.plans.plans[s.plan].name)"
        }
        out.field("limit", "\(hu.limit) li (\(limitSource))" + (hu.limit == 0 ? ": none" : ""))
        let before = hu.before ?? HighUsageEntry(total: 0, level: 0)
        let after = hu.after ?? before
        out.field(kind, "total before \(before.total), after \(after.total); level before \(before.level), "
            + "after \(after.level)")
        if hu.alert != nil {
            out.field("alert", "level \(after.level) reached: an A record was written to alerts.dat")
        } else {
            out.field("alert", step.written!.charge == 0 ? "none (a record with net 0 never alerts)" : "none")
        }
    }

    private func fraud(_ step: ExplainTrace.Step, _ out: inout ExplanationLines) {
        out.title("fraud (SPEC 7)")
        if step.fraud.isEmpty {
            out.add("no rule fired")
            return
        }
        for line in step.fraud {
            line.withUnsafeBytes { b in
                let f = RecordView(b)
                out.field(f.string(FraudLayout.rule), "value \(f.number(FraudLayout.value) ?? 0): '\(f.string(FraudLayout.detail))'")
            }
        }
    }

    // MARK: - Helpers

    /// Names of the checks, by reject reason.
    static let checkNames = ["call type", "fields", "start window", "whose call", "MSC", "routing", "rates",
                             "active"]

    /// What makes each check pass.
    static let remedy = [
        "the call type must be 01-06: correct it (rejects --fix CALL_TYPE=..), then reprocess",
        "correct the field named (rejects --fix FIELD=..), then reprocess",
        "the start must fall in the window shown: correct START if it is wrong; a record older than the kept "
            + "keys is never rated",
        "add the IMSI to subscribers.tbl (or its prefix to partners.tbl), then reprocess",
        "add the MSC to msc.tbl (or correct MSC with rejects --fix), then reprocess",
        "add the number's prefix to numbering.tbl (or the code to shortcodes.tbl), or correct the number, "
            + "then reprocess",
        "add the missing tariff.tbl row (or partner_rates.tbl row) in force on the call date, then reprocess",
        "extend the subscriber's ACTIVE_FROM..ACTIVE_TO in subscribers.tbl to the call date, then reprocess",
    ]

    private func tariffRow(_ b: ChargeBlock, _ r: PreparedRecord, _ rows: ReferenceRows) -> TableRow? {
        let own = r.band == .peak ? "PEAK" : "OFF"
        for band in [own, "ALL"] {
            if let row = rows.first("tariff.tbl", TariffTable.tableColumns, where: {
                $0["COMPONENT"] == "\(b.component.name)" && $0["CLASS"] == "\(b.tariffClass.name)" && $0["BAND"] == band
                    && $0["VALID_FROM"] == String(b.rate.validity.from) && Int($0["UNIT"]!) == b.rate.unit
                    && Int($0["RATE"]!) == b.rate.rate
            }) {
                return row
            }
        }
        return nil
    }

    private func unitName(_ c: Component) -> String {
        switch "\(c.name)" {
        case "SMS": return "message(s)"
        case "DATA": return "KB"
        default: return "s"
        }
    }

    private func field(_ f: Field, _ r: PreparedRecord) -> String {
        matchingStep!.raw.withUnsafeBytes { RecordView($0).string(f) }
    }

    private func gross(_ r: PreparedRecord) -> Int { (r.block1?.gross ?? 0) + (r.block2?.gross ?? 0) }
    private func discount(_ r: PreparedRecord) -> Int { (r.block1?.discount ?? 0) + (r.block2?.discount ?? 0) }

    private func flagText(_ f: DiscountFlags) -> String {
        (f.contains(.free) ? "F" : " ") + (f.contains(.family) ? "M" : " ") + (f.contains(.percent) ? "P" : " ")
    }

    private func callTypeName(_ bytes: UnsafeRawBufferPointer) -> String {
        let names = ["01": "MOC voice originated", "02": "MTC voice terminated", "03": "CFW call forwarded",
                     "04": "SMS-MO", "05": "SMS-MT", "06": "DATA session"]
        return names[String(decoding: bytes, as: UTF8.self)] ?? "(not a call type)"
    }

    private func sixDigits(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, 6 - s.count)) + s }
    private func eightDigits(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, 8 - s.count)) + s }
    private func fourDigits(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, 4 - s.count)) + s }
}
