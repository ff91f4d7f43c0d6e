using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmAddon.Launcher.Hosting;
using VmAddon.Launcher.Logging;
using VmAddon.Launcher.Native;
using VmAddon.Launcher.Tools;

namespace VmAddon.Launcher.Daemon;

/// <summary>
/// The pod's own libvirt daemon: <c>libvirtd --timeout 0</c> in session mode as the pod's user, with its XDG
/// directories in the pod's emptyDirs, so the agent reaches it through the socket and QEMU runs in the pod's cgroup.
/// </summary>
internal sealed class LibvirtDaemon(IOptions<LauncherOptions> options, TimeProvider time, ILogger<LibvirtDaemon> logger) : IDisposable
{
    /// <summary>How many of libvirtd's last output lines are kept to explain its death.</summary>
    private const int RememberedLines = 10;

    private readonly LauncherOptions _options = options.Value;
    private readonly Queue<string> _lastLines = new();
    private Process? _process;
    private Task? _exited;

    /// <summary>Completes when libvirtd exits, for whatever reason.</summary>
    public Task Exited => _exited ?? throw new InvalidOperationException("libvirtd was not started.");

    public int ProcessId => _process?.Id ?? 0;

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        foreach (var dir in new[] { _options.RuntimeDir, _options.ConfigHome, _options.CacheHome })
        {
            Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        WriteQemuConfig();
        var environment = new Dictionary<string, string>
        {
            ["XDG_RUNTIME_DIR"] = _options.RuntimeDir,
            ["XDG_CONFIG_HOME"] = _options.ConfigHome,
            ["XDG_CACHE_HOME"] = _options.CacheHome,
        };
        _process = ToolRunner.Start(ExternalTool.Libvirtd, ["--timeout", "0"], redirectOutput: true, environment);
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _exited = _process.WaitForExitAsync(CancellationToken.None);
        logger.DaemonStarted(_process.Id, _options.SocketPath);
    }

    /// <summary>
    /// The session daemon's qemu.conf. With <c>stdio_handler = "file"</c> QEMU writes the serial log itself;
    /// libvirt's default, "logd", starts a virtlogd per daemon, which cost about 18 MiB per VM in make bench.
    /// </summary>
    private void WriteQemuConfig()
    {
        var dir = Path.Combine(_options.ConfigHome, "libvirt");
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(dir, "qemu.conf"), "# Written by vmaddon-launcher; see LibvirtDaemon.WriteQemuConfig.\nstdio_handler = \"file\"\n");
    }

    /// <summary>Waits until the socket accepts a connection, which is when the agent can use it.</summary>
    /// <exception cref="LauncherException">libvirtd exited first, or did not answer within <see cref="LauncherOptions.DaemonStartTimeout"/>.</exception>
    public async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + _options.DaemonStartTimeout;
        while (true)
        {
            if (Exited.IsCompleted)
            {
                throw new LauncherException($"libvirtd exited with code {_process!.ExitCode} before it answered: {LastOutput()}");
            }

            if (await AnswersAsync(_options.SocketPath, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new LauncherException($"libvirtd did not answer on {_options.SocketPath} within {_options.DaemonStartTimeout.TotalSeconds:0} s: {LastOutput()}");
            }

            await Task.WhenAny(Exited, Task.Delay(_options.PollInterval, time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>What libvirtd last printed, to explain why it stopped.</summary>
    public string LastOutput()
    {
        lock (_lastLines)
        {
            return _lastLines.Count == 0 ? "(it printed nothing)" : string.Join(" | ", _lastLines);
        }
    }

    public int ExitCode => _process is { HasExited: true } process ? process.ExitCode : 0;

    /// <summary>
    /// SIGTERM, then SIGKILL after <see cref="LauncherOptions.DaemonStopTimeout"/>; then the virtlogd it spawned
    /// for QEMU's logs, which would otherwise linger for two minutes.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is null || _process.HasExited)
        {
            await StopLogDaemonAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _ = LibC.Kill(_process.Id, LibC.SigTerm);
        try
        {
            await Exited.WaitAsync(_options.DaemonStopTimeout, time, cancellationToken).ConfigureAwait(false);
            logger.DaemonStopped(_process.Id, _process.ExitCode);
        }
        catch (TimeoutException)
        {
            logger.DaemonKilled(_process.Id, _options.DaemonStopTimeout);
            _process.Kill(entireProcessTree: true);
            await Exited.ConfigureAwait(false);
        }

        await StopLogDaemonAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StopLogDaemonAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(_options.RuntimeDir, "libvirt", "virtlogd.pid");
        if (!File.Exists(pidFile)
            || !int.TryParse((await File.ReadAllTextAsync(pidFile, cancellationToken).ConfigureAwait(false)).Trim(), out var pid)
            || !IsLogDaemon(pid))
        {
            return;
        }

        _ = LibC.Kill(pid, LibC.SigTerm);
        var deadline = time.GetUtcNow() + _options.DaemonStopTimeout;
        while (IsLogDaemon(pid) && time.GetUtcNow() < deadline)
        {
            await Task.Delay(_options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True while <paramref name="pid"/> is a live virtlogd, so a recycled pid is never signalled.</summary>
    private static bool IsLogDaemon(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "virtlogd"
                && !File.ReadAllText($"/proc/{pid}/stat").Split(") ", 2)[1].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
    }

    private static async Task<bool> AnswersAsync(string socketPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            return false;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            // Bound but not yet listening, or a stale socket of an earlier daemon: not answering yet.
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        logger.DaemonOutput(line);
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > RememberedLines)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
