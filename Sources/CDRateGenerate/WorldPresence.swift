import CDRate
/// Who is where on each day of the generated week: for each day and switch, the
/// ordinary subscribers and roamers located there. Records of a switch's file are drawn
/// from its lists, so a subscriber's records of a day come from one place (and one of
/// its area's switches) and random traffic does not trip the fraud rules by accident.
struct WorldPresence: Sendable {
    // MARK: - Stored properties

    /// `[day][switch]` → own subscriber indices (planted roles excluded).
    let subscribersAt: [[[Int32]]]
    /// `[day][switch]` → roamer indices (reserved roamers excluded).
    let roamersAt: [[[Int32]]]

    // MARK: - Init

    /// The presence lists of every day.
    init(catalog: WorldCatalog, subscribers: WorldSubscribers, roamers: WorldRoamers, seed: UInt64) {
        var subs = [[[Int32]]]()
        var visitors = [[[Int32]]]()
        for day in catalog.days.indices {
            var lists = [[Int32]](repeating: [], count: catalog.switches.count)
            for s in PlantedRole.allCases.count..<subscribers.count {
                let sw = WorldPresence.placement(subscriber: s, day: day, catalog: catalog,
                                                 subscribers: subscribers, seed: seed)
                lists[sw].append(Int32(s))
            }
            subs.append(lists)
            var roaming = [[Int32]](repeating: [], count: catalog.switches.count)
            for r in WorldRoamers.reserved..<roamers.count {
                roaming[WorldPresence.placement(roamer: r, day: day, catalog: catalog, roamers: roamers, seed: seed)]
                    .append(Int32(r))
            }
            visitors.append(roaming)
        }
        subscribersAt = subs
        roamersAt = visitors
    }

    // MARK: - API

    /// The switch where roamer `r` spends day `day`: one of its area's.
    static func placement(roamer r: Int, day: Int, catalog: WorldCatalog, roamers: WorldRoamers, seed: UInt64) -> Int {
        let switches = catalog.switchesOfArea[Int(roamers.area[r])]
        let h = SplitMix64.mix(seed ^ 0x7777, UInt64(r) << 8 | UInt64(day))
        return switches[Int(h % UInt64(switches.count))]
    }

    /// The switch where subscriber `s` spends day `day`: at home 88% of days, roaming in
    /// its province 6% (when the province has other areas), elsewhere in the country 6%
    /// (big cities and neighbouring areas first); one of the area's switches.
    static func placement(subscriber s: Int, day: Int, catalog: WorldCatalog,
                          subscribers: WorldSubscribers, seed: UInt64) -> Int {
        let h = SplitMix64.mix(seed ^ 0x91ACE, UInt64(s) << 4 | UInt64(day))
        let home = Int(subscribers.home[s])
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
