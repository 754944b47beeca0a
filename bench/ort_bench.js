// ONNX Runtime's side of bench/ort_compare.sh: loads a model with onnxruntime-node (CPU), runs
// it on one .npy input (float32) with the given intra-op thread count, and prints the wall time
// of each run after warm-up as JSON.
//
// Usage: node ort_bench.js MODEL INPUT.npy THREADS WARMUP RUNS   (NODE_PATH: where
// onnxruntime-node is installed)
const fs = require('fs');
const ort = require('onnxruntime-node');

function readNpy(path) {
    const buf = fs.readFileSync(path);
    const headerLen = buf.readUInt16LE(8);
    const header = buf.toString('latin1', 10, 10 + headerLen);
    if (!header.includes("'<f4'"))
        throw new Error(`${path}: only little-endian float32 .npy files are supported`);
    const shape = header.match(/'shape': \(([^)]*)\)/)[1].split(',').filter(s => s.trim()).map(Number);
    const start = 10 + headerLen;
    const data = new Float32Array(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + buf.length));
    return new ort.Tensor('float32', data, shape);
}

async function main() {
    const [model, input, threads, warmup, runs] = process.argv.slice(2);
    const session = await ort.InferenceSession.create(model, {
        executionProviders: ['cpu'],
        intraOpNumThreads: Number(threads),
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
    });
    const feeds = {[session.inputNames[0]]: readNpy(input)};
    const times = [];
    for (let i = 0; i < Number(warmup) + Number(runs); ++i) {
        const start = process.hrtime.bigint();
        await session.run(feeds);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (i >= Number(warmup))
            times.push(ms);
    }
    console.log(JSON.stringify({times_ms: times}));
}

main().catch(e => {
    console.error(e.message || e);
    process.exit(1);
});
