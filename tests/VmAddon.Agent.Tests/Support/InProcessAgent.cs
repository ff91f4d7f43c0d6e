namespace VmAddon.Agent.Tests.Support;

/// <summary>vmaddon-agent running in this process (so it shares libvirt's test:///default state with the test) until disposed.</summary>
internal sealed class InProcessAgent : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _error = new();

    private InProcessAgent(string[] args)
    {
        Running = Task.Run(() => AgentApplication.RunAsync(args, TextWriter.Null, _error, _stop.Token));
    }

    /// <summary>Completes with the agent's exit code.</summary>
    public Task<int> Running { get; }

    public static InProcessAgent Start(params string[] args) => new(args);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        var exitCode = await Running;
        _stop.Dispose();
        exitCode.Should().Be(0, $"the agent stops cleanly (stderr: {_error})");
    }
}
