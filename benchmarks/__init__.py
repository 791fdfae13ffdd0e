"""Fanwen's benchmarks: `python3 -m benchmarks` (see docs/performance.md)."""
