"""Encryption of a backup file with the clerk's passphrase (mật khẩu sao lưu), never stored.

Layout: a fixed header, then the archive in chunks sealed with AES-256-GCM.

* The key comes from scrypt (memory-hard), with its cost and a random salt kept in the header.
* Each chunk's nonce is a random prefix, the chunk counter and a "last chunk" flag, so chunks cannot
  be reordered or dropped and a file cut at a chunk boundary is still seen as truncated.
* The header ends with a keyed check value and a plain SHA-256 of the header itself: a header that
  hashes right but whose check value does not match means a wrong passphrase, anything else
  (a bad header digest, a chunk that fails authentication) means a damaged file.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.backup.errors import DamagedBackup, PassphraseRequired, WrongPassphrase
from desktop.backup.progress import ProgressSink, SilentProgress

MAGIC = b"TDBAKENC"
VERSION = 1
# scrypt cost: 2**17 × 8 × 128 bytes = 128 MiB of memory, about half a second on an office PC.
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
CHUNK_SIZE = 1 << 20
TAG_SIZE = 16
_FIELDS = struct.Struct(">8sBBBB16s7sI")  # magic, version, log2 n, r, p, salt, nonce prefix, chunk
HEADER_SIZE = _FIELDS.size + 32 + 32
# Refuse costs a forged header could use to exhaust memory or time before anything is checked.
_MAX_LOG2_N, _MAX_R, _MAX_P, _MAX_CHUNK = 20, 16, 4, 16 << 20
MIN_PASSPHRASE_LENGTH = 8


def is_encrypted(path: Path) -> bool:
    with Path(path).open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def passphrase_problem(passphrase: str, repeated: str | None = None) -> str | None:
    """Why a new passphrase is not acceptable (Vietnamese), or None."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"Mật khẩu phải có ít nhất {MIN_PASSPHRASE_LENGTH} ký tự."
    if repeated is not None and repeated != passphrase:
        return "Hai lần nhập mật khẩu không khớp nhau."
    return None


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    # Vietnamese keyboards send "ế" either as one character or as "e" plus combining marks; the
    # same passphrase typed on another PC must open the backup, so it is normalised first.
    normalised = unicodedata.normalize("NFC", passphrase)
    material = Scrypt(salt=salt, length=64, n=1 << log2_n, r=r, p=p).derive(
        normalised.encode("utf-8")
    )
    return material[:32], material[32:]


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


class EncryptingWriter:
    """A write-only stream that seals what is written to ``sink`` (zipfile writes into it).

    It has no ``tell``/``seek`` on purpose: zipfile then writes a streaming archive.
    """

    def __init__(self, sink: BinaryIO, passphrase: str) -> None:
        self._sink = sink
        salt, prefix = os.urandom(16), os.urandom(7)
        fields = _FIELDS.pack(
            MAGIC, VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, prefix, CHUNK_SIZE
        )
        key, check_key = _derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
        check = hmac.new(check_key, fields, hashlib.sha256).digest()
        digest = hashlib.sha256(fields + check).digest()
        sink.write(fields + check + digest)
        self._aead = AESGCM(key)
        self._aad = digest
        self._prefix = prefix
        self._counter = 0
        self._buffer = bytearray()
        self.closed = False

    def write(self, data: bytes) -> int:
        self._buffer += data
        # Keep at least one byte back: only close() knows which chunk is the last.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def _seal(self, chunk: bytes, last: bool) -> None:
        nonce = _nonce(self._prefix, self._counter, last)
        self._sink.write(self._aead.encrypt(nonce, chunk, self._aad))
        self._counter += 1

    def flush(self) -> None:
        self._sink.flush()

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self.closed = True


@dataclass(frozen=True)
class _Header:
    log2_n: int
    r: int
    p: int
    salt: bytes
    prefix: bytes
    chunk_size: int
    check: bytes
    digest: bytes
    fields: bytes


def _read_header(handle: BinaryIO, name: str) -> _Header:
    raw = handle.read(HEADER_SIZE)
    if len(raw) < HEADER_SIZE:
        raise DamagedBackup(f"Bản sao lưu “{name}” bị cắt cụt (thiếu phần đầu tệp).")
    fields, check, digest = raw[: _FIELDS.size], raw[_FIELDS.size : -32], raw[-32:]
    if hashlib.sha256(fields + check).digest() != digest:
        raise DamagedBackup(f"Phần đầu của bản sao lưu mã hóa “{name}” bị hỏng.")
    magic, version, log2_n, r, p, salt, prefix, chunk = _FIELDS.unpack(fields)
    if magic != MAGIC or version != VERSION:
        raise DamagedBackup(
            f"Bản sao lưu “{name}” được mã hóa theo cách mà phiên bản này không đọc được."
        )
    if not (10 <= log2_n <= _MAX_LOG2_N and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        raise DamagedBackup(f"Tham số mã hóa của bản sao lưu “{name}” không hợp lệ.")
    if not 1024 <= chunk <= _MAX_CHUNK:
        raise DamagedBackup(f"Tham số mã hóa của bản sao lưu “{name}” không hợp lệ.")
    return _Header(log2_n, r, p, salt, prefix, chunk, check, digest, fields)


def decrypt_file(
    source: Path,
    target: Path,
    passphrase: str | None,
    progress: ProgressSink | None = None,
) -> None:
    """Decrypt ``source`` into ``target``; raise WrongPassphrase or DamagedBackup (target removed)."""
    progress = progress or SilentProgress()
    name = source.name
    total = source.stat().st_size
    try:
        with source.open("rb") as handle, target.open("wb") as out:
            header = _read_header(handle, name)
            if not passphrase:
                raise PassphraseRequired(
                    f"Bản sao lưu “{name}” được mã hóa. Hãy nhập mật khẩu đã đặt khi sao lưu."
                )
            key, check_key = _derive(passphrase, header.salt, header.log2_n, header.r, header.p)
            expected = hmac.new(check_key, header.fields, hashlib.sha256).digest()
            if not hmac.compare_digest(expected, header.check):
                raise WrongPassphrase(
                    f"Mật khẩu không đúng cho bản sao lưu “{name}”. Tệp vẫn nguyên vẹn; hãy nhập "
                    "lại đúng mật khẩu đã đặt khi sao lưu (phân biệt chữ hoa, chữ thường, dấu)."
                )
            aead = AESGCM(key)
            block_size = header.chunk_size + TAG_SIZE
            counter = 0
            block = handle.read(block_size)
            while True:
                progress.check()
                following = handle.read(block_size)
                last = not following
                if len(block) < TAG_SIZE or (not last and len(block) != block_size):
                    raise DamagedBackup(f"Bản sao lưu “{name}” bị cắt cụt hoặc hỏng.")
                try:
                    out.write(
                        aead.decrypt(_nonce(header.prefix, counter, last), block, header.digest)
                    )
                except InvalidTag:
                    raise DamagedBackup(
                        f"Bản sao lưu “{name}” bị hỏng hoặc bị cắt cụt (khối dữ liệu thứ "
                        f"{counter + 1} không khớp mã xác thực)."
                    ) from None
                counter += 1
                progress.report(min(HEADER_SIZE + counter * block_size, total), total)
                if last:
                    break
                block = following
            out.flush()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
