internal import Foundation
internal import RenkeiFuzzTargets

#if RENKEI_LIBFUZZER
    internal import CLibFuzzer
#endif

/// `renkei-libfuzz`: coverage-guided fuzzing with libFuzzer. `scripts/libfuzz.sh` builds it
/// with `-sanitize=fuzzer,address -D RENKEI_LIBFUZZER`; `main` then hands the command line to
/// libFuzzer's driver, which calls `fuzzOneInput` with each input it makes. The fuzzer's
/// bytes drive the same generator and invariants as `renkei-fuzz` (`FuzzTarget`);
/// `RENKEI_FUZZ_TARGET` names the target. Built normally, it only says how to build it.
@main
enum LibFuzzerEntry {
    static func main() {
        #if RENKEI_LIBFUZZER
            _ = chosenTarget
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
            FileHandle.standardError.write(Data("renkei-libfuzz is built by scripts/libfuzz.sh (libFuzzer, -sanitize=fuzzer,address)\n".utf8))
            exit(2)
        #endif
    }
}

#if RENKEI_LIBFUZZER
    /// The target named by `RENKEI_FUZZ_TARGET`, looked up once.
    private let chosenTarget: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["RENKEI_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget.all.first(where: { $0.name == name }) else {
            FileHandle.standardError.write(
                Data("RENKEI_FUZZ_TARGET must name one of: \(FuzzTarget.all.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()

    private func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        var input = RandomInput(fuzzerData: data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        do {
            try chosenTarget.check(&input)
        } catch {
            // An invariant that did not hold is a finding like a crash: libFuzzer saves the input.
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            abort()
        }
        return 0
    }
#endif
