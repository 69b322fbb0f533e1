/// One used component block of an `R` record (SPEC section 8: component, class,
/// units, rate, gross, discount), as the bill run reads it.
public struct RatedBlock: Sendable, Equatable {
    /// The component charged in the block, which with `tariffClass` gives its bill category.
    public let component: Component
    /// The class the block was rated under, which with `component` gives its bill category.
    public let tariffClass: TariffClass
    /// The bill category the block falls in (SPEC section 10).
    public let category: BillCategory
    /// The block's gross in li, `units × RATE`.
    public let gross: Int
    /// The block's discount in li, FREE, FAMILY and PCT together, at most `gross`.
    public let discount: Int

    /// A block; nil when `tariffClass` is not a class of `component`.
    public init?(component: Component, tariffClass: TariffClass, gross: Int, discount: Int) {
        guard let category = BillCategory(component: component, tariffClass: tariffClass) else { return nil }
        self.component = component
        self.tariffClass = tariffClass
        self.category = category
        self.gross = gross
        self.discount = discount
    }

    /// The block's net, gross − discount.
    @inline(__always) public var net: Int { gross - discount }

    /// Reads the block whose fields are `component`, `tariffClass`, `gross` and
    /// `discount` of `view`; nil when the block is unused (blank component).
    ///
    /// - Throws: `RecordRefusal` for an unknown component, a class that is not one of
    ///   the component's, or amounts that are not all digits.
    static func read(_ view: RecordView, component componentField: Field, tariffClass classField: Field,
                     gross grossField: Field, discount discountField: Field) throws(RecordRefusal) -> RatedBlock? {
        let componentText = view.text(componentField)
        if componentText.isEmpty { return nil }
        guard componentText.count <= 16, let component = componentNames[PackedText(componentText)] else {
            throw RecordRefusal(recordType: "R", field: componentField.name, position: componentField.position,
                                reason: "'\(view.string(componentField))' is not a component (AIR, TOLL, RTOLL, SMS, DATA)")
        }
        let classText = view.text(classField)
        let tariffClass = classText.count <= 16 ? classNames[PackedText(classText)] : nil
        guard let gross = view.number(grossField), let discount = view.number(discountField), discount <= gross else {
            throw RecordRefusal(recordType: "R", field: grossField.name, position: grossField.position,
                                reason: "gross and discount must be digits, with discount at most gross")
        }
        guard let tariffClass,
            let block = RatedBlock(component: component, tariffClass: tariffClass, gross: gross, discount: discount)
        else {
            throw RecordRefusal(recordType: "R", field: classField.name, position: classField.position,
                                reason: "'\(view.string(classField))' is not a class of \(component.name)")
        }
        return block
    }

    // MARK: - Private

    /// Components by their record spelling.
    private static let componentNames: [PackedText: Component] = Dictionary(
        uniqueKeysWithValues: Component.allCases.map { (PackedText($0.name.description), $0) })

    /// Tariff classes by their record spelling.
    private static let classNames: [PackedText: TariffClass] = Dictionary(
        uniqueKeysWithValues: TariffClass.allCases.map { (PackedText($0.name.description), $0) })
}
