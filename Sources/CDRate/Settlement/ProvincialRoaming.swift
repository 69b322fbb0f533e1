/// Roaming charges of own subscribers by province, `PROV.dat` (SPEC section 10): the
/// `AIR` and `RTOLL` blocks of `R` records with status `P` or `N`, per (home province,
/// visited province, component); every such block counts, also at zero.
public struct ProvincialRoaming: Sendable {
    /// The sums of one line: blocks, quantity (seconds) and gross and discount.
    public private(set) var tallies: [ProvinceKey: CategoryTotal] = [:]
    private let areas: AreaTable

    /// A tally whose provinces come from `areas`.
    public init(areas: AreaTable) { self.areas = areas }

    /// Adds the roaming blocks of one `R` record of the cycle; `source` names it for a message.
    ///
    /// - Throws: `ConfigurationError` when its home or current area is not in `areas.tbl`.
    public mutating func add(_ call: RatedCall, source: @autoclosure () -> String) throws(ConfigurationError) {
        guard call.status == UInt8(ascii: "P") || call.status == UInt8(ascii: "N") else { return }
        if let block = call.block1 { try add(block, of: call, source) }
        if let block = call.block2 { try add(block, of: call, source) }
    }

    /// The file, lines in byte order of their keys, and its totals.
    ///
    /// - Throws: `IOFailure` when a sum does not fit its field.
    public func file() throws(IOFailure) -> (file: RecordBuffer, gross: Int, net: Int) {
        let name = "PROV.dat"
        var out = RecordBuffer(name: name)
        var gross = 0, net = 0
        for key in tallies.keys.sorted(by: ProvinceKey.fileOrder) {
            let t = tallies[key]!
            try out.append(ProvinceLayout.layout) { w throws(IOFailure) in
                w.text(ProvinceLayout.homeProvince, key.home)
                w.text(ProvinceLayout.visitedProvince, key.visited)
                w.text(ProvinceLayout.component, key.component.name)
                try w.checkedNumber(ProvinceLayout.blocks, t.count, in: name)
                try w.checkedNumber(ProvinceLayout.quantity, t.quantity, in: name)
                try w.checkedNumber(ProvinceLayout.gross, t.gross, in: name)
                try w.checkedNumber(ProvinceLayout.net, t.net, in: name)
            }
            gross = gross.addingSaturated(t.gross)
            net = net.addingSaturated(t.net)
        }
        return (out, gross, net)
    }

    // MARK: - Private

    /// Adds `block` of `call` when it is an `AIR` or `RTOLL` block.
    private mutating func add(_ block: RatedBlock, of call: RatedCall, _ source: () -> String) throws(ConfigurationError) {
        guard block.component == .air || block.component == .rtoll else { return }
        let key = ProvinceKey(home: try province(of: call.homeArea, "home", source),
                              visited: try province(of: call.currentArea, "current", source), component: block.component)
        tallies[key, default: CategoryTotal()].add(quantity: call.duration, gross: block.gross, discount: block.discount)
    }

    /// The province of the area written `code`.
    private func province(of code: PackedText, _ which: String, _ source: () -> String) throws(ConfigurationError) -> PackedText {
        guard let id = areas.id(of: code) else {
            throw ConfigurationError(file: "areas.tbl", line: 0,
                                     problem: "the \(which) area '\(code)' of the rated record at \(source()) is not listed")
        }
        return areas[id].province
    }
}
