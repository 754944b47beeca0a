#!/usr/bin/python3
"""Exports an nn.TransformerEncoder with LAYERS layers (dynamic batch and sequence) for layout
benchmarks. Usage: export_transformer.py OUT.onnx LAYERS"""
import sys

import torch

layers = int(sys.argv[2])
torch.manual_seed(0)
layer = torch.nn.TransformerEncoderLayer(d_model=64, nhead=4, dim_feedforward=128, batch_first=True)
model = torch.nn.TransformerEncoder(layer, num_layers=layers, enable_nested_tensor=False).eval()
torch.onnx.export(model, (torch.randn(1, 16, 64),), sys.argv[1], input_names=["input"], output_names=["output"],
                  dynamic_axes={"input": {0: "batch", 1: "sequence"}}, opset_version=17)
