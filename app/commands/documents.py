"""``python -m app verify PAYLOAD|PDF``: check a certificate's signed QR offline.

A payload is the text of the QR code (what any phone scanner shows). A PDF is rendered with
poppler's ``pdftoppm`` and its QR codes read with ``zbarimg`` (Debian: poppler-utils,
zbar-tools); each certificate page is checked. Exit code 0 only if every certificate is
valid; otherwise the code of the first failure (see ``app.documents.signing.EXIT_CODES``).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from app.cli import EXIT_OK, CliError, data_dir, data_dir_argument, iso_date, login


def register(commands) -> None:
    parser = commands.add_parser("verify", help="离线核验信用户证书二维码（二维码文字或证书 PDF）")
    parser.add_argument("target", help="二维码内容（以 CV1| 开头），或证书 PDF 文件")
    parser.add_argument("--keyring", type=Path, default=None,
                        help="已知签发设备公钥文件（默认：数据目录中的 keyring.json，同步时更新）")
    parser.add_argument("--revoked", type=Path, default=None,
                        help="已撤销证书编号清单，每行一个（默认：数据目录中的 revoked.txt，本机撤销时更新）")
    parser.add_argument("--on", type=iso_date, default=None, help="按此日期核验（YYYY-MM-DD，默认今天）")
    data_dir_argument(parser, login=False)
    parser.set_defaults(handler=_verify)
    key = commands.add_parser("signing-key", help="本机证书签名密钥（首次使用时生成，加密保存）")
    actions = key.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="导出本机签名公钥（公钥文件，供平台或其他设备核验）")
    export.add_argument("--out", type=Path, required=True, help="输出的公钥文件（JSON）")
    data_dir_argument(export)
    export.set_defaults(handler=_export_key)


def _export_key(args: argparse.Namespace) -> int:
    from app.domain.problems import DomainError
    from app.services.signing_key import export_public_key

    ws = login(args)
    try:
        key_id = export_public_key(ws, args.out)
    except DomainError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"无法写入 {args.out}：{exc.strerror or exc}") from exc
    finally:
        ws.close()
    print(f"签名公钥 {key_id} → {args.out}")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from app.documents.keys import Keyring
    from app.documents.signing import verify_payload
    from app.domain.problems import DomainError

    keyring_path = args.keyring or data_dir(args) / "keyring.json"
    for given in (args.keyring, args.revoked):
        if given is not None and not given.is_file():
            raise CliError(f"找不到文件：{given}")
    try:
        keyring = Keyring.load(keyring_path) if keyring_path.exists() else Keyring()
        revoked = _read_revoked(args.revoked or _local_revocations(args))
    except (OSError, DomainError, ValueError) as exc:
        raise CliError(f"无法读取公钥或撤销清单：{exc}") from exc
    payloads = _payloads_of(args.target)
    worst = EXIT_OK
    for payload in payloads:
        result = verify_payload(payload, keyring, today=args.on or date.today(), revoked=revoked)
        print(result.message)
        worst = worst or result.exit_code
    return worst


def _local_revocations(args: argparse.Namespace) -> Path | None:
    """The data folder's list of certificates revoked on this device, if there is one."""
    from app.services.certificates import REVOKED_FILE

    path = data_dir(args) / REVOKED_FILE
    return path if path.exists() else None


def _read_revoked(path: Path | None) -> set[str]:
    if path is None:
        return set()
    return {line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()}


def _payloads_of(target: str) -> list[str]:
    path = Path(target)
    if not target.lower().endswith(".pdf"):
        return [target.strip()]
    if not path.is_file():
        raise CliError(f"找不到文件：{target}")
    tools = [shutil.which("pdftoppm"), shutil.which("zbarimg")]
    if not all(tools):
        raise CliError("核验 PDF 需要 pdftoppm 和 zbarimg（poppler-utils、zbar-tools）；也可直接输入二维码内容")
    with tempfile.TemporaryDirectory() as folder:
        rendered = subprocess.run([tools[0], "-r", "150", "-png", str(path), str(Path(folder) / "page")],
                                  capture_output=True)
        if rendered.returncode != 0:
            raise CliError(f"{target} 不是可读的 PDF 文件")
        payloads = []
        for page in sorted(Path(folder).glob("page*.png")):
            scan = subprocess.run([tools[1], "--quiet", "--raw", "-Sbinary", str(page)], capture_output=True)
            payloads += [line for line in scan.stdout.decode("utf-8", "replace").splitlines() if line.strip()]
    if not payloads:
        raise CliError(f"{target} 中没有找到证书二维码")
    return payloads
