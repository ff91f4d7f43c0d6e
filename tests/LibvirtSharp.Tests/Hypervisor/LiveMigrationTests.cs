using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LibvirtSharp.Tests.Support;
using Xunit.Abstractions;

namespace LibvirtSharp.Tests.Hypervisor;

[Trait("Category", "Hypervisor")]
[Collection(HypervisorCollection.Name)]
public sealed class LiveMigrationTests(SessionDaemonFixture source, ITestOutputHelper output)
{
    [Fact]
    public async Task MigrateAsync_Moves_A_Running_Guest_To_Another_Session_Daemon()
    {
        var deadline = Deadline.Seconds(180);
        await using var target = await SessionDaemon.StartAsync(deadline);
        using var destination = await LibvirtConnection.OpenAsync(target.Uri, deadline);
        var name = QemuDomains.UniqueName("migrate");
        using var domain = await source.Connection.DefineDomainAsync(QemuDomains.Xml(name), cancellationToken: deadline);
        await domain.StartAsync(cancellationToken: deadline);
        using var sourceEvents = source.Connection.SubscribeLifecycleEvents(domain);
        using var targetEvents = destination.SubscribeLifecycleEvents();

        var options = new MigrationOptions
        {
            Live = true,
            PersistOnDestination = true,
            UndefineSource = true,
            // A cap keeps the migration running long enough to read its job stats while it runs.
            BandwidthMiBPerSecond = 8,
            MigrateUri = $"tcp://127.0.0.1:{FreePort()}",
        };
        var watch = Stopwatch.StartNew();
        var migration = domain.MigrateAsync(destination, options, deadline);
        var running = new List<DomainJobStats>();
        while (!migration.IsCompleted)
        {
            try
            {
                var stats = await domain.GetJobStatsAsync(cancellationToken: deadline);
                if (stats.Type == DomainJobType.Unbounded)
                {
                    running.Add(stats);
                }
            }
            catch (LibvirtException e) when (e.Code is LibvirtErrorCode.NoDomain or LibvirtErrorCode.OperationInvalid)
            {
                // The source domain went away as the migration finished.
            }

            // Polling interval for progress; the migration task is the condition, the deadline bounds it.
            await Task.WhenAny(migration, Task.Delay(TimeSpan.FromMilliseconds(50), deadline));
        }

        using var migrated = await migration;
        output.WriteLine($"observed: migration took {watch.ElapsedMilliseconds} ms; {running.Count} job stats read while it ran");

        migrated.Name.Should().Be(name);
        migrated.Uuid.Should().Be(domain.Uuid);
        (await migrated.GetStateAsync(deadline)).State.Should().Be(DomainState.Running);
        target.FindQemuProcesses(name).Should().ContainSingle();
        (await source.Connection.FindDomainAsync(name, deadline)).Should().BeNull("the source was undefined after the migration");
        source.Daemon.FindQemuProcesses(name).Should().BeEmpty();

        running.Should().NotBeEmpty("the job was polled while the migration ran");
        running.Should().OnlyContain(s => s.TimeElapsed != null && s.Operation == 5, "each is an outgoing migration (VIR_DOMAIN_JOB_OPERATION_MIGRATION_OUT)");
        running.Select(s => s.TimeElapsed).Should().BeInAscendingOrder();

        var completed = await migrated.GetJobStatsAsync(completed: true, deadline);
        completed.Type.Should().Be(DomainJobType.Completed);
        completed.DataProcessed.Should().BePositive("the guest's memory was copied");
        output.WriteLine($"observed: completed job: elapsed {completed.TimeElapsed?.TotalMilliseconds} ms, downtime {completed.Downtime?.TotalMilliseconds} ms, {completed.DataProcessed} bytes");

        (await sourceEvents.WaitForAsync(e => e.Type == DomainEventType.Stopped, deadline)).StoppedDetail.Should().Be(DomainStoppedDetail.Migrated);
        (await targetEvents.WaitForAsync(e => e.DomainName == name && e.Type == DomainEventType.Resumed, deadline)).ResumedDetail.Should().Be(DomainResumedDetail.Migrated);

        await migrated.DestroyAsync(cancellationToken: deadline);
        await migrated.UndefineAsync(cancellationToken: deadline);
    }

    [Fact]
    public async Task Cancelling_MigrateAsync_Aborts_The_Job_And_Leaves_The_Guest_Running_On_The_Source()
    {
        var deadline = Deadline.Seconds(180);
        await using var target = await SessionDaemon.StartAsync(deadline);
        using var destination = await LibvirtConnection.OpenAsync(target.Uri, deadline);
        var name = QemuDomains.UniqueName("abort");
        using var domain = await source.Connection.DefineDomainAsync(QemuDomains.Xml(name), cancellationToken: deadline);
        await domain.StartAsync(cancellationToken: deadline);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        var options = new MigrationOptions { BandwidthMiBPerSecond = 1, MigrateUri = $"tcp://127.0.0.1:{FreePort()}" };

        var migration = domain.MigrateAsync(destination, options, cancel.Token);
        while (!migration.IsCompleted && (await domain.GetJobStatsAsync(cancellationToken: deadline)).Type != DomainJobType.Unbounded)
        {
            // Polling interval until the job has started; the deadline bounds it.
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline);
        }

        await cancel.CancelAsync();

        var error = (await migration.Invoking(m => m).Should().ThrowAsync<LibvirtException>()).Which;
        error.Code.Should().Be(LibvirtErrorCode.OperationAborted);
        (await domain.GetStateAsync(deadline)).State.Should().Be(DomainState.Running);
        (await destination.FindDomainAsync(name, deadline)).Should().BeNull();

        await domain.DestroyAsync(cancellationToken: deadline);
        await domain.UndefineAsync(cancellationToken: deadline);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
