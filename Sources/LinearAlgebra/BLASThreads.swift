import CLAPACK

/// OpenBLAS threading control.
///
/// evalrun calls BLAS from Swift tasks that may run concurrently; OpenBLAS's own
/// thread pool would then fight them for the cores. The library pins OpenBLAS to
/// one thread the first time any matrix routine runs.
enum BLASThreads {
    /// Pins OpenBLAS to a single thread (idempotent; cheap after the first call).
    static let pinned: Void = {
        openblas_set_num_threads(1)
    }()
}
