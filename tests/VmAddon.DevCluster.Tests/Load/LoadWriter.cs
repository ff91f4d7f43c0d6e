using System.Globalization;
using k8s;
using k8s.Models;
using VmAddon.Api;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>One writer client: makes its planned writes in order over HTTP and journals the resourceVersion of each response.</summary>
internal sealed class LoadWriter(IKubernetes client, WriteJournal journal)
{
    private readonly Dictionary<ObjectRef, V1ConfigMap> _configMaps = [];
    private readonly Dictionary<ObjectRef, VirtualMachine> _virtualMachines = [];

    public async Task RunAsync(IEnumerable<PlannedWrite> writes, CancellationToken cancellationToken)
    {
        foreach (var write in writes)
        {
            var resourceVersion = write.Object.Kind == ObjectKind.ConfigMap
                ? await WriteConfigMapAsync(write, cancellationToken)
                : await WriteVirtualMachineAsync(write, cancellationToken);
            journal.Add(write.Object, new JournalEntry(write.Step, resourceVersion, write.Shard));
        }
    }

    private async Task<long> WriteConfigMapAsync(PlannedWrite write, CancellationToken cancellationToken)
    {
        var (_, ns, name) = write.Object;
        V1ConfigMap stored;
        switch (write.Step)
        {
            case WriteStep.Create:
                stored = await client.CoreV1.CreateNamespacedConfigMapAsync(
                    new V1ConfigMap { Metadata = Metadata(write), Data = new Dictionary<string, string> { ["step"] = "created" } }, ns, cancellationToken: cancellationToken);
                break;
            case WriteStep.Update or WriteStep.Relabel:
                var current = _configMaps[write.Object];
                current.Data["step"] = write.Step.ToString();
                current.Metadata.Labels["shard"] = write.Shard;
                stored = await client.CoreV1.ReplaceNamespacedConfigMapAsync(current, name, ns, cancellationToken: cancellationToken);
                break;
            default:
                await client.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken);
                _configMaps.Remove(write.Object);
                return 0;
        }

        _configMaps[write.Object] = stored;
        return long.Parse(stored.Metadata.ResourceVersion, CultureInfo.InvariantCulture);
    }

    private async Task<long> WriteVirtualMachineAsync(PlannedWrite write, CancellationToken cancellationToken)
    {
        var (_, ns, name) = write.Object;
        VirtualMachine stored;
        switch (write.Step)
        {
            case WriteStep.Create:
                var vm = new VirtualMachine
                {
                    Metadata = Metadata(write),
                    Spec = new VirtualMachineSpec { RunStrategy = RunStrategy.Halted, Template = new VirtualMachineInstanceTemplateSpec { Spec = new VirtualMachineInstanceSpec() } },
                };
                stored = await client.CustomObjects.CreateNamespacedCustomObjectAsync<VirtualMachine>(
                    vm, ApiGroup.Group, ApiGroup.Version, ns, VirtualMachine.Plural, cancellationToken: cancellationToken);
                break;
            case WriteStep.Update or WriteStep.Relabel:
                var current = _virtualMachines[write.Object];
                current.Metadata.Labels["shard"] = write.Shard;
                var changed = write.Step == WriteStep.Update ? current with { Spec = current.Spec with { RunStrategy = RunStrategy.Manual } } : current;
                stored = await client.CustomObjects.ReplaceNamespacedCustomObjectAsync<VirtualMachine>(
                    changed, ApiGroup.Group, ApiGroup.Version, ns, VirtualMachine.Plural, name, cancellationToken: cancellationToken);
                break;
            default:
                await client.CustomObjects.DeleteNamespacedCustomObjectAsync(ApiGroup.Group, ApiGroup.Version, ns, VirtualMachine.Plural, name, cancellationToken: cancellationToken);
                _virtualMachines.Remove(write.Object);
                return 0;
        }

        _virtualMachines[write.Object] = stored;
        return long.Parse(stored.Metadata.ResourceVersion, CultureInfo.InvariantCulture);
    }

    private static V1ObjectMeta Metadata(PlannedWrite write) => new()
    {
        Name = write.Object.Name,
        NamespaceProperty = write.Object.Namespace,
        Labels = new Dictionary<string, string> { ["shard"] = write.Shard, ["app"] = "load" },
    };
}
