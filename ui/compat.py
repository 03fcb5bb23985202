"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

PySide6 6.12 is built for Python versions where ``None`` is immortal (3.12 and
later, PEP 683): its void methods (``setText``, ``setFocus``, ``polish``...)
hand ``None`` back without taking a reference. On Python 3.11 every such call
therefore lowers ``None``'s reference count by one, and after some thousands of
calls (minutes of an analyst's typing) the interpreter aborts with
"deallocating None". Measured here: ten ``QLabel.setText`` calls lower it by ten.

On Python before 3.12 the count is raised once, by far more than a process can
ever lower it, which makes ``None`` immortal in effect, as it is on 3.12. The
real fix is Python 3.12 or later (or a PySide6 release that takes its reference).
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 references: at a million unmatched calls a second, three hundred hours.
_RESERVE = 1 << 40


def keep_none_alive() -> None:
    """Make ``None`` immortal in effect on Python 3.11 (nothing to do on 3.12+)."""
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > _RESERVE:
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field
    refcount.value += _RESERVE
