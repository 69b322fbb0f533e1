import CDRate
/// A row of `cells.tbl`: a cell whose own area differs from its switch's, or a border
/// cell whose BORDER areas count as home for their subscribers (SPEC section 5).
struct WorldCell: Sendable {
    /// The LAC (the serving switch's).
    let lac: Int
    /// The cell id, 5 digits.
    let cell: Int
    /// Index of the cell's own area.
    let area: Int
    /// Indices of the areas for which it is a border cell.
    let border: [Int]
    /// Index of the switch whose LAC it carries.
    let switchIndex: Int
    /// Why the row exists, written as the row's comment.
    let note: String
}
