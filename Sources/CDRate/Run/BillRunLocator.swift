/// Finds a bill run from what an operator types: a directory, or a `B0000001` id
/// looked up in every cycle of the work area (ambiguous when two cycles have it).
public enum BillRunLocator {
    /// The directories a target names: itself if it is a directory, else every
    /// `bills/<cycle>/<target>` of the work area, oldest cycle first.
    public static func candidates(_ target: String, work: String) -> [String] {
        if FileSystem.isDirectory(target) { return [target] }
        let bills = WorkArea(root: work).billsDirectory
        guard target.count == 8, target.first == "B", let cycles = try? FileSystem.list(bills) else { return [] }
        return cycles.map { bills + "/" + $0 + "/" + target }.filter { FileSystem.isDirectory($0) }
    }

    /// The one directory `target` names, or a usage error saying why not; an id needs
    /// `work` to be a work area (else `RunFailure.notAWorkArea`, exit 3).
    public static func locate(_ target: String, work: String) throws(RunFailure) -> String {
        if !FileSystem.isDirectory(target) { try WorkArea(root: work).requireExisting() }
        let found = candidates(target, work: work)
        if found.count == 1 { return found[0] }
        if found.isEmpty { throw .usage("no bill run '\(target)' in work area \(work)") }
        throw .usage("'\(target)' exists in several cycles (\(found.joined(separator: ", "))): give its directory")
    }
}
