using VmAddon.Api.Manifests;
using VmAddon.Api.Tests.Manifests;

namespace VmAddon.Api.Tests.Validation;

public class ResourceValidatorTests
{
    private static readonly string Vm = ManifestText.VirtualMachine;
    private const string Spec = "spec.template.spec";

    private static List<string> ErrorsOf(string manifest)
    {
        var result = ManifestLoader.Load(manifest);
        result.SyntaxError.Should().BeNull();
        return [.. result.Resources.SelectMany(r => r.Errors).Select(e => e.ToString())];
    }

    [Fact]
    public void A_valid_virtual_machine_has_no_errors() => ErrorsOf(Vm).Should().BeEmpty();

    public static TheoryData<string, string, string> BrokenFields => new()
    {
        { "    - name: seed\n            disk:", "    - name: data\n            disk:", $"{Spec}.domain.devices.disks[1].name: disk \"data\" has no volume of that name" },
        { "runStrategy: Always", "runStrategy: Always\n  running: true", "spec.running: may not be set together with spec.runStrategy" },
        { "- name: seed\n            disk:", "- name: root\n            disk:", $"{Spec}.domain.devices.disks[1].name: duplicate disk name \"root\"" },
        { "- name: seed\n        cloudInitNoCloud:", "- name: root\n        cloudInitNoCloud:", $"{Spec}.volumes[1].name: duplicate volume name \"root\"" },
        { "masquerade: {}", "masquerade: {}\n            macAddress: 52:54:00:zz:00:01", $"{Spec}.domain.devices.interfaces[0].macAddress: Invalid value: \"52:54:00:zz:00:01\": must be a MAC address of six hex pairs, such as 02:00:00:00:00:01" },
        { "masquerade: {}", "masquerade: {}\n            macAddress: 01:00:5e:00:00:01", $"{Spec}.domain.devices.interfaces[0].macAddress: Invalid value: \"01:00:5e:00:00:01\": is a multicast address; the first octet must be even" },
        { "guest: 128Mi", "guest: -1Gi", $"{Spec}.domain.memory.guest: Invalid value: \"-1Gi\": must be greater than zero" },
        { "guest: 128Mi", "guest: \"0\"", $"{Spec}.domain.memory.guest: Invalid value: \"0\": must be greater than zero" },
        { "image: vmaddon/guest:latest", "image: \"\"", $"{Spec}.volumes[0].containerDisk.image: Required value: a containerDisk needs an image" },
        { "networks:\n      - name: default", "networks:\n      - name: other", $"{Spec}.domain.devices.interfaces[0].name: interface \"default\" has no network of that name" },
        { "masquerade: {}", "masquerade: {}\n            bridge: {}", $"{Spec}.domain.devices.interfaces[0]: may set only one of masquerade or bridge" },
        { "bus: virtio", "bus: virtio\n            bootOrder: 1\n          - name: extra\n            bootOrder: 1\n            cdrom:\n              bus: sata", $"{Spec}.domain.devices.disks[1].bootOrder: boot order 1 is already used by disk \"root\"" },
        { "bus: virtio", "bus: sata\n              readonly: true", $"{Spec}.domain.devices.disks[0].disk.readonly: a sata hard disk cannot be read-only; use bus virtio or scsi, or attach it as a cdrom" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void A_broken_field_is_reported_with_its_path(string from, string to, string expected) =>
        ErrorsOf(Vm.With(from, to)).Should().Contain(expected);

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var manifest = Vm
            .With("runStrategy: Always", "runStrategy: Always\n  running: false")
            .With("guest: 128Mi", "guest: -5Mi")
            .With("- name: seed\n            disk:", "- name: data\n            disk:");

        ErrorsOf(manifest).Should().HaveCountGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Memory_can_come_from_the_resource_request_instead_of_memory_guest() =>
        ErrorsOf(Vm.With("memory:\n          guest: 128Mi", "resources:\n          requests:\n            memory: 64Mi")).Should().BeEmpty();

    [Fact]
    public void Missing_memory_is_an_error_naming_both_ways_to_set_it() =>
        ErrorsOf(Vm.With("memory:\n          guest: 128Mi", "memory: {}"))
            .Should().Contain($"{Spec}.domain.memory.guest: Required value: set memory.guest or resources.requests.memory");

    [Fact]
    public void Efi_without_secure_boot_set_is_rejected_because_kubevirt_defaults_it_on() =>
        ErrorsOf(Vm.With("cpu:", "firmware:\n          bootloader:\n            efi: {}\n        cpu:"))
            .Should().ContainSingle(e => e.StartsWith($"{Spec}.domain.firmware.bootloader.efi.secureBoot: EFI secure boot is not supported", StringComparison.Ordinal));

    [Fact]
    public void Efi_with_secure_boot_off_is_accepted() =>
        ErrorsOf(Vm.With("cpu:", "firmware:\n          bootloader:\n            efi:\n              secureBoot: false\n        cpu:")).Should().BeEmpty();

    [Theory]
    [InlineData("persistentVolumeClaim:\n          claimName: data", "persistentVolumeClaim: a persistentVolumeClaim volume is not supported by VmAddon yet")]
    [InlineData("hostDisk:\n          path: /var/data/disk.img\n          type: DiskOrCreate", "hostDisk: a hostDisk volume is not supported by VmAddon yet")]
    public void Unsupported_volume_sources_are_rejected_by_name(string source, string expected) =>
        ErrorsOf(Vm.With("containerDisk:\n          image: vmaddon/guest:latest", source))
            .Should().Contain($"{Spec}.volumes[0].{expected}");

    [Fact]
    public void A_pool_whose_selector_misses_its_template_labels_is_rejected()
    {
        var pool = """
            apiVersion: vmaddon.io/v1alpha1
            kind: VirtualMachinePool
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              virtualMachineTemplate:
                metadata:
                  labels:
                    app: other
                spec:
                  runStrategy: Always
                  template:
                    spec:
                      domain:
                        memory:
                          guest: 64Mi
                        devices: {}
                      volumes:
                      - name: root
                        containerDisk:
                          image: vmaddon/guest:latest
            """;

        ErrorsOf(pool).Should().Equal("spec.selector: does not select the labels of spec.virtualMachineTemplate.metadata.labels");
    }
}
