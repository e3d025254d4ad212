/// A label compared and ordered by its Unicode scalars, as Python and NumPy do (Swift's `String`
/// would treat "é" and "e\u{301}" as equal; scikit-learn does not).
struct LabelKey: Hashable, Comparable {
    let text: String
    let scalars: [UInt32]

    init(_ text: String) {
        self.text = text
        scalars = text.unicodeScalars.map(\.value)
    }

    static func == (lhs: LabelKey, rhs: LabelKey) -> Bool { lhs.scalars == rhs.scalars }
    func hash(into hasher: inout Hasher) { hasher.combine(scalars) }
    static func < (lhs: LabelKey, rhs: LabelKey) -> Bool { lhs.scalars.lexicographicallyPrecedes(rhs.scalars) }
}
