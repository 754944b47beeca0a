// onnxscope-cli devices [--json]: the OpenCL platforms and devices the ICD loader reports, with
// the index to pass as --backend opencl:N.
#include "cli_commands.h"
#include "cli_util.h"

#ifdef ONNXSCOPE_HAVE_OPENCL
#include "exec/opencl/opencl_device.h"
#endif

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

int runDevicesCommand(const QStringList& args) {
    auto tr = [](const char* text) { return QCoreApplication::translate("cli", text); };
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the OpenCL devices (use --backend opencl:N to pick one)."));
    QCommandLineOption json("json", tr("Print JSON."));
    parser.addOption(json);
    if (!parser.parse(QStringList{"devices"} + args))
        return cli::fail(cli::UsageError, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return cli::fail(cli::UsageError, tr("usage: onnxscope-cli devices [--json]"));
#ifdef ONNXSCOPE_HAVE_OPENCL
    auto devices = onnxscope::listOpenClDevices();
    if (!devices.ok()) {
        if (parser.isSet(json)) {
            QJsonObject o{{"devices", QJsonArray()}, {"error", cli::fromStd(devices.message())}};
            cli::out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
            return cli::Ok;
        }
        cli::out() << tr("No OpenCL devices:") << " " << cli::fromStd(devices.message()) << "\n";
        return cli::Ok;
    }
    auto mib = [](uint64_t bytes) { return static_cast<qint64>(bytes >> 20); };
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const auto& d : *devices) {
            QJsonObject o;
            o["index"] = d.index;
            o["backend"] = QStringLiteral("opencl:%1").arg(d.index);
            o["platform"] = cli::fromStd(d.platformName);
            o["platform_version"] = cli::fromStd(d.platformVersion);
            o["name"] = cli::fromStd(d.name);
            o["vendor"] = cli::fromStd(d.vendor);
            o["type"] = cli::fromStd(d.type);
            o["driver_version"] = cli::fromStd(d.driverVersion);
            o["device_version"] = cli::fromStd(d.deviceVersion);
            o["global_memory_mib"] = mib(d.globalMemoryBytes);
            o["max_allocation_mib"] = mib(d.maxAllocationBytes);
            o["compute_units"] = d.computeUnits;
            o["max_clock_mhz"] = d.maxClockMhz;
            o["available"] = d.available;
            list.append(o);
        }
        cli::out() << QJsonDocument(QJsonObject{{"devices", list}}).toJson(QJsonDocument::Indented);
        return cli::Ok;
    }
    QTextStream& out = cli::out();
    for (const auto& d : *devices) {
        out << "opencl:" << d.index << "  " << cli::fromStd(d.name) << " (" << cli::fromStd(d.type) << ")\n";
        out << "    " << tr("platform:") << " " << cli::fromStd(d.platformName) << " ("
            << cli::fromStd(d.platformVersion) << ")\n";
        out << "    " << tr("vendor:") << " " << cli::fromStd(d.vendor) << "\n";
        out << "    " << tr("driver:") << " " << cli::fromStd(d.driverVersion) << "\n";
        out << "    " << tr("global memory:") << " " << mib(d.globalMemoryBytes) << " MiB, "
            << tr("compute units:") << " " << d.computeUnits << "\n";
    }
    return cli::Ok;
#else
    if (parser.isSet(json))
        cli::out() << QJsonDocument(QJsonObject{{"devices", QJsonArray()},
                                                {"error", QStringLiteral("built without OpenCL")}})
                          .toJson(QJsonDocument::Indented);
    else
        cli::out() << tr("This build has no OpenCL support.") << "\n";
    return cli::Ok;
#endif
}
