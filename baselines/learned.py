"""The learned baseline (scikit-learn); filled in with the learned-system work."""
