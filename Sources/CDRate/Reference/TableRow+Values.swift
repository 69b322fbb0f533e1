/// Typed reading of a row's values, each check failing with a `ConfigurationError`
/// at the row's `file:line` that names the column and the value (SPEC section 3).
extension TableRow {
    // MARK: - Errors

    /// An error about this row.
    func error(_ problem: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, problem: problem)
    }

    /// `COLUMN "value"`, the way messages quote a value.
    func quoted(_ index: Int) -> String { "\(columns[index]) \"\(self[index])\"" }

    /// Whether column `index` holds `-`, the empty value.
    func isEmpty(_ index: Int) -> Bool { byteCount(index) == 1 && bytes(index).first == UInt8(ascii: "-") }

    // MARK: - Numbers

    /// A whole number in `range` written with digits only (no sign).
    func integer(_ index: Int, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let utf8 = bytes(index)
        guard !utf8.isEmpty, TableRow.all(utf8, ASCII.isDigit) else {
            throw error("\(quoted(index)) is not a whole number")
        }
        let value = TableRow.number(utf8)
        guard utf8.count <= 18, range.contains(value) else {
            throw error("\(quoted(index)) is out of range: must be \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A whole number in `range`, or nil for `-`.
    func optionalInteger(_ index: Int, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        if isEmpty(index) { return nil }
        return try integer(index, in: range)
    }

    // MARK: - Dates and times

    /// A calendar date `YYYYMMDD`.
    func date(_ index: Int) throws(ConfigurationError) -> Int {
        let utf8 = bytes(index)
        if utf8.count == 8, TableRow.all(utf8, ASCII.isDigit) {
            let value = TableRow.number(utf8)
            if CivilTime.isValidDate(value) { return value }
        }
        throw error("\(quoted(index)) is not a calendar date YYYYMMDD")
    }

    /// The validity `from…to` of columns `from` and `to` (`-` for an open end);
    /// `from` must not be after `to`.
    func validity(from: Int, to: Int) throws(ConfigurationError) -> ValidityPeriod {
        let first = try date(from)
        var last = Int.max
        if !isEmpty(to) { last = try date(to) }
        guard first <= last else {
            throw error("\(columns[to]) \(self[to]) is before \(columns[from]) \(self[from])")
        }
        return ValidityPeriod(from: first, to: last)
    }

    /// A clock time `HHMM` as minutes of the day; `2400` (1440) only when `allowEndOfDay`.
    func minuteOfDay(_ index: Int, allowEndOfDay: Bool) throws(ConfigurationError) -> Int {
        let utf8 = bytes(index)
        if utf8.count == 4, TableRow.all(utf8, ASCII.isDigit) {
            let value = TableRow.number(utf8)
            let hour = value / 100, minute = value % 100
            if hour < 24 && minute < 60 { return hour * 60 + minute }
            if allowEndOfDay && value == 2400 { return 1440 }
        }
        throw error("\(quoted(index)) is not a time HHMM (0000 to \(allowEndOfDay ? "2400" : "2359"), minutes below 60)")
    }

    // MARK: - Text

    /// A string of digits whose length is in `lengths`.
    func digitString(_ index: Int, lengths: ClosedRange<Int>) throws(ConfigurationError) -> [UInt8] {
        try checkDigits(index, lengths: lengths)
        return Array(bytes(index))
    }

    /// Checks that column `index` is a string of digits whose length is in `lengths`.
    func checkDigits(_ index: Int, lengths: ClosedRange<Int>) throws(ConfigurationError) {
        let utf8 = bytes(index)
        guard lengths.contains(utf8.count), TableRow.all(utf8, ASCII.isDigit) else {
            let size = lengths.count == 1 ? "\(lengths.lowerBound)" : "\(lengths.lowerBound) to \(lengths.upperBound)"
            throw error("\(quoted(index)) must be \(size) digits")
        }
    }

    /// The value of a string of digits whose length is in `lengths` (at most 18),
    /// for keys written with a fixed number of digits (`00011` and `11` are the same cell).
    func digitValue(_ index: Int, lengths: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        try checkDigits(index, lengths: lengths)
        return TableRow.number(bytes(index))
    }

    /// A code of 1 to `maxLength` characters `A`–`Z` or `0`–`9` (operators, partners).
    func code(_ index: Int, maxLength: Int) throws(ConfigurationError) -> PackedText {
        let utf8 = bytes(index)
        let ok = !utf8.isEmpty && utf8.count <= maxLength
            && TableRow.all(utf8) { ASCII.isDigit($0) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
        guard ok else {
            throw error("\(quoted(index)) must be 1 to \(maxLength) characters A-Z or 0-9")
        }
        return TableRow.packed(utf8)
    }

    /// A text of 1 to `maxLength` (at most 16) printable ASCII characters (ids, accounts).
    func text(_ index: Int, maxLength: Int) throws(ConfigurationError) -> PackedText {
        let utf8 = bytes(index)
        guard !utf8.isEmpty, utf8.count <= maxLength, TableRow.all(utf8, ASCII.isPrintable) else {
            throw error("\(quoted(index)) must be 1 to \(maxLength) printable ASCII characters")
        }
        return TableRow.packed(utf8)
    }

    /// A province: 2 letters `A`–`Z`.
    func province(_ index: Int) throws(ConfigurationError) -> PackedText {
        let utf8 = bytes(index)
        guard utf8.count == 2, TableRow.all(utf8, { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            throw error("\(quoted(index)) must be 2 letters A-Z")
        }
        return TableRow.packed(utf8)
    }

    /// One of the spellings `choices` (in the order messages list them).
    func keyword<Value>(_ index: Int, _ choices: [(String, Value)]) throws(ConfigurationError) -> Value {
        let word = self[index]
        for (name, value) in choices where name == word { return value }
        throw error("\(quoted(index)) is not one of \(choices.map(\.0).joined(separator: ", "))")
    }

    // MARK: - References

    /// An area code that must be listed in `areas.tbl`.
    func area(_ index: Int, in areas: AreaTable) throws(ConfigurationError) -> AreaID {
        let code = bytes(index)
        return try area(code.count <= 16 ? TableRow.packed(code) : nil, self[index], column: columns[index], in: areas)
    }

    /// The area code `code` of column `column`, which must be listed in `areas.tbl`.
    func area(_ code: String, column: String, in areas: AreaTable) throws(ConfigurationError) -> AreaID {
        try area(code.utf8.count <= 16 ? PackedText(code) : nil, code, column: column, in: areas)
    }

    /// The area `packed` (nil: longer than any area code), written `code` in column
    /// `column`, which must be listed in `areas.tbl`.
    private func area(_ packed: PackedText?, _ code: @autoclosure () -> String, column: String,
                      in areas: AreaTable) throws(ConfigurationError) -> AreaID {
        guard let packed, let id = areas.id(of: packed) else {
            throw error("\(column) \"\(code())\" is not an area of areas.tbl")
        }
        return id
    }

    // MARK: - Private

    /// The value of a run of at most 18 digits (checked by the caller).
    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.withUnsafeBufferPointer { bytes in
            var value = 0
            for byte in bytes.prefix(18) { value = value &* 10 &+ Int(byte &- ASCII.zero) }
            return value
        }
    }

    /// Whether every byte of `utf8` passes `test`.
    @inline(__always)
    static func all(_ utf8: ArraySlice<UInt8>, _ test: (UInt8) -> Bool) -> Bool {
        utf8.withUnsafeBufferPointer { $0.allSatisfy(test) }
    }

    /// `bytes` (at most 16) packed.
    @inline(__always)
    static func packed(_ bytes: ArraySlice<UInt8>) -> PackedText {
        bytes.withUnsafeBytes { PackedText($0) }
    }
}
