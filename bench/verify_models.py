#!/usr/bin/python3
"""Exports PyTorch models at several opsets, runs each with onnxscope-cli and checks the
outputs against PyTorch's own (max abs difference relative to the output's magnitude).

Usage: verify_models.py CLI OUTDIR [--opsets 13,17] [--backend cpu] [--repeat N] [NAME...]

Prints one line per model and opset and a summary; exits 1 when any model fails or does not
match within 1e-4 of the output's magnitude, or when --repeat N runs of it do not give the same
bits (a device queue or buffer race shows that way). Weights are random (seeded), inputs seeded.
"""
import argparse
import os
import subprocess
import sys
import time

import numpy as np
import onnx
import onnx.numpy_helper
import torch
import torchvision

# The tests' exports (tests/data/make_models.py) hold the GELU token transformer this checks too.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data"))
from make_models import TokenTransformer  # noqa: E402

TOLERANCE = 1e-4


class FirstOutput(torch.nn.Module):
    """RNNs and segmentation models return tuples or dicts; compare their main tensor."""

    def __init__(self, inner, key=None):
        super().__init__()
        self.inner = inner
        self.key = key

    def forward(self, x):
        out = self.inner(x)
        return out[self.key] if self.key is not None else out[0]


class LoopAndIf(torch.nn.Module):
    """Scripted so that the loop and the branch stay dynamic (ONNX Loop and If)."""

    def forward(self, x):
        steps = int(x.shape[0])
        acc = torch.zeros_like(x[0])
        for i in range(steps):
            if bool(x[i].sum() > 0):
                acc = acc + x[i] * 2.0
            else:
                acc = acc - x[i]
        return acc


def vision(builder, **kwargs):
    return lambda: (builder(weights=None, **kwargs), {"input": (1, 3, 224, 224)}, None)


def transformer_encoder():
    layer = torch.nn.TransformerEncoderLayer(d_model=64, nhead=4, dim_feedforward=128, batch_first=True)
    model = torch.nn.TransformerEncoder(layer, num_layers=2)
    # Exported at batch 2 x seq 16, run at batch 3 x seq 11 to exercise the dynamic axes.
    return model, {"input": (2, 16, 64)}, {"input": {0: "batch", 1: "seq"}}


def rnn(kind):
    cls = torch.nn.LSTM if kind == "lstm" else torch.nn.GRU
    return lambda: (FirstOutput(cls(32, 48, num_layers=2, batch_first=True)), {"input": (2, 10, 32)}, None)


def upsampling_decoder():
    """ConvTranspose layers as U-Net and GAN decoders use them: output_padding, groups, a
    dilation, BatchNorm and ReLU between."""
    t = torch.nn
    model = t.Sequential(
        t.ConvTranspose2d(64, 32, 3, stride=2, padding=1, output_padding=1), t.BatchNorm2d(32), t.ReLU(),
        t.ConvTranspose2d(32, 16, 4, stride=2, padding=1, groups=2), t.BatchNorm2d(16), t.ReLU(),
        t.ConvTranspose2d(16, 8, 3, stride=1, padding=2, dilation=2), t.ReLU(),
        t.Conv2d(8, 3, 3, padding=1))
    return model, {"input": (1, 64, 14, 14)}, None


MODELS = {
    "resnet50": vision(torchvision.models.resnet50),
    "mobilenet_v2": vision(torchvision.models.mobilenet_v2),
    "efficientnet_b0": vision(torchvision.models.efficientnet_b0),
    "densenet121": vision(torchvision.models.densenet121),
    "googlenet": vision(torchvision.models.googlenet, aux_logits=False, init_weights=True),
    "shufflenet_v2": vision(torchvision.models.shufflenet_v2_x1_0),
    "squeezenet": vision(torchvision.models.squeezenet1_0),
    "vit_b_16": vision(torchvision.models.vit_b_16),
    "deeplabv3_mobilenet_v3_large": lambda: (
        FirstOutput(torchvision.models.segmentation.deeplabv3_mobilenet_v3_large(
            weights=None, weights_backbone=None), "out"), {"input": (1, 3, 224, 224)}, None),
    "transformer_encoder": transformer_encoder,
    "token_transformer": lambda: (TokenTransformer(), {"input": (1, 48)}, None),
    "lstm": rnn("lstm"),
    "gru": rnn("gru"),
    "loop_if": lambda: (torch.jit.script(LoopAndIf()), {"input": (5, 4, 3)}, {"input": {0: "steps"}}),
    "upsampling_decoder": upsampling_decoder,
}


def make_outputs_meaningful(model, shape):
    """Random init leaves some heads at zero (ViT) and BatchNorm statistics that shrink the
    activations to ~1e-9 (MobileNet), which would make any comparison pass. Give zero-filled
    weights small random values and calibrate BatchNorm statistics on random batches."""
    with torch.no_grad():
        for param in model.parameters():
            if param.dim() >= 2 and not param.any():
                param.normal_(0.0, 0.02)
    norms = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    if not norms:
        return
    for norm in norms:
        norm.reset_running_stats()
        norm.momentum = None  # cumulative average over the calibration batches
    model.train()
    with torch.no_grad():
        for _ in range(3):
            model(torch.randn(2, *shape[1:]))
    model.eval()


def run_shape(name, export_shape):
    if name == "transformer_encoder":
        return (3, 11, 64)
    if name == "loop_if":
        return (7, 4, 3)
    return export_shape


def model_input(name, shape, generator=None):
    if name == "token_transformer":
        return torch.randint(0, 1000, shape, generator=generator)
    return torch.randn(*shape, generator=generator)


def verify(cli, outdir, name, opset, backend, repeat=1):
    torch.manual_seed(0)
    model, shapes, dynamic = MODELS[name]()
    (input_name, export_shape), = shapes.items()
    if not isinstance(model, torch.jit.ScriptModule):
        make_outputs_meaningful(model, export_shape)
    model.eval()
    path = os.path.join(outdir, f"{name}.opset{opset}.onnx")
    example = model_input(name, export_shape)
    if not os.path.exists(path):
        torch.onnx.export(model, (example,), path, input_names=[input_name], output_names=["output"],
                          opset_version=opset, dynamic_axes=dynamic, do_constant_folding=True)
    gen = torch.Generator().manual_seed(1)
    x = model_input(name, run_shape(name, export_shape), gen)
    with torch.no_grad():
        expected = model(x).numpy()
    input_file = os.path.join(outdir, f"{name}.opset{opset}.input.npy")
    np.save(input_file, x.numpy())
    runs = []
    start = time.monotonic()
    for run in range(repeat):
        result_dir = os.path.join(outdir, f"{name}.opset{opset}.out{run}")
        os.makedirs(result_dir, exist_ok=True)
        proc = subprocess.run([cli, "run", path, "--backend", backend, "--input",
                               f"{input_name}={input_file}", "--output-dir", result_dir],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            return False, f"run failed ({proc.returncode}): {proc.stderr.strip()[:300]}", 0.0
        tensor = onnx.TensorProto()
        with open(os.path.join(result_dir, "output_0.pb"), "rb") as f:
            tensor.ParseFromString(f.read())
        runs.append(onnx.numpy_helper.to_array(tensor))
    seconds = (time.monotonic() - start) / repeat
    actual = runs[0]
    for run, other in enumerate(runs[1:], 1):
        if other.tobytes() != actual.tobytes():
            differs = float(np.abs(other.astype(np.float64) - actual).max())
            return False, f"run {run} differs from run 0 (max_abs {differs:.3g})", seconds
    if actual.shape != expected.shape:
        return False, f"shape {actual.shape} != PyTorch {expected.shape}", seconds
    magnitude = float(np.abs(expected).max()) or 1.0
    max_abs = float(np.abs(actual.astype(np.float64) - expected).max())
    relative = max_abs / magnitude
    ok = relative <= TOLERANCE
    same = f", {repeat} runs bit-identical" if repeat > 1 else ""
    return ok, f"max_abs {max_abs:.3g}, magnitude {magnitude:.3g}, relative {relative:.2e}{same}", seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("outdir")
    parser.add_argument("--opsets", default="13,17")
    parser.add_argument("--backend", default="cpu")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("names", nargs="*")
    args = parser.parse_intermixed_args()
    os.makedirs(args.outdir, exist_ok=True)
    names = args.names or list(MODELS)
    failures = 0
    total = 0
    for name in names:
        for opset in (int(o) for o in args.opsets.split(",")):
            total += 1
            try:
                ok, detail, seconds = verify(args.cli, args.outdir, name, opset, args.backend, args.repeat)
            except Exception as error:  # an export PyTorch refuses is a failure to report, not a crash
                ok, detail, seconds = False, f"export error: {error}", 0.0
            failures += 0 if ok else 1
            print(f"{'PASS' if ok else 'FAIL'} {name} opset {opset}: {detail} ({seconds:.1f} s)", flush=True)
    print(f"{total - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
