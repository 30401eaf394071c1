import Foundation
import GroupChartTestSupport
import Testing

/// A served page in a real browser: headless Chromium loads it, its
/// screenshot shows the diagnostics panel, and the Content-Security-Policy
/// blocks nothing on it (the reload script runs by its hash).
@Suite struct ServeBrowserTests {
    static let chromium = PrintedRecordTests.chromium
    static let python = ExternalTool.find("python3")

    /// Counts the pixels of a PNG within 12 of an RGB colour in each channel,
    /// in the top `fraction` of the picture: zlib and the five PNG filters,
    /// the Python standard library only.
    static let countColour = #"""
        import struct, sys, zlib
        path, r, g, b, fraction = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
        data = open(path, "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        pos, chunks, width, height, kind = 8, b"", 0, 0, 0
        while pos < len(data):
            length, name = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if name == b"IHDR":
                width, height, depth, kind = struct.unpack(">IIBB", body[:10])
                assert depth == 8 and kind in (2, 6), "8-bit RGB or RGBA"
            elif name == b"IDAT":
                chunks += body
            pos += 12 + length
        step = 3 if kind == 2 else 4
        raw, stride, rows, previous = zlib.decompress(chunks), width * step, [], bytearray(width * step)
        for y in range(height):
            kind_of_filter, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for x in range(stride):
                left = line[x - step] if x >= step else 0
                up, corner = previous[x], previous[x - step] if x >= step else 0
                if kind_of_filter == 1: line[x] = (line[x] + left) & 255
                elif kind_of_filter == 2: line[x] = (line[x] + up) & 255
                elif kind_of_filter == 3: line[x] = (line[x] + (left + up) // 2) & 255
                elif kind_of_filter == 4:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
            rows.append(line)
            previous = line
        count = 0
        for line in rows[:int(height * fraction)]:
            for x in range(0, stride, step):
                if abs(line[x] - r) <= 12 and abs(line[x + 1] - g) <= 12 and abs(line[x + 2] - b) <= 12:
                    count += 1
        print(count)
        """#

    @Test(.enabled(if: ExternalTool.shouldRun(chromium) && ExternalTool.shouldRun(python)))
    func chromiumShowsTheDiagnosticsPanelOfAServedPage() throws {
        let chromium = try #require(Self.chromium, "chromium is not installed (make test installs it)")
        let python = try #require(Self.python, "python3 is not installed")
        let practice = try ServeTests.example()
        defer { practice.delete() }
        try ServeTests.breakRisk(practice)
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-shot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shot = folder.appendingPathComponent("page.png")
        let browser = try ExternalTool.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,800",
            "--enable-logging=stderr", "--v=0", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--screenshot=\(shot.path)", server.address + ServeTests.session,
        ], in: folder)
        #expect(FileManager.default.fileExists(atPath: shot.path), "chromium took no screenshot: \(browser.output)")
        #expect(!browser.output.contains("Content Security Policy"), "the page broke its own policy: \(browser.output)")
        // The panel's bar is the records' "bad" red, #a1261b, in the top of the page.
        let red = try ExternalTool.run(python, ["-c", Self.countColour, shot.path, "161", "38", "27", "0.3"])
        let pixels = Int(red.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(pixels > 5000, "the screenshot shows no error panel at the top (\(pixels) red pixels): \(red.output)")
        let clean = try ExternalTool.run(python, ["-c", Self.countColour, shot.path, "30", "107", "58", "0.3"])
        #expect(Int(clean.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 < 1000, "a clean bar on a page with an error")
    }
}
