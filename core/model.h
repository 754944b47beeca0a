// A loaded ONNX model: the protobuf message, where it came from, and its external data.
//
// Loading maps the file and parses it through libonnx's generated classes while releasing
// already-parsed pages, so peak memory stays near the file size. An unedited model saves
// byte-for-byte as it was read (the original bytes are copied); an edited one is serialized,
// and protobuf keeps fields it does not know (newer ONNX) in the unknown-field set.
#pragma once

#include "external_data.h"
#include "status.h"

#include <filesystem>
#include <memory>
#include <mutex>

namespace onnx {
class ModelProto;
}

namespace onnxscope {

struct SaveOptions {
    bool force = false; // save even when the checker reports problems
};

class Model {
public:
    static Result<std::shared_ptr<Model>> load(const std::filesystem::path& path);
    static Result<std::shared_ptr<Model>> fromBytes(const void* data, size_t size,
                                                    const std::filesystem::path& baseDir,
                                                    const std::string& displayName = "<memory>");
    // Takes ownership of a model built in memory (tests, the example model builder).
    static std::shared_ptr<Model> fromProto(std::unique_ptr<onnx::ModelProto> proto,
                                            const std::filesystem::path& baseDir);
    ~Model();

    const onnx::ModelProto& proto() const { return *m_proto; }
    // Mutable access marks the model edited; prefer the edit API in model_edit.h.
    onnx::ModelProto& mutableProto();

    const std::filesystem::path& path() const { return m_path; }
    const ExternalDataStore& externalData() const { return *m_externalData; }
    std::shared_ptr<const ExternalDataStore> externalDataStore() const { return m_externalData; }
    uint64_t fileSize() const { return m_fileSize; }
    bool isEdited() const { return m_edited; }

    // Shape inference over a light copy (shape_inference.h), computed on first use and kept
    // until the next mutableProto(). Thread-safe, so a loader thread can compute it ahead of the
    // UI. Exporters such as PyTorch write no value_info, so this is where most shapes come from.
    std::shared_ptr<const onnx::ModelProto> inferredShapes() const;
    // What inference reported alongside inferredShapes(): nodes left out because their
    // attributes break the spec, and libonnx's own complaints. Empty when all went well.
    std::string inferenceWarnings() const;

    // Atomic save (temporary file in the target folder, fsync, rename). Saving to another
    // folder copies external data files the model references along with it.
    Status save(const std::filesystem::path& path, const SaveOptions& options = {});

private:
    Model();
    std::unique_ptr<onnx::ModelProto> m_proto;
    std::filesystem::path m_path;
    std::shared_ptr<ExternalDataStore> m_externalData;
    uint64_t m_fileSize = 0;
    bool m_edited = false;
    mutable std::mutex m_inferredMutex;
    mutable std::shared_ptr<const onnx::ModelProto> m_inferred;
    mutable std::string m_inferenceWarnings;
};

} // namespace onnxscope
