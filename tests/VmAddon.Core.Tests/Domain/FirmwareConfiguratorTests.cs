using VmAddon.Api;
using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public sealed class FirmwareConfiguratorTests
{
    [Fact]
    public void Configure_Boots_Bios_When_No_Bootloader_Is_Set()
    {
        var (os, _) = FirmwareConfigurator.Configure(null, "q35");

        os.Firmware.Should().BeNull();
        os.Machine.Should().Be("q35");
        os.Kernel.Should().BeNull();
    }

    [Fact]
    public void Configure_Shows_Bios_On_Serial_When_UseSerial_Is_Set()
    {
        var firmware = new Firmware { Bootloader = new Bootloader { Bios = new BiosBootloader { UseSerial = true } } };

        FirmwareConfigurator.Configure(firmware, "pc").Os.BiosUseSerial.Should().BeTrue();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Configure_Autoselects_Efi_With_Secure_Boot_Off(bool secureBootRequested)
    {
        var firmware = new Firmware { Bootloader = new Bootloader { Efi = new EfiBootloader { SecureBoot = secureBootRequested } } };

        var (os, _) = FirmwareConfigurator.Configure(firmware, "q35");

        os.Firmware.Should().Be("efi");
        os.SecureBoot.Should().BeFalse();
    }

    [Fact]
    public void Configure_Rejects_Persistent_Efi_Variables_By_Field()
    {
        var firmware = new Firmware { Bootloader = new Bootloader { Efi = new EfiBootloader { Persistent = true } } };

        var act = () => FirmwareConfigurator.Configure(firmware, "q35");

        act.Should().Throw<NotSupportedException>().WithMessage("spec.domain.firmware.bootloader.efi.persistent:*");
    }

    [Fact]
    public void Configure_Rejects_Both_Bios_And_Efi()
    {
        var firmware = new Firmware { Bootloader = new Bootloader { Bios = new BiosBootloader(), Efi = new EfiBootloader() } };

        var act = () => FirmwareConfigurator.Configure(firmware, "q35");

        act.Should().Throw<ArgumentException>().WithMessage("spec.domain.firmware.bootloader: set only one of bios and efi*");
    }

    [Fact]
    public void Configure_Points_Kernel_Boot_At_The_Mounted_Image()
    {
        var firmware = new Firmware
        {
            KernelBoot = new KernelBoot
            {
                KernelArgs = "console=ttyS0",
                Container = new KernelBootContainer { Image = "k", KernelPath = "/boot/vmlinuz-virt", InitrdPath = "/boot/initramfs-virt" },
            },
        };

        var (os, _) = FirmwareConfigurator.Configure(firmware, "q35");

        os.Kernel.Should().Be("/var/run/vmaddon/kernel-boot/boot/vmlinuz-virt");
        os.Initrd.Should().Be("/var/run/vmaddon/kernel-boot/boot/initramfs-virt");
        os.KernelCommandLine.Should().Be("console=ttyS0");
    }

    [Theory]
    [InlineData(null, "/boot/initrd", "spec.domain.firmware.kernelBoot.container.kernelPath")]
    [InlineData("/boot/../../etc/x", null, "spec.domain.firmware.kernelBoot.container.kernelPath")]
    [InlineData("/vmlinuz", "/../initrd", "spec.domain.firmware.kernelBoot.container.initrdPath")]
    public void Configure_Names_The_Kernel_Boot_Field_At_Fault(string? kernelPath, string? initrdPath, string path)
    {
        var firmware = new Firmware
        {
            KernelBoot = new KernelBoot { Container = new KernelBootContainer { Image = "k", KernelPath = kernelPath, InitrdPath = initrdPath } },
        };

        var act = () => FirmwareConfigurator.Configure(firmware, "q35");

        act.Should().Throw<ArgumentException>().WithMessage($"{path}:*");
    }

    [Fact]
    public void Configure_Rejects_Kernel_Args_Without_A_Kernel_Container()
    {
        var act = () => FirmwareConfigurator.Configure(new Firmware { KernelBoot = new KernelBoot { KernelArgs = "quiet" } }, "q35");

        act.Should().Throw<ArgumentException>().WithMessage("spec.domain.firmware.kernelBoot.container: is required*");
    }

    [Fact]
    public void Configure_Puts_Uuid_And_Serial_Into_Smbios()
    {
        var firmware = new Firmware { Uuid = "5d307ca9-b3ef-428c-8861-06e72d69f223", Serial = "e4686d2c-6e8d-4335-b8fd-81bee22f4814" };

        var (os, sysinfo) = FirmwareConfigurator.Configure(firmware, "q35");

        os.SmbiosFromSysinfo.Should().BeTrue();
        sysinfo.Should().Be(new DomainSysinfo { Uuid = firmware.Uuid, Serial = firmware.Serial });
    }

    [Fact]
    public void Configure_Leaves_Out_Smbios_When_Firmware_Has_No_Identity() =>
        FirmwareConfigurator.Configure(new Firmware(), "q35").Sysinfo.Should().BeNull();
}
