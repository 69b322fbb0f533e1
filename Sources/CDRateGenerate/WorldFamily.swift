import CDRate
/// The family numbers of one subscriber (at most the two other members of a 3-member
/// account and a fixed line), without an allocation.
struct WorldFamily: Sendable {
    /// How many numbers there are.
    private(set) var count = 0
    private var numbers: (Int, Int, Int) = (0, 0, 0)

    /// Number `i` (`0..<count`), normalized.
    subscript(i: Int) -> Int {
        switch i {
        case 0: return numbers.0
        case 1: return numbers.1
        default: return numbers.2
        }
    }

    /// All of them, in order.
    var all: [Int] { (0..<count).map { self[$0] } }

    /// Adds a number (at most three).
    mutating func append(_ n: Int) {
        switch count {
        case 0: numbers.0 = n
        case 1: numbers.1 = n
        default: numbers.2 = n
        }
        count += 1
    }
}
