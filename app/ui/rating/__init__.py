"""Rating views: the breakdown of a stored rating, batch rating, the credit-village dashboard."""
