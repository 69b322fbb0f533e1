import Foundation
import XCTest

/// The engine's shape (docs/architecture.md): the stage folders, the record formats,
/// the reference data and the support code use nothing of `Run/`, where the commands
/// wire the stages together, lock the work area and commit. A stage that reaches into
/// `Run/` fails here, naming the file, the line and the type.
final class ArchitectureTests: XCTestCase {
    private static let engine = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/CDRate").path

    /// The folders below `Run/`: they must not name a type `Run/` declares.
    static let lowerFolders = ["Collection", "Preprocessing", "Sorting", "Roaming", "Rating", "Discounts", "HighUsage",
                               "Fraud", "Billing", "Settlement", "Records", "Reference", "State", "Support"]

    private func swiftFiles(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: ArchitectureTests.engine + "/" + folder)
            .filter { $0.hasSuffix(".swift") }.sorted().map { ArchitectureTests.engine + "/" + folder + "/" + $0 }
    }

    /// The names of the types declared in `Run/`.
    private func runTypes() throws -> Set<String> {
        let declaration = try NSRegularExpression(pattern: #"^\s*(?:public |internal |fileprivate |private |final |indirect )*(?:struct|class|enum|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9_]*)"#,
                                                  options: .anchorsMatchLines)
        var names = Set<String>()
        for file in try swiftFiles("Run") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for m in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                names.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        return names
    }

    func testNoStageFolderNamesARunType() throws {
        let types = try runTypes()
        XCTAssertTrue(types.contains("RunContext") && types.contains("WorkArea") && types.contains("NightlyRun"),
                      "the declarations of Run/ were not found: \(types.sorted())")
        let identifier = try NSRegularExpression(pattern: #"\b[A-Z][A-Za-z0-9_]*\b"#)
        var found = [String]()
        for folder in ArchitectureTests.lowerFolders {
            for file in try swiftFiles(folder) {
                let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
                for (n, line) in lines.enumerated() {
                    // Code only: comments may name the commands that use a stage.
                    let code = line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? line
                    for m in identifier.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                        let name = String(code[Range(m.range, in: code)!])
                        if types.contains(name) {
                            found.append("\(folder)/\(URL(fileURLWithPath: file).lastPathComponent):\(n + 1) names Run/ type \(name)")
                        }
                    }
                }
            }
        }
        XCTAssertEqual(found, [], "\n" + found.joined(separator: "\n"))
    }
}
