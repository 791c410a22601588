"""bench/serve.py's parts: the load generator, the stack's processes, the database, the phases,
the outage run and the report."""
