// Load-time and peak-memory benchmark for core's model loader (not a test).
// Usage: onnxscope_bench_load MODEL [RUNS]
// Prints one JSON line: median and min load seconds over RUNS loads, and the process's peak RSS.
#include "core/graph_index.h"
#include "core/model.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s MODEL [RUNS]\n", argv[0]);
        return 1;
    }
    int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    std::vector<double> seconds;
    int nodes = 0;
    for (int i = 0; i < runs; ++i) {
        auto start = std::chrono::steady_clock::now();
        auto model = onnxscope::Model::load(argv[1]);
        if (!model.ok()) {
            std::fprintf(stderr, "%s\n", model.message().c_str());
            return 2;
        }
        onnxscope::ModelIndex index((*model)->proto());
        nodes = index.mainGraph().totalNodeCount();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    double first = seconds.front();
    std::sort(seconds.begin(), seconds.end());
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("{\"load_first_s\": %.4f, \"load_median_s\": %.4f, \"load_min_s\": %.4f, \"peak_rss_mb\": "
                "%.1f, \"nodes\": %d}\n",
                first, seconds[seconds.size() / 2], seconds.front(), usage.ru_maxrss / 1024.0, nodes);
    return 0;
}
