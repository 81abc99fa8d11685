"""Chỉ tiêu & số liệu page: the indicator catalogue, the quarterly grid, results and charts."""
