"""Printing in the app: document preview (QtPdf), printing, saving, the certificate register."""
