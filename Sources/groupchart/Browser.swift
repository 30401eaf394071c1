import Foundation

/// Opens an address in the user's default browser, for `serve --open`:
/// `open` on macOS, `xdg-open` elsewhere. When neither works, the address is
/// printed above for the user to open.
enum Browser {
    static func open(_ address: String) {
        #if os(macOS)
        let command = "open"
        #else
        let command = "xdg-open"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command, address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { finished in
            if finished.terminationStatus != 0 { note("could not open a browser (\(command)): open the address above") }
        }
        do {
            try process.run()
        } catch {
            note("could not open a browser (\(command)): open the address above")
        }
    }
}
