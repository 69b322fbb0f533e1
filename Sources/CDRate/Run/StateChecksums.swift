/// The checksum list of a state generation (SPEC section 9, state integrity):
/// `state/<RUN>/SHA256SUMS`, one line per file of the generation, `<sha256>  <path>`
/// with the path relative to the generation, in byte order of the paths: the format of
/// `sha256sum`, so `sha256sum -c SHA256SUMS` run in the generation checks it too. The
/// generation's directory names the run that wrote it.
///
/// Every command that reads state checks the current generation against its list
/// first; a file that differs, is missing or is not listed stops it (exit 5), naming
/// the file and the last generation that is still sound. A generation written before
/// SPEC v1.3 (no list, and its duplicate keys in `keys.bin` or `pNN.bin` rather than
/// `calls.bin`) is read unchecked; the next run's generation has its list.
public enum StateChecksums {
    /// The list's name in a generation.
    public static let fileName = "SHA256SUMS"

    /// Writes the list of every file under `directory` (a generation being committed).
    public static func write(directory: String) throws(IOFailure) {
        var text = ""
        for file in try files(in: directory) {
            text += try FileDigest.sha256(path: directory + "/" + file).sha256 + "  " + file + "\n"
        }
        try FileSystem.write(directory + "/" + fileName, Array(text.utf8), sync: false)
    }

    /// What is wrong with the generation at `directory` against its list; empty when
    /// sound, or when it was written by a release before SPEC v1.3.
    public static func problems(directory: String) -> [StateError] {
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
        let found = problems(directory: directory)
        guard let first = found.first else { return }
        var sound = "no sound generation is kept"
        let name = String(directory.split(separator: "/").last ?? "")
        let others = ((try? FileSystem.list(area.stateDirectory)) ?? []).compactMap { RunID(text: $0) }
            .filter { $0.text != name }.sorted(by: >)
        for run in others where problems(directory: area.stateDirectory(run)).isEmpty {
            sound = "the last sound generation is \(area.stateDirectory(run)) (run \(run.text))"
            break
        }
        throw StateError(file: first.file, line: first.line, problem: first.problem
            + (found.count > 1 ? " (and \(found.count - 1) more)" : "") + "; \(sound); see 'Damaged state' in docs/operations.md")
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

    /// A generation of a release before SPEC v1.3: no list, no `calls.bin`.
    private static func isEarlierRelease(_ directory: String) -> Bool {
        !FileSystem.exists(directory + "/dupkeys/" + DuplicateKeyFile.fileName)
            && FileSystem.exists(directory + "/meta.txt")
    }
}
