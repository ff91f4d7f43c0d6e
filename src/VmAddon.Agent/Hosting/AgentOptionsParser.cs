using System.Globalization;
using System.Net;
using VmAddon.Core.Guests;
using VmAddon.Core.Text;

namespace VmAddon.Agent.Hosting;

/// <summary>Turns <see cref="AgentArguments"/> into <see cref="AgentOptions"/>, or into one-line errors that each name their option.</summary>
internal static partial class AgentOptionsParser
{
    public static (AgentOptions? Options, IReadOnlyList<string> Errors) Parse(AgentArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var errors = new List<string>();
        var defaults = new AgentOptions { Node = "" };
        if (string.IsNullOrWhiteSpace(arguments.Node))
        {
            errors.Add("--node: the name of this agent's node is required.");
        }

        var kubeletRoot = arguments.KubeletRoot ?? defaults.KubeletRoot;
        if (!Path.IsPathFullyQualified(kubeletRoot))
        {
            errors.Add($"--kubelet-root: must be an absolute path, not \"{kubeletRoot}\".");
        }

        var linkDir = arguments.SocketLinkDir ?? defaults.SocketLinkDir;
        if (!Path.IsPathFullyQualified(linkDir) || !LauncherSocketPath.LinkDirFits(linkDir))
        {
            errors.Add($"--socket-link-dir: must be an absolute path short enough for unix socket addresses below it, not \"{linkDir}\".");
        }

        var hypervisor = arguments.Hypervisor switch
        {
            null or "qemu" => GuestHypervisor.Qemu,
            "test" => GuestHypervisor.Test,
            _ => Fail<GuestHypervisor>(errors, $"--hypervisor: \"{arguments.Hypervisor}\" is neither qemu nor test."),
        };
        var emulation = arguments.Emulation switch
        {
            null or "auto" => EmulationMode.Auto,
            "kvm" => EmulationMode.Kvm,
            "tcg" => EmulationMode.Tcg,
            _ => Fail<EmulationMode>(errors, $"--emulation: \"{arguments.Emulation}\" is not auto, kvm or tcg."),
        };
        IPEndPoint? metrics = null;
        if (arguments.MetricsListen is { } listen && !TryEndpoint(listen, out metrics))
        {
            errors.Add($"--metrics-listen: \"{listen}\" is not HOST:PORT with an IP address (or * or empty for all) and a port from 0 to 65535.");
        }

        var heartbeat = defaults.HeartbeatInterval;
        if (arguments.HeartbeatInterval is { } text && (!GoDuration.TryParse(text, out heartbeat) || heartbeat <= TimeSpan.Zero))
        {
            errors.Add($"--heartbeat-interval: \"{text}\" is not a positive duration such as 30s, 500ms or 1m.");
        }

        var workers = defaults.Workers;
        if (arguments.Workers is { } count && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out workers) || workers < 1))
        {
            errors.Add($"--workers: \"{count}\" is not a whole number of at least 1.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new AgentOptions
        {
            Node = arguments.Node!,
            Kubeconfig = arguments.Kubeconfig,
            KubeletRoot = kubeletRoot,
            SocketLinkDir = linkDir,
            Hypervisor = hypervisor,
            Emulation = emulation,
            Launcher = arguments.Launcher ?? defaults.Launcher,
            MetricsListen = metrics,
            HeartbeatInterval = heartbeat,
            Workers = workers,
        }, errors);
    }

    private static T Fail<T>(List<string> errors, string error)
        where T : struct
    {
        errors.Add(error);
        return default;
    }

    private static bool TryEndpoint(string text, out IPEndPoint? endpoint)
    {
        endpoint = null;
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        var host = text[..colon].Trim('[', ']');
        IPAddress? address = host is "" or "*" ? IPAddress.Any : host == "localhost" ? IPAddress.Loopback : null;
        if (address is null && !IPAddress.TryParse(host, out address))
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
