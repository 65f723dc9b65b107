import Exploration
import NumberFormats

/// `results.csv` of a sweep: one row per point and workload, in point order.
///
/// Columns: `point, design, <axis paths…>, workload, status, pareto, <SweepMetric names…>`.
/// An axis a point's design does not have is empty. Numbers are written with full
/// round-trip precision (`nan`, `inf` when not finite), so the file is byte-identical for
/// any thread count and for merged shards.
///
/// ```
/// point,design,array.cols,array.rows,workload,status,pareto,energy_pj,…
/// 0,int8-systolic,16,16,llama-2-7b:decode:1:layer,ok,false,1.2e9,…
/// ```
public enum SweepCSV {
    public static func render(_ r: SweepResult) -> String {
        var t = CSVTable(["point", "design"] + r.axisPaths + ["workload", "status", "pareto"] + SweepMetric.allCases.map(\.rawValue))
        for rec in r.records {
            t.append([String(rec.point), rec.design] + r.axisPaths.map { rec.parameters[$0] ?? "" }
                     + [rec.workload, rec.status.text, rec.pareto ? "true" : "false"] + rec.metrics.map(RoundTripText.format))
        }
        return t.render()
    }
}
