"""Charts as PNG images (matplotlib, imported only when a chart is drawn).

Output is deterministic: the Agg backend, fixed size and DPI, no timestamp or
software tag in the PNG.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sakipgen.format import angka

DPI = 130
PER_GAMBAR = 6
"""Indikator per chart: more are drawn as further charts (a chart with hundreds of
subplots or legend entries takes minutes to lay out and cannot be read)."""


@functools.cache
def _matplotlib_version() -> str:
    from importlib.metadata import version

    return version("matplotlib")


def _cached(kind: str, payload: object, draw: Callable[[], bytes]) -> bytes:
    """A chart from sakipgen's own cache (outside the dinas folder, verified by content),
    drawn and kept when it is not there."""
    from sakipgen import cache

    key = cache.kunci(kind, payload, _matplotlib_version(), DPI) + ".png"
    found = cache.baca("grafik", key)
    if found is not None:
        return found
    png = draw()
    cache.tulis("grafik", key, png)
    return png


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 8,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "sakipgen",
        }
    )
    return plt


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, bbox_inches=None)
    _plt().close(fig)
    return buf.getvalue()


def _wrap(text: str, width: int = 28) -> str:
    import textwrap

    # Three lines are shown; wrapping only their worth keeps a huge label cheap.
    return "\n".join(textwrap.wrap(text[: width * 4], width)[:3])


def target_realisasi(items: list[tuple[str, Decimal, Decimal, str]]) -> bytes:
    """One small bar pair per indikator: (label, target, realisasi, satuan)."""
    return _cached("target_realisasi", items, lambda: _target_realisasi(items))


def _target_realisasi(items: list[tuple[str, Decimal, Decimal, str]]) -> bytes:
    plt = _plt()
    n = len(items)
    fig, axes = plt.subplots(1, n, figsize=(6.3, 2.6), squeeze=False)
    for ax, (label, t, r, satuan) in zip(axes[0], items, strict=True):
        values = [float(t), float(r)]
        bars = ax.bar(["Target", "Realisasi"], values, color=["#9db4d3", "#2f5d8c"], width=0.6)
        for bar, v in zip(bars, (t, r), strict=True):
            ax.annotate(
                angka(v),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=7,
                xytext=(0, 2),
                textcoords="offset points",
            )
        ax.set_title(_wrap(label), fontsize=7.5)
        ax.set_ylabel(satuan, fontsize=7)
        ax.set_ylim(0, max(values) * 1.22 or 1)
        ax.yaxis.set_major_formatter(
            plt.FuncFormatter(lambda x, _pos: angka(Decimal(str(round(x, 2))).normalize()))
        )
        ax.tick_params(labelsize=7)
    # Fixed margins instead of tight_layout(), which draws the figure twice.
    fig.subplots_adjust(left=0.09, right=0.98, top=0.80, bottom=0.11, wspace=0.45)
    return _png(fig)


def tren(years: list[int], series: list[tuple[str, list[Decimal | None]]]) -> bytes:
    """Capaian (%) per Renstra year for each indikator, with the 100 % line."""
    return _cached("tren", (years, series), lambda: _tren(years, series))


def _tren(years: list[int], series: list[tuple[str, list[Decimal | None]]]) -> bytes:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.3, 2.6))
    for label, values in series:
        xs = [y for y, v in zip(years, values, strict=True) if v is not None]
        ys = [float(v) for v in values if v is not None]
        if not xs:
            continue
        ax.plot(xs, ys, marker="o", linewidth=1.5, label=_wrap(label, 32))
        for x, y in zip(xs, ys, strict=True):
            ax.annotate(
                angka(Decimal(str(y)).quantize(Decimal("0.01"))),
                (x, y),
                fontsize=6.5,
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
            )
    ax.axhline(100, color="#888888", linewidth=0.8, linestyle="--")
    ax.margins(y=0.15)
    ax.set_xticks(years)
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    ax.set_ylabel("Capaian (%)")
    ax.legend(fontsize=6.5, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    fig.subplots_adjust(left=0.08, right=0.60, top=0.95, bottom=0.11)
    return _png(fig)
