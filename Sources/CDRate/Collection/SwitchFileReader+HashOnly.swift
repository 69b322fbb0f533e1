extension SwitchFileReader {
    /// Hashes a file whose name already condemns it and returns it as quarantined with
    /// `reason`: its size and checksum still go into the registry, so the same file is
    /// not reported again in later runs.
    public static func hashOnly(path: String, reason: String) -> SwitchFileReadResult {
        do {
            let bytes = try FileSystem.read(path)
            return .quarantined(reason: reason, size: bytes.count, sha256: bytes.withUnsafeBytes { raw in
                var h = SHA256()
                h.update(raw)
                return SHA256.hex(h.finalize())
            })
        } catch {
            return .unreadable(error.description)
        }
    }
}
