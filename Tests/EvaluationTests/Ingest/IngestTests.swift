import Testing

/// The Ingest layer's suites, nested here so that `swift test --filter Ingest` selects them.
@Suite("Ingest")
struct IngestTests {}
