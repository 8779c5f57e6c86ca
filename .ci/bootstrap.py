"""Set up a virtual environment for the project and run it: the README's two commands.

    python3 .ci/bootstrap.py demo   # set up, create a demo database, start the app
    python3 .ci/bootstrap.py test   # set up, run the whole test suite

Standard library only, so it runs on a fresh machine (Linux or Windows) before anything is
installed. On Debian as root it also installs the system libraries Qt needs offscreen.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
DEBIAN_PACKAGES = [
    # Qt offscreen and xcb (shared/STACK.md), fonts for the frozen app, poppler for PDF checks,
    # zbar to decode certificate QR codes from rendered pages.
    "libegl1", "libgl1", "libx11-6", "libdbus-1-3", "libfontconfig1", "libfreetype6",
    "libglib2.0-0", "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-image0", "libxcb-keysyms1", "libxcb-render-util0", "libxcb-render0",
    "libxcb-shape0", "libxcb-util1", "libxcb-xkb1", "xvfb", "xauth", "fontconfig-config",
    "fonts-dejavu-core", "poppler-utils", "zbar-tools",
    # The reference platform is also tested on PostgreSQL (tests/sync/test_sync_postgresql.py).
    "postgresql",
]


def venv_python() -> Path:
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def install_system_packages() -> None:
    """Debian only, and only as root (CI); elsewhere the wheels carry what Qt needs."""
    if os.name == "nt" or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                    *DEBIAN_PACKAGES], check=True, env=env, stdout=subprocess.DEVNULL)


def ensure_venv() -> Path:
    python = venv_python()
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".installed"
    wanted = (ROOT / "pyproject.toml").read_bytes()
    if not stamp.exists() or stamp.read_bytes() != wanted:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "-e", f"{ROOT}[dev]"], check=True)
        stamp.write_bytes(wanted)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "setup"}:
        print("usage: bootstrap.py demo|test|setup [args...]", file=sys.stderr)
        return 2
    if sys.version_info < (3, 11):
        print("Python 3.11 or newer is needed", file=sys.stderr)
        return 2
    install_system_packages()
    python = str(ensure_venv())
    command, rest = argv[0], argv[1:]
    if command == "setup":
        return 0
    if command == "test":
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.run([python, "-m", "pytest", "-n", "2", *rest], cwd=ROOT, env=env).returncode
    demo_dir = ROOT / ".demo-data"
    if not (demo_dir / "credit-village.db").exists():
        code = subprocess.run([python, "-m", "app", "demo", "--data-dir", str(demo_dir),
                               "--households", "3000"], cwd=ROOT).returncode
        if code:
            return code
    return subprocess.run([python, "-m", "app", "--data-dir", str(demo_dir), *rest], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
