#!/usr/bin/python3
"""Checks the Newman-Ziff percolation sweep against networkx on the Internet
Topology Zoo.

For every GraphML file: parses it with networkx, writes the edge list to
percolation_driver, and for each random ordering the driver returns, checks
that the giant component after k additions equals the largest connected
component of the subgraph induced by the first k nodes, for every k (graphs
up to 200 nodes) or for 40 evenly spaced k (larger ones).

Usage: percolation_oracle.py DRIVER GRAPHML_DIR [--sweeps N]. Exit 1 on any mismatch.
"""
import argparse
import json
import os
import subprocess
import sys

import networkx as nx


def check(driver, path, sweeps):
    graph = nx.read_graphml(path)
    nodes = list(graph.nodes())
    index = {node: position for position, node in enumerate(nodes)}
    lines = [f"nodes {len(nodes)}"]
    for a, b in graph.edges():
        lines.append(f"edge {index[a]} {index[b]}")
    lines.append(f"sweeps {sweeps} 11")
    result = json.loads(subprocess.run([driver], input="\n".join(lines), capture_output=True,
                                       text=True, check=True).stdout)
    simple = nx.Graph()
    simple.add_nodes_from(range(len(nodes)))
    simple.add_edges_from((index[a], index[b]) for a, b in graph.edges() if a != b)
    n = len(nodes)
    steps = range(n + 1) if n <= 200 else sorted({round(i * n / 40) for i in range(41)})
    problems = []
    for sweep in result["sweeps"]:
        order = sweep["order"]
        if sorted(order) != list(range(n)):
            problems.append("order is not a permutation")
            continue
        for k in steps:
            sub = simple.subgraph(order[:k])
            expected = max((len(c) for c in nx.connected_components(sub)), default=0)
            if sweep["giant"][k] != expected:
                problems.append(f"k={k}: giant {sweep['giant'][k]}, networkx {expected}")
                break
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("driver")
    parser.add_argument("folder")
    parser.add_argument("--sweeps", type=int, default=2)
    args = parser.parse_args()
    files = sorted(f for f in os.listdir(args.folder) if f.endswith(".graphml"))
    failed = 0
    for name in files:
        problems = check(args.driver, os.path.join(args.folder, name), args.sweeps)
        if problems:
            failed += 1
            print(f"{name}: {'; '.join(problems)}")
    print(f"percolation oracle: {len(files) - failed}/{len(files)} graphs match networkx")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
