"""Pydantic models of a dinas folder, one module per file kind."""
