namespace VmAddon.Api.Conversion;

/// <summary>Something a converted manifest still needs: a 1-based line, the document's kind and name, and what to do.</summary>
public sealed record ConversionWarning(int Line, string? Kind, string? Name, string Message)
{
    public override string ToString() =>
        Kind is null ? $"line {Line}: {Message}" : $"line {Line}: {Kind}/{Name ?? "(unnamed)"}: {Message}";
}
