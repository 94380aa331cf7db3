/// A command that cannot go on, in one line for the person who ran it. Unlike
/// `ValidationError` it is not a usage mistake, so no usage text follows it.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
