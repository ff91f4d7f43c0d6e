namespace VmAddon.Core.Domain;

/// <summary>How the guest's vCPUs are arranged into sockets, cores and threads.</summary>
public sealed record CpuTopology(int Sockets, int Cores, int Threads);
