#include "atomic_file.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <streambuf>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace onnxscope {

namespace {

namespace fs = std::filesystem;

// An ostream buffer writing straight to a file descriptor, keeping the first errno.
class FdBuffer final : public std::streambuf {
public:
    explicit FdBuffer(int fd)
        : m_fd(fd)
        , m_buffer(size_t(1) << 20) {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }
    int error() const { return m_error; }

protected:
    int_type overflow(int_type c) override {
        if (!flushBuffer())
            return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* data, std::streamsize n) override {
        if (n < static_cast<std::streamsize>(m_buffer.size()))
            return std::streambuf::xsputn(data, n);
        // Large blocks (weights) skip the buffer.
        return flushBuffer() && writeAll(data, static_cast<size_t>(n)) ? n : 0;
    }
    int sync() override { return flushBuffer() ? 0 : -1; }

private:
    bool flushBuffer() {
        const size_t n = static_cast<size_t>(pptr() - pbase());
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return writeAll(m_buffer.data(), n);
    }
    bool writeAll(const char* data, size_t n) {
        while (n > 0 && m_error == 0) {
            const ssize_t written = ::write(m_fd, data, n);
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0) {
                m_error = written < 0 ? errno : EIO;
                break;
            }
            data += written;
            n -= static_cast<size_t>(written);
        }
        return m_error == 0;
    }
    int m_fd;
    int m_error = 0;
    std::vector<char> m_buffer;
};

std::string temporaryPrefix(const fs::path& target) {
    return "." + target.filename().string() + ".tmp-";
}

// The file a save replaces: the target itself, or for a symlink (chain) the file it points to.
Result<fs::path> resolveLinks(const fs::path& target) {
    fs::path path = target;
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(path, ec)))
            return path;
        fs::path next = fs::read_symlink(path, ec);
        if (ec)
            return Status::error("cannot read the symlink " + path.string() + ": " + ec.message());
        path = next.is_absolute() ? next : path.parent_path() / next;
    }
    return Status::error("cannot save " + target.string() + ": too many levels of symlinks");
}

struct Temporary {
    fs::path path;
    int fd = -1;
};

// O_EXCL with a random name: a name already taken, by anyone, is never opened.
Result<Temporary> createTemporary(const fs::path& file) {
    std::random_device rd;
    std::mt19937_64 rng((static_cast<uint64_t>(rd()) << 32) ^ rd());
    static const char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = temporaryPrefix(file) + std::to_string(::getpid()) + "-";
        for (int i = 0; i < 6; ++i)
            name += kChars[rng() % (sizeof kChars - 1)];
        Temporary temp{dir / name, -1};
        temp.fd = ::open(temp.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (temp.fd >= 0)
            return temp;
        if (errno != EEXIST)
            return Status::error("cannot create a temporary file in " + dir.string() + ": " +
                                 std::strerror(errno));
    }
    return Status::error("cannot create a temporary file in " + dir.string() +
                         ": every name tried was taken");
}

void removeStaleTemporaries(const fs::path& file) {
    std::error_code ec;
    for (const fs::path& stale : staleTemporaries(file))
        fs::remove(stale, ec);
}

} // namespace

std::vector<fs::path> staleTemporaries(const fs::path& target) {
    std::vector<fs::path> stale;
    const std::string prefix = temporaryPrefix(target);
    std::error_code ec;
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        // ".NAME.tmp-PID-XXXXXX": only a process that no longer exists cannot be mid-save.
        const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + prefix.size()));
        if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH)
            stale.push_back(entry.path());
    }
    return stale;
}

Status writeFileAtomically(const fs::path& target, const std::function<Status(std::ostream&)>& writer) {
    OS_ASSIGN_OR_RETURN(const fs::path file, resolveLinks(target));
    const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return Status::error("cannot save " + target.string() + ": folder " + dir.string() +
                             " does not exist");
    // Before creating our own, so that saves killed one after another leave one temporary at most.
    removeStaleTemporaries(file);
    OS_ASSIGN_OR_RETURN(Temporary temp, createTemporary(file));
    auto fail = [&](Status status) {
        if (temp.fd >= 0)
            ::close(temp.fd);
        ::unlink(temp.path.c_str());
        return status;
    };
    // The replacement keeps the mode of the file it replaces; owner and group only where allowed.
    struct stat existing {};
    if (::stat(file.c_str(), &existing) == 0) {
        if (::fchmod(temp.fd, existing.st_mode & 07777) != 0)
            return fail(Status::error("cannot set the permissions of a temporary file in " + dir.string() +
                                      ": " + std::strerror(errno)));
        [[maybe_unused]] int ignored = ::fchown(temp.fd, existing.st_uid, existing.st_gid);
    }
    FdBuffer buffer(temp.fd);
    std::ostream out(&buffer);
    Status status = writer(out);
    if (status.ok() && !out.flush())
        status = Status::error("writing " + target.string() +
                               " failed (disk full?): " + std::strerror(buffer.error()));
    if (!status.ok())
        return fail(status);
    if (::fsync(temp.fd) != 0)
        return fail(
            Status::error("cannot flush " + temp.path.string() + " to disk: " + std::strerror(errno)));
    const int fd = std::exchange(temp.fd, -1);
    if (::close(fd) != 0)
        return fail(Status::error("closing " + target.string() + " failed: " + std::strerror(errno)));
    if (::rename(temp.path.c_str(), file.c_str()) != 0)
        return fail(Status::error("cannot replace " + file.string() + ": " + std::strerror(errno)));
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

Status writeFileAtomically(const fs::path& target, const void* data, size_t size) {
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
