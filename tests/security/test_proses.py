"""SIGTERM and SIGHUP while sakipgen has something running or a temporary folder open
(`build --pdf`, `diff`): LibreOffice, its children, the UNO helper and git are stopped,
the temporary folder is removed, and sakipgen exits with 128 + signal.

LibreOffice, its Python and git's object reader are faked with shell scripts that
record their pids and then wait forever, so the signal always arrives mid-conversion
(or mid-extraction), whatever the machine; no LibreOffice is needed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sakipgen import sinyal
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="POSIX signals and /proc (process sessions)"
)

BATAS = 120.0
"""Generous limit for every wait below; nothing is asserted about how long things take."""


def _tunggu(syarat: Callable[[], bool], apa: str) -> None:
    deadline = time.monotonic() + BATAS
    while not syarat():
        if time.monotonic() > deadline:
            pytest.fail(f"tidak terjadi dalam {BATAS:.0f} detik: {apa}")
        time.sleep(0.05)


def _keadaan(pid: int) -> str | None:
    """The state letter of a process (``Z`` for a zombie); None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return stat.rpartition(")")[2].split()[0]


def _hidup(pid: int) -> bool:
    return _keadaan(pid) not in (None, "Z")


def _anggota_sesi(sid: int) -> list[int]:
    """Live processes (zombies are dead) of session ``sid``."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if os.getsid(int(entry.name)) == sid and _hidup(int(entry.name)):
                out.append(int(entry.name))
    return out


def _pid(path: Path) -> int:
    return int(path.read_text(encoding="ascii"))


def _skrip(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)
    return path


def _catat(nama: Path) -> str:
    """Shell that writes the shell's pid to ``nama`` atomically (never read half written)."""
    return f'echo $$ > "{nama}.tmp" && mv "{nama}.tmp" "{nama}"\n'


def _sisa(tmpdir: Path) -> list[str]:
    return sorted(p.name for p in tmpdir.iterdir() if p.name.startswith("sakipgen-"))


_DARI_TERMINAL = (
    "import os, signal, sys\n"
    "for s in (signal.SIGTERM, signal.SIGHUP):\n"
    "    signal.signal(s, signal.SIG_DFL)\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'sakipgen', *sys.argv[1:]])\n"
)
"""sakipgen as a terminal starts it: SIGTERM and SIGHUP at their default, whatever this
test process inherited (``nohup pytest`` ignores SIGHUP, and an ignored signal stays
ignored across exec, so sakipgen would rightly leave it ignored). The same process
(``exec``), so its pid is the one signalled."""


@contextlib.contextmanager
def _sakipgen(args: list[str], cwd: Path, env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    log = cwd / "sakipgen.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", _DARI_TERMINAL, *args],
            cwd=cwd,
            env={**os.environ, "NO_COLOR": "1", **env},
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert "Traceback" not in log.read_text(encoding="utf-8")


def _bunuh(pids: list[Path], sesi: Path | None = None) -> None:
    """Leave nothing running should the test fail half way."""
    for p in pids:
        with contextlib.suppress(OSError, ValueError):
            os.kill(_pid(p), signal.SIGKILL)
    if sesi is not None:
        with contextlib.suppress(OSError, ValueError):
            os.killpg(_pid(sesi), signal.SIGKILL)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_during_pdf_stops_libreoffice_and_removes_the_temporary_folder(
    tmp_path: Path, sig: signal.Signals
) -> None:
    fake = tmp_path / "palsu"
    fake.mkdir()
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    blora = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", blora, ignore=shutil.ignore_patterns("build"))
    soffice_pid, anak_pid, pembantu_pid = (
        fake / n for n in ("soffice.pid", "anak.pid", "pembantu.pid")
    )
    # A LibreOffice that ignores SIGTERM (only SIGKILL ends it) and has a child of its
    # own, like oosplash with soffice.bin.
    soffice = _skrip(
        fake / "soffice",
        _catat(soffice_pid)
        + "trap '' TERM\n"
        + "sleep 600 &\n"
        + f'echo $! > "{anak_pid}.tmp" && mv "{anak_pid}.tmp" "{anak_pid}"\n'
        + "wait\n",
    )
    # A Python with "uno" that, as the conversion helper, never answers.
    python = _skrip(
        fake / "python3",
        'if [ "$1" = "-c" ]; then exit 0; fi\n' + _catat(pembantu_pid) + "exec sleep 600\n",
    )
    env = {
        "TMPDIR": str(tmpdir),
        "SAKIPGEN_SOFFICE": str(soffice),
        "SAKIPGEN_UNO_PYTHON": str(python),
    }
    args = ["build", "blora", "--doc", "pk", "--pdf", "--out", str(tmp_path / "keluar")]
    try:
        with _sakipgen(args, tmp_path, env) as proc:
            _tunggu(
                lambda: (anak_pid.exists() and pembantu_pid.exists()) or proc.poll() is not None,
                "LibreOffice palsu dan pembantunya berjalan",
            )
            assert proc.poll() is None, (tmp_path / "sakipgen.log").read_text(encoding="utf-8")
            assert _sisa(tmpdir), "the conversion works in a sakipgen-pdf-* folder"
            assert (tmp_path / "keluar" / "pk-2021.docx").is_file()
            sesi = _pid(soffice_pid)  # start_new_session: its pid is the session's id
            # (The `mv` that wrote anak.pid may still be on its way out: wait for it.)
            _tunggu(
                lambda: sorted(_anggota_sesi(sesi)) == sorted([sesi, _pid(anak_pid)]),
                "sesi LibreOffice palsu: skrip dan anaknya",
            )

            proc.send_signal(sig)
            assert proc.wait(timeout=BATAS) == 128 + sig

        _tunggu(lambda: not _anggota_sesi(sesi), "sesi LibreOffice kosong")
        assert not _hidup(_pid(anak_pid))
        assert not _hidup(_pid(pembantu_pid))
        assert _sisa(tmpdir) == []
    finally:
        _bunuh([anak_pid, pembantu_pid], soffice_pid)


@pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")
def test_signal_during_diff_stops_git_and_removes_the_temporary_folder(tmp_path: Path) -> None:
    from tests.cli.test_diff import repo_with

    _repo, folder = repo_with(tmp_path)
    real_git = shutil.which("git")
    fake = tmp_path / "palsu"
    fake.mkdir()
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    git_pid = fake / "git.pid"
    # git as it is, except that reading objects hangs.
    _skrip(
        fake / "git",
        'for a in "$@"; do\n'
        '  if [ "$a" = cat-file ]; then\n' + _catat(git_pid) + "    exec sleep 600\n  fi\n"
        "done\n"
        f'exec "{real_git}" "$@"\n',
    )
    env = {"TMPDIR": str(tmpdir), "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"}
    try:
        with _sakipgen(["diff", str(folder), "HEAD"], tmp_path, env) as proc:
            _tunggu(lambda: git_pid.exists() or proc.poll() is not None, "git cat-file berjalan")
            assert proc.poll() is None, (tmp_path / "sakipgen.log").read_text(encoding="utf-8")
            assert _sisa(tmpdir), "the revision is extracted to a sakipgen-revisi-* folder"
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=BATAS) == 128 + signal.SIGTERM
        _tunggu(lambda: not _hidup(_pid(git_pid)), "git berhenti")
        assert _sisa(tmpdir) == []
    finally:
        _bunuh([git_pid])


# --- sakipgen.sinyal in process ---------------------------------------------------------


def _kirim(sig: signal.Signals) -> None:
    """Send ``sig`` to this process and give Python the chance to run its handler."""
    os.kill(os.getpid(), sig)
    for _ in range(100):
        time.sleep(0.01)


@pytest.fixture
def penangan_awal() -> Iterator[dict[int, object]]:
    """The handlers before the test; each test checks they are back afterwards."""
    sigs = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
    before: dict[int, object] = {s: signal.getsignal(s) for s in sigs}
    yield before
    assert {s: signal.getsignal(s) for s in sigs} == before


@pytest.fixture
def sighup_bawaan(penangan_awal: dict[int, object]) -> Iterator[None]:
    """SIGHUP at its default disposition, as in a terminal, for a test that sends it and
    expects it handled: under ``nohup`` the test process inherits it ignored, and the
    guard then rightly leaves it alone (test_ignored_signal_stays_ignored)."""
    old = signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGHUP, old)


@pytest.fixture
def ctrl_c_python(penangan_awal: dict[int, object]) -> Iterator[None]:
    """Python's own Ctrl-C handler, as in a terminal. A job started in the background
    by a non-interactive shell (``cmd &``, as some CI runners do) inherits SIGINT
    ignored, and Python then installs no handler at all; the tests of Ctrl-C need it."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def test_guard_turns_sigterm_into_exit_143(penangan_awal: dict[int, object]) -> None:
    reached = False
    with pytest.raises(sinyal.Dihentikan) as raised, sinyal.dijaga():
        assert signal.getsignal(signal.SIGTERM) is not penangan_awal[signal.SIGTERM]
        _kirim(signal.SIGTERM)
        reached = True
    assert not reached
    assert raised.value.code == 143 and raised.value.signum == signal.SIGTERM
    assert isinstance(raised.value, SystemExit)  # passes every `except Exception`


def test_signal_in_a_deferred_block_is_raised_when_it_ends(sighup_bawaan: None) -> None:
    steps: list[str] = []
    with pytest.raises(sinyal.Dihentikan) as raised, sinyal.dijaga():
        with sinyal.tunda():
            _kirim(signal.SIGHUP)
            steps.append("blok selesai")
        steps.append("sesudah blok")
    assert steps == ["blok selesai"]
    assert raised.value.code == 128 + signal.SIGHUP


def test_second_signal_does_not_abort_the_cleanup(ctrl_c_python: None, sighup_bawaan: None) -> None:
    cleaned: list[str] = []
    with pytest.raises(sinyal.Dihentikan) as raised, sinyal.dijaga():
        try:
            _kirim(signal.SIGTERM)
        finally:
            _kirim(signal.SIGTERM)
            _kirim(signal.SIGHUP)
            _kirim(signal.SIGINT)
            cleaned.append("bersih")
    assert cleaned == ["bersih"]
    assert raised.value.code == 143  # the first signal decides


def test_temporary_folder_is_removed_on_sigterm(
    tmp_path: Path, penangan_awal: dict[int, object]
) -> None:
    made: list[Path] = []
    with (
        pytest.raises(sinyal.Dihentikan),
        sinyal.dijaga(),
        sinyal.folder_sementara("sakipgen-uji-") as folder,
    ):
        made.append(folder)
        (folder / "sub").mkdir()
        (folder / "sub" / "berkas").write_text("x", encoding="utf-8")
        os.symlink(tmp_path, folder / "tautan")  # removed, never followed
        _kirim(signal.SIGTERM)
    assert made and not made[0].exists()
    assert tmp_path.is_dir()


def test_ignored_signal_stays_ignored(penangan_awal: dict[int, object]) -> None:
    old = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
    try:
        with sinyal.dijaga():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            _kirim(signal.SIGHUP)
            done = True
        assert done
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, old)


def test_ctrl_c_is_still_keyboard_interrupt(ctrl_c_python: None) -> None:
    with pytest.raises(KeyboardInterrupt), sinyal.dijaga():
        _kirim(signal.SIGINT)


def test_signal_tests_pass_with_sighup_inherited_ignored() -> None:
    """``nohup python -m pytest`` starts the suite with SIGHUP ignored; the tests that send
    SIGHUP must not depend on that (each sets the disposition a terminal gives)."""
    nohup = (
        "import signal, sys, pytest\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "sys.exit(pytest.main(sys.argv[1:]))\n"
    )
    tests = [
        "test_signal_during_pdf_stops_libreoffice_and_removes_the_temporary_folder[SIGHUP]",
        "test_signal_in_a_deferred_block_is_raised_when_it_ends",
        "test_second_signal_does_not_abort_the_cleanup",
    ]
    proc = subprocess.run(
        [sys.executable, "-c", nohup, "-q", "-p", "no:cacheprovider"]
        + [f"{__file__}::{name}" for name in tests],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=3 * BATAS,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 passed" in proc.stdout
