"""Pure calculations over the validated model, in exact ``Decimal`` (README "Rumus")."""
