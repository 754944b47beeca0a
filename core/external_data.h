// Tensor payloads stored outside the .onnx file (TensorProto.data_location = EXTERNAL).
//
// Files are memory-mapped on first use and stay mapped while any tensor viewing them lives, so
// a multi-GB weight file costs address space, not RAM, and there is no 2 GB protobuf limit.
// Every location is confined to the model's folder: absolute paths, "..", and symlinks that
// resolve outside are refused. Ranges are checked against the file size before any access.
#pragma once

#include "status.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace onnxscope {

struct ExternalBytes {
    const std::byte* data = nullptr;
    size_t size = 0;
    std::shared_ptr<const void> keepAlive; // keeps the mapping alive
};

// A read-only memory mapping of a whole file. Exposed for the model loader, which maps the
// .onnx file the same way.
class MappedFile {
public:
    static Result<std::shared_ptr<const MappedFile>> open(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::byte* data() const { return m_data; }
    size_t size() const { return m_size; }
    const std::filesystem::path& path() const { return m_path; }
    // Tells the kernel the range is no longer needed (drops it from resident memory).
    void release(size_t offset, size_t length) const;
    // Hints that the file will be read once, front to back (larger read-ahead).
    void adviseSequential() const;

private:
    MappedFile() = default;
    std::filesystem::path m_path;
    const std::byte* m_data = nullptr;
    size_t m_size = 0;
};

class ExternalDataStore {
public:
    explicit ExternalDataStore(std::filesystem::path modelDir);

    // length empty: to the end of the file. tensorName is used in error messages only.
    Result<ExternalBytes> read(std::string_view location, uint64_t offset, std::optional<uint64_t> length,
                               std::string_view tensorName) const;
    // The file a location resolves to, after the confinement checks.
    Result<std::filesystem::path> resolve(std::string_view location, std::string_view tensorName) const;
    const std::filesystem::path& modelDir() const { return m_modelDir; }

private:
    std::filesystem::path m_modelDir;
    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::shared_ptr<const MappedFile>> m_files;
};

} // namespace onnxscope
