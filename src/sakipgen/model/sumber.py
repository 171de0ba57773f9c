"""Where each value of a YAML file is: the positions diagnostics point at."""

from __future__ import annotations

from dataclasses import dataclass, field

from sakipgen.diagnostics import Location

YamlPath = tuple[str | int, ...]


class Butir(int):
    """A place in a list (``realisasi[6]``), where the list may still be shorter: a
    workbook writing it appends, filling the places before it with "-".  A plain int
    in a path is an index into a list that has it, or a numbered key (``bulanan: {7:
    …}``)."""

    __slots__ = ()


def path_text(path: YamlPath) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class SourceMap:
    """Where each value and key of one file is (1-based line and column)."""

    file: str
    values: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    terpisah: dict[YamlPath, tuple[str, str]] = field(default_factory=dict)
    """Keys written alone, without ':', after a text value in a ``{…}`` mapping
    (``{nama: Ir. MASKUR, M.M, …}``): the comma split the value.  Each such key → the
    key whose value it continues and that value as meant (``nama``, ``Ir. MASKUR, M.M``)."""

    def locate(self, path: YamlPath, *, key: bool = False) -> Location:
        """The closest known position of ``path``: itself, else its nearest parent."""
        p = tuple(path)
        while True:
            pos = (self.keys.get(p) or self.values.get(p)) if key else self.values.get(p)
            if pos is None and not key:
                pos = self.keys.get(p)
            if pos is not None:
                return Location(self.file, pos[0], pos[1], path_text(tuple(path)))
            if not p:
                return Location(self.file, 1, 1, path_text(tuple(path)))
            p = p[:-1]
