using System.Globalization;

namespace VmAddon.Core.Launcher.Plan;

/// <summary>
/// What the launcher prepares before the agent starts the domain, passed as its command-line arguments so that
/// <c>kubectl get pod -o yaml</c> shows it. <see cref="ToArguments"/> and <see cref="Parse"/> are each other's inverse.
/// </summary>
public sealed record LauncherPlan(string Namespace, string Name, string Uid, long GracePeriodSeconds)
{
    public const string NamespaceFlag = "--namespace";
    public const string NameFlag = "--name";
    public const string UidFlag = "--uid";
    public const string GracePeriodFlag = "--grace-period-seconds";
    public const string ContainerDiskFlag = "--container-disk";
    public const string EmptyDiskFlag = "--empty-disk";
    public const string CloudInitFlag = "--cloud-init";
    public const string HypervisorFlag = "--hypervisor";

    /// <summary>The launcher runs a session libvirtd for QEMU guests: every real VM.</summary>
    public const string QemuHypervisor = "qemu";

    /// <summary>
    /// Density mode, like KubeVirt's KWOK runs: the launcher prepares nothing and starts no libvirtd, and the agent
    /// simulates the domain on libvirt's test driver. For scale tests of the control plane only.
    /// </summary>
    public const string TestHypervisor = "test";

    /// <summary><see cref="QemuHypervisor"/> (the default, not written as an argument) or <see cref="TestHypervisor"/>.</summary>
    public string Hypervisor { get; init; } = QemuHypervisor;

    /// <summary>The overlays to create, each given as <c>--container-disk &lt;overlay&gt;=&lt;backing&gt;</c>.</summary>
    public IReadOnlyList<ContainerDiskOverlay> ContainerDisks { get; init; } = [];

    /// <summary>The blank disks to create, each given as <c>--empty-disk &lt;path&gt;=&lt;bytes&gt;</c>.</summary>
    public IReadOnlyList<EmptyDiskImage> EmptyDisks { get; init; } = [];

    /// <summary>The seeds to build, each given as <c>--cloud-init &lt;source dir&gt;=&lt;iso path&gt;</c>.</summary>
    public IReadOnlyList<CloudInitSeedImage> CloudInitSeeds { get; init; } = [];

    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string>
        {
            NamespaceFlag, Namespace,
            NameFlag, Name,
            UidFlag, Uid,
            GracePeriodFlag, GracePeriodSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (Hypervisor != QemuHypervisor)
        {
            args.AddRange([HypervisorFlag, Hypervisor]);
        }

        foreach (var disk in ContainerDisks)
        {
            args.AddRange([ContainerDiskFlag, $"{disk.OverlayPath}={disk.BackingPath}"]);
        }

        foreach (var disk in EmptyDisks)
        {
            args.AddRange([EmptyDiskFlag, $"{disk.Path}={disk.SizeBytes.ToString(CultureInfo.InvariantCulture)}"]);
        }

        foreach (var seed in CloudInitSeeds)
        {
            args.AddRange([CloudInitFlag, $"{seed.SourceDir}={seed.IsoPath}"]);
        }

        return args;
    }

    /// <summary>Reads the plan back from the launcher's arguments.</summary>
    /// <exception cref="FormatException">An argument is unknown, lacks its value, or is malformed; the message says which.</exception>
    public static LauncherPlan Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? ns = null, name = null, uid = null;
        long? grace = null;
        var hypervisor = QemuHypervisor;
        var containerDisks = new List<ContainerDiskOverlay>();
        var emptyDisks = new List<EmptyDiskImage>();
        var seeds = new List<CloudInitSeedImage>();
        for (var i = 0; i < args.Count; i += 2)
        {
            var flag = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : throw new FormatException($"{flag}: a value is missing.");
            switch (flag)
            {
                case NamespaceFlag: ns = value; break;
                case NameFlag: name = value; break;
                case UidFlag: uid = value; break;
                case GracePeriodFlag:
                    grace = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                        ? seconds
                        : throw new FormatException($"{flag}: \"{value}\" is not a whole number of seconds.");
                    break;
                case HypervisorFlag:
                    hypervisor = value is QemuHypervisor or TestHypervisor
                        ? value
                        : throw new FormatException($"{flag}: \"{value}\" is not {QemuHypervisor} or {TestHypervisor}.");
                    break;
                case ContainerDiskFlag:
                    var (overlay, backing) = Pair(flag, value);
                    containerDisks.Add(new ContainerDiskOverlay(overlay, backing));
                    break;
                case EmptyDiskFlag:
                    var (path, size) = Pair(flag, value);
                    emptyDisks.Add(new EmptyDiskImage(path, long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                        ? bytes
                        : throw new FormatException($"{flag}: \"{size}\" is not a whole number of bytes.")));
                    break;
                case CloudInitFlag:
                    var (source, iso) = Pair(flag, value);
                    seeds.Add(new CloudInitSeedImage(source, iso));
                    break;
                default:
                    throw new FormatException($"{flag}: not an argument of the launcher plan.");
            }
        }

        return new LauncherPlan(
            ns ?? throw new FormatException($"{NamespaceFlag} is required."),
            name ?? throw new FormatException($"{NameFlag} is required."),
            uid ?? throw new FormatException($"{UidFlag} is required."),
            grace ?? throw new FormatException($"{GracePeriodFlag} is required."))
        {
            Hypervisor = hypervisor,
            ContainerDisks = containerDisks,
            EmptyDisks = emptyDisks,
            CloudInitSeeds = seeds,
        };
    }

    /// <summary>Splits at the first '=': our own paths never hold one, while a user's containerDisk path might.</summary>
    private static (string Left, string Right) Pair(string flag, string value)
    {
        var at = value.IndexOf('=', StringComparison.Ordinal);
        return at > 0 && at < value.Length - 1
            ? (value[..at], value[(at + 1)..])
            : throw new FormatException($"{flag}: \"{value}\" is not of the form <a>=<b>.");
    }
}
