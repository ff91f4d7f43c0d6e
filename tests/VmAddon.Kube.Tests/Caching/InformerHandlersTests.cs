using k8s.Models;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Queue;

namespace VmAddon.Kube.Tests.Caching;

public sealed class InformerHandlersTests
{
    private static V1Pod Pod(string name, params V1OwnerReference[] owners) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", OwnerReferences = owners },
    };

    private static V1OwnerReference Owner(string kind, string name, bool controller) =>
        new() { ApiVersion = "vmaddon.io/v1", Kind = kind, Name = name, Uid = name, Controller = controller };

    [Fact]
    public async Task EnqueueKey_queues_the_objects_own_key_once()
    {
        using var queue = new WorkQueue();
        var handler = InformerHandlers.EnqueueKey<V1Pod>(queue);
        handler.OnAdded!(Pod("p"));
        handler.OnUpdated!(Pod("p"), Pod("p"));
        handler.OnDeleted!(Pod("q"), true);

        queue.Depth.Should().Be(2);
        (await queue.GetAsync(CancellationToken.None)).Should().Be("ns/p");
        (await queue.GetAsync(CancellationToken.None)).Should().Be("ns/q");
    }

    [Fact]
    public async Task EnqueueControllerOwner_queues_the_controlling_owner_of_the_kind_only()
    {
        using var queue = new WorkQueue();
        var handler = InformerHandlers.EnqueueControllerOwner<V1Pod>(queue, "VirtualMachineInstance");
        handler.OnAdded!(Pod("launcher", Owner("VirtualMachineInstance", "vm1", controller: true)));
        handler.OnAdded!(Pod("other", Owner("VirtualMachineInstance", "vm2", controller: false), Owner("ReplicaSet", "rs", controller: true)));

        queue.Depth.Should().Be(1);
        (await queue.GetAsync(CancellationToken.None)).Should().Be("ns/vm1");
        InformerHandlers.ControllerOwnerKey(Pod("bare"), "VirtualMachineInstance").Should().BeNull();
    }
}
