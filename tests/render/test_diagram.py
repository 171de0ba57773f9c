"""Native Word charts (issue 12): the figures inside the chart part and its embedded
workbook, labels in the document's number format, the unit in the title, the
document's font, and a trend only over the years that have data."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal

from sakipgen.render.diagram import batang, garis
from tests.render.conftest import docx

D = Decimal


def test_column_chart_holds_its_figures() -> None:
    g = batang(
        "Persentase koperasi sehat",
        ["2021"],
        [("Target", [D("32")]), ("Realisasi", [D("43.30")])],
        satuan="%",
        font="Arial",
        tanggal=date(2022, 1, 31),
    )
    assert "<c:barChart>" in g.xml
    assert "Persentase koperasi sehat (%)" in g.xml  # the unit in the title
    # The cached values Word and LibreOffice draw from, and the labels as printed.
    assert re.findall(r"<c:v>([^<]*)</c:v>", g.xml) == [
        "Target",
        "2021",
        "32",
        "Realisasi",
        "2021",
        "43.30",
    ]
    assert "<a:t>32</a:t>" in g.xml and "<a:t>43,30</a:t>" in g.xml
    assert 'typeface="Arial"' in g.xml
    assert '<c:externalData r:id="rIdData">' in g.xml
    with zipfile.ZipFile(io.BytesIO(g.data)) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>32</v>" in sheet and "<v>43.3</v>" in sheet


def test_line_chart_leaves_gaps_and_labels_in_indonesian() -> None:
    g = garis(
        "Capaian Indikator Sasaran S1",
        ["2020", "2021"],
        [("IK1.1", [D("117.31"), D("135.31")]), ("IK1.3", [None, D("98.5")])],
        satuan="%",
        font="Calibri",
        tanggal=date(2022, 1, 31),
    )
    assert "<c:lineChart>" in g.xml and 'typeface="Calibri"' in g.xml
    assert "<a:t>117,31</a:t>" in g.xml and "<a:t>98,5</a:t>" in g.xml
    # The missing 2020 value of IK1.3 is a gap: its cache holds one point of two.
    second = g.xml.split("<c:ser>")[2]
    assert '<c:ptCount val="2"/><c:pt idx="1"><c:v>98.5</c:v>' in second


def _charts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = sorted(n for n in zf.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n))
        assert all(
            f"word/embeddings/Microsoft_Excel_Worksheet{i}.xlsx" in zf.namelist()
            for i in range(1, len(names) + 1)
        )
        assert not [n for n in zf.namelist() if n.startswith("word/media/")]  # no pictures
        return [zf.read(n).decode() for n in names]


def test_blora_lkjip_charts() -> None:
    """Blora LKjIP 2021: four numeric indikator (two per sasaran) and a trend per
    sasaran over 2020-2021, the two years with realisasi of the Renstra 2017-2021."""
    charts = _charts(docx("blora", "lkjip", 2021))
    bars = [c for c in charts if "<c:barChart>" in c]
    lines = [c for c in charts if "<c:lineChart>" in c]
    assert len(bars) == 4 and len(lines) == 2
    assert "Nilai ekspor produk-produk asal Kabupaten Blora (US$)" in bars[2]
    assert "<a:t>2.942.679</a:t>" in bars[2] and "<a:t>2.645.059</a:t>" in bars[2]
    # Capaian IK1.1: 2020 117,31 (printed), 2021 43,30 / 32 = 135,31.
    years = re.findall(r"<c:pt idx=\"\d\"><c:v>(20\d\d)</c:v>", lines[0])
    assert sorted(set(years)) == ["2020", "2021"]
    assert "<a:t>117,31</a:t>" in lines[0] and "<a:t>135,31</a:t>" in lines[0]


def test_no_trend_from_a_single_year() -> None:
    """Sinjai LKjIP 2017: realisasi only for 2017 — no "tren 2013-2018" of one point."""
    charts = _charts(docx("sinjai", "lkjip", 2017))
    assert charts and not [c for c in charts if "<c:lineChart>" in c]
