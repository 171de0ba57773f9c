"""Common configuration of every model: unknown keys are errors, values are frozen."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def as_list(value: Any) -> Any:
    """Accept a single item where a list is expected (``sasaran: S1``)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
