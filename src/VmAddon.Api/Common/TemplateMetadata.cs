using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The metadata a template gives to the objects made from it.</summary>
public sealed record TemplateMetadata
{
    [Doc("The name of the object made from the template; generated when empty.")]
    public string? Name { get; init; }

    public string? GenerateName { get; init; }

    [Doc("Labels copied to the objects made from the template.")]
    public IDictionary<string, string>? Labels { get; init; }

    [Doc("Annotations copied to the objects made from the template.")]
    public IDictionary<string, string>? Annotations { get; init; }
}
