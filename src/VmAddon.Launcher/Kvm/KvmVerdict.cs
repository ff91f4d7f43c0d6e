using System.Text.Json.Serialization;

namespace VmAddon.Launcher.Kvm;

/// <summary>How guests on this node must run: with KVM, or under QEMU's software emulation (TCG).</summary>
internal enum KvmVerdict
{
    [JsonStringEnumMemberName("kvm")]
    Kvm,

    [JsonStringEnumMemberName("tcg")]
    Tcg,
}
