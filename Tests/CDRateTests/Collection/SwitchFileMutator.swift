@testable import CDRate
@testable import CDRateGenerate

/// Turns valid switch files into fuzz cases (docs/operations.md, "Reliability"): bit
/// flips, truncation, inserted and deleted bytes, CRLF, NUL, very long lines, wrong
/// headers and trailers, binary noise, detail fields full of noise or of nines with the
/// trailer recomputed (valid files whose records are odd), and for gzip files: members
/// cut anywhere and concatenated, empty members, lying ISIZE or CRC-32, trailing
/// garbage, bad magic, raw bit flips and truncation, and bombs beyond the case's limit.
/// A pure function of its seed, so a failing case can be replayed.
struct SwitchFileMutator {
    /// A valid switch file to start from.
    struct Seed {
        /// The switch id of its name.
        var switchID: String
        /// The date of its name, `YYYYMMDD`.
        var date: String
        /// Its sequence number.
        var sequence: Int
        /// Its inflated content.
        var content: [UInt8]

        /// The file name, plain or gzip.
        func name(gzip: Bool) -> String {
            let seq = String(sequence)
            return "\(switchID)_\(date)_" + String(repeating: "0", count: 6 - seq.count) + seq + (gzip ? ".cdr.gz" : ".cdr")
        }
    }

    /// One case: a file to read and the inflated-size limit to read it with.
    struct Case {
        /// Its name (a valid name: the name check is not what is fuzzed).
        var name: String
        /// Its bytes.
        var bytes: [UInt8]
        /// What was done to it.
        var mutation: String
        /// The gzip limit to read it with.
        var maxInflatedBytes: Int
    }

    /// The limit of ordinary cases: far above any case but the bombs.
    static let ordinaryLimit = 64 << 20
    /// The limit of bomb cases.
    static let bombLimit = 256 << 10

    private var random: SplitMix64

    /// A mutator drawing from `seed`.
    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    // MARK: - API

    /// A new case from `seed`.
    mutating func mutate(_ seed: Seed) -> Case {
        let gzip = random.chance(perMille: 500)
        var content = seed.content
        var steps = [String]()
        let rounds = random.chance(perMille: 200) ? random.between(2, 3) : 1
        for _ in 0..<rounds { steps.append(mutateContent(&content, seed)) }
        var limit = Self.ordinaryLimit
        var bytes = content
        if gzip {
            bytes = members(content)
            if random.chance(perMille: 400) {
                let (what, mutated, caseLimit) = mutateGzip(bytes, content: content)
                steps.append(what)
                bytes = mutated
                limit = caseLimit
            }
        } else if random.chance(perMille: 30) {
            steps.append("gzip bytes in a plain file")
            bytes = CollectionFixtures.gzip(content)
        }
        return Case(name: seed.name(gzip: gzip), bytes: bytes, mutation: steps.joined(separator: ", "), maxInflatedBytes: limit)
    }

    // MARK: - Content mutations

    private mutating func mutateContent(_ c: inout [UInt8], _ seed: Seed) -> String {
        let lines = c.count / 161
        switch random.below(22) {
        case 0:
            let k = random.between(1, 8)
            for _ in 0..<k where !c.isEmpty { c[random.below(c.count)] ^= UInt8(1 << random.below(8)) }
            return "\(k) bit flips"
        case 1:
            let at = random.below(c.count + 1)
            c.removeSubrange(at...)
            return "truncated at \(at)"
        case 2:
            let at = random.below(c.count + 1), n = random.between(1, 32)
            c.insert(contentsOf: (0..<n).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: at)
            return "\(n) bytes inserted at \(at)"
        case 3:
            guard !c.isEmpty else { return "nothing to delete" }
            let at = random.below(c.count), n = min(random.between(1, 400), c.count - at)
            c.removeSubrange(at..<(at + n))
            return "\(n) bytes deleted at \(at)"
        case 4:
            let all = random.chance(perMille: 300)
            var out = [UInt8]()
            for b in c {
                if b == 10 && (all || random.chance(perMille: 100)) { out.append(13) }
                out.append(b)
            }
            c = out
            return all ? "CRLF everywhere" : "some CRLF"
        case 5:
            let k = random.between(1, 4)
            for _ in 0..<k where !c.isEmpty { c[random.below(c.count)] = 0 }
            return "\(k) NUL bytes"
        case 6:
            let n = random.chance(perMille: 200) ? random.between(100_000, 300_000) : random.between(161, 5000)
            let at = random.below(lines + 1) * 161
            c.insert(contentsOf: (0..<n).map { _ in UInt8(0x20 + random.below(95)) } + [10], at: min(at, c.count))
            return "a \(n)-byte line at \(at)"
        case 7:
            return wrongHeader(&c, seed)
        case 8:
            return wrongTrailer(&c)
        case 9:
            if random.chance(perMille: 300) {
                c = (0..<random.below(2000)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                return "all binary noise"
            }
            guard !c.isEmpty else { return "no noise" }
            let at = random.below(c.count), n = min(random.between(1, 300), c.count - at)
            for i in at..<(at + n) { c[i] = UInt8(truncatingIfNeeded: random.next()) }
            return "\(n) bytes of noise at \(at)"
        case 10, 11, 12, 13:
            return fieldNoise(&c, recomputeTrailer: random.chance(perMille: 850))
        case 14:
            return nines(&c)
        case 15:
            guard lines > 2 else { return "no detail to retype" }
            let line = random.between(1, lines - 2)
            c[line * 161] = UInt8(0x20 + random.below(95))
            return "line \(line + 1) retyped '\(Character(Unicode.Scalar(c[line * 161])))'"
        case 16:
            guard lines > 2 else { return "no detail to duplicate" }
            let line = random.between(1, lines - 2)
            c.insert(contentsOf: c[(line * 161)..<((line + 1) * 161)], at: line * 161)
            if random.chance(perMille: 700) { recomputeTrailer(&c) }
            return "line \(line + 1) twice"
        case 17:
            guard lines > 2 else { return "no detail to drop" }
            let line = random.between(1, lines - 2)
            c.removeSubrange((line * 161)..<((line + 1) * 161))
            if random.chance(perMille: 700) { recomputeTrailer(&c) }
            return "line \(line + 1) dropped"
        case 18:
            guard lines >= 2 else { return "no lines to swap" }
            let a = random.below(lines), b = random.below(lines)
            let la = Array(c[(a * 161)..<((a + 1) * 161)]), lb = Array(c[(b * 161)..<((b + 1) * 161)])
            c.replaceSubrange((a * 161)..<((a + 1) * 161), with: lb)
            c.replaceSubrange((b * 161)..<((b + 1) * 161), with: la)
            return "lines \(a + 1) and \(b + 1) swapped"
        case 19:
            switch random.below(3) {
            case 0:
                c = []
                return "empty content"
            case 1:
                c = Array(c.prefix(161))
                return "header only"
            default:
                guard lines >= 2 else { return "too short for no details" }
                c = Array(c.prefix(161)) + Array(c.suffix(161))
                recomputeTrailer(&c)
                return "no details"
            }
        case 20:
            if c.last == 10 { c.removeLast() }
            return "no final LF"
        default:
            return "unchanged"
        }
    }

    private mutating func wrongHeader(_ c: inout [UInt8], _ seed: Seed) -> String {
        guard c.count >= 161 else { return "no header to break" }
        func put(_ text: String, at offset: Int) {
            for (i, b) in text.utf8.enumerated() { c[offset + i] = b }
        }
        switch random.below(7) {
        case 0: put("X", at: 0); return "header type X"
        case 1: put("OTHERSW   ", at: 1); return "header switch OTHERSW"
        case 2: put(" " + seed.switchID.prefix(9) + String(repeating: " ", count: 9 - min(9, seed.switchID.count)), at: 1); return "header switch shifted"
        case 3: put(String(format6(seed.sequence + 1)), at: 11); return "header seq + 1"
        case 4:
            let times = ["20261332000000", "20260230120000", "20261005246000", "09991005120000", "2026100512000 ", "00000000000000"]
            let t = times[random.below(times.count)]
            put(t, at: 17)
            return "header time '\(t)'"
        case 5: put("CDR2", at: 31); return "header version CDR2"
        default:
            c.removeSubrange(0..<161)
            return "header removed"
        }
    }

    private mutating func wrongTrailer(_ c: inout [UInt8]) -> String {
        guard c.count >= 322 else { return "no trailer to break" }
        let t = (c.count / 161 - 1) * 161
        func put(_ text: String, at offset: Int) {
            for (i, b) in text.utf8.enumerated() where t + offset + i < c.count { c[t + offset + i] = b }
        }
        switch random.below(7) {
        case 0: put("99999999", at: 1); return "trailer count 99999999"
        case 1: put("0000000x", at: 1); return "trailer count not digits"
        case 2: put("999999999999", at: 9); return "trailer duration sum wrong"
        case 3: put("99999999999999", at: 21); return "trailer volume sum wrong"
        case 4:
            c.removeSubrange(t...)
            return "trailer removed"
        case 5:
            c += c[t...]
            return "two trailers"
        default:
            c += c[161..<322]
            return "a detail after the trailer"
        }
    }

    /// Random fields of random details replaced by random printable text of the same
    /// width (digits most of the time, so that some pass); the trailer recomputed the
    /// SPEC way when asked, so the file stays valid and the records reach the checks.
    private mutating func fieldNoise(_ c: inout [UInt8], recomputeTrailer recompute: Bool) -> String {
        let lines = c.count / 161
        guard lines > 2, c.count % 161 == 0 else { return "no details for field noise" }
        let fields = DetailLayout.layout.fields.filter { $0.name != "type" }
        let k = random.between(1, 6)
        var names = [String]()
        for _ in 0..<k {
            let line = random.between(1, lines - 2), field = fields[random.below(fields.count)]
            let style = random.below(5)
            for i in field.range {
                let byte: UInt8
                switch style {
                case 0: byte = UInt8(0x20 + random.below(95))                      // any printable
                case 1: byte = UInt8(0x30 + random.below(10))                      // digits
                case 2: byte = i == field.offset ? UInt8(ascii: "+") : UInt8(0x30 + random.below(10))
                case 3: byte = random.chance(perMille: 500) ? 0x20 : UInt8(0x30 + random.below(10))
                default: byte = 0x20                                               // blank
                }
                c[line * 161 + i] = byte
            }
            names.append(field.name)
        }
        if recompute { recomputeTrailer(&c) }
        return "field noise in \(names.joined(separator: " "))" + (recompute ? " (trailer recomputed)" : "")
    }

    /// Every numeric field of some details at its largest (duration 999999, volume
    /// 9999999999, ...), the trailer recomputed: sums and charges at their extremes.
    private mutating func nines(_ c: inout [UInt8]) -> String {
        let lines = c.count / 161
        guard lines > 2, c.count % 161 == 0 else { return "no details for nines" }
        for line in 1..<(lines - 1) where random.chance(perMille: 500) {
            for field in [DetailLayout.duration, DetailLayout.volume, DetailLayout.recordSeq, DetailLayout.lac, DetailLayout.cell] {
                for i in field.range { c[line * 161 + i] = UInt8(ascii: "9") }
            }
        }
        recomputeTrailer(&c)
        return "nines in numeric fields"
    }

    /// Rewrites the last line's count and sums from the details (non-digits count 0).
    private func recomputeTrailer(_ c: inout [UInt8]) {
        let lines = c.count / 161
        guard lines >= 2, c.count % 161 == 0 else { return }
        var durations = 0, volumes = 0
        for line in 1..<(lines - 1) {
            durations += SwitchFileModel.digits(c[(line * 161 + 103)..<(line * 161 + 109)]) ?? 0
            volumes += SwitchFileModel.digits(c[(line * 161 + 109)..<(line * 161 + 119)]) ?? 0
        }
        let t = (lines - 1) * 161
        for (offset, width, value) in [(1, 8, lines - 2), (9, 12, durations), (21, 14, volumes)] {
            let text = Array(String(value).utf8)
            guard text.count <= width else { continue }
            for i in 0..<width { c[t + offset + i] = i < width - text.count ? UInt8(ascii: "0") : text[i - (width - text.count)] }
        }
    }

    // MARK: - gzip

    /// `content` as one to five gzip members cut at random bytes, some of them empty.
    private mutating func members(_ content: [UInt8]) -> [UInt8] {
        let count = random.chance(perMille: 700) ? 1 : random.between(2, 5)
        var cuts = (0..<(count - 1)).map { _ in random.below(content.count + 1) }.sorted()
        cuts = [0] + cuts + [content.count]
        var out = [UInt8]()
        for i in 0..<count { out += CollectionFixtures.gzip(Array(content[cuts[i]..<cuts[i + 1]])) }
        return out
    }

    private mutating func mutateGzip(_ raw: [UInt8], content: [UInt8]) -> (String, [UInt8], Int) {
        var g = raw
        let limit = Self.ordinaryLimit
        switch random.below(10) {
        case 0:
            let k = random.between(1, 4)
            for _ in 0..<k { g[random.below(g.count)] ^= UInt8(1 << random.below(8)) }
            return ("\(k) raw bit flips", g, limit)
        case 1:
            let at = random.below(g.count)
            return ("raw truncated at \(at)", Array(g[..<at]), limit)
        case 2:
            let garbage: [UInt8]
            switch random.below(4) {
            case 0: garbage = [0]
            case 1: garbage = Array(repeating: 0, count: random.between(2, 512))
            case 2: garbage = [0x1F]
            default: garbage = (0..<random.between(1, 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            }
            return ("\(garbage.count) trailing bytes", g + garbage, limit)
        case 3:
            g[g.count - 4 + random.below(4)] &+= UInt8(random.between(1, 255))
            return ("lying ISIZE", g, limit)
        case 4:
            g[g.count - 8 + random.below(4)] &+= UInt8(random.between(1, 255))
            return ("lying CRC-32", g, limit)
        case 5:
            g[random.below(2)] ^= 0xFF
            return ("bad magic", g, limit)
        case 6:
            return ("gzip of the gzip", CollectionFixtures.gzip(raw), limit)
        case 7:
            return ("plain content named .gz", content, limit)
        default:
            return bomb(content)
        }
    }

    /// A well-formed file that inflates beyond `bombLimit` (details repeated, trailer
    /// right), or exactly to its own size as the limit (which is allowed).
    private mutating func bomb(_ content: [UInt8]) -> (String, [UInt8], Int) {
        guard content.count >= 3 * 161, content.count % 161 == 0 else {
            return ("no bomb from this content", CollectionFixtures.gzip(content), Self.ordinaryLimit)
        }
        let detail = Array(content[161..<322])
        var c = Array(content.prefix(161))
        let copies = (Self.bombLimit / 161) + random.between(1, 500)
        c.reserveCapacity((copies + 2) * 161)
        for _ in 0..<copies { c += detail }
        c += content.suffix(161)
        recomputeTrailer(&c)
        if random.chance(perMille: 200) {
            return ("inflates to exactly its limit of \(c.count) bytes", CollectionFixtures.gzip(c), c.count)
        }
        return ("a bomb of \(c.count) bytes beyond \(Self.bombLimit)", CollectionFixtures.gzip(c), Self.bombLimit)
    }

    private func format6(_ n: Int) -> String {
        let s = String(n % 1_000_000)
        return String(repeating: "0", count: 6 - s.count) + s
    }
}
