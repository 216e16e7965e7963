"""Benchmarks for speller: labelled real errors, synthetic errors, peers and speed (`python -m benchmarks.run`)."""
