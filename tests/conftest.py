import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers.fixtures import ctx, data_dir, db, demo_db, main_window  # noqa: F401
from tests.helpers.logfail import expects_logged_errors, fail_on_background_exceptions  # noqa: F401
