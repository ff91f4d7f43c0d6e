using VmAddon.DevCluster.Nodes;

namespace VmAddon.DevCluster.Tests.Nodes;

/// <summary>A Program image runs this build of its program wherever a command names it: container starts and exec alike.</summary>
public class ImageTargetTests
{
    private static readonly ImageTarget s_launcher = new(ImageKind.Program, "/repo/bin/vmaddon-launcher");

    [Theory]
    [InlineData("vmaddon-launcher console", "/repo/bin/vmaddon-launcher console")]
    [InlineData("/usr/bin/vmaddon-launcher console --socket /s", "/repo/bin/vmaddon-launcher console --socket /s")]
    [InlineData("sh -c true", "sh -c true")]
    public void A_program_image_resolves_its_entrypoint_by_file_name(string command, string expected) =>
        string.Join(' ', s_launcher.Resolve(command.Split(' '))).Should().Be(expected);

    [Fact]
    public void A_host_image_runs_the_command_as_written() =>
        ImageTarget.Host.Resolve(["vmaddon-launcher", "console"]).Should().Equal("vmaddon-launcher", "console");
}
