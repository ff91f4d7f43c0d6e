namespace VmAddon.DevCluster.Tests.Load;

/// <summary>The two kinds a load run writes: a built-in resource and VmAddon's custom resource.</summary>
internal enum ObjectKind
{
    ConfigMap,
    VirtualMachine,
}
