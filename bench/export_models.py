#!/usr/bin/python3
"""Exports the benchmark models (torchvision, random weights) into a folder.

Usage: export_models.py OUTDIR [NAME...]
Names: resnet50 vit_b_16 mobilenet_v2 efficientnet_b0 transformer lstm decoder, plus
resnet50_external (resnet50 with its weights in an external data file).
"""
import os
import sys

import torch
import torchvision


def transformer():
    layer = torch.nn.TransformerEncoderLayer(d_model=256, nhead=8, dim_feedforward=1024, batch_first=True)
    return torch.nn.TransformerEncoder(layer, num_layers=6), (1, 128, 256)


class Lstm(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = torch.nn.LSTM(128, 256, num_layers=2, batch_first=True)

    def forward(self, x):
        return self.rnn(x)[0]


def decoder():
    """An upsampling decoder (DCGAN, U-Net style): four stride-2 ConvTranspose layers from 14x14
    to 224x224, then a 3x3 Conv to RGB."""
    channels = [256, 128, 64, 32, 16]
    layers = []
    for i in range(4):
        layers += [torch.nn.ConvTranspose2d(channels[i], channels[i + 1], 4, stride=2, padding=1), torch.nn.ReLU()]
    layers.append(torch.nn.Conv2d(channels[-1], 3, 3, padding=1))
    return torch.nn.Sequential(*layers), (1, 256, 14, 14)


BUILDERS = {
    "resnet50": lambda: (torchvision.models.resnet50(weights=None), (1, 3, 224, 224)),
    "vit_b_16": lambda: (torchvision.models.vit_b_16(weights=None), (1, 3, 224, 224)),
    "mobilenet_v2": lambda: (torchvision.models.mobilenet_v2(weights=None), (1, 3, 224, 224)),
    "efficientnet_b0": lambda: (torchvision.models.efficientnet_b0(weights=None), (1, 3, 224, 224)),
    "transformer": transformer,
    "lstm": lambda: (Lstm(), (1, 64, 128)),
    "decoder": decoder,
}


def export(name, outdir):
    torch.manual_seed(0)
    base = name.replace("_external", "")
    model, shape = BUILDERS[base]()
    model.eval()
    path = os.path.join(outdir, name + ".onnx")
    if os.path.exists(path):
        return
    torch.onnx.export(model, (torch.randn(*shape),), path, input_names=["input"], output_names=["output"],
                      opset_version=17, do_constant_folding=True)
    if name.endswith("_external"):
        import onnx
        m = onnx.load(path)
        onnx.save_model(m, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=name + ".weights", size_threshold=1024)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for name in sys.argv[2:] or list(BUILDERS):
        export(name, outdir)


if __name__ == "__main__":
    main()
