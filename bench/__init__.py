"""Benchmarks: each prints figures with their targets and a ratio against a baseline run in the same process."""
