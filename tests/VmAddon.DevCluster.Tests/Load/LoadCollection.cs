namespace VmAddon.DevCluster.Tests.Load;

/// <summary>The load tests run one after another: on two cores, two of them at once would measure each other.</summary>
[CollectionDefinition(Name)]
public sealed class LoadCollection
{
    public const string Name = "vmaddon-dev load";
}
