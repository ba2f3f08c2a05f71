import FuzzSupport

/// libFuzzer entry: the bytes as an inbox `.csv` (encoding detection, libcsv, table formats).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVIngest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzInput.run(data, size, fileExtension: "csv")
}

/// SwiftPM links an executable's entry point under this name: hand over to libFuzzer's driver.
@_cdecl("kankei_fuzz_csv_main")
public func fuzzCSVMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzInput.driver(argc, argv, fuzzCSVIngest)
}
