import Foundation
import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// Every state file is parsed strictly: anything but the written form is damaged state
/// (exit 5, naming file and line), never a value dropped or reset in silence. The
/// mutation test feeds the parsers edited copies of real state files: each either is
/// refused or reads back to exactly the bytes it was given.
final class StateParserStrictnessTests: XCTestCase {
    /// A committed night whose generation R0000001 has pools, usage and a registry.
    private func night() throws -> RunFixture {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        return world
    }

    private func assertDamaged(_ world: RunFixture, _ file: String, line: Int, _ message: String = "",
                               sourceLine: UInt = #line) {
        let path = world.stateDirectory(1) + "/" + file
        // A night of cycle 202610 reads the pools and usage of that cycle.
        try? world.drop([RunFixture.nightTwoBJ])
        XCTAssertThrowsError(try world.run(), message, line: sourceLine) { error in
            let failure = error as? RunFailure
            XCTAssertEqual(failure?.category, .io, message, line: sourceLine)
            XCTAssertTrue(failure?.description.contains("damaged state: \(path):\(line)") == true,
                          "\(message): \(failure?.description ?? "\(error)")", line: sourceLine)
        }
    }

    /// Rewrites `file` of generation 1 with `edit` applied to its text, then reseals it.
    private func edit(_ world: RunFixture, _ file: String, _ edit: (String) -> String) throws {
        let path = world.stateDirectory(1) + "/" + file
        try FileSystem.write(path, Array(edit(String(decoding: try FileSystem.read(path), as: UTF8.self)).utf8))
        try world.reseal(1)
    }

    func testANegativeOrPaddedPoolIsDamagedStateNotAResetPool() throws {
        for bad in ["-97", "0097", "+97", "97 ", "9a"] {
            let world = try night()
            try edit(world, "pools/202610.txt") { text in
                var lines = text.split(separator: "\n").map(String.init)
                var f = lines[0].split(separator: " ").map(String.init)
                f[4] = bad
                lines[0] = f.joined(separator: " ")
                return lines.joined(separator: "\n") + "\n"
            }
            assertDamaged(world, "pools/202610.txt", line: 1, bad)
        }
    }

    func testAPoolListedTwiceOrABadCycleIsDamagedState() throws {
        let world = try night()
        try edit(world, "pools/202610.txt") { text in
            let first = text.split(separator: "\n")[0]
            return text + first + "\n"
        }
        let lines = world.stateLines(1, "pools/202610.txt").count
        assertDamaged(world, "pools/202610.txt", line: lines)
    }

    func testAPaddedUsageTotalIsDamagedState() throws {
        let world = try night()
        try edit(world, "usage/hu-202610.txt") { text in
            var lines = text.split(separator: "\n").map(String.init)
            var f = lines[0].split(separator: " ").map(String.init)
            f[3] = "00" + f[3]
            lines[0] = f.joined(separator: " ")
            return lines.joined(separator: "\n") + "\n"
        }
        assertDamaged(world, "usage/hu-202610.txt", line: 1)
    }

    func testARegistryLineWithABadChecksumOrTimeIsDamagedState() throws {
        for (from, to) in [(" 20261005230000 ", " 20261399230000 "), (" R0000001 ", " R1 ")] {
            let world = try night()
            try edit(world, "registry.txt") { $0.replacingOccurrences(of: from, with: to) }
            assertDamaged(world, "registry.txt", line: 1, to)
        }
    }

    /// Mutated copies of real state files: refused, or read back byte for byte.
    func testMutatedStateFilesAreRefusedOrReadBackExactly() throws {
        let world = try night()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        let cases = Int(ProcessInfo.processInfo.environment["CDRATE_FUZZ_CASES"] ?? "") ?? 2000
        let seed = UInt64(ProcessInfo.processInfo.environment["CDRATE_FUZZ_SEED"] ?? "") ?? 1
        var random = SplitMix64(seed: seed)
        let files = ["pools/202610.txt", "usage/hu-202610.txt", "usage/hur-20261005.txt", "registry.txt"].map { ($0, try! FileSystem.read(world.stateDirectory(2) + "/" + $0)) }
        let alphabet = Array("0123456789 -+\n\tHURabcx\\".utf8) + [0, 0x80, 0xFF]
        for n in 0..<cases {
            let (name, original) = files[n % files.count]
            guard !original.isEmpty else { continue }
            var bytes = original
            for _ in 0...Int(random.next() % 3) where !bytes.isEmpty {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 1: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                case 2: if bytes.count > 1 { bytes.remove(at: at) }
                default: bytes = Array(bytes[0..<at])
                }
            }
            let source = "case \(n) \(name) (seed \(seed))"
            do {
                let back: [UInt8]
                switch name {
                case "pools/202610.txt": back = try FreeUnitPoolList(parsing: bytes, source: source).serialized()
                case "usage/hu-202610.txt", "usage/hur-20261005.txt": back = try HighUsageList(parsing: bytes, source: source).serialized()
                default: back = try CollectionRegistry(parsing: bytes, source: source).serialized()
                }
                XCTAssertEqual(back, bytes, "\(source): accepted but not the written form: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            } catch is StateError {
            } catch is HighUsageLedgerError {
            } catch {
                XCTFail("\(source): \(error)")
            }
        }
    }
}
