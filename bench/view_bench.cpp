// Graph view drawing speed on a large model: opens it in a GraphPage (offscreen), expands every
// block, and times full repaints of a 1600×1000 viewport at three zoom levels (whole graph,
// 25% and 100%) while panning across the graph, minimap included. Prints the median and worst
// frame per level.
//
// Usage: onnxscope_bench_view MODEL [FRAMES]  (run with QT_QPA_PLATFORM=offscreen)
#include "core/model.h"
#include "views/graph_page.h"
#include "views/graph_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace onnxscope;

namespace {

struct FrameStats {
    double medianMs = 0, worstMs = 0;
};

FrameStats timeFrames(GraphView& view, int frames) {
    std::vector<double> ms;
    QScrollBar* h = view.horizontalScrollBar();
    QScrollBar* v = view.verticalScrollBar();
    for (int i = 0; i < frames; ++i) {
        // Walk diagonally across the scene so every frame draws a different part of it.
        const double t = frames > 1 ? double(i) / (frames - 1) : 0.5;
        h->setValue(h->minimum() + int(t * (h->maximum() - h->minimum())));
        v->setValue(v->minimum() + int(t * (v->maximum() - v->minimum())));
        QElapsedTimer timer;
        timer.start();
        view.viewport()->repaint();
        // What else a pan repaints (the minimap's visible rectangle) happens on the event loop.
        QCoreApplication::processEvents();
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s MODEL [FRAMES]\n", argv[0]);
        return 1;
    }
    const int frames = argc > 2 ? std::max(1, std::atoi(argv[2])) : 40;
    auto model = Model::load(argv[1]);
    if (!model.ok()) {
        std::fprintf(stderr, "%s\n", model.message().c_str());
        return 2;
    }
    GraphPage page;
    page.resize(1900, 1000);
    page.show();
    QSignalSpy ready(&page, &GraphPage::layoutReady);
    QElapsedTimer timer;
    timer.start();
    page.loadModel(*model);
    if (!ready.wait(600000))
        return 3;
    const double firstMs = timer.elapsed();
    timer.restart();
    page.expandAll();
    if (!ready.wait(600000))
        return 3;
    const double expandMs = timer.elapsed();
    GraphView& view = *page.view();
    view.resize(1600, 1000);
    if (qEnvironmentVariableIsSet("NO_MINIMAP"))
        view.setMinimapVisible(false);
    std::printf("model %s: %zu boxes drawn after expanding all; open %.0f ms, expand all %.0f ms\n", argv[1],
                view.sceneLayout().nodes.size(), firstMs, expandMs);
    std::printf("%-12s %10s %10s\n", "zoom", "median_ms", "worst_ms");
    view.fitToView();
    const double fit = view.zoomLevel();
    for (double zoom : {fit, 0.25, 1.0}) {
        view.zoomBy(zoom / view.zoomLevel());
        const FrameStats s = timeFrames(view, frames);
        std::printf("%-12.4f %10.2f %10.2f\n", view.zoomLevel(), s.medianMs, s.worstMs);
    }
    // VIEW_SHOT=FILE.png: what the last frame showed, to look at the drawing itself.
    if (const QString shot = qEnvironmentVariable("VIEW_SHOT"); !shot.isEmpty())
        view.viewport()->grab().save(shot);
    return 0;
}
