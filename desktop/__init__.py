"""ThiĐua — the ward's emulation movement register (phong trào thi đua) for one clerk, offline.

The package is split so that everything below ``desktop.ui`` is free of Qt widgets: the domain
(models, rules, storage, import/export, documents) is driven by the command line and by the GUI alike.
"""

__version__ = "0.1.0"
APP_NAME = "ThiĐua"
# Shown as the publisher by the installer, the uninstall entry and the program's file properties.
PUBLISHER = "UBND phường"
