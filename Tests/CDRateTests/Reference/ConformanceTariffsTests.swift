import XCTest
@testable import CDRate

/// The conformance kit's tables (`/work/shared/conformance/Tariffs`, outside the project)
/// load without error and give the lookups the kit's data implies. Skipped where the
/// kit is absent, as in a user's clone.
final class ConformanceTariffsTests: XCTestCase {
    /// The kit's tables, only when `make conformance` names the kit (`CDRATE_CONFORMANCE`).
    private static let directory = (ProcessInfo.processInfo.environment["CDRATE_CONFORMANCE"] ?? "/nonexistent") + "/Tariffs"

    private func loadKit() throws -> ReferenceData {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: Self.directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw XCTSkip("no conformance kit at \(Self.directory)")
        }
        return try ReferenceData.load(directory: Self.directory)
    }

    func testKitLoadsAndSpotChecks() throws {
        let data = try loadKit()
        func area(_ code: String) -> AreaID? { data.areas.id(of: PackedText(code)) }
        func route(_ number: String) -> Route? { Array(number.utf8).withUnsafeBytes { data.numbering.route($0) } }
        func partner(_ imsi: String) -> PartnerPrefix? { Array(imsi.utf8).withUnsafeBytes { data.partners.match(imsi: $0) } }

        XCTAssertEqual(data.network.ownOperator, PackedText("CU"))
        XCTAssertEqual(data.network.countryCode, Array("86".utf8))
        XCTAssertEqual(data.network.maxAgeDays, 60)
        XCTAssertEqual(data.checksums.count, 18)

        let cm = route("8613810123456")
        XCTAssertEqual(cm?.carrier, PackedText("CM"))
        XCTAssertEqual(cm?.area, area("10"))
        XCTAssertEqual(cm?.kind, .mobile)
        XCTAssertEqual(route("85261234567")?.zone, .gat)
        XCTAssertEqual(route("85261234567")?.kind, .international)
        XCTAssertEqual(route("8615600123456")?.area, area("311"))

        let csl = partner("454001234567890")
        XCTAssertEqual(csl?.partner, PackedText("CSLHK"))
        XCTAssertEqual(csl?.highUsageLimit, 30000)
        XCTAssertNil(partner("460010000000001"))

        // Cell 10201/00021 is in area 10 and a border cell for 312 and 22.
        XCTAssertEqual(data.cells.cell(lac: 10201, cell: 21)?.border, [area("312")!, area("22")!])
        XCTAssertEqual(data.mscs.area(of: PackedText("SZMSC01")), area("755"))

        // The mid-month price cut of TOLL INTRA PEAK, and the ALL fallback of TOLL GAT.
        XCTAssertEqual(data.tariff.rate(component: .toll, tariffClass: .intra, band: .peak, date: 20260919)?.rate, 70)
        XCTAssertEqual(data.tariff.rate(component: .toll, tariffClass: .intra, band: .peak, date: 20260920)?.rate, 60)
        XCTAssertEqual(data.tariff.rate(component: .toll, tariffClass: .gat, band: .peak, date: 20260921)?.rate, 200)
        XCTAssertEqual(data.tariff.rate(component: .toll, tariffClass: .gat, band: .peak, date: 20260916)?.rate, 250)

        // 2026-09-25 (a Friday) is MidAutumn.
        XCTAssertEqual(data.timeBands.dayType(of: 20260925), .holiday)
        XCTAssertEqual(data.timeBands.band(of: Timestamp(value: 20260924_120000)!), .peak)
        XCTAssertEqual(data.timeBands.band(of: Timestamp(value: 20260925_120000)!), .off)

        let subscriber = data.subscribers.subscriber(imsi: 460_010_000_000_001)
        XCTAssertEqual(subscriber?.familyNumbers, [Array("8613011000001".utf8), Array("861062345678".utf8)])
        XCTAssertEqual(data.subscribers.subscriber(imsi: 460_010_000_000_005)?.highUsageLimit, 3000)

        let p88 = data.plans.id(of: PackedText("P88"))!
        XCTAssertEqual(data.discounts.cap(plan: p88, component: .toll, date: 20260930)?.value, 120000)
        let f58 = data.plans.id(of: PackedText("F58"))!
        XCTAssertNil(data.discounts.cap(plan: f58, component: .toll, date: 20260930))

        XCTAssertEqual(data.interconnect.rate(carrier: PackedText("CT"), direction: .incoming, kind: .toll, date: 20260910)?.unit, 6)
        XCTAssertEqual(data.fraud[.imeiChange], 3)
        XCTAssertEqual(Array("2348012345".utf8).withUnsafeBytes { data.hotList.match($0) }?.name, Array("NigeriaPremium".utf8))
    }
}
