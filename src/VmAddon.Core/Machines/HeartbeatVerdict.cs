namespace VmAddon.Core.Machines;

/// <summary>Whether a node's agent heartbeat is stale, and when a fresh one turns stale if nothing changes.</summary>
public sealed record HeartbeatVerdict(bool Stale, TimeSpan? RecheckAfter);
