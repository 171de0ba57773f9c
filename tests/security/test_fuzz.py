"""Fuzzing the folder itself: random trees of hostile entries planted into a real dinas
folder — symlinks out, loops, dangling links, /dev/zero, named pipes, folders where
files belong, binary junk, names that are not UTF-8 or hold control characters — then
``check`` and ``build`` as a user runs them.

Whatever the tree, sakipgen must end with exit 0, 1 or 2 and a message (never a
traceback or "internal error"), within a watchdog (no hang), without a byte from
outside the folder in any output, and without writing anywhere but ``DIR/build``.
``SAKIPGEN_FUZZ_CASES`` sets the number of trees (the suite runs a few dozen; the
issue note reports a longer run).
"""

from __future__ import annotations

import os
import shutil
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.alat import sakipgen, salin

RAHASIA = "RAHASIA-FUZZ-DI-LUAR"

TEMPAT = [
    "",
    "2021",
    "2021/narasi",
    "2021/narasi/lkjip",
    "2021/narasi/indikator",
    "2021/tabel",
    "2020",
    "narasi",
    "templates",
    "templates/docx",
    "build",
]
NAMA = [
    "sakip.yaml",
    "renstra.yaml",
    "target.yaml",
    "realisasi.yaml",
    "anggaran.yaml",
    "dokumen.yaml",
    "rencana-aksi.yaml",
    "kata-pengantar.md",
    "pendahuluan.md",
    "IK1.1.md",
    "umkm.yaml",
    "baru.yaml",
    "pk.xml.j2",
    "lkjip.xml.j2",
    "halaman.yaml",
    "styles.xml",
    "reference.docx",
    "2022",
    "narasi",
    "tabel",
    "docx",
    "logo.png",
]
ANEH = [
    b"\xff\xfe.yaml",
    b"a\nb.md",
    b"\x1b[31mmerah.md",
    b"-rf.yaml",
    b"x,line=1:y.yaml",
    b"%0A.md",
    "\u202etxt.md".encode(),
    b"a" * 200 + b".md",
]
JENIS = [
    "teks",
    "biner",
    "kosong",
    "keluar-berkas",
    "keluar-folder",
    "dev-zero",
    "putar",
    "gantung",
    "saudara",
    "pipa",
    "folder",
    "zip",
]


@st.composite
def tanaman(draw: st.DrawFn) -> list[tuple[str, bytes, str, bytes]]:
    """A list of (place, name, kind, content) to plant."""
    n = draw(st.integers(min_value=1, max_value=6))
    out = []
    for _ in range(n):
        tempat = draw(st.sampled_from(TEMPAT))
        nama = draw(st.sampled_from([x.encode() for x in NAMA] + ANEH))
        jenis = draw(st.sampled_from(JENIS))
        isi = draw(
            st.one_of(
                st.binary(max_size=200),
                st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                st.sampled_from(
                    [
                        b"{{ capaian('IK1.1') }} {{ x",
                        b"a: &a [*a]\n",
                        b"- - - - [\n",
                        b"{% for i in range(99999) %}{{ i }}{% endfor %}",
                        b"<!DOCTYPE x>",
                        b"**a *a ***a " * 50,
                    ]
                ),
            )
        )
        out.append((tempat, nama, jenis, isi))
    return out


def _tanam(root: Path, luar: Path, tempat: str, nama: bytes, jenis: str, isi: bytes) -> None:
    folder = root / tempat if tempat else root
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a file already stands where the folder would be
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + nama))
    try:
        # Clear whatever stands there first (a pipe written to would block the test).
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.is_symlink() or path.exists():
            path.unlink()
        if jenis == "teks":
            path.write_bytes(isi)
        elif jenis == "biner":
            path.write_bytes(b"\x00" + isi)
        elif jenis == "kosong":
            path.write_bytes(b"")
        elif jenis == "keluar-berkas":
            path.symlink_to(luar / "rahasia.md")
        elif jenis == "keluar-folder":
            path.symlink_to(luar, target_is_directory=True)
        elif jenis == "dev-zero":
            path.symlink_to("/dev/zero")
        elif jenis == "putar":
            path.symlink_to(path.name)
        elif jenis == "gantung":
            path.symlink_to(folder / "tidak-ada")
        elif jenis == "saudara":
            path.symlink_to(root / "sakip.yaml")
        elif jenis == "pipa":
            os.mkfifo(path)
        elif jenis == "folder":
            path.mkdir()
        elif jenis == "zip":
            with zipfile.ZipFile(path, "w") as zf:
                zf.writestr("word/styles.xml", isi)
    except OSError:
        pass  # e.g. a name the file system refuses


def _potret(folder: Path) -> dict[str, bytes | str]:
    """Every entry below ``folder`` (symlinks as their target, pipes by kind)."""
    out: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            key = os.fsencode(p).hex()
            if p.is_symlink():
                out[key] = "->" + os.readlink(p)
            elif p.is_file():
                out[key] = p.read_bytes()
            else:
                out[key] = "dir" if p.is_dir() else "lain"
    return out


@contextmanager
def _anjing_penjaga(detik: int) -> Iterator[None]:
    """Turn a hang into a failing test instead of a stuck suite."""

    def bangun(signum: int, frame: object) -> None:
        raise TimeoutError(f"sakipgen did not finish within {detik} s")

    old = signal.signal(signal.SIGALRM, bangun)
    signal.alarm(detik)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


CASES = int(os.environ.get("SAKIPGEN_FUZZ_CASES", "25"))


@settings(
    max_examples=CASES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(plan=tanaman())
def test_hostile_folder_trees(plan: list[tuple[str, bytes, str, bytes]]) -> None:
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="sakipgen-fuzz-"))
    try:
        luar = base / "luar"
        luar.mkdir()
        (luar / "rahasia.md").write_text(RAHASIA + "\n", encoding="utf-8")
        root = salin(base)
        for tempat, nama, jenis, isi in plan:
            _tanam(root, luar, tempat, nama, jenis, isi)
        outside = _potret(luar)
        inside = _potret(root)
        with _anjing_penjaga(120):
            check = sakipgen("check", root)
            built = sakipgen("build", root, "--doc", "pk")
            lkjip = sakipgen("build", root, "--doc", "lkjip", "--year", "2021")
        for out in (check, built, lkjip):
            assert RAHASIA not in out.semua
        assert _potret(luar) == outside
        # Nothing outside DIR/build changed; nothing but .docx files were written there.
        after = _potret(root)
        build_prefix = os.fsencode(root / "build").hex()
        assert {k: v for k, v in after.items() if not k.startswith(build_prefix)} == {
            k: v for k, v in inside.items() if not k.startswith(build_prefix)
        }
        for name in ("pk-2021.docx", "lkjip-2021.docx"):
            docx = root / "build" / name
            # Only what sakipgen wrote (a planted entry in build/ may be a named pipe).
            if (
                docx.is_file()
                and not docx.is_symlink()
                and name.encode() in built.stdout.encode() + lkjip.stdout.encode()
            ):
                with zipfile.ZipFile(docx) as zf:
                    for part in zf.namelist():
                        assert RAHASIA.encode() not in zf.read(part)
        assert sorted(p.name for p in base.iterdir()) == [root.name, "luar"]
    finally:
        shutil.rmtree(base, ignore_errors=True)
