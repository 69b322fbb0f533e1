import CDRate

/// The `--name value` (or `--name=value`) options of one command line, checked against
/// the options the command accepts. A missing value, an unknown option or a stray word is a usage
/// error (exit 2) naming the problem.
struct ParsedOptions {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []
    /// Whether `--help` was given.
    let wantsHelp: Bool

    /// Parses `arguments` (after the command word); `valued` take a value, `switches` do not.
    init(_ arguments: [String], valued: Set<String>, switches: Set<String> = []) throws(RunFailure) {
        var help = false
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--help" || a == "-h" {
                help = true
                i += 1
                continue
            }
            guard a.hasPrefix("--") else { throw .usage("unexpected argument '\(a)'") }
            // `--name=value` is `--name value` written as one word.
            let equals = a.firstIndex(of: "=")
            let option = equals.map { String(a[..<$0]) } ?? a
            let name = String(option.dropFirst(2))
            if switches.contains(name) {
                if equals != nil { throw .usage("option '\(option)' takes no value") }
                flags.insert(name)
                i += 1
                continue
            }
            guard valued.contains(name) else { throw .usage("unknown option '\(option)'") }
            let value: String
            if let equals {
                value = String(a[a.index(after: equals)...])
                i += 1
            } else {
                guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") else {
                    throw .usage("option '\(option)' needs a value")
                }
                value = arguments[i + 1]
                i += 2
            }
            // An empty value would silently mean the current or the root directory
            // (`--work ""` would put runs/ and state/ at /).
            if value.isEmpty { throw .usage("option '\(option)' needs a value, not an empty one") }
            if values[name] != nil { throw .usage("option '\(option)' given twice") }
            values[name] = value
        }
        wantsHelp = help
    }

    /// The value of `--name`, or `fallback`.
    func value(_ name: String, default fallback: String) -> String { values[name] ?? fallback }

    /// The value of `--name`, or nil.
    func value(_ name: String) -> String? { values[name] }

    /// Whether the switch `--name` was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of `--name` as a positive integer, or `fallback`.
    func positiveInt(_ name: String, default fallback: Int) throws(RunFailure) -> Int {
        guard let text = values[name] else { return fallback }
        guard let n = Int(text), n > 0 else { throw .usage("option '--\(name)' needs a positive whole number, not '\(text)'") }
        return n
    }
}

extension ParsedOptions {
    /// Splits `arguments` into the one word that is no option nor an option's value,
    /// wherever it stands (`cdrate report --work /srv/var R0000001` as well as `cdrate
    /// report R0000001 --work …`), and the rest, parsed; a second such word stays in the
    /// rest, where parsing refuses it.
    static func withTarget(_ arguments: [String], valued: Set<String>) throws(RunFailure) -> (target: String?, options: ParsedOptions) {
        var rest = [String]()
        var target: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a.hasPrefix("--") || a == "-h" {
                rest.append(a)
                if valued.contains(String(a.dropFirst(2))), i + 1 < arguments.count {
                    rest.append(arguments[i + 1])
                    i += 1
                }
            } else if target == nil {
                target = a
            } else {
                rest.append(a)
            }
            i += 1
        }
        return (target, try ParsedOptions(rest, valued: valued))
    }
}
