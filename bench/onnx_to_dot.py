#!/usr/bin/python3
"""Writes an ONNX model's main graph as DOT (one box per node, one edge per tensor use), the
baseline a single Graphviz `dot` run would lay out. Usage: onnx_to_dot.py MODEL OUT.dot"""
import sys

import onnx

model = onnx.load(sys.argv[1], load_external_data=False)
producer = {}
lines = ["digraph g {", "  node [shape=box fixedsize=true width=1.5 height=0.5];"]
for i, node in enumerate(model.graph.node):
    lines.append(f'  n{i} [label="{node.op_type}"];')
    for out in node.output:
        producer[out] = i
for i, node in enumerate(model.graph.node):
    for name in node.input:
        if name in producer:
            lines.append(f"  n{producer[name]} -> n{i};")
lines.append("}")
with open(sys.argv[2], "w") as f:
    f.write("\n".join(lines) + "\n")
