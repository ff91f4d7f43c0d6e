using VmAddon.Core.Launcher;

namespace VmAddon.Controller.Tests.Support;

/// <summary>A test class's dev cluster, and the controllers it starts against it, both stopped after each test.</summary>
public abstract class ClusterTest : IAsyncLifetime
{
    private ControllerSet? _controllers;

    internal TestCluster Cluster { get; private set; } = null!;

    internal ControllerSet Controllers => _controllers ?? throw new InvalidOperationException("the test started no controllers");

    public virtual async Task InitializeAsync() => Cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_controllers is not null)
        {
            await _controllers.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }

    internal void Start(TimeProvider time, LauncherPodOptions? launcher = null) => _controllers = new ControllerSet(Cluster.Client, time, launcher);
}
