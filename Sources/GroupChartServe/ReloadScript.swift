import Crypto
import Foundation

/// The one script a served page runs: it listens to the server's event
/// stream and reloads the page when a rebuild gives a build other than the
/// one the page shows. It is added to pages as they are served, never to the
/// records `build` writes, which stay script-free.
///
/// Its text never changes, so the Content-Security-Policy allows exactly it
/// by its SHA-256 and no other script, inline or from anywhere. What varies
/// (the build number, the stream's address) travels in `data-` attributes,
/// which the hash does not cover.
enum ReloadScript {
    static let text = """
        (function () {
          var script = document.currentScript;
          var shown = script.dataset.build;
          var events = new EventSource(script.dataset.events);
          events.addEventListener("build", function (event) {
            if (event.data !== shown) { events.close(); location.reload(); }
          });
        })();
        """

    /// `'sha256-...'`, as a Content-Security-Policy source.
    static let hashSource = "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"

    /// The element to put at the end of a page of build `build`.
    static func element(build: Int, events: String) -> String {
        "<script data-build=\"\(build)\" data-events=\"\(events)\">\(text)</script>\n"
    }
}
