import Foundation
import XCTest
@testable import CDRate

/// A work area made from a world's inbox as several nights (its files split by the date
/// in their names), for `cdrate explain` to explain every record of: the first night
/// starts from nothing, the later ones from the state the earlier ones left.
struct ExplainWorld {
    let world: String
    let tariffs: String
    let work: String

    /// The snapshot world of the fixtures (600 records of a week), as three nights: files
    /// of 21–22, 23–24 and 25–27 September.
    static func snapshot(_ test: XCTestCase) throws -> ExplainWorld {
        let world = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/snapshot-world").path
        return try make(test, world: world, nights: [["20260921", "20260922"], ["20260923", "20260924"],
                                                     ["20260925", "20260926", "20260927"]])
    }

    /// Runs the world's inbox as `nights` (file-name dates of each), or as one night when empty.
    static func make(_ test: XCTestCase, world: String, nights: [[String]]) throws -> ExplainWorld {
        let root = NSTemporaryDirectory() + "cdrate-explain-\(UUID().uuidString)"
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        let work = root + "/work"
        let names = try FileSystem.list(world + "/inbox").sorted()
        let groups: [[String]] = nights.isEmpty ? [names]
            : nights.map { dates in names.filter { n in dates.contains { n.contains("_\($0)_") } } }
        for (n, group) in groups.enumerated() {
            let inbox = root + "/inbox\(n + 1)"
            try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
            for name in group { try FileManager.default.copyItem(atPath: world + "/inbox/" + name, toPath: inbox + "/" + name) }
            var options = RunOptions()
            options.inbox = inbox
            options.tariffs = world + "/Tariffs"
            options.work = work
            options.threads = 2
            options.clock = Timestamp(value: 20_270_101_000_000)
            _ = try NightlyRun(options: options).run()
        }
        return ExplainWorld(world: world, tariffs: world + "/Tariffs", work: work)
    }

    /// The explanation of `record` in `run`.
    func explain(_ record: String, run: String?) throws -> RecordExplanation {
        var e = RecordExplainer(reference: try XCTUnwrap(RecordReference(record)))
        e.run = run
        e.tariffs = tariffs
        e.work = work
        return try e.explain()
    }

    /// The lines of a file, without LF (none when it is absent).
    static func lines(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The text of `field` of a record line, right-trimmed.
    static func field(_ line: String, _ f: Field) -> String {
        String(decoding: Array(line.utf8)[f.range], as: UTF8.self).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
    }

    /// The number in `field` of a record line.
    static func number(_ line: String, _ f: Field) -> Int { Int(field(line, f)) ?? -1 }
}
