"""Demo content for the portal: phrase banks, generated images and documents, and a bulk page-tree writer.

Everything here is deterministic: it draws only from ``random.Random`` instances seeded by the caller.
"""
