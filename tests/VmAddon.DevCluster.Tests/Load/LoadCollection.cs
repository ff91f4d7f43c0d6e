namespace VmAddon.DevCluster.Tests.Load;

/// <summary>The load tests run one after another and alone: on two cores, anything running beside them would slow their readers into the too-slow limit.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "vmaddon-dev load";
}
