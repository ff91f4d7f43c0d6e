using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using VmAddon.Launcher.Tests.Support;

namespace VmAddon.Launcher.Tests.Hypervisor;

/// <summary>The pod entrypoint as a real process, run as the pod's non-root user, with a real libvirtd and real images.</summary>
[Trait("Category", "Hypervisor")]
public sealed class LauncherEntrypointTests : IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    private readonly ScratchDir _dir = new();

    public LauncherEntrypointTests() => RequiredTools.RequireHypervisor();

    private string RuntimeDir => _dir.File("run");

    private string SocketPath => Path.Combine(RuntimeDir, "libvirt", "libvirt-sock");

    private string MarkerPath => Path.Combine(RuntimeDir, "vmaddon-launcher-ready");

    private string SerialLog => _dir.File("private/serial0.log");

    private string Overlay => _dir.File("disks/container-disk-rootdisk.qcow2");

    private string EmptyDisk => _dir.File("disks/empty-disk-scratch.qcow2");

    private string SeedIso => _dir.File("private/cloud-init/seed.iso");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task It_prepares_the_disks_reports_ready_and_serves_libvirt_as_the_pod_user()
    {
        var backingDir = await MakeContainerDiskAsync();
        await using var launcher = await StartAsync(backingDir, "--grace-period-seconds", "5");
        await WaitUntilReadyAsync(launcher);

        var overlay = await QemuImgInfoAsync(Overlay);
        overlay.GetProperty("format").GetString().Should().Be("qcow2");
        overlay.GetProperty("backing-filename").GetString().Should().Be(Path.Combine(backingDir, "disk.qcow2"));
        overlay.GetProperty("backing-filename-format").GetString().Should().Be("qcow2");

        var empty = await QemuImgInfoAsync(EmptyDisk);
        empty.GetProperty("format").GetString().Should().Be("qcow2");
        empty.GetProperty("virtual-size").GetInt64().Should().Be(64L * 1024 * 1024);
        new FileInfo(EmptyDisk).Length.Should().BeLessThan(1024 * 1024, "an empty disk is sparse");

        var iso = await ToolRun.OutputOfAsync("isoinfo", "-d", "-i", SeedIso);
        iso.Should().Contain("Volume id: cidata");
        var listing = await ToolRun.OutputOfAsync("isoinfo", "-J", "-l", "-i", SeedIso);
        listing.Should().Contain("meta-data").And.Contain("user-data").And.Contain("network-config");
        var userData = await ToolRun.OutputOfAsync("isoinfo", "-J", "-i", SeedIso, "-x", "/user-data");
        userData.Should().Be("#!/bin/sh\necho from-secret\n", "the Secret's userData key becomes user-data");

        File.Exists(SocketPath).Should().BeTrue();
        var version = await ToolRun.OutputOfAsync("virsh", "-c", $"qemu+unix:///session?socket={SocketPath}", "list", "--all", "--name");
        version.Trim().Should().BeEmpty("the pod's daemon starts with no domain");
        var podUser = PodUser.TestsRunAsRoot ? PodUser.Uid : await OwnerOfAsync(Environment.ProcessId);
        (await OwnerOfAsync(launcher.Id)).Should().Be(podUser, "the launcher runs as the pod's non-root user");
        (await OwnerOfAsync(DaemonPid())).Should().Be(podUser, "so does its libvirtd");
    }

    [Fact]
    public async Task It_streams_the_serial_log_to_stdout_across_truncation()
    {
        await using var launcher = await StartAsync(backingDir: null, "--grace-period-seconds", "5");
        await WaitUntilReadyAsync(launcher);

        Directory.CreateDirectory(Path.GetDirectoryName(SerialLog)!);
        await File.WriteAllTextAsync(SerialLog, "SeaBIOS line one\n");
        await Eventually.WaitAsync(() => launcher.Output.Contains("SeaBIOS line one", StringComparison.Ordinal), s_deadline, () => $"the first console line on stdout; got:\n{launcher.Output}");
        await File.AppendAllTextAsync(SerialLog, "login: \n");
        await Eventually.WaitAsync(() => launcher.Output.Contains("login:", StringComparison.Ordinal), s_deadline, () => $"an appended console line; got:\n{launcher.Output}");

        await File.WriteAllTextAsync(SerialLog, "rebooted\n");
        await Eventually.WaitAsync(() => launcher.Output.Contains("rebooted", StringComparison.Ordinal), s_deadline, () => $"the console after truncation; got:\n{launcher.Output}");
        launcher.Error.Should().NotContain("rebooted", "the console goes to stdout and logs to stderr");
    }

    [Fact]
    public async Task In_density_mode_it_reports_ready_without_disks_or_libvirtd_and_exits_0_on_SIGTERM()
    {
        await using var launcher = await StartAsync(backingDir: null, "--grace-period-seconds", "5", "--hypervisor", "test");
        await Eventually.WaitAsync(() => File.Exists(MarkerPath) || launcher.HasExited, s_deadline, () => $"the readiness marker; the launcher logged:\n{launcher.Error}");

        DaemonPid().Should().Be(0, "no libvirtd runs in density mode");
        File.Exists(SocketPath).Should().BeFalse();
        File.Exists(EmptyDisk).Should().BeFalse("nothing is prepared for a simulated domain");
        // The marker can appear before the test's reader of the launcher's stderr has the log line that says why.
        await Eventually.WaitAsync(() => launcher.Error.Contains("density mode", StringComparison.Ordinal), s_deadline, () => $"the density mode log line; got:\n{launcher.Error}");

        await ToolRun.OutputOfAsync("kill", "-TERM", launcher.Id.ToString(CultureInfo.InvariantCulture));
        (await launcher.WaitForExitAsync(s_deadline)).Should().Be(0, launcher.Error);
    }

    [Fact]
    public async Task It_exits_non_zero_when_libvirtd_dies()
    {
        await using var launcher = await StartAsync(backingDir: null, "--grace-period-seconds", "5");
        await WaitUntilReadyAsync(launcher);

        await ToolRun.OutputOfAsync("kill", "-9", DaemonPid().ToString(CultureInfo.InvariantCulture));

        (await launcher.WaitForExitAsync(s_deadline)).Should().NotBe(0);
        launcher.Error.Should().Contain("libvirtd died");
        File.Exists(MarkerPath).Should().BeFalse("a failed launcher must not look ready");
    }

    [Fact]
    public async Task On_SIGTERM_it_destroys_a_guest_that_ignores_shutdown_stops_libvirtd_and_exits_0()
    {
        RequiredTools.Require(("qemu-system-x86_64", "qemu-system-x86"));
        await using var launcher = await StartAsync(backingDir: null, "--grace-period-seconds", "2");
        await WaitUntilReadyAsync(launcher);
        var daemon = DaemonPid();

        // A diskless guest sits in the BIOS and ignores ACPI, so the grace period runs out and destroy must follow.
        var uri = $"qemu+unix:///session?socket={SocketPath}";
        var xml = _dir.File("idle.xml");
        await File.WriteAllTextAsync(xml, "<domain type='qemu'><name>idle</name><memory unit='MiB'>32</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><features><acpi/></features></domain>");
        await ToolRun.OutputOfAsync("virsh", "-c", uri, "create", xml);
        var qemu = QemuPids();
        qemu.Should().NotBeEmpty("the guest's QEMU runs");
        var logDaemonPidFile = Path.Combine(RuntimeDir, "libvirt", "virtlogd.pid");
        var logDaemon = File.Exists(logDaemonPidFile) ? int.Parse(File.ReadAllText(logDaemonPidFile).Trim(), CultureInfo.InvariantCulture) : 0;

        launcher.Signal("TERM");

        (await launcher.WaitForExitAsync(s_deadline)).Should().Be(0, launcher.Error);
        launcher.Error.Should().Contain("domain idle: ACPI shutdown requested").And.Contain("destroy: destroyed");
        IsAlive(daemon).Should().BeFalse("libvirtd is stopped with the launcher");
        qemu.Should().OnlyContain(pid => !IsAlive(pid), "no QEMU survives the launcher");
        if (logDaemon != 0)
        {
            IsAlive(logDaemon).Should().BeFalse("the virtlogd libvirtd spawned is stopped too");
        }
        File.Exists(MarkerPath).Should().BeFalse();
    }

    [Fact]
    public async Task A_restarted_launcher_keeps_the_disks_it_made()
    {
        var backingDir = await MakeContainerDiskAsync();
        await using (var first = await StartAsync(backingDir, "--grace-period-seconds", "5"))
        {
            await WaitUntilReadyAsync(first);
            first.Signal("TERM");
            (await first.WaitForExitAsync(s_deadline)).Should().Be(0, first.Error);
        }

        var overlayWritten = File.GetLastWriteTimeUtc(Overlay);
        await using var second = await StartAsync(backingDir, "--grace-period-seconds", "5");
        await WaitUntilReadyAsync(second);

        second.Error.Should().Contain("volume rootdisk: ").And.Contain("already exists (container restart); kept");
        File.GetLastWriteTimeUtc(Overlay).Should().Be(overlayWritten, "the guest's writes in the overlay survive a container restart");
    }

    [Fact]
    public async Task It_names_the_volume_when_a_container_disk_holds_several_files()
    {
        var backingDir = await MakeContainerDiskAsync();
        await File.WriteAllTextAsync(Path.Combine(backingDir, "README"), "not a disk");
        await PodUser.GiveAsync(_dir.Path);
        await using var launcher = await StartAsync(backingDir, "--grace-period-seconds", "5");

        (await launcher.WaitForExitAsync(s_deadline)).Should().Be(1);
        launcher.Error.Should().Contain("containerDisk volume \"rootdisk\"").And.Contain("holds 2 files");
        File.Exists(MarkerPath).Should().BeFalse();
    }

    private async Task<string> MakeContainerDiskAsync()
    {
        var backingDir = _dir.Sub("container-disks/rootdisk");
        await ToolRun.OutputOfAsync("qemu-img", "create", "-q", "-f", "qcow2", Path.Combine(backingDir, "disk.qcow2"), "32M");
        return backingDir;
    }

    private async Task<LauncherProcess> StartAsync(string? backingDir, params string[] extra)
    {
        var seedSource = _dir.Sub("cloud-init/seed");
        await File.WriteAllTextAsync(Path.Combine(seedSource, "meta-data"), "instance-id: web.ns\nlocal-hostname: web\n");
        await File.WriteAllTextAsync(Path.Combine(seedSource, "userData"), "#!/bin/sh\necho from-secret\n");
        await File.WriteAllTextAsync(Path.Combine(seedSource, "networkdata"), "version: 2\n");
        await PodUser.GiveAsync(_dir.Path);
        List<string> arguments = ["--namespace", "ns", "--name", "web", "--uid", "0b5c7a4e", .. extra,
            "--empty-disk", $"{EmptyDisk}={64 * 1024 * 1024}",
            "--cloud-init", $"{seedSource}={SeedIso}",
            "--serial-log", SerialLog];
        if (backingDir is not null)
        {
            arguments.AddRange(["--container-disk", $"{Overlay}={backingDir}"]);
        }

        return LauncherProcess.Start(await PodUser.PrefixAsync(), arguments, new Dictionary<string, string>
        {
            ["XDG_RUNTIME_DIR"] = RuntimeDir,
            ["XDG_CONFIG_HOME"] = _dir.File("private/config"),
            ["XDG_CACHE_HOME"] = _dir.File("private/cache"),
            ["HOME"] = _dir.Path,
        });
    }

    private async Task WaitUntilReadyAsync(LauncherProcess launcher)
    {
        await Eventually.WaitAsync(() => File.Exists(MarkerPath) || launcher.HasExited, s_deadline, () => $"the readiness marker; the launcher logged:\n{launcher.Error}");
        launcher.HasExited.Should().BeFalse($"the launcher should run; it logged:\n{launcher.Error}");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
    }

    /// <summary>The launcher writes its libvirtd's pid into the readiness marker.</summary>
    private int DaemonPid() => int.Parse(File.ReadAllText(MarkerPath).Trim(), CultureInfo.InvariantCulture);

    /// <summary>QEMU processes whose command line names this test's directory (libvirt passes it the runtime paths).</summary>
    private List<int> QemuPids() =>
        Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid =>
            {
                try
                {
                    var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
                    return commandLine.StartsWith("/usr/bin/qemu-system", StringComparison.Ordinal) && commandLine.Contains(_dir.Path, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .ToList();

    /// <summary>Running, as opposed to gone or a zombie that its reaper (init, here) has not collected yet.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(") ", 2)[1].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<int> OwnerOfAsync(int pid)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        var uidLine = status.Single(line => line.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> QemuImgInfoAsync(string image)
    {
        using var document = JsonDocument.Parse(await ToolRun.OutputOfAsync("qemu-img", "info", "-U", "--output=json", image));
        return document.RootElement.Clone();
    }
}
