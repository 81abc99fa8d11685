"""Words of the movement page (Phong trào) and of its tabs."""

PAGE_TITLE = "Phong trào"
