using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public sealed class PodBridgeTests
{
    [Theory]
    [InlineData("default", "k6t-default")]
    [InlineData("net-eleven", "k6t-net-eleven")]
    public void Name_Prefixes_Short_Network_Names(string network, string bridge) =>
        PodBridge.Name(network).Should().Be(bridge);

    [Fact]
    public void Name_Stays_A_Valid_Linux_Interface_Name_And_Distinct_For_Long_Networks()
    {
        var a = PodBridge.Name("a-very-long-network-name-one");
        var b = PodBridge.Name("a-very-long-network-name-two");

        a.Length.Should().BeLessThanOrEqualTo(15);
        b.Length.Should().BeLessThanOrEqualTo(15);
        a.Should().StartWith("k6t-").And.NotBe(b);
    }
}
