// The library the command-line runner uses: every layer, re-exported.
// Each layer is its own target (see Package.swift), so a dependency that runs
// upward does not compile: Report never computes, Statistics knows no
// domain, Ingest knows no SQLite.
@_exported import EvaluationDomain
@_exported import Indicators
@_exported import Ingest
@_exported import LinearAlgebra
@_exported import Project
@_exported import Report
@_exported import Statistics
@_exported import Store
@_exported import Synthesis
