"""Imported by the worker pool's fork server only (`multiprocessing.set_forkserver_preload`), never by anything else.

Importing it warms the fork server: pressconv's readers and writers imported, their templates parsed and
fonts registered. Every worker is forked from that warm process, so a worker that replaces one killed on
a timeout is ready in milliseconds instead of paying the imports and first-use costs again.
"""

from __future__ import annotations

import contextlib

from pressconv.serve.worker import warm

# An error here would kill the fork server, and every worker with it; each worker warms (and fails) again on its own.
with contextlib.suppress(Exception):
    warm()
