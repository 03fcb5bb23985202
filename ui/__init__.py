"""The PySide6 review application (the core lives in ``medreview``)."""
