"""Record editors generated from the questionnaires (household, cooperative)."""
