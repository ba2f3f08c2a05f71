import FuzzSupport

/// libFuzzer entry: the bytes as an inbox `.lsr` (libxml2's reader, LimeSurvey and Qualtrics XML).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLIngest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzInput.run(data, size, fileExtension: "lsr")
}

/// SwiftPM links an executable's entry point under this name: hand over to libFuzzer's driver.
@_cdecl("kankei_fuzz_xml_main")
public func fuzzXMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzInput.driver(argc, argv, fuzzXMLIngest)
}
