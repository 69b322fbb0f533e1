#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SwitchFileReader {
    /// Hashes a file whose name already condemns it and returns it as quarantined with
    /// `reason`: its size and checksum still go into the registry, so the same file is
    /// not reported again in later runs. The file is read in chunks, never whole, and
    /// opened without blocking; `entry` names it by its own bytes in `directory`.
    public static func hashOnly(directory: String, entry: InboxEntry, reason: String) -> SwitchFileReadResult {
        let (fd, problem) = InboxEntry.cPath(directory, entry.bytes) { openRegularFile($0, naming: directory + "/" + entry.name) }
        if let problem { return .unreadable(problem) }
        defer { close(fd) }
        do {
            let digest = try FileDigest.sha256(descriptor: fd, path: directory + "/" + entry.name)
            return .quarantined(reason: reason, size: digest.bytes, sha256: digest.sha256)
        } catch {
            return .unreadable(error.description)
        }
    }
}
