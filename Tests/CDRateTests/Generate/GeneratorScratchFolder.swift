import Foundation

/// A fresh folder under the system's temporary folder, removed when the value goes away.
final class GeneratorScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "cdrate-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
