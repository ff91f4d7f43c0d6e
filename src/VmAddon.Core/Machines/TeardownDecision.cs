namespace VmAddon.Core.Machines;

/// <summary>The VMI controller's teardown step for one VMI.</summary>
/// <param name="Applies">False while the VMI lives on (not deleted, not final): the normal lifecycle applies instead.</param>
/// <param name="DeletePod">Whether to delete the launcher pod now.</param>
/// <param name="ReleaseFinalizer">Whether the pod is gone, so the finalizer may go once the API confirms it.</param>
/// <param name="RecheckAfter">When to look again (the silent-agent deadline), or null.</param>
public sealed record TeardownDecision(bool Applies, bool DeletePod, bool ReleaseFinalizer, TimeSpan? RecheckAfter)
{
    /// <summary>Nothing to tear down.</summary>
    public static readonly TeardownDecision Keep = new(false, false, false, null);
}
