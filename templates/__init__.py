"""Built-in document templates (package data); see README "Templates"."""
