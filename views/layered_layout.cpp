#include "layered_layout.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace onnxscope {

std::vector<bool> findBackEdges(int nodeCount, const std::vector<std::pair<int, int>>& edges) {
    std::vector<std::vector<int>> out(static_cast<size_t>(nodeCount));
    for (size_t i = 0; i < edges.size(); ++i)
        out[static_cast<size_t>(edges[i].first)].push_back(static_cast<int>(i));
    std::vector<bool> back(edges.size(), false);
    enum : char { White, Grey, Black };
    std::vector<char> colour(static_cast<size_t>(nodeCount), White);
    // Iterative DFS: deep chains (thousands of nodes) must not overflow the worker's stack.
    std::vector<std::pair<int, size_t>> stack;
    for (int root = 0; root < nodeCount; ++root) {
        if (colour[static_cast<size_t>(root)] != White)
            continue;
        stack.push_back({root, 0});
        colour[static_cast<size_t>(root)] = Grey;
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            const auto& list = out[static_cast<size_t>(v)];
            if (next == list.size()) {
                colour[static_cast<size_t>(v)] = Black;
                stack.pop_back();
                continue;
            }
            const int e = list[next++];
            const int w = edges[static_cast<size_t>(e)].second;
            if (colour[static_cast<size_t>(w)] == Grey)
                back[static_cast<size_t>(e)] = true;
            else if (colour[static_cast<size_t>(w)] == White) {
                colour[static_cast<size_t>(w)] = Grey;
                stack.push_back({w, 0});
            }
        }
    }
    return back;
}

namespace {

struct Vertex {
    double w = 0, h = 0;
    int rank = 0;
    double x = 0; // centre
    double y = 0; // top
    std::vector<int> preds, succs;
};

} // namespace

bool LayeredLayout::calculate(const LayoutInput& input, LayoutOutput& output, QString* error) const {
    Q_UNUSED(error);
    const int n = static_cast<int>(input.nodeSizes.size());
    for (const auto& [a, b] : input.edges)
        if (a < 0 || b < 0 || a >= n || b >= n) {
            if (error)
                *error = QStringLiteral("edge refers to a node outside 0..%1").arg(n - 1);
            return false;
        }
    const std::vector<bool> back = findBackEdges(n, input.edges);
    std::vector<Vertex> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        v[static_cast<size_t>(i)].w = input.nodeSizes[static_cast<size_t>(i)].width();
        v[static_cast<size_t>(i)].h = input.nodeSizes[static_cast<size_t>(i)].height();
    }

    // Unique DAG edges (back edges reversed, self loops dropped).
    std::map<std::pair<int, int>, std::vector<int>> chains; // DAG edge -> vertex chain incl. ends
    for (size_t i = 0; i < input.edges.size(); ++i) {
        auto [a, b] = input.edges[i];
        if (a == b)
            continue;
        if (back[i])
            std::swap(a, b);
        chains.try_emplace({a, b});
    }
    std::vector<int> indeg(static_cast<size_t>(n), 0);
    std::vector<bool> hasPred(static_cast<size_t>(n), false);
    std::vector<std::vector<int>> dagOut(static_cast<size_t>(n));
    for (const auto& [e, chain] : chains) {
        dagOut[static_cast<size_t>(e.first)].push_back(e.second);
        ++indeg[static_cast<size_t>(e.second)];
        hasPred[static_cast<size_t>(e.second)] = true;
    }
    std::vector<int> topo;
    topo.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        if (indeg[static_cast<size_t>(i)] == 0)
            topo.push_back(i);
    for (size_t k = 0; k < topo.size(); ++k)
        for (int w : dagOut[static_cast<size_t>(topo[k])]) {
            auto& r = v[static_cast<size_t>(w)].rank;
            r = std::max(r, v[static_cast<size_t>(topo[k])].rank + 1);
            if (--indeg[static_cast<size_t>(w)] == 0)
                topo.push_back(w);
        }
    // Pull sources (weights fed as graph inputs, lone constants) down next to their first user.
    for (int i = 0; i < n; ++i) {
        if (hasPred[static_cast<size_t>(i)] || dagOut[static_cast<size_t>(i)].empty())
            continue;
        int minSucc = INT32_MAX;
        for (int w : dagOut[static_cast<size_t>(i)])
            minSucc = std::min(minSucc, v[static_cast<size_t>(w)].rank);
        v[static_cast<size_t>(i)].rank = std::max(0, minSucc - 1);
    }

    // Dummy vertices keep long edges from crossing boxes.
    const double dummyWidth = input.nodeSeparation / 2;
    for (auto& [e, chain] : chains) {
        chain.push_back(e.first);
        for (int r = v[static_cast<size_t>(e.first)].rank + 1; r < v[static_cast<size_t>(e.second)].rank;
             ++r) {
            Vertex d;
            d.w = dummyWidth;
            d.rank = r;
            v.push_back(d);
            chain.push_back(static_cast<int>(v.size()) - 1);
        }
        chain.push_back(e.second);
        for (size_t k = 0; k + 1 < chain.size(); ++k) {
            v[static_cast<size_t>(chain[k])].succs.push_back(chain[k + 1]);
            v[static_cast<size_t>(chain[k + 1])].preds.push_back(chain[k]);
        }
    }

    int maxRank = 0;
    for (const auto& x : v)
        maxRank = std::max(maxRank, x.rank);
    std::vector<std::vector<int>> layers(static_cast<size_t>(maxRank + 1));
    for (int i = 0; i < static_cast<int>(v.size()); ++i)
        layers[static_cast<size_t>(v[static_cast<size_t>(i)].rank)].push_back(i);

    std::vector<double> order(v.size(), 0);
    auto renumber = [&](const std::vector<int>& layer) {
        for (size_t k = 0; k < layer.size(); ++k)
            order[static_cast<size_t>(layer[k])] = static_cast<double>(k);
    };
    for (const auto& layer : layers)
        renumber(layer);
    auto sweep = [&](bool down) {
        const int count = static_cast<int>(layers.size());
        for (int li = down ? 1 : count - 2; down ? li < count : li >= 0; li += down ? 1 : -1) {
            auto& layer = layers[static_cast<size_t>(li)];
            std::vector<double> key(v.size());
            for (int id : layer) {
                const auto& nb = down ? v[static_cast<size_t>(id)].preds : v[static_cast<size_t>(id)].succs;
                if (nb.empty()) {
                    key[static_cast<size_t>(id)] = order[static_cast<size_t>(id)];
                    continue;
                }
                double sum = 0;
                for (int u : nb)
                    sum += order[static_cast<size_t>(u)];
                key[static_cast<size_t>(id)] = sum / static_cast<double>(nb.size());
            }
            std::stable_sort(layer.begin(), layer.end(), [&](int a, int b) {
                return key[static_cast<size_t>(a)] < key[static_cast<size_t>(b)];
            });
            renumber(layer);
        }
    };
    for (int it = 0; it < 4; ++it) {
        sweep(true);
        sweep(false);
    }

    // x: pack, then let each layer drift toward its neighbours while keeping order and spacing.
    const double sep = input.nodeSeparation;
    auto place = [&](const std::vector<int>& layer, const std::vector<double>& want) {
        const size_t m = layer.size();
        std::vector<double> left(m), right(m);
        for (size_t k = 0; k < m; ++k) {
            const Vertex& a = v[static_cast<size_t>(layer[k])];
            left[k] = want[k];
            if (k > 0) {
                const Vertex& p = v[static_cast<size_t>(layer[k - 1])];
                left[k] = std::max(left[k], left[k - 1] + p.w / 2 + sep + a.w / 2);
            }
        }
        for (size_t k = m; k-- > 0;) {
            const Vertex& a = v[static_cast<size_t>(layer[k])];
            right[k] = want[k];
            if (k + 1 < m) {
                const Vertex& q = v[static_cast<size_t>(layer[k + 1])];
                right[k] = std::min(right[k], right[k + 1] - q.w / 2 - sep - a.w / 2);
            }
        }
        for (size_t k = 0; k < m; ++k) {
            Vertex& a = v[static_cast<size_t>(layer[k])];
            a.x = (left[k] + right[k]) / 2;
            if (k > 0) {
                const Vertex& p = v[static_cast<size_t>(layer[k - 1])];
                a.x = std::max(a.x, p.x + p.w / 2 + sep + a.w / 2);
            }
        }
    };
    for (const auto& layer : layers) {
        std::vector<double> want(layer.size(), 0);
        place(layer, want);
    }
    for (int it = 0; it < 6; ++it) {
        const bool down = it % 2 == 0;
        const int count = static_cast<int>(layers.size());
        for (int li = down ? 1 : count - 2; down ? li < count : li >= 0; li += down ? 1 : -1) {
            const auto& layer = layers[static_cast<size_t>(li)];
            std::vector<double> want(layer.size());
            for (size_t k = 0; k < layer.size(); ++k) {
                const Vertex& a = v[static_cast<size_t>(layer[k])];
                const auto& nb = down ? a.preds : a.succs;
                if (nb.empty()) {
                    want[k] = a.x;
                    continue;
                }
                double sum = 0;
                for (int u : nb)
                    sum += v[static_cast<size_t>(u)].x;
                want[k] = sum / static_cast<double>(nb.size());
            }
            place(layer, want);
        }
    }

    double minX = 0;
    bool first = true;
    for (const auto& a : v) {
        minX = first ? a.x - a.w / 2 : std::min(minX, a.x - a.w / 2);
        first = false;
    }
    double y = 0, width = 0;
    for (const auto& layer : layers) {
        double h = 0;
        for (int id : layer)
            h = std::max(h, v[static_cast<size_t>(id)].h);
        for (int id : layer) {
            Vertex& a = v[static_cast<size_t>(id)];
            a.x -= minX;
            a.y = y + (h - a.h) / 2;
            width = std::max(width, a.x + a.w / 2);
        }
        y += h + input.rankSeparation;
    }
    const double height = std::max(0.0, y - input.rankSeparation);

    output.positions.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const Vertex& a = v[static_cast<size_t>(i)];
        output.positions[static_cast<size_t>(i)] = QPointF(a.x - a.w / 2, a.y);
    }
    output.edges.assign(input.edges.size(), LayoutEdgeRoute{});
    double extraRight = 0;
    for (size_t i = 0; i < input.edges.size(); ++i) {
        auto [a, b] = input.edges[i];
        QPolygonF pts;
        if (a == b) {
            // A self loop leaves the right side and comes back lower down.
            const Vertex& s = v[static_cast<size_t>(a)];
            const double r = s.x + s.w / 2;
            pts << QPointF(r, s.y + s.h * 0.3) << QPointF(r + sep, s.y + s.h * 0.3)
                << QPointF(r + sep, s.y + s.h * 0.7) << QPointF(r, s.y + s.h * 0.7);
            extraRight = std::max(extraRight, r + sep - width);
        } else {
            const auto& chain = chains.at(back[i] ? std::make_pair(b, a) : std::make_pair(a, b));
            for (size_t k = 0; k < chain.size(); ++k) {
                const Vertex& c = v[static_cast<size_t>(chain[k])];
                if (k == 0)
                    pts << QPointF(c.x, c.y + c.h);
                else if (k + 1 == chain.size())
                    pts << QPointF(c.x, c.y);
                else
                    pts << QPointF(c.x, c.y + c.h / 2);
            }
            if (back[i])
                std::reverse(pts.begin(), pts.end());
        }
        output.edges[i].points = pts;
    }
    output.size = QSizeF(width + extraRight, height);
    return true;
}

std::unique_ptr<GraphLayout> makeLayeredLayout() {
    return std::make_unique<LayeredLayout>();
}

} // namespace onnxscope
