"""planner: production and costing planner for small producers (kue, bread, tailoring)."""

__version__ = "0.1.0"
