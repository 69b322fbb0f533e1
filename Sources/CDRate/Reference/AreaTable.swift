/// An index into `AreaTable.areas`; areas are referred to by index on the hot path.
public typealias AreaID = Int

/// A long-distance area of `areas.tbl`.
public struct Area: Sendable {
    /// The area code without the trunk `0`, 1–4 digits.
    public let code: PackedText
    /// Its province, 2 letters.
    public let province: PackedText
    /// Its `NAME`, for people; no rule reads it.
    public let name: String

    /// An area with its code, province and name as `areas.tbl` lists them.
    public init(code: PackedText, province: PackedText, name: String) {
        self.code = code
        self.province = province
        self.name = name
    }
}

/// `areas.tbl`: area codes and provinces (SPEC section 3).
public struct AreaTable: Sendable {
    /// Every area, in table order; `AreaID` indexes this.
    public let areas: [Area]
    private let index: [PackedText: AreaID]

    /// A table of `areas` (codes unique: the loader checks).
    public init(areas: [Area]) {
        self.areas = areas
        var index: [PackedText: AreaID] = [:]
        for (i, a) in areas.enumerated() { index[a.code] = i }
        self.index = index
    }

    /// The area whose code is `code`.
    @inline(__always) public func id(of code: PackedText) -> AreaID? { index[code] }

    /// The area `id`.
    @inline(__always) public subscript(id: AreaID) -> Area { areas[id] }
}
