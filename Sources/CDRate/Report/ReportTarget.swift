/// What `cdrate report` was given, resolved to a directory and what kind of directory
/// it is: a run (`runs/R…`), a rerate generation (`cycles/YYYYMM/G<n>`) or a bill run
/// (`bills/YYYYMM/B…`), told apart by the title line of its MANIFEST.
public struct ReportTarget: Sendable, Equatable {
    /// The kinds of directory a report can be made of.
    public enum Kind: Sendable, Equatable {
        /// A run of any kind (nightly, recycle, correction, collect).
        case run
        /// A rerate generation.
        case generation
        /// A bill run.
        case billRun
    }

    // MARK: - Stored properties

    /// The directory the figures are read from: the path given, or the one an id names.
    public let directory: String
    /// What kind of directory it is, from its MANIFEST's title line; it decides the page.
    public let kind: Kind
    /// Its name as the MANIFEST states it: `R0000001`, `G1 of cycle 202610`, `B0000001 cycle 202609`.
    public let name: String
    /// The default file name of its page: `report-R0000001.html`, `report-202610-G1.html`,
    /// `report-202609-B0000001.html` (bill run and generation ids repeat across cycles).
    public let defaultFileName: String

    // MARK: - API

    /// The directory `target` names (a directory path, a run id `R0000001`, a bill run
    /// id `B0000001` or a generation `G1`, looked up in every cycle of `work`), and its kind.
    ///
    /// - Throws: `RunFailure.usage` when nothing or several cycles' directories match, or
    ///   the directory is no run, generation or bill run; `.notAWorkArea` when an id is
    ///   given and `work` is not a work area; `.io` when its MANIFEST cannot be read.
    public static func locate(_ target: String, work: String) throws(RunFailure) -> ReportTarget {
        let directory: String
        if FileSystem.isDirectory(target) {
            directory = target
        } else if target.first == "G", Int(target.dropFirst()) != nil {
            try WorkArea(root: work).requireExisting()
            let found = generations(target, work: work)
            if found.isEmpty { throw .usage("no rerate generation '\(target)' in work area \(work)") }
            if found.count > 1 {
                throw .usage("'\(target)' exists in several cycles (\(found.joined(separator: ", "))): give its directory")
            }
            directory = found[0]
        } else {
            directory = try Verification.locate(target, work: work)
        }
        return try identify(directory)
    }

    /// What the directory at `directory` is, from its MANIFEST's title line.
    public static func identify(_ directory: String) throws(RunFailure) -> ReportTarget {
        let path = directory + "/MANIFEST"
        guard FileSystem.isRegularFile(path) else {
            throw .usage("\(directory) is not a run, rerate generation or bill run directory (it has no MANIFEST)")
        }
        let title: String
        do throws(IOFailure) {
            title = String(StateText.lines(try FileSystem.read(path)).first ?? "")
        } catch {
            throw .io(error.description)
        }
        let words = title.split(separator: " ").map(String.init)
        // `cdrate MANIFEST 1 run R0000001`, `… generation G1 of cycle 202610`, `… bill B0000001 cycle 202609`.
        guard words.count >= 5, words[0] == "cdrate", words[1] == "MANIFEST" else {
            throw .usage("\(path): first line '\(title)' is not a cdrate MANIFEST title")
        }
        switch words[3] {
        case "run":
            return ReportTarget(directory: directory, kind: .run, name: words[4], defaultFileName: "report-\(words[4]).html")
        case "generation" where words.count == 8:
            return ReportTarget(directory: directory, kind: .generation, name: "\(words[4]) of cycle \(words[7])",
                                defaultFileName: "report-\(words[7])-\(words[4]).html")
        case "bill" where words.count == 7:
            return ReportTarget(directory: directory, kind: .billRun, name: "\(words[4]) cycle \(words[6])",
                                defaultFileName: "report-\(words[6])-\(words[4]).html")
        default:
            throw .usage("\(path): '\(title)' is not the MANIFEST of a run, rerate generation or bill run")
        }
    }

    // MARK: - Private

    /// Every `cycles/<cycle>/<target>` of the work area, oldest cycle first.
    private static func generations(_ target: String, work: String) -> [String] {
        let cycles = WorkArea(root: work).cyclesDirectory
        guard let names = try? FileSystem.list(cycles) else { return [] }
        return names.sorted().map { cycles + "/" + $0 + "/" + target }.filter { FileSystem.isDirectory($0) }
    }
}
