// Graphviz "dot" run in-process through libgvc/libcgraph (never by spawning `dot`).
//
// No Graphviz type leaves graphviz_layout.cpp. Graphviz keeps global state, so every call is
// serialised behind one process-wide mutex; callers run it on a worker thread and keep inputs
// small (block_layout.h splits big graphs).
#pragma once

#include "graph_layout.h"

namespace onnxscope {

class GraphvizLayout : public GraphLayout {
public:
    QString name() const override { return QStringLiteral("graphviz-dot"); }
    bool calculate(const LayoutInput& input, LayoutOutput& output, QString* error) const override;
};

} // namespace onnxscope
