import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// The packed-key canonical sort of a sub-batch against the plain definition of SPEC
/// section 5: IMSI, start, switch, file seq, record seq, position, with records whose
/// IMSI or start does not parse last and records of withdrawn files left out.
final class CanonicalOrderTests: XCTestCase {
    func testPackedSortAgreesWithTheCanonicalOrder() {
        var generator = SplitMix64(seed: 7)
        let created = Timestamp(value: 20_260_924_000_000)!
        var sources = [("BJMSC02", 12), ("BJMSC01", 12), ("BJMSC01", 3), ("SHMSC01", 1)].map {
            DetailSource(switchID: PackedText($0.0), fileSeq: $0.1, created: created)
        }
        sources.append(.withdrawn)
        let base = RunFixture.nightOneBJ.calls[0].line(seq: 1)
        var entries = PartitionEntries()
        var expected: [(imsi: Int, start: Int, reference: SourceReference, index: Int)] = []
        for index in 0..<2_000 {
            var raw = base
            // Few IMSIs, starts and record seqs, so that many records tie on the leading fields.
            var imsi = String(460_010_000_000_000 + Int(generator.next() % 6))
            var start = String(20_260_924_100_000 + Int(generator.next() % 4))
            let recordSeq = String(format: "%08d", Int(generator.next() % 3))
            switch generator.next() % 40 {
            case 0: imsi = "46001000000000X"
            case 1: start = "2026092410000 "
            default: break
            }
            let source = Int(generator.next() % UInt64(sources.count))
            write(imsi, DetailLayout.imsi, &raw)
            write(start, DetailLayout.start, &raw)
            write(recordSeq, DetailLayout.recordSeq, &raw)
            raw.withUnsafeBytes { entries.append(raw: $0, source: source, position: index) }
            guard !sources[source].isWithdrawn else { continue }
            let reference = SourceReference(switchID: sources[source].switchID, fileSeq: sources[source].fileSeq,
                                            recordSeq: Int(recordSeq)!, position: index)
            expected.append((Int(imsi).flatMap { _ in Int(start) } == nil ? Int.max : Int(imsi)!,
                             Int(imsi).flatMap { _ in Int(start) } ?? Int.max, reference, index))
        }
        let reference = expected.sorted { a, b in
            if a.imsi != b.imsi { return a.imsi < b.imsi }
            if a.start != b.start { return a.start < b.start }
            if SourceReference.precedes(a.reference, b.reference) { return true }
            if SourceReference.precedes(b.reference, a.reference) { return false }
            return a.index < b.index
        }.map(\.index)
        let order = entries.bytes.withUnsafeBytes {
            PartitionProcessor.canonicalOrder($0, count: entries.count, sources: sources).map(PartitionProcessor.entryIndex)
        }
        XCTAssertEqual(order, reference)
        XCTAssertLessThan(order.count, 2_000, "the withdrawn file's records are left out")
    }

    private func write(_ text: String, _ field: Field, _ raw: inout [UInt8]) {
        for (i, byte) in text.utf8.enumerated() { raw[field.offset + i] = byte }
    }
}
