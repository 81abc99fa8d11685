"""Hồ sơ khen thưởng page: campaigns, the award catalogue, dossiers and their editor and steps."""
