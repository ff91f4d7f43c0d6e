namespace VmAddon.Api.Validation;

/// <summary>One thing wrong with an object: the JSONPath-style field path and a sentence that says what.</summary>
public sealed record FieldError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
