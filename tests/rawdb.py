"""Opening a test store's database file directly, as another process (or an attacker
holding the key) would."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine

from medreview.store.db import create_store_engine
from medreview.store.keys import KEY_ENV, StoreKey, derive
from medreview.store.paths import normalise_url


def connect(path: Path | str) -> Any:
    """A DB-API connection to an (encrypted) embedded store, in autocommit mode."""
    conn = sqlcipher3.dbapi2.connect(str(path), isolation_level=None)
    conn.execute(StoreKey(derive(os.environ[KEY_ENV]), raw=True).pragma())
    return conn


def engine(url: str) -> Engine:
    """An engine on any test store, with its key."""
    return create_store_engine(normalise_url(url))
