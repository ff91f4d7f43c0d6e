using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Launcher;
using VmAddon.Core.Launcher.Plan;

namespace VmAddon.Core.Tests.Launcher;

public sealed class LauncherPodMetadataTests
{
    private static readonly LauncherPodOptions s_options = new() { SoftwareEmulation = true };

    private static V1Pod Render(VirtualMachineInstance vmi, LauncherPodOptions? options = null) =>
        LauncherPodRenderer.Render(vmi, options ?? s_options);

    [Fact]
    public void Pod_Name_Is_Generated_From_The_Vmi_Name_As_KubeVirt_Does()
    {
        var pod = Render(TestVmis.Demo());

        pod.Metadata.GenerateName.Should().Be("virt-launcher-demo-");
        pod.Metadata.Name.Should().BeNull();
        pod.Metadata.NamespaceProperty.Should().Be("default");
    }

    [Fact]
    public void Pod_Is_Labelled_With_Its_Vmi_And_Keeps_The_Vmi_Labels()
    {
        var labels = Render(TestVmis.Demo()).Metadata.Labels;

        labels.Should().Contain("vmaddon.io/vmi-name", "demo")
            .And.Contain("vmaddon.io/created-by", TestVmis.DemoUid)
            .And.Contain("vmaddon.io/component", "virt-launcher")
            .And.Contain("app", "demo");
    }

    [Fact]
    public void Vmi_Labels_Cannot_Override_The_Launcher_Labels()
    {
        var vmi = TestVmis.Demo();
        vmi.Metadata.Labels["vmaddon.io/created-by"] = "someone-else";

        Render(vmi).Metadata.Labels.Should().Contain("vmaddon.io/created-by", TestVmis.DemoUid);
    }

    [Fact]
    public void Pod_Is_Controlled_By_The_Vmi()
    {
        var owner = Render(TestVmis.Demo()).Metadata.OwnerReferences.Should().ContainSingle().Subject;

        owner.Should().BeEquivalentTo(new V1OwnerReference
        {
            ApiVersion = "vmaddon.io/v1alpha1",
            Kind = "VirtualMachineInstance",
            Name = "demo",
            Uid = TestVmis.DemoUid,
            Controller = true,
            BlockOwnerDeletion = true,
        });
    }

    [Theory]
    [InlineData(30L, 45L)]
    [InlineData(0L, 15L)]
    [InlineData(180L, 195L)]
    [InlineData(null, 45L)]
    public void Termination_Grace_Period_Is_The_Vmi_Grace_Period_Plus_15_Seconds(long? vmiGrace, long podGrace)
    {
        var vmi = TestVmis.Demo().WithSpec(s => s with { TerminationGracePeriodSeconds = vmiGrace });

        var pod = Render(vmi);

        pod.Spec.TerminationGracePeriodSeconds.Should().Be(podGrace);
        LauncherPlan.Parse([.. pod.Spec.Containers[0].Args]).GracePeriodSeconds.Should().Be(vmiGrace ?? 30);
    }

    [Fact]
    public void Pod_Never_Restarts()
    {
        Render(TestVmis.Demo()).Spec.RestartPolicy.Should().Be("Never");
    }

    [Fact]
    public void Placement_Is_Copied_From_The_Vmi()
    {
        var vmi = TestVmis.Demo().WithSpec(s => s with
        {
            NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" },
            Tolerations = [new V1Toleration { Key = "dedicated", OperatorProperty = "Equal", Value = "vms", Effect = "NoSchedule" }],
            Affinity = new V1Affinity
            {
                NodeAffinity = new V1NodeAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                    {
                        NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = [new V1NodeSelectorRequirement { Key = "zone", OperatorProperty = "In", Values = ["a"] }] }],
                    },
                },
            },
        });

        var spec = Render(vmi).Spec;

        spec.NodeSelector.Should().Contain("disk", "ssd");
        spec.Tolerations.Should().BeEquivalentTo(vmi.Spec.Tolerations);
        spec.Affinity.Should().BeEquivalentTo(vmi.Spec.Affinity);
        spec.Affinity.Should().NotBeSameAs(vmi.Spec.Affinity);
    }

    [Fact]
    public void Pod_Requires_A_Node_Served_By_An_Agent_Unless_Told_Otherwise()
    {
        Render(TestVmis.Demo()).Spec.NodeSelector.Should().Contain("vmaddon.io/schedulable", "true");
        Render(TestVmis.Demo(), s_options with { SchedulableNodeLabel = null }).Spec.NodeSelector.Should().BeNull();
    }

    [Fact]
    public void Compute_Container_Runs_The_Launcher_Image_Of_This_Version()
    {
        var containers = Render(TestVmis.Demo(), s_options with { Version = "1.2.3" }).Spec.Containers;
        containers.Select(c => c.Name).Should().Equal("compute", "guest-console-log");
        var compute = containers[0];

        compute.Image.Should().Be("vmaddon/launcher:1.2.3");
        compute.Command.Should().Equal("vmaddon-launcher");
        compute.Args.Should().StartWith(["--namespace", "default", "--name", "demo", "--uid", TestVmis.DemoUid]);
    }

    [Fact]
    public void The_guest_console_log_sidecar_follows_the_serial_log_read_only_with_the_launcher_image()
    {
        var sidecar = Render(TestVmis.Demo(), s_options with { Version = "1.2.3" }).Spec.Containers.Single(c => c.Name == "guest-console-log");

        sidecar.Image.Should().Be("vmaddon/launcher:1.2.3");
        sidecar.Command.Should().Equal("vmaddon-launcher", "guest-console-log");
        sidecar.VolumeMounts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "private", MountPath = "/var/run/vmaddon-private", ReadOnlyProperty = true });
        sidecar.Resources.Requests.Should().ContainKeys("cpu", "memory");
    }

    [Fact]
    public void Compute_Container_Image_Can_Be_Overridden()
    {
        Render(TestVmis.Demo(), s_options with { Image = "registry.example/launcher@sha256:abc" }).Spec.Containers[0].Image
            .Should().Be("registry.example/launcher@sha256:abc");
    }

    [Fact]
    public void Compute_Container_Gets_The_Libvirt_Session_Directories_And_Its_Pod_Identity()
    {
        var env = Render(TestVmis.Demo()).Spec.Containers[0].Env;

        env.Where(e => e.Value is not null).Select(e => (e.Name, e.Value)).Should().Equal(
            ("XDG_RUNTIME_DIR", LauncherLayout.LibvirtRuntimeDir),
            ("XDG_CONFIG_HOME", LauncherLayout.XdgConfigHome),
            ("XDG_CACHE_HOME", LauncherLayout.XdgCacheHome));
        env.Where(e => e.ValueFrom is not null).Select(e => (e.Name, e.ValueFrom.FieldRef.FieldPath)).Should().Equal(
            ("POD_NAME", "metadata.name"),
            ("POD_NAMESPACE", "metadata.namespace"),
            ("NODE_NAME", "spec.nodeName"));
    }

    [Fact]
    public void Options_That_Make_No_Sense_Are_Rejected()
    {
        var act = () => Render(TestVmis.Demo(), s_options with { CpuAllocationRatio = 0 });

        act.Should().Throw<ArgumentException>().WithMessage("*CpuAllocationRatio*");
    }
}
