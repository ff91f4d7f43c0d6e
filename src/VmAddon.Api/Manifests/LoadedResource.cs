using VmAddon.Api.Validation;

namespace VmAddon.Api.Manifests;

/// <summary>
/// One document of a manifest after reading, typing, defaulting and validation. <see cref="Resource"/>
/// is the defaulted object when the document could be typed, even if it has semantic errors.
/// </summary>
public sealed record LoadedResource(ManifestDocument Document, string? Kind, string? Name, object? Resource, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The 1-based line of an error's field in the source.</summary>
    public int LineOf(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Document.LineOf(error.Path);
    }
}
