using LibvirtSharp.Tests.Support;

namespace LibvirtSharp.Tests.Hypervisor;

[Trait("Category", "Hypervisor")]
[Collection(HypervisorCollection.Name)]
public sealed class SessionDaemonLifetimeTests
{
    [Fact]
    public async Task Closed_Completes_With_EndOfFile_When_The_Daemon_Is_Killed()
    {
        var deadline = Deadline.Seconds(60);
        await using var daemon = await SessionDaemon.StartAsync(deadline);
        using var connection = await LibvirtConnection.OpenAsync(daemon.Uri, deadline);
        connection.TryEnableKeepAlive().Should().BeTrue();
        var raised = new TaskCompletionSource<ConnectionCloseReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionClosed += (_, e) => raised.TrySetResult(e.Reason);

        await daemon.KillDaemonAsync(deadline);

        (await connection.Closed.WaitAsync(deadline)).Should().Be(ConnectionCloseReason.EndOfFile);
        (await raised.Task.WaitAsync(deadline)).Should().Be(ConnectionCloseReason.EndOfFile);
        connection.IsAlive.Should().BeFalse();
        var error = (await connection.Invoking(c => c.ListDomainsAsync(cancellationToken: deadline)).Should().ThrowAsync<LibvirtException>()).Which;
        error.Code.Should().BeOneOf(LibvirtErrorCode.InternalError, LibvirtErrorCode.Rpc, LibvirtErrorCode.SystemError, LibvirtErrorCode.NoConnect, LibvirtErrorCode.InvalidConnection);
    }

    [Fact]
    public async Task Disposing_The_Daemon_Kills_Every_Qemu_It_Started()
    {
        var deadline = Deadline.Seconds(120);
        var daemon = await SessionDaemon.StartAsync(deadline);
        var name = QemuDomains.UniqueName("orphan");
        await using (daemon)
        {
            using var connection = await LibvirtConnection.OpenAsync(daemon.Uri, deadline);
            using var domain = await connection.DefineDomainAsync(QemuDomains.Xml(name), cancellationToken: deadline);
            await domain.StartAsync(cancellationToken: deadline);
            daemon.FindQemuProcesses(name).Should().ContainSingle();
        }

        ProcessTable.FindByCommandLine(daemon.RootDirectory).Should().BeEmpty();
        Directory.Exists(daemon.RootDirectory).Should().BeFalse();
    }
}
