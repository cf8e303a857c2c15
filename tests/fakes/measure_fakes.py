#!/usr/bin/env python3
"""Measures how fast playlist-bridge-fakes answers on a large generated world. A program that
prints numbers, run by hand (never a timed test); build Release first:

  cmake -S . -B build/rel -G Ninja -DCMAKE_BUILD_TYPE=Release
  cmake --build build/rel --target playlist-bridge-fakes
  python3 tests/fakes/measure_fakes.py build/rel/src/fakes/playlist-bridge-fakes --library 50000 --requests 300

Each endpoint is called --requests times, sequentially on one keep-alive connection;
it prints the median and 95th percentile latency and the request rate.
"""
import argparse
import http.client
import json
import statistics
import subprocess
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("fakes")
    ap.add_argument("--library", type=int, default=50000)
    ap.add_argument("--requests", type=int, default=300)
    args = ap.parse_args()
    t0 = time.perf_counter()
    proc = subprocess.Popen([args.fakes, "--generate", f"{args.library},2,1000"], stdout=subprocess.PIPE, text=True)
    try:
        urls = json.loads(proc.stdout.readline())
        print(f"world of {args.library} library tracks ready in {time.perf_counter() - t0:.2f} s")
        pms = urllib.parse.urlparse(urls["plexServer"])
        conn = http.client.HTTPConnection(pms.hostname, pms.port)
        h = {"Accept": "application/json", "X-Plex-Token": "fake-plex-server-token"}
        conn.request("GET", "/library/sections/1/all?type=10&X-Plex-Container-Size=200", headers=h)
        titles = [m["title"] for m in json.loads(conn.getresponse().read())["MediaContainer"]["Metadata"]]
        cases = {
            "title== (exact)": lambda i: "/library/sections/1/all?type=10&" + urllib.parse.urlencode(
                {"title=": titles[i % len(titles)]}),
            "title= (contains) + artist.title=": lambda i: "/library/sections/1/all?type=10&" + urllib.parse.urlencode(
                {"title": titles[i % len(titles)].split(" No.")[0], "artist.title": "The"}) + "&X-Plex-Container-Size=50",
            "hubs/search": lambda i: "/hubs/search?" + urllib.parse.urlencode(
                {"query": titles[i % len(titles)], "sectionId": "1", "limit": "10"}),
            "library/metadata (10 keys)": lambda i: "/library/metadata/" + ",".join(
                str(10000 + (i * 10 + k) % args.library) for k in range(10)),
        }
        for name, make in cases.items():
            lat = []
            start = time.perf_counter()
            for i in range(args.requests):
                t = time.perf_counter()
                conn.request("GET", make(i), headers=h)
                r = conn.getresponse()
                r.read()
                assert r.status == 200, (name, r.status)
                lat.append((time.perf_counter() - t) * 1000)
            total = time.perf_counter() - start
            lat.sort()
            print(f"{name:38s} median {statistics.median(lat):7.2f} ms  p95 {lat[int(len(lat) * 0.95) - 1]:7.2f} ms"
                  f"  {args.requests / total:7.1f} req/s")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
