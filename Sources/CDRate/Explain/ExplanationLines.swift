/// Text for an 80-column terminal: each line added is wrapped at spaces so that no
/// line is longer than `width`; continuation lines are indented two more.
struct ExplanationLines {
    /// The widest line.
    static let width = 80
    private(set) var lines: [String] = []

    /// A section title.
    mutating func title(_ text: String) {
        if !lines.isEmpty { lines.append("") }
        add(text, indent: 0)
    }

    /// A line at `indent` spaces, wrapped.
    mutating func add(_ text: String, indent: Int = 2) {
        var rest = Substring(text)
        var pad = String(repeating: " ", count: indent)
        while true {
            let room = ExplanationLines.width - pad.count
            if rest.count <= room {
                lines.append(pad + rest)
                return
            }
            let cut = rest.prefix(room + 1).lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil }
                ?? rest.index(rest.startIndex, offsetBy: room)
            lines.append(pad + rest[..<cut])
            rest = rest[cut...].drop { $0 == " " }
            if rest.isEmpty { return }
            pad = String(repeating: " ", count: indent + 2)
        }
    }

    /// `label` padded to `labelWidth`, then `text`, wrapped under the text.
    mutating func field(_ label: String, _ text: String, labelWidth: Int = 12, indent: Int = 2) {
        let head = String(repeating: " ", count: indent) + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + " "
        let room = ExplanationLines.width - head.count
        var rest = Substring(text)
        var first = true
        repeat {
            let prefix = first ? head : String(repeating: " ", count: head.count)
            if rest.count <= room {
                lines.append(prefix + rest)
                break
            }
            let cut = rest.prefix(room + 1).lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil }
                ?? rest.index(rest.startIndex, offsetBy: room)
            lines.append(prefix + rest[..<cut])
            rest = rest[cut...].drop { $0 == " " }
            first = false
        } while !rest.isEmpty
    }
}
