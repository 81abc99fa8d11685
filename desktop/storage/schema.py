"""What identifies a ThiĐua database file, and the schema revision this app writes."""

# PRAGMA application_id: "TDUA" as a big-endian 32-bit integer, set on every file the app creates.
APPLICATION_ID = 0x54445541
SQLITE_HEADER = b"SQLite format 3\x00"
# The newest Alembic revision under migrations/versions; a test keeps the two equal. Known here so
# that start-up can tell "nothing to migrate" without importing Alembic.
HEAD_REVISION = "0008"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
