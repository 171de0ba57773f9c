"""sakipgen: compile a dinas performance plan kept as YAML into SAKIP documents."""

__version__ = "0.1.0"
