"""Synthetic demo data: a deterministic, seeded generator for demos, tests and benchmarks."""

from facilitator.demo.generator import DemoSummary, generate_demo

__all__ = ["DemoSummary", "generate_demo"]
