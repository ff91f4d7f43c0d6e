using VmAddon.Api;
using VmAddon.Api.Validation;

namespace VmAddon.Core.Machines;

/// <summary>
/// The VM's conditions as KubeVirt shows them: Failure (the spec was rejected, naming the field), Ready (mirrors
/// the instance's), and RestartRequired (the template changed under a running instance).
/// </summary>
public static class MachineConditions
{
    public const string Failure = "Failure";
    public const string Ready = "Ready";
    public const string RestartRequired = "RestartRequired";

    /// <summary>Failure's reason for a spec the semantic validator rejects.</summary>
    public const string InvalidSpecReason = "InvalidSpec";

    /// <summary>Ready's reason while the VM has no instance (KubeVirt's).</summary>
    public const string NoInstanceReason = "VMINotExists";

    /// <summary>RestartRequired's reason.</summary>
    public const string TemplateChangedReason = "TemplateChanged";

    /// <param name="current">The VM's conditions now.</param>
    /// <param name="specErrors">What the semantic validator found wrong with the VM.</param>
    /// <param name="hasInstance">Whether the VM has an instance, or is creating one now (so Ready does not change twice for one start).</param>
    /// <param name="instanceReady">The instance's Ready condition, if it reports one.</param>
    /// <param name="restartRequired">Whether <see cref="TemplateDrift"/> says the instance is stale.</param>
    /// <param name="now">The clock, for lastTransitionTime.</param>
    public static IList<Condition>? Compute(
        IList<Condition>? current, IReadOnlyList<FieldError> specErrors, bool hasInstance, Condition? instanceReady, bool restartRequired, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(specErrors);
        var conditions = specErrors.Count == 0
            ? ConditionList.Remove(current, Failure)
            : ConditionList.Set(current, new Condition
            {
                Type = Failure,
                Status = ConditionStatus.True,
                Reason = InvalidSpecReason,
                Message = "the spec is invalid: " + string.Join("; ", specErrors),
            }, now);

        conditions = ConditionList.Set(conditions, hasInstance
            ? new Condition
            {
                Type = Ready,
                Status = instanceReady?.Status ?? ConditionStatus.False,
                Reason = instanceReady?.Reason,
                Message = instanceReady?.Message,
            }
            : new Condition { Type = Ready, Status = ConditionStatus.False, Reason = NoInstanceReason, Message = "the VM has no instance" }, now);

        return restartRequired
            ? ConditionList.Set(conditions, new Condition
            {
                Type = RestartRequired,
                Status = ConditionStatus.True,
                Reason = TemplateChangedReason,
                Message = "the VM's template changed; restart the VM to apply it",
            }, now)
            : ConditionList.Remove(conditions, RestartRequired);
    }
}
