using System.CommandLine;
using Microsoft.Extensions.Logging;
using VmAddon.Launcher.Kvm;
using VmAddon.Launcher.Logging;

namespace VmAddon.Launcher.Commands;

/// <summary>
/// <c>vmaddon-launcher probe-kvm</c>: prints <c>kvm</c> or <c>tcg</c> and why. The answer is a node fact: the domain
/// renderer's SoftwareEmulation is true for <c>tcg</c>.
/// </summary>
internal static class ProbeKvmCommand
{
    public static Command Build(LauncherStreams streams)
    {
        var defaults = new KvmProbeOptions();
        var kernel = new Option<string>("--kernel") { Description = $"The probe payload's kernel (default: {defaults.Kernel}).", DefaultValueFactory = _ => defaults.Kernel };
        var initrd = new Option<string>("--initrd") { Description = $"The probe payload's initrd (default: {defaults.Initrd}).", DefaultValueFactory = _ => defaults.Initrd };
        var deadline = new Option<string>("--deadline") { Description = "How long the probe guest gets to print its marker, e.g. 10s or 1500ms (default: 10s).", DefaultValueFactory = _ => "10s" };
        var cache = new Option<string>("--cache") { Description = $"Where the answer is cached, keyed by QEMU version, kernel release and payload (default: {defaults.CachePath}).", DefaultValueFactory = _ => defaults.CachePath };
        var qemu = new Option<string>("--qemu") { Description = "The QEMU binary (default: qemu-system-x86_64).", DefaultValueFactory = _ => defaults.Qemu, Hidden = true };
        var kvmDevice = new Option<string>("--kvm-device") { Description = "The KVM device (default: /dev/kvm).", DefaultValueFactory = _ => defaults.KvmDevice, Hidden = true };
        var json = new Option<bool>("--json") { Description = "Print the whole answer as JSON, as cached." };
        var command = new Command("probe-kvm", "Decide whether KVM can really run guests here (kvm) or guests need software emulation (tcg). Exits 0 either way.")
        {
            kernel, initrd, deadline, cache, qemu, kvmDevice, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!DurationText.TryParse(parse.GetValue(deadline), out var limit))
            {
                await streams.Error.WriteLineAsync($"error: --deadline: \"{parse.GetValue(deadline)}\" is not a duration such as 10s or 1500ms.".AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var options = new KvmProbeOptions
            {
                Kernel = parse.GetValue(kernel)!,
                Initrd = parse.GetValue(initrd)!,
                Deadline = limit,
                CachePath = parse.GetValue(cache)!,
                Qemu = parse.GetValue(qemu)!,
                KvmDevice = parse.GetValue(kvmDevice)!,
            };
            var problems = options.Problems().ToList();
            if (problems.Count > 0)
            {
                await streams.Error.WriteLineAsync(string.Join('\n', problems.Select(p => $"error: {p}")).AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            using var logging = LoggerFactory.Create(LauncherLogging.Configure);
            try
            {
                var (answer, cached) = await new KvmProbe(options, TimeProvider.System, logging.CreateLogger<KvmProbe>()).RunAsync(cancellationToken).ConfigureAwait(false);
                var text = parse.GetValue(json)
                    ? KvmProbeCacheFile.Serialize(answer)
                    : $"{answer.Verdict.ToString().ToLowerInvariant()}: {answer.Reason}{(cached ? $" (cached {answer.ProbedAt:u})" : "")}";
                await streams.Out.WriteLineAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
                await streams.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (LauncherException e)
            {
                await streams.Error.WriteLineAsync($"error: {e.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
