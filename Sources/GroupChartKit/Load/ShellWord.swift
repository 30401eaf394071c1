/// A path as one word of a command the user pastes into a shell: as it is
/// when it holds only characters no shell reads specially, else in single
/// quotes (a quote inside closed, escaped and reopened). A suggested
/// `groupchart sign My Practice/sessions/...` split at the space, and the
/// pasted command failed.
public enum ShellWord {
    public static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "@", "%", "+", "=", ":", ",", ".", "/", "-": return true
            default: return false
            }
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
