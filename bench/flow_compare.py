#!/usr/bin/python3
"""Times networkx's node_connectivity on the queries flow_compare wrote, checks
it finds the same counts as redoubt, and prints the speed ratio.

Usage: flow_compare.py QUERIES OURS.json
"""
import json
import sys
import time

import networkx as nx


def main():
    queries_path, ours_path = sys.argv[1], sys.argv[2]
    ours = json.load(open(ours_path))
    graph = nx.Graph()
    pairs, sets = [], []
    for line in open(queries_path):
        words = line.split()
        if words[0] == 'nodes':
            graph.add_nodes_from(range(int(words[1])))
        elif words[0] == 'edge':
            a, b = int(words[1]), int(words[2])
            if a != b:
                graph.add_edge(a, b)
        elif words[0] == 'pair':
            pairs.append((int(words[1]), int(words[2])))
        elif words[0] == 'sets':
            count = int(words[1])
            sources = [int(w) for w in words[2:2 + count]]
            targets = [int(w) for w in words[3 + count:]]
            sets.append((sources, targets))
    # networkx's advice for many pairs: build the auxiliary digraph and the
    # residual network once and reuse them (the fair comparison).
    from networkx.algorithms.connectivity import build_auxiliary_node_connectivity
    from networkx.algorithms.flow import build_residual_network
    start = time.perf_counter()
    auxiliary = build_auxiliary_node_connectivity(graph)
    residual = build_residual_network(auxiliary, 'capacity')
    pair_counts = [nx.algorithms.connectivity.local_node_connectivity(
        graph, s, t, auxiliary=auxiliary, residual=residual) for s, t in pairs]
    pair_seconds = time.perf_counter() - start
    # Sets: sources merged into one node and targets into another (the same
    # semantics as redoubt); only the node_connectivity call is timed.
    set_seconds = 0.0
    set_counts = []
    for sources, targets in sets:
        mapping = {node: 'S' for node in sources}
        mapping.update({node: 'T' for node in targets})
        merged = nx.relabel_nodes(graph, mapping, copy=True)
        merged.remove_edges_from(list(nx.selfloop_edges(merged)))
        start = time.perf_counter()
        set_counts.append(nx.node_connectivity(merged, 'S', 'T'))
        set_seconds += time.perf_counter() - start
    ok = pair_counts == ours['pairs'] and set_counts == ours['sets']
    print(f'graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges')
    print(f'single pairs ({len(pairs)}): redoubt {ours["pair_seconds"]:.4f} s, '
          f'networkx {pair_seconds:.3f} s, ratio {pair_seconds / max(ours["pair_seconds"], 1e-9):.0f}x')
    print(f'services -> AMFs ({len(sets)}): redoubt {ours["set_seconds"]:.4f} s, '
          f'networkx {set_seconds:.3f} s, ratio {set_seconds / max(ours["set_seconds"], 1e-9):.0f}x')
    print('counts agree' if ok else 'COUNTS DIFFER')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
