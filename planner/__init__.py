"""Tandem: one plan for sales and marketing."""

__version__ = "0.1.0"
APP_NAME = "Tandem"
