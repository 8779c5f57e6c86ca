"""What the household and cooperative lists share: a lazy table model and a list panel."""
