using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VmAddon.Agent.Hosting;
using VmAddon.Agent.Logging;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Emulation;

/// <summary>Decides once whether this node's guests need software emulation: from --emulation, or by asking the launcher's probe-kvm.</summary>
internal static class KvmProbeRunner
{
    /// <summary>True for TCG. A probe that cannot answer means TCG too: slow guests beat guests that hang under a broken KVM.</summary>
    public static async Task<bool> SoftwareEmulationAsync(AgentOptions options, ILogger log, CancellationToken cancellationToken)
    {
        switch (options.Emulation)
        {
            case EmulationMode.Kvm:
                return false;
            case EmulationMode.Tcg:
                return true;
            case EmulationMode.Auto when options.Hypervisor == GuestHypervisor.Test:
                return false; // the test driver emulates nothing, and needs no launcher binary
        }

        try
        {
            var verdict = await ProbeAsync(options.Launcher, options.ProbeTimeout, cancellationToken).ConfigureAwait(false);
            AgentLog.Probed(log, verdict);
            return verdict != "kvm";
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or JsonException)
        {
            AgentLog.ProbeFailed(log, options.Launcher, e.Message);
            return true;
        }
    }

    private static async Task<string> ProbeAsync(string launcher, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(launcher) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("probe-kvm");
        start.ArgumentList.Add("--json");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{launcher} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"no answer within {timeout.TotalSeconds:0.#} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"exit code {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()}");
        }

        using var json = JsonDocument.Parse(await output.ConfigureAwait(false));
        return json.RootElement.TryGetProperty("verdict", out var verdict) && verdict.GetString() is { } text
            ? text
            : throw new InvalidOperationException("the probe's JSON has no verdict");
    }
}
