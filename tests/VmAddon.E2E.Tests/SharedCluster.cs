namespace VmAddon.E2E.Tests;

/// <summary>One cluster for the tests that leave their nodes healthy (nodes 131–132); node loss gets its own.</summary>
public sealed class SharedCluster : IAsyncLifetime
{
    private E2ECluster? _cluster;

    public E2ECluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster did not start");

    public async Task InitializeAsync() => _cluster = await E2ECluster.StartAsync(firstNodeIndex: 131);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<SharedCluster>
{
    public const string Name = "shared cluster";
}
