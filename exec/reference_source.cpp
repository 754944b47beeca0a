#include "reference_source.h"

#include "core/external_data.h"
#include "core/tensor_file_io.h"
#include "core/tensor_proto_io.h"
#include "core/zip_archive.h"
#include "declared_value_io.h"
#include "session.h"

#include <onnx/onnx_pb.h>

#include <fstream>
#include <regex>

namespace onnxscope {

namespace {

// The name a lone tensor file stands for: its own name when A has such a value, else A's only
// output.
Result<std::string> nameForLoneTensor(const std::string& ownName, const ExecutionPlan& plan,
                                      const std::filesystem::path& file) {
    if (!ownName.empty() && plan.slot(ownName) >= 0)
        return ownName;
    if (plan.outputs.size() == 1)
        return plan.outputs[0].name;
    return Status::error(file.string() + ": '" + ownName +
                         "' is not a value of the model, and the model has several outputs; name the file "
                         "after a value or use an .npz keyed by value names");
}

Status readPbInto(const std::filesystem::path& file, const ExecutionPlan& plan,
                  std::map<std::string, Value>& out) {
    std::ifstream in(file, std::ios::binary);
    onnx::TensorProto proto;
    if (!in || !proto.ParseFromIstream(&in))
        return Status::error(file.string() + ": not a readable TensorProto");
    OS_ASSIGN_OR_RETURN(std::string name, nameForLoneTensor(proto.name(), plan, file));
    if (plan.slot(proto.name()) < 0 && plan.slot(file.stem().string()) >= 0)
        name = file.stem().string();
    auto tensor = tensorFromProto(proto);
    if (!tensor.ok())
        return tensor.status().withContext(file.string() + ": ");
    out[name] = Value(std::move(tensor).value());
    return {};
}

template <typename AddArchive>
Status readFolder(const std::filesystem::path& dir, const ExecutionPlan& plan,
                  std::map<std::string, Value>& out, AddArchive addArchive) {
    static const std::regex outputFile(R"(output_(\d+)\.pb)");
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file())
            continue;
        const std::filesystem::path& file = entry.path();
        const std::string fileName = file.filename().string();
        const std::string ext = file.extension().string();
        std::smatch m;
        if (std::regex_match(fileName, m, outputFile)) {
            const size_t k = std::stoul(m[1].str());
            if (k >= plan.outputs.size())
                return Status::error(file.string() + ": the model has only " +
                                     std::to_string(plan.outputs.size()) + " outputs");
            auto value = readDeclaredValuePb(file, plan.outputs[k]);
            if (!value.ok())
                return value.status();
            out[plan.outputs[k].name] = std::move(value).value();
        } else if (fileName.rfind("input_", 0) == 0 && ext == ".pb") {
            continue;
        } else if (ext == ".npz") {
            OS_RETURN_IF_ERROR(addArchive(file));
        } else if (ext == ".npy" || ext == ".pb") {
            if (plan.slot(file.stem().string()) < 0)
                continue; // not named after a value: some other file in the folder
            auto tensor = readTensorFile(file);
            if (!tensor.ok())
                return tensor.status();
            out[file.stem().string()] = Value(std::move(tensor).value());
        }
    }
    if (ec)
        return Status::error(dir.string() + ": " + ec.message());
    return {};
}

} // namespace

struct FileReference::Archive {
    std::shared_ptr<const MappedFile> file;
    ZipReader zip;
};

FileReference::~FileReference() = default;

Status FileReference::addArchive(const std::filesystem::path& file) {
    OS_ASSIGN_OR_RETURN(auto mapped, MappedFile::open(file));
    OS_ASSIGN_OR_RETURN(ZipReader zip, ZipReader::open(reinterpret_cast<const uint8_t*>(mapped->data()),
                                                       mapped->size(), file.string()));
    auto archive = std::make_shared<const Archive>(Archive{std::move(mapped), std::move(zip)});
    const auto& members = archive->zip.members();
    for (size_t i = 0; i < members.size(); ++i) {
        const std::string& name = members[i].name;
        // As np.load: members other than .npy arrays are not tensors.
        if (name.size() < 4 || name.compare(name.size() - 4, 4, ".npy") != 0)
            continue;
        m_lazy[name.substr(0, name.size() - 4)] = LazyMember{archive, i};
    }
    return {};
}

Result<std::unique_ptr<FileReference>> FileReference::open(const std::filesystem::path& path,
                                                           const ExecutionPlan& plan) {
    auto ref = fromValues({}, "reference " + path.string());
    auto addArchive = [&ref](const std::filesystem::path& file) { return ref->addArchive(file); };
    std::error_code ec;
    const std::string ext = path.extension().string();
    if (std::filesystem::is_directory(path, ec)) {
        OS_RETURN_IF_ERROR(readFolder(path, plan, ref->m_values, addArchive));
        if (ref->m_values.empty() && ref->m_lazy.empty())
            return Status::error(path.string() +
                                 ": no reference files (output_K.pb, NAME.npy, NAME.pb or .npz)");
    } else if (!std::filesystem::exists(path, ec)) {
        return Status::error(path.string() + ": no such file or folder");
    } else if (ext == ".npz") {
        OS_RETURN_IF_ERROR(addArchive(path));
    } else if (ext == ".npy") {
        OS_ASSIGN_OR_RETURN(Tensor t, readNpy(path));
        OS_ASSIGN_OR_RETURN(std::string name, nameForLoneTensor(path.stem().string(), plan, path));
        ref->m_values[name] = Value(std::move(t));
    } else {
        OS_RETURN_IF_ERROR(readPbInto(path, plan, ref->m_values));
    }
    return ref;
}

std::unique_ptr<FileReference> FileReference::fromValues(std::map<std::string, Value> values,
                                                         std::string description) {
    auto ref = std::unique_ptr<FileReference>(new FileReference());
    ref->m_values = std::move(values);
    ref->m_description = std::move(description);
    return ref;
}

Result<std::optional<Value>> FileReference::take(const std::string& name) {
    if (auto it = m_values.find(name); it != m_values.end()) {
        std::optional<Value> v(std::move(it->second));
        m_values.erase(it);
        return v;
    }
    auto lazy = m_lazy.find(name);
    if (lazy == m_lazy.end())
        return std::optional<Value>();
    const Archive& archive = *lazy->second.archive;
    const ZipMember& member = archive.zip.members()[lazy->second.member];
    std::vector<uint8_t> buffer;
    auto bytes = archive.zip.extract(member, buffer);
    if (!bytes.ok())
        return bytes.status();
    auto tensor = parseNpy(bytes->data(), bytes->size(),
                           archive.file->path().string() + ": member '" + member.name + "'");
    if (!tensor.ok())
        return tensor.status();
    m_lazy.erase(lazy);
    return std::optional<Value>(Value(std::move(tensor).value()));
}

std::vector<std::string> FileReference::remainingNames() const {
    std::vector<std::string> names;
    for (const auto& [name, value] : m_values)
        names.push_back(name);
    for (const auto& [name, member] : m_lazy)
        names.push_back(name);
    return names;
}

SessionReference::SessionReference(std::unique_ptr<Session> session,
                                   std::map<std::string, std::string> nameMap, std::string description)
    : m_session(std::move(session))
    , m_nameMap(std::move(nameMap))
    , m_description(std::move(description)) {
    const ExecutionPlan& plan = m_session->plan();
    for (size_t i = 0; i < plan.nodes.size(); ++i)
        for (const std::string& out : plan.nodes[i].desc.outputs)
            if (!out.empty())
                m_producer[out] = i;
}

SessionReference::~SessionReference() = default;

std::string SessionReference::mapped(const std::string& aName) const {
    auto it = m_nameMap.find(aName);
    return it == m_nameMap.end() ? aName : it->second;
}

void SessionReference::expect(const std::set<std::string>& names) {
    m_wanted.clear();
    for (const std::string& n : names)
        m_wanted.insert(mapped(n));
}

Status SessionReference::begin(const std::map<std::string, Value>& inputs, bool everyNode) {
    m_pending.clear();
    std::map<std::string, std::string> bToA;
    for (const auto& [a, b] : m_nameMap)
        bToA[b] = a;
    const auto& declared = m_session->inputs();
    std::map<std::string, Value> bInputs;
    for (size_t k = 0; k < declared.size(); ++k) {
        const std::string& bName = declared[k].name;
        auto viaMap = bToA.find(bName);
        const std::string aName = viaMap != bToA.end() ? viaMap->second : bName;
        auto it = inputs.find(aName);
        if (it != inputs.end()) {
            bInputs[bName] = it->second;
        } else if (declared.size() == inputs.size() && declared.size() == 1) {
            bInputs[bName] = inputs.begin()->second; // one input each: the names need not match
        } else if (!declared[k].hasInitializer) {
            return Status::error(m_description + ": no input for '" + bName +
                                 "' among the compared model's inputs; map it by name");
        }
    }
    // Observed as a plain run executes it, like the compared side (see compareLayers).
    const auto mode = everyNode ? Session::PassMode::Stepped : Session::PassMode::AsRun;
    return m_session->begin(bInputs, mode).withContext(m_description + ": ");
}

Result<std::optional<Value>> SessionReference::take(const std::string& aName) {
    const std::string name = mapped(aName);
    if (auto it = m_pending.find(name); it != m_pending.end()) {
        std::optional<Value> v(std::move(it->second));
        m_pending.erase(it);
        return v;
    }
    auto producer = m_producer.find(name);
    if (producer == m_producer.end()) // a graph input or initializer of B, or a name B lacks
        return peek(name);
    while (m_session->nextNode() <= producer->second) {
        const size_t index = m_session->nextNode();
        auto step = m_session->step();
        if (!step.ok())
            return step.status().withContext(m_description + ": ");
        // Keep what A will still ask for: the values are shared, so the session may free its own.
        const PlannedNode* ran = m_session->nodeRunAt(index);
        for (const std::string& out : ran ? ran->desc.outputs : std::vector<std::string>{})
            if (!out.empty() && out != name && m_wanted.count(out)) {
                OS_ASSIGN_OR_RETURN(std::optional<Value> v, peek(out));
                if (v)
                    m_pending[out] = std::move(*v);
            }
    }
    return peek(name);
}

Result<std::optional<Value>> SessionReference::peek(const std::string& name) const {
    auto value = m_session->peek(name);
    if (!value.ok())
        return value.status().withContext(m_description + ": ");
    return value;
}

} // namespace onnxscope
