import CZlib
import Foundation
import XCTest
@testable import CDRate

/// A small world for the end-to-end tests, in a fresh temporary directory: the 18
/// reference tables, an inbox of two nights of switch files, and helpers to run the
/// built `cdrate` binary on it.
///
/// Night one (`BJMSC01` seq 1 plain, `SZMSC01` seq 1 gzip, `SZMSC01` seq 2 with a bad
/// trailer) gives every output of a run: 8 rated (a FREE pool, a PCT discount, toll),
/// 1 roamer, 3 rejects (E05, E09, E04), 1 duplicate, 1 HU alert, 1 HOT_DEST flag and a
/// quarantined file. Night two (`BJMSC01` seq 2) continues the free pool and repeats a
/// night-one call (a duplicate across runs).
final class EndToEndWorld {
    // MARK: - The binary

    /// The `cdrate` executable: `CDRATE_BINARY`, else the one beside the test bundle
    /// (same build folder), else `<package>/.build/debug/cdrate`; nil when none exists.
    static let binary: String? = {
        var candidates = [String]()
        if let explicit = ProcessInfo.processInfo.environment["CDRATE_BINARY"] { candidates.append(explicit) }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("cdrate").path)
        }
        for argument in CommandLine.arguments.prefix(1) {
            candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("cdrate").path)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/cdrate").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The binary, or a skip with a clear message when it has not been built.
    static func requireBinary() throws -> String {
        guard let binary else {
            throw XCTSkip("the cdrate binary was not found (build it first: swift build --build-tests); looked beside the test bundle and in .build/debug")
        }
        return binary
    }

    /// What one invocation did.
    struct Outcome {
        /// The exit status, or the signal number when `killed`.
        var status: Int32
        /// Whether the process died of a signal.
        var killed: Bool
        /// Its standard output.
        var stdout: String
        /// Its standard error.
        var stderr: String
    }

    /// Runs `cdrate arguments` (or `executable arguments`) with `environment` added, and waits for it.
    @discardableResult
    func cdrate(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws -> Outcome {
        let process = try start(arguments, environment: environment, executable: executable)
        process.waitUntilExit()
        return outcome(process)
    }

    /// Starts `cdrate arguments` (or `executable arguments`) without waiting.
    func start(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable ?? EndToEndWorld.requireBinary())
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["CDRATE_FAULT"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        _ = FileManager.default.createFile(atPath: root + "/.stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: root + "/.stderr", contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/.stdout"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/.stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The outcome of a finished process started by `start`.
    func outcome(_ process: Process) -> Outcome {
        func text(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return Outcome(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                       stdout: text(root + "/.stdout"), stderr: text(root + "/.stderr"))
    }

    /// `cdrate run` on this world's inbox and tables into `work`.
    @discardableResult
    func run(work: String, environment: [String: String] = [:], threads: Int = 2) throws -> Outcome {
        try cdrate(["run", "--inbox", inbox, "--tariffs", tariffs, "--work", work, "--threads", String(threads)],
                   environment: environment)
    }

    /// `cdrate reprocess` on this world's tables and `work`.
    @discardableResult
    func reprocess(work: String, environment: [String: String] = [:]) throws -> Outcome {
        try cdrate(["reprocess", "--tariffs", tariffs, "--work", work, "--threads", "2"], environment: environment)
    }

    // MARK: - Paths

    /// The temporary root.
    let root: String
    /// The reference tables.
    let tariffs: String
    /// The inbox.
    let inbox: String

    /// A new world with the tables and night one's files; removed when the test ends.
    init(_ test: XCTestCase) throws {
        _ = try EndToEndWorld.requireBinary()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cdrate-e2e-\(UUID().uuidString)").path
        tariffs = root + "/Tariffs"
        inbox = root + "/inbox"
        for d in [tariffs, inbox] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        let root = self.root
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        for (name, text) in EndToEndWorld.tables { try writeTable(name, text) }
        try drop(EndToEndWorld.nightOne)
    }

    /// Replaces a table's text.
    func writeTable(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: tariffs + "/" + name))
    }

    /// Writes switch files into the inbox.
    func drop(_ files: [SwitchFile]) throws {
        for f in files { try Data(f.bytes).write(to: URL(fileURLWithPath: inbox + "/" + f.name)) }
    }

    /// The committed part of a work area (runs, state, archive; not logs, not LOCK):
    /// relative path → bytes, directories with a trailing `/`.
    static func committed(_ work: String) -> [String: [UInt8]] {
        var out = [String: [UInt8]]()
        func walk(_ relative: String) {
            let full = relative.isEmpty ? work : work + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? [] {
                if relative.isEmpty && (name == "logs" || name == "LOCK" || name == "cache") { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                if FileSystem.isDirectory(work + "/" + child) {
                    out[child + "/"] = []
                    walk(child)
                } else {
                    out[child] = (try? FileSystem.read(work + "/" + child)) ?? [0xFF]
                }
            }
        }
        walk("")
        return out
    }

    /// The paths at which two committed trees differ.
    static func differences(_ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    // MARK: - Files

    /// One detail record's varying fields.
    struct Call {
        /// Call type.
        var type: String
        /// IMSI.
        var imsi: String
        /// MSISDN.
        var msisdn: String
        /// Other party as signalled.
        var other = ""
        /// Start time.
        var start: String
        /// Duration, seconds.
        var duration = 0
        /// Volume, KB.
        var volume = 0
        /// MSC.
        var msc = "BJMSC01"
        /// Third party (APN for 06).
        var third = ""
    }

    /// A switch file: header, details 1…n, trailer.
    struct SwitchFile {
        /// Switch id.
        var switchID: String
        /// The name's date.
        var date = "20261005"
        /// File sequence number.
        var seq: Int
        /// Header creation time.
        var created = "20261005230000"
        /// The details.
        var calls: [Call]
        /// gzip-compressed.
        var gzip = false
        /// A wrong trailer count, or nil.
        var trailerCount: Int?

        /// The file name.
        var name: String {
            "\(switchID)_\(date)_" + String(repeating: "0", count: 6 - String(seq).count) + String(seq) + ".cdr" + (gzip ? ".gz" : "")
        }

        /// The bytes in the inbox.
        var bytes: [UInt8] {
            var out = try! HeaderLayout.layout.format(["switch": switchID, "file_seq": String(seq), "created": created,
                                                      "version": "CDR1"]) + [10]
            for (i, c) in calls.enumerated() {
                out += try! DetailLayout.layout.format([
                    "rec_seq": String(i + 1), "call_type": c.type, "imsi": c.imsi, "msisdn": c.msisdn, "other": c.other,
                    "third": c.third, "start": c.start, "duration": String(c.duration), "volume": String(c.volume),
                    "msc": c.msc, "lac": "10101", "cell": "00001", "cause": "00",
                ]) + [10]
            }
            out += try! TrailerLayout.layout.format([
                "count": String(trailerCount ?? calls.count), "dur_sum": String(calls.reduce(0) { $0 + $1.duration }),
                "vol_sum": String(calls.reduce(0) { $0 + $1.volume }),
            ]) + [10]
            return gzip ? EndToEndWorld.gzip(out) : out
        }
    }

    private static let s1 = ("460010000000001", "8613010000001")
    private static let s2 = ("460010000000002", "8613010000002")
    private static let s3 = ("460010000000003", "8613020000003")
    private static let s4 = ("460010000000004", "8613010000004")
    private static let s5 = ("460010000000005", "8613020000005")

    /// Night one: two good files and a quarantined one.
    static let nightOne: [SwitchFile] = [
        SwitchFile(switchID: "BJMSC01", seq: 1, calls: [
            Call(type: "01", imsi: s1.0, msisdn: s1.1, other: "13810000009", start: "20261005090000", duration: 125),
            Call(type: "01", imsi: s2.0, msisdn: s2.1, other: "02012345678", start: "20261005100000", duration: 60),
            Call(type: "04", imsi: s2.0, msisdn: s2.1, other: "13020000003", start: "20261005103000"),
            Call(type: "01", imsi: "234150000000001", msisdn: "447700900001", other: "13810000009", start: "20261005110000", duration: 90),
            Call(type: "01", imsi: "460019999999999", msisdn: "8613010009999", other: "13810000009", start: "20261005111500", duration: 60),
            Call(type: "02", imsi: s3.0, msisdn: s3.1, other: "13810000009", start: "20261005113000", duration: 30),
            Call(type: "01", imsi: s4.0, msisdn: s4.1, other: "13810000009", start: "20261005114500", duration: 360),
            Call(type: "06", imsi: s1.0, msisdn: s1.1, start: "20261005120000", duration: 600, volume: 2048, third: "cmnet"),
            Call(type: "01", imsi: s1.0, msisdn: s1.1, other: "004420000000", start: "20261005130000", duration: 30),
        ]),
        SwitchFile(switchID: "SZMSC01", seq: 1, calls: [
            Call(type: "01", imsi: s3.0, msisdn: s3.1, other: "13020000005", start: "20261005090000", duration: 61, msc: "SZMSC01"),
            Call(type: "01", imsi: s2.0, msisdn: s2.1, other: "02012345678", start: "20261005100000", duration: 60),
            Call(type: "01", imsi: s5.0, msisdn: s5.1, other: "13810000009", start: "20261005080000", duration: 45, msc: "SZMSC01"),
            Call(type: "01", imsi: s1.0, msisdn: s1.1, other: "13810000009", start: "20261007000000", duration: 20),
        ], gzip: true),
        SwitchFile(switchID: "SZMSC01", seq: 2, calls: [
            Call(type: "01", imsi: s3.0, msisdn: s3.1, other: "13020000005", start: "20261005150000", duration: 40, msc: "SZMSC01"),
        ], trailerCount: 2),
    ]

    /// Night two: the free pool continues; record 2 repeats a night-one call.
    static let nightTwo: [SwitchFile] = [
        SwitchFile(switchID: "BJMSC01", date: "20261006", seq: 2, created: "20261006230000", calls: [
            Call(type: "01", imsi: s1.0, msisdn: s1.1, other: "13810000009", start: "20261006090000", duration: 180),
            Call(type: "01", imsi: s3.0, msisdn: s3.1, other: "13020000005", start: "20261005090000", duration: 61, msc: "SZMSC01"),
            Call(type: "01", imsi: s4.0, msisdn: s4.1, other: "004420000000", start: "20261006100000", duration: 4000),
        ], gzip: true),
    ]

    /// `content` as one gzip member.
    static func gzip(_ content: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        precondition(cdrate_deflateInit2(&stream, 6, 31) == Z_OK)
        defer { deflateEnd(&stream) }
        var input = content
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(content.count))) + 64)
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END)
        return Array(output[0..<Int(stream.total_out)])
    }

    // MARK: - Tables

    /// The 18 tables.
    static let tables: [String: String] = [
        "network.tbl": "KEY VALUE\nOPERATOR CU\nCOUNTRY 86\nMAX_AGE_DAYS 60\n",
        "areas.tbl": "AREA PROVINCE NAME\n10 BJ Beijing\n755 GD Shenzhen\n20 GD Guangzhou\n",
        "msc.tbl": "MSC AREA\nBJMSC01 10\nSZMSC01 755\n",
        "cells.tbl": "LAC CELL AREA BORDER\n",
        "numbering.tbl": """
            PREFIX KIND OPERATOR AREA ZONE
            8613010 MOBILE CU 10 -
            8613810 MOBILE CM 10 -
            8613020 MOBILE CU 755 -
            8620 FIXED CU 20 -
            44 INTL - - Z1

            """,
        "shortcodes.tbl": "CODE CLASS\n110 FREE\n",
        "subscribers.tbl": """
            IMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO
            460010000000001 8613010000001 AC000001 10 F58 - 20250101 -
            460010000000002 8613010000002 AC000002 10 B18 - 20250101 -
            460010000000003 8613020000003 AC000003 755 B18 - 20250101 -
            460010000000004 8613010000004 AC000004 10 B18 2000 20250101 -
            460010000000005 8613020000005 AC000005 755 F58 - 20250101 20260930

            """,
        "family.tbl": "MSISDN NUMBER\n",
        "plans.tbl": "PLAN MONTHLY_FEE HU_LIMIT NAME\nB18 18000 100000 Basic18\nF58 58000 200000 Family58\n",
        "discounts.tbl": """
            PLAN RULE TYPE COMPONENT CLASS BAND VALUE VALID_FROM VALID_TO
            F58 10 FREE AIR HOME * 5 20260101 -
            B18 30 PCT SMS DOM * 10 20260101 -

            """,
        "tariff.tbl": """
            COMPONENT CLASS BAND UNIT RATE VALID_FROM VALID_TO
            AIR HOME ALL 60 400 20260101 -
            AIR ROAM_PROV ALL 60 600 20260101 -
            AIR ROAM_NAT ALL 60 600 20260101 -
            TOLL INTRA ALL 6 70 20260101 -
            TOLL INTER ALL 6 70 20260101 -
            TOLL Z1 ALL 6 800 20260101 -
            RTOLL ROAM_PROV ALL 6 70 20260101 -
            RTOLL ROAM_NAT ALL 6 70 20260101 -
            SMS DOM ALL 1 100 20260101 -
            DATA HOME ALL 1024 300 20260101 -

            """,
        "timebands.tbl": "DAYTYPE FROM TO BAND\nWEEKDAY 0000 2400 PEAK\nWEEKEND 0000 2400 OFF\nHOLIDAY 0000 2400 OFF\n",
        "holidays.tbl": "DATE NAME\n",
        "partners.tbl": "PARTNER IMSI_PREFIX HUR_LIMIT NAME\nVODUK 23415 50000 VodafoneUK\n",
        "partner_rates.tbl": "PARTNER SERVICE UNIT RATE VALID_FROM VALID_TO\nVODUK MO_DOM 60 1500 20260101 -\n",
        "interconnect.tbl": "OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO\n",
        "fraud.tbl": "RULE PARAM\nLONG_CALL 3600\nHOT_DEST 1\n",
        "hotlist.tbl": "PREFIX NAME\n44 UnitedKingdom\n",
    ]
}
