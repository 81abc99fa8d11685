"""Excel files in and out (openpyxl): registers, collection forms, tables for the city's board."""
