"""bench.poll_cost: the CPU readings that separate the training's CPU from the polls' (per thread, per process)."""

from __future__ import annotations

import os
import threading
import time

from bench.poll_cost import process_cpu, thread_cpu


def test_thread_cpu_sees_each_thread_and_charges_work_to_the_thread_that_did_it():
    worked, may_end, tid = threading.Event(), threading.Event(), []

    def busy() -> None:
        tid.append(threading.get_native_id())
        end = time.thread_time() + 0.3
        while time.thread_time() < end:  # 0.3 s of this thread's own CPU
            pass
        worked.set()
        may_end.wait(30)

    me = threading.get_native_id()
    before, process_before = thread_cpu(os.getpid()), process_cpu(os.getpid())
    worker = threading.Thread(target=busy)
    worker.start()
    assert worked.wait(30)
    after = thread_cpu(os.getpid())
    may_end.set()
    worker.join()
    assert process_cpu(os.getpid()) - process_before >= 0.25  # an ended thread's CPU stays the process's
    assert me in before and me in after and tid[0] in after
    assert after[tid[0]] - before.get(tid[0], 0.0) >= 0.25  # clock ticks: 10 ms resolution
    assert after[me] - before[me] < 0.2  # this thread only waited
