import Foundation
import RenkeiFuzzTargets

/// `renkei-fuzz [--inputs N] [--seed S] [TARGET…]`: random inputs against each component's
/// invariants (`FuzzTarget`), the same inputs for the same seed on every machine. Prints one
/// line per target (inputs, time, findings) and the first findings; exits 1 on any.
///
/// A seeded driver that runs in the one build CI makes; `renkei-libfuzz` (scripts/libfuzz.sh)
/// runs the same targets coverage-guided under libFuzzer, in a build of its own.
var inputs = 20_000
var seed: UInt64 = 20_261_207
var chosen: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--inputs": inputs = Int(arguments.popFirst() ?? "") ?? inputs
    case "--seed": seed = UInt64(arguments.popFirst() ?? "") ?? seed
    case "--help", "-h":
        print("usage: renkei-fuzz [--inputs N] [--seed S] [target…]; targets: " + FuzzTarget.all.map(\.name).joined(separator: ", "))
        exit(0)
    default: chosen.append(argument)
    }
}
let targets = chosen.isEmpty ? FuzzTarget.all : FuzzTarget.all.filter { chosen.contains($0.name) }
var total = 0
for (number, target) in targets.enumerated() {
    var random = RandomInput(seed: seed &+ UInt64(number) &* 1_000_003)
    var findings: [Finding] = []
    let started = Date()
    for _ in 0..<inputs {
        do {
            try target.check(&random)
        } catch let finding as Finding {
            findings.append(finding)
        } catch {
            findings.append(Finding(target: target.name, message: "unexpected \(error)", input: ""))
        }
    }
    let seconds = Date().timeIntervalSince(started)
    let rate = Int(Double(inputs) / max(seconds, 0.001))
    print("\(target.name): \(inputs) inputs, \(String(format: "%.1f", seconds)) s (\(rate)/s), \(findings.count) findings")
    for finding in findings.prefix(3) { print("  " + finding.description) }
    total += findings.count
}
exit(total == 0 ? 0 : 1)
