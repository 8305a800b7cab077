"""How one generation runs: the run objects, drafting, converting, the cross-check, the chunk cache and limits."""
