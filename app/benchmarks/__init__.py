"""`make bench`: ingestion throughput, the API against Datasette on the same file, and the weight of the page.

Modules: `synthetic` writes articles from templates, `corpus` builds a large database by direct inserts,
`ingestion` times the real ingestion path, `load` is the HTTP load generator, `servers` starts and stops the
app and Datasette, `api` compares them, `page` measures `/` in headless Chromium, `report` writes the table.
"""
