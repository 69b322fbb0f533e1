import XCTest
@testable import CDRate
@testable import CDRateGenerate

final class WorldGeneratorTests: XCTestCase {
    private typealias R = GeneratedWorldReader

    /// Generates a world into a fresh folder and reads it back.
    private func world(subscribers: Int = 60, records: Int, seed: UInt64 = 5, bad: Int = 0,
                       perFile: Int = 100_000) throws -> (GeneratorScratchFolder, GeneratedWorldSummary, GeneratedWorldReader) {
        let folder = try GeneratorScratchFolder()
        let summary = try WorldGenerator(subscribers: subscribers, records: records, seed: seed, badPercent: bad,
                                         recordsPerFile: perFile).write(to: folder.path)
        return (folder, summary, try GeneratedWorldReader(root: folder.path))
    }

    private func contents(of folder: String) throws -> [String: Data] {
        var map: [String: Data] = [:]
        for sub in ["Tariffs", "inbox"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/" + sub) {
                map[sub + "/" + name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + sub + "/" + name))
            }
        }
        return map
    }

    // MARK: - Determinism

    func testTheSameSeedWritesTheSameBytes() throws {
        let (a, _, _) = try world(records: 1500, seed: 42, bad: 3)
        let (b, _, _) = try world(records: 1500, seed: 42, bad: 3)
        let first = try contents(of: a.path), second = try contents(of: b.path)
        XCTAssertEqual(first.count, 18 + 154)
        XCTAssertEqual(Set(first.keys), Set(second.keys))
        for (name, data) in first { XCTAssertEqual(data, second[name], name) }
    }

    func testAnotherSeedWritesAnotherWorld() throws {
        let (a, _, _) = try world(records: 1500, seed: 42)
        let (b, _, _) = try world(records: 1500, seed: 43)
        let first = try contents(of: a.path), second = try contents(of: b.path)
        XCTAssertNotEqual(first["Tariffs/subscribers.tbl"], second["Tariffs/subscribers.tbl"])
        XCTAssertNotEqual(first["inbox/BJMSC01_20260922_000002.cdr.gz"], second["inbox/BJMSC01_20260922_000002.cdr.gz"])
        // The hand-written tables do not depend on the seed.
        XCTAssertEqual(first["Tariffs/tariff.tbl"], second["Tariffs/tariff.tbl"])
    }

    // MARK: - File structure (SPEC section 1)

    func testEveryFileHasAValidHeaderDetailsAndAMatchingTrailer() throws {
        let (_, summary, reader) = try world(records: 2000)
        XCTAssertEqual(summary, GeneratedWorldSummary(files: 154, records: 2000, subscribers: 60))
        XCTAssertEqual(reader.files.count, 154)     // 22 switches, 7 days
        var lastSequence: [String: Int] = [:]
        var details = 0
        for file in reader.files {
            let parts = file.name.split(separator: "_")
            XCTAssertEqual(parts.count, 3, file.name)
            let switchID = String(parts[0]), date = String(parts[1])
            XCTAssert(file.name.hasSuffix(".cdr.gz"))
            let seq = Int(parts[2].prefix(6))!
            XCTAssertEqual(seq, (lastSequence[switchID] ?? 0) + 1, "\(file.name): sequence numbers of a switch start at 1 without gaps")
            lastSequence[switchID] = seq
            for line in file.lines {
                XCTAssertEqual(line.count, 160)
                XCTAssert(line.allSatisfy(ASCII.isPrintable), file.name)
            }
            let header = file.header
            XCTAssertEqual(R.text(header, HeaderLayout.type), "H")
            XCTAssertEqual(R.trimmed(header, HeaderLayout.switchID), switchID)
            XCTAssertEqual(R.number(header, HeaderLayout.fileSeq), seq)
            let created = R.text(header, HeaderLayout.created)
            XCTAssertNotNil(R.epoch(created), created)
            XCTAssert(created.hasPrefix(date + "235"), "\(file.name) cut at 23:5x on its day: \(created)")
            XCTAssertEqual(R.text(header, HeaderLayout.version), "CDR1")
            XCTAssert(R.text(header, HeaderLayout.filler).allSatisfy { $0 == " " })
            var durations = 0, volumes = 0
            for (i, d) in file.details.enumerated() {
                XCTAssertEqual(R.text(d, DetailLayout.type), "D", file.name)
                XCTAssertEqual(R.number(d, DetailLayout.recordSeq), i + 1)
                XCTAssertEqual(R.trimmed(d, DetailLayout.msc), switchID, "no --bad: every record names its switch")
                durations += R.number(d, DetailLayout.duration)!
                volumes += R.number(d, DetailLayout.volume)!
            }
            let trailer = file.trailer
            XCTAssertEqual(R.text(trailer, TrailerLayout.type), "T")
            XCTAssertEqual(R.number(trailer, TrailerLayout.count), file.details.count, file.name)
            XCTAssertEqual(R.number(trailer, TrailerLayout.durationSum), durations, file.name)
            XCTAssertEqual(R.number(trailer, TrailerLayout.volumeSum), volumes, file.name)
            details += file.details.count
        }
        XCTAssertEqual(details, 2000)
        XCTAssertEqual(lastSequence.count, 22)
    }

    func testABusyDayIsCutIntoSeveralFilesOfBoundedSize() throws {
        let (_, summary, reader) = try world(records: 3000, perFile: 40)
        XCTAssertEqual(summary.records, 3000)
        XCTAssertGreaterThan(reader.files.count, 154)
        var lastCreated: [String: String] = [:]
        for file in reader.files {
            XCTAssertLessThanOrEqual(file.details.count, 40, file.name)
            let switchID = String(file.name.prefix { $0 != "_" })
            let created = R.text(file.header, HeaderLayout.created)
            if let previous = lastCreated[switchID] { XCTAssertLessThan(previous, created, file.name) }
            lastCreated[switchID] = created
        }
        XCTAssertEqual(reader.files.reduce(0) { $0 + $1.details.count }, 3000)
    }

    // MARK: - Reference tables (SPEC section 3)

    func testTheTablesAreCompleteAndConsistent() throws {
        let (folder, _, reader) = try world(subscribers: 200, records: 100)
        defer { withExtendedLifetime(folder) {} }
        let columns = [
            "network.tbl": "KEY VALUE", "areas.tbl": "AREA PROVINCE NAME", "msc.tbl": "MSC AREA",
            "cells.tbl": "LAC CELL AREA BORDER", "numbering.tbl": "PREFIX KIND OPERATOR AREA ZONE",
            "shortcodes.tbl": "CODE CLASS",
            "subscribers.tbl": "IMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO",
            "family.tbl": "MSISDN NUMBER", "plans.tbl": "PLAN MONTHLY_FEE HU_LIMIT NAME",
            "discounts.tbl": "PLAN RULE TYPE COMPONENT CLASS BAND VALUE VALID_FROM VALID_TO",
            "tariff.tbl": "COMPONENT CLASS BAND UNIT RATE VALID_FROM VALID_TO", "timebands.tbl": "DAYTYPE FROM TO BAND",
            "holidays.tbl": "DATE NAME", "partners.tbl": "PARTNER IMSI_PREFIX HUR_LIMIT NAME",
            "partner_rates.tbl": "PARTNER SERVICE UNIT RATE VALID_FROM VALID_TO",
            "interconnect.tbl": "OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO",
            "fraud.tbl": "RULE PARAM", "hotlist.tbl": "PREFIX NAME",
        ]
        for name in ReferenceData.fileNames {
            XCTAssertEqual(reader.headers[name], columns[name]!.split(separator: " ").map(String.init), name)
            let first = try String(contentsOfFile: reader.root + "/Tariffs/" + name, encoding: .utf8).prefix { $0 != "\n" }
            XCTAssert(first.hasPrefix("# " + name + ": "), "\(name) starts with a comment saying what it is")
            for row in reader.tables[name]! { XCTAssertEqual(row.count, columns[name]!.split(separator: " ").count, "\(name): \(row)") }
        }
        let t = reader.tables
        XCTAssertEqual(t["network.tbl"]!.map { $0.joined(separator: "=") }, ["OPERATOR=CU", "COUNTRY=86", "MAX_AGE_DAYS=60"])
        let areas = Dictionary(uniqueKeysWithValues: t["areas.tbl"]!.map { ($0[0], $0[1]) })
        XCTAssertGreaterThanOrEqual(areas.count, 16)
        XCTAssertGreaterThanOrEqual(Set(areas.values).count, 5)
        for row in t["msc.tbl"]! { XCTAssertNotNil(areas[row[1]], "msc \(row)") }
        XCTAssertEqual(Set(t["msc.tbl"]!.map { $0[0] }).count, t["msc.tbl"]!.count)
        for row in t["cells.tbl"]! {
            XCTAssertNotNil(areas[row[2]])
            if row[3] != "-" {
                let border = row[3].split(separator: ",").map(String.init)
                XCTAssertFalse(border.contains(row[2]), "a border list must not hold the cell's own area: \(row)")
                for a in border { XCTAssertNotNil(areas[a]) }
            }
        }
        // Numbering: unique prefixes; domestic rows name an area, INTL rows a zone.
        XCTAssertEqual(Set(t["numbering.tbl"]!.map { $0[0] }).count, t["numbering.tbl"]!.count)
        for row in t["numbering.tbl"]! {
            if row[1] == "INTL" {
                XCTAssert(row[2] == "-" && row[3] == "-" && (row[4] == "GAT" || row[4].hasPrefix("Z")), "\(row)")
            } else {
                XCTAssert(areas[row[3]] != nil && row[4] == "-" && ["CU", "CM", "CT"].contains(row[2]), "\(row)")
            }
        }
        // Subscribers: N rows, unique IMSI and MSISDN, each MSISDN in a CU block of its home area.
        let subs = t["subscribers.tbl"]!
        XCTAssertEqual(subs.count, 200)
        XCTAssertEqual(Set(subs.map { $0[0] }).count, 200)
        XCTAssertEqual(Set(subs.map { $0[1] }).count, 200)
        let plans = Set(t["plans.tbl"]!.map { $0[0] })
        XCTAssert((4...5).contains(plans.count))
        for s in subs {
            XCTAssert(s[0].hasPrefix("46001") && s[0].count == 15, "\(s)")
            XCTAssertEqual(reader.route(s[1], area: s[3]), .domestic(area: s[3]), "\(s)")
            let block = reader.tables["numbering.tbl"]!.first { s[1].hasPrefix($0[0]) }!
            XCTAssertEqual(block[2], "CU", "\(s)")
            XCTAssert(plans.contains(s[4]) && s[2].count <= 10 && s[2].hasPrefix("AC"), "\(s)")
            XCTAssert(s[7] == "-" || s[6] <= s[7], "\(s)")
        }
        let msisdns = Set(subs.map { $0[1] })
        XCTAssertFalse(t["family.tbl"]!.isEmpty)
        for f in t["family.tbl"]! { XCTAssert(msisdns.contains(f[0]), "family of an unknown MSISDN: \(f)") }
        // Every discount TYPE; CAP rows have CLASS and BAND `*`.
        XCTAssertEqual(Set(t["discounts.tbl"]!.map { $0[2] }), ["FREE", "FAMILY", "PCT", "CAP"])
        for row in t["discounts.tbl"]! where row[2] == "CAP" { XCTAssertEqual([row[4], row[5]], ["*", "*"]) }
        XCTAssertEqual(Set(t["fraud.tbl"]!.map { $0[0] }),
                       ["OVERLAP", "VELOCITY", "LONG_CALL", "INTL_VOLUME", "CFW_INTL", "HOT_DEST", "IMEI_CHANGE"])
        XCTAssertEqual(t["partners.tbl"]!.map { $0[0] }, ["VODUK", "DOCOMO", "CSLHK"])
        for partner in ["VODUK", "DOCOMO", "CSLHK"] {
            XCTAssertEqual(Set(t["partner_rates.tbl"]!.filter { $0[0] == partner }.map { $0[1] }),
                           ["MO_DOM", "MO_INTL", "MT", "SMS", "DATA"], partner)
        }
        XCTAssertEqual(Set(t["interconnect.tbl"]!.map { $0[0] + $0[1] + $0[2] }).count, 12)
        XCTAssert((2...3).contains(t["hotlist.tbl"]!.count))
        // Hot-listed prefixes are routable and priced, or HOT_DEST could never fire.
        for row in t["hotlist.tbl"]! {
            guard case .zone(let zone)? = reader.route("+" + row[0] + "1234567", area: "10") else { return XCTFail("\(row)") }
            XCTAssert(reader.tollZones.contains(zone), "\(row)")
        }
        XCTAssertTrue(t["holidays.tbl"]!.contains { $0[0] == "20260925" })
    }

    // MARK: - Records (SPEC sections 4-7)

    func testAWorldWithoutBadRecordsHasNoRejects() throws {
        let (_, _, reader) = try world(records: 3000, seed: 8)
        for file in reader.files {
            let created = R.text(file.header, HeaderLayout.created)
            for d in file.details {
                XCTAssertNil(reader.rejectReason(d, created: created), "\(file.name): \(String(decoding: d, as: UTF8.self))")
            }
        }
    }

    func testBadPlantsEveryRejectReasonAndNothingElse() throws {
        let records = 2000, bad = 5, seed: UInt64 = 21
        let (_, _, reader) = try world(subscribers: 80, records: records, seed: seed, bad: bad)
        var reasons: [String: Int] = [:]
        var raw: [String: [[UInt8]]] = [:]
        for file in reader.files {
            let created = R.text(file.header, HeaderLayout.created)
            for d in file.details {
                if let reason = reader.rejectReason(d, created: created) {
                    reasons[reason, default: 0] += 1
                    raw[reason, default: []].append(d)
                }
            }
        }
        // Exactly `bad` % of the random records are broken, spread evenly over E02-E09.
        let catalog = WorldCatalog()
        let subscribers = WorldSubscribers(count: 80, seed: seed, catalog: catalog)
        let planted = WorldPlantedCases.build(catalog: catalog, subscribers: subscribers,
                                              roamers: WorldRoamers(subscribers: 80, seed: seed, catalog: catalog)).count
        let broken = (records - planted) * bad / 100
        XCTAssertEqual(reasons.values.reduce(0, +), broken, "\(reasons)")
        for code in 2...9 {
            let reason = "E0\(code)"
            XCTAssert((broken / 8...broken / 8 + 1).contains(reasons[reason] ?? 0), "\(reason): \(reasons)")
        }
        // The raw fields show each planted corruption.
        XCTAssert(raw["E02"]!.allSatisfy { !["01", "02", "03", "04", "05", "06"].contains(R.text($0, DetailLayout.callType)) })
        XCTAssert(raw["E05"]!.allSatisfy { d in ["46003", "46000", "23410"].contains { R.text(d, DetailLayout.imsi).hasPrefix($0) } })
        XCTAssert(raw["E06"]!.allSatisfy { d in
            let msc = R.trimmed(d, DetailLayout.msc)
            return msc.isEmpty || msc.hasSuffix("09")
        })
        XCTAssert(raw["E07"]!.contains { R.trimmed($0, DetailLayout.otherParty) == "12399" })
        XCTAssert(raw["E07"]!.contains { R.trimmed($0, DetailLayout.otherParty).count == 24 })
        XCTAssert(raw["E08"]!.contains { R.trimmed($0, DetailLayout.otherParty).hasPrefix("00870") })
        XCTAssert(raw["E08"]!.contains { R.text($0, DetailLayout.imsi).hasPrefix("23415") && R.text($0, DetailLayout.start).hasPrefix("20260923") })
        let inactive = Set(raw["E09"]!.map { R.text($0, DetailLayout.imsi) })
        XCTAssertEqual(inactive, Set([PlantedRole.churned, .leaver, .joiner].map { String(subscribers.imsi($0.rawValue)) }))
        XCTAssert(raw["E03"]!.contains { R.text($0, DetailLayout.cause) == "05" })
        XCTAssert(raw["E03"]!.contains { R.text($0, DetailLayout.recordSeq).hasPrefix("A") })
        XCTAssert(raw["E03"]!.contains { R.number($0, DetailLayout.duration) == nil })
    }

    func testThePlantedCasesArePresent() throws {
        let (_, _, reader) = try world(records: 2000, seed: 9)
        let details = reader.files.flatMap { file in file.details.map { (file.name, $0) } }
        func find(_ predicate: ([UInt8]) -> Bool) -> [(String, [UInt8])] { details.filter { predicate($0.1) } }
        let catalog = WorldCatalog()
        let subscribers = WorldSubscribers(count: 60, seed: 9, catalog: catalog)
        func imsi(_ role: PlantedRole) -> String { String(subscribers.imsi(role.rawValue)) }
        func of(_ role: PlantedRole) -> [(String, [UInt8])] { find { R.text($0, DetailLayout.imsi) == imsi(role) } }

        // OVERLAP: two calls on two Beijing switches, the second starting inside the first.
        let overlap = of(.overlap).sorted { R.text($0.1, DetailLayout.start) < R.text($1.1, DetailLayout.start) }
        XCTAssertEqual(overlap.map { R.trimmed($0.1, DetailLayout.msc) }, ["BJMSC01", "BJMSC02"])
        XCTAssertEqual(overlap.map { R.text($0.1, DetailLayout.start) }, ["20260922100000", "20260922101000"])
        XCTAssertEqual(R.number(overlap[0].1, DetailLayout.duration), 1500)
        // LONG_CALL, CFW_INTL, HOT_DEST.
        XCTAssertEqual(of(.longCall).map { R.number($0.1, DetailLayout.duration) }, [12600])
        XCTAssertEqual(of(.cfwIntl).map { R.trimmed($0.1, DetailLayout.thirdParty) }, ["+447700900123"])
        XCTAssertEqual(Set(of(.hotDest).map { R.trimmed($0.1, DetailLayout.otherParty) }),
                       ["0023225301234", "+88216123456", "+37125123456"])
        // INTL_VOLUME: 125 minutes on the holiday.
        let minutes = of(.intlVolume).reduce(0) { $0 + (R.number($1.1, DetailLayout.duration)! + 59) / 60 }
        XCTAssertEqual(minutes, 125)
        // IMEI_CHANGE: three handsets on 20260923.
        XCTAssertEqual(Set(of(.imeiChange).map { R.text($0.1, DetailLayout.imei) }).count, 3)
        // VELOCITY: Beijing then Shanghai 75 minutes later.
        XCTAssertEqual(of(.velocity).map { R.trimmed($0.1, DetailLayout.msc) }.sorted(), ["BJMSC01", "SHMSC01"])
        // Border cell of Baoding for a Beijing subscriber, and its non-border neighbour.
        XCTAssertEqual(Set(of(.border).map { R.text($0.1, DetailLayout.cell) }), ["00951", "00952"])
        // HUR: four calls home of a CSL roamer on the holiday.
        let hur = find { R.text($0, DetailLayout.imsi).hasPrefix("45400") && R.text($0, DetailLayout.start).hasPrefix("20260925")
            && R.trimmed($0, DetailLayout.otherParty).hasPrefix("+852") && R.number($0, DetailLayout.duration) == 1500 }
        XCTAssertEqual(hur.count, 4)
        // High usage and free pools: long calls of the heavy users.
        XCTAssertEqual(of(.heavyToll).count, 12)
        XCTAssertEqual(of(.freeAir).reduce(0) { $0 + R.number($1.1, DetailLayout.duration)! }, 8 * 1800)
        XCTAssertEqual(of(.freeData).reduce(0) { $0 + R.number($1.1, DetailLayout.volume)! }, 5 * 307_200)
        // Family calls reach the family member's MSISDN.
        let member = String(subscribers.msisdn(PlantedRole.familyMember.rawValue))
        XCTAssert(of(.familyCaller).contains { R.trimmed($0.1, DetailLayout.otherParty) == "+" + member })
        // Planted records pass every check.
        for (name, d) in details where (0..<PlantedRole.allCases.count).contains(where: { String(subscribers.imsi($0)) == R.text(d, DetailLayout.imsi) }) {
            let file = reader.files.first { $0.name == name }!
            XCTAssertNil(reader.rejectReason(d, created: R.text(file.header, HeaderLayout.created)), String(decoding: d, as: UTF8.self))
        }
    }

    func testTrafficMixDuplicatesAndRoamers() throws {
        let (_, _, reader) = try world(subscribers: 1000, records: 20000, seed: 3)
        var types: [String: Int] = [:]
        var firstFile: [String: String] = [:]
        var sameFile = 0, otherFile = 0, roamers = 0, forms: Set<String> = []
        for file in reader.files {
            for d in file.details {
                types[R.text(d, DetailLayout.callType), default: 0] += 1
                let imsi = R.text(d, DetailLayout.imsi)
                if !imsi.hasPrefix("46001") { roamers += 1 }
                let other = R.trimmed(d, DetailLayout.otherParty)
                if other.hasPrefix("+") { forms.insert("+") } else if other.hasPrefix("00") { forms.insert("00") }
                else if other.hasPrefix("0") { forms.insert("0") } else if other.count == 7 || other.count == 8 { forms.insert("local") }
                let key = [DetailLayout.imsi, DetailLayout.callType, DetailLayout.start, DetailLayout.otherParty,
                           DetailLayout.duration, DetailLayout.volume].map { R.text(d, $0) }.joined(separator: "|")
                if let seen = firstFile[key] {
                    if seen == file.name { sameFile += 1 } else { otherFile += 1 }
                } else {
                    firstFile[key] = file.name
                }
            }
        }
        // About 45/20/3/12/8/12 % of 01..06.
        let expected = ["01": 45, "02": 20, "03": 3, "04": 12, "05": 8, "06": 12]
        for (type, percent) in expected {
            let share = Double(types[type] ?? 0) / 200.0
            XCTAssertEqual(share, Double(percent), accuracy: 2.5, "call type \(type): \(types)")
        }
        XCTAssertGreaterThan(sameFile, 10, "duplicates within a file")
        XCTAssertGreaterThan(otherFile, 5, "duplicates across files")
        XCTAssert((300...1000).contains(roamers), "about 3% inbound roamers: \(roamers)")
        XCTAssertEqual(forms, ["+", "00", "0", "local"])
    }

    // MARK: - Parameters

    func testParametersOutOfRangeAreRefused() {
        for generator in [
            WorldGenerator(subscribers: 29, records: 10, seed: 1, badPercent: 0),
            WorldGenerator(subscribers: 100, records: -1, seed: 1, badPercent: 0),
            WorldGenerator(subscribers: 100, records: 10, seed: 1, badPercent: 101),
            WorldGenerator(subscribers: 100, records: 10, seed: 1, badPercent: 0, recordsPerFile: 0),
        ] {
            XCTAssertThrowsError(try generator.validate()) { error in
                guard case GeneratorError.invalidParameter = error else { return XCTFail("\(error)") }
            }
        }
        XCTAssertNoThrow(try WorldGenerator(subscribers: 30, records: 0, seed: 0, badPercent: 100).validate())
    }

    func testAnInboxThatAlreadyHoldsSwitchFilesIsLeftAlone() throws {
        let (folder, _, _) = try world(records: 50)
        XCTAssertThrowsError(try WorldGenerator(subscribers: 60, records: 50, seed: 6, badPercent: 0).write(to: folder.path)) { error in
            guard case GeneratorError.io(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssert(path.hasSuffix("/inbox"))
        }
    }

    func testAnEmptyWorldStillHasEveryFile() throws {
        let (_, summary, reader) = try world(subscribers: 30, records: 0)
        XCTAssertEqual(summary.records, 0)
        XCTAssertEqual(reader.files.count, 154)
        XCTAssert(reader.files.allSatisfy { $0.lines.count == 2 })
    }
}

/// The generated tables pass the reference loader's validation (SPEC section 3).
final class GeneratedTariffsLoadTests: XCTestCase {
    func testAGeneratedWorldsTablesLoad() throws {
        let folder = try GeneratorScratchFolder()
        _ = try WorldGenerator(subscribers: 500, records: 10, seed: 77, badPercent: 0).write(to: folder.path)
        let data: ReferenceData
        do {
            data = try ReferenceData.load(directory: folder.path + "/Tariffs")
        } catch {
            return XCTFail("\(error)")
        }
        XCTAssertEqual(data.subscribers.subscribers.count, 500)
        XCTAssertEqual(data.areas.areas.count, 19)
        XCTAssertEqual(data.checksums.count, 18)
        XCTAssertEqual(data.network.ownOperator, PackedText("CU"))
    }

    /// The project's own `Tariffs/` (made by scripts/make-sample-cdrs.sh) loads too.
    func testTheProjectTariffsLoad() throws {
        let tariffs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tariffs").path
        guard FileManager.default.fileExists(atPath: tariffs) else { throw XCTSkip("no Tariffs/ at \(tariffs)") }
        do {
            let data = try ReferenceData.load(directory: tariffs)
            XCTAssertEqual(data.subscribers.subscribers.count, 300)
        } catch {
            XCTFail("\(error)")
        }
    }
}
