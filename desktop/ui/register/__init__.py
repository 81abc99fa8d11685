"""Đơn vị page: the register of units with its persons panel, dialogs, table models and Excel actions."""
