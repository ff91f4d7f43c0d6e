namespace VmAddon.Api.Validation;

/// <summary>One problem with a manifest: the JSONPath-style field path and a sentence that says what is wrong.</summary>
public sealed record FieldError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
