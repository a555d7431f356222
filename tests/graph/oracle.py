#!/usr/bin/python3
"""Checks the graph algorithms against networkx on the Internet Topology Zoo.

For every GraphML file: parses it with networkx, writes the raw edge list
(parallel edges and self-loops included) to graph_oracle_driver, and compares
what the driver computes with networkx on the simple graph (parallel edges
merged, self-loops dropped): connected components, articulation points,
biconnected components, BFS hop counts and Dijkstra distances from sampled
sources (weight 1 + (u + v) % 7 on node indices, given to both sides), local
node connectivity for sampled non-adjacent pairs and between sampled node sets
(sources merged into one node, targets into another), and that each minimum
vertex cut has that size and separates, and each set of paths is valid and
internally disjoint.

Usage: oracle.py DRIVER GRAPHML_DIR [--pairs N] [--sources N] [--sets N] [--only NAME]
Sampling is deterministic (seeded by the file name). Exit 1 on any mismatch.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import zlib

import networkx as nx


def weight(u, v):
    return 1 + (u + v) % 7


def sample_queries(graph, rng, pairs, sources, sets):
    nodes = sorted(graph.nodes())
    chosen_sources = rng.sample(nodes, min(sources, len(nodes)))
    pair_list = []
    attempts = 0
    while len(pair_list) < pairs and attempts < 50 * pairs and len(nodes) >= 2:
        attempts += 1
        s, t = rng.sample(nodes, 2)
        if graph.has_edge(s, t) or (s, t) in pair_list:
            continue
        pair_list.append((s, t))
    set_list = []
    attempts = 0
    while len(set_list) < sets and attempts < 50 * sets and len(nodes) >= 6:
        attempts += 1
        picked = rng.sample(nodes, 4)
        from_set, to_set = sorted(picked[:2]), sorted(picked[2:])
        if any(graph.has_edge(s, t) for s in from_set for t in to_set):
            continue
        set_list.append((from_set, to_set))
    return chosen_sources, pair_list, set_list


def merged(graph, from_set, to_set):
    """The graph with the sources merged into 'S' and the targets into 'T'."""
    mapping = {node: 'S' for node in from_set}
    mapping.update({node: 'T' for node in to_set})
    merged_graph = nx.relabel_nodes(graph, mapping, copy=True)
    merged_graph.remove_edges_from(list(nx.selfloop_edges(merged_graph)))
    return merged_graph


def check_flow(name, graph, entry, problems):
    from_set, to_set = entry['sources'], entry['targets']
    if len(from_set) == 1 and len(to_set) == 1:
        expected = nx.node_connectivity(graph, from_set[0], to_set[0])
        label = f'pair {from_set[0]}-{to_set[0]}'
    else:
        expected = nx.node_connectivity(merged(graph, from_set, to_set), 'S', 'T')
        label = f'sets {from_set}-{to_set}'
    count = entry['count']
    if entry['unbounded'] or count != expected:
        problems.append(f'{name}: {label}: node connectivity {count}, networkx {expected}')
        return
    if entry['count_capped_at_2'] != min(expected, 2):
        problems.append(f'{name}: {label}: capped count {entry["count_capped_at_2"]}')
    ends = set(from_set) | set(to_set)
    cut = entry['cut']
    if len(cut) != expected or ends & set(cut):
        problems.append(f'{name}: {label}: cut {cut} is not of size {expected} outside the ends')
    else:
        rest = graph.copy()
        rest.remove_nodes_from(cut)
        if any(nx.has_path(rest, s, t) for s in from_set for t in to_set):
            problems.append(f'{name}: {label}: cut {cut} does not separate')
    paths = entry['paths']
    inner_seen = set()
    if len(paths) != expected:
        problems.append(f'{name}: {label}: {len(paths)} paths for connectivity {expected}')
    for path in paths:
        ok = path[0] in from_set and path[-1] in to_set and len(path) >= 3
        ok = ok and all(graph.has_edge(a, b) for a, b in zip(path, path[1:]))
        inner = path[1:-1]
        ok = ok and not (set(inner) & ends) and not (set(inner) & inner_seen)
        ok = ok and len(set(inner)) == len(inner)
        inner_seen.update(inner)
        if not ok:
            problems.append(f'{name}: {label}: path {path} is not valid or not disjoint')


def check_graph(path, driver, args, problems, totals):
    name = os.path.basename(path)
    raw = nx.read_graphml(path)
    index = {node: position for position, node in enumerate(raw.nodes())}
    lines = [f'nodes {len(index)}']
    for u, v in raw.edges():
        a, b = index[u], index[v]
        lines.append(f'edge {a} {b} {weight(a, b)}')
    graph = nx.Graph()
    graph.add_nodes_from(range(len(index)))
    for u, v in raw.edges():
        a, b = index[u], index[v]
        if a != b:
            graph.add_edge(a, b, weight=weight(a, b))
    rng = random.Random(zlib.crc32(name.encode()))
    sources, pairs, sets = sample_queries(graph, rng, args.pairs, args.sources, args.sets)
    lines += [f'source {s}' for s in sources]
    lines += [f'pair {s} {t}' for s, t in pairs]
    lines += [f'sets {len(a)} {" ".join(map(str, a))} {len(b)} {" ".join(map(str, b))}'
              for a, b in sets]
    run = subprocess.run([driver], input='\n'.join(lines) + '\n', capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        problems.append(f'{name}: driver failed ({run.returncode}): {run.stderr.strip()}')
        return
    out = json.loads(run.stdout)

    def partition(labels):
        groups = {}
        for node, label in enumerate(labels):
            groups.setdefault(label, set()).add(node)
        return sorted(sorted(group) for group in groups.values())

    expected_components = sorted(sorted(c) for c in nx.connected_components(graph))
    if partition(out['components']) != expected_components:
        problems.append(f'{name}: connected components differ')
    if sorted(out['articulation_points']) != sorted(nx.articulation_points(graph)):
        problems.append(f'{name}: articulation points {out["articulation_points"]} differ from '
                        f'{sorted(nx.articulation_points(graph))}')
    ours = sorted(sorted(b) for b in out['blocks'] if len(b) > 1)
    theirs = sorted(sorted(b) for b in nx.biconnected_components(graph))
    isolated = sorted([n] for n in graph.nodes() if graph.degree(n) == 0)
    if ours != theirs or sorted(b for b in out['blocks'] if len(b) == 1) != isolated:
        problems.append(f'{name}: biconnected components differ')
    for source, hops, weighted in zip(out['sources'], out['bfs'], out['dijkstra']):
        expected_hops = nx.single_source_shortest_path_length(graph, source)
        expected_weighted = nx.single_source_dijkstra_path_length(graph, source)
        for node in graph.nodes():
            if hops[node] != expected_hops.get(node, -1):
                problems.append(f'{name}: BFS {source}->{node}: {hops[node]}, '
                                f'networkx {expected_hops.get(node, -1)}')
                break
        for node in graph.nodes():
            if weighted[node] != expected_weighted.get(node, -1):
                problems.append(f'{name}: Dijkstra {source}->{node}: {weighted[node]}, '
                                f'networkx {expected_weighted.get(node, -1)}')
                break
    for entry in out['flows']:
        check_flow(name, graph, entry, problems)
    totals['graphs'] += 1
    totals['nodes'] += graph.number_of_nodes()
    totals['edges'] += raw.number_of_edges()
    totals['sources'] += len(sources)
    totals['flows'] += len(out['flows'])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('driver')
    parser.add_argument('graphml_dir')
    parser.add_argument('--pairs', type=int, default=4)
    parser.add_argument('--sources', type=int, default=3)
    parser.add_argument('--sets', type=int, default=1)
    parser.add_argument('--only')
    args = parser.parse_args()
    files = sorted(f for f in os.listdir(args.graphml_dir) if f.endswith('.graphml'))
    if args.only:
        files = [f for f in files if f == args.only]
    if not files:
        print(f'no GraphML files in {args.graphml_dir}', file=sys.stderr)
        return 1
    problems = []
    totals = dict(graphs=0, nodes=0, edges=0, sources=0, flows=0)
    for file_name in files:
        check_graph(os.path.join(args.graphml_dir, file_name), args.driver, args, problems, totals)
    for problem in problems:
        print(problem)
    print(f'{totals["graphs"]} graphs, {totals["nodes"]} nodes, {totals["edges"]} edges, '
          f'{totals["sources"]} BFS/Dijkstra sources, {totals["flows"]} connectivity queries: '
          f'{len(problems)} mismatches')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
