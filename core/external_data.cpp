#include "external_data.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace onnxscope {

Result<std::shared_ptr<const MappedFile>> MappedFile::open(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Status::error("cannot open " + path.string() + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Status::error(path.string() + " is not a regular file");
    }
    std::shared_ptr<MappedFile> file(new MappedFile());
    file->m_path = path;
    file->m_size = static_cast<size_t>(st.st_size);
    if (file->m_size > 0) {
        void* p = ::mmap(nullptr, file->m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            int err = errno;
            ::close(fd);
            return Status::error("cannot map " + path.string() + ": " + std::strerror(err));
        }
        file->m_data = static_cast<const std::byte*>(p);
    }
    ::close(fd);
    return std::shared_ptr<const MappedFile>(std::move(file));
}

MappedFile::~MappedFile() {
    if (m_data)
        ::munmap(const_cast<std::byte*>(m_data), m_size);
}

void MappedFile::release(size_t offset, size_t length) const {
    if (!m_data || offset >= m_size)
        return;
    static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    size_t begin = (offset + page - 1) / page * page; // only whole pages inside the range
    size_t end = std::min(offset + length, m_size) / page * page;
    if (end > begin)
        ::madvise(const_cast<std::byte*>(m_data) + begin, end - begin, MADV_DONTNEED);
}

void MappedFile::adviseSequential() const {
    if (m_data)
        ::madvise(const_cast<std::byte*>(m_data), m_size, MADV_SEQUENTIAL);
}

ExternalDataStore::ExternalDataStore(std::filesystem::path modelDir)
    : m_modelDir(std::move(modelDir)) {}

Result<std::filesystem::path> ExternalDataStore::resolve(std::string_view location,
                                                         std::string_view tensorName) const {
    const std::string where =
        "tensor '" + std::string(tensorName) + "': external data location '" + std::string(location) + "'";
    if (location.empty())
        return Status::error(where + " is empty");
    if (location.find('\0') != std::string_view::npos)
        return Status::error(where + " contains a NUL byte");
    std::filesystem::path rel(location);
    if (rel.is_absolute() || rel.has_root_name() || rel.has_root_directory())
        return Status::error(where + " is an absolute path; it must be relative to the model's folder");
    for (const auto& part : rel)
        if (part == "..")
            return Status::error(where + " leaves the model's folder ('..')");
    std::error_code ec;
    std::filesystem::path base = std::filesystem::weakly_canonical(m_modelDir.empty() ? "." : m_modelDir, ec);
    std::filesystem::path full = base / rel;
    if (!std::filesystem::exists(full, ec))
        return Status::error(where + ": file " + full.string() + " does not exist");
    // Symlinks are followed only if they stay inside the model's folder.
    std::filesystem::path real = std::filesystem::canonical(full, ec);
    if (ec)
        return Status::error(where + ": cannot resolve " + full.string() + ": " + ec.message());
    auto [baseEnd, realIt] = std::mismatch(base.begin(), base.end(), real.begin(), real.end());
    if (baseEnd != base.end())
        return Status::error(where + " resolves to " + real.string() + ", outside the model's folder " +
                             base.string());
    return real;
}

Result<ExternalBytes> ExternalDataStore::read(std::string_view location, uint64_t offset,
                                              std::optional<uint64_t> length,
                                              std::string_view tensorName) const {
    OS_ASSIGN_OR_RETURN(std::filesystem::path file, resolve(location, tensorName));
    std::shared_ptr<const MappedFile> mapped;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_files.find(file.string());
        if (it != m_files.end()) {
            mapped = it->second;
        } else {
            auto opened = MappedFile::open(file);
            if (!opened.ok())
                return Status::error("tensor '" + std::string(tensorName) + "': " + opened.message());
            mapped = *opened;
            m_files.emplace(file.string(), mapped);
        }
    }
    uint64_t size = mapped->size();
    if (offset > size)
        return Status::error("tensor '" + std::string(tensorName) + "': external data offset " +
                             std::to_string(offset) + " is past the end of " + file.string() + " (" +
                             std::to_string(size) + " bytes)");
    uint64_t len = length.value_or(size - offset);
    if (len > size - offset)
        return Status::error("tensor '" + std::string(tensorName) + "': external data range [" +
                             std::to_string(offset) + ", " + std::to_string(offset + len) +
                             ") is past the end of " + file.string() + " (" + std::to_string(size) +
                             " bytes)");
    ExternalBytes bytes;
    bytes.data = mapped->data() + offset;
    bytes.size = static_cast<size_t>(len);
    bytes.keepAlive = mapped;
    return bytes;
}

} // namespace onnxscope
