/// `cdrate explain SWITCH:SEQ:REC [--run RUN]` (SPEC section 11a): finds the record in
/// a run's (or rerate generation's, or bill run's) outputs, then runs the record stages
/// again — `PartitionProcessor.process`, the nightly code itself, with an `ExplainTrace`
/// — over that record's IMSI's records of the run, as the run read them, from the state
/// the run started from, and returns what each step decided.
///
/// Only one IMSI's records and state slice are held: the run's input files are read
/// one at a time and only the records of that IMSI kept. Read-only: it takes no lock.
public struct RecordExplainer: Sendable {
    /// The record.
    public var reference: RecordReference
    /// The run, rerate generation (`G1`, `cycles/YYYYMM/G1`) or bill run named, or nil
    /// for the latest run that has the record.
    public var run: String?
    /// The reference tables; they must be the ones the run's MANIFEST names.
    public var tariffs = "Tariffs"
    /// The work area.
    public var work = "var"

    /// An explainer of `reference`.
    public init(reference: RecordReference) { self.reference = reference }

    /// Explains the record.
    ///
    /// - Throws: `RunFailure.nothingSelected` (exit 1) when no such record is in the run
    ///   (or in any run); `.usage` for an unknown run; `.notAWorkArea`; `.configuration`
    ///   for tables that do not load; `.io` (exit 5) when the tables differ from the run's
    ///   MANIFEST, the state the run started from is no longer kept or is damaged, or an
    ///   input is missing or altered.
    public func explain() throws(RunFailure) -> RecordExplanation {
        do {
            let area = WorkArea(root: work)
            try area.requireExisting()
            let holder = try locateHolder(area)
            let (file, lineNumber, line) = holder.found
            let manifest = StateText.lines(try FileSystem.read(holder.directory + "/MANIFEST")).map(String.init)
            let tables = try ReferenceData.load(directory: tariffs)
            try checkReferences(manifest, tables: tables, holder: holder.directory)
            let imsiField = RecordExplainer.imsiField(of: line, file: file)
            var explanation = try rerun(holder: holder, manifest: manifest, tables: tables, imsiField: imsiField, area: area)
            explanation.outputFile = file
            explanation.outputLineNumber = lineNumber
            explanation.outputLine = line
            if let origin = explanation.matchingStep?.duplicate?.origin {
                // The record it duplicates: rated earlier in this run, or in an earlier one.
                var originFinder = self
                originFinder.reference = RecordReference(switchID: origin.switchID, fileSeq: origin.fileSeq,
                                                         recordSeq: origin.recordSeq)
                if let found = try originFinder.find(in: holder.directory, files: ["rated.dat", "roamers.dat"]) {
                    explanation.originPlace = "rated in this \(holder.isGeneration ? "generation" : "run"), "
                        + "\(found.file) line \(found.line)"
                } else {
                    explanation.originPlace = "rated in an earlier run: its key was kept in the state"
                }
            }
            return explanation
        } catch {
            throw RunFailure.wrap(error)
        }
    }

    // MARK: - Private

    /// Where the record was found: the run or generation directory, its label, and the
    /// output file, line number and line.
    private struct Holder {
        var directory: String
        var label: String
        var runID: RunID
        var isGeneration: Bool
        var cycle: Int
        var found: (file: String, line: Int, bytes: [UInt8])
        var via: String?
    }

    /// The outputs a record of a run can be in, with the fields that name it.
    private static let outputs: [(name: String, layout: RecordLayout, fields: (Field, Field, Field))] = [
        ("rated.dat", RatedLayout.layout, (RatedLayout.switchID, RatedLayout.fileSeq, RatedLayout.recordSeq)),
        ("roamers.dat", RoamerLayout.layout, (RoamerLayout.switchID, RoamerLayout.fileSeq, RoamerLayout.recordSeq)),
        ("rejects.dat", RejectLayout.layout, (RejectLayout.switchID, RejectLayout.fileSeq, RejectLayout.recordSeq)),
        ("duplicates.dat", DuplicateLayout.layout, (DuplicateLayout.switchID, DuplicateLayout.fileSeq, DuplicateLayout.recordSeq)),
    ]

    /// The first line naming the record in the outputs of `directory` (`files` of them).
    private func find(in directory: String, files: Set<String>? = nil) throws -> (file: String, line: Int, bytes: [UInt8])? {
        for o in RecordExplainer.outputs where files?.contains(o.name) ?? true {
            let path = directory + "/" + o.name
            guard FileSystem.isRegularFile(path) else { continue }
            var hit: (String, Int, [UInt8])?
            let target = reference
            _ = try RecordFileReader(path: path, layout: o.layout).forEach { line, number in
                if hit == nil, target.names(RecordView(line), switchField: o.fields.0, seqField: o.fields.1, recField: o.fields.2) {
                    hit = (o.name, number, Array(line.prefix(o.layout.width)))
                }
            }
            if let hit { return hit }
        }
        return nil
    }

    private func locateHolder(_ area: WorkArea) throws -> Holder {
        guard let run else {
            for id in try area.committedRuns().reversed() {
                if let found = try find(in: area.runDirectory(id)) {
                    return Holder(directory: area.runDirectory(id), label: "run \(id.text)", runID: id, isGeneration: false,
                                  cycle: 0, found: found)
                }
            }
            throw RunFailure.nothingSelected("no record \(reference) in the outputs of any run of work area \(work)")
        }
        let target = try ReportTarget.locate(run, work: work)
        switch target.kind {
        case .run:
            guard let id = RunID(text: String(target.name)) else { throw RunFailure.usage("\(run) is not a run") }
            guard let found = try find(in: target.directory) else {
                throw RunFailure.nothingSelected("no record \(reference) in the outputs of run \(id.text) (\(target.directory))")
            }
            return Holder(directory: target.directory, label: "run \(id.text)", runID: id, isGeneration: false, cycle: 0,
                          found: found)
        case .generation:
            return try generationHolder(target.directory, via: nil)
        case .billRun:
            // A bill run read the rated and roamer records of runs or of one generation: the
            // record is explained as rated there (SPEC section 10).
            let manifest = StateText.lines(try FileSystem.read(target.directory + "/MANIFEST")).map(String.init)
            var holders = [String]()
            for line in manifest where line.hasPrefix("input ") {
                let name = String(line.split(separator: " ")[1])
                let holder = FileSystem.parentOf(area.root + "/" + name)
                if !holders.contains(holder) { holders.append(holder) }
            }
            for holder in holders.reversed() {
                guard let found = try find(in: holder, files: ["rated.dat", "roamers.dat"]) else { continue }
                if FileSystem.parentOf(holder) == area.runsDirectory, let id = RunID(text: String(holder.split(separator: "/").last!)) {
                    return Holder(directory: holder, label: "run \(id.text)", runID: id, isGeneration: false, cycle: 0,
                                  found: found, via: "bill run \(target.name)")
                }
                return try generationHolder(holder, via: "bill run \(target.name)")
            }
            throw RunFailure.nothingSelected("no rated or roamer record \(reference) among the inputs of bill run \(target.name)")
        }
    }

    private func generationHolder(_ directory: String, via: String?) throws -> Holder {
        let target = try ReportTarget.identify(directory)
        let words = target.name.split(separator: " ")
        guard let n = Int(words[0].dropFirst()), let cycle = Int(words.last!) else {
            throw RunFailure.usage("\(directory) is not a rerate generation")
        }
        guard let found = try find(in: directory) else {
            throw RunFailure.nothingSelected("no record \(reference) in the outputs of generation \(target.name) (\(directory))")
        }
        return Holder(directory: directory, label: "generation \(target.name)", runID: RunID.generation(n), isGeneration: true,
                      cycle: cycle, found: found, via: via)
    }

    /// Refuses tables whose checksums differ from the MANIFEST's `reference` lines (SPEC
    /// section 11a: exit 5, unless `--tariffs` names tables that match).
    private func checkReferences(_ manifest: [String], tables: ReferenceData, holder: String) throws {
        var stated = [String: String]()
        for line in manifest where line.hasPrefix("reference ") {
            let f = line.split(separator: " ")
            if f.count == 4 { stated[String(f[1])] = String(f[3]) }
        }
        var differing = [String]()
        for c in tables.checksums where stated[c.file] != c.sha256 { differing.append(c.file) }
        if !differing.isEmpty {
            throw RunFailure.io("the reference tables in \(tariffs) are not the ones \(holder)/MANIFEST names: "
                + differing.joined(separator: ", ") + (differing.count == 1 ? " differs" : " differ") + (stated.isEmpty ? " (the MANIFEST lists none)" : "")
                + "; give --tariffs a copy of the tables as they were for that run (nothing was explained)")
        }
    }

    /// The 15 bytes of the IMSI field of the record in an output line.
    private static func imsiField(of line: [UInt8], file: String) -> [UInt8] {
        line.withUnsafeBytes { b in
            let v = RecordView(b)
            switch file {
            case "rated.dat": return Array(v[RatedLayout.imsi])
            case "roamers.dat": return Array(v[RoamerLayout.imsi])
            case "rejects.dat": return Array(RecordView(v[RejectLayout.raw])[DetailLayout.imsi])
            default: return Array(RecordView(v[DuplicateLayout.raw])[DetailLayout.imsi])
            }
        }
    }

    /// Runs the record stages again over the IMSI's records of the holder, from the state
    /// it started from, with the trace.
    private func rerun(holder: Holder, manifest: [String], tables: ReferenceData, imsiField: [UInt8],
                       area: WorkArea) throws -> RecordExplanation {
        var entries = PartitionEntries()
        var sources = [DetailSource]()
        var recycled = [RecycledReject]()
        var state = PartitionState()
        var latestEarlierCreation: Timestamp?
        var stateLabel: String
        let kind = manifest.first { $0.hasPrefix("kind ") }.map { String($0.dropFirst(5)) } ?? (holder.isGeneration ? "rerate" : "")
        let imsi = ByteField.digits(imsiField.withUnsafeBytes { $0 }) ?? Int.max
        let imsiRange = imsi == Int.max ? imsi - 1..<imsi : imsi..<(imsi + 1)

        // The IMSI's records of one archived switch file, as the run read them.
        func take(path: String, name: String, cycle: Int?, corrections: [CorrectionKey: [UInt8]], sha256: String?) throws {
            guard let fileName = SwitchFileName.parse(name) else { throw IOFailure(path: path, reason: "not a switch file name") }
            let index = sources.count
            let result = SwitchFileReader.read(path: path, name: fileName, archiveTo: nil, details: { (records, first) throws(IOFailure) in
                let width = DetailLayout.width
                for k in 0..<(records.count / width) {
                    let original = UnsafeRawBufferPointer(rebasing: records[(k * width)..<((k + 1) * width)])
                    let key = CorrectionKey(switchID: fileName.switchID, fileSeq: fileName.sequence,
                                            recordSeq: PackedText(RecordView(original)[DetailLayout.recordSeq]))
                    let replacement = cycle == nil ? nil : corrections[key]
                    func consider(_ raw: UnsafeRawBufferPointer) {
                        guard raw.elementsEqual(imsiField, range: DetailLayout.imsi) else { return }
                        if let cycle {
                            let start = RecordView(raw)[DetailLayout.start]
                            guard ByteField.digits(UnsafeRawBufferPointer(rebasing: start[0..<6])) == cycle else { return }
                        }
                        entries.append(raw: raw, source: index, position: first + k)
                    }
                    if let replacement { replacement.withUnsafeBytes { consider($0) } } else { consider(original) }
                }
            })
            if case .detailsFailed(let failure) = result { throw failure }
            guard case .good(let file) = result else {
                throw IOFailure(path: path, reason: "archived file missing or unreadable; the work area is damaged")
            }
            if let sha256, file.sha256 != sha256 {
                throw IOFailure(path: path, reason: "archived file's SHA-256 \(file.sha256) differs from the MANIFEST's "
                    + "\(sha256): the archive was altered after the run committed; nothing was explained")
            }
            sources.append(DetailSource(switchID: fileName.switchID, fileSeq: fileName.sequence, created: file.creation))
        }

        if holder.isGeneration {
            // A rerate: the latest copies of the cycle's files, corrected store copies in
            // place of their originals, pools and usage starting empty, no kept keys.
            let corrections = try CycleRerate.corrections(area: area, pending: try currentState(area).rejects)
            for line in manifest where line.hasPrefix("input ") {
                let relative = String(line.split(separator: " ")[1])
                let parts = relative.split(separator: "/")
                guard parts.count == 2, let run = RunID(text: String(parts[0])) else { continue }
                try take(path: area.archiveDirectory(run) + "/" + parts[1], name: String(parts[1]), cycle: holder.cycle,
                         corrections: corrections, sha256: RecordExplainer.sha256(of: line))
            }
            stateLabel = "none: a rerate starts the cycle's pools and usage empty and decides duplicates within the cycle"
        } else {
            // The state generation the run started from: that of the run before it.
            let previous = try area.committedRuns().last { $0 < holder.runID }
            var before = RunState()
            if let previous {
                let directory = area.stateDirectory(previous)
                guard FileSystem.isDirectory(directory) else {
                    throw IOFailure(path: directory, reason: "the state run \(holder.runID.text) started from is no longer kept "
                        + "(only the newest \(RecordExplainer.keptGenerations) generations are); explain a record of a later run, "
                        + "or rerate its cycle and explain it in the generation (--run G<n>)")
                }
                try StateChecksums.check(directory: directory, area: area)
                guard !DuplicateKeyFile.isOlderRelease(directory: directory + "/dupkeys") else {
                    throw IOFailure(path: directory + "/dupkeys", reason: "kept by an earlier release of cdrate; explain "
                        + "reads the call-identity form only: explain a record of a later run")
                }
                before = try RunState.load(from: directory)
                let keys = try DuplicateKeyFile(directory: directory + "/dupkeys")
                state.duplicateKeys = try keys.keys(imsis: imsiRange,
                                                    positions: try keys.position(ofIMSI: imsiRange.lowerBound)
                                                        ..< keys.position(ofIMSI: imsiRange.upperBound),
                                                    reservingExtra: 16)
                state.legacyDuplicateKeys = keys.legacy
                state.pools = before.pools.slice(imsis: imsiRange)
                state.ledger = before.ledger.slice(imsis: imsiRange)
                latestEarlierCreation = before.registry.latestCollectedCreation
                stateLabel = "state/\(previous.text) (pools, usage and duplicate keys of IMSI \(String(decoding: imsiField, as: UTF8.self)))"
            } else {
                stateLabel = "none: \(holder.runID.text) is the work area's first run"
            }
            if kind == "recycle" {
                // The store lines the run took (its archive), at the store lines the MANIFEST names.
                let path = area.archiveDirectory(holder.runID) + "/" + RecycleRun.archiveName
                let store = RejectStore(parsing: try FileSystem.read(path))
                let positions = manifest.filter { $0.hasPrefix("recycled line ") }
                    .compactMap { Int($0.split(separator: " ")[2]) }.map { $0 - 1 }
                var sourceIndex = [String: Int]()
                for (n, line) in store.lines.enumerated() where line.problem == nil && n < positions.count {
                    try line.bytes.withUnsafeBytes { (b: UnsafeRawBufferPointer) throws in
                        let x = RecordView(b)
                        let raw = x[RejectLayout.raw]
                        guard raw.elementsEqual(imsiField, range: DetailLayout.imsi) else { return }
                        let switchID = PackedText(x.text(RejectLayout.switchID))
                        let fileSeq = x.number(RejectLayout.fileSeq)!
                        let key = "\(switchID) \(fileSeq)"
                        if sourceIndex[key] == nil {
                            guard let created = before.registry.collected(switchID: switchID, sequence: fileSeq)?.created,
                                  let time = Timestamp(value: created) else {
                                throw IOFailure(path: path, reason: "no collected file \(switchID) \(fileSeq) in the registry")
                            }
                            sourceIndex[key] = sources.count
                            sources.append(DetailSource(switchID: switchID, fileSeq: fileSeq, created: time))
                        }
                        entries.append(raw: raw, source: sourceIndex[key]!, position: positions[n], recycled: recycled.count)
                        recycled.append(RecycledReject(attempts: x.number(RejectLayout.attempts)!,
                                                       firstRun: RunID(text: x.string(RejectLayout.firstRun)) ?? holder.runID))
                    }
                }
            } else {
                for line in manifest where line.hasPrefix("input ") {
                    let name = String(line.split(separator: " ")[1])
                    try take(path: area.archiveDirectory(holder.runID) + "/" + name, name: name, cycle: nil, corrections: [:],
                             sha256: RecordExplainer.sha256(of: line))
                }
            }
        }

        let processor = PartitionProcessor(reference: tables, runID: holder.runID, latestEarlierCreation: latestEarlierCreation)
        var trace = ExplainTrace(target: reference)
        _ = processor.process(entries, sources: sources, recycled: recycled, state: state, trace: &trace)
        let checker = RecordChecker(reference: tables, latestEarlierCreation: latestEarlierCreation)
        let diagnoses = trace.steps.map { step in
            step.reason == nil ? nil : checker.diagnose(step.raw, created: step.source.created)
        }
        return RecordExplanation(record: reference, holder: holder.label, holderDirectory: holder.directory, via: holder.via,
                                 kind: kind, stateBefore: stateLabel, tariffs: tariffs, reference: tables,
                                 steps: trace.steps, diagnoses: diagnoses, imsiRecords: entries.count,
                                 latestEarlierCreation: latestEarlierCreation)
    }

    /// The checksum an `input … sha256 H` line of a MANIFEST states.
    private static func sha256(of line: String) -> String? {
        let f = line.split(separator: " ")
        guard let i = f.firstIndex(of: "sha256"), i + 1 < f.count else { return nil }
        return String(f[i + 1])
    }

    /// State generations a work area keeps (`WorkArea.pruneState`).
    static let keptGenerations = 2

    /// The current state (for a rerate's pending corrections), or an empty one.
    private func currentState(_ area: WorkArea) throws -> RunState {
        guard let latest = try area.latestRun(), FileSystem.isDirectory(area.stateDirectory(latest)) else { return RunState() }
        return try RunState.load(from: area.stateDirectory(latest))
    }
}

extension UnsafeRawBufferPointer {
    /// Whether the bytes of `field` equal `bytes`.
    fileprivate func elementsEqual(_ bytes: [UInt8], range field: Field) -> Bool {
        RecordView(self)[field].elementsEqual(bytes)
    }
}
