"""The movement page: activities, initiatives, units' commitments; the first page's "việc cần làm"."""
