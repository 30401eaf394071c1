/// Why an authoring command (`init`, `new session`, `sign`) wrote nothing:
/// one sentence for the user, and exit status 2.
///
/// Authoring commands change the user's files, so they refuse rather than
/// guess: every refusal leaves the practice exactly as it was.
public struct Refusal: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
