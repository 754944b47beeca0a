// Saves that lose nothing: a save killed with SIGKILL at any point leaves the old file or the new
// one, byte for byte; temporaries are created exclusively; modes and symlinks survive a save.
#include "core/atomic_file.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <csignal>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace onnxscope;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string pattern(size_t size, uint32_t seed) {
    std::mt19937 rng(seed);
    std::string s(size, '\0');
    for (char& c : s)
        c = static_cast<char>(rng());
    return s;
}

std::vector<fs::path> temporariesIn(const fs::path& dir) {
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos)
            found.push_back(e.path());
    return found;
}

mode_t modeOf(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 07777;
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

private slots:
    // Children save one of two contents of different sizes over the target and are killed after
    // a random delay spread over a whole save (open, write, fsync, rename, cleanup).
    void killedSavesLeaveOldOrNewContent() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        const fs::path target = dir / "model.onnx";
        const std::string contents[2] = {pattern(1 << 20, 1), pattern((1 << 20) + 4099, 2)};
        QVERIFY(writeFileAtomically(target, contents[0].data(), contents[0].size()).ok());

        // The delay's upper bound follows how long saves take right now (other tests and builds
        // share the machine): it shrinks when a save finished first and grows when it was cut.
        QElapsedTimer timer;
        timer.start();
        QVERIFY(writeFileAtomically(target, contents[1].data(), contents[1].size()).ok());
        double boundMicros = std::max<double>(static_cast<double>(timer.nsecsElapsed()) / 1000, 200);

        std::mt19937 rng(7);
        int killedMidSave = 0;
        timer.restart();
        for (int i = 0; i < 200; ++i) {
            const std::string& next = contents[i % 2];
            const pid_t pid = ::fork();
            if (pid == 0) {
                Status s = writeFileAtomically(target, next.data(), next.size());
                ::_exit(s.ok() ? 0 : 1);
            }
            QVERIFY(pid > 0);
            std::uniform_real_distribution<double> delay(0, boundMicros);
            std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int64_t>(delay(rng))));
            ::kill(pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
            if (WIFSIGNALED(status)) {
                ++killedMidSave;
                boundMicros *= 1.1;
            } else {
                QCOMPARE(WEXITSTATUS(status), 0);
                boundMicros = std::max(200.0, boundMicros * 0.8);
            }

            const std::string now = readAll(target);
            QVERIFY2(now == contents[0] || now == contents[1],
                     qPrintable(QStringLiteral("iteration %1: target has %2 bytes matching neither version")
                                    .arg(i)
                                    .arg(now.size())));
            // At most one: each save first removes what killed saves left, then makes its own.
            QVERIFY2(temporariesIn(dir).size() <= 1, qPrintable(QString::number(temporariesIn(dir).size())));
        }
        qInfo("200 saves of ~1 MiB, %d killed mid-save, last delay bound %.0f us, loop %lld ms",
              killedMidSave, boundMicros, timer.elapsed());
        QVERIFY2(killedMidSave >= 50 && killedMidSave <= 190,
                 "the delays missed the saves; the test proves nothing");

        // The next save removes what a killed one left behind.
        QVERIFY(writeFileAtomically(target, contents[0].data(), contents[0].size()).ok());
        QVERIFY(temporariesIn(dir).empty());
        QCOMPARE(readAll(target), contents[0]);
    }

    // A temporary of a process that is still running is never taken for stale.
    void liveTemporariesAreLeftAlone() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        const fs::path live = dir / (".m.onnx.tmp-" + std::to_string(::getpid()) + "-abcdef");
        std::ofstream(live) << "in progress";
        QVERIFY(writeFileAtomically(dir / "m.onnx", "x", 1).ok());
        QVERIFY(fs::exists(live));
        QVERIFY(staleTemporaries(dir / "m.onnx").empty());
    }

    void modeIsKept() {
        QTemporaryDir tmp;
        const fs::path target = fs::path(tmp.path().toStdString()) / "m.onnx";
        std::ofstream(target) << "old";
        fs::permissions(target, fs::perms(0640));
        QVERIFY(writeFileAtomically(target, "new", 3).ok());
        QCOMPARE(modeOf(target), mode_t(0640));
        fs::permissions(target, fs::perms(0604));
        QVERIFY(writeFileAtomically(target, "newer", 5).ok());
        QCOMPARE(modeOf(target), mode_t(0604));
        QCOMPARE(readAll(target), std::string("newer"));

        // A new file gets what any new file gets (0666 less the umask), not the 0600 of mkstemp.
        const fs::path reference = target.parent_path() / "reference";
        std::ofstream(reference) << "";
        QVERIFY(writeFileAtomically(target.parent_path() / "fresh.onnx", "x", 1).ok());
        QCOMPARE(modeOf(target.parent_path() / "fresh.onnx"), modeOf(reference));
    }

    void symlinksAreWrittenThrough() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        fs::create_directories(dir / "real");
        std::ofstream(dir / "real" / "m.onnx") << "old";
        fs::permissions(dir / "real" / "m.onnx", fs::perms(0600));
        fs::create_symlink("real/m.onnx", dir / "link.onnx");
        fs::create_symlink(dir / "link.onnx", dir / "link2.onnx"); // a chain, absolute this time
        QVERIFY(writeFileAtomically(dir / "link2.onnx", "new", 3).ok());
        QVERIFY(fs::is_symlink(dir / "link.onnx"));
        QVERIFY(fs::is_symlink(dir / "link2.onnx"));
        QCOMPARE(readAll(dir / "real" / "m.onnx"), std::string("new"));
        QCOMPARE(modeOf(dir / "real" / "m.onnx"), mode_t(0600));
        QVERIFY(temporariesIn(dir).empty());
        QVERIFY(temporariesIn(dir / "real").empty());
    }

    // A name planted where the temporary might go is never opened or followed.
    void temporariesAreCreatedExclusively() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        std::ofstream(dir / "victim") << "untouched";
        for (int i = 0; i < 50; ++i) {
            QVERIFY(writeFileAtomically(dir / "m.onnx", "data", 4).ok());
            QCOMPARE(readAll(dir / "victim"), std::string("untouched"));
        }
        QCOMPARE(readAll(dir / "m.onnx"), std::string("data"));
    }

    void failedWritesLeaveTargetAndNoTemporary() {
        QTemporaryDir tmp;
        const fs::path dir = tmp.path().toStdString();
        std::ofstream(dir / "m.onnx") << "old";
        Status s = writeFileAtomically(dir / "m.onnx", [](std::ostream& out) {
            out << "partial";
            return Status::error("writer gave up");
        });
        QVERIFY(!s.ok());
        QCOMPARE(s.message(), std::string("writer gave up"));
        QCOMPARE(readAll(dir / "m.onnx"), std::string("old"));
        QVERIFY(temporariesIn(dir).empty());
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
