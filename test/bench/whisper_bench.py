#!/usr/bin/python3
"""whisper.py side of `npm run bench -- storage`: the same work as test/bench/storage.ts, timed the same way.

Usage: /usr/bin/python3 test/bench/whisper_bench.py DIR CONFIG_JSON  → one JSON object on stdout.
"""
import json
import os
import sys
import time

import whisper


def main():
    work, config = sys.argv[1], json.loads(sys.argv[2])
    archives = [tuple(a) for a in config["archives"]]
    nfiles, step, start = config["files"], config["step"], config["start"]
    paths = [os.path.join(work, "py-%d.wsp" % i) for i in range(nfiles)]
    for p in paths:
        whisper.create(p, archives, sparse=True)
    out = {"updateMany": {}, "fetch": {}}
    clocks = [start] * nfiles

    def batch(f, size):
        t = clocks[f]
        clocks[f] = t + size * step
        return [(t + k * step, float(k % 17)) for k in range(size)], t + (size - 1) * step

    for size, calls in config["batches"]:
        # Batches are built before the clock starts: only whisper's own work is timed.
        work_items = [(paths[i % nfiles],) + batch(i % nfiles, size) for i in range(calls)]
        # path API: open, read header, write, close per call (whisper.update_many)
        t0 = time.perf_counter()
        for path, points, now in work_items:
            whisper.update_many(path, points, now=now)
        path_s = time.perf_counter() - t0
        # open-file API: file_update_many on handles kept open, after update_many's own normalisation
        handles = [open(p, "r+b", 0) for p in paths]
        work_items = [(handles[i % nfiles],) + batch(i % nfiles, size) for i in range(calls)]
        t0 = time.perf_counter()
        for fh, points, now in work_items:
            points = [(int(t), float(v)) for (t, v) in points]
            points.sort(key=lambda p: p[0], reverse=True)
            whisper.file_update_many(fh, points, now=now)
        handle_s = time.perf_counter() - t0
        for h in handles:
            h.close()
        out["updateMany"][str(size)] = {"calls": calls, "pathSeconds": path_s, "handleSeconds": handle_s}

    # one day of data in file 0, then fetch that day repeatedly
    day = 86400
    t = clocks[0]
    for k in range(0, day // step, 100):
        n = min(100, day // step - k)
        pts = [(t + (k + j) * step, float(j)) for j in range(n)]
        whisper.update_many(paths[0], pts, now=t + (k + n - 1) * step)
    now = t + (day // step - 1) * step
    fetches = config["fetches"]
    lat = []
    for _ in range(fetches):
        t0 = time.perf_counter()
        r = whisper.fetch(paths[0], now - day, now, now=now)
        lat.append(time.perf_counter() - t0)
    known = sum(1 for v in r[1] if v is not None)
    with open(paths[0], "rb") as fh:
        hlat = []
        for _ in range(fetches):
            t0 = time.perf_counter()
            whisper.file_fetch(fh, now - day, now, now=now)
            hlat.append(time.perf_counter() - t0)
    out["fetch"] = {"pathSeconds": sorted(lat), "handleSeconds": sorted(hlat), "points": len(r[1]), "known": known}
    for p in paths:
        os.unlink(p)
    print(json.dumps(out))


main()
