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
}
