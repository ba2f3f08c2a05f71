import Foundation

/// Which bytes and byte pairs are characters in CP932, as iconv (which converts CP932 everywhere
/// else) says, so a census can check CP932 text without converting it. Built once, on first use.
final class CP932Table: Sendable {
    static let shared = CP932Table()

    /// Nonzero where a single byte is a character.
    let single: [UInt8]
    /// One bit per two-byte code (lead << 8 | trail), set where it is a character.
    let double: [UInt8]

    private init() {
        var single = [UInt8](repeating: 0, count: 256)
        var double = [UInt8](repeating: 0, count: 8192)
        if let transcoder = Transcoder(from: "CP932") {
            func converts(_ bytes: [UInt8]) -> Bool {
                (try? bytes.withUnsafeBytes { try transcoder.convert($0, isLast: true) { _ in } }) != nil
            }
            for byte in 0..<256 where converts([UInt8(byte)]) { single[byte] = 1 }
            for lead in 0x81...0xFC where single[lead] == 0 {
                for trail in 0x40...0xFC where converts([UInt8(lead), UInt8(trail)]) {
                    let code = lead << 8 | trail
                    double[code >> 3] |= 1 << UInt8(code & 7)
                }
            }
        }
        self.single = single
        self.double = double
    }

    /// Calls `body` with the tables (`nil` pointers when `needed` is false).
    func withTables<T>(_ needed: Bool, _ body: (UnsafePointer<UInt8>?, UnsafePointer<UInt8>?) -> T) -> T {
        guard needed else { return body(nil, nil) }
        return single.withUnsafeBufferPointer { single in
            double.withUnsafeBufferPointer { double in body(single.baseAddress, double.baseAddress) }
        }
    }
}
