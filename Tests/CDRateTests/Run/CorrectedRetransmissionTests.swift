import XCTest
@testable import CDRate

/// A switch's corrected retransmission (SPEC v1.3 sections 2, 4 and 10): the corrected
/// record is a duplicate of the call already rated, so nothing is billed twice; the
/// re-collection says how many of its duplicates differ and which rerate applies them;
/// the rerate reads only the latest copy of the file, and `diff --cdr` shows exactly
/// the corrected call.
final class CorrectedRetransmissionTests: XCTestCase {
    /// `nightOneBJ` re-sent by the switch with record 7 (s4, 01, 360 s: AIR HOME 6 × 400
    /// = 2400) corrected to 300 s (5 × 400 = 2000), as a gzip file: other bytes, same
    /// switch and seq.
    static let correctedBJ: RunFixture.SwitchFile = {
        var f = RunFixture.nightOneBJ
        f.calls[6].duration = 300
        f.gzip = true
        return f
    }()

    private func field(_ line: String, _ f: Field) -> String {
        String(Array(line.utf8)[f.range].map { Character(Unicode.Scalar($0)) })
    }

    private func rated(_ path: String, _ prefix: String) throws -> [String] {
        RunFixture.lines(path).filter { $0.hasPrefix(prefix) }
    }

    func testACorrectedCopyIsADuplicateUntilTheCycleIsRerated() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let first = try world.run()
        let s4Original = try rated(world.runDirectory(1) + "/rated.dat", "RBJMSC01   00000100000007")
        XCTAssertEqual(s4Original.count, 1)
        XCTAssertEqual(field(s4Original[0], RatedLayout.net), "000000002400")
        let billed = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        XCTAssertEqual(billed.billRun.text, "B0000001")
        _ = first

        // The switch re-sends the file with record 7 corrected; the operator takes it.
        try world.drop([CorrectedRetransmissionTests.correctedBJ])
        let recollect = try world.run(recollect: "BJMSC01:000001")
        let c = recollect.counters
        // 9 in: 8 duplicates (the E05 record is rejected again), nothing rated twice.
        XCTAssertEqual([c.input.records, c.rated.records, c.roamers.records, c.rejected.records, c.duplicates.records],
                       [9, 0, 0, 1, 8])
        XCTAssertEqual(c.correctedDuplicates, 1)
        XCTAssertEqual(c.correctedCycles, [202610])
        XCTAssertTrue(recollect.summary(seconds: 0, command: "collect").contains(
            "8 duplicates (1 differs from the record it duplicates: cdrate rerate --cycle 202610 applies it);"),
                      recollect.summary(seconds: 0, command: "collect"))
        let duplicate = try XCTUnwrap(world.records(run: 2, "duplicates.dat", DuplicateLayout.layout)
            .first { $0["rec_seq"] == "00000007" })
        XCTAssertEqual(duplicate["orig_switch"]! + duplicate["orig_file_seq"]! + duplicate["orig_rec_seq"]!,
                       "BJMSC01   00000100000007")
        XCTAssertEqual(world.lines(run: 2, "rated.dat"), [])
        XCTAssertTrue(world.lines(run: 2, "MANIFEST").contains("corrected duplicates 1 cycles 202610"))

        // Billing again before the rerate still bills the original once.
        let again = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        let bills = world.work + "/bills/202610/"
        XCTAssertEqual(try FileSystem.read(bills + "B0000001/BILLS.dat").count,
                       try FileSystem.read(bills + again.billRun.text + "/BILLS.dat").count)
        XCTAssertEqual(try BillDiff(first: bills + "B0000001", second: bills + "B0000002").lines(reference: nil), [])

        // The rerate reads only the latest copy of BJMSC01 000001: the corrected call is rated.
        var rerate = CycleRerate(cycle: 202610)
        rerate.tariffs = world.tariffs
        rerate.work = world.work
        let g1 = try rerate.run()
        let s4 = try rated(g1.directory + "/rated.dat", "RBJMSC01   00000100000007")
        XCTAssertEqual(s4.count, 1)
        XCTAssertEqual(field(s4[0], RatedLayout.duration), "000300")
        XCTAssertEqual(field(s4[0], RatedLayout.net), "000000002000")
        // Every other record of the file is rated once, as before.
        XCTAssertEqual(RunFixture.lines(g1.directory + "/rated.dat").count, RunFixture.lines(world.runDirectory(1) + "/rated.dat").count)
        XCTAssertEqual(g1.counters.duplicates.records, RunFixture.lines(world.runDirectory(1) + "/duplicates.dat").count)
        let manifest = RunFixture.lines(g1.directory + "/MANIFEST")
        XCTAssertTrue(manifest.contains { $0.hasPrefix("superseded R0000001/BJMSC01_20261005_000001.cdr sha256 ") },
                      manifest.joined(separator: "\n"))
        XCTAssertTrue(manifest.contains { $0.hasPrefix("input R0000002/BJMSC01_20261005_000001.cdr.gz records 9 ") },
                      manifest.joined(separator: "\n"))

        // diff --cdr of the bill runs before and after shows exactly that change.
        let after = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        let reference = try ReferenceData.load(directory: world.tariffs)
        let cdr = try BillDiff(first: bills + "B0000001", second: bills + after.billRun.text).lines(reference: reference)
        let lines = cdr.filter { $0.hasPrefix("LINE") }
        XCTAssertFalse(lines.isEmpty)
        XCTAssertTrue(lines.allSatisfy { $0.contains("8613010000004") && $0.contains("AIR_HOME") }, cdr.joined(separator: "\n"))
        let records = cdr.filter { $0.hasPrefix("  CDR") }
        XCTAssertEqual(records.count, 1, cdr.joined(separator: "\n"))
        XCTAssertTrue(records[0].hasPrefix("  CDR BJMSC01 000001 00000007"), records[0])
        XCTAssertTrue(records[0].contains("6 x 400 = 2400") && records[0].contains("5 x 400 = 2000"), records[0])
    }

    func testAnIdenticalResendIsNotCountedAsACorrection() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        var resend = RunFixture.nightOneBJ
        resend.gzip = true
        try world.drop([resend])
        let recollect = try world.run(recollect: "BJMSC01:000001")
        XCTAssertEqual(recollect.counters.duplicates.records, 8)
        XCTAssertEqual(recollect.counters.correctedDuplicates, 0)
        XCTAssertTrue(recollect.summary(seconds: 0).contains("8 duplicates;"), recollect.summary(seconds: 0))
    }

    /// The key is the call's identity: a record that differs from a rated one only in
    /// its third party (the APN of a data session, the forwarded-to number) is another
    /// call; one that differs only in duration, volume or cell is the same call.
    func testTheKeyIsTheCallsIdentity() {
        func key(_ call: RunFixture.Call) -> DuplicateKey {
            call.line(seq: 1).withUnsafeBytes { DuplicateKey(raw: $0) }
        }
        let data = RunFixture.Call(type: "06", imsi: RunFixture.s1, third: "cmnet", start: "20261005120000",
                                   duration: 600, volume: 2048)
        var longer = data
        longer.duration = 900
        longer.volume = 4096
        longer.cell = 7
        XCTAssertEqual(key(data), key(longer))
        var otherAPN = data
        otherAPN.third = "cmwap"
        XCTAssertNotEqual(key(data), key(otherAPN))
        let forward = RunFixture.Call(type: "03", imsi: RunFixture.s1, other: "13810000009", third: "13810000001",
                                      start: "20261005120000", duration: 60)
        var elsewhere = forward
        elsewhere.third = "13810000002"
        XCTAssertNotEqual(key(forward), key(elsewhere))
        // Spaces at the ends of a party are not part of it.
        var padded = forward
        padded.other = " 13810000009"
        XCTAssertEqual(key(forward), key(padded))
    }
}
