/// Carries the duplicate keys of a work area written before SPEC v1.3 (`keys.bin` or
/// `pNN.bin`: keys of the older form, IMSI + call type + start + other party +
/// duration + volume) over into the call-identity form, on the first run that reads
/// them.
///
/// An older-form key cannot be turned into the new form from its digest alone, so each
/// is traced back to the record it was made from: the archived files of its switch and
/// file seq (every collected copy, in registry order) and the store lines recycle runs
/// archived are read, each record's older-form digest is computed, and a record whose
/// digest is a kept key gives that key's new form, with the record's IMSI, duration and
/// volume. A key that no archived record matches (an archive removed by hand) is kept
/// in the older form and looked up in both forms until it expires.
///
/// The migrated `calls.bin` is written into the command's scratch space and read as the
/// previous generation's keys; the run then writes its own generation from it as usual.
/// Nothing of the committed state changes before the commit, so a crash leaves the older
/// generation as it was and the next run migrates again, to the same bytes.
struct DuplicateKeyMigration {
    /// The previous generation's `dupkeys/` directory.
    var keys: String
    /// The work area whose archive the keys are traced in.
    var area: WorkArea
    /// The collection registry of the previous generation.
    var registry: CollectionRegistry

    /// What the migration did.
    struct Outcome {
        /// Keys carried over into the new form.
        var migrated = 0
        /// Keys no archived record matched, kept in the older form.
        var kept = 0
    }

    /// Writes the migrated `calls.bin` into `directory`.
    func run(into directory: String) throws(IOFailure) -> Outcome {
        let older = try DuplicateKeyFile(directory: keys).allKeys()
        var wanted = [UInt128: DuplicateOrigin]()
        wanted.reserveCapacity(older.count)
        var files = Set<String>()
        older.forEach { digest, origin in
            wanted[digest] = origin
            files.insert(DuplicateKeyMigration.fileKey(origin.switchID, origin.fileSeq))
        }
        var migrated = DuplicateKeyStore(capacity: older.count)
        var outcome = Outcome()

        // A record of the archive: when its older-form key is kept, its new form replaces it.
        func consider(_ raw: UnsafeRawBufferPointer) {
            let d = RecordView(raw)
            guard let callType = d.number(DetailLayout.callType), (1...6).contains(callType),
                  let imsi = d.number(DetailLayout.imsi),
                  let duration = d.number(DetailLayout.duration), let volume = d.number(DetailLayout.volume),
                  volume <= FieldChecks.maximumVolume else { return }
            let other = ByteField.trimmed(d[DetailLayout.otherParty])
            let older = DuplicateKey.legacy(raw: raw, other: other).digest
            guard let origin = wanted.removeValue(forKey: older == 0 ? 1 : older) else { return }
            migrated.insert(DuplicateKey(raw: raw, other: other), DuplicateOrigin(
                switchID: origin.switchID, fileSeq: origin.fileSeq, recordSeq: origin.recordSeq,
                startDate: origin.startDate, imsi: imsi, measures: (duration, volume)))
            outcome.migrated += 1
        }

        for entry in registry.entries where entry.status == .collected {
            guard !wanted.isEmpty else { break }
            guard let switchID = entry.switchID, let seq = entry.sequence,
                  files.contains(DuplicateKeyMigration.fileKey(switchID, seq)),
                  let name = SwitchFileName.parse(entry.name) else { continue }
            let path = area.archiveDirectory(entry.run) + "/" + entry.name
            guard FileSystem.exists(path) else { continue }
            let result = SwitchFileReader.read(path: path, name: name, archiveTo: nil, details: { (records, _) throws(IOFailure) in
                let width = DetailLayout.width
                for k in 0..<(records.count / width) {
                    consider(UnsafeRawBufferPointer(rebasing: records[(k * width)..<((k + 1) * width)]))
                }
            })
            if case .detailsFailed(let failure) = result { throw failure }
        }
        // Rejects rated by recycle runs, corrected raw parts included.
        for run in try area.committedRuns() where !wanted.isEmpty {
            let path = area.archiveDirectory(run) + "/" + RecycleRun.archiveName
            guard FileSystem.exists(path) else { continue }
            for line in RejectStore(parsing: try FileSystem.read(path)).lines where line.problem == nil {
                line.bytes.withUnsafeBytes { consider(RecordView($0)[RejectLayout.raw]) }
            }
        }
        for (digest, origin) in wanted.sorted(by: { $0.key < $1.key }) {
            migrated.add(digest: digest, origin: origin)
            outcome.kept += 1
        }
        try FileSystem.makeDirectories(directory)
        try FileSystem.write(directory + "/" + DuplicateKeyFile.fileName, migrated.serialized(), sync: false)
        return outcome
    }

    private static func fileKey(_ switchID: PackedText, _ seq: Int) -> String { "\(switchID) \(seq)" }
}
