"""Excel rosters in the GUI: the import dialog, the template download and the export action."""
