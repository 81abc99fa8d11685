"""The demo ward (phường mẫu) and the synthetic wards that benchmarks are measured on."""
