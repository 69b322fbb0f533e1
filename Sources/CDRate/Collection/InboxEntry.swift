#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of the inbox as the directory holds it (SPEC section 2): its name's
/// bytes, which may be any but `/` and NUL, and the escaped text that stands for them
/// in the registry, the logs and the alarms, so that a space, a newline or a byte that
/// is not UTF-8 can neither split a state line nor go unseen.
public struct InboxEntry: Sendable {
    /// What the entry is, as `stat` sees it (symbolic links followed).
    public enum Kind: Sendable, Equatable {
        /// A regular file: a candidate for collection.
        case regularFile
        /// A sub-folder: ignored (SPEC section 2).
        case directory
        /// Anything else (FIFO, socket, device, dangling link): never opened for reading.
        case other(String)
        /// `stat` failed (an inbox that can be listed but not searched): the reason.
        case unexaminable(String)
    }

    /// The name's bytes.
    public let bytes: [UInt8]
    /// The escaped name (`InboxEntry.escape`).
    public let name: String
    /// What kind of entry it is (a regular file, a directory, a FIFO…): only regular files are read.
    public let kind: Kind

    /// The escaped form of a name: bytes 0x21–0x7E other than `\` stand for themselves,
    /// `\` is `\\`, every other byte (space, control, 0x7F and above) is `\xHH`. A valid
    /// switch file name is its own escaped form.
    public static func escape(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        let hex = Array("0123456789abcdef".utf8)
        for b in bytes {
            if b == 0x5C {
                out += [0x5C, 0x5C]
            } else if b > 0x20 && b < 0x7F {
                out.append(b)
            } else {
                out += [0x5C, UInt8(ascii: "x"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is an escaped name as `escape` writes them (the registry's check).
    public static func isEscaped(_ text: Substring) -> Bool {
        let u = Array(text.utf8)
        guard !u.isEmpty else { return false }
        var i = 0
        while i < u.count {
            let b = u[i]
            guard b > 0x20 && b < 0x7F else { return false }
            if b == 0x5C {
                guard i + 1 < u.count else { return false }
                if u[i + 1] == 0x5C { i += 2; continue }
                guard u[i + 1] == UInt8(ascii: "x"), i + 3 < u.count,
                      isHex(u[i + 2]), isHex(u[i + 3]) else { return false }
                i += 4
                continue
            }
            i += 1
        }
        return true
    }

    /// The entries of directory `path` in byte order of their names, `.` and `..` left
    /// out; fails when the directory cannot be read.
    public static func list(_ path: String) throws(IOFailure) -> [InboxEntry] {
        guard let dir = opendir(path) else {
            throw IOFailure(path: path, reason: "cannot read directory: \(FileSystem.errorText())")
        }
        defer { closedir(dir) }
        var names = [[UInt8]]()
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw IOFailure(path: path, reason: "cannot read directory: \(FileSystem.errorText())") }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return names.map { name in
            var st = stat()
            let kind: Kind
            if cPath(path, name, { stat($0, &st) }) != 0 {
                kind = .unexaminable(FileSystem.errorText())
            } else {
                switch st.st_mode & S_IFMT {
                case S_IFREG: kind = .regularFile
                case S_IFDIR: kind = .directory
                case S_IFIFO: kind = .other("a FIFO")
                case S_IFSOCK: kind = .other("a socket")
                case S_IFCHR: kind = .other("a character device")
                case S_IFBLK: kind = .other("a block device")
                default: kind = .other("not a regular file")
                }
            }
            return InboxEntry(bytes: name, name: escape(name), kind: kind)
        }
    }

    /// Calls `body` with the NUL-terminated path `directory/name` (the name's own bytes).
    public static func cPath<T>(_ directory: String, _ name: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        var bytes = Array(directory.utf8)
        bytes.append(0x2F)
        bytes += name
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    private static func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) }
}
