#!/usr/bin/python3
"""Exports the real PyTorch models the tests and the GUI example use.

Usage: make_models.py OUTDIR [NAME...]   (default: every model below)

Weights are random (seeded): torchvision builds the architectures without downloading anything.
Each model is written as NAME.onnx, with NAME.input.npy / NAME.output.npy holding one input and
PyTorch's own output, so engine tests can compare against the framework.
"""
import os
import sys

import numpy as np
import torch
import torchvision


class SmallCnn(torch.nn.Module):
    """The bundled example: a compact image classifier with the usual layer kinds."""

    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(3, 16, 3, padding=1), torch.nn.BatchNorm2d(16), torch.nn.ReLU(),
            torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(16, 32, 3, padding=1, groups=1), torch.nn.BatchNorm2d(32), torch.nn.ReLU(),
            torch.nn.Conv2d(32, 32, 3, padding=1, groups=32), torch.nn.ReLU6(),
            torch.nn.AdaptiveAvgPool2d(1))
        self.classifier = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(32, 10), torch.nn.Softmax(dim=1))

    def forward(self, x):
        return self.classifier(self.features(x))


class TinyLstm(torch.nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.rnn = cell(16, 32, num_layers=2, batch_first=True)
        self.head = torch.nn.Linear(32, 4)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.head(y)


class TokenTransformer(torch.nn.Module):
    """Token embedding, four GELU encoder layers (d_model 256, 4 heads) and a final LayerNorm: the
    shape of model on which the OpenCL backend once computed wrong, changing outputs (a real
    sequence length, GELU between MatMuls)."""

    def __init__(self):
        super().__init__()
        self.embedding = torch.nn.Embedding(1000, 256)
        layer = torch.nn.TransformerEncoderLayer(256, 4, 1024, activation="gelu", batch_first=True)
        self.encoder = torch.nn.TransformerEncoder(layer, 4, norm=torch.nn.LayerNorm(256),
                                                   enable_nested_tensor=False)

    def forward(self, tokens):
        return self.encoder(self.embedding(tokens))


def small_vit():
    return torchvision.models.VisionTransformer(image_size=32, patch_size=8, num_layers=2, num_heads=4,
                                                hidden_dim=64, mlp_dim=128, num_classes=10)


def transformer():
    layer = torch.nn.TransformerEncoderLayer(d_model=64, nhead=4, dim_feedforward=128, batch_first=True)
    return torch.nn.TransformerEncoder(layer, num_layers=2)


MODELS = {
    # name: (builder, input shape, dynamic axes or None, opset)
    "example_cnn": (SmallCnn, (1, 3, 32, 32), None, 13),
    "resnet18": (lambda: torchvision.models.resnet18(weights=None), (1, 3, 64, 64), None, 13),
    "mobilenet_v2": (lambda: torchvision.models.mobilenet_v2(weights=None), (1, 3, 64, 64), None, 13),
    "squeezenet": (lambda: torchvision.models.squeezenet1_1(weights=None), (1, 3, 64, 64), None, 17),
    "transformer_encoder": (transformer, (2, 10, 64), {"input": {0: "batch", 1: "sequence"}}, 17),
    "lstm": (lambda: TinyLstm(torch.nn.LSTM), (2, 7, 16), None, 13),
    "gru": (lambda: TinyLstm(torch.nn.GRU), (2, 7, 16), None, 13),
    "token_transformer": (TokenTransformer, ("tokens", 1000, (1, 48)), None, 17),
    "small_vit": (small_vit, (1, 3, 32, 32), None, 17),
}


def export(name, outdir):
    builder, shape, dynamic, opset = MODELS[name]
    torch.manual_seed(0)
    model = builder().eval()
    # ("tokens", vocabulary, shape): int64 token ids; otherwise a float shape.
    x = torch.randint(0, shape[1], shape[2]) if shape[0] == "tokens" else torch.randn(*shape)
    with torch.no_grad():
        y = model(x)
    path = os.path.join(outdir, name + ".onnx")
    axes = dict(dynamic) if dynamic else None
    if axes is not None:
        axes["output"] = axes.get("input", {})
    torch.onnx.export(model, (x,), path, input_names=["input"], output_names=["output"],
                      dynamic_axes=axes, opset_version=opset, do_constant_folding=True)
    np.save(os.path.join(outdir, name + ".input.npy"), x.numpy())
    np.save(os.path.join(outdir, name + ".output.npy"), y.numpy())


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    names = sys.argv[2:] or list(MODELS)
    for name in names:
        export(name, outdir)
    # Stamp so the build knows the set is complete.
    with open(os.path.join(outdir, "models.stamp"), "w") as f:
        f.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main()
