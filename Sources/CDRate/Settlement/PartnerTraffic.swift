/// The `V` records of one roaming partner in a cycle, as they were read, with their
/// sums (SPEC section 10, `ROAM_<PARTNER>.dat`).
public struct PartnerTraffic: Sendable {
    /// The records (160 bytes each, no LF), back to back, in reading order.
    public private(set) var records: [UInt8] = []
    /// The number of records held, the trailer's `V` record count.
    public private(set) var count = 0
    /// Sum of the durations.
    public private(set) var durationSum = 0
    /// Sum of the volumes.
    public private(set) var volumeSum = 0
    /// Sum of the charges, li.
    public private(set) var chargeSum = 0

    /// A partner's traffic before its first `V` record of the cycle.
    public init() {}

    /// Adds one record with its duration, volume and charge.
    public mutating func add(_ line: UnsafeRawBufferPointer, duration: Int, volume: Int, charge: Int) {
        records.append(contentsOf: line)
        count += 1
        durationSum = durationSum.addingSaturated(duration)
        volumeSum = volumeSum.addingSaturated(volume)
        chargeSum = chargeSum.addingSaturated(charge)
    }

    /// The indices of the records in canonical order (SPEC section 5: IMSI, start time,
    /// switch, file seq, record seq; text keys as bytes, the fixed-width sequence
    /// numbers as numbers), reading order among equals.
    public func canonicalOrder() -> [Int] {
        let width = RoamerLayout.layout.width
        let keys = [RoamerLayout.imsi, RoamerLayout.start, RoamerLayout.switchID, RoamerLayout.fileSeq, RoamerLayout.recordSeq]
        return records.withUnsafeBytes { all in
            func compare(_ a: Int, _ b: Int) -> Bool {
                for field in keys {
                    let x = UnsafeRawBufferPointer(rebasing: all[(a * width + field.offset)..<(a * width + field.offset + field.width)])
                    let y = UnsafeRawBufferPointer(rebasing: all[(b * width + field.offset)..<(b * width + field.offset + field.width)])
                    let c = ByteField.compare(x, y)
                    if c != 0 { return c < 0 }
                }
                return a < b
            }
            return Array(0..<count).sorted(by: compare)
        }
    }
}
