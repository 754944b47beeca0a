// Our own layered (Sugiyama-style) layout: longest-path ranks, dummy nodes on long edges,
// barycentre ordering sweeps and a few passes of neighbour-averaging for x. It is the fallback
// when Graphviz is missing or fails, and fast enough for thousands of boxes.
#pragma once

#include "graph_layout.h"

namespace onnxscope {

class LayeredLayout : public GraphLayout {
public:
    QString name() const override { return QStringLiteral("layered"); }
    bool calculate(const LayoutInput& input, LayoutOutput& output, QString* error) const override;
};

} // namespace onnxscope
