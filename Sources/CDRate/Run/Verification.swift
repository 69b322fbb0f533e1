/// `cdrate verify RUN|BILLRUN`: recomputes every checksum and count a MANIFEST states,
/// and for a run the reconciliation of SPEC section 8 from the output files themselves;
/// names each file or figure that is off.
public struct Verification: Sendable {
    /// The directory verified.
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
        if target.count == 8, target.first == "B", let cycles = try? FileSystem.list(area.billsDirectory) {
            for c in cycles.reversed() where FileSystem.isDirectory(area.billsDirectory + "/" + c + "/" + target) {
                return area.billsDirectory + "/" + c + "/" + target
            }
        }
        return nil
    }

    /// The problems found; empty when sound.
    public func problems() -> [String] {
        guard let manifestBytes = try? FileSystem.read(directory + "/MANIFEST") else {
            return ["\(directory)/MANIFEST: missing or unreadable"]
        }
        var problems = [String]()
        var stated = [String: RecordTally]()
        for line in StateText.lines(manifestBytes) {
            let f = line.split(separator: " ").map(String.init)
            if f.first == "output", f.count == 8 {
                let name = f[1], path = directory + "/" + name
                guard let bytes = try? FileSystem.read(path) else {
                    problems.append("\(name): missing or unreadable")
                    continue
                }
                if String(bytes.count) != f[5] { problems.append("\(name): \(bytes.count) bytes, MANIFEST says \(f[5])") }
                let sum = Manifest.sha256(bytes)
                if sum != f[7] { problems.append("\(name): sha256 \(sum), MANIFEST says \(f[7])") }
                if let counted = Verification.records(in: bytes, name: name), String(counted) != f[3] {
                    problems.append("\(name): \(counted) records, MANIFEST says \(f[3])")
                }
            } else if f.first == "count", f.count == 8, let r = Int(f[3]), let d = Int(f[5]), let v = Int(f[7]) {
                stated[f[1]] = RecordTally(records: r, duration: d, volume: v)
            }
        }
        if !stated.isEmpty { problems += reconciliation(stated) }
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
            Verification.eachLine(bytes) { line in
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

    /// The number of records of a fixed-width output file, or nil when not one.
    static func records(in bytes: [UInt8], name: String) -> Int? {
        guard name.hasSuffix(".dat") else { return nil }
        var n = 0
        eachLine(bytes) { _ in n += 1 }
        return n
    }

    /// Calls `body` with each line of `bytes`, without its LF.
    static func eachLine(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { all in
            var start = 0
            for i in 0..<all.count where all[i] == ASCII.lineFeed {
                body(UnsafeRawBufferPointer(rebasing: all[start..<i]))
                start = i + 1
            }
        }
    }
}
