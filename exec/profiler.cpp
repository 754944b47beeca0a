#include "profiler.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace onnxscope {

namespace {

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

template <typename Stats> void fill(Stats& stats, const std::vector<double>& values) {
    stats.count = static_cast<int>(values.size());
    stats.totalMs = 0;
    stats.minMs = values.empty() ? 0 : values.front();
    stats.maxMs = stats.minMs;
    for (double v : values) {
        stats.totalMs += v;
        stats.minMs = std::min(stats.minMs, v);
        stats.maxMs = std::max(stats.maxMs, v);
    }
    stats.medianMs = median(values);
}

std::string shapesJson(const std::vector<std::string>& shapes) {
    std::string out = "[";
    for (size_t i = 0; i < shapes.size(); ++i)
        out += (i ? ",\"" : "\"") + jsonEscape(shapes[i]) + "\"";
    return out + "]";
}

} // namespace

Profiler::Profiler()
    : m_epoch(std::chrono::steady_clock::now()) {}

int64_t Profiler::nowNs() const {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - m_epoch)
        .count();
}

void Profiler::record(NodeSample sample) {
    if (!m_enabled)
        return;
    sample.run = m_currentRun;
    m_samples.push_back(std::move(sample));
}

void Profiler::clear() {
    m_samples.clear();
    m_currentRun = 0;
}

std::vector<NodeStats> Profiler::nodeStats() const {
    std::map<int, std::vector<const NodeSample*>> byNode;
    for (const NodeSample& s : m_samples)
        byNode[s.nodeIndex].push_back(&s);
    std::vector<NodeStats> out;
    for (const auto& [index, samples] : byNode) {
        NodeStats stats;
        const NodeSample& first = *samples.front();
        stats.nodeIndex = index;
        stats.name = first.name;
        stats.opType = first.opType;
        stats.backend = first.backend;
        stats.implementation = first.implementation;
        stats.inputShapes = first.inputShapes;
        stats.outputShapes = first.outputShapes;
        stats.fusedNodes = first.fusedNodes;
        std::vector<double> ms;
        for (const NodeSample* s : samples)
            ms.push_back(static_cast<double>(s->durationNs) / 1e6);
        fill(stats, ms);
        out.push_back(std::move(stats));
    }
    return out;
}

std::vector<OpStats> Profiler::opStats() const {
    std::map<std::string, std::vector<double>> byOp;
    for (const NodeSample& s : m_samples)
        byOp[s.opType].push_back(static_cast<double>(s.durationNs) / 1e6);
    std::vector<OpStats> out;
    for (const auto& [op, ms] : byOp) {
        OpStats stats;
        stats.opType = op;
        fill(stats, ms);
        out.push_back(std::move(stats));
    }
    std::sort(out.begin(), out.end(),
              [](const OpStats& a, const OpStats& b) { return a.totalMs > b.totalMs; });
    return out;
}

std::vector<double> Profiler::runTotalsMs() const {
    std::map<int, double> totals;
    for (const NodeSample& s : m_samples)
        totals[s.run] += static_cast<double>(s.durationNs) / 1e6;
    std::vector<double> out;
    for (const auto& [run, ms] : totals)
        out.push_back(ms);
    return out;
}

std::string Profiler::chromeTraceJson() const {
    std::string out = "{\"traceEvents\":[\n";
    char number[64];
    for (size_t i = 0; i < m_samples.size(); ++i) {
        const NodeSample& s = m_samples[i];
        out += i ? ",\n" : "";
        out +=
            "{\"name\":\"" + jsonEscape(s.name) + "\",\"cat\":\"" + jsonEscape(s.opType) + "\",\"ph\":\"X\"";
        std::snprintf(number, sizeof number, ",\"ts\":%.3f,\"dur\":%.3f",
                      static_cast<double>(s.startNs) / 1e3, static_cast<double>(s.durationNs) / 1e3);
        out += number;
        out += ",\"pid\":1,\"tid\":" + std::to_string(s.run);
        out += ",\"args\":{\"op_type\":\"" + jsonEscape(s.opType) + "\",\"backend\":\"" +
               jsonEscape(s.backend) + "\",\"implementation\":\"" + jsonEscape(s.implementation) +
               "\",\"node_index\":" + std::to_string(s.nodeIndex) +
               ",\"input_shapes\":" + shapesJson(s.inputShapes) +
               ",\"output_shapes\":" + shapesJson(s.outputShapes);
        if (s.deviceNs >= 0) {
            char device[192];
            std::snprintf(device, sizeof device, ",\"device_ms\":%.6f,\"queue_ms\":%.6f,\"transfer_ms\":%.6f",
                          static_cast<double>(s.deviceNs) / 1e6, static_cast<double>(s.queueNs) / 1e6,
                          static_cast<double>(s.transferNs) / 1e6);
            out += device;
        }
        out += "}}";
    }
    out += "\n],\"displayTimeUnit\":\"ms\"}\n";
    return out;
}

Profiler::Scope::Scope(Profiler* profiler, NodeSample sample)
    : m_profiler(profiler && profiler->isEnabled() ? profiler : nullptr)
    , m_sample(std::move(sample))
    , m_start(std::chrono::steady_clock::now()) {
    if (m_profiler)
        m_sample.startNs = m_profiler->nowNs();
}

void Profiler::Scope::stop() {
    if (m_stopped)
        return;
    m_stopped = true;
    m_sample.durationNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - m_start)
            .count();
}

Profiler::Scope::~Scope() {
    stop();
    if (m_profiler)
        m_profiler->record(std::move(m_sample));
}

std::string formatDuration(double ms) {
    char buf[32];
    if (ms >= 1000)
        std::snprintf(buf, sizeof buf, "%.3g s", ms / 1000);
    else if (ms >= 1)
        std::snprintf(buf, sizeof buf, "%.3g ms", ms);
    else if (ms >= 0.001)
        std::snprintf(buf, sizeof buf, "%.3g us", ms * 1000);
    else
        std::snprintf(buf, sizeof buf, "%.3g ns", ms * 1e6);
    return buf;
}

std::string jsonEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out;
}

} // namespace onnxscope
