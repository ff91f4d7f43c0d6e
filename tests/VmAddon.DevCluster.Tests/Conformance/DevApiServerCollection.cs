using VmAddon.DevCluster.Tests.Server;

namespace VmAddon.DevCluster.Tests.Conformance;

/// <summary>The conformance tests share one server; each test works in its own namespace.</summary>
[CollectionDefinition(Name)]
public sealed class DevApiServerCollection : ICollectionFixture<DevApiServer>
{
    public const string Name = "dev API server";
}
