"""Rating: schemes as checked data, the explainable scoring engine, village and township criteria.

Public entry points: :func:`app.rating.scheme.load_scheme` / ``find_scheme`` / ``list_schemes``,
:func:`app.rating.engine.rate` / ``apply_adjustment``, :mod:`app.rating.villages`,
:func:`app.rating.batch.rate_json_document`. No Qt and no SQL here.
"""
