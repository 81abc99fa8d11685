"""The manifest (bản kê) of a backup: what it holds and the SHA-256 of every member.

It is stored as ``manifest.json`` inside the archive, and its own SHA-256 is written in the zip's
comment: a re-zipped archive (another tool drops or changes the comment) or an edited manifest is
caught before any member is trusted.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime

from desktop.backup.errors import DamagedBackup

# Format 2 added the issued documents' PDFs and the window's settings; an older app refuses it by
# its format rather than calling its new members foreign.
FORMAT = 2
MANIFEST_NAME = "manifest.json"
DATABASE_MEMBER = "database/thidua.sqlite3"
ATTACHMENTS_PREFIX = "attachments/"
DOCUMENTS_PREFIX = "documents/"
WINDOW_SETTINGS_MEMBER = "window.ini"
# What a backup holds, by the names of the data folder's items; format 1 held only the first two.
DATABASE, ATTACHMENTS, DOCUMENTS, WINDOW_SETTINGS = (
    "database",
    "attachments",
    "documents",
    "window.ini",
)
FORMAT_1_HOLDS = [DATABASE, ATTACHMENTS]
_COMMENT = re.compile(rb"^ThiDua-backup/(\d+) manifest-sha256=([0-9a-f]{64})$")


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    sha256: str


@dataclass
class Manifest:
    app_version: str
    schema_revision: str | None
    created_at: str  # ISO local time, seconds
    ward: str
    counts: dict[str, int]
    last_audit_id: int
    members: list[Member] = field(default_factory=list)
    format: int = FORMAT
    holds: list[str] = field(default_factory=lambda: list(FORMAT_1_HOLDS))

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    @property
    def attachment_count(self) -> int:
        return sum(1 for m in self.members if m.name.startswith(ATTACHMENTS_PREFIX))

    @property
    def document_count(self) -> int:
        return sum(1 for m in self.members if m.name.startswith(DOCUMENTS_PREFIX))

    @property
    def total_size(self) -> int:
        return sum(m.size for m in self.members)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True).encode(
            "utf-8"
        )

    @classmethod
    def from_json(cls, raw: bytes, name: str) -> Manifest:
        bad = DamagedBackup(f"Bản kê (manifest) của bản sao lưu “{name}” không đọc được.")
        try:
            data = json.loads(raw.decode("utf-8"))
            members = [
                Member(str(m["name"]), int(m["size"]), str(m["sha256"])) for m in data["members"]
            ]
            manifest = cls(
                app_version=str(data["app_version"]),
                schema_revision=data["schema_revision"],
                created_at=str(data["created_at"]),
                ward=str(data["ward"]),
                counts={str(k): int(v) for k, v in data["counts"].items()},
                last_audit_id=int(data["last_audit_id"]),
                members=members,
                format=int(data["format"]),
                holds=[str(h) for h in data.get("holds", FORMAT_1_HOLDS)],
            )
            manifest.created  # noqa: B018 - a date that does not parse is a damaged manifest
        except (ValueError, KeyError, TypeError, AttributeError):
            raise bad from None
        return manifest


def comment_for(manifest_sha256: str) -> bytes:
    return f"ThiDua-backup/{FORMAT} manifest-sha256={manifest_sha256}".encode("ascii")


def manifest_hash_from_comment(comment: bytes, name: str) -> str:
    """The manifest hash the archive was sealed with; a missing comment means re-zipped or foreign."""
    match = _COMMENT.match(comment)
    if match is None:
        raise DamagedBackup(
            f"Tệp “{name}” không phải là bản sao lưu ThiĐua nguyên gốc (có thể đã bị giải nén rồi "
            "nén lại bằng chương trình khác). Hãy dùng đúng tệp .tdbak do ThiĐua tạo."
        )
    if int(match.group(1)) > FORMAT:
        raise DamagedBackup(
            f"Bản sao lưu “{name}” dùng định dạng mới hơn phiên bản này. Hãy cập nhật ThiĐua."
        )
    return match.group(2).decode("ascii")
