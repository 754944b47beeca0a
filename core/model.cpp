#include "model.h"

#include "atomic_file.h"
#include "model_check.h"
#include "proto_walk.h"
#include "shape_inference.h"
#include "tensor.h"
#include "tensor_proto_io.h"
#include "wire_format_check.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cstring>
#include <set>

namespace onnxscope {

namespace {

// Feeds protobuf the mapped file in chunks and drops chunks it has finished with from resident
// memory, so parsing a large model does not hold both the file and the parsed copy at once.
class ReleasingInputStream final : public google::protobuf::io::ZeroCopyInputStream {
public:
    ReleasingInputStream(const MappedFile* file, const std::byte* data, size_t size)
        : m_file(file)
        , m_data(data)
        , m_size(size) {}
    bool Next(const void** data, int* size) override {
        if (m_position >= m_size)
            return false;
        // Protobuf copies at most a few bytes of the previous chunk, so two chunks back is safe.
        if (m_file && m_position >= 2 * kChunk)
            m_file->release(m_released, m_position - kChunk - m_released), m_released = m_position - kChunk;
        size_t n = std::min(kChunk, m_size - m_position);
        *data = m_data + m_position;
        *size = static_cast<int>(n);
        m_position += n;
        m_lastChunk = n;
        return true;
    }
    void BackUp(int count) override { m_position -= static_cast<size_t>(count); }
    bool Skip(int count) override {
        if (static_cast<size_t>(count) > m_size - m_position) {
            m_position = m_size;
            return false;
        }
        m_position += static_cast<size_t>(count);
        return true;
    }
    int64_t ByteCount() const override { return static_cast<int64_t>(m_position); }

private:
    static constexpr size_t kChunk = size_t(2) << 20;
    const MappedFile* m_file;
    const std::byte* m_data;
    size_t m_size;
    size_t m_position = 0;
    size_t m_released = 0;
    size_t m_lastChunk = 0;
};

// Protobuf refuses messages nested deeper than 100 by default, and each If/Loop/Scan level takes
// three (node, attribute, graph), so 33 nested Ifs were enough to fail. 1000 allows about 330
// levels while keeping parsing, and every recursive walk after it, well inside the stack.
constexpr int kMaxMessageNesting = 1000;

bool parseModel(google::protobuf::io::ZeroCopyInputStream& stream, onnx::ModelProto& model) {
    google::protobuf::io::CodedInputStream coded(&stream);
    coded.SetRecursionLimit(kMaxMessageNesting);
    return model.ParseFromCodedStream(&coded);
}

// Why protobuf refused the bytes, as precisely as can be told.
std::string parseError(const void* data, size_t size) {
    if (auto framing = findWireFormatError(data, size))
        return *framing;
    auto nesting = measureNesting(data, size, onnx::ModelProto::descriptor());
    if (nesting && nesting->messages > kMaxMessageNesting)
        return "it nests too deep: " + std::to_string(nesting->graphs) + " graphs inside one another (" +
               std::to_string(nesting->messages) + " levels of protobuf messages), over the limit of " +
               std::to_string(kMaxMessageNesting) + " levels";
    return "protobuf could not parse it (wrong field types or invalid UTF-8 in a string field)";
}

// Checks what a hostile file could use to make later code allocate or read out of bounds:
// declared dims (negative, or a product that overflows) and external data (location, offset and
// length against the dims and the file's size).
Status checkTensors(const onnx::ModelProto& proto, const ExternalDataStore& store) {
    Status first;
    forEachTensorProto(proto, [&](const onnx::TensorProto& t) {
        if (!first.ok())
            return;
        std::vector<int64_t> dims(t.dims().begin(), t.dims().end());
        auto type = dataTypeFromInt(t.data_type());
        size_t elementBytes = type ? std::max<size_t>(1, elementByteSize(*type)) : 1;
        if (!checkedElementCount(dims, elementBytes)) {
            first = Status::error("tensor '" + t.name() + "': declared dims " + shapeToString(dims) +
                                  " are negative or their product overflows");
            return;
        }
        if (t.data_location() != onnx::TensorProto::EXTERNAL)
            return;
        if (auto bytes = externalTensorBytes(t, &store); !bytes.ok())
            first = bytes.status();
    });
    return first;
}

std::set<std::string> externalLocations(const onnx::ModelProto& proto) {
    std::set<std::string> locations;
    forEachTensorProto(proto, [&](const onnx::TensorProto& t) {
        if (t.data_location() != onnx::TensorProto::EXTERNAL)
            return;
        for (const auto& entry : t.external_data())
            if (entry.key() == "location")
                locations.insert(entry.value());
    });
    return locations;
}

} // namespace

Model::Model() = default;
Model::~Model() = default;

onnx::ModelProto& Model::mutableProto() {
    m_edited = true;
    std::lock_guard lock(m_inferredMutex);
    m_inferred.reset();
    return *m_proto;
}

std::shared_ptr<const onnx::ModelProto> Model::inferredShapes() const {
    std::lock_guard lock(m_inferredMutex);
    if (!m_inferred) {
        InferredModel inferred = inferShapes(*m_proto);
        m_inferred = std::shared_ptr<const onnx::ModelProto>(std::move(inferred.model));
        m_inferenceWarnings = std::move(inferred.warnings);
    }
    return m_inferred;
}

std::string Model::inferenceWarnings() const {
    inferredShapes();
    std::lock_guard lock(m_inferredMutex);
    return m_inferenceWarnings;
}

Result<std::shared_ptr<Model>> Model::load(const std::filesystem::path& path) {
    auto mapped = MappedFile::open(path);
    if (!mapped.ok())
        return mapped.status();
    const MappedFile& file = **mapped;
    if (file.size() > size_t(INT32_MAX))
        return Status::error(path.string() + ": " + std::to_string(file.size()) +
                             " bytes is over protobuf's 2 GiB limit; store the weights as external data");
    std::shared_ptr<Model> model(new Model());
    model->m_proto = std::make_unique<onnx::ModelProto>();
    model->m_path = path;
    model->m_fileSize = file.size();
    model->m_externalData = std::make_shared<ExternalDataStore>(path.parent_path());
    {
        file.adviseSequential();
        ReleasingInputStream stream(&file, file.data(), file.size());
        if (!parseModel(stream, *model->m_proto))
            return Status::error(path.string() +
                                 ": not a valid ONNX model: " + parseError(file.data(), file.size()));
    }
    if (file.size() == 0 || (!model->m_proto->has_graph() && model->m_proto->opset_import_size() == 0))
        return Status::error(path.string() + ": not an ONNX model (no graph and no opset_import)");
    if (Status s = checkTensors(*model->m_proto, *model->m_externalData); !s.ok())
        return Status::error(path.string() + ": " + s.message());
    return model;
}

Result<std::shared_ptr<Model>> Model::fromBytes(const void* data, size_t size,
                                                const std::filesystem::path& baseDir,
                                                const std::string& displayName) {
    if (size > size_t(INT32_MAX))
        return Status::error(displayName + ": over protobuf's 2 GiB limit");
    std::shared_ptr<Model> model(new Model());
    model->m_proto = std::make_unique<onnx::ModelProto>();
    model->m_externalData = std::make_shared<ExternalDataStore>(baseDir);
    google::protobuf::io::ArrayInputStream stream(data, static_cast<int>(size));
    if (!parseModel(stream, *model->m_proto))
        return Status::error(displayName + ": not a valid ONNX model: " + parseError(data, size));
    if (Status s = checkTensors(*model->m_proto, *model->m_externalData); !s.ok())
        return Status::error(displayName + ": " + s.message());
    model->m_edited = true; // no original file to copy bytes from
    return model;
}

std::shared_ptr<Model> Model::fromProto(std::unique_ptr<onnx::ModelProto> proto,
                                        const std::filesystem::path& baseDir) {
    std::shared_ptr<Model> model(new Model());
    model->m_proto = std::move(proto);
    model->m_externalData = std::make_shared<ExternalDataStore>(baseDir);
    model->m_edited = true;
    return model;
}

Status Model::save(const std::filesystem::path& target, const SaveOptions& options) {
    if (m_edited && !options.force) {
        std::vector<ValidationIssue> issues = checkModel(*this);
        for (const ValidationIssue& issue : issues)
            if (issue.severity == ValidationIssue::Severity::Error)
                return Status::error("not saved: the model is invalid: " + issue.toString() +
                                     " (save with force to write it anyway)");
    }
    std::error_code ec;
    std::filesystem::path sourceDir = m_externalData->modelDir().empty() ? "." : m_externalData->modelDir();
    std::filesystem::path targetDir = target.parent_path().empty() ? "." : target.parent_path();
    bool sameDir = std::filesystem::equivalent(sourceDir, targetDir, ec);

    // Carry external data files to the new folder first: a model must never point at files that
    // are not there. Existing identical paths are left alone.
    if (!sameDir) {
        for (const std::string& location : externalLocations(*m_proto)) {
            auto source = m_externalData->resolve(location, location);
            if (!source.ok())
                return Status::error("not saved: " + source.message());
            std::filesystem::path dest = targetDir / location;
            std::filesystem::create_directories(dest.parent_path(), ec);
            auto mapped = MappedFile::open(*source);
            if (!mapped.ok())
                return Status::error("not saved: " + mapped.message());
            if (Status s = writeFileAtomically(dest, (*mapped)->data(), (*mapped)->size()); !s.ok())
                return Status::error("not saved: copying external data " + location + ": " + s.message());
        }
    }

    if (!m_edited && !m_path.empty()) {
        if (std::filesystem::equivalent(m_path, target, ec))
            return {}; // nothing changed, the file on disk is already this model
        auto original = MappedFile::open(m_path);
        if (original.ok() && (*original)->size() == m_fileSize) {
            OS_RETURN_IF_ERROR(writeFileAtomically(target, (*original)->data(), (*original)->size()));
            m_path = target;
            if (!sameDir)
                m_externalData = std::make_shared<ExternalDataStore>(targetDir);
            return {};
        }
    }
    Status status = writeFileAtomically(target, [&](std::ostream& out) -> Status {
        // A failed stream (disk full, file size limit) is reported by writeFileAtomically with
        // the system's reason; only a healthy stream means protobuf itself refused.
        if (!m_proto->SerializeToOstream(&out) && out)
            return Status::error("serializing the model failed (over 2 GiB? use external data)");
        return {};
    });
    if (!status.ok())
        return status;
    m_path = target;
    m_edited = false;
    m_fileSize = std::filesystem::file_size(target, ec);
    if (!sameDir)
        m_externalData = std::make_shared<ExternalDataStore>(targetDir);
    return {};
}

} // namespace onnxscope
