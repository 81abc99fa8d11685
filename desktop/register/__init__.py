"""The register (sổ đăng ký): units (đơn vị) and persons (cá nhân), their keys and their rules."""
