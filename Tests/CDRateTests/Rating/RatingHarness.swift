import Foundation
import XCTest
@testable import CDRate

/// Rates one detail record of the rating world (`Fixtures/rating-world`) through the
/// same chain as `PartitionProcessor` (check → discounts with the given pools →
/// format), and hands back the `R` or `V` fields by name, or the reject reason.
///
/// The world, in short (the tables say the rest):
/// - areas 10 BJ, 22 TJ, 311 HE, 312 HE, 20 GD, 755 GD; MSCs `MSCBJ01` 10, `MSCTJ01` 22,
///   `MSCSJZ01` 311, `MSCBD01` 312, `MSCGZ01` 20, `MSCSZ01` 755;
/// - cells: 31201/00011 in 312, border cell for 10 and 311; 31201/00012 in 312, no
///   border; 10101/00001 in 22 (seen by the BJ switch); any other cell: the MSC's area;
/// - subscribers (`S1`…`S7`, IMSI 46001000000000n): S1 BASIC home 10; S2 FREE100; S3 FAM
///   (family numbers 862212345678 and 8613010000001); S4 PCT33; S5 BASIC home 311; S6
///   BASIC active until 20260315; S7 IMSI 234150000000007 (an own subscriber although
///   VODUK's prefix is 23415);
/// - partner VODUK (23415): MO_DOM 1500/60 s, MO_INTL 3000/60 s, MT 500/60 s, SMS 200,
///   no DATA;
/// - March 2026: the 1st is a Sunday, the 3rd a Tuesday, the 7th a Saturday; 20260101
///   (a Thursday) is a holiday; weekdays are PEAK from 07:00 to 23:00.
enum RatingHarness {
    // MARK: - Types

    /// What became of a detail record.
    enum Outcome {
        /// An own subscriber's `R` record.
        case rated(Fields)
        /// An inbound roamer's `V` record.
        case roamer(Fields)
        /// A reject, with its reason.
        case rejected(RejectReason)
    }

    /// The fields of an output record, by layout field name.
    struct Fields {
        /// Every field's raw text, padding included.
        let values: [String: String]

        /// The text of a field without its trailing padding (`"ACC001"`, `"00000800"`).
        subscript(_ name: String) -> String {
            var text = values[name] ?? "<no field \(name)>"
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }

        /// A numeric field's value, or -1 when the field is missing or not a number.
        func int(_ name: String) -> Int { values[name].flatMap { Int($0) } ?? -1 }

        /// A field exactly as written, padding included (`" M "` for the discount flags).
        func raw(_ name: String) -> String { values[name] ?? "<no field \(name)>" }
    }

    /// Why the harness could not produce an outcome (a broken fixture or test).
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    // MARK: - Constants

    /// The switch and file sequence number the record is said to come from.
    static let switchID = "SWBJ01"
    /// See `switchID`.
    static let fileSeq = 42

    /// The detail fields used when a test does not give them: S1 at home in Beijing,
    /// Tuesday 2026-03-03 10:00:00 (PEAK), a 0 s MOC with no other party.
    static let defaults: [String: String] = [
        "rec_seq": "1",
        "call_type": "01",
        "imsi": "460010000000001",
        "msisdn": "8613010000001",
        "other": "",
        "third": "",
        "start": "20260303100000",
        "duration": "0",
        "volume": "0",
        "msc": "MSCBJ01",
        "lac": "10001",
        "cell": "1",
        "imei": "356938035643809",
        "cause": "00",
    ]

    // MARK: - API

    /// The rating world, loaded once from the test bundle.
    static func world() throws -> ReferenceData {
        try loaded.get()
    }

    /// The 160-byte detail line of `fields` over `defaults`, then `patches` (1-based
    /// position → bytes) written over it, for fields `format` refuses to malform.
    static func detail(_ fields: [String: String], patches: [Int: String] = [:]) throws -> [UInt8] {
        var values = defaults
        for (name, value) in fields { values[name] = value }
        var line = try DetailLayout.layout.format(values)
        for (position, text) in patches {
            for (i, byte) in text.utf8.enumerated() { line[position - 1 + i] = byte }
        }
        return line
    }

    /// Checks, discounts and formats one record, consuming `pools`.
    ///
    /// - Parameter created: the file's creation time; by default 06:00:00 on the day
    ///   after the start date (a nightly collection), or 2026-03-04 06:00:00 when the
    ///   start is not a valid time.
    static func run(_ fields: [String: String], patches: [Int: String] = [:], created: String? = nil,
                    pools: inout FreeUnitPools) throws -> Outcome {
        let reference = try world()
        let line = try detail(fields, patches: patches)
        let creation = try creationTime(created, start: fields["start"] ?? defaults["start"]!)
        let outcome = line.withUnsafeBytes { RecordChecker(reference: reference).check($0, created: creation) }
        guard case .accepted(var record) = outcome else {
            if case .rejected(let reason) = outcome { return .rejected(reason) }
            throw Failure(description: "unknown check outcome")
        }
        // As PartitionProcessor does: the source is set by the caller of the checker.
        record.source.switchID = PackedText(switchID)
        record.source.fileSeq = fileSeq
        record.source.position = 1
        var output: [UInt8] = []
        let layout: RecordLayout
        if record.isRoamer {
            line.withUnsafeBytes { _ = RoamerRecordFormatter(reference: reference).append(record, raw: $0, to: &output) }
            layout = RoamerLayout.layout
        } else {
            let flags = DiscountCalculator(reference: reference).apply(&record, pools: &pools)
            line.withUnsafeBytes {
                _ = RatedRecordFormatter(reference: reference).append(record, flags: flags, raw: $0, to: &output)
            }
            layout = RatedLayout.layout
        }
        guard output.count == layout.width + 1, output.last == ASCII.lineFeed else {
            throw Failure(description: "the formatter wrote \(output.count) bytes, expected \(layout.width) and an LF")
        }
        output.removeLast()
        switch layout.parse(output) {
        case .success(let values):
            return record.isRoamer ? .roamer(Fields(values: values)) : .rated(Fields(values: values))
        case .failure(let refusal):
            throw Failure(description: "the formatter wrote a bad record: \(refusal)")
        }
    }

    /// `run` with a fresh set of free-unit pools.
    static func run(_ fields: [String: String], patches: [Int: String] = [:], created: String? = nil) throws -> Outcome {
        var pools = FreeUnitPools()
        return try run(fields, patches: patches, created: created, pools: &pools)
    }

    // MARK: - Private

    private static let loaded: Result<ReferenceData, any Error> = Result {
        guard let resources = Bundle.module.resourceURL else {
            throw Failure(description: "the test bundle has no resources")
        }
        return try ReferenceData.load(directory: resources.appendingPathComponent("Fixtures/rating-world").path)
    }

    /// The creation time `text`, or the default of `run`.
    private static func creationTime(_ text: String?, start: String) throws -> Timestamp {
        if let text {
            guard let value = Int(text), let t = Timestamp(value: value) else {
                throw Failure(description: "creation time \(text) is not a valid time")
            }
            return t
        }
        guard let value = Int(start), let startTime = Timestamp(value: value) else {
            return Timestamp(value: 20260304_060000)!
        }
        let nextDay = CivilTime.civilFromDays(CivilTime.days(ofDate: startTime.date) + 1)
        return Timestamp(value: nextDay * 1_000_000 + 060000)!
    }
}
