"""The division tree (county → township → village)."""
