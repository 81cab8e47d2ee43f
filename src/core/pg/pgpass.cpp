// SPDX-License-Identifier: PostgreSQL
#include "pg/pgpass.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mimeo::pg {
namespace {

std::string escaped(const std::string &field)
{
    std::string out;
    for (char c : field) {
        if (c == ':' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

std::vector<std::string> splitCommas(const std::string &text)
{
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        const size_t comma = text.find(',', start);
        out.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            return out;
        start = comma + 1;
    }
}

std::string systemError(const std::string &what, const std::string &path)
{
    return what + " " + path + ": " + std::strerror(errno);
}

} // namespace

std::string defaultPassfile()
{
    if (const char *env = std::getenv("PGPASSFILE"); env && *env)
        return env;
    const char *home = std::getenv("HOME");
    return std::string(home ? home : "") + "/.pgpass";
}

std::vector<std::string> passfileLines(const ConnOptions &options, const std::string &user, const std::string &password)
{
    if (password.find_first_of("\r\n") != std::string::npos)
        throw std::invalid_argument("the password contains a line break, which a password file cannot hold");
    const auto host = findOption(options, "host");
    const auto hostaddr = findOption(options, "hostaddr");
    const bool service = findOption(options, "service").has_value();
    std::vector<std::string> hosts = splitCommas(host.value_or(hostaddr.value_or("")));
    const std::vector<std::string> addrs = splitCommas(hostaddr.value_or(""));
    const std::vector<std::string> ports = splitCommas(findOption(options, "port").value_or(""));
    const std::string db = findOption(options, "dbname").value_or("");
    std::vector<std::string> lines;
    for (size_t i = 0; i < hosts.size(); ++i) {
        std::string h = hosts[i];
        if (h.empty() && i < addrs.size())
            h = addrs[i];
        if (h.empty() && service && !host && !hostaddr)
            h = "*"; // the service file names the host
        else if (h.empty() || h.front() == '/' || h.front() == '@')
            h = "localhost"; // libpq's key for a Unix-domain socket
        // One port for all hosts, or one per host.
        const std::string &p = ports.size() == hosts.size() ? ports[i] : ports.front();
        lines.push_back((h == "*" ? h : escaped(h)) + ":" + (p.empty() ? "*" : escaped(p)) + ":"
                        + (db.empty() ? "*" : escaped(db)) + ":" + escaped(user) + ":" + escaped(password));
    }
    return lines;
}

uint64_t appendToPassfile(const std::string &path, const std::vector<std::string> &lines)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw std::runtime_error(systemError("cannot open", path));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const std::string why = systemError("cannot read the mode of", path);
        ::close(fd);
        throw std::runtime_error(why);
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw std::runtime_error(path + " is not a regular file");
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        ::close(fd);
        throw std::runtime_error(path + " may be read by group or others, so libpq ignores it; first run: chmod 0600 " + path);
    }
    std::string text;
    if (st.st_size > 0) {
        // Start on a line of our own when the file does not end with one.
        char last = '\n';
        if (::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
            text.push_back('\n');
    }
    for (const auto &l : lines)
        text += l + "\n";
    const char *p = text.data();
    size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const std::string why = systemError("cannot write", path);
            if (::ftruncate(fd, st.st_size) != 0) {
            }
            ::close(fd);
            throw std::runtime_error(why);
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    if (::close(fd) != 0)
        throw std::runtime_error(systemError("cannot write", path));
    return static_cast<uint64_t>(st.st_size);
}

void undoAppend(const std::string &path, uint64_t sizeBefore)
{
    if (::truncate(path.c_str(), static_cast<off_t>(sizeBefore)) != 0) {
        // Nothing more to do: the caller reports the error that led here.
    }
}

} // namespace mimeo::pg
