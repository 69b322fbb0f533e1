import Foundation
import XCTest

/// The engine never prints, never reads the environment and never decides an exit code:
/// progress and phase times reach the command line through a `RunObserver`, the
/// `CDRATE_*` variables come in as `EngineSettings`, and `RunFailure` says only why a
/// command failed. A line of `Sources/CDRate` that writes to the terminal, reads the
/// environment or ends the process fails here, naming the file and the line.
final class EngineOutputTests: XCTestCase {
    private static let engine = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/CDRate").path

    /// What the engine must not do, as patterns on code (comments left out).
    static let forbidden = [
        #"FileHandle\s*\.\s*standard(Error|Output|Input)"#, #"\b(debugPrint|print|dump|fputs|puts|printf|NSLog)\s*\("#,
        #"\b(stderr|stdout|STDERR_FILENO|STDOUT_FILENO)\b"#, #"\bisatty\s*\("#,
        #"\b(getenv|setenv|unsetenv)\s*\("#, #"ProcessInfo\s*\.\s*processInfo\s*\.\s*environment"#, #"\benviron\b"#,
        #"\b(exit|_exit|abort)\s*\("#, #"\bexitCode\b"#,
    ]

    /// Lines allowed despite a pattern, each with why.
    static let allowed: [(file: String, contains: String)] = [
        // glibc's own variable, not cdrate's: the engine caps malloc's arenas only where
        // the operator has not (docs/operations.md), and glibc reads it itself anyway.
        ("Support/MemoryRelease.swift", #"getenv("MALLOC_ARENA_MAX")"#),
    ]

    func testTheEngineNeitherPrintsNorReadsTheEnvironment() throws {
        let patterns = try EngineOutputTests.forbidden.map { try NSRegularExpression(pattern: $0) }
        guard let files = FileManager.default.enumerator(atPath: EngineOutputTests.engine)?.allObjects as? [String] else {
            return XCTFail("cannot list \(EngineOutputTests.engine)")
        }
        let swiftFiles = files.filter { $0.hasSuffix(".swift") }.sorted()
        XCTAssertTrue(swiftFiles.contains("Run/NightlyRun.swift"), "the engine's sources were not found: \(swiftFiles.count) files")
        var found = [String]()
        var allowanceUsed = Set<Int>()
        for file in swiftFiles {
            let lines = try String(contentsOfFile: EngineOutputTests.engine + "/" + file, encoding: .utf8)
                .components(separatedBy: "\n")
            for (n, line) in lines.enumerated() {
                let code = line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? line
                let range = NSRange(code.startIndex..., in: code)
                guard patterns.contains(where: { $0.firstMatch(in: code, range: range) != nil }) else { continue }
                if let a = EngineOutputTests.allowed.firstIndex(where: { $0.file == file && code.contains($0.contains) }) {
                    allowanceUsed.insert(a)
                    continue
                }
                found.append("\(file):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        XCTAssertEqual(found, [], "\n" + found.joined(separator: "\n"))
        // An allowance no longer needed goes from the list.
        for (a, allowance) in EngineOutputTests.allowed.enumerated() where !allowanceUsed.contains(a) {
            XCTFail("allowance no longer used: \(allowance.file) \(allowance.contains)")
        }
    }

    func testThePatternsFindWhatTheyForbid() throws {
        let patterns = try EngineOutputTests.forbidden.map { try NSRegularExpression(pattern: $0) }
        let bad = [#"FileHandle.standardError.write(Data("x".utf8))"#, #"print("x")"#, #"fputs("x", stderr)"#,
                   #"if isatty(2) == 1 {"#, #"getenv("CDRATE_FAULT")"#, #"ProcessInfo.processInfo.environment["X"]"#,
                   "exit(5)", "public var exitCode: Int32 {"]
        let good = ["let blueprint = fingerprint(x)", "timer.mark(\"phase\")", "observer.progress?(text)",
                    "EngineSettings.current.faultPoint", "let printed = 1"]
        func matches(_ s: String) -> Bool {
            patterns.contains { $0.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil }
        }
        for s in bad { XCTAssertTrue(matches(s), s) }
        for s in good { XCTAssertFalse(matches(s), s) }
    }
}
