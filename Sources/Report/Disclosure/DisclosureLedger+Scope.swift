extension DisclosureLedger {
    /// Runs `body` with keys under `prefix` and, when `population` is from 1 to
    /// threshold − 1, every count and figure registered in it withheld (a `--by`
    /// level of fewer people than the threshold is withheld whole).
    mutating func within<T>(_ prefix: String, population: Int, _ body: (inout DisclosureLedger) -> T) -> T {
        let (savedScope, savedPopulation) = (scope, scopePopulation)
        scope = savedScope + prefix
        scopePopulation = population
        defer { (scope, scopePopulation) = (savedScope, savedPopulation) }
        return body(&self)
    }
}
