"""The read-only detail view of one household or cooperative: file, ratings, edit history."""
