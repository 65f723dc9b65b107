import Foundation
import Testing
@testable import Workloads

/// A zip bomb in the weights archive is refused from its declared size, before extraction.
@Suite struct MiniLMArchiveLimitTests {
    @Test func aMemberOverTheLimitIsRefusedUnextracted() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qarch-zipbomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(count: 3 << 20).write(to: dir.appendingPathComponent(MiniLMArchive.member))   // 3 MiB of zeros
        let zip = dir.appendingPathComponent("model.zip")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED); z.write(sys.argv[2], 'model.safetensors'); z.close()",
                       zip.path, dir.appendingPathComponent(MiniLMArchive.member).path]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let into = dir.appendingPathComponent("out")
        for interpreters in [["python3"], ["/nonexistent/python"]] {   // Python's zipfile, then unzip
            #expect {
                _ = try MiniLMArchive.extract(zip, into: into, interpreters: interpreters, limitBytes: 1 << 20)
            } throws: { error in
                "\(error)".contains("found 3145728 bytes uncompressed; the limit is 1048576 bytes (1 MiB; QARCH_MAX_ARCHIVE_MIB raises it)")
            }
            #expect(!FileManager.default.fileExists(atPath: into.appendingPathComponent(MiniLMArchive.member).path))
        }
        let file = try MiniLMArchive.extract(zip, into: into, interpreters: ["python3"], limitBytes: 4 << 20)
        #expect(FileManager.default.fileExists(atPath: file.path))
    }
}
