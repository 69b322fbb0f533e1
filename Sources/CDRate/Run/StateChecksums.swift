/// The checksum list of a state generation (SPEC section 9, state integrity):
/// `state/<RUN>/SHA256SUMS`, one line per file of the generation, `<sha256>  <path>`
/// with the path relative to the generation, in byte order of the paths: the format of
/// `sha256sum`, so `sha256sum -c SHA256SUMS` run in the generation checks it too. The
/// generation's directory names the run that wrote it.
///
/// Every command that reads state checks the current generation against its list
/// first; a file that differs, is missing or is not listed stops it (exit 5), naming
/// the file and the last generation that is still sound. The duplicate-key files
/// (`dupkeys/*.bin`) and the period files of pools and usage (`pools/*.txt`,
/// `usage/*.txt`) are only checked to be there: each is checked against its checksum
/// when a command reads it (`DuplicateKeySegments`, `StatePeriods`), so a night reads
/// only the key segments and periods its records need; `verify` checks them all. A generation written before
/// SPEC v1.3 (no list, and its duplicate keys in `keys.bin` or `pNN.bin`) is read
/// unchecked; the next run's generation has its list.
///
/// A key segment or period file carried unchanged from the previous generation (a hard
/// link) carries its checksum too: the list of the new generation takes it from the previous list
/// rather than reading the file again.
public enum StateChecksums {
    /// The list's name in a generation.
    public static let fileName = "SHA256SUMS"

    /// Writes the list of every file under `directory` (a generation being committed);
    /// the files of `carried` (relative path to checksum: files linked unchanged from the
    /// previous generation) are listed with the checksum given, not read.
    public static func write(directory: String, carried: [String: String] = [:]) throws(IOFailure) {
        var text = ""
        for file in try files(in: directory) {
            var sum = carried[file]
            if sum == nil { sum = try FileDigest.sha256(path: directory + "/" + file).sha256 }
            text += sum! + "  " + file + "\n"
        }
        try FileSystem.write(directory + "/" + fileName, Array(text.utf8), sync: false)
    }

    /// The checksums the list of the generation at `directory` gives, by relative path;
    /// nil when it has no list (a generation of a release before SPEC v1.3). Lines that
    /// are not checksum lines are left out (`problems` names them).
    public static func listed(directory: String) -> [String: String]? {
        guard let list = try? FileSystem.read(directory + "/" + fileName) else { return nil }
        var listed = [String: String]()
        for line in StateText.lines(list) {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 64, parts[1].hasPrefix(" "), parts[1].count > 1,
                  parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { continue }
            listed[String(parts[1].dropFirst())] = String(parts[0])
        }
        return listed
    }

    /// What is wrong with the generation at `directory` against its list; empty when
    /// sound, or when it was written by a release before SPEC v1.3. With
    /// `deferringKeyFiles`, the duplicate-key files and period files are only checked to
    /// be there (their readers check their content).
    public static func problems(directory: String, deferringKeyFiles: Bool = false) -> [StateError] {
        let listPath = directory + "/" + fileName
        guard FileSystem.exists(listPath) else {
            if isEarlierRelease(directory) { return [] }
            return [StateError(file: listPath, line: 0, problem: "missing (every generation of this release has one)")]
        }
        guard let list = try? FileSystem.read(listPath) else { return [StateError(file: listPath, line: 0, problem: "unreadable")] }
        var listed = [String: String]()
        var problems = [StateError]()
        for (n, line) in StateText.lines(list).enumerated() {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 64, parts[1].hasPrefix(" "), parts[1].count > 1,
                  parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                problems.append(StateError(file: listPath, line: n + 1, problem: "not a checksum line"))
                continue
            }
            listed[String(parts[1].dropFirst())] = String(parts[0])
        }
        let present = (try? files(in: directory)) ?? []
        for file in present where listed[file] == nil {
            problems.append(StateError(file: directory + "/" + file, line: 0, problem: "not listed in \(fileName)"))
        }
        for (file, sum) in listed.sorted(by: { $0.key < $1.key }) {
            let path = directory + "/" + file
            guard FileSystem.isRegularFile(path) else {
                problems.append(StateError(file: path, line: 0, problem: "missing (\(fileName) lists it)"))
                continue
            }
            if deferringKeyFiles && (DuplicateKeySegments.isKeyFile(file) || StatePeriods.isPeriodFile(file)) { continue }
            guard let actual = try? FileDigest.sha256(path: path) else {
                problems.append(StateError(file: path, line: 0, problem: "unreadable"))
                continue
            }
            if actual.sha256 != sum {
                problems.append(StateError(file: path, line: 0,
                                           problem: "its SHA-256 differs from \(fileName) (changed after the run that wrote it committed)"))
            }
        }
        return problems
    }

    /// Checks the generation `directory` of `area` before a command reads it: throws a
    /// `StateError` naming the first damaged file and the newest other generation of
    /// `area` that is sound (or that none is kept).
    public static func check(directory: String, area: WorkArea) throws(StateError) {
        let found = problems(directory: directory, deferringKeyFiles: true)
        guard let first = found.first else { return }
        throw refusal(first, more: found.count - 1, directory: directory, area: area)
    }

    /// Runs `body`, which reads the generation `directory` of `area`; a damaged file it
    /// finds as it reads (`IOFailure.damagedState`: a key segment whose checksum differs)
    /// comes out as `refusal` words it, any other failure as it is.
    public static func refusingDamage<T>(directory: String?, area: WorkArea,
                                         _ body: () throws(IOFailure) -> T) throws -> T {
        let result = Result { () throws(IOFailure) -> T in try body() }
        if case .failure(let failure) = result, failure.damagedState {
            throw refusal(failure, directory: directory ?? "", area: area)
        }
        return try result.get()
    }

    /// The refusal of a damaged file of the generation `directory` of `area` found while
    /// reading it (a key segment whose checksum differs, `IOFailure.damagedState`): as
    /// `check` words it.
    public static func refusal(_ failure: IOFailure, directory: String, area: WorkArea) -> StateError {
        refusal(StateError(file: failure.path, line: 0, problem: failure.reason), more: 0, directory: directory, area: area)
    }

    private static func refusal(_ first: StateError, more: Int, directory: String, area: WorkArea) -> StateError {
        var sound = "no sound generation is kept"
        let name = String(directory.split(separator: "/").last ?? "")
        let others = ((try? FileSystem.list(area.stateDirectory)) ?? []).compactMap { RunID(text: $0) }
            .filter { $0.text != name }.sorted(by: >)
        for run in others where problems(directory: area.stateDirectory(run)).isEmpty {
            sound = "the last sound generation is \(area.stateDirectory(run)) (run \(run.text))"
            break
        }
        return StateError(file: first.file, line: first.line, problem: first.problem
            + (more > 0 ? " (and \(more) more)" : "") + "; \(sound); see 'Damaged state' in docs/operations.md")
    }

    // MARK: - Private

    /// The generation's files, relative, in byte order (the list itself left out).
    private static func files(in directory: String) throws(IOFailure) -> [String] {
        var result = [String]()
        func walk(_ relative: String) throws(IOFailure) {
            let path = relative.isEmpty ? directory : directory + "/" + relative
            for name in try FileSystem.list(path) {
                let child = relative.isEmpty ? name : relative + "/" + name
                if FileSystem.isDirectory(directory + "/" + child) {
                    try walk(child)
                } else if child != fileName {
                    result.append(child)
                }
            }
        }
        try walk("")
        return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// A generation of a release before SPEC v1.3 (its list missing): its keys in
    /// `keys.bin` or `pNN.bin`, or no key file at all (nothing kept), rather than
    /// `calls.bin` or segments.
    private static func isEarlierRelease(_ directory: String) -> Bool {
        guard FileSystem.exists(directory + "/meta.txt") else { return false }
        let keys = directory + "/dupkeys"
        if DuplicateKeyFile.isOlderRelease(directory: keys) { return true }
        let names = (try? FileSystem.list(keys)) ?? []
        return !names.contains { $0 == DuplicateKeyFile.fileName || DuplicateKeySegments.date(ofSegment: $0) != nil }
    }
}
