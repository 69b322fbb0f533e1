import Foundation
import XCTest
@testable import CDRate

/// Runs the reader over the conformance kit's inbox, when the kit is present next to
/// the project (it is not part of the project: SPEC's kit lives in ../shared).
final class ConformanceInboxTests: XCTestCase {
    /// The kit, only when `make conformance` names it (`CDRATE_CONFORMANCE`): it is not part of `make test`.
    private let kit = ProcessInfo.processInfo.environment["CDRATE_CONFORMANCE"] ?? "/nonexistent"

    func testQuarantinedSetMatchesTheKit() throws {
        let inbox = kit + "/inbox"
        var isFolder: ObjCBool = false
        try XCTSkipUnless(FileManager.default.fileExists(atPath: inbox, isDirectory: &isFolder) && isFolder.boolValue,
                          "conformance kit absent")
        let expectedText = try String(contentsOfFile: kit + "/expected/quarantine.txt", encoding: .utf8)
        let expected = Set(expectedText.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })

        var quarantined: [String: String] = [:]
        var good: [String: CheckedSwitchFile] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox)
            .filter { !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for entry in names {
            guard let name = SwitchFileName.parse(entry) else {
                quarantined[entry] = SwitchFileReader.quarantineReasonForName(entry)
                continue
            }
            switch SwitchFileReader.read(path: inbox + "/" + entry, name: name, archiveTo: nil) {
            case .good(let file): good[entry] = file
            case .quarantined(let reason, _, _): quarantined[entry] = reason
            case .unreadable(let message), .archiveFailed(let message): XCTFail("\(entry): \(message)")
            case .detailsFailed(let failure): XCTFail("\(entry): \(failure)")
            }
        }
        XCTAssertEqual(Set(quarantined.keys), expected,
                       quarantined.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n"))
        XCTAssertEqual(quarantined.count + good.count, 42)
        // The pair of the kit: a bad plain copy, a good gzip copy of the same switch and seq.
        XCTAssertEqual(quarantined["DGMSC01_20261005_000002.cdr"], "trailer volume sum '00000000000001' does not match 0")
        XCTAssertNotNil(good["DGMSC01_20261005_000002.cdr.gz"])
        XCTAssertEqual(quarantined["GZMSC01_20261005_000901.cdr.gz"], "unreadable gzip: member 1 at byte 0: incorrect data check")
        XCTAssertEqual(quarantined["QHDMSC01_20261005_000908.cdr.gz"], "unreadable gzip: trailing garbage at byte 127")
        XCTAssertEqual(quarantined["SHMSC01_20261005_000902.cdr.gz"], "unreadable gzip: member 1 at byte 0 truncated")
        XCTAssertEqual(quarantined["ZHMSC01_20261005_000906.cdr"], "line 2 column 101: byte 0x09 outside 0x20-0x7E")
        XCTAssertEqual(quarantined["TYMSC01_20261005_000903.cdr"], "line 3: 159 bytes, expected 160")
        for (entry, file) in good {
            XCTAssertEqual(file.details.count, file.detailCount * 160, entry)
            XCTAssertEqual(file.sha256.count, 64, entry)
        }
    }
}
