"""Turning OCR words into the fields of a document type."""
