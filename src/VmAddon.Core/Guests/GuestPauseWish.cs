using VmAddon.Api;

namespace VmAddon.Core.Guests;

/// <summary>
/// Whether a VMI's guest should be paused: the pause-requested annotation says so ("true") or not ("false"); without
/// it, a VMI whose spec.startStrategy is Paused stays paused, as KubeVirt's does until it is unpaused.
/// </summary>
public static class GuestPauseWish
{
    public static bool Wanted(VirtualMachineInstance vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        string? requested = null;
        vmi.Metadata?.Annotations?.TryGetValue(VmAddonMetadata.PauseRequestedAnnotation, out requested);
        return requested switch
        {
            "true" => true,
            "false" => false,
            _ => vmi.Spec?.StartStrategy == StartStrategy.Paused,
        };
    }
}
