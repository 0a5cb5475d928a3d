#include "cli/launcher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

extern char **environ;

namespace lmwb::app {

namespace {

std::atomic_bool s_launcherInterrupted{false};
extern "C" void onLauncherSigint(int) { s_launcherInterrupted.store(true); }

struct Stream {
    int fd = -1;
    int rank = 0;
    FILE *to = stdout;
    std::string pending;
};

struct Rank {
    pid_t pid = -1;
    bool running = false;
    int code = 0; // exit code, or 128 + signal
};

// The environment of this process minus what a launcher sets, plus the rank's variables.
std::vector<std::string> rankEnvironment(int rank, int nproc, int port)
{
    static const char *kOurs[] = {"RANK=", "WORLD_SIZE=", "LOCAL_RANK=", "LOCAL_WORLD_SIZE=", "MASTER_ADDR=",
                                  "MASTER_PORT=", "TORCHELASTIC_", "GROUP_RANK=", "ROLE_RANK="};
    std::vector<std::string> env;
    for (char **e = environ; *e; ++e) {
        bool ours = false;
        for (const char *p : kOurs)
            ours = ours || std::strncmp(*e, p, std::strlen(p)) == 0;
        if (!ours)
            env.emplace_back(*e);
    }
    env.push_back("RANK=" + std::to_string(rank));
    env.push_back("WORLD_SIZE=" + std::to_string(nproc));
    env.push_back("LOCAL_RANK=" + std::to_string(rank));
    env.push_back("LOCAL_WORLD_SIZE=" + std::to_string(nproc));
    env.push_back("MASTER_ADDR=127.0.0.1");
    env.push_back("MASTER_PORT=" + std::to_string(port));
    return env;
}

std::vector<char *> cStrings(std::vector<std::string> &v)
{
    std::vector<char *> out;
    for (auto &s : v)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

void emitLines(Stream &s, bool flushAll)
{
    std::size_t start = 0, nl;
    while ((nl = s.pending.find('\n', start)) != std::string::npos) {
        std::fprintf(s.to, "[rank %d] %.*s\n", s.rank, static_cast<int>(nl - start), s.pending.data() + start);
        start = nl + 1;
    }
    s.pending.erase(0, start);
    if (flushAll && !s.pending.empty()) {
        std::fprintf(s.to, "[rank %d] %s\n", s.rank, s.pending.c_str());
        s.pending.clear();
    }
    std::fflush(s.to);
}

std::string describeExit(int status)
{
    if (WIFEXITED(status))
        return "exited with code " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    return "stopped";
}

} // namespace

int freeLocalPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

int launchLocalRanks(int nproc, const std::vector<std::string> &args, std::chrono::milliseconds timeout)
{
    const int port = freeLocalPort();
    if (port == 0) {
        std::fprintf(stderr, "lmwb train: no free TCP port on 127.0.0.1 for the ranks' store\n");
        return 2;
    }
    char exe[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        std::fprintf(stderr, "lmwb train: cannot find this program's path to start the ranks\n");
        return 2;
    }
    exe[n] = '\0';

    std::vector<Rank> ranks(static_cast<std::size_t>(nproc));
    std::vector<Stream> streams;
    for (int r = 0; r < nproc; ++r) {
        int out[2], err[2];
        if (::pipe(out) != 0 || ::pipe(err) != 0) {
            std::fprintf(stderr, "lmwb train: cannot create pipes for rank %d: %s\n", r, std::strerror(errno));
            return 2;
        }
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
        for (const Stream &s : streams)
            posix_spawn_file_actions_addclose(&fa, s.fd);
        posix_spawn_file_actions_addclose(&fa, out[0]);
        posix_spawn_file_actions_addclose(&fa, err[0]);
        posix_spawn_file_actions_addclose(&fa, out[1]);
        posix_spawn_file_actions_addclose(&fa, err[1]);
        std::vector<std::string> argv{exe};
        argv.insert(argv.end(), args.begin(), args.end());
        auto env = rankEnvironment(r, nproc, port);
        auto cArgv = cStrings(argv), cEnv = cStrings(env);
        pid_t pid = -1;
        const int rc = ::posix_spawn(&pid, exe, &fa, nullptr, cArgv.data(), cEnv.data());
        posix_spawn_file_actions_destroy(&fa);
        ::close(out[1]);
        ::close(err[1]);
        if (rc != 0) {
            std::fprintf(stderr, "lmwb train: cannot start rank %d: %s\n", r, std::strerror(rc));
            for (const Rank &k : ranks)
                if (k.running)
                    ::kill(k.pid, SIGTERM);
            return 2;
        }
        ranks[static_cast<std::size_t>(r)] = {pid, true, 0};
        streams.push_back({out[0], r, stdout, {}});
        streams.push_back({err[0], r, stderr, {}});
    }
    std::fprintf(stderr, "lmwb train: started %d ranks on this machine (store at 127.0.0.1:%d)\n", nproc, port);

    auto previous = std::signal(SIGINT, onLauncherSigint);
    bool forwarded = false;
    int firstFailure = -1;
    using Clock = std::chrono::steady_clock;
    Clock::time_point termAt = Clock::time_point::max(), killAt = Clock::time_point::max();
    auto alive = [&] {
        int k = 0;
        for (const Rank &r : ranks)
            k += r.running;
        return k;
    };
    while (alive() > 0 || !streams.empty()) {
        std::vector<pollfd> fds;
        for (const Stream &s : streams)
            fds.push_back({s.fd, POLLIN, 0});
        ::poll(fds.data(), fds.size(), 100);
        for (std::size_t i = fds.size(); i-- > 0;) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            const ssize_t got = ::read(streams[i].fd, buf, sizeof buf);
            if (got > 0) {
                streams[i].pending.append(buf, static_cast<std::size_t>(got));
                emitLines(streams[i], false);
            } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                emitLines(streams[i], true);
                ::close(streams[i].fd);
                streams.erase(streams.begin() + static_cast<std::ptrdiff_t>(i));
            }
        }
        if (s_launcherInterrupted.load() && !forwarded) {
            forwarded = true; // each rank checkpoints and they stop together
            for (const Rank &r : ranks)
                if (r.running)
                    ::kill(r.pid, SIGINT);
        }
        for (std::size_t i = 0; i < ranks.size(); ++i) {
            Rank &r = ranks[i];
            int status = 0;
            if (!r.running || ::waitpid(r.pid, &status, WNOHANG) != r.pid)
                continue;
            r.running = false;
            r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
            if (r.code != 0 && r.code != 130 && firstFailure < 0) {
                firstFailure = static_cast<int>(i);
                if (alive() > 0) {
                    std::fprintf(stderr,
                                 "lmwb train: rank %zu %s; the other ranks stop when they next need it "
                                 "(within %.0f s)\n",
                                 i, describeExit(status).c_str(), timeout.count() / 1000.0);
                    termAt = Clock::now() + timeout + std::chrono::seconds(5);
                }
            }
        }
        const auto now = Clock::now();
        if (now >= termAt) {
            termAt = Clock::time_point::max();
            killAt = now + std::chrono::seconds(3);
            for (std::size_t i = 0; i < ranks.size(); ++i)
                if (ranks[i].running) {
                    std::fprintf(stderr, "lmwb train: rank %zu is still running; terminating it\n", i);
                    ::kill(ranks[i].pid, SIGTERM);
                }
        }
        if (now >= killAt) {
            killAt = Clock::time_point::max();
            for (const Rank &r : ranks)
                if (r.running)
                    ::kill(r.pid, SIGKILL);
        }
    }
    std::signal(SIGINT, previous);
    if (firstFailure >= 0)
        return ranks[static_cast<std::size_t>(firstFailure)].code;
    for (const Rank &r : ranks)
        if (r.code != 0)
            return r.code;
    return 0;
}

} // namespace lmwb::app
