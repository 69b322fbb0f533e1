/// Where a bill run's records come from: the current generation of the cycle (SPEC
/// section 10). Generation 0 is the committed nightly runs, all of them; after a
/// `rerate`, the newest `<work>/cycles/YYYYMM/G<n>/` alone.
public struct CycleSource: Sendable {
    /// One input file of a bill run: a `rated.dat` or `roamers.dat` of a run or generation.
    public struct Input: Sendable, Equatable {
        /// The path relative to the work area (MANIFEST, summary), e.g. `runs/R0000001/rated.dat`.
        public let name: String
        /// The full path it is read from.
        public let path: String
        /// Whether it holds `R` records (`rated.dat`) rather than `V` records (`roamers.dat`).
        public let isRated: Bool
    }

    /// The generation: 0 for the nightly runs, n for `G<n>`.
    public let generation: Int
    /// The committed runs read (generation 0), in order; empty for a rerate generation.
    public let runs: [RunID]
    /// The files to read, in order: per run (or the generation) `rated.dat` then `roamers.dat`.
    public let inputs: [Input]

    /// The current generation of `cycle` in `area`.
    ///
    /// - Throws: `IOFailure` when a directory cannot be listed, or a committed run or
    ///   generation lacks its `rated.dat` or `roamers.dat` (a damaged work area).
    public static func current(area: WorkArea, cycle: Int) throws(IOFailure) -> CycleSource {
        let cycleDirectory = area.cyclesDirectory + "/" + String(cycle)
        var newest = 0
        if FileSystem.isDirectory(cycleDirectory) {
            for name in try FileSystem.list(cycleDirectory) {
                if let n = generationNumber(name), FileSystem.isDirectory(cycleDirectory + "/" + name) { newest = max(newest, n) }
            }
        }
        if newest > 0 {
            let relative = "cycles/\(cycle)/G\(newest)"
            return CycleSource(generation: newest, runs: [],
                               inputs: try pair(root: area.root, relative: relative, holder: "generation G\(newest)"))
        }
        let runs = try area.committedRuns()
        var inputs: [Input] = []
        for run in runs {
            inputs += try pair(root: area.root, relative: "runs/" + run.text, holder: "run \(run.text)")
        }
        return CycleSource(generation: 0, runs: runs, inputs: inputs)
    }

    /// A source of `inputs` (tests).
    public init(generation: Int, runs: [RunID], inputs: [Input]) {
        self.generation = generation
        self.runs = runs
        self.inputs = inputs
    }

    /// For people: `generation 0 (runs R0000001..R0000003)`, `generation 0 (no runs)`
    /// or `generation 2 (cycles/202609/G2)`.
    public var label: String {
        if generation > 0 {
            let directory = inputs.first.map { FileSystem.parentOf($0.name) } ?? "G\(generation)"
            return "generation \(generation) (\(directory))"
        }
        switch runs.count {
        case 0: return "generation 0 (no runs)"
        case 1: return "generation 0 (run \(runs[0].text))"
        default: return "generation 0 (runs \(runs[0].text)..\(runs[runs.count - 1].text), \(runs.count) runs)"
        }
    }

    // MARK: - Private

    /// `n` of a directory name `G<n>` (n ≥ 1, no sign, no leading zero), else nil.
    private static func generationNumber(_ name: String) -> Int? {
        let bytes = Array(name.utf8)
        guard bytes.count >= 2, bytes.count <= 10, bytes[0] == UInt8(ascii: "G"), bytes[1] != ASCII.zero,
            bytes.dropFirst().allSatisfy(ASCII.isDigit)
        else { return nil }
        return Int(name.dropFirst())
    }

    /// The `rated.dat` and `roamers.dat` of the directory `relative` under `root`.
    private static func pair(root: String, relative: String, holder: String) throws(IOFailure) -> [Input] {
        var inputs: [Input] = []
        for (file, isRated) in [("rated.dat", true), ("roamers.dat", false)] {
            let name = relative + "/" + file
            let path = root + "/" + name
            guard FileSystem.isRegularFile(path) else {
                throw IOFailure(path: path, reason: "\(holder) has no \(file); the work area is damaged")
            }
            inputs.append(Input(name: name, path: path, isRated: isRated))
        }
        return inputs
    }
}
