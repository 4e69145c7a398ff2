"""Trainer reports from recorded attempts: CSV (one row per attempt), JSON, and an offline HTML page.

All three are rendered from one ``figures.Figures`` so their numbers agree; the definitions of the
figures (means, pass rates, the choice heatmap) are in ``figures`` and docs/progress.md.
"""
