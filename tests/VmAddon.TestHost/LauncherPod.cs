using LibvirtSharp;
using VmAddon.Api.Manifests;
using VmAddon.Core.Launcher;
using VmAddon.Core.Rendering;

namespace VmAddon.TestHost;

/// <summary>
/// A VM's launcher Pod, rendered by VmAddon.Core and run in a <see cref="PodSandbox"/> with the real launcher,
/// plus a LibvirtSharp connection to its daemon: what the agent of a later issue will hold for each VMI.
/// </summary>
public sealed class LauncherPod : IAsyncDisposable
{
    private static readonly TimeSpan s_readyDeadline = TimeSpan.FromSeconds(60);

    private LauncherPod(RenderedInstance rendered, PodSandbox sandbox, LibvirtConnection connection)
    {
        Rendered = rendered;
        Sandbox = sandbox;
        Connection = connection;
    }

    public RenderedInstance Rendered { get; }

    public PodSandbox Sandbox { get; }

    public LibvirtConnection Connection { get; }

    /// <summary>The libvirt URI of the Pod's daemon, as the agent reaches it from the host.</summary>
    public string Uri => UriOf(Sandbox);

    /// <summary>The domain's name in libvirt: namespace_name.</summary>
    public string DomainName => $"{Rendered.Vmi.Metadata.NamespaceProperty}_{Rendered.Vmi.Metadata.Name}";

    /// <summary>Renders <paramref name="manifest"/> (a VM or VMI) for software emulation and starts its launcher Pod.</summary>
    public static async Task<LauncherPod> StartAsync(string manifest)
    {
        var loaded = ManifestLoader.Load(manifest);
        if (!loaded.IsValid)
        {
            throw new ArgumentException($"the manifest is invalid: {string.Join("; ", loaded.Resources.SelectMany(r => r.Errors))}", nameof(manifest));
        }
        var rendered = InstanceRenderer.Render(loaded.Resources.Single().Resource!, new RenderSettings { SoftwareEmulation = true });
        var sandbox = await PodSandbox.StartAsync(
            rendered.Pod,
            new Dictionary<string, string> { [LauncherPodRenderer.LauncherCommand] = Repository.Launcher },
            new Dictionary<string, string> { ["vmaddon/guest:latest"] = Repository.GuestImage });
        try
        {
            await WaitForReadyAsync(sandbox);
            var connection = await LibvirtConnection.OpenAsync(UriOf(sandbox));
            return new LauncherPod(rendered, sandbox, connection);
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>Defines the rendered domain and starts it paused, so a console attached next misses nothing.</summary>
    public async Task<LibvirtDomain> DefinePausedAsync()
    {
        var domain = await Connection.DefineDomainAsync(Rendered.DomainXml);
        await domain.StartAsync(DomainStartOptions.Paused);
        return domain;
    }

    /// <summary>Boots the guest with its console attached from the first byte, and waits for the guest to be up.</summary>
    public async Task<(LibvirtDomain Domain, ConsoleReader Console)> BootAsync()
    {
        var domain = await DefinePausedAsync();
        // libvirt 9 opens console streams only on pty consoles; VmAddon's console is QEMU's unix socket.
        var console = await ConsoleReader.ConnectAsync(Sandbox.HostPath(LauncherLayout.SerialSocketPath));
        await domain.ResumeAsync();
        await console.WaitForAsync("VMADDON-GUEST-READY", TimeSpan.FromSeconds(90));
        return (domain, console);
    }

    /// <summary>The pids of this Pod's QEMU processes: those running its domain inside its network namespace.</summary>
    public async Task<IReadOnlyList<int>> QemuPidsAsync()
    {
        var (_, named) = await HostCommand.TryRunAsync("pgrep", "-f", $"guest={DomainName}");
        var (_, inPod) = await HostCommand.TryRunAsync("ip", "netns", "pids", Sandbox.Network.Namespace);
        return [.. Pids(named).Intersect(Pids(inPod))];
    }

    private static IEnumerable<int> Pids(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Sandbox.DisposeAsync();
    }

    private static string UriOf(PodSandbox sandbox) =>
        $"qemu+unix:///session?socket={sandbox.HostPath(LauncherLayout.LibvirtSocketPath)}";

    private static async Task WaitForReadyAsync(PodSandbox sandbox)
    {
        var marker = sandbox.HostPath($"{LauncherLayout.LibvirtRuntimeDir}/{LauncherLayout.LauncherReadyMarkerRelativePath}");
        var until = DateTime.UtcNow + s_readyDeadline;
        while (!File.Exists(marker))
        {
            if (DateTime.UtcNow > until || sandbox.Process.HasExited)
            {
                throw new TimeoutException($"the launcher was not ready within {s_readyDeadline} (exited: {sandbox.Process.HasExited}). Its output:\n{sandbox.Output}");
            }

            await Task.Delay(50);
        }
    }
}
