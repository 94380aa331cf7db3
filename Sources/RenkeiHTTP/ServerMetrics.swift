internal import Foundation
internal import Hummingbird
internal import Metrics
internal import Prometheus
internal import RenkeiQuery

/// Prometheus metrics: Hummingbird's per-route request counters and latency histograms
/// (through swift-metrics), and gauges of the index read when `/metrics` is scraped.
enum ServerMetrics {
    /// swift-metrics has one factory per process; the first application bootstraps it.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// `renkei_index_<name>`.
    private static func gauge(_ name: String, _ help: String) -> Prometheus.Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "renkei", subsystem: "index", metricName: name, unitName: "", helpText: help))
    }

    /// The Prometheus text exposition, with the index gauges brought up to date first.
    static func exposition(index: RenkeiIndex) throws -> Response {
        let counts = try index.counts()
        gauge("documents", "Documents in the index").set(Double(counts.documents))
        gauge("entities", "Entities in the knowledge graph").set(Double(counts.entities))
        gauge("relations", "Relations in the knowledge graph").set(Double(counts.relations))
        gauge("bytes", "Bytes of the index file with its write-ahead log").set(Double(index.sizeInBytes()))
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }

}
