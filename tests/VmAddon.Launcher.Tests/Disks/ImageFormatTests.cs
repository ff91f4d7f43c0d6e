using VmAddon.Launcher.Disks;

namespace VmAddon.Launcher.Tests.Disks;

public sealed class ImageFormatTests
{
    [Theory]
    [InlineData("""{"virtual-size": 33554432, "filename": "/d/disk.img", "format": "raw"}""", "raw")]
    [InlineData("""{"format": "qcow2", "backing-filename": "/x"}""", "qcow2")]
    public void The_format_is_read_from_qemu_img_info(string json, string format) =>
        ImageFormat.FromQemuImgInfo(json, "/d/disk.img").Should().Be(format);

    [Theory]
    [InlineData("")]
    [InlineData("qemu-img: Could not open '/d/disk.img'")]
    [InlineData("""{"filename": "/d/disk.img"}""")]
    [InlineData("[]")]
    public void Output_without_a_format_is_an_error_naming_the_image(string json)
    {
        var read = () => ImageFormat.FromQemuImgInfo(json, "/d/disk.img");

        read.Should().Throw<LauncherException>().WithMessage("*/d/disk.img*");
    }
}
