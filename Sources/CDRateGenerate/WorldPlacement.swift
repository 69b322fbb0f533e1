import CDRate
/// Who is where on a day: the switch where an ordinary subscriber or a roamer spends a
/// day, a pure function of the seed, the subject and the date (its day number), so a
/// subscriber's records of a day come from one place (and one of its area's switches),
/// random traffic does not trip the fraud rules by accident, and nothing is stored: a
/// call of a switch draws its subject by rejection (`CallSynthesizer`).
enum WorldPlacement {
    /// The switch where roamer `r` spends the day numbered `day` (days since 1970): one of its area's.
    @inline(__always)
    static func switchOf(roamer r: Int, day: Int, catalog: WorldCatalog, roamers: WorldRoamers, seed: UInt64) -> Int {
        let switches = catalog.switchesOfArea[roamers.area(r)]
        if switches.count == 1 { return switches[0] }
        let h = SplitMix64.mix(seed ^ 0x7777, UInt64(r) << 16 | UInt64(day & 0xFFFF))
        return switches[Int(h % UInt64(switches.count))]
    }

    /// The switch where subscriber `s` spends the day numbered `day`: at home 88% of days,
    /// roaming in its province 6% (when the province has other areas), elsewhere in the
    /// country 6% (big cities and neighbouring areas first); one of the area's switches.
    @inline(__always)
    static func switchOf(subscriber s: Int, day: Int, catalog: WorldCatalog,
                         subscribers: WorldSubscribers, seed: UInt64) -> Int {
        let h = SplitMix64.mix(seed ^ 0x91ACE, UInt64(s) << 16 | UInt64(day & 0xFFFF))
        let home = subscribers.home(s)
        var area = home
        let p = Int(h % 1000)
        if p >= 880 && p < 940 {
            let peers = catalog.provincePeers[home]
            if !peers.isEmpty { area = peers[Int((h >> 12) % UInt64(peers.count))] }
        } else if p >= 940 {
            let q = Int((h >> 12) % 100)
            let others = catalog.otherProvinces[home]
            let near = catalog.nationalNeighbours[home]
            if q < 40 {
                let big = catalog.bigCities[Int((h >> 20) % UInt64(catalog.bigCities.count))]
                area = catalog.areas[big].province == catalog.areas[home].province ? others[Int((h >> 28) % UInt64(others.count))] : big
            } else if q < 60 && !near.isEmpty {
                area = near[Int((h >> 20) % UInt64(near.count))]
            } else {
                area = others[Int((h >> 20) % UInt64(others.count))]
            }
        }
        let switches = catalog.switchesOfArea[area]
        return switches[Int((h >> 40) % UInt64(switches.count))]
    }
}
