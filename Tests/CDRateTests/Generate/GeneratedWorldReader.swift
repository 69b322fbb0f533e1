import CZlib
import Foundation
@testable import CDRate
@testable import CDRateGenerate

/// Reads a generated world back for the tests, independently of the generator: the
/// tables as text rows, the switch files (gunzipped with zlib), and a small reading of
/// SPEC section 4 that says which reject reason a detail record earns, if any.
struct GeneratedWorldReader {
    /// One switch file: its name, header, details and trailer lines (160 bytes each).
    struct SwitchFile {
        let name: String
        let lines: [[UInt8]]
        var header: [UInt8] { lines.first! }
        var trailer: [UInt8] { lines.last! }
        var details: ArraySlice<[UInt8]> { lines.dropFirst().dropLast() }
    }

    let root: String
    let tables: [String: [[String]]]
    let headers: [String: [String]]
    let files: [SwitchFile]

    /// The world under `root`, its switch files read from `root/inbox` (a night's folder in it).
    init(root: String, inbox: String = "inbox") throws {
        self.root = root
        var tables: [String: [[String]]] = [:]
        var headers: [String: [String]] = [:]
        for name in ReferenceData.fileNames {
            let text = try String(contentsOfFile: root + "/Tariffs/" + name, encoding: .utf8)
            var rows: [[String]] = []
            var header: [String]?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let cols = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                if cols.isEmpty { continue }
                if header == nil { header = cols } else { rows.append(cols) }
            }
            tables[name] = rows
            headers[name] = header ?? []
        }
        self.tables = tables
        self.headers = headers
        var subs: [String: Sub] = [:]
        for r in tables["subscribers.tbl"]! { subs[r[0]] = Sub(area: r[3], from: r[6], to: r[7] == "-" ? "99999999" : r[7]) }
        subscribers = subs
        partners = Dictionary(uniqueKeysWithValues: tables["partners.tbl"]!.map { ($0[0], $0[1]) })
        msc = Dictionary(uniqueKeysWithValues: tables["msc.tbl"]!.map { ($0[0], $0[1]) })
        cells = Dictionary(uniqueKeysWithValues: tables["cells.tbl"]!.map {
            ($0[0] + "/" + $0[1], Cell(area: $0[2], border: $0[3] == "-" ? [] : $0[3].split(separator: ",").map(String.init)))
        })
        numbering = Dictionary(uniqueKeysWithValues: tables["numbering.tbl"]!.map { ($0[0], $0) })
        shortCodes = Set(tables["shortcodes.tbl"]!.map { $0[0] })
        tollZones = Set(tables["tariff.tbl"]!.filter { $0[0] == "TOLL" }.map { $0[1] })
        var rates: [String: [(String, String)]] = [:]
        for r in tables["partner_rates.tbl"]! { rates[r[0] + "/" + r[1], default: []].append((r[4], r[5])) }
        partnerRates = rates
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/" + inbox).sorted()
        files = try names.map { name in
            let raw = try Data(contentsOf: URL(fileURLWithPath: root + "/" + inbox + "/" + name))
            let bytes = name.hasSuffix(".gz") ? try GeneratedWorldReader.gunzip([UInt8](raw)) : [UInt8](raw)
            precondition(bytes.count % 161 == 0, "\(name): \(bytes.count) bytes is not a multiple of 161")
            let lines = stride(from: 0, to: bytes.count, by: 161).map { Array(bytes[$0..<($0 + 160)]) }
            return SwitchFile(name: name, lines: lines)
        }
    }

    // MARK: - Reading fields

    static func text(_ line: [UInt8], _ field: Field) -> String {
        String(decoding: line[field.range], as: UTF8.self)
    }

    static func trimmed(_ line: [UInt8], _ field: Field) -> String {
        text(line, field).trimmingCharacters(in: .whitespaces)
    }

    static func number(_ line: [UInt8], _ field: Field) -> Int? {
        let s = text(line, field)
        return s.allSatisfy(\.isASCII) && s.allSatisfy(\.isNumber) ? Int(s) : nil
    }

    /// Seconds since 1970 of a valid `YYYYMMDDHHMMSS`, or nil.
    static func epoch(_ s: String) -> Int? {
        guard s.count == 14, let v = Int(s), let t = Timestamp(value: v) else { return nil }
        return t.epochSeconds
    }

    // MARK: - A small reading of SPEC section 4

    /// The reject reason (`"E02"`…`"E09"`) of a detail, or nil when it passes every check.
    func rejectReason(_ d: [UInt8], created: String) -> String? {
        let type = GeneratedWorldReader.text(d, DetailLayout.callType)
        guard ["01", "02", "03", "04", "05", "06"].contains(type) else { return "E02" }
        if !wellFormed(d, type: type) { return "E03" }
        let start = GeneratedWorldReader.text(d, DetailLayout.start)
        let delta = GeneratedWorldReader.epoch(start)! - GeneratedWorldReader.epoch(created)!
        if delta > 86_400 || -delta > 60 * 86_400 { return "E04" }
        let imsi = GeneratedWorldReader.text(d, DetailLayout.imsi)
        let subscriber = subscribers[imsi]
        let partner = partners.first { imsi.hasPrefix($0.value) }?.key
        if subscriber == nil && partner == nil { return "E05" }
        let mscID = GeneratedWorldReader.trimmed(d, DetailLayout.msc)
        guard let mscArea = msc[mscID] else { return "E06" }
        var area = mscArea
        let cellKey = GeneratedWorldReader.text(d, DetailLayout.lac) + "/" + GeneratedWorldReader.text(d, DetailLayout.cell)
        if let cell = cells[cellKey] {
            area = cell.area
            if let s = subscriber, cell.border.contains(s.area) { area = s.area }
        }
        let other = GeneratedWorldReader.trimmed(d, DetailLayout.otherParty)
        let third = GeneratedWorldReader.trimmed(d, DetailLayout.thirdParty)
        var destination: Route?
        if type == "01" || type == "04" || type == "03" {
            destination = route(type == "03" ? third : other, area: area)
            if destination == nil { return "E07" }
        }
        let date = String(start.prefix(8))
        if let partner {
            if type == "06" && !inForce(partnerRates[partner + "/DATA"] ?? [], date) { return "E08" }
            return nil
        }
        if (type == "01" || type == "03"), case .zone(let z)? = destination, !tollZones.contains(z) { return "E08" }
        let s = subscriber!
        if date < s.from || date > s.to { return "E09" }
        return nil
    }

    // MARK: - Tables

    struct Sub { let area: String; let from: String; let to: String }
    struct Cell { let area: String; let border: [String] }
    enum Route: Equatable { case domestic(area: String), zone(String), shortCode }

    let subscribers: [String: Sub]
    let partners: [String: String]
    let msc: [String: String]
    let cells: [String: Cell]
    let numbering: [String: [String]]
    let shortCodes: Set<String>
    let tollZones: Set<String>
    let partnerRates: [String: [(String, String)]]

    private func inForce(_ periods: [(String, String)], _ date: String) -> Bool {
        periods.contains { $0.0 <= date && ($0.1 == "-" || date <= $0.1) }
    }

    /// SPEC section 4, step 3: normalize, then route by the longest prefix.
    func route(_ x: String, area: String) -> Route? {
        var n: String
        if x.hasPrefix("+") { n = String(x.dropFirst()) }
        else if x.hasPrefix("00") { n = String(x.dropFirst(2)) }
        else if x.hasPrefix("0") { n = "86" + x.dropFirst() }
        else if x.hasPrefix("861") && x.count == 13 { n = x }
        else if x.hasPrefix("1") && x.count == 11 { n = "86" + x }
        else if (3...6).contains(x.count) { return shortCodes.contains(x) ? .shortCode : nil }
        else if (7...8).contains(x.count) { n = "86" + area + x }
        else if x.hasPrefix("86") && (9...24).contains(x.count) { n = x }
        else { return nil }
        if n.count > 24 || n.isEmpty { return nil }
        let table = numbering
        for length in stride(from: n.count, through: 1, by: -1) {
            if let row = table[String(n.prefix(length))] {
                return row[1] == "INTL" ? .zone(row[4]) : .domestic(area: row[3])
            }
        }
        return nil
    }

    private func wellFormed(_ d: [UInt8], type: String) -> Bool {
        func digits(_ f: Field) -> Bool { GeneratedWorldReader.number(d, f) != nil }
        let msisdn = GeneratedWorldReader.text(d, DetailLayout.msisdn)
        let msisdnDigits = msisdn.prefix { $0 != " " }
        guard digits(DetailLayout.recordSeq), digits(DetailLayout.imsi), !msisdnDigits.isEmpty,
              msisdnDigits.allSatisfy(\.isNumber), msisdn.dropFirst(msisdnDigits.count).allSatisfy({ $0 == " " }),
              GeneratedWorldReader.epoch(GeneratedWorldReader.text(d, DetailLayout.start)) != nil,
              digits(DetailLayout.duration), let volume = GeneratedWorldReader.number(d, DetailLayout.volume),
              volume <= 99_999_999, digits(DetailLayout.lac), digits(DetailLayout.cell),
              ["00", "01", "02"].contains(GeneratedWorldReader.text(d, DetailLayout.cause)) else { return false }
        let imei = GeneratedWorldReader.text(d, DetailLayout.imei)
        guard digits(DetailLayout.imei) || imei.allSatisfy({ $0 == " " }) else { return false }
        func party(_ s: String) -> Bool {
            let body = s.hasPrefix("+") ? s.dropFirst() : Substring(s)
            return s.isEmpty || (!body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber })
        }
        return party(GeneratedWorldReader.trimmed(d, DetailLayout.otherParty))
            && (type == "06" || party(GeneratedWorldReader.trimmed(d, DetailLayout.thirdParty)))
    }

    // MARK: - gzip

    /// The content of one or more gzip members.
    static func gunzip(_ input: [UInt8]) throws -> [UInt8] {
        guard !input.isEmpty else { throw GeneratorError.io(path: "", problem: "empty gzip file") }
        var stream = z_stream()
        guard cdrate_inflateInit2(&stream, 31) == Z_OK else { throw GeneratorError.io(path: "", problem: "inflateInit2") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var input = input
        var consumed = 0
        while true {
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_in = inBuffer.baseAddress! + consumed
                    stream.avail_in = uInt(inBuffer.count - consumed)
                    stream.next_out = outBuffer.baseAddress!
                    stream.avail_out = uInt(outBuffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    consumed = inBuffer.count - Int(stream.avail_in)
                    return status
                }
            }
            output += chunk[0..<(chunk.count - Int(stream.avail_out))]
            if status == Z_STREAM_END {
                if consumed == input.count { break }
                inflateReset(&stream)
                continue
            }
            guard status == Z_OK else { throw GeneratorError.io(path: "", problem: "inflate status \(status)") }
            if consumed == input.count && stream.avail_out > 0 {
                throw GeneratorError.io(path: "", problem: "truncated gzip member")
            }
        }
        return output
    }
}
