/// The engine's identity, recorded in every report's provenance.
public enum Engine {
    /// The product name, as written in `summary.json` (`engine.name`).
    public static let name = "evalrun"
    /// The engine version, as written in `summary.json` (`engine.version`).
    public static let version = "0.1.0"
}
