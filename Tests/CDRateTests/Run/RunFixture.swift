import Foundation
import XCTest
@testable import CDRate

/// A small but complete world for run-level tests, in a fresh temporary directory:
/// the 18 reference tables (`Tariffs/`), an inbox of switch files built from detail
/// records described in the test, and a work area; with helpers to run `NightlyRun`
/// and `RecycleRun` and to read what a run wrote.
///
/// The world (SPEC section 3): areas `10 BJ`, `755 GD`, `20 GD`; switches `BJMSC01`
/// (10), `SZMSC01` (755), `GZMSC01` (20); cell `75501/00041` of 755, border for 20.
/// Subscribers (IMSI, MSISDN, home area, plan):
/// `s1` 460010000000001 8613010000001 10 F58 (FREE 5 AIR HOME units a cycle, FAMILY 50 %),
/// `s2` 460010000000002 8613010000002 10 B18 (PCT 10 % on SMS DOM),
/// `s3` 460010000000003 8613020000003 755 B18,
/// `s4` 460010000000004 8613010000004 10 B18, HU_LIMIT 2000 li,
/// `s5` 460010000000005 8613020000005 755 F58, active until 20260930.
/// `roamer` 234150000000001 of partner VODUK; `unknown` 460019999999999 (E05).
/// Fraud: `LONG_CALL 3600`, `HOT_DEST 1` with hot-list prefix `44`.
final class RunFixture {
    // MARK: - World

    /// IMSI of own subscriber 1 (plan F58, home 10).
    static let s1 = "460010000000001"
    /// IMSI of own subscriber 2 (plan B18, home 10).
    static let s2 = "460010000000002"
    /// IMSI of own subscriber 3 (plan B18, home 755).
    static let s3 = "460010000000003"
    /// IMSI of own subscriber 4 (plan B18, home 10, HU limit 2000 li).
    static let s4 = "460010000000004"
    /// IMSI of own subscriber 5 (plan F58, home 755, inactive after 20260930).
    static let s5 = "460010000000005"
    /// IMSI of an inbound roamer of VODUK.
    static let roamer = "234150000000001"
    /// An IMSI that is neither own nor a partner's (E05).
    static let unknown = "460019999999999"

    /// The MSISDN written in the detail records of each IMSI.
    static let msisdns: [String: String] = [
        s1: "8613010000001", s2: "8613010000002", s3: "8613020000003", s4: "8613010000004",
        s5: "8613020000005", roamer: "447700900001", unknown: "8613010009999",
    ]

    /// The row that makes `unknown` an own subscriber (the fix of its E05).
    static let unknownSubscriberRow = "460019999999999 8613010009999 AC009999 10 B18 - 20250101 -"

    /// The default text of each of the 18 tables.
    static let tables: [String: String] = [
        "network.tbl": """
            # network.tbl
            KEY VALUE
            OPERATOR CU
            COUNTRY 86
            MAX_AGE_DAYS 60

            """,
        "areas.tbl": """
            AREA PROVINCE NAME
            10 BJ Beijing
            755 GD Shenzhen
            20 GD Guangzhou

            """,
        "msc.tbl": """
            MSC AREA
            BJMSC01 10
            SZMSC01 755
            GZMSC01 20

            """,
        "cells.tbl": """
            LAC   CELL  AREA BORDER
            75501 00041 755  20

            """,
        "numbering.tbl": """
            PREFIX KIND OPERATOR AREA ZONE
            8613010 MOBILE CU 10 -
            8613810 MOBILE CM 10 -
            8613020 MOBILE CU 755 -
            8613820 MOBILE CM 755 -
            8610 FIXED CU 10 -
            8620 FIXED CU 20 -
            86755 FIXED CM 755 -
            852 INTL - - GAT
            44 INTL - - Z1

            """,
        "shortcodes.tbl": """
            CODE CLASS
            110 FREE
            10010 LOCAL

            """,
        "subscribers.tbl": """
            IMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO
            460010000000001 8613010000001 AC000001 10 F58 - 20250101 -
            460010000000002 8613010000002 AC000002 10 B18 - 20250101 -
            460010000000003 8613020000003 AC000003 755 B18 - 20250101 -
            460010000000004 8613010000004 AC000004 10 B18 2000 20250101 -
            460010000000005 8613020000005 AC000005 755 F58 - 20250101 20260930

            """,
        "family.tbl": """
            MSISDN NUMBER
            8613010000001 8613010000002

            """,
        "plans.tbl": """
            PLAN MONTHLY_FEE HU_LIMIT NAME
            B18 18000 100000 Basic18
            F58 58000 200000 Family58

            """,
        "discounts.tbl": """
            PLAN RULE TYPE COMPONENT CLASS BAND VALUE VALID_FROM VALID_TO
            F58 10 FREE AIR HOME * 5 20260101 -
            F58 20 FAMILY AIR * * 50 20260101 -
            B18 30 PCT SMS DOM * 10 20260101 -

            """,
        "tariff.tbl": """
            COMPONENT CLASS BAND UNIT RATE VALID_FROM VALID_TO
            AIR HOME ALL 60 400 20260101 -
            AIR ROAM_PROV ALL 60 600 20260101 -
            AIR ROAM_NAT ALL 60 600 20260101 -
            TOLL INTRA PEAK 6 70 20260101 -
            TOLL INTRA OFF 6 40 20260101 -
            TOLL INTER ALL 6 70 20260101 -
            TOLL GAT ALL 6 200 20260101 -
            TOLL Z1 ALL 6 800 20260101 -
            RTOLL ROAM_PROV ALL 6 70 20260101 -
            RTOLL ROAM_NAT ALL 6 70 20260101 -
            SMS DOM ALL 1 100 20260101 -
            SMS GAT ALL 1 500 20260101 -
            SMS INTL ALL 1 1000 20260101 -
            DATA HOME ALL 1024 300 20260101 -
            DATA ROAM_PROV ALL 1024 300 20260101 -
            DATA ROAM_NAT ALL 1024 500 20260101 -

            """,
        "timebands.tbl": """
            DAYTYPE FROM TO BAND
            WEEKDAY 0000 0700 OFF
            WEEKDAY 0700 2300 PEAK
            WEEKDAY 2300 2400 OFF
            WEEKEND 0000 2400 OFF
            HOLIDAY 0000 2400 OFF

            """,
        "holidays.tbl": """
            DATE NAME
            20261001 NationalDay

            """,
        "partners.tbl": """
            PARTNER IMSI_PREFIX HUR_LIMIT NAME
            VODUK 23415 50000 VodafoneUK

            """,
        "partner_rates.tbl": """
            PARTNER SERVICE UNIT RATE VALID_FROM VALID_TO
            VODUK MO_DOM 60 1500 20260101 -
            VODUK MO_INTL 60 8000 20260101 -
            VODUK MT 60 1000 20260101 -
            VODUK SMS 1 800 20260101 -
            VODUK DATA 1024 5000 20260101 -

            """,
        "interconnect.tbl": """
            OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO
            CM OUT LOCAL 60 60 20260101 -
            CM IN LOCAL 60 60 20260101 -
            CM OUT TOLL 60 120 20260101 -
            CM OUT SMS 1 30 20260101 -

            """,
        "fraud.tbl": """
            RULE PARAM
            LONG_CALL 3600
            HOT_DEST 1

            """,
        "hotlist.tbl": """
            PREFIX NAME
            44 UnitedKingdom

            """,
    ]

    // MARK: - Records and files

    /// One detail record, described by its varying fields.
    struct Call {
        /// Call type, `01`…`06`.
        var type: String
        /// IMSI.
        var imsi: String
        /// Other party as signalled.
        var other = ""
        /// Third party (forwarded-to number or APN).
        var third = ""
        /// Start time.
        var start: String
        /// Duration, seconds.
        var duration = 0
        /// Volume, KB.
        var volume = 0
        /// MSC id.
        var msc = "BJMSC01"
        /// LAC (a cell not in `cells.tbl` by default: the MSC's area applies).
        var lac = 10101
        /// Cell id.
        var cell = 1

        /// The 160-byte detail record with record sequence `seq`.
        func line(seq: Int) -> [UInt8] {
            try! DetailLayout.layout.format([
                "rec_seq": String(seq), "call_type": type, "imsi": imsi,
                "msisdn": RunFixture.msisdns[imsi] ?? "8613019999999",
                "other": other, "third": third, "start": start,
                "duration": String(duration), "volume": String(volume), "msc": msc,
                "lac": String(lac), "cell": String(cell), "cause": "00",
            ])
        }
    }

    /// A switch file: header, the calls as details 1…n, trailer.
    struct SwitchFile {
        /// The switch id.
        var switchID: String
        /// The date in the name.
        var date = "20261005"
        /// The file sequence number.
        var seq: Int
        /// The header's creation time.
        var created = "20261005230000"
        /// The details.
        var calls: [Call]
        /// Whether the file is gzip-compressed (`.cdr.gz`).
        var gzip = false
        /// A wrong trailer count (quarantines the file), or nil for the right one.
        var trailerCount: Int?

        /// The file name.
        var name: String { "\(switchID)_\(date)_\(RunFixture.six(seq)).cdr" + (gzip ? ".gz" : "") }

        /// The uncompressed content.
        var content: [UInt8] {
            var out = try! HeaderLayout.layout.format([
                "switch": switchID, "file_seq": String(seq), "created": created, "version": "CDR1",
            ]) + [ASCII.lineFeed]
            for (i, call) in calls.enumerated() { out += call.line(seq: i + 1) + [ASCII.lineFeed] }
            out += try! TrailerLayout.layout.format([
                "count": String(trailerCount ?? calls.count),
                "dur_sum": String(calls.reduce(0) { $0 + $1.duration }),
                "vol_sum": String(calls.reduce(0) { $0 + $1.volume }),
            ]) + [ASCII.lineFeed]
            return out
        }

        /// The bytes as they lie in the inbox.
        var bytes: [UInt8] { gzip ? CollectionFixtures.gzip(content) : content }
    }

    /// The first night's `BJMSC01` file (plain), 9 details; hand-rated:
    /// 1 s1 01 local 125 s: AIR HOME 3 × 400 = 1200, FREE covers 3 → net 0 `F`;
    /// 2 s2 01 to 862012345678 (GD) 60 s: AIR 400 + TOLL INTER 10 × 70 = 700 → net 1100;
    /// 3 s2 04 SMS DOM 100, PCT 10 % → net 90 `P`;
    /// 4 roamer 01 90 s: MO_DOM 2 × 1500 = 3000;
    /// 5 unknown IMSI: E05;
    /// 6 s3 02 at BJ (status N), caller in area 10 = CA: AIR ROAM_NAT 600, RTOLL waived `S`;
    /// 7 s4 01 360 s: AIR 6 × 400 = 2400, HU level 1 (limit 2000);
    /// 8 s1 06 2048 KB: DATA HOME 2 × 300 = 600;
    /// 9 s1 01 to 4420000000 (Z1, hot list) 30 s: AIR 400 all free (pool 5 − 3 = 2 left),
    ///   TOLL Z1 5 × 800 = 4000 → net 4000 `F`; one HOT_DEST flag.
    static let nightOneBJ = SwitchFile(switchID: "BJMSC01", seq: 1, calls: [
        Call(type: "01", imsi: s1, other: "13810000009", start: "20261005090000", duration: 125),
        Call(type: "01", imsi: s2, other: "02012345678", start: "20261005100000", duration: 60),
        Call(type: "04", imsi: s2, other: "13020000003", start: "20261005103000"),
        Call(type: "01", imsi: roamer, other: "13810000009", start: "20261005110000", duration: 90),
        Call(type: "01", imsi: unknown, other: "13810000009", start: "20261005111500", duration: 60),
        Call(type: "02", imsi: s3, other: "13810000009", start: "20261005113000", duration: 30),
        Call(type: "01", imsi: s4, other: "13810000009", start: "20261005114500", duration: 360),
        Call(type: "06", imsi: s1, third: "cmnet", start: "20261005120000", duration: 600, volume: 2048),
        Call(type: "01", imsi: s1, other: "004420000000", start: "20261005130000", duration: 30),
    ])

    /// The first night's `SZMSC01` file (gzip), 4 details:
    /// 1 s3 01 in cell 75501/41 (area 755, home) 61 s: AIR 2 × 400 = 800;
    /// 2 a copy of `nightOneBJ` record 2: a duplicate of it (BJMSC01 sorts first);
    /// 3 s5 01 on 20261005: E09; 4 s1 01 starting 20261007000000, after creation + 1 day: E04.
    static let nightOneSZ = SwitchFile(switchID: "SZMSC01", seq: 1, calls: [
        Call(type: "01", imsi: s3, other: "13020000005", start: "20261005090000", duration: 61,
             msc: "SZMSC01", lac: 75501, cell: 41),
        Call(type: "01", imsi: s2, other: "02012345678", start: "20261005100000", duration: 60),
        Call(type: "01", imsi: s5, other: "13810000009", start: "20261005080000", duration: 45, msc: "SZMSC01"),
        Call(type: "01", imsi: s1, other: "13810000009", start: "20261007000000", duration: 20),
    ], gzip: true)

    /// A `SZMSC01` seq 2 whose trailer counts 2 details for 1: quarantined.
    static let nightOneBadSZ = SwitchFile(switchID: "SZMSC01", seq: 2, calls: [
        Call(type: "01", imsi: s3, other: "13020000005", start: "20261005150000", duration: 40, msc: "SZMSC01"),
    ], trailerCount: 2)

    /// The first night's inbox: `nightOneBJ`, `nightOneSZ`, `nightOneBadSZ`.
    static let nightOne = [nightOneBJ, nightOneSZ, nightOneBadSZ]

    /// The second night's `BJMSC01` file (seq 2, created 20261006230000):
    /// 1 s1 01 local 180 s: AIR 3 × 400 = 1200, the pool has 1 unit left → discount 400, net 800;
    /// 2 a copy of `nightOneSZ` record 1: a duplicate of the first night's original.
    static let nightTwoBJ = SwitchFile(switchID: "BJMSC01", date: "20261006", seq: 2, created: "20261006230000", calls: [
        Call(type: "01", imsi: s1, other: "13810000009", start: "20261006090000", duration: 180),
        Call(type: "01", imsi: s3, other: "13020000005", start: "20261005090000", duration: 61,
             msc: "SZMSC01", lac: 75501, cell: 41),
    ])

    // MARK: - Paths

    /// The temporary root.
    let root: String
    /// The reference tables.
    let tariffs: String
    /// The inbox.
    let inbox: String
    /// The work area.
    let work: String

    /// A new world with the default tables (and `replacing` texts), an empty inbox and
    /// no work area yet; removed when the test ends.
    init(_ test: XCTestCase, replacing: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cdrate-run-\(UUID().uuidString)").path
        tariffs = root + "/Tariffs"
        inbox = root + "/inbox"
        work = root + "/work"
        for d in [tariffs, inbox] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        let root = self.root
        test.addTeardownBlock {
            _ = chmod(root + "/inbox", 0o755)
            try? FileManager.default.removeItem(atPath: root)
        }
        for name in ReferenceData.fileNames { try writeTable(name, replacing[name] ?? RunFixture.tables[name]!) }
    }

    /// Replaces a table's text.
    func writeTable(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: tariffs + "/" + name))
    }

    /// Adds a row to a table.
    func appendRow(_ name: String, _ row: String) throws {
        try writeTable(name, RunFixture.tables[name]! + row + "\n")
    }

    /// Writes switch files into the inbox.
    func drop(_ files: [SwitchFile]) throws {
        for f in files { try drop(name: f.name, bytes: f.bytes) }
    }

    /// Writes a file of any name and content into the inbox.
    func drop(name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: inbox + "/" + name))
    }

    // MARK: - Running

    /// The options of a nightly run of this world.
    func options(threads: Int = 2, work: String? = nil, recollect: String? = nil,
                 batchRecords: Int = RatingRound.defaultBatchRecords) -> RunOptions {
        var o = RunOptions()
        o.inbox = inbox
        o.tariffs = tariffs
        o.work = work ?? self.work
        o.threads = threads
        o.batchRecords = batchRecords
        o.recollect = recollect.map { RecollectRequest(argument: $0)! }
        return o
    }

    /// Runs `cdrate run` (or `cdrate collect --recollect`).
    @discardableResult
    func run(threads: Int = 2, work: String? = nil, recollect: String? = nil,
             batchRecords: Int = RatingRound.defaultBatchRecords) throws -> RunReport {
        try NightlyRun(options: options(threads: threads, work: work, recollect: recollect, batchRecords: batchRecords)).run()
    }

    /// Rewrites the checksum list of generation `n` after a test changed its files by
    /// hand: for tests of what the state readers do with content that its checksums
    /// vouch for but that is wrong all the same (defence in depth behind the checksums).
    func reseal(_ n: Int) throws {
        try StateChecksums.write(directory: stateDirectory(n))
    }

    /// Runs `cdrate reprocess`.
    @discardableResult
    func reprocess(reason: String? = nil, switchID: String? = nil, threads: Int = 2, work: String? = nil) throws -> RunReport {
        var r = RecycleRun()
        r.tariffs = tariffs
        r.work = work ?? self.work
        r.threads = threads
        r.reason = reason.map { RejectReason(code: $0)! }
        r.switchID = switchID.map { PackedText($0) }
        return try r.run()
    }

    // MARK: - Reading outputs

    /// The directory of committed run `n`.
    func runDirectory(_ n: Int, work: String? = nil) -> String { (work ?? self.work) + "/runs/" + RunID(n).text }

    /// The state generation of run `n`.
    func stateDirectory(_ n: Int) -> String { work + "/state/" + RunID(n).text }

    /// The lines (without LF) of a text or record file.
    static func lines(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// The lines of `name` in run `n`'s directory.
    func lines(run n: Int, _ name: String) -> [String] { RunFixture.lines(runDirectory(n) + "/" + name) }

    /// The lines of `name` in run `n`'s state generation.
    func stateLines(_ n: Int, _ name: String) -> [String] { RunFixture.lines(stateDirectory(n) + "/" + name) }

    /// The bytes of state file `name` of the generation `directory`; for `pools` and
    /// `usage`, every period file of the directory, each as its name, a line feed and
    /// its bytes, in name order (so two generations compare byte for byte).
    static func stateFile(_ directory: String, _ name: String) throws -> [UInt8] {
        guard name == "pools" || name == "usage" else { return try FileSystem.read(directory + "/" + name) }
        var out = [UInt8]()
        for file in try FileSystem.list(directory + "/" + name).sorted() {
            out += Array((name + "/" + file + "\n").utf8) + (try FileSystem.read(directory + "/" + name + "/" + file))
        }
        return out
    }

    /// The fields of each record of `name` in run `n`.
    func records(run n: Int, _ name: String, _ layout: RecordLayout) -> [[String: String]] {
        lines(run: n, name).map { try! layout.parse($0).get() }
    }

    /// Every file and directory under `path` (relative path → bytes; a directory's path
    /// ends with `/` and has no bytes), skipping top-level names in `excluding`.
    static func tree(_ path: String, excluding: Set<String> = []) -> [String: [UInt8]] {
        var out = [String: [UInt8]]()
        func walk(_ relative: String) {
            let full = relative.isEmpty ? path : path + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
            for name in names where !(relative.isEmpty && excluding.contains(name)) {
                let child = relative.isEmpty ? name : relative + "/" + name
                if FileSystem.isDirectory(path + "/" + child) {
                    out[child + "/"] = []
                    walk(child)
                } else {
                    out[child] = (try? FileSystem.read(path + "/" + child)) ?? [0xFF]
                }
            }
        }
        walk("")
        return out
    }

    /// The committed part of a work area: runs, state and archive (no logs, no LOCK, no cache).
    static func committed(_ work: String) -> [String: [UInt8]] {
        tree(work, excluding: ["logs", "LOCK", "cache"])
    }

    /// Asserts two trees are byte-identical, naming the first paths that differ.
    static func assertSameTree(_ a: [String: [UInt8]], _ b: [String: [UInt8]], _ message: String = "",
                               file: StaticString = #filePath, line: UInt = #line) {
        let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        XCTAssertTrue(differing.isEmpty, "\(message): differ: \(differing.prefix(10))", file: file, line: line)
        XCTAssertFalse(a.isEmpty, "\(message): empty tree", file: file, line: line)
    }

    /// `n` as six digits.
    static func six(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
