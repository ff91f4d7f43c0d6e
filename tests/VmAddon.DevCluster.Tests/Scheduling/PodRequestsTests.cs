using k8s.Models;
using VmAddon.DevCluster.Scheduling;

namespace VmAddon.DevCluster.Tests.Scheduling;

/// <summary>What a pod requests of its node, with kube's rules for init containers, sidecars, limits and overhead.</summary>
public sealed class PodRequestsTests
{
    [Theory]
    [InlineData("1,1", "", "2000")]
    [InlineData("1", "3", "3000")]
    [InlineData("1", "500m,2", "2000")]
    [InlineData("250m,250m", "400m", "500")]
    public void Containers_add_up_and_init_containers_raise_to_the_largest(string containers, string inits, string milliCpu)
    {
        var spec = new V1PodSpec
        {
            Containers = [.. containers.Split(',').Select((cpu, i) => Container($"c{i}", cpu))],
            InitContainers = inits.Length == 0 ? null : [.. inits.Split(',').Select((cpu, i) => Container($"i{i}", cpu))],
        };

        PodRequests.Of(spec)["cpu"].Should().Be(long.Parse(milliCpu, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Sidecars_add_to_the_pod_and_to_the_init_containers_after_them()
    {
        var sidecar = Container("proxy", "1");
        sidecar.RestartPolicy = "Always";
        var spec = new V1PodSpec { Containers = [Container("app", "1")], InitContainers = [sidecar, Container("setup", "3")] };

        PodRequests.Of(spec)["cpu"].Should().Be(4000, "setup runs next to the sidecar: 1 + 3 beats app + sidecar = 2");
    }

    [Fact]
    public void Limits_stand_in_for_missing_requests_and_overhead_is_added()
    {
        var container = new V1Container
        {
            Name = "c",
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m") },
                Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2"), ["memory"] = new("1Gi") },
            },
        };
        var spec = new V1PodSpec { Containers = [container], Overhead = new Dictionary<string, ResourceQuantity> { ["memory"] = new("64Mi") } };

        var requests = PodRequests.Of(spec);

        requests["cpu"].Should().Be(100);
        requests["memory"].Should().Be((1024 + 64) * 1024L * 1024);
    }

    [Fact]
    public void For_spreading_a_container_without_requests_counts_100m_and_200Mi()
    {
        var spec = new V1PodSpec { Containers = [new V1Container { Name = "c" }, Container("d", "1")] };

        PodRequests.Of(spec)["cpu"].Should().Be(1000);
        PodRequests.NonZeroOf(spec)["cpu"].Should().Be(1100);
        PodRequests.NonZeroOf(spec)["memory"].Should().Be(2 * 200 * 1024 * 1024);
    }

    private static V1Container Container(string name, string cpu) => new()
    {
        Name = name,
        Resources = new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu) } },
    };
}
