namespace VmAddon.Api.Tests.Defaults;

public class NameBasedUuidTests
{
    [Fact]
    public void Create_matches_the_rfc_4122_version_5_example()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        NameBasedUuid.Create(dns, "www.example.com").Should().Be(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }
}
