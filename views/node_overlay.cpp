#include "node_overlay.h"

#include "block_tree.h"

#include <algorithm>
#include <cmath>

namespace onnxscope {

double HeatScale::position(double value) const {
    if (!(max > min))
        return value >= max ? 1.0 : 0.0;
    double t;
    if (logarithmic) {
        // Log needs positive bounds; a zero minimum starts the scale three decades below max.
        const double hi = std::max(max, 1e-300);
        const double lo = min > 0 ? min : hi * 1e-3;
        if (value <= lo)
            return 0.0;
        t = std::log(value / lo) / std::log(hi / lo);
    } else {
        t = (value - min) / (max - min);
    }
    return std::clamp(t, 0.0, 1.0);
}

QColor HeatScale::colorAt(double t) {
    // Light blue -> yellow -> orange -> red: readable under dark text at every step.
    struct Stop {
        double at;
        QColor color;
    };
    static const Stop stops[] = {{0.0, QColor(0xd6, 0xe9, 0xf8)},
                                 {0.35, QColor(0xf7, 0xf0, 0x8c)},
                                 {0.7, QColor(0xf5, 0xa6, 0x42)},
                                 {1.0, QColor(0xe0, 0x3a, 0x2c)}};
    t = std::clamp(t, 0.0, 1.0);
    for (size_t i = 1; i < std::size(stops); ++i) {
        if (t > stops[i].at)
            continue;
        const double f = (t - stops[i - 1].at) / (stops[i].at - stops[i - 1].at);
        const QColor& a = stops[i - 1].color;
        const QColor& b = stops[i].color;
        return QColor::fromRgbF(float(a.redF() + f * (b.redF() - a.redF())),
                                float(a.greenF() + f * (b.greenF() - a.greenF())),
                                float(a.blueF() + f * (b.blueF() - a.blueF())));
    }
    return stops[std::size(stops) - 1].color;
}

QColor HeatScale::color(double value) const {
    return colorAt(position(value));
}

QString HeatScale::text(double value) const {
    return format ? format(value) : QString::number(value, 'g', 3);
}

void NodeOverlay::clear() {
    m_entries.clear();
    m_hasScale = false;
}

const NodeOverlayEntry* NodeOverlay::entry(int node) const {
    auto it = m_entries.constFind(node);
    return it == m_entries.constEnd() ? nullptr : &it.value();
}

void NodeOverlay::setMarks(int node, NodeMarks marks) {
    m_entries[node].marks = marks;
}

void NodeOverlay::addMark(int node, NodeMark mark) {
    m_entries[node].marks |= mark;
}

void NodeOverlay::removeMark(int node, NodeMark mark) {
    auto it = m_entries.find(node);
    if (it != m_entries.end())
        it->marks &= ~NodeMarks(mark);
}

void NodeOverlay::clearMark(NodeMark mark) {
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        it->marks &= ~NodeMarks(mark);
}

void NodeOverlay::setValue(int node, double value) {
    m_entries[node].value = value;
}

void NodeOverlay::clearValues() {
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        it->value.reset();
        it->badge.clear();
    }
}

void NodeOverlay::setFill(int node, const QColor& color) {
    m_entries[node].fill = color;
}

void NodeOverlay::setBadge(int node, const QString& text) {
    m_entries[node].badge = text;
}

void NodeOverlay::setMessage(int node, const QString& text) {
    m_entries[node].message = text;
}

void NodeOverlay::setScale(const HeatScale& scale) {
    m_scale = scale;
    m_hasScale = true;
}

void NodeOverlay::fitScale() {
    double lo = 0, hi = 0, positiveLo = 0;
    bool any = false;
    for (const NodeOverlayEntry& e : m_entries) {
        if (!e.value)
            continue;
        const double v = *e.value;
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        if (v > 0)
            positiveLo = positiveLo > 0 ? std::min(positiveLo, v) : v;
        any = true;
    }
    m_scale.min = m_scale.logarithmic ? positiveLo : std::min(0.0, lo);
    m_scale.max = hi;
    m_hasScale = true;
}

std::optional<QColor> NodeOverlay::fillColor(const NodeOverlayEntry& entry) const {
    if (entry.fill)
        return entry.fill;
    if (entry.value && m_hasScale)
        return m_scale.color(*entry.value);
    return std::nullopt;
}

QString NodeOverlay::badgeText(const NodeOverlayEntry& entry) const {
    if (!entry.badge.isEmpty() || !entry.value)
        return entry.badge;
    return m_scale.text(*entry.value);
}

std::vector<NodeOverlay::BlockSummary> NodeOverlay::summarizeBlocks(const BlockTree& tree,
                                                                    int nodeCount) const {
    std::vector<BlockSummary> out(tree.blocks().size());
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        const int node = it.key();
        if (node < 0 || node >= nodeCount)
            continue; // an overlay made for another graph: ignore what does not fit
        const NodeOverlayEntry& e = it.value();
        if (!e.value && !e.marks)
            continue;
        for (int b = tree.blockOfNode(node); b >= 0; b = tree.block(b).parent) {
            BlockSummary& s = out[static_cast<size_t>(b)];
            s.marks |= e.marks;
            if (e.value)
                s.value = s.value.value_or(0.0) + *e.value;
        }
    }
    return out;
}

QColor markColor(NodeMark mark) {
    switch (mark) {
    case NodeMark::Current:
        return QColor(0x1e, 0x88, 0xe5);
    case NodeMark::Executed:
        return QColor(0x43, 0xa0, 0x47);
    case NodeMark::Breakpoint:
        return QColor(0xc6, 0x28, 0x28);
    case NodeMark::Error:
        return QColor(0xd5, 0x00, 0x00);
    case NodeMark::None:
        break;
    }
    return Qt::transparent;
}

} // namespace onnxscope
