"""Vectorised numpy reference of the analytic model (event-driven: alarm counts per trial, then
one Bernoulli per alarm). Prints trials, uses, wall seconds and process CPU seconds as JSON."""
import json
import sys
import time

import numpy as np

trials, l, f, m, days = int(sys.argv[1]), *map(float, sys.argv[2:6])
rng = np.random.default_rng(12345)
start = time.perf_counter()
cpu_start = time.process_time()
uses = 0
batch = 1_000_000
done = 0
while done < trials:
    n = min(batch, trials - done)
    alarms = rng.poisson(l * days, n)
    total = int(alarms.sum())
    hit = (rng.random(total) < f) & (rng.random(total) < m)
    owner = np.repeat(np.arange(n), alarms)
    uses += int(np.unique(owner[hit]).size)
    done += n
seconds = time.perf_counter() - start
cpu_seconds = time.process_time() - cpu_start
print(json.dumps({"trials": trials, "uses": uses, "seconds": seconds, "cpuSeconds": cpu_seconds}))
