"""``medreview serve``: the HTTP API over the store (FastAPI on uvicorn).

- :mod:`medreview.api.app`: the application (routes, authentication with API
  tokens, JSON errors, OpenAPI documentation at ``/docs``).
- :mod:`medreview.api.workers`: the background ingest that OCRs uploads with the
  same ingest workers as ``medreview ingest``, and the process pool that runs
  one-off extractions.
- :mod:`medreview.api.limits`: the request size limit, enforced before and while
  the body is read.
"""
