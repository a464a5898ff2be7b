import DocGenFuzzTargets
import Foundation

/// libFuzzer's entry point: runs the reader named by `DOCGEN_FUZZ_TARGET` on each input.
/// Built only with `DOCGEN_FUZZ=1` and `-sanitize=fuzzer,address` (see scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDriver.target(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// libFuzzer's driver, which its `main` would call: SwiftPM renames an executable's `main`
/// (to `<module>_main`, for testing), so the program starts here and hands over to it.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("docgen_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzTestOneInput)
}

enum FuzzDriver {
    static let target: ([UInt8]) -> Void = {
        let name = ProcessInfo.processInfo.environment["DOCGEN_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTargets.all[name] else {
            FileHandle.standardError.write(
                Data("set DOCGEN_FUZZ_TARGET to one of \(FuzzTargets.all.keys.sorted())\n".utf8))
            exit(2)
        }
        return target
    }()
}
