import XCTest
@testable import CDRate

/// Month end (SPEC section 10): a tariff fixed after the nights were rated, a rerate
/// into a new generation of the cycle, a bill run that uses it, and `diff` down to the
/// rated records; earlier generations and bill runs stay untouched.
final class RerateAndDiffTests: XCTestCase {
    private func line(_ file: String, startingWith prefix: String) throws -> String? {
        try String(contentsOfFile: file, encoding: .ascii).split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    private func field(_ line: String, _ f: Field) -> String {
        String(Array(line.utf8)[f.range].map { Character(Unicode.Scalar($0)) })
    }

    func testATariffFixIsRatedAsANewGenerationThatTheNextBillRunUsesAndDiffExplains() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        let before = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        XCTAssertEqual(before.billRun.text, "B0000001")
        let nightly = try FileSystem.read(world.runDirectory(1) + "/rated.dat")

        // AIR HOME should have been 450 li a minute, not 400.
        try world.writeTable("tariff.tbl", RunFixture.tables["tariff.tbl"]!
            .replacingOccurrences(of: "AIR HOME ALL 60 400", with: "AIR HOME ALL 60 450"))
        var rerate = CycleRerate(cycle: 202610)
        rerate.tariffs = world.tariffs
        rerate.work = world.work
        let g1 = try rerate.run()
        XCTAssertEqual(g1.generation, 1)
        XCTAssertTrue(g1.counters.reconciles)
        // s2's 60 s call from Beijing to 020 12345678 (BJMSC01 file 1 record 2): AIR 1 unit × 450 =
        // 450 li now, plus TOLL INTER 10 units × 70 = 700 as before: net 1150.
        let s2 = try XCTUnwrap(try line(g1.directory + "/rated.dat", startingWith: "RBJMSC01   00000100000002"))
        XCTAssertEqual(field(s2, RatedLayout.block1Rate), "00000450")
        XCTAssertEqual(field(s2, RatedLayout.block1Gross), "000000000450")
        XCTAssertEqual(field(s2, RatedLayout.block2Gross), "000000000700")
        XCTAssertEqual(field(s2, RatedLayout.net), "000000001150")
        // s1's second-night call: the cycle's pool starts empty and is consumed in canonical
        // order over the whole cycle, so 1 of its 3 units is still free: 3 × 450 − 450 = 900.
        let s1 = try XCTUnwrap(try line(g1.directory + "/rated.dat", startingWith: "RBJMSC01   00000200000001"))
        XCTAssertEqual(field(s1, RatedLayout.block1Discount), "000000000450")
        XCTAssertEqual(field(s1, RatedLayout.net), "000000000900")
        XCTAssertEqual(Verification(directory: g1.directory).problems(), [])
        // The nightly runs are untouched.
        XCTAssertEqual(try FileSystem.read(world.runDirectory(1) + "/rated.dat"), nightly)

        // A second rerate is generation 2; generation 1 stays for audit.
        let g1Rated = try FileSystem.read(g1.directory + "/rated.dat")
        let g2 = try rerate.run()
        XCTAssertEqual(g2.generation, 2)
        XCTAssertEqual(try FileSystem.read(g1.directory + "/rated.dat"), g1Rated)
        XCTAssertEqual(try FileSystem.read(g2.directory + "/rated.dat"), g1Rated)

        // The next bill run reads the newest generation.
        let after = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        XCTAssertEqual(after.billRun.text, "B0000002")
        let bills = world.work + "/bills/202610/"
        let manifest = try String(contentsOfFile: bills + "B0000002/MANIFEST", encoding: .ascii)
        XCTAssertTrue(manifest.contains("source generation 2"), manifest)

        // diff: s2's AIR_HOME line went from 400 to 450 li gross.
        let diff = try BillDiff(first: bills + "B0000001", second: bills + "B0000002").lines(reference: nil)
        let airHome = diff.filter { $0.hasPrefix("LINE") && $0.contains("8613010000002") && $0.contains("AIR_HOME") }
        XCTAssertTrue(airHome.contains { $0.contains("gross") && $0.contains("400 ->") && $0.contains("450  +50 li (+0.050 CNY)") },
                      airHome.joined(separator: "\n"))
        XCTAssertTrue(diff.contains { $0.hasPrefix("GRAND") && $0.contains("net") }, diff.joined(separator: "\n"))
        // --cdr names the record behind the line, paired by switch, file seq and record seq.
        let reference = try ReferenceData.load(directory: world.tariffs)
        let cdr = try BillDiff(first: bills + "B0000001", second: bills + "B0000002").lines(reference: reference)
        XCTAssertTrue(cdr.contains { $0.hasPrefix("  CDR BJMSC01 000001 00000002") && $0.contains("1 x 400 = 400 - 0  ->  AIR HOME 1 x 450 = 450 - 0") },
                      cdr.joined(separator: "\n"))
        // The same bill run against itself: nothing differs.
        XCTAssertEqual(try BillDiff(first: bills + "B0000002", second: bills + "B0000002").lines(reference: reference), [])
    }

    func testARerateOverATamperedRecycleArchiveIsRefused() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.reprocess()
        let path = world.work + "/archive/R0000002/" + RecycleRun.archiveName
        XCTAssertTrue(world.lines(run: 2, "MANIFEST").contains { $0.hasPrefix("archive recycled.dat records 3 bytes ") })
        var bytes = try FileSystem.read(path)
        bytes[RejectLayout.raw.offset + DetailLayout.duration.offset] ^= 0x01
        try FileSystem.write(path, bytes)
        var rerate = CycleRerate(cycle: 202610)
        rerate.tariffs = world.tariffs
        rerate.work = world.work
        XCTAssertThrowsError(try rerate.run()) { error in
            XCTAssertEqual((error as? RunFailure)?.category, .io)
            XCTAssertTrue("\(error)".contains("\(path): differs from \(world.runDirectory(2))/MANIFEST"), "\(error)")
        }
        XCTAssertFalse(FileSystem.exists(world.work + "/cycles/202610"), "nothing was written")
    }
}
