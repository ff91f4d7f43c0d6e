using VmAddon.Launcher.CloudInit;

namespace VmAddon.Launcher.Tests.CloudInit;

public sealed class SeedFileSelectorTests
{
    [Fact]
    public void Inline_data_uses_the_NoCloud_names() =>
        SeedFileSelector.Select("seed", "/src", ["meta-data", "user-data", "network-config"])
            .Should().Be(new SeedFiles("meta-data", "user-data", "network-config"));

    [Theory]
    [InlineData("userdata", "networkdata")]
    [InlineData("userData", "networkData")]
    public void Secret_keys_are_accepted_in_either_KubeVirt_spelling(string userKey, string networkKey) =>
        SeedFileSelector.Select("seed", "/src", ["meta-data", userKey, networkKey])
            .Should().Be(new SeedFiles("meta-data", userKey, networkKey));

    [Fact]
    public void The_NoCloud_name_wins_over_a_Secret_key_then_userdata_over_userData() =>
        SeedFileSelector.Select("seed", "/src", ["meta-data", "userData", "userdata", "networkData", "network-config"])
            .Should().Be(new SeedFiles("meta-data", "userdata", "network-config"));

    [Fact]
    public void User_and_network_data_are_optional() =>
        SeedFileSelector.Select("seed", "/src", ["meta-data", "..data"]).Should().Be(new SeedFiles("meta-data", null, null));

    [Fact]
    public void Missing_meta_data_is_an_error_naming_the_volume()
    {
        var select = () => SeedFileSelector.Select("cloudinit", "/src/cloudinit", ["user-data"]);

        select.Should().Throw<LauncherException>().WithMessage("cloudInitNoCloud volume \"cloudinit\": /src/cloudinit has no meta-data file.");
    }
}
