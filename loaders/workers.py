"""The worker processes that parse plan files in parallel (`load_plans(jobs=…)`).

Workers are started by a fork server (by spawning where the platform has none), never by forking
the loading process: the lexical model (onnxruntime) and a progress bar keep threads that a fork
would copy in an unknown state, and a worker that inherits a model whose threads are gone hangs.
The fork server imports the loaders once, so a worker starts in milliseconds; each still loads
LAC's model and jieba's dictionary the first time it needs them (about a second).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

__all__ = ["FILES_PER_WORKER", "cores", "process_pool", "workers_for"]

#: What the fork server imports before it forks workers: the loaders, and `__main__` as usual.
_PRELOAD = ["__main__", "loaders.pipeline"]


def cores() -> int:
    """The cores this process may run on: the default number of jobs."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: What starting a worker costs (LAC's model and jieba's dictionaries, about 1.5 s) is the parse of
#: about ten plans: with jobs left to choose, a worker is started for each ten files to parse.
FILES_PER_WORKER = 10


def workers_for(jobs: int | None, files: int) -> int:
    """How many workers parse `files` files: `jobs` if given (never more than the files), else one
    a core when each has `FILES_PER_WORKER` files to parse. Fewer than two: parse in this process."""
    if jobs is None:
        return min(cores(), files // FILES_PER_WORKER)
    return min(jobs, files)


def process_pool(
    workers: int, initializer: Callable[..., None], initargs: tuple[object, ...]
) -> ProcessPoolExecutor:
    """A pool of `workers` processes, each set up by `initializer(*initargs)` once."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)
