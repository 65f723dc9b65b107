import Foundation
import Workloads

/// A verilated module with its generated testbench, built once per cache key in
/// `<cache>/<key>`: the key is a fingerprint of the RTL files (names and bytes), the top
/// module, the port map, the testbench generator's version and Verilator's version, so a
/// second run with the same inputs reuses the build. A build is made in a hidden sibling
/// folder and renamed into place when complete, so an interrupted or concurrent build never
/// leaves a half-built entry.
///
/// ```swift
/// let build = try CosimBuild.prepare(rtl: ["e2m1_mul.v"], top: "e2m1_mul", map: map, mapBytes: bytes,
///                                    verilator: try Verilator.locate(), cacheRoot: CosimBuild.defaultCacheRoot()) { ports in nil }
/// build.cached   // false the first time, true afterwards
/// ```
public struct CosimBuild: Sendable {
    /// The cache entry.
    public let directory: String
    public let ports: [ModulePort]
    /// Whether the build was found in the cache.
    public let cached: Bool
    /// The testbench executable.
    public var executable: String { directory + "/obj/Vtb" }

    /// `$XDG_CACHE_HOME/qarch/cosim`, else `~/.cache/qarch/cosim`.
    public static func defaultCacheRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/qarch/cosim" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/qarch/cosim"
    }

    /// The cached build for these inputs, or a new one. `check` sees the module's ports
    /// before anything is compiled and may refuse them (a port map that does not fit).
    public static func prepare(rtl: [String], top: String, map: PortMap, mapBytes: Data, verilator: Verilator, cacheRoot: String,
                               check: ([ModulePort]) -> CosimProblem?) throws(CosimProblem) -> CosimBuild {
        var key = Fingerprint()
        key.add(TestbenchGenerator.version)
        key.add(verilator.version)
        key.add(top)
        key.add(mapBytes)
        for file in rtl {
            let data: Data
            do { data = try InputFile.read(file) } catch { throw CosimProblem(error.describe(expected: "a readable RTL file")) }
            key.add(URL(fileURLWithPath: file).lastPathComponent)
            key.add(data)
        }
        let entry = cacheRoot + "/" + key.hex
        if let text = try? String(contentsOfFile: entry + "/ports.txt", encoding: .utf8),
           FileManager.default.isExecutableFile(atPath: entry + "/obj/Vtb") {
            let ports = text.split(separator: "\n").compactMap(ModulePort.init(line:))
            if let problem = check(ports) { throw problem }
            return CosimBuild(directory: entry, ports: ports, cached: true)
        }
        do { try FileManager.default.createDirectory(atPath: cacheRoot, withIntermediateDirectories: true) } catch {
            throw CosimProblem("\(cacheRoot): cannot create the cosim cache folder (\(error.localizedDescription))")
        }
        let scratch = cacheRoot + "/.build-\(key.hex)-\(UInt64.random(in: 0...UInt64.max))"
        do { try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false) } catch {
            throw CosimProblem("\(cacheRoot): cannot write in the cosim cache folder (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let common = ["--cc", "-Wno-fatal", "--x-assign", "fast", "--x-initial", "fast", "--top-module", top]
        let lint = Command.run(verilator.path, common + ["-Mdir", scratch + "/lint"] + rtl, in: nil)
        guard lint.status == 0 else { throw CosimProblem(firstError(lint.output, fallback: "verilator failed on the RTL (exit \(lint.status))")) }
        guard let header = try? String(contentsOfFile: scratch + "/lint/V\(top).h", encoding: .utf8) else {
            throw CosimProblem("verilator wrote no model header V\(top).h for module \(top)")
        }
        let ports = ModulePort.parse(header: header)
        if let problem = check(ports) { throw problem }
        let bench = scratch + "/tb.cpp"
        do { try TestbenchGenerator.source(top: top, map: map, ports: ports).write(toFile: bench, atomically: true, encoding: .utf8) } catch {
            throw CosimProblem("\(bench): cannot write the testbench (\(error.localizedDescription))")
        }
        let build = Command.run(verilator.path, common + ["--exe", "--build", "-j", "2", "-Mdir", scratch + "/obj", "-o", "Vtb"] + rtl + [bench],
                                in: nil)
        guard build.status == 0, FileManager.default.isExecutableFile(atPath: scratch + "/obj/Vtb") else {
            throw CosimProblem(firstError(build.output, fallback: "building the testbench failed (exit \(build.status))"))
        }
        do { try ports.map { $0.line + "\n" }.joined().write(toFile: scratch + "/ports.txt", atomically: true, encoding: .utf8) } catch {
            throw CosimProblem("\(scratch): cannot write ports.txt (\(error.localizedDescription))")
        }
        if rename(scratch, entry) != 0 && !FileManager.default.isExecutableFile(atPath: entry + "/obj/Vtb") {
            throw CosimProblem("\(entry): cannot store the build in the cache (\(String(cString: strerror(errno))))")
        }
        return CosimBuild(directory: entry, ports: ports, cached: false)
    }

    /// The first error line of a Verilator or compiler run, without Verilator's `%Error: ` prefix.
    static func firstError(_ output: String, fallback: String) -> String {
        let lines = output.split(separator: "\n").map(String.init)
        if let line = lines.first(where: { $0.hasPrefix("%Error") }) {
            var text = line
            for prefix in ["%Error: ", "%Error-"] where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
            return text
        }
        if let line = lines.first(where: { $0.contains("error:") }) { return line }
        return fallback
    }
}
