using k8s.Models;
using VmAddon.Api;

namespace VmAddon.Core.Launcher.Resources;

/// <summary>
/// The compute container's requests and limits. QEMU runs in the Pod's cgroup, so these are what the scheduler and
/// the OOM killer see of the VM: guest RAM plus the launcher's overhead, and a CPU share for the vCPUs.
/// </summary>
internal static class ComputeResourcesRenderer
{
    private const string ResourcesPath = "spec.domain.resources";

    public static V1ResourceRequirements Render(VirtualMachineInstance vmi, LauncherPodOptions options)
    {
        var domain = vmi.Spec.Domain;
        var given = domain.Resources;
        var requests = Copy(given?.Requests);
        var limits = Copy(given?.Limits);
        var vcpus = VcpuCount(domain.Cpu);

        var guestBytes = GuestBytes(domain, requests, limits);
        var overhead = options.MemoryOverhead.OverheadBytes(guestBytes, vcpus);

        // As KubeVirt: a memory request the user gave wins (it may be below the guest's RAM, which overcommits it);
        // else the limit, as Kubernetes itself would default it; else the guest's RAM.
        var requestBytes = requests.TryGetValue(ResourceNames.Memory, out var memoryRequest)
            ? Quantities.Bytes(memoryRequest, $"{ResourcesPath}.requests.memory")
            : limits.TryGetValue(ResourceNames.Memory, out var memoryLimit)
                ? Quantities.Bytes(memoryLimit, $"{ResourcesPath}.limits.memory")
                : guestBytes;
        var overcommitOverhead = given?.OvercommitGuestOverhead == true;
        requests[ResourceNames.Memory] = Quantities.FromBytes(overcommitOverhead ? requestBytes : requestBytes + overhead);

        // The limit always gets the overhead, overcommitted or not (KubeVirt): the launcher's processes really do
        // use that memory, and a limit without it would OOM-kill a guest that stays within its RAM.
        if (limits.TryGetValue(ResourceNames.Memory, out var limit))
        {
            limits[ResourceNames.Memory] = Quantities.FromBytes(Quantities.Bytes(limit, $"{ResourcesPath}.limits.memory") + overhead);
        }

        if (!requests.ContainsKey(ResourceNames.Cpu))
        {
            requests[ResourceNames.Cpu] = CpuRequest(vcpus, options.CpuAllocationRatio, limits);
        }

        if (!options.SoftwareEmulation)
        {
            // A device-plugin resource: limits alone ask for it, and the request follows (KubeVirt does the same).
            limits[ResourceNames.Kvm] = new ResourceQuantity("1");
        }

        return new V1ResourceRequirements
        {
            Requests = requests,
            Limits = limits.Count == 0 ? null : limits,
        };
    }

    /// <summary>vCPUs = sockets × cores × threads, each 1 when unset (the defaulter's values).</summary>
    internal static long VcpuCount(Cpu? cpu) =>
        (long)(cpu?.Sockets ?? ApiDefaults.CpuTopologyUnit) * (cpu?.Cores ?? ApiDefaults.CpuTopologyUnit) * (cpu?.Threads ?? ApiDefaults.CpuTopologyUnit);

    /// <summary>
    /// vCPUs / cpuAllocationRatio cores, rounded up to a millicore: with KubeVirt's ratio of 10, 100m per vCPU.
    /// A VM with no CPU request would be BestEffort and first to be evicted; with one, vCPU threads get a fair share.
    /// </summary>
    private static ResourceQuantity CpuRequest(long vcpus, int ratio, Dictionary<string, ResourceQuantity> limits)
    {
        var millicores = ((vcpus * 1000) + ratio - 1) / ratio;
        if (limits.TryGetValue(ResourceNames.Cpu, out var cpuLimit))
        {
            // Kubernetes rejects a request above the limit; a user who caps the CPU gets at most that cap.
            var limitMillicores = (long)decimal.Ceiling(cpuLimit.ToDecimal() * 1000);
            millicores = Math.Min(millicores, limitMillicores);
        }

        return Quantities.FromMillicores(millicores);
    }

    private static long GuestBytes(DomainSpec domain, Dictionary<string, ResourceQuantity> requests, Dictionary<string, ResourceQuantity> limits)
    {
        if (domain.Memory?.Guest is { } guest)
        {
            return Quantities.Bytes(guest, "spec.domain.memory.guest");
        }

        // The defaulter copies requests.memory into memory.guest; this covers a VMI that skipped it.
        if (requests.TryGetValue(ResourceNames.Memory, out var request))
        {
            return Quantities.Bytes(request, $"{ResourcesPath}.requests.memory");
        }

        if (limits.TryGetValue(ResourceNames.Memory, out var limit))
        {
            return Quantities.Bytes(limit, $"{ResourcesPath}.limits.memory");
        }

        throw new ArgumentException("spec.domain.memory.guest: the guest's memory is not set, neither there nor in spec.domain.resources.requests.memory.");
    }

    private static Dictionary<string, ResourceQuantity> Copy(IDictionary<string, ResourceQuantity>? source) =>
        source is null ? new(StringComparer.Ordinal) : new(source, StringComparer.Ordinal);
}
