"""sitegen: YAML records of a municipal program -> bilingual page content.

Nothing in this package imports MkDocs; `hooks/site.py` is the only adapter.
"""
