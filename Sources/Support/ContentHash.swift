/// A 64-bit FNV-1a hash of bytes, fed a chunk at a time.
///
/// Exists as one function for every "is this the same content?" question — the shipment
/// journal's name, the watcher's ledger of files already done, and what a feed attempt read —
/// so a hash taken while a feed streams a file equals the one taken by reading the file again.
public struct ContentHash: Sendable, Equatable {
    /// The hash of every byte given so far (the FNV-1a offset basis before any).
    public private(set) var value: UInt64 = ContentHash.offsetBasis

    public init() {}

    /// Continues the hash over `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        value = Self.fnv1a(value, bytes)
    }

    /// The FNV-1a step over `bytes` from `state`: the one copy of the function, inlinable so a hot
    /// loop in another module (the stock feed's row keys) pays no call per field.
    @inlinable
    public static func fnv1a(_ state: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        // A local keeps the running state in a register instead of storing it back per byte.
        var hash = state
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The FNV-1a offset basis: the hash of no bytes.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The hash of a whole file, read in chunks.
    public static func of(path: String) throws(SystemError) -> UInt64 {
        let file = try ReadableFile(path: path)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var hash = ContentHash()
        while true {
            var failure: SystemError?
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                do throws(SystemError) { return try file.read(into: raw) } catch { failure = error; return 0 }
            }
            if let failure { throw failure }
            if count == 0 { return hash.value }
            buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
