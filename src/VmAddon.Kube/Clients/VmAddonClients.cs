using k8s;
using VmAddon.Api;

namespace VmAddon.Kube.Clients;

/// <summary>The typed clients for the four VmAddon kinds over one connection.</summary>
public sealed class VmAddonClients(IKubernetes client)
{
    public CustomResourceClient<VirtualMachine> VirtualMachines { get; } = new(client);

    public CustomResourceClient<VirtualMachineInstance> VirtualMachineInstances { get; } = new(client);

    public CustomResourceClient<VirtualMachinePool> VirtualMachinePools { get; } = new(client);

    public CustomResourceClient<VirtualMachineInstanceMigration> VirtualMachineInstanceMigrations { get; } = new(client);
}
