/// Strict UTF-8 validation (no overlongs, no surrogates, nothing past U+10FFFF), on bytes.
enum UTF8Validation {
    static func isValid<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        scan(bytes).isValid
    }

    /// How many multi-byte characters come before the first invalid byte (all of them when valid).
    static func multibyteCharactersBeforeError<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        scan(bytes).multibyte
    }

    private static func scan<C: Collection>(_ bytes: C) -> (isValid: Bool, multibyte: Int) where C.Element == UInt8 {
        var multibyte = 0
        var iterator = bytes.makeIterator()
        while let lead = iterator.next() {
            if lead < 0x80 { continue }
            let continuation: Int
            let minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: continuation = 1; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: continuation = 2; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: continuation = 3; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return (false, multibyte)
            }
            for _ in 0..<continuation {
                guard let next = iterator.next(), next & 0xC0 == 0x80 else { return (false, multibyte) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return (false, multibyte) }
            multibyte += 1
        }
        return (true, multibyte)
    }
}
