import Foundation

/// Golden files: expected outputs kept in the repository and compared byte
/// for byte. `GROUPCHART_RECORD=1 swift test` re-records them (never edit
/// them by hand).
public enum Golden {
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["GROUPCHART_RECORD"] == "1"
    }
}
