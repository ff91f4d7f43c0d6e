using k8s.Models;

namespace VmAddon.Api.Validation;

/// <summary>
/// The one semantic validator of VmAddon's resources. It runs after defaulting and returns every
/// error, each with its field path. The controller and the CLI both call it.
/// </summary>
public static class ResourceValidator
{
    public static IReadOnlyList<FieldError> Validate(VirtualMachine vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var errors = new FieldErrors();
        MetadataRules.Validate(vm.Metadata, errors);
        ValidateVirtualMachineSpec(vm.Spec, "spec", errors);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> Validate(VirtualMachineInstance vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        var errors = new FieldErrors();
        MetadataRules.Validate(vmi.Metadata, errors);
        VirtualMachineInstanceSpecRules.Validate(vmi.Spec, "spec", errors);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> Validate(VirtualMachinePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var errors = new FieldErrors();
        MetadataRules.Validate(pool.Metadata, errors);
        var spec = pool.Spec;
        if (spec.Replicas is < 0)
        {
            errors.Add("spec.replicas", $"Invalid value: {spec.Replicas}: must be greater than or equal to 0");
        }

        ValidateSelector(spec.Selector, spec.VirtualMachineTemplate.Metadata?.Labels, errors);
        var strategy = spec.UpdateStrategy;
        if (strategy is not null && new object?[] { strategy.Proactive, strategy.Opportunistic, strategy.Unmanaged }.Count(s => s is not null) > 1)
        {
            errors.Add("spec.updateStrategy", "may set only one of proactive, opportunistic or unmanaged");
        }

        ValidateVirtualMachineSpec(spec.VirtualMachineTemplate.Spec, "spec.virtualMachineTemplate.spec", errors);
        return errors.All;
    }

    public static IReadOnlyList<FieldError> Validate(VirtualMachineInstanceMigration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var errors = new FieldErrors();
        MetadataRules.Validate(migration.Metadata, errors);
        if (string.IsNullOrEmpty(migration.Spec.VmiName))
        {
            errors.Required("spec.vmiName", "name the VirtualMachineInstance to migrate");
        }

        return errors.All;
    }

    /// <summary>Validates whichever of the four kinds <paramref name="resource"/> is.</summary>
    public static IReadOnlyList<FieldError> Validate(object resource) => resource switch
    {
        VirtualMachine vm => Validate(vm),
        VirtualMachineInstance vmi => Validate(vmi),
        VirtualMachinePool pool => Validate(pool),
        VirtualMachineInstanceMigration migration => Validate(migration),
        _ => throw new ArgumentException($"{resource?.GetType().Name ?? "null"} is not a VmAddon resource", nameof(resource)),
    };

    private static void ValidateVirtualMachineSpec(VirtualMachineSpec spec, string path, FieldErrors errors)
    {
        if (spec.Running is not null && spec.RunStrategy is not null)
        {
            errors.Add($"{path}.running", $"may not be set together with {path}.runStrategy");
        }

        if (spec.RunStrategy is { } strategy && !RunStrategy.All.Contains(strategy))
        {
            errors.Unsupported($"{path}.runStrategy", strategy, RunStrategy.All);
        }

        VirtualMachineInstanceSpecRules.Validate(spec.Template.Spec, $"{path}.template.spec", errors);
    }

    /// <summary>The pool's selector must select the VMs its template makes, or the pool would create them forever.</summary>
    private static void ValidateSelector(V1LabelSelector selector, IDictionary<string, string>? labels, FieldErrors errors)
    {
        if ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0)
        {
            errors.Required("spec.selector", "a pool needs a non-empty selector");
            return;
        }

        if (!LabelSelectorMatcher.Matches(selector, labels ?? new Dictionary<string, string>()))
        {
            errors.Add("spec.selector", "does not select the labels of spec.virtualMachineTemplate.metadata.labels");
        }
    }
}
