"""Who this database is: its random id and the secret key that signs what it sends out.

Made once per database by migration 0007 (at ``init``, ``demo``, the first open, or the upgrade of
an older file) and copied with it by a backup, so a restored database still recognises its own
collection workbooks. The secret is read here alone, through SQL of its own rather than a model:
the audit hooks never see it, and :class:`DatabaseIdentity` keeps it out of its ``repr`` so that
no log line or message can carry it.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlmodel import Session

from desktop.storage.errors import StorageError

TABLE = "databaseidentity"


class IdentityMissing(StorageError):
    """The database has no identity row (a file edited by another tool)."""


@dataclass(frozen=True)
class DatabaseIdentity:
    database_id: str
    secret: bytes = field(repr=False)

    def sign(self, payload: bytes) -> str:
        """HMAC-SHA256 of ``payload`` keyed by the database's secret, in hex."""
        return hmac.new(self.secret, payload, hashlib.sha256).hexdigest()

    def verify(self, payload: bytes, mac: str) -> bool:
        """Whether ``mac`` is this database's signature of ``payload`` (compared in constant time)."""
        return hmac.compare_digest(self.sign(payload), mac)


def database_identity(session: Session) -> DatabaseIdentity:
    """The identity of the session's database."""
    row = (
        session.connection()
        .execute(text(f"SELECT database_id, secret_key FROM {TABLE} WHERE id = 1"))
        .first()
    )
    if row is None:
        raise IdentityMissing(
            "Tệp dữ liệu thiếu mã nhận diện của cơ sở dữ liệu (có thể đã bị sửa bằng chương "
            "trình khác). Hãy khôi phục từ bản sao lưu gần nhất; dữ liệu không thay đổi."
        )
    return DatabaseIdentity(str(row[0]), bytes.fromhex(str(row[1])))
