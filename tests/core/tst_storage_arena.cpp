#include "core/storage_arena.h"

#include <QTest>

#include <cstdint>
#include <cstring>
#include <map>
#include <random>
#include <vector>

using namespace onnxscope;

namespace {

constexpr size_t kMiB = size_t(1) << 20;

struct Range {
    char* data;
    size_t bytes;
};

// Fails the test when two live ranges overlap.
bool disjoint(const std::vector<Range>& live) {
    std::map<char*, size_t> byStart;
    for (const Range& r : live)
        byStart.emplace(r.data, StorageArena::roundUp(r.bytes));
    char* end = nullptr;
    for (const auto& [start, bytes] : byStart) {
        if (end && start < end)
            return false;
        end = start + bytes;
    }
    return true;
}

} // namespace

class TestStorageArena : public QObject {
    Q_OBJECT
private slots:
    void rangesAreAlignedDisjointAndKeepTheirBytes() {
        StorageArena arena(4 * kMiB);
        std::vector<Range> live;
        for (size_t bytes : {size_t(1), size_t(100), size_t(70000), kMiB, size_t(3)}) {
            auto* p = static_cast<char*>(arena.take(bytes));
            QVERIFY(p);
            QCOMPARE(reinterpret_cast<uintptr_t>(p) % StorageArena::kAlignment, uintptr_t(0));
            std::memset(p, int(live.size() + 1), bytes);
            live.push_back({p, bytes});
        }
        QVERIFY(disjoint(live));
        for (size_t i = 0; i < live.size(); ++i)
            for (size_t b = 0; b < live[i].bytes; ++b)
                QCOMPARE(int(live[i].data[b]), int(i + 1));
        QCOMPARE(arena.chunkCount(), size_t(1));
    }

    void freedNeighboursMergeIntoTheWholeChunk() {
        StorageArena arena(4 * kMiB);
        void* a = arena.take(kMiB);
        void* b = arena.take(kMiB);
        void* c = arena.take(kMiB);
        arena.give(b, kMiB); // a hole between two live ranges
        arena.give(a, kMiB); // merges forward with b's
        arena.give(c, kMiB); // merges backward, and forward with the chunk's unused tail
        QCOMPARE(arena.freeBytes(), arena.reservedBytes());
        // One free range again: the whole chunk fits without a second one.
        void* whole = arena.take(4 * kMiB);
        QCOMPARE(whole, a);
        QCOMPARE(arena.chunkCount(), size_t(1));
        arena.give(whole, 4 * kMiB);
    }

    void aRepeatedPatternReusesTheSameAddresses() {
        // What inference does: the same sizes in the same order every run, so every value
        // lands where it did the run before and stays cache-warm.
        StorageArena arena(16 * kMiB);
        const std::vector<size_t> sizes{4816896, 1204224, 802816, 4816896, 301056, 1806336, 1806336, 301056};
        auto run = [&] {
            std::vector<void*> addresses;
            std::vector<std::pair<void*, size_t>> live;
            for (size_t i = 0; i < sizes.size(); ++i) {
                void* p = arena.take(sizes[i]);
                addresses.push_back(p);
                live.emplace_back(p, sizes[i]);
                if (live.size() > 2) { // each value dies two steps after it was made
                    arena.give(live.front().first, live.front().second);
                    live.erase(live.begin());
                }
            }
            for (auto [p, bytes] : live)
                arena.give(p, bytes);
            return addresses;
        };
        const auto first = run();
        const auto second = run();
        QCOMPARE(second, first);
        QCOMPARE(run(), first);
        QCOMPARE(arena.chunkCount(), size_t(1));
    }

    void requestsLargerThanAChunkGetTheirOwn() {
        StorageArena arena(kMiB);
        void* small = arena.take(1000);
        void* big = arena.take(3 * kMiB + 1);
        QVERIFY(small && big);
        QCOMPARE(arena.chunkCount(), size_t(2));
        QCOMPARE(arena.reservedBytes(), kMiB + StorageArena::roundUp(3 * kMiB + 1));
        arena.give(big, 3 * kMiB + 1);
        arena.give(small, 1000);
        QCOMPARE(arena.freeBytes(), arena.reservedBytes());
    }

    void whollyFreeChunksGoBackBeyondTheCap() {
        StorageArena arena(kMiB, 0);
        void* a = arena.take(1000);
        void* b = arena.take(2 * kMiB);
        QCOMPARE(arena.chunkCount(), size_t(2));
        arena.give(b, 2 * kMiB);
        QCOMPARE(arena.chunkCount(), size_t(1));
        arena.give(a, 1000);
        QCOMPARE(arena.chunkCount(), size_t(0));
        QCOMPARE(arena.reservedBytes(), size_t(0));
        QCOMPARE(arena.freeBytes(), size_t(0));
    }

    void randomTrafficNeverOverlapsAndFreesEverything() {
        StorageArena arena(2 * kMiB);
        std::mt19937 rng(7);
        std::uniform_int_distribution<size_t> size(1, 3 * kMiB);
        std::vector<Range> live;
        for (int step = 0; step < 3000; ++step) {
            if (live.empty() || rng() % 3 != 0) {
                const size_t bytes = size(rng) >> (rng() % 8);
                auto* p = static_cast<char*>(arena.take(bytes));
                QVERIFY(p);
                p[0] = 1;
                p[bytes - 1] = 1;
                live.push_back({p, bytes});
            } else {
                const size_t i = rng() % live.size();
                arena.give(live[i].data, live[i].bytes);
                live.erase(live.begin() + static_cast<std::ptrdiff_t>(i));
            }
            if (step % 100 == 0)
                QVERIFY(disjoint(live));
        }
        QVERIFY(disjoint(live));
        for (const Range& r : live)
            arena.give(r.data, r.bytes);
        QCOMPARE(arena.freeBytes(), arena.reservedBytes());
    }
};

QTEST_APPLESS_MAIN(TestStorageArena)
#include "tst_storage_arena.moc"
