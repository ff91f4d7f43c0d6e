using VmAddon.Core.Launcher;
using VmAddon.Launcher.Disks;

namespace VmAddon.Launcher.Tests.Disks;

public sealed class PlanVolumeNamesTests
{
    [Fact]
    public void The_volume_is_read_back_from_the_layouts_file_names()
    {
        PlanVolumeNames.OfOverlay(LauncherLayout.ContainerDiskOverlayPath("rootdisk")).Should().Be("rootdisk");
        PlanVolumeNames.OfEmptyDisk(LauncherLayout.EmptyDiskPath("scratch")).Should().Be("scratch");
        PlanVolumeNames.OfSeed(LauncherLayout.CloudInitIsoPath("cloudinit")).Should().Be("cloudinit");
    }

    [Fact]
    public void A_path_laid_out_otherwise_names_itself() =>
        PlanVolumeNames.OfOverlay("/elsewhere/disk.img").Should().Be("/elsewhere/disk.img");
}
