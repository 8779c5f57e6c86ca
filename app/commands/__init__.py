"""Sub-commands of ``python -m app``, one module per feature (see ``app.cli.COMMAND_MODULES``)."""
