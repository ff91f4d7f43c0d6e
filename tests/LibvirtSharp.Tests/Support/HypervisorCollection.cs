namespace LibvirtSharp.Tests.Support;

/// <summary>Runs the hypervisor tests one after another, sharing one daemon: the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class HypervisorCollection : ICollectionFixture<SessionDaemonFixture>
{
    public const string Name = "Hypervisor";
}
