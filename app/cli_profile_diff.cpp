// onnxscope-cli profile-diff A.json B.json [--json] [--fail-above RATIO] [--min-ms MS]: compares
// two profiles written by `profile --json`, node by node (matched by name) and in total. Ratios
// are B / A, so above 1 means B is slower. Exits 4 when --fail-above is given and the total's
// ratio or any matched node's ratio exceeds it, so CI can gate regressions.
#include "cli_commands.h"
#include "cli_profile_document.h"
#include "cli_util.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

namespace {

struct Profile {
    QString path;
    QJsonObject document;
    // Keyed by node name; a repeated name gets "#2", "#3"... so that each node keeps its own row.
    std::map<QString, QJsonObject> nodes;
    std::vector<QString> order;
};

std::optional<Profile> readProfile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        cli::fail(cli::ReadError,
                  QCoreApplication::translate("cli", "cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    const QString problem =
        json.isObject() ? cli::profileDocumentProblem(json.object()) : error.errorString();
    if (!problem.isEmpty()) {
        cli::fail(cli::ReadError, QStringLiteral("%1: %2").arg(path, problem));
        return std::nullopt;
    }
    Profile profile{path, json.object(), {}, {}};
    for (const QJsonValue& value : profile.document.value("nodes").toArray()) {
        const QJsonObject node = value.toObject();
        QString key = node.value("name").toString();
        for (int k = 2; profile.nodes.count(key); ++k)
            key = node.value("name").toString() + QStringLiteral("#%1").arg(k);
        profile.nodes[key] = node;
        profile.order.push_back(key);
    }
    return profile;
}

// B / A, or nothing when A took no measurable time.
std::optional<double> ratio(double a, double b) {
    if (a <= 0)
        return std::nullopt;
    return b / a;
}

QJsonValue ratioJson(std::optional<double> r) {
    return r ? QJsonValue(*r) : QJsonValue();
}

QString ratioText(std::optional<double> r) {
    return r ? QStringLiteral("x%1").arg(*r, 0, 'f', 3) : QStringLiteral("-");
}

QString ms(double value) {
    return QString::number(value, 'f', 3);
}

QString signedMs(double value) {
    return (value >= 0 ? QStringLiteral("+") : QString()) + ms(value);
}

struct Row {
    QString name, opType;
    double aMs = 0, bMs = 0;
    std::optional<double> ratio;
    bool exceeded = false;
};

struct Comparison {
    double totalA = 0, totalB = 0, sumA = 0, sumB = 0;
    std::optional<double> totalRatio;
    bool totalExceeded = false;
    std::vector<Row> rows; // largest absolute change first
    QStringList onlyInA, onlyInB;
    bool sameModel = false;

    bool exceeded() const {
        return totalExceeded ||
               std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.exceeded; });
    }
};

Comparison compare(const Profile& a, const Profile& b, std::optional<double> failAbove, double minMs) {
    Comparison c;
    c.totalA = a.document.value("total_ms").toDouble();
    c.totalB = b.document.value("total_ms").toDouble();
    c.sumA = a.document.value("node_sum_ms").toDouble();
    c.sumB = b.document.value("node_sum_ms").toDouble();
    c.totalRatio = ratio(c.totalA, c.totalB);
    c.totalExceeded = failAbove && c.totalRatio && *c.totalRatio > *failAbove;
    const QString hashA = a.document.value("model_sha256").toString();
    c.sameModel = !hashA.isEmpty() && hashA == b.document.value("model_sha256").toString();
    for (const QString& key : a.order) {
        const auto other = b.nodes.find(key);
        if (other == b.nodes.end()) {
            c.onlyInA << key;
            continue;
        }
        const QJsonObject& nodeA = a.nodes.at(key);
        Row row{key,
                nodeA.value("op_type").toString(),
                nodeA.value("median_ms").toDouble(),
                other->second.value("median_ms").toDouble(),
                std::nullopt,
                false};
        row.ratio = ratio(row.aMs, row.bMs);
        // Nodes faster than --min-ms in both profiles are timer noise, not regressions.
        row.exceeded =
            failAbove && row.ratio && *row.ratio > *failAbove && std::max(row.aMs, row.bMs) >= minMs;
        c.rows.push_back(row);
    }
    for (const QString& key : b.order)
        if (!a.nodes.count(key))
            c.onlyInB << key;
    std::stable_sort(c.rows.begin(), c.rows.end(), [](const Row& x, const Row& y) {
        return std::abs(x.bMs - x.aMs) > std::abs(y.bMs - y.aMs);
    });
    return c;
}

QJsonObject sideJson(const Profile& p) {
    QJsonObject o;
    o["path"] = p.path;
    for (const char* key : {"model", "model_sha256", "machine", "backend", "threads", "runs", "created"})
        o[key] = p.document.value(key);
    return o;
}

QJsonObject timesJson(double a, double b) {
    return {{"a_ms", a}, {"b_ms", b}, {"delta_ms", b - a}, {"ratio", ratioJson(ratio(a, b))}};
}

QJsonObject toJson(const Profile& a, const Profile& b, const Comparison& c, std::optional<double> failAbove,
                   double minMs) {
    QJsonObject root;
    root["schema"] = QStringLiteral("onnxscope-profile-diff");
    root["version"] = 1;
    root["a"] = sideJson(a);
    root["b"] = sideJson(b);
    root["same_model"] = c.sameModel;
    root["total"] = timesJson(c.totalA, c.totalB);
    root["node_sum"] = timesJson(c.sumA, c.sumB);
    QJsonArray nodes, exceededNodes;
    for (const Row& r : c.rows) {
        QJsonObject o = timesJson(r.aMs, r.bMs);
        o["name"] = r.name;
        o["op_type"] = r.opType;
        nodes.append(o);
        if (r.exceeded)
            exceededNodes.append(r.name);
    }
    root["nodes"] = nodes;
    root["only_in_a"] = QJsonArray::fromStringList(c.onlyInA);
    root["only_in_b"] = QJsonArray::fromStringList(c.onlyInB);
    root["fail_above"] = failAbove ? QJsonValue(*failAbove) : QJsonValue();
    root["min_ms"] = minMs;
    root["total_exceeded"] = c.totalExceeded;
    root["exceeded_nodes"] = exceededNodes;
    return root;
}

void printText(const Profile& a, const Profile& b, const Comparison& c, std::optional<double> failAbove) {
    QTextStream& out = cli::out();
    for (const Profile* p : {&a, &b}) {
        const QJsonObject machine = p->document.value("machine").toObject();
        out << (p == &a ? "A: " : "B: ") << p->path << "  ("
            << QCoreApplication::translate("cli", "%1, threads %2, %3")
                   .arg(p->document.value("backend").toString())
                   .arg(p->document.value("threads").toInt())
                   .arg(machine.value("cpu").toString())
            << ")\n";
    }
    if (!c.sameModel)
        out << QCoreApplication::translate(
                   "cli",
                   "Note: the profiles were taken of different model files (SHA-256 differs); nodes are "
                   "matched by name.")
            << "\n";
    out << QCoreApplication::translate("cli", "Total (median run): %1 ms -> %2 ms, %3 (%4 ms)")
               .arg(ms(c.totalA), ms(c.totalB), ratioText(c.totalRatio), signedMs(c.totalB - c.totalA))
        << "\n";
    out << QCoreApplication::translate("cli", "Node sum: %1 ms -> %2 ms, %3 (%4 ms)")
               .arg(ms(c.sumA), ms(c.sumB), ratioText(ratio(c.sumA, c.sumB)), signedMs(c.sumB - c.sumA))
        << "\n\n";
    out << QCoreApplication::translate("cli", "Per node (median ms), largest change first:") << "\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QCoreApplication::translate("cli", "node"), -32)
               .arg(QCoreApplication::translate("cli", "op"), -18)
               .arg(QStringLiteral("A"), 9)
               .arg(QStringLiteral("B"), 9)
               .arg(QCoreApplication::translate("cli", "change"), 9)
               .arg(QCoreApplication::translate("cli", "ratio"), 9);
    for (const Row& r : c.rows)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6%7\n")
                   .arg(r.name.left(32), -32)
                   .arg(r.opType.left(18), -18)
                   .arg(ms(r.aMs), 9)
                   .arg(ms(r.bMs), 9)
                   .arg(signedMs(r.bMs - r.aMs), 9)
                   .arg(ratioText(r.ratio), 9)
                   .arg(r.exceeded ? QStringLiteral("  !") : QString());
    if (!c.onlyInA.isEmpty())
        out << QCoreApplication::translate("cli", "Only in A: %1").arg(c.onlyInA.join(QStringLiteral(", ")))
            << "\n";
    if (!c.onlyInB.isEmpty())
        out << QCoreApplication::translate("cli", "Only in B: %1").arg(c.onlyInB.join(QStringLiteral(", ")))
            << "\n";
    if (failAbove && c.exceeded()) {
        QStringList over;
        if (c.totalExceeded)
            over << QCoreApplication::translate("cli", "the total");
        for (const Row& r : c.rows)
            if (r.exceeded)
                over << r.name;
        out << QCoreApplication::translate("cli", "Above --fail-above %1: %2")
                   .arg(*failAbove)
                   .arg(over.join(QStringLiteral(", ")))
            << "\n";
    }
    out.flush();
}

std::optional<double> parseNonNegative(const QCommandLineParser& parser, const QString& option) {
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0) {
        cli::fail(cli::UsageError, QCoreApplication::translate("cli", "--%1 needs a number >= 0, got '%2'")
                                       .arg(option, parser.value(option)));
        return std::nullopt;
    }
    return value;
}

} // namespace

int runProfileDiffCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "cli", "Compare two profiles written by 'profile --json': per-node and total ratios B / A.\n"
               "Exit status: 0, or 4 when --fail-above is given and the total's or a node's ratio exceeds "
               "it; 2 unreadable, 1 usage error."));
    parser.addHelpOption();
    parser.addPositionalArgument("A", QCoreApplication::translate("cli", "The baseline profile (.json)."));
    parser.addPositionalArgument(
        "B", QCoreApplication::translate("cli", "The profile to compare with it (.json)."));
    parser.addOption({"json", QCoreApplication::translate("cli", "Print the comparison as JSON.")});
    parser.addOption(
        {"fail-above",
         QCoreApplication::translate("cli", "Exit with status 4 when a ratio B / A exceeds this."),
         QCoreApplication::translate("cli", "RATIO")});
    parser.addOption(
        {"min-ms",
         QCoreApplication::translate("cli", "Nodes faster than this in both profiles never fail the run."),
         QCoreApplication::translate("cli", "MS"), "0"});
    if (const auto done = cli::parseCommandLine(parser, "profile-diff", args))
        return *done;
    if (parser.positionalArguments().size() != 2)
        return cli::fail(cli::UsageError,
                         QCoreApplication::translate("cli", "profile-diff needs two profiles, A and B"));
    std::optional<double> failAbove;
    if (parser.isSet("fail-above") && !(failAbove = parseNonNegative(parser, "fail-above")))
        return cli::UsageError;
    const std::optional<double> minMs = parseNonNegative(parser, "min-ms");
    if (!minMs)
        return cli::UsageError;
    const auto a = readProfile(parser.positionalArguments().at(0));
    if (!a)
        return cli::ReadError;
    const auto b = readProfile(parser.positionalArguments().at(1));
    if (!b)
        return cli::ReadError;

    const Comparison c = compare(*a, *b, failAbove, *minMs);
    if (parser.isSet("json"))
        cli::out() << QJsonDocument(toJson(*a, *b, c, failAbove, *minMs)).toJson(QJsonDocument::Indented);
    else
        printText(*a, *b, c, failAbove);
    cli::out().flush();
    return c.exceeded() ? cli::ThresholdExceeded : cli::Ok;
}
