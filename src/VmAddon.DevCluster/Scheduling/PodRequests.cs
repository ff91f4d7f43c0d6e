using k8s.Models;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// What a pod asks of a node, computed as kube-scheduler does (component-helpers' PodRequests): the sum of its containers,
/// raised to what any init container needs while it runs (init containers run one at a time, next to the restartable
/// "sidecar" init containers started before them), plus the pod overhead.
/// </summary>
internal static class PodRequests
{
    /// <summary>The cpu a container without a cpu request is counted with when spreading (kube-scheduler's DefaultMilliCPURequest).</summary>
    public const long DefaultMilliCpu = 100;

    /// <summary>The memory a container without a memory request is counted with when spreading (DefaultMemoryRequest, 200 MiB).</summary>
    public const long DefaultMemory = 200 * 1024 * 1024;

    /// <summary>The requests the fit check uses.</summary>
    public static ResourceAmounts Of(V1PodSpec spec) => Aggregate(spec, nonZero: false);

    /// <summary>The requests the spreading score uses: a missing cpu or memory request counts as the default above, so that pods without requests still spread.</summary>
    public static ResourceAmounts NonZeroOf(V1PodSpec spec) => Aggregate(spec, nonZero: true);

    private static ResourceAmounts Aggregate(V1PodSpec spec, bool nonZero)
    {
        var total = new ResourceAmounts();
        foreach (var container in spec.Containers ?? [])
        {
            total.Add(ContainerRequests(container.Resources, nonZero));
        }

        var sidecars = new ResourceAmounts();
        var initPeak = new ResourceAmounts();
        foreach (var container in spec.InitContainers ?? [])
        {
            var requests = ContainerRequests(container.Resources, nonZero);
            if (container.RestartPolicy == "Always")
            {
                // A sidecar keeps running next to the app containers and the init containers after it.
                total.Add(requests);
                sidecars.Add(requests);
                initPeak.SetMax(sidecars);
            }
            else
            {
                var whileRunning = requests.Clone();
                whileRunning.Add(sidecars);
                initPeak.SetMax(whileRunning);
            }
        }

        total.SetMax(initPeak);
        if (spec.Overhead is { Count: > 0 } overhead)
        {
            total.Add(ResourceAmounts.From(overhead));
        }

        return total;
    }

    // kube-apiserver defaults a missing request to the limit; the dev API server stores the pod as written, so the rule is applied here.
    private static ResourceAmounts ContainerRequests(V1ResourceRequirements? resources, bool nonZero)
    {
        var requests = ResourceAmounts.From(resources?.Requests);
        var present = new HashSet<string>(resources?.Requests?.Keys ?? [], StringComparer.Ordinal);
        foreach (var (name, limit) in resources?.Limits ?? new Dictionary<string, ResourceQuantity>())
        {
            if (present.Add(name))
            {
                requests.Set(name, ResourceAmounts.Amount(name, limit));
            }
        }

        if (nonZero)
        {
            if (!present.Contains(ResourceAmounts.Cpu))
            {
                requests.Set(ResourceAmounts.Cpu, DefaultMilliCpu);
            }

            if (!present.Contains(ResourceAmounts.Memory))
            {
                requests.Set(ResourceAmounts.Memory, DefaultMemory);
            }
        }

        return requests;
    }
}
