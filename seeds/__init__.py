"""The five bundled seed reports: package data, so `baogao build` finds them after any install."""
