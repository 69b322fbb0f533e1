import CDRate
import CDRateGenerate
import XCTest

/// The key file's entry order (IMSI, unknown first, then the whole digest) from the
/// packed sort, including keys that agree on the IMSI and the digest's leading bits.
final class DuplicateKeyStoreOrderTests: XCTestCase {
    func testEntriesAreInIMSIThenDigestOrder() {
        var generator = SplitMix64(seed: 11)
        var store = DuplicateKeyStore()
        var expected: [(imsiField: UInt64, digest: UInt128)] = []
        // Digests drawn from few leading values, so that many tie on their top 46 bits,
        // for three IMSIs and for keys of unknown IMSI.
        let leading: [UInt128] = [0, 1 << 100, (1 << 127) | (1 << 90)]
        for n in 0..<3_000 {
            let digest = leading[n % 3] | UInt128(generator.next() & 0xFFFF_FFFF) << UInt128(generator.next() % 2 == 0 ? 0 : 40) | 1
            let imsi: Int? = n % 4 == 0 ? nil : 460_010_000_000_000 + n % 3
            if expected.contains(where: { $0.digest == digest }) { continue }
            store.insert(DuplicateKey(digest: digest), DuplicateOrigin(switchID: PackedText("BJMSC01"), fileSeq: 1, recordSeq: n,
                                                                        startDate: 20_260_924, imsi: imsi))
            expected.append((imsi.map { UInt64($0) + 1 } ?? 0, digest))
        }
        expected.sort { ($0.imsiField, $0.digest) < ($1.imsiField, $1.digest) }
        let bytes = store.serialized()
        XCTAssertEqual(bytes.count, expected.count * DuplicateKeyStore.entrySize)
        let read: [(imsiField: UInt64, digest: UInt128)] = bytes.withUnsafeBytes { all in
            (0..<expected.count).map { i in
                let at = i * DuplicateKeyStore.entrySize
                let low = UInt64(littleEndian: all.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                let high = UInt64(littleEndian: all.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
                let imsi = UInt64(littleEndian: all.loadUnaligned(fromByteOffset: at + 40, as: UInt64.self))
                return (imsi, UInt128(high) << 64 | UInt128(low))
            }
        }
        XCTAssertTrue(read.elementsEqual(expected) { $0.imsiField == $1.imsiField && $0.digest == $1.digest })
    }
}
