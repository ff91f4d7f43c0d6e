using LibvirtSharp.Tests.Support;

namespace LibvirtSharp.Tests.TestDriver;

public sealed class TestDriverDomainTests : IAsyncLifetime
{
    private LibvirtConnection _connection = null!;

    public async Task InitializeAsync() => _connection = await LibvirtConnection.OpenAsync(TestDriverDomains.Uri);

    public Task DisposeAsync()
    {
        _connection.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DefineDomainAsync_Defines_A_Domain_That_Lookup_Finds_By_Name_And_Uuid()
    {
        var name = TestDriverDomains.UniqueName("define");
        using var defined = await _connection.DefineDomainAsync(TestDriverDomains.Xml(name));

        using var byName = await _connection.LookupDomainAsync(name);
        using var byUuid = await _connection.LookupDomainAsync(defined.Uuid);

        byName.Uuid.Should().Be(defined.Uuid);
        byUuid.Name.Should().Be(name);
        (await defined.GetStateAsync()).Should().Be(new DomainStateInfo(DomainState.Shutoff, (int)DomainShutoffReason.Unknown));
        await defined.UndefineAsync();
    }

    [Fact]
    public async Task UndefineAsync_Removes_The_Domain_So_Lookup_Fails_With_NoDomain()
    {
        var name = TestDriverDomains.UniqueName("undefine");
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(name));

        await domain.UndefineAsync(DomainUndefineOptions.ManagedSave | DomainUndefineOptions.SnapshotsMetadata);

        (await _connection.FindDomainAsync(name)).Should().BeNull();
        var error = (await _connection.Invoking(c => c.LookupDomainAsync(name)).Should().ThrowAsync<LibvirtException>()).Which;
        error.Code.Should().Be(LibvirtErrorCode.NoDomain);
    }

    [Fact]
    public async Task LookupDomainAsync_Throws_NoDomain_With_Domain_And_Message_When_The_Domain_Is_Missing()
    {
        var error = (await _connection.Invoking(c => c.LookupDomainAsync("no-such-domain")).Should().ThrowAsync<LibvirtException>()).Which;

        error.Code.Should().Be(LibvirtErrorCode.NoDomain);
        error.Domain.Should().Be(LibvirtErrorDomain.Test);
        error.LibvirtMessage.Should().Contain("not found");
        error.Message.Should().Contain("NoDomain").And.Contain(error.LibvirtMessage);
    }

    [Fact]
    public async Task DefineDomainAsync_Throws_XmlDetail_When_The_Xml_Is_Malformed()
    {
        var error = (await _connection.Invoking(c => c.DefineDomainAsync("<domain")).Should().ThrowAsync<LibvirtException>()).Which;

        error.Code.Should().Be(LibvirtErrorCode.XmlDetail);
        error.LibvirtMessage.Should().Contain("domain");
    }

    [Fact]
    public async Task DefineDomainAsync_Throws_XmlError_When_The_Root_Is_Not_A_Domain()
    {
        var error = (await _connection.Invoking(c => c.DefineDomainAsync("<network/>")).Should().ThrowAsync<LibvirtException>()).Which;

        error.Code.Should().Be(LibvirtErrorCode.XmlError);
        error.Domain.Should().Be(LibvirtErrorDomain.Xml);
    }

    [Fact]
    public async Task Errors_Are_Captured_On_The_Failing_Thread_Even_When_Calls_Fail_Concurrently()
    {
        var failures = Enumerable.Range(0, 16).Select(async i =>
        {
            var malformed = i % 2 == 0;
            var call = malformed
                ? (Func<Task>)(() => _connection.DefineDomainAsync("<domain"))
                : () => _connection.LookupDomainAsync($"missing-{i}");
            var error = (await call.Should().ThrowAsync<LibvirtException>()).Which;
            return (malformed, error.Code);
        });

        foreach (var (malformed, code) in await Task.WhenAll(failures))
        {
            code.Should().Be(malformed ? LibvirtErrorCode.XmlDetail : LibvirtErrorCode.NoDomain);
        }
    }

    [Fact]
    public async Task Start_Suspend_Resume_And_Destroy_Change_The_State_And_Its_Reason()
    {
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(TestDriverDomains.UniqueName("state")));

        await domain.StartAsync();
        (await domain.GetStateAsync()).RunningReason.Should().Be(DomainRunningReason.Booted);

        await domain.SuspendAsync();
        (await domain.GetStateAsync()).PausedReason.Should().Be(DomainPausedReason.User);

        await domain.ResumeAsync();
        (await domain.GetStateAsync()).RunningReason.Should().Be(DomainRunningReason.Unpaused);

        await domain.DestroyAsync();
        (await domain.GetStateAsync()).ShutoffReason.Should().Be(DomainShutoffReason.Destroyed);

        await domain.UndefineAsync();
    }

    [Fact]
    public async Task Shutdown_Reboot_And_Reset_Are_Accepted_By_A_Running_Domain()
    {
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(TestDriverDomains.UniqueName("power")));
        await domain.StartAsync();

        // The test driver takes no shutdown method flags, so let it choose (None).
        await domain.RebootAsync(DomainShutdownMethods.None);
        await domain.ResetAsync();
        await domain.ShutdownAsync(DomainShutdownMethods.None);

        (await domain.GetStateAsync()).ShutoffReason.Should().Be(DomainShutoffReason.Shutdown);
        await domain.UndefineAsync();
    }

    [Fact]
    public async Task GetXmlAsync_Round_Trips_Through_DefineDomainAsync()
    {
        var name = TestDriverDomains.UniqueName("xml");
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(name));

        var xml = await domain.GetXmlAsync();
        using var redefined = await _connection.DefineDomainAsync(xml);

        redefined.Uuid.Should().Be(domain.Uuid);
        xml.Should().Contain($"<name>{name}</name>").And.Contain(domain.Uuid.ToString("D"));
        (await redefined.GetXmlAsync(inactive: true)).Should().Be(xml);
        await domain.UndefineAsync();
    }

    [Fact]
    public async Task GetInfoAsync_Reports_Memory_And_Vcpus()
    {
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(TestDriverDomains.UniqueName("info")));

        var info = await domain.GetInfoAsync();

        info.MaxMemoryKiB.Should().Be(65536);
        info.VirtualCpuCount.Should().Be(2);
        info.State.Should().Be(DomainState.Shutoff);
        await domain.UndefineAsync();
    }

    [Fact]
    public async Task ListDomainsAsync_Filters_Active_And_Inactive_Domains()
    {
        var name = TestDriverDomains.UniqueName("list");
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(name));

        var inactive = await _connection.ListDomainsAsync(DomainListFilter.Inactive);
        var active = await _connection.ListDomainsAsync(DomainListFilter.Active);

        inactive.Select(d => d.Name).Should().Contain(name);
        active.Select(d => d.Name).Should().NotContain(name);
        foreach (var listed in inactive.Concat(active))
        {
            listed.Dispose();
        }

        await domain.UndefineAsync();
    }

    [Fact]
    public async Task GetInterfaceAddressesAsync_Reports_The_Guest_Interfaces_Of_A_Running_Domain()
    {
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(TestDriverDomains.UniqueName("ifaces")));
        await domain.StartAsync();

        var interfaces = await domain.GetInterfaceAddressesAsync(InterfaceAddressSource.Lease);

        interfaces.Should().ContainSingle().Which.HardwareAddress.Should().Be("52:54:00:12:34:56");
        interfaces[0].Addresses.Should().NotBeEmpty();
        await domain.DestroyAsync();
        await domain.UndefineAsync();
    }

    [Fact]
    public async Task GetMemoryStatsAsync_Succeeds_For_A_Running_Domain_Even_When_The_Driver_Reports_Nothing()
    {
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(TestDriverDomains.UniqueName("memstats")));
        await domain.StartAsync();

        var stats = await domain.GetMemoryStatsAsync();

        stats.Should().NotBeNull();
        await domain.DestroyAsync();
        await domain.UndefineAsync();
    }

    [Fact]
    public async Task GetJobStatsAsync_Fails_With_NoSupport_When_The_Driver_Has_No_Jobs()
    {
        using var domain = await _connection.DefineDomainAsync(TestDriverDomains.Xml(TestDriverDomains.UniqueName("jobs")));
        await domain.StartAsync();

        var error = (await domain.Invoking(d => d.GetJobStatsAsync()).Should().ThrowAsync<LibvirtException>()).Which;

        error.Code.Should().Be(LibvirtErrorCode.NoSupport);
        await domain.DestroyAsync();
        await domain.UndefineAsync();
    }
}
