#include "atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <unistd.h>

namespace onnxscope {

namespace {

std::filesystem::path temporaryPathFor(const std::filesystem::path& target) {
    std::random_device rd;
    std::string suffix = ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
    return target.parent_path() / ("." + target.filename().string() + suffix);
}

Status syncFile(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Status::error("cannot reopen " + path.string() + " to flush it: " + std::strerror(errno));
    int rc = ::fsync(fd);
    int err = errno;
    ::close(fd);
    if (rc != 0)
        return Status::error("cannot flush " + path.string() + " to disk: " + std::strerror(err));
    return {};
}

} // namespace

Status writeFileAtomically(const std::filesystem::path& target,
                           const std::function<Status(std::ostream&)>& writer) {
    std::filesystem::path dir =
        target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return Status::error("cannot save " + target.string() + ": folder " + dir.string() +
                             " does not exist");
    std::filesystem::path temp = temporaryPathFor(target.parent_path().empty() ? dir / target : target);
    auto cleanup = [&] { std::filesystem::remove(temp, ec); };
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            return Status::error("cannot create a temporary file in " + dir.string() + ": " +
                                 std::strerror(errno));
        Status status = writer(out);
        if (status.ok()) {
            out.flush();
            if (!out)
                status = Status::error("writing " + target.string() +
                                       " failed (disk full?): " + std::strerror(errno));
        }
        out.close();
        if (status.ok() && out.fail())
            status = Status::error("closing " + target.string() + " failed: " + std::strerror(errno));
        if (!status.ok()) {
            cleanup();
            return status;
        }
    }
    if (Status s = syncFile(temp); !s.ok()) {
        cleanup();
        return s;
    }
    // Keep the permissions of the file being replaced.
    if (std::filesystem::exists(target, ec)) {
        auto perms = std::filesystem::status(target, ec).permissions();
        if (!ec)
            std::filesystem::permissions(temp, perms, ec);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        int err = errno;
        cleanup();
        return Status::error("cannot replace " + target.string() + ": " + std::strerror(err));
    }
    int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

Status writeFileAtomically(const std::filesystem::path& target, const void* data, size_t size) {
    return writeFileAtomically(target, [&](std::ostream& out) -> Status {
        const char* p = static_cast<const char*>(data);
        constexpr size_t kChunk = size_t(64) << 20;
        for (size_t done = 0; done < size; done += kChunk) {
            out.write(p + done, static_cast<std::streamsize>(std::min(kChunk, size - done)));
            if (!out)
                return Status::error("writing " + target.string() + " failed at byte " +
                                     std::to_string(done) + " (disk full?)");
        }
        return {};
    });
}

} // namespace onnxscope
