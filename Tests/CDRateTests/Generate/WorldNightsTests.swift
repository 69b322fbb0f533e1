import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// `cdrate generate --nights`, `--start` and `--first-seq`: consecutive nights, one inbox
/// folder each, dates advancing and every switch's sequence numbers continuing.
final class WorldNightsTests: XCTestCase {
    private typealias R = GeneratedWorldReader

    private func files(of folder: String) throws -> [String: Data] {
        var map: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            map[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return map
    }

    func testNightsAdvanceTheDateAndContinueTheSequences() throws {
        let folder = try GeneratorScratchFolder()
        let summary = try WorldGenerator(subscribers: 300, records: 600, seed: 4, badPercent: 0,
                                         nights: 3, start: 20261030, firstSequence: 5, today: 20261201).write(to: folder.path)
        XCTAssertEqual(summary, GeneratedWorldSummary(files: 66, records: 1800, subscribers: 300))
        let inbox = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/inbox").sorted()
        XCTAssertEqual(inbox, ["night-20261030", "night-20261031", "night-20261101"])
        for (n, night) in inbox.enumerated() {
            let date = String(night.dropFirst("night-".count))
            let reader = try R(root: folder.path, inbox: "inbox/" + night)
            XCTAssertEqual(reader.files.count, 22, night)
            XCTAssertEqual(reader.files.reduce(0) { $0 + $1.details.count }, 600, "records a night")
            for file in reader.files {
                let parts = file.name.split(separator: "_")
                XCTAssertEqual(String(parts[1]), date, file.name)
                XCTAssertEqual(Int(parts[2].prefix(6)), 5 + n, "\(file.name): sequences continue night after night")
                let created = R.text(file.header, HeaderLayout.created)
                XCTAssert(created.hasPrefix(date + "235"), "\(file.name) cut at 23:5x on its night: \(created)")
                for d in file.details {
                    XCTAssertNil(reader.rejectReason(d, created: created), "\(file.name): \(String(decoding: d, as: UTF8.self))")
                    let start = R.text(d, DetailLayout.start)
                    XCTAssert(start <= created, "\(file.name): a call before its file is cut")
                }
            }
        }
        // The tables are the week's: nights change only the inbox.
        let week = try GeneratorScratchFolder()
        _ = try WorldGenerator(subscribers: 300, records: 10, seed: 4, badPercent: 0).write(to: week.path)
        XCTAssertEqual(try files(of: folder.path + "/Tariffs"), try files(of: week.path + "/Tariffs"))
    }

    func testANightWrittenAloneIsTheSameAsInARow() throws {
        let row = try GeneratorScratchFolder(), alone = try GeneratorScratchFolder(), again = try GeneratorScratchFolder()
        _ = try WorldGenerator(subscribers: 200, records: 900, seed: 11, badPercent: 2, nights: 2, start: 20261010).write(to: row.path)
        _ = try WorldGenerator(subscribers: 200, records: 900, seed: 11, badPercent: 2, nights: 1, start: 20261011,
                               firstSequence: 2).write(to: alone.path)
        _ = try WorldGenerator(subscribers: 200, records: 900, seed: 11, badPercent: 2, nights: 1, start: 20261011,
                               firstSequence: 2).write(to: again.path)
        let inRow = try files(of: row.path + "/inbox/night-20261011")
        XCTAssertEqual(inRow.count, 22)
        XCTAssertEqual(inRow, try files(of: alone.path + "/inbox/night-20261011"), "a night does not depend on the nights before it")
        XCTAssertEqual(try files(of: again.path + "/inbox/night-20261011"), try files(of: alone.path + "/inbox/night-20261011"),
                       "the same parameters, the same bytes")
        XCTAssertNotEqual(inRow.values.sorted { $0.count < $1.count },
                          try files(of: row.path + "/inbox/night-20261010").values.sorted { $0.count < $1.count })
    }

    func testNightsAfterTodayOrOutOfRangeAreRefused() {
        for generator in [
            WorldGenerator(subscribers: 100, records: 10, seed: 1, badPercent: 0, nights: 6, start: 20261001, today: 20261005),
            WorldGenerator(subscribers: 100, records: 10, seed: 1, badPercent: 0, nights: 0),
            WorldGenerator(subscribers: 100, records: 10, seed: 1, badPercent: 0, nights: 1, start: 20251231),
            WorldGenerator(subscribers: 100, records: 10, seed: 1, badPercent: 0, nights: 1, start: 20261131),
            WorldGenerator(subscribers: 100, records: 10, seed: 1, badPercent: 0, nights: 1, firstSequence: 0),
            WorldGenerator(subscribers: 30_000_001, records: 10, seed: 1, badPercent: 0),
        ] {
            XCTAssertThrowsError(try generator.validate()) { error in
                guard case GeneratorError.invalidParameter = error else { return XCTFail("\(error)") }
            }
        }
        XCTAssertNoThrow(try WorldGenerator(subscribers: 100, records: 10, seed: 1, badPercent: 0, nights: 5, start: 20261001,
                                            today: 20261005).validate())
        XCTAssertNoThrow(try WorldGenerator(subscribers: 30_000_000, records: 10, seed: 1, badPercent: 0).validate())
    }

    func testANightFolderThatHoldsSwitchFilesIsLeftAlone() throws {
        let folder = try GeneratorScratchFolder()
        _ = try WorldGenerator(subscribers: 100, records: 50, seed: 1, badPercent: 0, nights: 1, start: 20261002).write(to: folder.path)
        XCTAssertThrowsError(try WorldGenerator(subscribers: 100, records: 50, seed: 1, badPercent: 0, nights: 2,
                                                start: 20261001).write(to: folder.path)) { error in
            guard case GeneratorError.io(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssert(path.hasSuffix("/inbox/night-20261002"), path)
        }
    }
}

/// Subscribers derived from their number: unique numbers at any size, without storing them.
final class WorldSubscribersTests: XCTestCase {
    func testEveryIMSIAndMSISDNOfAWorldIsUniqueAndInABlockOfItsArea() {
        let catalog = WorldCatalog()
        for count in [30, 31, 1000, 250_000] {
            let people = WorldSubscribers(count: count, seed: 9, catalog: catalog)
            var imsis = Set<Int>(), msisdns = Set<Int>()
            imsis.reserveCapacity(count)
            msisdns.reserveCapacity(count)
            for s in 0..<count {
                imsis.insert(people.imsi(s))
                let m = people.msisdn(s)
                msisdns.insert(m)
                if s % 97 == 0 { XCTAssert(people.blocks[people.home(s)].contains(m / 1_000_000), "\(count): \(s)") }
            }
            XCTAssertEqual(imsis.count, count)
            XCTAssertEqual(msisdns.count, count)
        }
    }

    func testThirtyMillionSubscribersKeepTheirNumbersUnique() {
        let count = 30_000_000
        let people = WorldSubscribers(count: count, seed: 1, catalog: WorldCatalog())
        // Populous areas take more CU blocks (a block holds a million numbers).
        let beijing = WorldCatalog().area(code: "10")
        XCTAssertEqual(people.blocks[beijing].count, 5)
        XCTAssert(people.blocks.allSatisfy { $0.count <= 11 })
        XCTAssertEqual(Set(people.blocks.joined()).count, people.blocks.reduce(0) { $0 + $1.count })
        // The first 400,000, and 400,000 more spread over the whole range (the last included).
        var indices = Array(0..<400_000)
        indices += stride(from: 400_000, to: count, by: (count - 400_000) / 399_999).map { $0 }
        indices.append(count - 1)
        var imsis = Set<Int>(), msisdns = Set<Int>()
        for s in indices {
            imsis.insert(people.imsi(s))
            let m = people.msisdn(s)
            msisdns.insert(m)
            XCTAssertEqual(m / 10_000_000_000_000, 0, "13 digits")
            XCTAssert(people.blocks[people.home(s)].contains(m / 1_000_000))
        }
        let distinct = Set(indices).count
        XCTAssertEqual(imsis.count, distinct)
        XCTAssertEqual(msisdns.count, distinct)
    }

    func testAccountsAndFamiliesAreConsistent() {
        let people = WorldSubscribers(count: 5000, seed: 3, catalog: WorldCatalog())
        let j59 = WorldCatalog().plan(code: "J59")
        var families = 0
        for s in 0..<5000 {
            let account = people.account(of: s)
            XCTAssert(account.contains(s) && (1...3).contains(account.count), "\(s): \(account)")
            for other in account { XCTAssertEqual(people.account(of: other), account) }
            XCTAssertEqual(people.accountNumber(s), people.accountNumber(account.lowerBound))
            let family = people.family(of: s)
            if family.count > 0 {
                families += 1
                XCTAssertEqual(people.plan(s), j59)
                XCTAssertEqual(Array(family.all.prefix(account.count - 1)), account.filter { $0 != s }.map(people.msisdn))
            }
        }
        XCTAssertGreaterThan(families, 100)
        // The family pair of the planted roles share an account; the others have one each.
        let caller = WorldSubscribers.index(.familyCaller)
        XCTAssertEqual(people.account(of: caller), caller..<(caller + 2))
        XCTAssertEqual(people.accountNumber(caller), people.accountNumber(caller + 1))
        XCTAssertEqual(Set((0..<PlantedRole.allCases.count).map(people.accountNumber)).count, PlantedRole.allCases.count - 1)
    }
}
