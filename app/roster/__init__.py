"""Excel rosters in and out (no Qt, no database): templates, reading, mapping, writing.

- :mod:`app.roster.layout`: the sheets and columns of a questionnaire's roster.
- :mod:`app.roster.template`: the blank template (instructions, drop-downs, help comments).
- :mod:`app.roster.writer`: filled workbooks (export), formula injection neutralised.
- :mod:`app.roster.limits` and :mod:`app.roster.reader`: a workbook read safely, within limits
  (:mod:`app.roster.xlsx_read` and :mod:`app.roster.xlsx_rows`: expat, no DTDs or entities;
  :mod:`app.roster.csv_read`: one sheet from a UTF-8 or GB18030 CSV).
- :mod:`app.roster.cells`: one cell to a raw answer and back (labels, numbers, injection).
- :mod:`app.roster.mapping`: rows to data-standard records, with per-cell problems.
- :mod:`app.roster.check`: every record through the one validator, problems placed on cells.
- :mod:`app.roster.merge`: an update from a row (filled cells replace, the rest is kept).
- :mod:`app.roster.report`: problems by sheet, row and column, and the error workbook.

The services (:mod:`app.services.roster`) add permissions, matching and storage.
"""
