"""The Qt-free core: templates, field kinds, rules, drafts and the document model.

Nothing in this package imports Qt, so it can be used and tested headless (the CLI runs on it).
"""
