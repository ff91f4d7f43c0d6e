using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace LibvirtSharp.Tests.Support;

/// <summary>
/// A private, non-root libvirtd in session mode, as a launcher pod runs it (DESIGN §8): its own XDG_RUNTIME_DIR,
/// XDG_CONFIG_HOME and XDG_CACHE_HOME in a temp directory, started without --daemon so we keep the process.
/// Run as root, it runs the daemon as the system user <see cref="User"/> (created if missing) through setpriv;
/// otherwise as the current user. Dispose kills the daemon and every QEMU it started.
/// </summary>
public sealed class SessionDaemon : IAsyncDisposable
{
    public const string User = "vmaddon-test";

    private static readonly SemaphoreSlim s_userGate = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _log;

    private SessionDaemon(string rootDirectory, Process process, StringBuilder log)
    {
        RootDirectory = rootDirectory;
        _process = process;
        _log = log;
    }

    /// <summary>The temp directory that holds the daemon's XDG directories; every QEMU it starts names it on its command line.</summary>
    public string RootDirectory { get; }

    public string SocketPath => Path.Combine(RootDirectory, "run", "libvirt", "libvirt-sock");

    public string Uri => $"qemu+unix:///session?socket={SocketPath}";

    public int ProcessId => _process.Id;

    /// <summary>What the daemon printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a daemon and waits, with a deadline, until its socket accepts connections.</summary>
    public static async Task<SessionDaemon> StartAsync(CancellationToken cancellationToken)
    {
        HypervisorRequirements.EnsureInstalled();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await EnsureUserAsync(cancellationToken);
        }

        // Short, because QEMU's monitor socket path lies below it and Unix socket paths stop at 107 bytes.
        var root = Path.Combine(Path.GetTempPath(), $"vmaddon-lv-{Guid.NewGuid():N}"[..20]);
        foreach (var directory in new[] { "run", "config", "cache", "home" })
        {
            Directory.CreateDirectory(Path.Combine(root, directory));
        }

        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (asRoot)
        {
            await RunAsync("chown", ["-R", $"{User}:{User}", root], cancellationToken);
        }

        var start = new ProcessStartInfo
        {
            FileName = asRoot ? "/usr/bin/setpriv" : HypervisorRequirements.Libvirtd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        if (asRoot)
        {
            foreach (var argument in new[] { $"--reuid={User}", $"--regid={User}", "--init-groups", "--", HypervisorRequirements.Libvirtd })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add("--timeout");
        start.ArgumentList.Add("0");
        start.Environment["HOME"] = Path.Combine(root, "home");
        start.Environment["XDG_RUNTIME_DIR"] = Path.Combine(root, "run");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(root, "config");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(root, "cache");
        start.Environment.Remove("DBUS_SESSION_BUS_ADDRESS");

        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new SessionDaemon(root, process, log);
        try
        {
            await daemon.WaitForSocketAsync(cancellationToken);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>The QEMU processes this daemon started, optionally only the one running <paramref name="domainName"/>.</summary>
    public IReadOnlyList<int> FindQemuProcesses(string? domainName = null) =>
        domainName is null
            ? ProcessTable.FindByCommandLine("qemu-system", RootDirectory)
            : ProcessTable.FindByCommandLine("qemu-system", RootDirectory, $"guest={domainName},");

    /// <summary>SIGKILLs the daemon itself (its QEMUs keep running until <see cref="DisposeAsync"/>).</summary>
    public async Task KillDaemonAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await KillDaemonAsync(deadline.Token);
            await ProcessTable.KillAsync(ProcessTable.FindByCommandLine(RootDirectory), deadline.Token);
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A straggler's file; the temp directory is cleaned by the OS later.
            }
        }
    }

    private async Task WaitForSocketAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"libvirtd exited with {_process.ExitCode} before serving {SocketPath}:\n{Log}");
            }

            if (File.Exists(SocketPath))
            {
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), deadline.Token);
                    return;
                }
                catch (SocketException)
                {
                    // Bound but not listening yet.
                }
            }

            try
            {
                // Polling interval while waiting for a condition; the deadline bounds the wait.
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"libvirtd did not serve {SocketPath} within 30 s:\n{Log}");
            }
        }
    }

    private static async Task EnsureUserAsync(CancellationToken cancellationToken)
    {
        await s_userGate.WaitAsync(cancellationToken);
        try
        {
            if ((await RunAsync("id", ["-u", User], cancellationToken, throwOnError: false)) != 0)
            {
                await RunAsync(
                    "useradd",
                    ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", User],
                    cancellationToken);
            }
        }
        finally
        {
            s_userGate.Release();
        }
    }

    private static async Task<int> RunAsync(string file, string[] arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }

        return process.ExitCode;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
