/// What a rated shard says of itself (`SHARD`): its night, its place, the state it
/// continued, its counters and the sizes of its files (a truncated file is refused).
public struct ShardRecord: Sendable {
    /// The night's run id.
    public var night: RunID
    /// The shard.
    public var shard: ShardSpec
    /// The run whose state it continued.
    public var previous: RunID?
    /// The reference digest (`NightRecord.referenceDigest`).
    public var reference: String
    /// Its counters.
    public var counters: RunCounters
    /// Its files (relative to the shard directory) and their sizes.
    public var files: [(name: String, bytes: Int)]

    /// The record's text.
    public var text: String {
        var t = "night \(night.text)\nshard \(shard.index) of \(shard.count)\nprevious \(previous?.text ?? "none")\n"
        t += "reference \(reference)\n"
        for f in files { t += "file \(f.bytes) \(f.name)\n" }
        t += counters.shardText
        return t
    }

    /// A record.
    public init(night: RunID, shard: ShardSpec, previous: RunID?, reference: String, counters: RunCounters,
                files: [(name: String, bytes: Int)]) {
        self.night = night
        self.shard = shard
        self.previous = previous
        self.reference = reference
        self.counters = counters
        self.files = files
    }

    /// Reads `path`; nil when it is not a shard record.
    public init?(path: String) {
        guard let bytes = try? FileSystem.read(path) else { return nil }
        var night: RunID?, shard: ShardSpec?, previous: RunID?, previousSeen = false, reference: String?
        var files = [(name: String, bytes: Int)]()
        var counterLines = [Substring]()
        for line in StateText.lines(bytes) {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            switch parts[0] {
            case "night": night = RunID(text: value)
            case "shard":
                let f = value.split(separator: " ")
                if f.count == 3, f[1] == "of", let k = Int(f[0]), let n = Int(f[2]) { shard = ShardSpec(index: k, count: n) }
            case "previous":
                previous = RunID(text: value)
                previousSeen = value == "none" || previous != nil
            case "reference": reference = value
            case "file":
                let f = value.split(separator: " ", maxSplits: 1)
                if f.count == 2, let n = Int(f[0]) { files.append((String(f[1]), n)) }
            default: counterLines.append(line)
            }
        }
        guard let night, let shard, previousSeen, let reference, let counters = RunCounters(shardLines: counterLines) else {
            return nil
        }
        self.init(night: night, shard: shard, previous: previous, reference: reference, counters: counters, files: files)
    }
}
