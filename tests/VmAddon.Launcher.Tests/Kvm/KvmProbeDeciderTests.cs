using VmAddon.Launcher.Kvm;

namespace VmAddon.Launcher.Tests.Kvm;

public sealed class KvmProbeDeciderTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);

    private static readonly KvmProbeKey s_key = new("QEMU emulator version 7.2.19", "6.1.0-40-amd64", new string('a', 64));

    [Fact]
    public void The_marker_means_kvm_whatever_else_happened() =>
        KvmProbeDecider.Decide(new ProbeObservation(SawMarker: true, TimedOut: true, ExitCode: null, ErrorTail: "noise"), s_deadline)
            .Verdict.Should().Be(KvmVerdict.Kvm);

    [Fact]
    public void Silence_until_the_deadline_means_tcg_and_says_guests_hang()
    {
        var (verdict, reason) = KvmProbeDecider.Decide(new ProbeObservation(false, true, null, ""), s_deadline);

        verdict.Should().Be(KvmVerdict.Tcg);
        reason.Should().Contain("within 10 s").And.Contain("hang");
    }

    [Fact]
    public void A_QEMU_failure_means_tcg_with_QEMUs_error()
    {
        var (verdict, reason) = KvmProbeDecider.Decide(new ProbeObservation(false, false, 1, "failed to initialize kvm: No such file or directory\n"), s_deadline);

        verdict.Should().Be(KvmVerdict.Tcg);
        reason.Should().Be("QEMU could not run a guest under KVM (exit code 1): failed to initialize kvm: No such file or directory");
    }

    [Fact]
    public void A_guest_that_powers_off_without_the_marker_means_tcg() =>
        KvmProbeDecider.Decide(new ProbeObservation(false, false, 0, ""), s_deadline)
            .Should().Be((KvmVerdict.Tcg, "the probe guest stopped under KVM without printing VMADDON-PROBE-OK"));

    [Fact]
    public void No_KVM_device_means_tcg() =>
        KvmProbeDecider.NoKvmDevice("/dev/kvm").Should().Be((KvmVerdict.Tcg, "/dev/kvm does not exist"));

    [Fact]
    public void A_cached_answer_for_the_same_QEMU_kernel_and_payload_is_reused() =>
        KvmProbeDecider.CanReuse(Answer(s_key), s_key).Should().BeTrue();

    [Fact]
    public void No_cached_answer_is_not_reused() => KvmProbeDecider.CanReuse(null, s_key).Should().BeFalse();

    [Theory]
    [InlineData("QEMU emulator version 8.0.0", "6.1.0-40-amd64", "a")]
    [InlineData("QEMU emulator version 7.2.19", "6.1.0-41-amd64", "a")]
    [InlineData("QEMU emulator version 7.2.19", "6.1.0-40-amd64", "b")]
    public void A_new_QEMU_kernel_or_payload_asks_again(string qemu, string kernel, string hashChar) =>
        KvmProbeDecider.CanReuse(Answer(new KvmProbeKey(qemu, kernel, new string(hashChar[0], 64))), s_key).Should().BeFalse();

    [Fact]
    public void The_cache_file_round_trips_and_names_the_verdict_in_lower_case()
    {
        var answer = Answer(s_key);

        var json = KvmProbeCacheFile.Serialize(answer);

        json.Should().Contain("\"verdict\": \"tcg\"").And.Contain("\"reason\"").And.Contain("\"qemuVersion\"").And.Contain("\"kernelRelease\"").And.Contain("\"probedAt\"");
        KvmProbeCacheFile.Parse(json).Should().Be(answer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("""{"verdict": "tcg"}""")]
    [InlineData("""{"verdict": "maybe", "reason": "r", "qemuVersion": "q", "kernelRelease": "k", "payloadSha256": "p"}""")]
    public void An_unreadable_cache_counts_as_none(string json) => KvmProbeCacheFile.Parse(json).Should().BeNull();

    private static KvmProbeAnswer Answer(KvmProbeKey key) =>
        new(KvmVerdict.Tcg, "hangs", key.QemuVersion, key.KernelRelease, key.PayloadSha256, new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
}
