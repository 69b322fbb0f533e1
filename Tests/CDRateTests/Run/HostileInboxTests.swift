import Foundation
import XCTest
@testable import CDRate

/// Hostile inbox entries (issue "Hostile inputs and a hostile machine"): names with any
/// byte, FIFOs and sockets, entries that cannot be examined, huge sequence gaps. None
/// may wedge the work area, hang the run or go unseen.
final class HostileInboxTests: XCTestCase {
    /// Writes a file whose name is any bytes into the world's inbox.
    private func drop(_ world: RunFixture, rawName: [UInt8], bytes: [UInt8]) {
        let fd = InboxEntry.cPath(world.inbox, rawName) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func testNamesWithSpacesNewlinesTabsAndNonUTF8BytesAreQuarantinedEscapedAndNeverWedgeTheState() throws {
        let world = try RunFixture(self)
        let content = RunFixture.nightOneBJ.bytes
        let names: [([UInt8], String)] = [
            (Array("BJMSC01_20260922_000002 copy.cdr".utf8), "BJMSC01_20260922_000002\\x20copy.cdr"),
            (Array("BJMSC01_20261005_000001.cdr\nQUARANTINED R0000001".utf8), "BJMSC01_20261005_000001.cdr\\x0aQUARANTINED\\x20R0000001"),
            (Array("tab\there.cdr".utf8), "tab\\x09here.cdr"),
            ([0xFF, 0xFE, 0x5C] + Array(".cdr".utf8), "\\xff\\xfe\\\\.cdr"),
            (Array("账单.cdr".utf8), "\\xe8\\xb4\\xa6\\xe5\\x8d\\x95.cdr"),
        ]
        for (raw, _) in names { drop(world, rawName: raw, bytes: content) }
        try world.drop([RunFixture.nightOneBJ])
        let first = try world.run()
        XCTAssertEqual(first.filesCollected, 1)
        XCTAssertEqual(first.filesQuarantined, names.count)
        for (_, escaped) in names {
            XCTAssertTrue(first.alarms.contains("QUARANTINED \(escaped): file name does not parse as SWITCH_YYYYMMDD_SEQ.cdr[.gz]"),
                          first.alarms.joined(separator: "\n"))
        }
        // Every log and state line stays one line per entry.
        XCTAssertEqual(world.stateLines(1, "registry.txt").count, names.count + 1)
        XCTAssertEqual(world.lines(run: 1, "quarantine.txt").count, names.count)
        let log = RunFixture.lines(world.work + "/logs/collection.log")
        XCTAssertEqual(log.count, names.count + 1)
        // The next commands read the state: the same files are skipped, not quarantined again.
        let second = try world.run()
        XCTAssertEqual(second.filesQuarantined, 0)
        XCTAssertEqual(second.alarms, [])
        XCTAssertNoThrow(try world.reprocess())
        XCTAssertNoThrow(try world.run(recollect: "BJMSC01:000001"))
    }

    func testAFIFOInTheInboxIsLoggedAndNeverOpenedForReading() throws {
        let world = try RunFixture(self)
        try world.drop([RunFixture.nightOneBJ])
        XCTAssertEqual(mkfifo(world.inbox + "/BJMSC01_20261005_000009.cdr", 0o644), 0)
        let report = try world.run()
        XCTAssertEqual(report.filesCollected, 1)
        XCTAssertTrue(report.alarms.contains("IGNORED BJMSC01_20261005_000009.cdr: a FIFO, not a regular file: not read"),
                      report.alarms.joined(separator: "\n"))
    }

    func testAFIFOSwappedInAfterTheListingIsReportedWithoutBlocking() throws {
        let world = try RunFixture(self)
        let path = world.inbox + "/BJMSC01_20261005_000001.cdr"
        XCTAssertEqual(mkfifo(path, 0o644), 0)
        let started = Date()
        let result = SwitchFileReader.read(path: path, name: SwitchFileName.parse("BJMSC01_20261005_000001.cdr")!, archiveTo: nil)
        XCTAssertEqual(result, .unreadable("cannot read \(path): not a regular file (a FIFO)"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        let entry = try InboxEntry.list(world.inbox)[0]
        XCTAssertEqual(SwitchFileReader.hashOnly(directory: world.inbox, entry: entry, reason: "x"),
                       .unreadable("cannot read \(path): not a regular file (a FIFO)"))
    }

    func testASocketAndASubFolderAreLoggedWithTheirReason() throws {
        let world = try RunFixture(self)
        try world.drop([RunFixture.nightOneBJ])
        try FileManager.default.createDirectory(atPath: world.inbox + "/old", withIntermediateDirectories: false)
        try world.drop(name: ".partial.cdr", bytes: [1])
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array((world.inbox + "/sock").utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in path.enumerated() where i < raw.count - 1 { raw[i] = b }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        defer { close(fd) }
        XCTAssertEqual(bound, 0)
        let report = try world.run()
        XCTAssertEqual(report.filesCollected, 1)
        XCTAssertTrue(report.alarms.contains("IGNORED sock: a socket, not a regular file: not read"), report.alarms.joined(separator: "\n"))
        let log = RunFixture.lines(world.work + "/logs/collection.log").joined(separator: "\n")
        XCTAssertTrue(log.contains("IGNORED old: a sub-folder"), log)
        XCTAssertTrue(log.contains("IGNORED .partial.cdr: name starts with '.'"), log)
    }

    func testAnEntryThatCannotBeExaminedRaisesAnAlarmAndAnInboxOfNothingReadableFails() throws {
        let world = try RunFixture(self)
        try FileManager.default.createSymbolicLink(atPath: world.inbox + "/BJMSC01_20261005_000002.cdr", withDestinationPath: "/nonexistent/x")
        XCTAssertThrowsError(try world.run()) { error in
            XCTAssertEqual((error as? RunFailure)?.category, .io)
            XCTAssertTrue("\(error)".contains("no file of the inbox could be read"), "\(error)")
        }
        try world.drop([RunFixture.nightOneBJ])
        let report = try world.run()
        XCTAssertEqual(report.filesCollected, 1)
        XCTAssertTrue(report.alarms.contains { $0.hasPrefix("UNREADABLE BJMSC01_20261005_000002.cdr: cannot examine ") },
                      report.alarms.joined(separator: "\n"))
    }

    func testAnInboxThatCanBeListedButNotSearchedFailsLoudly() throws {
        try XCTSkipIf(getuid() == 0, "running as root: permissions do not stop root")
        let world = try RunFixture(self)
        try world.drop([RunFixture.nightOneBJ])
        XCTAssertEqual(chmod(world.inbox, 0o644), 0)
        XCTAssertThrowsError(try world.run()) { error in XCTAssertEqual((error as? RunFailure)?.category, .io) }
    }

    func testAGapIsOneAlarmPerRangeWhateverItsSize() throws {
        let world = try RunFixture(self)
        func file(_ seq: Int) -> RunFixture.SwitchFile {
            RunFixture.SwitchFile(switchID: "BJMSC01", seq: seq, calls: [
                RunFixture.Call(type: "04", imsi: RunFixture.s2, other: "13810000009", start: "20261005100000"),
            ])
        }
        try world.drop([file(0), file(5), file(7), file(999_999)])
        let started = Date()
        let report = try world.run()
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(report.alarms, [
            "GAP BJMSC01: sequence gap: file seq 000001-000004 (4 files) not collected",
            "GAP BJMSC01: sequence gap: file seq 000006 not collected",
            "GAP BJMSC01: sequence gap: file seq 000008-999998 (999991 files) not collected",
        ])
    }

    /// A file with a bad name is hashed a chunk at a time: a 256 MiB (sparse) one does
    /// not raise the process's peak memory by anything like its size.
    func testAFileWithABadNameIsHashedWithoutReadingItWhole() throws {
        let world = try RunFixture(self)
        let path = world.inbox + "/huge file.cdr"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        XCTAssertEqual(truncate(path, 256 << 20), 0)
        func peak() -> Int {
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            return usage.ru_maxrss * 1024
        }
        let before = peak()
        let entry = try XCTUnwrap(InboxEntry.list(world.inbox).first)
        guard case .quarantined(_, let size, let sha256) = SwitchFileReader.hashOnly(directory: world.inbox, entry: entry, reason: "x") else {
            return XCTFail("not quarantined")
        }
        XCTAssertEqual(size, 256 << 20)
        XCTAssertEqual(sha256.count, 64)
        XCTAssertLessThan(peak() - before, 64 << 20)
    }

    /// Names holding every byte a name can hold (all but NUL and `/`): each is
    /// quarantined under its own escaped name, and every later command reads the state.
    func testNamesWithEveryByteRoundTripThroughTheRegistryAndTheLogs() throws {
        let world = try RunFixture(self)
        var escaped = Set<String>()
        for b in UInt8(1)...UInt8(255) where b != 0x2F {
            let raw: [UInt8] = [0x41, b, 0x42] + Array(".cdr".utf8)
            drop(world, rawName: raw, bytes: [b])
            escaped.insert(InboxEntry.escape(raw))
        }
        XCTAssertEqual(escaped.count, 254)
        let first = try world.run()
        XCTAssertEqual(first.filesQuarantined, 254)
        let registry = world.stateLines(1, "registry.txt")
        XCTAssertEqual(registry.count, 254)
        XCTAssertEqual(Set(registry.map { String($0.split(separator: " ")[4]) }), escaped)
        XCTAssertEqual(RunFixture.lines(world.work + "/logs/collection.log").count, 254)
        XCTAssertEqual(RunFixture.lines(world.work + "/logs/alarms.log").count, 254)
        let second = try world.run()
        XCTAssertEqual(second.filesQuarantined, 0)
        XCTAssertEqual(second.alarms, [])
        // The state is not wedged: reprocess reads it (and finds nothing to take), rerate runs.
        XCTAssertThrowsError(try world.reprocess()) { error in
            XCTAssertTrue("\(error)".hasPrefix("nothing to reprocess"), "\(error)")
        }
        var rerate = CycleRerate(cycle: 202610)
        rerate.tariffs = world.tariffs
        rerate.work = world.work
        XCTAssertNoThrow(try rerate.run())
    }
}
