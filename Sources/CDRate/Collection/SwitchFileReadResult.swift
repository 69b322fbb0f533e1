/// What reading one inbox file gave (SPEC sections 1 and 2).
public enum SwitchFileReadResult: Sendable, Equatable {
    /// The file passed every file-level check.
    case good(CheckedSwitchFile)
    /// A file-level check failed: the file is quarantined, with an alarm, and nothing
    /// of it is rated. `size` and `sha256` are those of the raw file, for the registry.
    case quarantined(reason: String, size: Int, sha256: String)
    /// The file could not be read (open or read error); the message names the path and
    /// the system's reason. The file is neither collected nor quarantined.
    case unreadable(String)
    /// The raw copy could not be written to the archive path; the message names the
    /// path and the system's reason. Nothing was decided about the file.
    case archiveFailed(String)
    /// The detail records streamed out of the file could not be written where they were
    /// handed (the run's spill files): the run cannot go on.
    case detailsFailed(IOFailure)

    /// The same outcome (failures to write details compare by their message).
    public static func == (a: SwitchFileReadResult, b: SwitchFileReadResult) -> Bool {
        switch (a, b) {
        case (.good(let x), .good(let y)): return x == y
        case (.quarantined(let r1, let s1, let h1), .quarantined(let r2, let s2, let h2)):
            return r1 == r2 && s1 == s2 && h1 == h2
        case (.unreadable(let x), .unreadable(let y)): return x == y
        case (.archiveFailed(let x), .archiveFailed(let y)): return x == y
        case (.detailsFailed(let x), .detailsFailed(let y)): return x.description == y.description
        default: return false
        }
    }
}
