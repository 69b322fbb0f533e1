/// `VELOCITY` (SPEC section 7): the IMSI's preceding record of any type is located in
/// another province and the starts are less than PARAM × 60 s apart. The location is
/// the province of the cell's own area (or the MSC's), before the border rule
/// (`Location.networkArea`). Value: floor(seconds apart / 60).
public struct VelocityRule: Sendable {
    // MARK: - Stored properties

    /// `PARAM`: the window in minutes, 0 = disabled.
    public let parameter: Int
    /// Province of each area, by `AreaID`, read once.
    private let provinces: [PackedText]
    /// Area code of each area, by `AreaID`.
    private let codes: [PackedText]
    /// The IMSI's preceding record: its start in epoch seconds and its area.
    private var previous: (start: Int, area: AreaID)?

    // MARK: - Init

    /// The rule with its `fraud.tbl` parameter, reading provinces from `areas`.
    public init(parameter: Int, areas: AreaTable) {
        self.parameter = parameter
        provinces = areas.areas.map(\.province)
        codes = areas.areas.map(\.code)
    }

    // MARK: - API

    /// Forgets the preceding record (a new IMSI).
    @inline(__always)
    public mutating func reset() { previous = nil }

    /// Looks at the IMSI's next record in canonical order; the finding when it is flagged.
    @inline(__always)
    public mutating func check(_ record: PreparedRecord) -> FraudFinding? {
        guard parameter > 0 else { return nil }
        let start = record.start.epochSeconds
        let area = record.location.networkArea
        let before = previous
        previous = (start, area)
        guard let prev = before else { return nil }
        let apart = start - prev.start
        guard apart < parameter * 60 else { return nil }
        guard provinces[prev.area] != provinces[area] else { return nil }
        let minutes = apart / 60
        // `<prov> <area> to <prov> <area> in <n> min`, the previous location first.
        var finding = FraudFinding(value: minutes)
        finding.append(provinces[prev.area])
        finding.append(byte: ASCII.space)
        finding.append(codes[prev.area])
        finding.append(" to ")
        finding.append(provinces[area])
        finding.append(byte: ASCII.space)
        finding.append(codes[area])
        finding.append(" in ")
        finding.append(number: minutes)
        finding.append(" min")
        return finding
    }
}
