using k8s;
using k8s.Models;
using VmAddon.Kube.Leadership;
using VmAddon.Kube.Tests.Clients;

namespace VmAddon.Kube.Tests.Leadership;

public sealed class LeaderElectorTests(KubeCluster cluster) : IClassFixture<KubeCluster>
{
    private static LeaderElectionOptions Options(string ns, string identity, bool release = true) => new()
    {
        LeaseNamespace = ns,
        LeaseName = "vmaddon-controller",
        Identity = identity,
        // Short enough for a fast suite, with room for a loaded CI machine to renew in time.
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromMilliseconds(1500),
        RetryPeriod = TimeSpan.FromMilliseconds(100),
        ReleaseOnCancel = release,
    };

    /// <summary>A candidate running in the background, recording what it was told.</summary>
    private sealed class Candidate
    {
        public volatile bool Leading;
        public volatile bool Stopped;
        public volatile bool LeadingTokenCancelled;
        public readonly CancellationTokenSource Shutdown = new();
        public Task Run = Task.CompletedTask;
        public LeaderElector Elector = null!;

        public static Candidate Start(IKubernetes client, LeaderElectionOptions options)
        {
            var c = new Candidate { Elector = new LeaderElector(client, options) };
            c.Run = c.Elector.RunAsync(async ct =>
            {
                c.Leading = true;
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    c.LeadingTokenCancelled = true;
                }
            }, () => c.Stopped = true, c.Shutdown.Token);
            return c;
        }
    }

    private async Task<V1Lease> LeaseAsync(string ns) => await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("vmaddon-controller", ns);

    [Fact]
    public async Task A_Second_Candidate_Stays_Idle_Until_The_Leader_Releases_On_Shutdown()
    {
        var ns = await cluster.NewNamespaceAsync();
        var a = Candidate.Start(cluster.Client, Options(ns, "a"));
        await Eventually.UntilAsync(() => a.Leading, "a to lead");
        var b = Candidate.Start(cluster.Client, Options(ns, "b"));

        // b keeps campaigning for several lease durations' worth of retries and stays idle.
        var renewals = new HashSet<DateTime?>();
        await Eventually.UntilAsync(async () => renewals.Add((await LeaseAsync(ns)).Spec.RenewTime) && renewals.Count > 25, "a to renew many times");
        b.Leading.Should().BeFalse();
        (await LeaseAsync(ns)).Spec.HolderIdentity.Should().Be("a");

        await a.Shutdown.CancelAsync();
        await a.Run.WaitAsync(TimeSpan.FromSeconds(20));
        a.Stopped.Should().BeTrue();
        a.LeadingTokenCancelled.Should().BeTrue();

        await Eventually.UntilAsync(() => b.Leading, "b to lead");
        var lease = await LeaseAsync(ns);
        lease.Spec.HolderIdentity.Should().Be("b");
        lease.Spec.LeaseTransitions.Should().Be(1);
        lease.Spec.AcquireTime.Should().NotBeNull();

        await b.Shutdown.CancelAsync();
        await b.Run.WaitAsync(TimeSpan.FromSeconds(20));
        (await LeaseAsync(ns)).Spec.HolderIdentity.Should().BeNull("a released lease has no holder");
    }

    [Fact]
    public async Task A_Leader_That_Dies_Without_Releasing_Is_Replaced_Once_Its_Lease_Expires()
    {
        var ns = await cluster.NewNamespaceAsync();
        var a = Candidate.Start(cluster.Client, Options(ns, "a", release: false));
        await Eventually.UntilAsync(() => a.Leading, "a to lead");
        var b = Candidate.Start(cluster.Client, Options(ns, "b"));

        await a.Shutdown.CancelAsync();
        await a.Run.WaitAsync(TimeSpan.FromSeconds(20));
        (await LeaseAsync(ns)).Spec.HolderIdentity.Should().Be("a", "a crashed without releasing");

        await Eventually.UntilAsync(() => b.Leading, "b to take over the expired lease");
        (await LeaseAsync(ns)).Spec.HolderIdentity.Should().Be("b");
        await b.Shutdown.CancelAsync();
        await b.Run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_Leader_Whose_Lease_Is_Taken_Stops_Leading()
    {
        var ns = await cluster.NewNamespaceAsync();
        var a = Candidate.Start(cluster.Client, Options(ns, "a"));
        await Eventually.UntilAsync(() => a.Leading, "a to lead");

        await Eventually.UntilAsync(async () =>
        {
            var lease = await LeaseAsync(ns);
            lease.Spec.HolderIdentity = "intruder";
            lease.Spec.LeaseDurationSeconds = 3600;
            try
            {
                await cluster.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "vmaddon-controller", ns);
                return true;
            }
            catch (k8s.Autorest.HttpOperationException)
            {
                return false;
            }
        }, "the intruder to take the lease");

        await a.Run.WaitAsync(TimeSpan.FromSeconds(20));
        a.Stopped.Should().BeTrue();
        a.LeadingTokenCancelled.Should().BeTrue();
        a.Elector.IsLeader.Should().BeFalse();
        (await LeaseAsync(ns)).Spec.HolderIdentity.Should().Be("intruder");
    }

    [Fact]
    public async Task A_Leader_That_Cannot_Renew_Within_The_Renew_Deadline_Stops_Leading_And_Another_Takes_Over()
    {
        var ns = await cluster.NewNamespaceAsync();
        var outage = new LeaseOutage();
        using var partitioned = new Kubernetes(cluster.Config, outage);
        var a = Candidate.Start(partitioned, Options(ns, "a"));
        await Eventually.UntilAsync(() => a.Leading, "a to lead");
        var b = Candidate.Start(cluster.Client, Options(ns, "b"));

        outage.Down = true;
        await a.Run.WaitAsync(TimeSpan.FromSeconds(20));
        a.Stopped.Should().BeTrue();
        a.LeadingTokenCancelled.Should().BeTrue();

        await Eventually.UntilAsync(() => b.Leading, "b to take over");
        await b.Shutdown.CancelAsync();
        await b.Run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Leading_Work_That_Returns_Ends_Leadership_And_Releases_The_Lease()
    {
        var ns = await cluster.NewNamespaceAsync();
        var elector = new LeaderElector(cluster.Client, Options(ns, "a"));
        var stopped = false;

        await elector.RunAsync(_ => Task.CompletedTask, () => stopped = true, default).WaitAsync(TimeSpan.FromSeconds(20));

        stopped.Should().BeTrue();
        elector.IsLeader.Should().BeFalse();
        (await LeaseAsync(ns)).Spec.HolderIdentity.Should().BeNull();
    }

    [Fact]
    public async Task Cancelling_Before_Winning_Returns_Without_Callbacks()
    {
        var ns = await cluster.NewNamespaceAsync();
        var a = Candidate.Start(cluster.Client, Options(ns, "a"));
        await Eventually.UntilAsync(() => a.Leading, "a to lead");
        var b = Candidate.Start(cluster.Client, Options(ns, "b"));

        await b.Shutdown.CancelAsync();
        await b.Run.WaitAsync(TimeSpan.FromSeconds(20));
        b.Leading.Should().BeFalse();
        b.Stopped.Should().BeFalse();
        await a.Shutdown.CancelAsync();
        await a.Run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_Leader_Keeps_Its_Annotations_On_The_Lease()
    {
        var ns = await cluster.NewNamespaceAsync();
        var a = Candidate.Start(cluster.Client, Options(ns, "a") with { Annotations = new Dictionary<string, string> { ["vmaddon.io/controller-version"] = "1.2.3" } });
        await Eventually.UntilAsync(() => a.Leading, "a to lead");

        (await LeaseAsync(ns)).Metadata.Annotations.Should().Contain("vmaddon.io/controller-version", "1.2.3");
        await a.Shutdown.CancelAsync();
        await a.Run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Options_That_Break_The_Duration_Order_Are_Rejected()
    {
        var bad = Options("ns", "a") with { RenewDeadline = TimeSpan.FromSeconds(5), LeaseDuration = TimeSpan.FromSeconds(4) };
        var act = () => new LeaderElector(cluster.Client, bad);
        act.Should().Throw<ArgumentException>();
    }
}
