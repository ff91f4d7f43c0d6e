using System.Diagnostics;
using System.Text;
using LibvirtSharp.Tests.Support;
using Xunit.Abstractions;

namespace LibvirtSharp.Tests.Hypervisor;

[Trait("Category", "Hypervisor")]
[Collection(HypervisorCollection.Name)]
public sealed class SessionDaemonDomainTests(SessionDaemonFixture fixture, ITestOutputHelper output)
{
    private LibvirtConnection Connection => fixture.Connection;

    [Fact]
    public async Task OpenAsync_Connects_Over_The_Session_Socket_With_Keepalive()
    {
        var watch = Stopwatch.StartNew();
        using var connection = await LibvirtConnection.OpenAsync(fixture.Daemon.Uri, Deadline.Seconds(30));
        output.WriteLine($"observed: open over the socket took {watch.ElapsedMilliseconds} ms");

        connection.TryEnableKeepAlive(intervalSeconds: 5, count: 3).Should().BeTrue("the remote driver supports keepalive");
        connection.IsAlive.Should().BeTrue();
        (await connection.ListDomainsAsync(cancellationToken: Deadline.Seconds(30))).Should().NotBeNull();
    }

    [Fact]
    public async Task A_Tcg_Domain_Defined_And_Started_Over_The_Socket_Runs_And_Reports_Its_Resources()
    {
        var deadline = Deadline.Seconds(120);
        var name = QemuDomains.UniqueName("run");
        var watch = Stopwatch.StartNew();
        using var domain = await Connection.DefineDomainAsync(QemuDomains.Xml(name), cancellationToken: deadline);
        var defined = watch.Elapsed;
        await domain.StartAsync(cancellationToken: deadline);
        output.WriteLine($"observed: define {defined.TotalMilliseconds:F0} ms + start {(watch.Elapsed - defined).TotalMilliseconds:F0} ms over the socket");
        try
        {
            (await domain.GetStateAsync(deadline)).RunningReason.Should().Be(DomainRunningReason.Booted);
            fixture.Daemon.FindQemuProcesses(name).Should().ContainSingle("the daemon started exactly one QEMU for the domain");

            var info = await domain.GetInfoAsync(deadline);
            info.MaxMemoryKiB.Should().Be(64 * 1024);
            info.VirtualCpuCount.Should().Be(1);

            var memory = await domain.GetMemoryStatsAsync(deadline);
            memory.ActualBalloonKiB.Should().Be(64 * 1024);
            memory.RssKiB.Should().BeGreaterThan(0);

            var xml = await domain.GetXmlAsync(cancellationToken: deadline);
            xml.Should().Contain($"<name>{name}</name>").And.Contain("type='qemu'");

            (await domain.GetInterfaceAddressesAsync(InterfaceAddressSource.Lease, deadline)).Should().BeEmpty("the guest has no network interface");
        }
        finally
        {
            await domain.DestroyAsync(cancellationToken: deadline);
            await domain.UndefineAsync(DomainUndefineOptions.Nvram | DomainUndefineOptions.ManagedSave, deadline);
        }

        (await Connection.FindDomainAsync(name, deadline)).Should().BeNull();
    }

    [Fact]
    public async Task Lifecycle_Events_Follow_Start_Suspend_Resume_And_Destroy_Of_A_Real_Guest()
    {
        var deadline = Deadline.Seconds(120);
        using var domain = await Connection.DefineDomainAsync(QemuDomains.Xml(QemuDomains.UniqueName("events")), cancellationToken: deadline);
        using var events = Connection.SubscribeLifecycleEvents(domain);
        try
        {
            await domain.StartAsync(cancellationToken: deadline);
            (await events.WaitForAsync(e => e.Type == DomainEventType.Started, deadline)).StartedDetail.Should().Be(DomainStartedDetail.Booted);

            await domain.SuspendAsync(deadline);
            (await events.WaitForAsync(e => e.Type == DomainEventType.Suspended, deadline)).SuspendedDetail.Should().Be(DomainSuspendedDetail.Paused);
            (await domain.GetStateAsync(deadline)).PausedReason.Should().Be(DomainPausedReason.User);

            await domain.ResumeAsync(deadline);
            (await events.WaitForAsync(e => e.Type == DomainEventType.Resumed, deadline)).ResumedDetail.Should().Be(DomainResumedDetail.Unpaused);

            await domain.DestroyAsync(cancellationToken: deadline);
            var stopped = await events.WaitForAsync(e => e.Type == DomainEventType.Stopped, deadline);
            stopped.StoppedDetail.Should().Be(DomainStoppedDetail.Destroyed);
            stopped.DomainUuid.Should().Be(domain.Uuid);
            (await domain.GetStateAsync(deadline)).ShutoffReason.Should().Be(DomainShutoffReason.Destroyed);
        }
        finally
        {
            await domain.UndefineAsync(cancellationToken: deadline);
        }
    }

    [Fact]
    public async Task StartAsync_Paused_Leaves_The_Guest_Paused_Until_Resumed()
    {
        var deadline = Deadline.Seconds(120);
        using var domain = await Connection.DefineDomainAsync(QemuDomains.Xml(QemuDomains.UniqueName("paused")), cancellationToken: deadline);
        try
        {
            await domain.StartAsync(DomainStartOptions.Paused, deadline);
            (await domain.GetStateAsync(deadline)).State.Should().Be(DomainState.Paused);

            await domain.ResumeAsync(deadline);
            (await domain.GetStateAsync(deadline)).State.Should().Be(DomainState.Running);
        }
        finally
        {
            await domain.DestroyAsync(cancellationToken: deadline);
            await domain.UndefineAsync(cancellationToken: deadline);
        }
    }

    [Fact]
    public async Task Suspending_A_Domain_That_Is_Not_Running_Fails_With_OperationInvalid()
    {
        var deadline = Deadline.Seconds(60);
        using var domain = await Connection.DefineDomainAsync(QemuDomains.Xml(QemuDomains.UniqueName("invalid")), cancellationToken: deadline);
        try
        {
            var error = (await domain.Invoking(d => d.SuspendAsync(deadline)).Should().ThrowAsync<LibvirtException>()).Which;

            error.Code.Should().Be(LibvirtErrorCode.OperationInvalid);
            error.LibvirtMessage.Should().Contain("not running");
        }
        finally
        {
            await domain.UndefineAsync(cancellationToken: deadline);
        }
    }

    [Fact]
    public async Task Reboot_Reset_And_Acpi_Shutdown_Are_Accepted_By_A_Running_Guest()
    {
        var deadline = Deadline.Seconds(120);
        using var domain = await Connection.DefineDomainAsync(QemuDomains.Xml(QemuDomains.UniqueName("power")), cancellationToken: deadline);
        try
        {
            await domain.StartAsync(cancellationToken: deadline);

            await domain.ResetAsync(deadline);
            await domain.RebootAsync(DomainShutdownMethods.AcpiPowerButton, deadline);
            await domain.ShutdownAsync(DomainShutdownMethods.AcpiPowerButton, deadline);

            // SeaBIOS without an OS ignores the power button, so the guest keeps running; a real guest powers off.
            (await domain.GetStateAsync(deadline)).State.Should().Be(DomainState.Running);
        }
        finally
        {
            await domain.DestroyAsync(cancellationToken: deadline);
            await domain.UndefineAsync(cancellationToken: deadline);
        }
    }

    [Fact]
    public async Task Killing_Qemu_With_Sigkill_Raises_A_Stopped_Or_Crashed_Event_Within_Two_Seconds()
    {
        var deadline = Deadline.Seconds(120);
        var name = QemuDomains.UniqueName("kill");
        using var domain = await Connection.DefineDomainAsync(QemuDomains.Xml(name), cancellationToken: deadline);
        using var events = Connection.SubscribeLifecycleEvents(domain);
        try
        {
            await domain.StartAsync(cancellationToken: deadline);
            await events.WaitForAsync(e => e.Type == DomainEventType.Started, deadline);
            var qemu = fixture.Daemon.FindQemuProcesses(name).Should().ContainSingle().Subject;

            var watch = Stopwatch.StartNew();
            using (var process = Process.GetProcessById(qemu))
            {
                process.Kill();
            }

            var died = await events.WaitForAsync(e => e.Type is DomainEventType.Stopped or DomainEventType.Crashed, Deadline.Seconds(2));
            output.WriteLine($"observed: {died} arrived {watch.ElapsedMilliseconds} ms after SIGKILL");
            (await domain.GetStateAsync(deadline)).State.Should().BeOneOf(DomainState.Shutoff, DomainState.Crashed);
        }
        finally
        {
            await domain.UndefineAsync(cancellationToken: deadline);
        }
    }

    [Fact]
    public async Task The_Serial_Console_Streams_What_The_Guest_Prints()
    {
        var deadline = Deadline.Seconds(120);
        using var domain = await Connection.DefineDomainAsync(QemuDomains.Xml(QemuDomains.UniqueName("console")), cancellationToken: deadline);
        try
        {
            // Start paused and attach first: a pty drops what the guest prints while no one listens.
            await domain.StartAsync(DomainStartOptions.Paused, deadline);
            await using var console = await domain.OpenConsoleAsync(cancellationToken: deadline);
            await domain.ResumeAsync(deadline);

            var text = new StringBuilder();
            var buffer = new byte[4096];
            while (!text.ToString().Contains("SeaBIOS", StringComparison.Ordinal))
            {
                var read = await console.ReadAsync(buffer, deadline);
                read.Should().BePositive("the console must not end while the guest runs");
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }

            // Typing into a console is accepted without blocking, even though SeaBIOS ignores it.
            await console.WriteAsync("\r"u8.ToArray(), deadline);
            output.WriteLine($"observed console: {text.ToString().Trim()}");
        }
        finally
        {
            await domain.DestroyAsync(cancellationToken: deadline);
            await domain.UndefineAsync(cancellationToken: deadline);
        }
    }
}
