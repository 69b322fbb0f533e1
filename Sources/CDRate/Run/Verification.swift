/// `cdrate verify RUN|BILLRUN`: recomputes every checksum and count a MANIFEST states,
/// and for a run the reconciliation of SPEC section 8 from the output files themselves
/// and its inputs against their archived copies; names each file or figure that is off.
public struct Verification: Sendable {
    /// The run, rerate generation or bill run directory being verified.
    public let directory: String

    /// Verifies the run or bill run at `directory`.
    public init(directory: String) { self.directory = directory }

    /// Resolves `RUN` or `BILLRUN` (an id or a path) in the work area.
    public static func resolve(_ target: String, work: String) -> String? {
        if FileSystem.isDirectory(target) { return target }
        let area = WorkArea(root: work)
        if RunID(text: target) != nil, FileSystem.isDirectory(area.runDirectory(RunID(text: target)!)) {
            return area.runDirectory(RunID(text: target)!)
        }
        let bills = BillRunLocator.candidates(target, work: work)
        return bills.count == 1 ? bills[0] : nil
    }

    /// The one run or bill run directory `target` (an id or a path) names: an id needs
    /// `work` to be a work area (exit 3), and a bill run id found in several cycles is a
    /// usage error naming them, as `cdrate diff` says it.
    public static func locate(_ target: String, work: String) throws(RunFailure) -> String {
        if FileSystem.isDirectory(target) { return target }
        try WorkArea(root: work).requireExisting()
        if let directory = resolve(target, work: work) { return directory }
        // Several cycles' bill runs of that id: the same message as `cdrate diff`.
        if BillRunLocator.candidates(target, work: work).count > 1 { _ = try BillRunLocator.locate(target, work: work) }
        throw .usage("no run or bill run '\(target)' in work area \(work)")
    }

    /// The problems found; empty when sound.
    public func problems() -> [String] {
        guard let manifestBytes = try? FileSystem.read(directory + "/MANIFEST") else {
            return ["\(directory)/MANIFEST: missing or unreadable"]
        }
        var problems = [String]()
        var stated = [String: RecordTally]()
        var inputs = [(name: String, tally: RecordTally, bytes: String, sha256: String)]()
        var billInputs = [(name: String, bytes: Int, sha256: String)]()
        var billsProblem: String?
        var billsListed = false
        for line in StateText.lines(manifestBytes) {
            let f = line.split(separator: " ").map(String.init)
            if f.first == "input", f.count == 12, let r = Int(f[3]), let d = Int(f[5]), let v = Int(f[7]) {
                inputs.append((f[1], RecordTally(records: r, duration: d, volume: v), f[9], f[11]))
            } else if f.first == "input", f.count == 10, f[4] == "cycle-records", let b = Int(f[7]) {
                billInputs.append((f[1], b, f[9]))
            } else if f.first == "output", f.count == 8 {
                let name = f[1], path = directory + "/" + name
                if name == BillsFile.name { billsListed = true }
                // Read once in chunks: a month's BILLS.dat need not fit in memory.
                var lines = 0
                var totals = name == BillsFile.name ? BillsFileCheck() : nil
                guard FileSystem.isRegularFile(path), let digest = try? FileDigest.sha256(path: path, chunk: { chunk in
                    for byte in chunk where byte == ASCII.lineFeed { lines += 1 }
                    totals?.feed(chunk)
                }) else {
                    problems.append("\(name): missing or unreadable")
                    continue
                }
                if String(digest.bytes) != f[5] { problems.append("\(name): \(digest.bytes) bytes, MANIFEST says \(f[5])") }
                if digest.sha256 != f[7] { problems.append("\(name): sha256 \(digest.sha256), MANIFEST says \(f[7])") }
                if name.hasSuffix(".dat"), String(lines) != f[3] {
                    problems.append("\(name): \(lines) records, MANIFEST says \(f[3])")
                }
                if let failure = totals?.finish() { billsProblem = "BILLS.dat: \(failure)" }
            } else if f.first == "count", f.count == 8, let r = Int(f[3]), let d = Int(f[5]), let v = Int(f[7]) {
                stated[f[1]] = RecordTally(records: r, duration: d, volume: v)
            }
        }
        if !stated.isEmpty { problems += reconciliation(stated) }
        if let billsProblem {
            problems.append(billsProblem)
        } else if !billsListed, FileSystem.isRegularFile(directory + "/BILLS.dat") {
            var totals = BillsFileCheck()
            _ = try? FileDigest.sha256(path: directory + "/BILLS.dat") { totals.feed($0) }
            if let failure = totals.finish() { problems.append("BILLS.dat: \(failure)") }
        }
        if !inputs.isEmpty { problems += inputProblems(inputs, stated: stated["in"]) }
        if !billInputs.isEmpty { problems += billInputProblems(billInputs) }
        if let state = stateDirectory, FileSystem.isDirectory(state) {
            problems += StateChecksums.problems(directory: state).map { "state: \($0)" }
        }
        return problems
    }

    /// The archive of the run's collected files, `<work>/archive/<RUN>`, when the run
    /// directory sits in a work area (`<work>/runs/<RUN>`); nil for a copy elsewhere.
    private var archiveDirectory: String? {
        var parts = directory.split(separator: "/", omittingEmptySubsequences: false)
        while parts.count > 1, parts.last == "" { parts.removeLast() }
        guard parts.count >= 2, parts[parts.count - 2] == "runs", RunID(text: String(parts.last!)) != nil else { return nil }
        return parts.dropLast(2).joined(separator: "/") + "/archive/" + parts.last!
    }

    /// The state generation the run wrote, `<work>/state/<RUN>`, when the run directory
    /// sits in a work area; nil for a copy elsewhere. Only the newest generations are
    /// kept, so it may be gone.
    private var stateDirectory: String? {
        archiveDirectory.map { FileSystem.parentOf(FileSystem.parentOf($0)) + "/state/" + String($0.split(separator: "/").last!) }
    }

    /// A bill run's inputs (`input runs/R…/rated.dat … sha256 H`, relative to the work
    /// area three levels up, `<work>/bills/YYYYMM/B…`) as they are now, against the bill
    /// run's MANIFEST and against their own run's or generation's MANIFEST.
    private func billInputProblems(_ inputs: [(name: String, bytes: Int, sha256: String)]) -> [String] {
        let root = FileSystem.parentOf(FileSystem.parentOf(FileSystem.parentOf(directory)))
        var problems = [String]()
        var manifests = [String: [String: Manifest.OutputFact]]()
        for input in inputs {
            let path = (root.isEmpty ? "." : root) + "/" + input.name
            guard let now = try? FileDigest.sha256(path: path) else {
                problems.append("input \(input.name): missing or unreadable (\(path))")
                continue
            }
            if now.bytes != input.bytes || now.sha256 != input.sha256 {
                problems.append("input \(input.name): \(now.bytes) bytes, sha256 \(now.sha256); this bill run read \(input.bytes) bytes, sha256 \(input.sha256)")
            }
            let holder = FileSystem.parentOf(path)
            if manifests[holder] == nil { manifests[holder] = (try? Manifest.outputs(of: holder)) ?? [:] }
            let name = String(input.name.split(separator: "/").last!)
            if let fact = manifests[holder]![name] {
                if fact.bytes != now.bytes || fact.sha256 != now.sha256 {
                    problems.append("input \(input.name): differs from \(holder)/MANIFEST (sha256 \(fact.sha256))")
                }
            } else {
                problems.append("input \(input.name): not listed in \(holder)/MANIFEST")
            }
        }
        return problems
    }

    /// The `input` lines against the archived copies (SPEC section 2: the collected files
    /// are kept byte for byte; section 10: every checksum of the MANIFEST is recomputed),
    /// and their sums against the stated `count in`.
    private func inputProblems(_ inputs: [(name: String, tally: RecordTally, bytes: String, sha256: String)],
                               stated: RecordTally?) -> [String] {
        var problems = [String]()
        var sum = RecordTally()
        for input in inputs { sum += input.tally }
        if let archive = archiveDirectory {
            for input in inputs {
                let path = archive + "/" + input.name
                guard let bytes = try? FileSystem.read(path), let name = SwitchFileName.parse(input.name) else {
                    problems.append("input \(input.name): archive copy \(path) missing or unreadable")
                    continue
                }
                if String(bytes.count) != input.bytes {
                    problems.append("input \(input.name): \(bytes.count) bytes, MANIFEST says \(input.bytes)")
                }
                let digest = Manifest.sha256(bytes)
                if digest != input.sha256 { problems.append("input \(input.name): sha256 \(digest), MANIFEST says \(input.sha256)") }
                // Streamed: only the counts and sums are compared, so no record is kept.
                switch SwitchFileReader.read(path: path, name: name, archiveTo: nil, details: { _, _ in }) {
                case .good(let file):
                    let t = RecordTally(records: file.detailCount, duration: file.durationSum, volume: file.volumeSum)
                    if t != input.tally {
                        problems.append("input \(input.name): \(t.records) records, duration \(t.duration), volume \(t.volume); MANIFEST says \(input.tally.records), \(input.tally.duration), \(input.tally.volume)")
                    }
                case .quarantined(let reason, _, _):
                    problems.append("input \(input.name): no longer a valid switch file (\(reason))")
                case .unreadable(let message), .archiveFailed(let message):
                    problems.append("input \(input.name): \(message)")
                case .detailsFailed(let failure):
                    problems.append("input \(input.name): \(failure)")
                }
            }
        }
        if let stated, stated != sum {
            problems.append("inputs: \(sum.records) records, duration \(sum.duration), volume \(sum.volume); MANIFEST counts in \(stated.records), \(stated.duration), \(stated.volume)")
        }
        return problems
    }

    private func reconciliation(_ stated: [String: RecordTally]) -> [String] {
        var problems = [String]()
        let sources: [(String, String, Field?, Field?, Field?)] = [
            ("rated", "rated.dat", RatedLayout.duration, RatedLayout.volume, nil),
            ("roamers", "roamers.dat", RoamerLayout.duration, RoamerLayout.volume, nil),
            ("rejected", "rejects.dat", nil, nil, RejectLayout.raw),
            ("duplicates", "duplicates.dat", nil, nil, DuplicateLayout.raw),
        ]
        var total = RecordTally()
        for (name, file, durationField, volumeField, rawField) in sources {
            guard let bytes = try? FileSystem.read(directory + "/" + file), let want = stated[name] else {
                problems.append("\(file): cannot recompute the '\(name)' count")
                continue
            }
            var t = RecordTally()
            ByteLines.forEach(bytes) { line in
                let v = RecordView(line)
                if let raw = rawField {
                    t.add(raw: v[raw])
                } else {
                    t.records += 1
                    t.duration += v.number(durationField!) ?? 0
                    t.volume += v.number(volumeField!) ?? 0
                }
            }
            if t != want {
                problems.append("\(file): \(t.records) records, duration \(t.duration), volume \(t.volume); MANIFEST says \(want.records), \(want.duration), \(want.volume)")
            }
            total += t
        }
        if let input = stated["in"], input != total {
            problems.append("reconciliation: in \(input.records)/\(input.duration)/\(input.volume) != rated + roamers + rejected + duplicates \(total.records)/\(total.duration)/\(total.volume)")
        }
        return problems
    }

}

/// `BillTotalsCheck` fed chunks of any size (a file read in 1 MiB pieces): whole
/// records are checked as they complete; bytes left at the end are a failure, as for
/// `BillsFile.verifyTotals`.
struct BillsFileCheck {
    private var check = BillTotalsCheck()
    private var carry: [UInt8] = []
    private var bytes = 0
    private var failure: VerificationFailure?

    /// Checks the whole records `chunk` completes.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        bytes += chunk.count
        guard failure == nil else { return }
        let stride = BillLineLayout.layout.width + 1
        var rest = chunk
        if !carry.isEmpty {
            let need = min(stride - carry.count, rest.count)
            carry += UnsafeRawBufferPointer(rebasing: rest[0..<need])
            rest = UnsafeRawBufferPointer(rebasing: rest[need...])
            if carry.count < stride { return }
            failure = check.feed(carry)
            carry = []
            if failure != nil { return }
        }
        let whole = rest.count / stride * stride
        failure = check.feed(UnsafeRawBufferPointer(rebasing: rest[0..<whole]))
        carry = Array(UnsafeRawBufferPointer(rebasing: rest[whole...]))
    }

    /// The first failure, or nil when the file checked out.
    func finish() -> VerificationFailure? {
        if bytes % (BillLineLayout.layout.width + 1) != 0 { return VerificationFailure("\(bytes) bytes, not whole records") }
        return failure
    }
}
