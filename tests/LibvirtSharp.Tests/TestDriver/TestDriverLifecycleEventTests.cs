using LibvirtSharp.Tests.Support;

namespace LibvirtSharp.Tests.TestDriver;

public sealed class TestDriverLifecycleEventTests : IAsyncLifetime
{
    private LibvirtConnection _connection = null!;

    public async Task InitializeAsync() => _connection = await LibvirtConnection.OpenAsync(TestDriverDomains.Uri);

    public Task DisposeAsync()
    {
        _connection.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Lifecycle_Events_Arrive_In_Order_As_The_Domain_Changes_State()
    {
        var name = TestDriverDomains.UniqueName("events");
        using var all = _connection.SubscribeLifecycleEvents();
        var deadline = Deadline.Seconds(30);

        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(name), cancellationToken: deadline);
        await domain.StartAsync(cancellationToken: deadline);
        await domain.SuspendAsync(deadline);
        await domain.ResumeAsync(deadline);
        await domain.DestroyAsync(cancellationToken: deadline);
        await domain.UndefineAsync(cancellationToken: deadline);

        var seen = new List<DomainLifecycleEvent>();
        await foreach (var lifecycleEvent in all.ReadAllAsync(deadline))
        {
            if (lifecycleEvent.DomainName == name)
            {
                seen.Add(lifecycleEvent);
            }

            if (lifecycleEvent.DomainName == name && lifecycleEvent.Type == DomainEventType.Undefined)
            {
                break;
            }
        }

        seen.Select(e => e.ToString()).Should().Equal(
            $"{name}: Defined (Added)",
            $"{name}: Started (Booted)",
            $"{name}: Suspended (Paused)",
            $"{name}: Resumed (Unpaused)",
            $"{name}: Stopped (Destroyed)",
            $"{name}: Undefined (Removed)");
        seen.Should().OnlyContain(e => e.DomainUuid == domain.Uuid);
        seen[4].StoppedDetail.Should().Be(DomainStoppedDetail.Destroyed);
    }

    [Fact]
    public async Task A_Domain_Subscription_Sees_Only_That_Domain_And_Raises_Its_Event()
    {
        var deadline = Deadline.Seconds(30);
        using var watched = await _connection.DefineDomainAsync(TestDriverDomains.Xml(TestDriverDomains.UniqueName("watched")), cancellationToken: deadline);
        using var other = await _connection.DefineDomainAsync(TestDriverDomains.Xml(TestDriverDomains.UniqueName("other")), cancellationToken: deadline);
        using var subscription = _connection.SubscribeLifecycleEvents(watched);
        var raised = new TaskCompletionSource<DomainLifecycleEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscription.Received += (_, e) => raised.TrySetResult(e);

        await other.StartAsync(cancellationToken: deadline);
        await watched.StartAsync(cancellationToken: deadline);

        var first = await subscription.WaitForAsync(_ => true, deadline);
        first.DomainName.Should().Be(watched.Name);
        first.StartedDetail.Should().Be(DomainStartedDetail.Booted);
        (await raised.Task.WaitAsync(deadline)).Should().Be(first);

        foreach (var domain in new[] { watched, other })
        {
            await domain.DestroyAsync(cancellationToken: deadline);
            await domain.UndefineAsync(cancellationToken: deadline);
        }
    }

    [Fact]
    public async Task Disposing_A_Subscription_Ends_Its_Stream()
    {
        var subscription = _connection.SubscribeLifecycleEvents();
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var _ in subscription.ReadAllAsync(Deadline.Seconds(30)))
            {
                count++;
            }

            return count;
        });

        subscription.Dispose();
        subscription.Dispose();

        (await reading.WaitAsync(Deadline.Seconds(30))).Should().BeGreaterThanOrEqualTo(0);
    }
}
