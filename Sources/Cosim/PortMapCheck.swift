import ExactJSON
import GoldenVectors

/// Checks a port map against the operation's fields and the module's ports: every bound
/// field exists and every slice lies inside it, every port exists with the right direction
/// and exactly the width of what it carries, and the clock, reset, start and done ports are
/// one bit wide. The first problem is returned with its JSON path in the port map.
///
/// ```swift
/// PortMapCheck.firstProblem(map, schema: schema, ports: ports, module: "e2m1_mul")
/// // DesignIssue "inputs[0].port: expected a port of module e2m1_mul (a, b, p), found 'x'"
/// ```
public enum PortMapCheck {
    public static func firstProblem(_ map: PortMap, schema: VectorSchema, ports: [ModulePort], module: String) -> DesignIssue? {
        let names = ports.map(\.name).joined(separator: ", ")
        func port(_ name: String, _ path: JSONPath, _ direction: ModulePort.Direction) -> Result<ModulePort, DesignIssue> {
            guard let p = ports.first(where: { $0.name == name }) else {
                return .failure(DesignIssue(path: path, message: "expected a port of module \(module) (\(names)), found '\(name)'"))
            }
            guard p.direction == direction else {
                return .failure(DesignIssue(path: path, message: "expected an \(direction.rawValue) port, found '\(name)', an \(p.direction.rawValue) of module \(module)"))
            }
            return .success(p)
        }
        func control(_ name: String?, _ path: JSONPath, _ direction: ModulePort.Direction) -> DesignIssue? {
            guard let name else { return nil }
            switch port(name, path, direction) {
            case .failure(let issue): return issue
            case .success(let p):
                return p.bits == 1 ? nil : DesignIssue(path: path, message: "expected a 1-bit port, found '\(name)' of \(p.bits) bits")
            }
        }
        let root = JSONPath.root
        if let issue = control(map.clock, root.key("clock"), .input) { return issue }
        if let issue = control(map.reset, root.key("reset"), .input) { return issue }
        switch map.cosimProtocol {
        case .handshake(let start, let done, _):
            if let issue = control(start, root.key("protocol").key("start"), .input) { return issue }
            if let issue = control(done, root.key("protocol").key("done"), .output) { return issue }
        case .sequence(_, let start?):
            if let issue = control(start, root.key("protocol").key("start"), .input) { return issue }
        default: break
        }
        for (bindings, fields, direction) in [(map.inputs, schema.inputs, ModulePort.Direction.input), (map.outputs, schema.outputs, .output)] {
            for b in bindings {
                guard let field = fields.first(where: { $0.name == b.field }) else {
                    let kind = direction == .input ? "an input" : "an output"
                    return DesignIssue(path: b.path.key("field"), message: "expected \(kind) field of \(schema.operation) "
                                       + "(\(fields.map(\.name).joined(separator: ", "))), found '\(b.field)'")
                }
                let bits = b.bits ?? (field.bits - b.lsb)
                if b.lsb + bits > field.bits || bits <= 0 {
                    return DesignIssue(path: b.path.key(b.bits == nil ? "lsb" : "bits"),
                                       message: "expected a slice inside field \(field.name) of \(field.bits) bits, found bits \(b.lsb)…\(b.lsb + bits - 1)")
                }
                switch port(b.port, b.path.key("port"), direction) {
                case .failure(let issue): return issue
                case .success(let p):
                    if p.bits != bits {
                        let what = bits == field.bits ? "field \(field.name)" : "bits \(b.lsb)…\(b.lsb + bits - 1) of field \(field.name)"
                        return DesignIssue(path: b.path.key("port"),
                                           message: "expected a port of \(bits) bits for \(what), found '\(p.name)' of \(p.bits) bits")
                    }
                }
            }
        }
        return nil
    }
}
