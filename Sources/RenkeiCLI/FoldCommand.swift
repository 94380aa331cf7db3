internal import ArgumentParser
internal import Foundation
internal import RenkeiCore

/// `renkei fold`: what loose matching makes of a text, to see why a loose search found (or
/// missed) a page; with `--stdin`, the fold of each input line, one per line (how
/// `scripts/check-loose-fold.py` compares whole pages with the reference).
struct FoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fold",
        abstract: "Show the loose fold of a text and the needles a loose search for it looks for.")

    @Argument(help: "Texts to fold, e.g. ヴァイオリン 髙島屋 子供会.")
    var texts: [String] = []

    @Flag(help: "Fold each line of standard input instead, printing one folded line per line.")
    var stdin = false

    func validate() throws {
        guard stdin || !texts.isEmpty else { throw ValidationError("Give a text to fold, or --stdin.") }
    }

    func run() throws {
        if stdin {
            while let line = readLine(strippingNewline: true) { print(LooseFold.fold(line)) }
            return
        }
        for text in texts {
            print("\(text) → \(LooseFold.fold(text))  needles: \(LooseFold.needles(of: text).joined(separator: " | "))")
        }
    }
}
