using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using VmAddon.Launcher.Logging;
using VmAddon.Launcher.Tools;

namespace VmAddon.Launcher.Kvm;

/// <summary>
/// Decides whether KVM can really run a guest on this node by booting the probe payload under KVM with a deadline.
/// Opening /dev/kvm is not enough: under nested virtualisation it opens, yet every Linux guest hangs.
/// </summary>
internal sealed class KvmProbe(KvmProbeOptions options, TimeProvider time, ILogger<KvmProbe> logger)
{
    private const int BufferSize = 4096;

    private readonly ExternalTool _qemu = ExternalTool.QemuSystem with { Command = options.Qemu };

    /// <summary>The answer, and whether it came from the cache.</summary>
    /// <exception cref="LauncherException">The payload is missing, or QEMU is not installed.</exception>
    public async Task<(KvmProbeAnswer Answer, bool Cached)> RunAsync(CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken).ConfigureAwait(false);
        var cached = File.Exists(options.CachePath)
            ? KvmProbeCacheFile.Parse(await File.ReadAllTextAsync(options.CachePath, cancellationToken).ConfigureAwait(false))
            : null;
        if (KvmProbeDecider.CanReuse(cached, key))
        {
            logger.ProbeCached(cached!.Verdict.ToString(), cached.ProbedAt, options.CachePath);
            return (cached, true);
        }

        var (verdict, reason) = File.Exists(options.KvmDevice)
            ? KvmProbeDecider.Decide(await BootAsync(cancellationToken).ConfigureAwait(false), options.Deadline)
            : KvmProbeDecider.NoKvmDevice(options.KvmDevice);
        var answer = new KvmProbeAnswer(verdict, reason, key.QemuVersion, key.KernelRelease, key.PayloadSha256, time.GetUtcNow());
        await WriteCacheAsync(answer, cancellationToken).ConfigureAwait(false);
        return (answer, false);
    }

    private async Task<KvmProbeKey> KeyAsync(CancellationToken cancellationToken)
    {
        foreach (var file in new[] { options.Kernel, options.Initrd })
        {
            if (!File.Exists(file))
            {
                throw new LauncherException($"the KVM probe payload {file} does not exist (build it with `make guest-image`: images/guest/out/vmlinuz and initrd.img).");
            }
        }

        var version = await ToolRunner.RunAsync(_qemu, ["--version"], cancellationToken).ConfigureAwait(false);
        if (version.ExitCode != 0)
        {
            throw new LauncherException($"{options.Qemu} --version failed: {version.Reason}");
        }

        var kernelRelease = (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease", cancellationToken).ConfigureAwait(false)).Trim();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { options.Kernel, options.Initrd })
        {
            hash.AppendData(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
        }

        var firstLine = version.StandardOutput.Split('\n', 2)[0].Trim();
        return new KvmProbeKey(firstLine, kernelRelease, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private async Task<ProbeObservation> BootAsync(CancellationToken cancellationToken)
    {
        logger.ProbeBooting(options.Kernel, options.Deadline);
        using var qemu = ToolRunner.Start(
            _qemu,
            ["-accel", "kvm", "-nographic", "-m", "128", "-no-reboot", "-kernel", options.Kernel, "-initrd", options.Initrd, "-append", "console=ttyS0 vmaddon.probe"],
            redirectOutput: true);
        qemu.StandardInput.Close();
        var errors = qemu.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Deadline);
        var scanner = new MarkerScanner(KvmProbeDecider.Marker);
        var timedOut = false;
        try
        {
            var buffer = new byte[BufferSize];
            int read;
            while (!scanner.Found && (read = await qemu.StandardOutput.BaseStream.ReadAsync(buffer, deadline.Token).ConfigureAwait(false)) > 0)
            {
                scanner.Feed(buffer.AsSpan(0, read));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }
        finally
        {
            // The answer is known, or it is too late: the probe guest is not needed any longer.
            await KillAsync(qemu).ConfigureAwait(false);
        }

        var exitCode = scanner.Found || timedOut ? (int?)null : qemu.ExitCode;
        return new ProbeObservation(scanner.Found, timedOut, exitCode, LastLine(await errors.ConfigureAwait(false)));
    }

    private static async Task KillAsync(Process qemu)
    {
        if (!qemu.HasExited)
        {
            qemu.Kill(entireProcessTree: true);
        }

        await qemu.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task WriteCacheAsync(KvmProbeAnswer answer, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.CachePath))!);
            var temporary = options.CachePath + ".partial";
            await File.WriteAllTextAsync(temporary, KvmProbeCacheFile.Serialize(answer) + "\n", cancellationToken).ConfigureAwait(false);
            File.Move(temporary, options.CachePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The answer stands; only the next call pays for another boot.
            logger.ProbeCacheNotWritten(options.CachePath, e.Message);
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines ? lines[^1] : "";
}
