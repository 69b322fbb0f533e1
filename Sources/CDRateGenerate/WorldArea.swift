import CDRate
/// A long-distance area of the synthetic world, with its numbering blocks (SPEC section 3,
/// `areas.tbl` and `numbering.tbl`).
struct WorldArea: Sendable {
    /// The area code without the trunk `0`, as written in the tables (`10`, `755`).
    let code: String
    /// The area code as a number.
    let codeValue: Int
    /// Digits in the area code.
    let codeDigits: Int
    /// The 2-letter province.
    let province: String
    /// The city name (no spaces).
    let name: String
    /// Relative share of subscribers and traffic.
    let weight: Int
    /// The operator of the fixed lines of the area (`CU` in the north, `CT` in the south).
    let fixedOperator: String
    /// Digits of a local fixed-line number (7 or 8).
    let localDigits: Int
    /// The own (CU) mobile blocks, 7-digit normalized prefixes (`8613010`).
    let cuBlocks: [Int]
    /// China Mobile's blocks of the area.
    let cmBlocks: [Int]
    /// China Telecom's blocks of the area.
    let ctBlocks: [Int]
    /// The normalized fixed-line prefix (`8610`, `86755`).
    let fixedPrefix: Int

    /// An area; `block` is the two digits shared by its mobile blocks (`10` → `8613010`).
    init(_ code: String, _ province: String, _ name: String, weight: Int, block: Int,
         fixedOperator: String, localDigits: Int) {
        self.code = code
        codeValue = Int(code)!
        codeDigits = code.count
        self.province = province
        self.name = name
        self.weight = weight
        self.fixedOperator = fixedOperator
        self.localDigits = localDigits
        // CU's 130 and 186 ranges, CM's 138/139, CT's 189/133; big cities get a second CU block.
        cuBlocks = weight >= 9 ? [8_613_000 + block, 8_618_600 + block] : [8_613_000 + block]
        cmBlocks = [8_613_800 + block, 8_613_900 + block]
        ctBlocks = [8_618_900 + block, 8_613_300 + block]
        var prefix = 86
        for _ in 0..<codeDigits { prefix *= 10 }
        fixedPrefix = prefix + codeValue
    }

    /// 10^localDigits, to append a local number to the fixed prefix.
    var localRange: Int { localDigits == 8 ? 100_000_000 : 10_000_000 }
}
