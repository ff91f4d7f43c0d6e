using System.Text.Json.Nodes;
using VmAddon.Api;

namespace VmAddon.Core.Lifecycle;

/// <summary>
/// kubectl vm pause and unpause: KubeVirt's checks, then the VMI's pause annotation, which the agent on the instance's
/// node carries out and reports as the Paused condition.
/// </summary>
public static class InstancePause
{
    public const string NotRunning = "VMI is not running";

    public static LifecyclePlan Pause(VirtualMachineInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!IsRunning(instance))
        {
            return new LifecyclePlan.Refused(NotRunning);
        }

        if (IsPaused(instance))
        {
            return new LifecyclePlan.Refused("VMI is already paused");
        }

        if (instance.Status?.MigrationState is { Completed: not true })
        {
            return new LifecyclePlan.Refused($"Cannot pause VM '{instance.Metadata.Name}' because it is currently being migrated");
        }

        return Annotate(instance, "true");
    }

    public static LifecyclePlan Unpause(VirtualMachineInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!IsRunning(instance))
        {
            return new LifecyclePlan.Refused(NotRunning);
        }

        return IsPaused(instance) ? Annotate(instance, "false") : new LifecyclePlan.Refused("VMI is not paused");
    }

    public static bool IsPaused(VirtualMachineInstance instance) =>
        instance?.Status?.Conditions?.Any(c => c.Type == VirtualMachineInstanceConditionType.Paused && c.Status == "True") == true;

    // An instance being deleted (by a stop or a restart) is on its way out: a pause would die with it.
    private static bool IsRunning(VirtualMachineInstance instance) =>
        instance.Status?.Phase == VirtualMachineInstancePhase.Running && instance.Metadata.DeletionTimestamp is null;

    private static LifecyclePlan.Patches Annotate(VirtualMachineInstance instance, string value)
    {
        var patch = JsonPatchBuilder.From(instance.Metadata.ResourceVersion);
        patch = instance.Metadata.Annotations is null
            ? patch.Add("/metadata/annotations", new JsonObject { [VmAddonMetadata.PauseRequestedAnnotation] = value })
            : patch.Add($"/metadata/annotations/{JsonPatchBuilder.Escape(VmAddonMetadata.PauseRequestedAnnotation)}", JsonValue.Create(value));
        return new LifecyclePlan.Patches([new LifecyclePatch(PatchTarget.VirtualMachineInstance, patch.Build())]);
    }
}
