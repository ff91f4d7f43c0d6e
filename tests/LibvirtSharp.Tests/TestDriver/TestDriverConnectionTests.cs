using LibvirtSharp.Tests.Support;

namespace LibvirtSharp.Tests.TestDriver;

public sealed class TestDriverConnectionTests
{
    [Fact]
    public async Task OpenAsync_Connects_To_The_Test_Driver_And_Lists_Its_Builtin_Domain()
    {
        using var connection = await LibvirtConnection.OpenAsync(TestDriverDomains.Uri);

        var domains = await connection.ListDomainsAsync();

        connection.IsAlive.Should().BeTrue();
        domains.Select(d => d.Name).Should().Contain("test");
        foreach (var domain in domains)
        {
            domain.Dispose();
        }
    }

    [Fact]
    public async Task OpenAsync_Throws_LibvirtException_When_The_Uri_Names_No_Driver()
    {
        var open = () => LibvirtConnection.OpenAsync("nosuchdriver:///nowhere");

        var error = (await open.Should().ThrowAsync<LibvirtException>()).Which;
        error.LibvirtMessage.Should().NotBeNullOrWhiteSpace();
        error.Code.Should().NotBe(LibvirtErrorCode.Ok);
    }

    [Fact]
    public async Task TryEnableKeepAlive_Returns_False_When_The_Driver_Has_No_Keepalive()
    {
        using var connection = await LibvirtConnection.OpenAsync(TestDriverDomains.Uri);

        connection.TryEnableKeepAlive().Should().BeFalse("the in-process test driver has no peer to ping");
        connection.IsAlive.Should().BeTrue();
    }

    [Fact]
    public async Task Closed_Completes_With_Client_When_The_Connection_Is_Disposed()
    {
        var connection = await LibvirtConnection.OpenAsync(TestDriverDomains.Uri);
        ConnectionCloseReason? raised = null;
        connection.ConnectionClosed += (_, e) => raised = e.Reason;

        connection.Dispose();
        connection.Dispose();

        (await connection.Closed.WaitAsync(Deadline.Seconds(10))).Should().Be(ConnectionCloseReason.Client);
        raised.Should().Be(ConnectionCloseReason.Client);
        connection.IsAlive.Should().BeFalse();
    }

    [Fact]
    public async Task A_Domain_Stays_Usable_After_Its_Connection_Is_Disposed()
    {
        LibvirtDomain domain;
        using (var connection = await LibvirtConnection.OpenAsync(TestDriverDomains.Uri))
        {
            domain = await connection.LookupDomainAsync("test");
        }

        using (domain)
        {
            (await domain.GetStateAsync()).State.Should().Be(DomainState.Running);
        }
    }

    [Fact]
    public async Task Disposing_A_Domain_Twice_Is_Harmless_And_Later_Calls_Throw_ObjectDisposed()
    {
        using var connection = await LibvirtConnection.OpenAsync(TestDriverDomains.Uri);
        var domain = await connection.LookupDomainAsync("test");

        domain.Dispose();
        domain.Dispose();

        await domain.Invoking(d => d.GetStateAsync()).Should().ThrowAsync<ObjectDisposedException>();
    }
}
