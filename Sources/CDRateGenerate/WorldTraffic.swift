import CDRate
/// Splits a world's records over switches, days and files: every switch cuts one file a
/// day (more when a day holds more than `recordsPerFile` records), traffic follows the
/// areas' weights, weekends and the holiday carry a little less, and the planted records
/// go into the files of their switch and day.
///
/// Nightly (`cdrate generate --nights`), every day holds `records` records of its own,
/// split over its switches alone, its random records are numbered from the day's number
/// times `records`, and a file's previous one is of its own day: a night's files are a
/// pure function of its date and first sequence numbers, whether it is written alone or
/// with others.
struct WorldTraffic: Sendable {
    // MARK: - Stored properties

    /// Every file, by day, then switch, then part.
    let files: [WorldFile]
    /// Planted records that fit into the world.
    let plantedCount: Int

    // MARK: - Init

    /// A plan for `records` records in files of at most `recordsPerFile` (per day when
    /// `nightly`), sequence numbers of every switch from `firstSequence`.
    init(catalog: WorldCatalog, records: Int, recordsPerFile: Int, planted allPlanted: [WorldPlantedRecord],
         nightly: Bool = false, firstSequence: Int = 1) {
        // Planted records take at most half of a small world.
        let planted = Array(allPlanted.prefix(records / 2))
        plantedCount = planted.count
        let randomTotal = records - planted.count
        let days = catalog.days.count
        let switches = catalog.switches.count

        // Slot weights: area weight shared by its switches, times the day's weight.
        var weights = [Int](repeating: 0, count: days * switches)
        for d in 0..<days {
            let date = catalog.days[d]
            let quiet = CivilTime.weekday(ofDate: date) >= 5 || catalog.holidays.contains(date)
            for s in 0..<switches {
                let sw = catalog.switches[s]
                let areaWeight = catalog.areas[sw.area].weight * 1200 / catalog.switchesOfArea[sw.area].count
                weights[d * switches + s] = areaWeight * (quiet ? 8 : 10)
            }
        }
        var counts: [Int]
        if nightly {
            counts = []
            for d in 0..<days {
                counts += WorldTraffic.apportion(records, weights: Array(weights[(d * switches)..<((d + 1) * switches)]))
            }
        } else {
            counts = WorldTraffic.apportion(randomTotal, weights: weights)
        }

        var plantedOfSlot = [[WorldPlantedRecord]](repeating: [], count: days * switches)
        for p in planted { plantedOfSlot[p.dayIndex * switches + p.switchIndex].append(p) }
        for i in plantedOfSlot.indices { plantedOfSlot[i].sort { $0.start < $1.start } }

        var files: [WorldFile] = []
        var sequence = [Int](repeating: firstSequence - 1, count: switches)
        var previous = [Int?](repeating: nil, count: switches)
        var offset = 0
        for d in 0..<days {
            if nightly {
                offset = CivilTime.days(ofDate: catalog.days[d]) * records
                previous = [Int?](repeating: nil, count: switches)
            }
            for s in 0..<switches {
                let slot = d * switches + s
                let slotPlanted = plantedOfSlot[slot]
                let total = counts[slot] + slotPlanted.count
                let parts = max(1, (total + recordsPerFile - 1) / recordsPerFile)
                var plantedLeft = slotPlanted[...]
                for part in 0..<parts {
                    let size = total / parts + (part < total % parts ? 1 : 0)
                    let take = min(size, plantedLeft.count)
                    let mine = Array(plantedLeft.prefix(take))
                    plantedLeft = plantedLeft.dropFirst(take)
                    sequence[s] += 1
                    // Cut at 23:50 on the day, a few seconds apart per switch and part.
                    let epoch = CivilTime.days(ofDate: catalog.days[d]) * 86_400 + 23 * 3600 + 50 * 60 + s * 13 + part * 61
                    files.append(WorldFile(
                        switchIndex: s, dayIndex: d, sequence: sequence[s],
                        creation: WorldTraffic.timestamp(epoch: epoch), creationEpoch: epoch,
                        randomCount: size - take, randomOffset: offset, planted: mine, previous: previous[s]))
                    offset += size - take
                    previous[s] = files.count - 1
                }
            }
        }
        self.files = files
    }

    // MARK: - API

    /// `total` split over `weights` in proportion, by largest remainder (ties to the lower index).
    static func apportion(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var counts = weights.map { total * $0 / sum }
        var left = total - counts.reduce(0, +)
        let order = weights.indices.sorted {
            let a = total * weights[$0] % sum, b = total * weights[$1] % sum
            return a != b ? a > b : $0 < $1
        }
        var k = 0
        while left > 0 {
            counts[order[k % order.count]] += 1
            left -= 1
            k += 1
        }
        return counts
    }

    /// `YYYYMMDDHHMMSS` of a plain local time in seconds since 1970.
    static func timestamp(epoch: Int) -> Int {
        let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
        let seconds = epoch - days * 86_400
        return CivilTime.civilFromDays(days) * 1_000_000 + seconds / 3600 * 10000 + seconds / 60 % 60 * 100 + seconds % 60
    }
}
