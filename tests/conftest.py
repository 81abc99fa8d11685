import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers.fixtures import ctx, data_dir, db, demo_db, main_window  # noqa: F401
