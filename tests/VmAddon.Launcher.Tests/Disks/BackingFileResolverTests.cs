using VmAddon.Launcher.Disks;

namespace VmAddon.Launcher.Tests.Disks;

public sealed class BackingFileResolverTests
{
    [Fact]
    public void A_backing_file_is_used_as_it_is() =>
        BackingFileResolver.Resolve("root", "/images/root.qcow2", null).Should().Be("/images/root.qcow2");

    [Fact]
    public void A_directory_with_one_file_resolves_to_that_file() =>
        BackingFileResolver.Resolve("root", "/cd/root/disk", ["/cd/root/disk/guest.qcow2"]).Should().Be("/cd/root/disk/guest.qcow2");

    [Fact]
    public void An_empty_directory_is_an_error_naming_the_volume()
    {
        var resolve = () => BackingFileResolver.Resolve("rootdisk", "/cd/rootdisk/disk", []);

        resolve.Should().Throw<LauncherException>().WithMessage("containerDisk volume \"rootdisk\": /cd/rootdisk/disk holds no disk image file*");
    }

    [Fact]
    public void A_directory_with_several_files_is_an_error_listing_them()
    {
        var resolve = () => BackingFileResolver.Resolve("data", "/cd/data/disk", ["/cd/data/disk/b.img", "/cd/data/disk/a.qcow2"]);

        resolve.Should().Throw<LauncherException>().WithMessage("containerDisk volume \"data\": /cd/data/disk holds 2 files (a.qcow2, b.img)*");
    }
}
