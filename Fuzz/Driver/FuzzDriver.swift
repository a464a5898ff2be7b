import DocGenFuzzTargets
import Foundation

/// libFuzzer's entry point: runs the reader named by `DOCGEN_FUZZ_TARGET` on each input.
/// Built only with `DOCGEN_FUZZ=1` and `-sanitize=fuzzer,address` (see scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzDriver.target(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
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
