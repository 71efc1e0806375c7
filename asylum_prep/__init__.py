"""asylum-prep: asylum claim preparation assistant."""

__version__ = "0.1.0"
