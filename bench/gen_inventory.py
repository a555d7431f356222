#!/usr/bin/python3
"""Writes a synthetic inventory for the load benchmark: N elements, about 1.5 N
links, N/10 sites, N/100 services; deterministic for a given seed.

The shape is telecom-like (a core, aggregation routers, cell sites with gNBs),
but only the size matters here: this measures reading and validating, not
analysis. Usage: gen_inventory.py ELEMENTS OUT.json [SEED]"""
import json
import random
import sys


def main():
    count = int(sys.argv[1])
    out_path = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    vendors = ["ericsson", "nokia", "huawei", "samsung", "cisco", "juniper"]
    ran_kinds = ["gnb", "du", "cu", "ru"]
    sites = max(1, count // 10)
    with open(out_path, "w", encoding="utf-8") as out:
        out.write('{"format": "redoubt/inventory@1",\n')
        out.write(' "network": {"id": "bench", "name": "Load benchmark", "country": "GB",'
                  ' "as_of": "2024-01-01"},\n "sites": [\n')
        for s in range(sites):
            lat = 50.0 + rng.random() * 8.0
            lon = -5.0 + rng.random() * 6.0
            sep = ",\n" if s else ""
            out.write(f'{sep}  {{"id": "s{s}", "kind": "{"datacenter" if s < 4 else "cell"}", '
                      f'"lat": {lat:.5f}, "lon": {lon:.5f}, "region": "r{s % 12}", '
                      f'"power": {{"substation": "sub{s % 500}", "backup_hours": 4}}}}')
        out.write('\n ],\n "elements": [\n')
        for e in range(count):
            if e < 64:
                kind = ["amf", "smf", "upf", "ausf", "udm", "nrf", "oss", "ems"][e % 8]
            elif e < count // 20:
                kind = "router"
            else:
                kind = ran_kinds[e % 4]
            vendor = vendors[(e // 1000) % len(vendors)]
            sep = ",\n" if e else ""
            out.write(f'{sep}  {{"id": "e{e}", "kind": "{kind}", "vendor": "{vendor}", '
                      f'"site": "s{e % sites}", "model": "{vendor}-{kind}", '
                      f'"software": "{e % 7}.{e % 3}.0", "installed": "2019-0{1 + e % 9}-15"}}')
        out.write('\n ],\n "links": [\n')
        links = 0
        seen = set()
        # A spanning tree (each element to an earlier one), then extra edges.
        for e in range(1, count):
            parent = rng.randrange(0, e) if e < 64 else rng.randrange(max(0, e - 5000), e)
            seen.add((min(parent, e), max(parent, e)))
            sep = ",\n" if links else ""
            out.write(f'{sep}  {{"a": "e{parent}", "b": "e{e}", "medium": "fiber", '
                      f'"capacity_gbps": 10, "latency_ms": 0.{1 + e % 9}}}')
            links += 1
        target = int(count * 1.5)
        while links < target:
            a = rng.randrange(count)
            b = rng.randrange(count)
            key = (min(a, b), max(a, b))
            if a == b or key in seen:
                continue
            seen.add(key)
            out.write(f',\n  {{"a": "e{a}", "b": "e{b}", "medium": "microwave", '
                      f'"capacity_gbps": 1, "length_km": {rng.random() * 20:.2f}}}')
            links += 1
        out.write('\n ],\n "services": [\n')
        for v in range(max(1, count // 100)):
            sep = ",\n" if v else ""
            out.write(f'{sep}  {{"id": "svc{v}", "sector": "public", '
                      f'"attach": ["e{count - 1 - v}"], "weight": 100}}')
        out.write('\n ]\n}\n')


if __name__ == "__main__":
    main()
