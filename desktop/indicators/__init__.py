"""Indicators (chỉ tiêu): the plan's catalogue, yearly targets, quarterly values (số liệu quý),
their rules and locks, and the results against the targets."""
