namespace VmAddon.Kube.Status;

/// <summary>The outcome, the object as the server (or the cache, when unchanged) last showed it, and how many writes were tried.</summary>
public sealed record StatusUpdateResult<T>(StatusUpdateOutcome Outcome, T? Object, int Writes);
