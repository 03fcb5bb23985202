"""The PySide6 review application (the core lives in ``medreview``)."""

from ui.compat import keep_none_alive

keep_none_alive()
