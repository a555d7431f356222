#!/usr/bin/env python3
"""Trims a real assessment (the output of `redoubt assess`) into the report
fixtures: a few members, two scenarios, a few sites, short lists.

  trim_assessment.py ASSESSMENT.json FIXTURES_DIR

Writes FIXTURES_DIR/assessment.json, resilience.json (the first resilience
document kept) and alliance.json (the trimmed alliance document)."""
import json
import os
import re
import sys

MEMBERS = ["US", "GB", "LV"]
SCENARIOS = ["vendor-kill-switch", "regional-disaster"]
SITES_PER_MEMBER = 10
# Checkpoints of the curves kept: dense early, where the curves move most.
KEEP = [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 80]


def relative(path):
    return re.sub(r"^.*?/(data/)", r"\1", path)


def cap(value, n):
    if isinstance(value, list):
        return value[:n]
    if isinstance(value, dict):
        return {k: cap(v, n) for k, v in value.items()}
    return value


def thin(values, keep):
    return [v for i, v in enumerate(values) if i in keep]


def trim_resilience(doc):
    for net in doc["networks"]:
        hours = net["checkpoints_hours"]
        keep = {i for i in KEEP if i < len(hours)} | {len(hours) - 1}
        net["checkpoints_hours"] = thin(hours, keep)
        for series in net["series"]:
            for band in ("weight_level", "service_level"):
                for key in list(series[band]):
                    series[band][key] = thin(series[band][key], keep)
        net["services_hurt"] = net["services_hurt"][:5]
        net["regions_hurt"] = net["regions_hurt"][:3]
        net["services_down_before"] = net["services_down_before"][:6]
    return doc


def trim_alliance(doc):
    codes = doc["divergence"]["members"]
    idx = [codes.index(c) for c in MEMBERS]
    doc["members"] = [m for m in doc["members"] if m["code"] in MEMBERS]
    for m in doc["members"]:
        m["cross_border_services"] = m["cross_border_services"][:3]
        for action in m["deadlines_assumed_met"]:
            for r in action["replaced"]:
                r["element_ids"] = r["element_ids"][:3]
    div = doc["divergence"]
    div["members"] = MEMBERS
    for key in ("total", "posture", "trust", "rules"):
        div[key] = [[div[key][i][j] for j in idx] for i in idx]
    sharing = doc["sharing"]
    sharing["providers"] = MEMBERS
    sharing["recipients"] = MEMBERS
    sharing["matrix"] = [[sharing["matrix"][i][j] for j in idx] for i in idx]
    sharing["cells"] = [c for c in sharing["cells"] if c["provider"] in MEMBERS and c["recipient"] in MEMBERS]
    for c in sharing["cells"]:
        for s in c["shortfalls"]:
            s["details"] = s["details"][:2]
    return doc


def main(source, out_dir):
    d = json.load(open(source))
    d["members"] = [m for m in d["members"] if m["code"] in MEMBERS]
    networks = {n for m in d["members"] for n in m["networks"]}
    inputs = d["inputs"]
    inputs["alliance"] = relative(inputs["alliance"])
    inputs["standards"] = sorted({relative(s) for s in inputs["standards"]})
    inputs["scenarios"] = [relative(s) for s in inputs["scenarios"] if os.path.basename(s).split(".")[0] in SCENARIOS]
    d["inventory"]["networks"] = [n for n in d["inventory"]["networks"] if n["id"] in networks]
    d["findings"] = [e for e in d["findings"] if e["member"] in MEMBERS]
    for e in d["findings"]:
        for n in e["document"]["networks"]:
            n["findings"] = n["findings"][:6]
            for f in n["findings"]:
                f["elements"] = f["elements"][:4]
                f["evidence"] = cap(f["evidence"], 2)
    d["timeline"] = [e for e in d["timeline"] if e["member"] in MEMBERS]
    for e in d["timeline"]:
        for n in e["document"]["networks"]:
            for step in n["steps"]:
                for key in ("due", "resolved"):
                    step[key] = step[key][:4]
                    for f in step[key]:
                        f["elements"] = f["elements"][:4]
                        f["evidence"] = cap(f["evidence"], 2)
    d["exposure"] = [e for e in d["exposure"] if e["member"] in MEMBERS]
    for e in d["exposure"]:
        for n in e["document"]["networks"]:
            n["services"] = n["services"][:4]
            n["by_region"] = n["by_region"][:4]
            for key in ("elements", "sites"):
                n["single_points"][key] = n["single_points"][key][:5]
    d["resilience"] = [dict(e, document=trim_resilience(e["document"])) for e in d["resilience"] if e["member"] in MEMBERS and e["scenario"] in SCENARIOS]
    d["alliance"] = trim_alliance(d["alliance"])
    d["figures"]["members"] = [m for m in d["figures"]["members"] if m["code"] in MEMBERS]
    features = []
    for code in MEMBERS:
        mine = [f for f in d["sites"]["features"] if f["properties"]["member"] == code]
        mine.sort(key=lambda f: (-f["properties"]["findings"], not f["properties"]["exposed"], f["properties"]["id"]))
        features += mine[:SITES_PER_MEMBER]
    d["sites"]["features"] = features
    d["command"] = re.sub(r"\S*/(data/)", r"\1", d["command"])

    def write(name, value, indent=1):
        with open(os.path.join(out_dir, name), "w") as out:
            json.dump(value, out, indent=indent, separators=(",", ": ") if indent else (",", ":"), ensure_ascii=False)
            out.write("\n")

    write("assessment.json", d, indent=None)
    write("resilience.json", d["resilience"][0]["document"], indent=None)
    write("alliance.json", d["alliance"], indent=None)


if __name__ == "__main__":
    main(*sys.argv[1:])
