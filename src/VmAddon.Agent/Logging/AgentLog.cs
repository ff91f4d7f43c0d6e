using LibvirtSharp;
using Microsoft.Extensions.Logging;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Logging;

/// <summary>The agent's log lines, source-generated, with structured fields.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(1, LogLevel.Information, "Agent for node {Node} starting: hypervisor {Hypervisor}, software emulation {SoftwareEmulation}")]
    public static partial void Starting(ILogger logger, string node, GuestHypervisor hypervisor, bool softwareEmulation);

    [LoggerMessage(2, LogLevel.Information, "Connected to libvirt at {Uri}")]
    public static partial void Connected(ILogger logger, string uri);

    [LoggerMessage(3, LogLevel.Warning, "Lost the libvirt connection to {Uri}: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string uri, ConnectionCloseReason reason);

    [LoggerMessage(4, LogLevel.Debug, "Domain {Domain}: {EventType} ({Detail})")]
    public static partial void DomainEvent(ILogger logger, string domain, DomainEventType eventType, int detail);

    [LoggerMessage(5, LogLevel.Information, "VMI {Vmi}: {Action} (domain {Domain})")]
    public static partial void Acting(ILogger logger, string vmi, GuestAction action, GuestDomainState domain);

    [LoggerMessage(6, LogLevel.Information, "VMI {Vmi}: phase {From} -> {To} {Reason}")]
    public static partial void PhaseChanged(ILogger logger, string vmi, string? from, string to, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Heartbeat of node {Node} failed")]
    public static partial void HeartbeatFailed(ILogger logger, string node, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "The KVM probe ({Launcher} probe-kvm --json) failed, so guests run under software emulation: {Problem}")]
    public static partial void ProbeFailed(ILogger logger, string launcher, string problem);

    [LoggerMessage(9, LogLevel.Information, "KVM probe: {Verdict}")]
    public static partial void Probed(ILogger logger, string verdict);

    [LoggerMessage(10, LogLevel.Critical, "The agent stopped on an error")]
    public static partial void Crashed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "VMI {Vmi}: adopted its running domain {Domain} (no restart, no status write)")]
    public static partial void Adopted(ILogger logger, string vmi, string domain);

    [LoggerMessage(11, LogLevel.Information, "Serving /metrics, /healthz and /readyz at {Address}")]
    public static partial void MetricsServing(ILogger logger, Uri address);
}
