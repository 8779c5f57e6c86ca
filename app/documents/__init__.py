"""Printed documents: certificates, public-notice lists, rating reports, and signed QR codes.

reportlab only, no Qt: the GUI, the CLI and the tests all call these functions headless.
The inputs are the plain frozen dataclasses of :mod:`app.documents.model`; layout and wording
of certificates come from the YAML templates in ``resources/templates/``.
"""
